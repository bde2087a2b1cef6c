"""The first evening, end to end: a phone joins and dreams, the wall shows it, the facilitator hides it."""
import re

import pytest
from playwright.sync_api import expect
from tests.browser.waiting import LIVE

pytestmark = pytest.mark.browser

TEXT = {
    "nl": {"join": "Doe mee", "post": "Zet op de wolk", "hide": "Verbergen", "spotlight": "Uitlichten",
           "posted": "Je droom staat op de wolk", "name": "Je voornaam", "role": "Vrijwilliger",
           "dream": "Mijn droom", "write": "Schrijf een droom", "close": "Wolk sluiten", "closed": "De wolk is nu dicht",
           "heart": "Hartje geven"},
    "en": {"join": "Join", "post": "Put it on the wall", "hide": "Hide", "spotlight": "Spotlight",
           "posted": "Your dream is on the wall", "name": "Your first name", "role": "Volunteer",
           "dream": "My dream", "write": "Write a dream", "close": "Close the wall", "closed": "The wall is closed",
           "heart": "Give a heart"},
}


def live(page):
    """Wait until the page's socket is connected (live.js marks <body>) and the catch-up it fetches on
    connecting is swapped in: a tap before that can land on an element the swap replaces."""
    expect(page.locator("body")).to_have_attribute("data-live-connected", "true", timeout=10_000)
    # a locator, not wait_for_function: pages under the enforced CSP allow no eval
    expect(page.locator(".htmx-request, .htmx-swapping, .htmx-settling")).to_have_count(0, timeout=10_000)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_phone_dream_reaches_projector_and_facilitator_hides_it(server, contexts, screenshot, lang):
    t = TEXT[lang]
    event = server.set_up_event("Van dromen naar daden" if lang == "nl" else "From dreams to deeds", lang, 8)
    dream = "Mensen zien zoals ze zijn, dat verrast altijd." if lang == "nl" else "See people as they are."

    projector = contexts("projector", lang).page()
    projector.goto(event["projector_url"])
    live(projector)
    code = event["join_code"]
    expect(projector.locator(".join-corner .join-code")).to_have_text(f"{code[:4]} {code[4:]}")

    console = contexts("laptop", lang).page()
    console.goto(event["facilitator_url"])
    live(console)

    phone = contexts("phone", lang).page()
    phone.goto(event["join_url"])
    phone.get_by_label(t["name"]).fill("Monique")
    phone.get_by_text(t["role"], exact=True).click()
    phone.get_by_role("button", name=t["join"]).click()
    expect(phone).to_have_url(re.compile(rf"/e/{code}$"))
    live(phone)
    phone.get_by_label(t["dream"], exact=True).fill(dream)
    phone.get_by_role("button", name=t["post"]).click()

    # on the big screen within 2 seconds, no reload
    expect(projector.locator(".wall .cloud", has_text=dream)).to_be_visible(timeout=LIVE)
    # a sentence-length dream is shown whole, not clamped
    cloud_text = projector.locator(".wall .cloud", has_text=dream).locator(".cloud-text")
    assert cloud_text.evaluate("el => el.scrollHeight <= el.clientHeight + 1")
    expect(phone.get_by_role("status").filter(has_text=t["posted"])).to_be_visible()
    expect(phone.locator("#my-dreams .cloud", has_text=dream)).to_be_visible()
    expect(phone.locator("#dream-form textarea")).to_have_value("")
    expect(console.locator(".console-dream", has_text=dream)).to_be_visible(timeout=LIVE)

    if lang == "nl":
        screenshot(phone, "phone")
        screenshot(projector, "projector")
        screenshot(console, "console")

    # the facilitator hides it: gone from the projector and the phone's wall
    console.locator(".console-dream", has_text=dream).get_by_role("button", name=t["hide"]).click()
    expect(projector.locator(".wall .cloud", has_text=dream)).to_have_count(0, timeout=LIVE)
    expect(phone.locator("#wall .cloud", has_text=dream)).to_have_count(0, timeout=LIVE)

    # a reloaded projector comes back to the same state
    projector.reload()
    live(projector)
    expect(projector.locator(".wall .cloud", has_text=dream)).to_have_count(0)


