"""The facilitator runs the evening with one hand; the projector, every phone and a second console follow."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_room_screens import join_live, sit_at_table_one
from tests.browser.test_walking_skeleton import live
from tests.browser.waiting import LIVE

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
        expect(clock).not_to_have_text(before, timeout=LIVE)
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
    expect(projector.locator(".stage-phase")).to_have_text("Welkom", timeout=LIVE)
    expect(second.locator("#programme-title")).to_have_text("Nu: Welkom", timeout=LIVE)

    # a second console that still shows the old part cannot skip one: it is told and catches up
    console.get_by_role("button", name="Volgend onderdeel →").click()
    expect(projector.locator(".stage-phase")).to_have_text("Pitches: dromen van vier sprekers", timeout=LIVE)
    console.get_by_role("button", name="Volgend onderdeel →").click()
    expect(phone.locator(".now-box")).to_contain_text("Schrijf je droom", timeout=10_000)
    expect(second.locator("#programme-title")).to_have_text("Nu: Dromen op de wolk", timeout=LIVE)

    # the timer: the same second on every screen, a nudge on the phone at two minutes
    console.get_by_role("button", name="Timer starten").click()
    for page in (projector, phone, second):
        expect(page.locator("[data-timer-text]").first).to_have_text(re.compile(r"1[45]:\d\d"), timeout=LIVE)
    times = [seconds(page.locator("[data-timer-text]").first.inner_text()) for page in (projector, phone, console)]
    assert max(times) - min(times) <= 1
    remove_minutes_until(console, 120)
    expect(phone.locator("[data-timer-nudge]")).to_be_visible(timeout=LIVE)
    expect(phone.locator("[data-timer-nudge]")).to_have_text("Nog 2 minuten.")
    console.get_by_role("button", name="Pauze", exact=True).click()
    expect(projector.locator("[data-timer-paused]")).to_be_visible(timeout=LIVE)
    # a late resync draws the now bar anew, its nudge hidden as the server renders it: the nudge stays
    phone.evaluate("""() => { const bar = document.getElementById("now-bar"); const fresh = bar.cloneNode(true);
        fresh.querySelector("[data-timer-nudge]").hidden = true; bar.replaceWith(fresh); }""")
    expect(phone.locator("[data-timer-nudge]")).to_be_visible(timeout=LIVE)
    console.get_by_role("button", name="Verder").click()
    console.get_by_role("button", name="Belletje bij nul op het grote scherm").click()
    expect(projector.locator("[data-timer][data-sound]")).to_have_count(1, timeout=LIVE)
    remove_minutes_until(console, 0)
    expect(projector.locator("[data-timer-up]")).to_be_visible(timeout=LIVE)
    expect(projector.locator("body")).to_have_attribute("data-chimed", "true")
    screenshot(projector, "projector-time-up")

    # an announcement shows on the phone until it is closed
    console.get_by_text("Mededeling naar de telefoons").click()  # the form is folded until needed
    console.get_by_label("Bericht (hoogstens 200 tekens)").fill("De koffie staat klaar in de foyer.")
    console.get_by_role("button", name="Versturen").click()
    banner = phone.locator(".announcement", has_text="De koffie staat klaar")
    expect(banner).to_be_visible(timeout=LIVE)
    screenshot(phone, "phone-programme")
    with phone.expect_response(lambda response: "/dismiss" in response.url):
        banner.get_by_role("button", name="Sluiten").click()
    expect(banner).to_have_count(0)
    phone.reload()
    expect(phone.locator(".announcement", has_text="De koffie staat klaar")).to_have_count(0)

    # onwards to the round tables: the projector shows the tables overview by itself
    console.get_by_role("button", name="Volgend onderdeel →").click()
    expect(console.locator("#programme-title")).to_have_text("Nu: Pauze", timeout=LIVE)  # as a person sees it
    console.get_by_role("button", name="Volgend onderdeel →").click()
    expect(projector.locator(".tables-overview")).to_be_visible(timeout=LIVE)
    expect(phone.locator(".now-box")).to_contain_text("Ga naar je tafel", timeout=10_000)
    screenshot(console, "console-programme")


def test_a_held_post_waits_in_the_queue_until_approved_with_the_keyboard(server, contexts, screenshot):
    console, projector, phone = open_room(server, contexts, "Privacy eerst")
    phone.get_by_label("Mijn droom", exact=True).fill("Bel me gerust op 06-12345678 voor koffie")
    phone.get_by_role("button", name="Zet op de wolk").click()
    expect(phone.locator("#my-dreams")).to_contain_text("De gespreksleider kijkt er eerst naar")
    queued = console.locator(".console-queue .is-held")
    expect(queued).to_contain_text("bevat een telefoonnummer", timeout=LIVE)
    expect(projector.locator(".wall .cloud")).to_have_count(0)
    screenshot(console, "console-queue")
    queued.get_by_label("Tekst van het bericht").fill("Bel me gerust voor koffie")
    queued.get_by_role("button", name="Verbetering opslaan").click()
    expect(console.locator(".console-queue textarea")).to_have_value("Bel me gerust voor koffie")
    queued.first.focus()  # the keys act on the post that has the focus
    console.keyboard.press("a")
    expect(projector.locator(".wall .cloud", has_text="Bel me gerust voor koffie")).to_be_visible(timeout=LIVE)
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
    expect(projector.locator(".deeds-wall")).to_contain_text("Ik bel mijn buurvrouw", timeout=LIVE)
    expect(console.locator("#projector-mini .deeds-wall")).to_contain_text("Ik bel mijn buurvrouw", timeout=LIVE)
    phone.get_by_text("4 sterren").click()
    phone.get_by_role("button", name="Verstuur mijn beoordeling").click()
    expect(console.locator("[data-count=rating]")).to_contain_text("4 / 5", timeout=5_000)  # 4,0 reads as 4
    screenshot(projector, "projector-deeds")


def test_every_kind_of_post_waits_in_one_queue_at_a_pre_moderated_evening(server, contexts, screenshot):
    """Issue #13 item 3: a dream, a name, a contribution, an advice card, a deed and a rating comment all
    wait in the console's queue, each with its kind; the facilitator approves, corrects and hides them."""
    event = server.set_up_event("Alles eerst bekijken", "nl", 1)
    console = contexts("laptop").page()
    console.goto(event["facilitator_url"])
    live(console)
    console.get_by_role("button", name="Alle berichten eerst bekijken").click()
    expect(console.locator(".console-queue .state")).to_contain_text("Vooraf bekijken", timeout=LIVE)
    projector = contexts("projector").page()
    projector.goto(event["projector_url"])
    live(projector)
    phones = {}
    for name in ("Ann", "Bo"):
        phones[name] = contexts("phone").page()
        join_live(phones[name], event, name)
    ann, bo = phones["Ann"], phones["Bo"]
    expect(ann.get_by_role("status").filter(has_text="Je naam wacht op de gespreksleider")).to_be_visible()
    ann.get_by_label("Mijn droom", exact=True).fill("Een buurt waar iedereen elkaar groet")
    ann.get_by_role("button", name="Zet op de wolk").click()
    expect(ann.locator("#my-dreams")).to_contain_text("De gespreksleider kijkt er eerst naar")
    for phone in (ann, bo):
        sit_at_table_one(phone)
    ann.get_by_label("Je bijdrage").fill("Een moestuin op het dak van het buurthuis.")
    ann.get_by_role("button", name="Toevoegen", exact=True).click()
    expect(ann.locator("#contribution-form")).to_contain_text("Je bijdrage wacht op de gespreksleider")
    expect(ann.locator("#table-stream .contribution.is-held")).to_contain_text("Alleen jij ziet dit")
    ann.get_by_role("button", name="Ik word voorzitter").click()
    ann.get_by_label("3. Ons advies").fill("Begin klein, met één straat.")
    ann.get_by_role("button", name="Advieskaart inleveren").click()
    expect(ann.locator("#card-form")).to_contain_text("wacht op de gespreksleider")

    # the queue holds every kind so far, each labelled
    queue = console.locator(".console-queue")
    for kind in ("naam", "droom", "bijdrage", "advieskaart"):
        expect(queue.locator(".badge", has_text=re.compile(f"^{kind}$")).first).to_be_visible(timeout=LIVE)
    queue.locator("[data-kind]").first.scroll_into_view_if_needed()
    screenshot(console, "console-queue-every-kind")
    expect(bo.locator("#table-stream")).not_to_contain_text("moestuin")

    # the contribution is approved: Bo sees it at the table within two seconds
    queue.locator("[data-kind=contribution]").get_by_role("button", name=re.compile("^Goedkeuren")).click()
    expect(bo.locator("#table-stream .contribution", has_text="moestuin")).to_be_visible(timeout=LIVE)
    # a name is corrected, then approved; the card and the dream are approved
    names = queue.locator("[data-kind=name]")
    ann_name = names.filter(has=console.locator("textarea", has_text="Ann"))
    ann_name.get_by_label("Tekst van het bericht").fill("Anna")
    ann_name.get_by_role("button", name="Verbetering opslaan").click()
    expect(queue.locator("[data-kind=name] textarea", has_text="Anna")).to_have_count(1)
    waiting = queue.locator("[data-kind]")
    for kind in ("name", "name", "card", "dream"):
        left = waiting.count()
        queue.locator(f"[data-kind={kind}]").first.get_by_role("button", name=re.compile("^Goedkeuren")).click()
        expect(waiting).to_have_count(left - 1)
    expect(projector.locator(".wall .cloud", has_text="elkaar groet")).to_be_visible(timeout=LIVE)
    expect(bo.locator("#table-stream")).to_contain_text("Anna", timeout=LIVE)

    # closing: a deed and a rating comment wait too; the deed is hidden, the comment approved
    for _ in range(7):
        before = console.locator("#programme-title").inner_text()
        console.get_by_role("button", name="Volgend onderdeel →").click()
        expect(console.locator("#programme-title")).not_to_have_text(before)
    ann.goto(event["join_url"].replace("/j/", "/e/"))
    ann.get_by_label("Wat ga jij volgende week doen?").fill("Ik mail de wethouder op wethouder@example.org")
    ann.get_by_role("button", name="Zet mijn daad op de wolk").click()
    expect(ann.get_by_text("Je daad wacht op de gespreksleider").first).to_be_visible()
    ann.get_by_text("5 sterren").click()
    ann.get_by_label("Wil je ons nog iets zeggen? (mag leeg blijven)").fill("Mooie avond!")
    ann.get_by_role("button", name="Verstuur mijn beoordeling").click()
    expect(ann.get_by_text("Je opmerking wacht op de gespreksleider").first).to_be_visible()
    expect(queue.locator("[data-kind=deed]")).to_contain_text("bevat een e-mailadres", timeout=LIVE)
    queue.locator("[data-kind=deed]").get_by_role("button", name=re.compile("^Verbergen")).click()
    queue.locator("[data-kind=comment]").get_by_role("button", name=re.compile("^Goedkeuren")).click()
    expect(queue).to_contain_text("Er wacht niets.", timeout=LIVE)
    expect(projector.locator("body")).not_to_contain_text("wethouder@example.org")
