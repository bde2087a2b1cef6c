"""The facilitator runs the evening with one hand; the projector, every phone and a second console follow."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_walking_skeleton import live

pytestmark = pytest.mark.browser


def seconds(text: str) -> int:
    minutes, secs = text.split(":")
    return int(minutes) * 60 + int(secs)


def open_room(server, contexts, title):
    """A new event with its console, its projector and one phone that joined, all connected."""
    event = server.set_up_event(title, "nl")
    console = contexts("laptop").page()
    console.goto(event["facilitator_url"])
    projector = contexts("projector").page()
    projector.goto(event["projector_url"])
    phone = contexts("phone").page()
    phone.goto(event["join_url"])
    phone.get_by_role("button", name="Doe mee").click()
    for page in (console, projector, phone):
        live(page)
    return console, projector, phone


def remove_minutes_until(console, target: int) -> None:
    """Press −1 min until the console's own countdown shows `target` seconds or less."""
    clock = console.locator("#panel-programme [data-timer-text]")
    for _ in range(30):
        if seconds(clock.inner_text()) <= target:
            return
        before = clock.inner_text()
        console.get_by_role("button", name="−1 min").click()
        expect(clock).not_to_have_text(before, timeout=3_000)
    raise AssertionError("the timer did not come down")


def test_moving_through_the_programme_with_timer_and_announcements(server, contexts, screenshot):
    event = server.set_up_event("Van dromen naar daden", "nl", 2)
    console = contexts("laptop").page()
    console.goto(event["facilitator_url"])
    live(console)
    second = contexts("laptop").page()
    second.goto(event["facilitator_url"])
    live(second)
    projector = contexts("projector").page()
    projector.goto(event["projector_url"])
    live(projector)
    phone = contexts("phone").page()
    phone.goto(event["join_url"])
    phone.get_by_role("button", name="Doe mee").click()
    live(phone)

    console.keyboard.press("ArrowRight")  # one hand: the arrow key starts the programme
    expect(phone.locator(".now-box h2")).to_have_text("Welkom", timeout=10_000)
    expect(projector.locator(".stage-phase")).to_have_text("Welkom", timeout=2_000)
    expect(second.locator("#programme-title")).to_have_text("Nu: Welkom", timeout=2_000)

    # a second console that still shows the old part cannot skip one: it is told and catches up
    console.get_by_role("button", name="Volgend onderdeel →").click()
    expect(projector.locator(".stage-phase")).to_have_text("Pitches: dromen van vier sprekers", timeout=2_000)
    console.get_by_role("button", name="Volgend onderdeel →").click()
    expect(phone.locator(".now-box")).to_contain_text("Schrijf je droom", timeout=10_000)
    expect(second.locator("#programme-title")).to_have_text("Nu: Dromen op de wolk", timeout=2_000)

    # the timer: the same second on every screen, a nudge on the phone at two minutes
    console.get_by_role("button", name="Timer starten").click()
    for page in (projector, phone, second):
        expect(page.locator("[data-timer-text]").first).to_have_text(re.compile(r"1[45]:\d\d"), timeout=3_000)
    times = [seconds(page.locator("[data-timer-text]").first.inner_text()) for page in (projector, phone, console)]
    assert max(times) - min(times) <= 1
    remove_minutes_until(console, 120)
    expect(phone.locator("[data-timer-nudge]")).to_be_visible(timeout=3_000)
    expect(phone.locator("[data-timer-nudge]")).to_have_text("Nog 2 minuten.")
    console.get_by_role("button", name="Pauze", exact=True).click()
    expect(projector.locator("[data-timer-paused]")).to_be_visible(timeout=2_000)
    console.get_by_role("button", name="Verder").click()
    console.get_by_role("button", name="Belletje bij nul op het grote scherm").click()
    expect(projector.locator("[data-timer][data-sound]")).to_have_count(1, timeout=3_000)
    remove_minutes_until(console, 0)
    expect(projector.locator("[data-timer-up]")).to_be_visible(timeout=3_000)
    expect(projector.locator("body")).to_have_attribute("data-chimed", "true")
    screenshot(projector, "projector-time-up")

    # an announcement shows on the phone until it is closed
    console.get_by_text("Mededeling naar de telefoons").click()  # the form is folded until needed
    console.get_by_label("Bericht (hoogstens 200 tekens)").fill("De koffie staat klaar in de foyer.")
    console.get_by_role("button", name="Versturen").click()
    banner = phone.locator(".announcement", has_text="De koffie staat klaar")
    expect(banner).to_be_visible(timeout=2_000)
    screenshot(phone, "phone-programme")
    with phone.expect_response(lambda response: "/dismiss" in response.url):
        banner.get_by_role("button", name="Sluiten").click()
    expect(banner).to_have_count(0)
    phone.reload()
    expect(phone.locator(".announcement", has_text="De koffie staat klaar")).to_have_count(0)

    # onwards to the round tables: the projector shows the tables overview by itself
    console.get_by_role("button", name="Volgend onderdeel →").click()
    expect(console.locator("#programme-title")).to_have_text("Nu: Pauze", timeout=2_000)  # as a person sees it
    console.get_by_role("button", name="Volgend onderdeel →").click()
    expect(projector.locator(".tables-overview")).to_be_visible(timeout=2_000)
    expect(phone.locator(".now-box")).to_contain_text("Ga naar je tafel", timeout=10_000)
    screenshot(console, "console-programme")