def test_hearts_spotlight_and_closed_wall_across_devices(server, contexts, screenshot):
    t = TEXT["nl"]
    event = server.set_up_event("Samen sterker", "nl")
    projector = contexts("projector").page()
    projector.goto(event["projector_url"])
    phones = []
    for name in ("Ann", "Bo"):
        phone = contexts("phone").page()
        phone.goto(event["join_url"])
        phone.get_by_label(t["name"]).fill(name)
        phone.get_by_role("button", name=t["join"]).click()
        live(phone)
        phones.append(phone)
    ann, bo = phones
    ann.get_by_label(t["dream"], exact=True).fill("Een klein steentje bijdragen met een groot hart.")
    ann.get_by_role("button", name=t["post"]).click()

    # Bo sees it arrive and gives a heart; Ann's count follows
    cloud = bo.locator("#wall .cloud", has_text="groot hart")
    expect(cloud).to_be_visible(timeout=LIVE)
    cloud.get_by_role("button", name=t["heart"]).click()
    expect(cloud.get_by_role("button")).to_have_attribute("aria-pressed", "true")
    expect(ann.locator("#my-dreams [data-heart-count]")).to_have_text("1", timeout=LIVE)
    expect(projector.locator(".wall .cloud", has_text="groot hart")).to_contain_text("♥ 1", timeout=LIVE)

    console = contexts("laptop").page()
    console.goto(event["facilitator_url"])
    console.locator(".console-dream", has_text="groot hart").get_by_role("button", name=t["spotlight"]).click()
    expect(projector.locator(".spotlight")).to_contain_text("groot hart", timeout=LIVE)
    screenshot(projector, "projector-spotlight")

    # closing the wall: the phone is told, and a refused post keeps its text
    console.get_by_role("button", name=t["close"]).click()
    expect(bo.locator("[data-posting-closed]")).to_be_visible(timeout=LIVE)
    expect(bo.get_by_label(t["dream"], exact=True)).to_be_hidden()  # the closed form folds to one line
    bo.get_by_text(t["write"]).click()
    bo.get_by_label(t["dream"], exact=True).fill("Te laat, maar bewaard")
    bo.get_by_role("button", name=t["post"]).click()
    expect(bo.get_by_role("alert")).to_contain_text(t["closed"])
    expect(bo.locator("#dream-form textarea")).to_have_value("Te laat, maar bewaard")


def test_a_phone_that_was_offline_catches_up(server, contexts):
    t = TEXT["nl"]
    event = server.set_up_event("Wifi valt weg", "nl")
    first, second = contexts("phone", network_loss=True), contexts("phone")
    sleeper, writer = first.page(), second.page()
    for phone in (sleeper, writer):
        phone.goto(event["join_url"])
        phone.get_by_role("button", name=t["join"]).click()
        live(phone)
    first.context.set_offline(True)
    expect(sleeper.locator("body")).to_have_attribute("data-live-connected", "false", timeout=30_000)
    writer.get_by_label(t["dream"], exact=True).fill("Gemist terwijl je offline was.")
    writer.get_by_role("button", name=t["post"]).click()
    expect(writer.locator("#my-dreams .cloud")).to_have_count(1)
    first.context.set_offline(False)
    expect(sleeper.locator("#wall .cloud", has_text="Gemist terwijl")).to_be_visible(timeout=15_000)


@pytest.mark.long
def test_projector_stays_readable_with_200_dreams(server, contexts, screenshot):
    event = server.set_up_event("Tweehonderd dromen", "nl")
    phone = contexts("phone").page()
    phone.goto(event["join_url"])
    phone.get_by_role("button", name=TEXT["nl"]["join"]).click()
    token = phone.locator("#dream-form input[name=csrf_token]").input_value()
    for n in range(200):
        response = phone.request.post(f"{server.url}/e/{event['join_code']}/dreams", max_redirects=0,
                                      form={"csrf_token": token, "text": f"Droom nummer {n}: samen leven in de buurt."})
        assert response.status == 302
    projector = contexts("projector").page()
    projector.goto(event["projector_url"])
    live(projector)
    screenshot(projector, "projector-200")
    expect(projector.locator(".wall .cloud", has_text="Droom nummer 199:")).to_be_in_viewport()
    expect(projector.locator("[data-page-indicator]")).to_contain_text(re.compile(r"Dromen 1–\d+ van 200"))
    assert projector.evaluate("() => document.documentElement.scrollHeight <= window.innerHeight")
    # every cloud of the page shown lies inside the screen, clear of the join corner
    boxes = projector.evaluate("""() => { const wall = document.querySelector('[data-fit=wall]').getBoundingClientRect();
        return [...document.querySelectorAll('.wall .cloud')].map(el => {
        const r = el.getBoundingClientRect(); return [r.left, r.bottom, r.right]; }).filter(([left]) => left < wall.right); }""")
    corner = projector.locator(".join-corner").bounding_box()
    assert boxes and all(bottom <= 1080 and right <= corner["x"] for _, bottom, right in boxes), (boxes, corner)