def test_a_held_post_waits_in_the_queue_until_approved_with_the_keyboard(server, contexts, screenshot):
    console, projector, phone = open_room(server, contexts, "Privacy eerst")
    phone.get_by_label("Mijn droom", exact=True).fill("Bel me gerust op 06-12345678 voor koffie")
    phone.get_by_role("button", name="Zet op de wolk").click()
    expect(phone.locator("#my-dreams")).to_contain_text("De gespreksleider kijkt er eerst naar")
    queued = console.locator(".console-queue .is-held")
    expect(queued).to_contain_text("bevat een telefoonnummer", timeout=2_000)
    expect(projector.locator(".wall .cloud")).to_have_count(0)
    screenshot(console, "console-queue")
    queued.get_by_label("Tekst van het bericht").fill("Bel me gerust voor koffie")
    queued.get_by_role("button", name="Verbetering opslaan").click()
    expect(console.locator(".console-queue textarea")).to_have_value("Bel me gerust voor koffie")
    console.locator("body").click(position={"x": 5, "y": 5})
    console.keyboard.press("a")
    expect(projector.locator(".wall .cloud", has_text="Bel me gerust voor koffie")).to_be_visible(timeout=2_000)
    expect(console.locator(".console-queue")).to_contain_text("Er wacht niets.")


def test_closing_deeds_join_the_wall_and_the_console_shows_a_miniature(server, contexts, screenshot):
    console, projector, phone = open_room(server, contexts, "Van dromen naar daden")
    for _ in range(7):
        before = console.locator("#programme-title").inner_text()
        console.get_by_role("button", name="Volgend onderdeel →").click()
        expect(console.locator("#programme-title")).not_to_have_text(before)
    expect(phone.get_by_label("Wat ga jij volgende week doen?")).to_be_visible(timeout=10_000)
    phone.get_by_label("Wat ga jij volgende week doen?").fill("Ik bel mijn buurvrouw voor koffie.")
    phone.get_by_role("button", name="Zet mijn daad op de wolk").click()
    expect(projector.locator(".deeds")).to_contain_text("Ik bel mijn buurvrouw", timeout=2_000)
    expect(console.locator("#projector-mini .deeds")).to_contain_text("Ik bel mijn buurvrouw", timeout=3_000)
    phone.get_by_text("4 sterren").click()
    phone.get_by_role("button", name="Verstuur mijn beoordeling").click()
    expect(console.locator("[data-count=rating]")).to_contain_text("4.0 / 5", timeout=5_000)
    screenshot(projector, "projector-deeds")
