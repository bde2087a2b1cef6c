"""For every guest: keyboard only, big touch targets, 320 px at 200 % text, no JavaScript, lost Wi-Fi,
a readable projector, reduced motion, larger text, a neighbour without a smartphone and paper cards."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_walking_skeleton import live
from tests.browser.waiting import LIVE

pytestmark = pytest.mark.browser


def tab_to(page, locator, limit=250, key="Tab"):
    """Press Tab (or `key`: Shift+Tab) until the element has focus, and check that the focus is visible."""
    for _ in range(limit):
        page.keyboard.press(key)
        if locator.evaluate("el => el === document.activeElement"):
            outline = locator.evaluate("el => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth")
            assert not outline.startswith("none"), f"focus is not visible: {outline}"
            return
    raise AssertionError(f"Tab never reached {locator}")


def join(page, event, name=None):
    page.goto(event["join_url"])
    if name:
        page.get_by_label("Je voornaam").fill(name)
    page.get_by_role("button", name="Doe mee").click()


def test_a_guest_and_the_facilitator_need_only_the_keyboard(server, contexts):
    event = server.set_up_event("Toetsenbord", "nl", 2)
    phone = contexts("phone").page()
    phone.goto(event["join_url"])
    tab_to(phone, phone.get_by_label("Je voornaam"))
    phone.keyboard.type("Monique")
    tab_to(phone, phone.get_by_label("Inwoner"))
    phone.keyboard.press("Space")
    tab_to(phone, phone.get_by_role("button", name="Doe mee"))
    phone.keyboard.press("Enter")
    expect(phone).to_have_url(re.compile(r"/e/\w+$"))
    live(phone)
    tab_to(phone, phone.get_by_label("Mijn droom", exact=True))
    phone.keyboard.type("Elkaar zien staan.")
    tab_to(phone, phone.get_by_role("button", name="Zet op de wolk"))
    phone.keyboard.press("Enter")
    expect(phone.locator("#my-dreams .cloud", has_text="Elkaar zien staan.")).to_be_visible()
    tab_to(phone, phone.get_by_role("link", name="Kies een tafel"))
    phone.keyboard.press("Enter")
    tab_to(phone, phone.get_by_role("button", name="Ga zitten aan Tafel 2"))
    phone.keyboard.press("Enter")
    tab_to(phone, phone.get_by_label("Je bijdrage"))
    phone.keyboard.type("Een vraag van mij.")
    tab_to(phone, phone.get_by_role("button", name="Toevoegen", exact=True))
    phone.keyboard.press("Enter")
    expect(phone.locator("#table-stream .contribution", has_text="Een vraag van mij.")).to_be_visible()

    console = contexts("laptop").page()
    console.goto(event["facilitator_url"])
    live(console)
    row = console.locator(".console-dream", has_text="Elkaar zien staan.")
    tab_to(console, row.get_by_role("button", name="Uitlichten"))
    # a new dream refreshes the console while the facilitator is on a button: the focus stays put
    phone.goto(phone.url.rsplit("/t/", 1)[0].replace("/e/", "/e/"))
    phone.get_by_label("Mijn droom", exact=True).fill("Nog een droom.")
    phone.get_by_role("button", name="Zet op de wolk").click()
    # the console's panels refresh at most once a second: on a loaded test machine that can take a few
    expect(console.locator(".console-dream", has_text="Nog een droom.")).to_be_visible(timeout=5_000)
    expect(row.get_by_role("button", name="Uitlichten")).to_be_focused()
    console.keyboard.press("Shift+Tab")
    expect(row.get_by_role("button", name="Verbergen")).to_be_focused()
    console.keyboard.press("Enter")
    expect(row).to_have_class(re.compile("is-hidden"))


@pytest.mark.parametrize("page_name", ["join", "phone", "table"])
def test_touch_targets_are_at_least_44_px(server, contexts, page_name):
    event = server.set_up_event("Grote knoppen", "nl", 1)
    phone = contexts("phone").page()
    if page_name != "join":
        join(phone, event, "Ann")
        if page_name == "table":
            live(phone)  # the catch-up after connecting is in, so the link is not swapped under the click
            phone.get_by_role("link", name="Kies een tafel").click()
            expect(phone).to_have_url(re.compile(r"/tables$"))
            phone.get_by_role("button", name="Ga zitten aan Tafel 1").click()
        live(phone)
        # measure once the catch-up after connecting has been swapped in
        phone.wait_for_function("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')")
    else:
        phone.goto(event["join_url"])
    small = phone.evaluate("""() => [...document.querySelectorAll(
        'main button, main input:not([type=hidden]), main select, main textarea, main summary, main .button, '
        + 'header button, header summary, header .language-switch a')]
      .filter(el => !el.closest('.choice') && el.offsetParent !== null)
      .map(el => [el.outerHTML.slice(0, 60), el.getBoundingClientRect()])
      .filter(([_, r]) => r.height < 44 || r.width < 44).map(([html]) => html)""")
    radios = phone.evaluate("""() => [...document.querySelectorAll('label.choice')]
      .filter(el => el.getBoundingClientRect().height < 44).map(el => el.textContent.trim())""")
    assert small == [] and radios == []


@pytest.mark.parametrize("path", ["join", "phone", "table", "market", "me", "poll", "ask", "harvest"])
def test_320_px_wide_at_200_percent_text_needs_no_sideways_scrolling(server, browser, screenshot, path):
    event = server.set_up_event("Een heel lange titel van een bijeenkomst over samenleven", "nl", 1)
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="nl-NL")
    page = context.new_page()
    page.goto(event["join_url"])
    if path != "join":
        page.get_by_role("button", name="Doe mee").click()
        live(page)  # the catch-up after connecting is in, so nothing is swapped under the next click
        page.get_by_label("Mijn droom", exact=True).fill("Onderlingeverdraagzaamheidsvergroting " * 3)
        page.get_by_role("button", name="Zet op de wolk").click()
        expect(page.locator("#my-dreams .cloud")).to_have_count(1)
        if path == "table":
            page.get_by_role("link", name="Kies een tafel").click()
            expect(page).to_have_url(re.compile(r"/tables$"))
            page.get_by_role("button", name="Ga zitten aan Tafel 1").click()
        if path == "market":
            page.goto(event["join_url"].replace("/j/", "/e/").split("?")[0].rstrip("/") + "/market")
            expect(page.get_by_role("heading", name="Markt: vraag en aanbod")).to_be_visible()
        if path in ("me", "poll", "ask", "harvest"):
            # after the evening, and the questions to the room: a scale of ten and open questions
            from facilitation.events.models import Event
            from facilitation.extensions import db
            from facilitation.polls import operations as polls

            with server.app().app_context():
                ev = db.session.get(Event, event["event_id"])
                polls.ask(ev, polls.prepare_poll(ev, "scale", "Hoeveel vertrouwen heb je in de samenwerking?",
                                                 scale_max=10, low_label="helemaal geen", high_label="heel veel"))
                polls.open_questions(ev, True)
                db.session.commit()
            base = f"{server.url}/e/{event['join_code']}"
            page.goto({"me": f"{base}/me", "poll": f"{base}/poll", "ask": f"{base}/ask",
                       "harvest": f"{server.url}/h/{event['join_code']}"}[path])
            expect(page.locator("main h1").first).to_be_visible()
    page.wait_for_load_state()
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    if path != "join" and path != "table":
        screenshot(page, f"{path}-320px-200pct")
    context.close()


def test_everything_a_guest_does_works_without_javascript(server, browser):
    event = server.set_up_event("Zonder JavaScript", "nl", 2)
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    join(page, event, "Kees")
    page.get_by_label("Mijn droom", exact=True).fill("Een droom zonder scripts.")
    page.get_by_role("button", name="Zet op de wolk").click()
    expect(page.get_by_role("status").filter(has_text="Je droom staat op de wolk")).to_be_visible()
    expect(page.locator("#my-dreams .cloud", has_text="Een droom zonder scripts.")).to_be_visible()
    page.get_by_role("link", name="Kies een tafel").click()
    page.get_by_role("button", name="Ga zitten aan Tafel 2").click()
    page.get_by_label("Je bijdrage").fill("Ook dit werkt.")
    page.get_by_role("button", name="Toevoegen", exact=True).click()
    expect(page.locator(".contribution", has_text="Ook dit werkt.")).to_be_visible()
    page.get_by_role("button", name="Grotere letters").click()
    expect(page.locator("html")).to_have_class("large-text")
    context.close()


def test_a_failed_send_keeps_the_text_and_offers_a_retry(server, contexts):
    event = server.set_up_event("Wankele wifi", "nl")
    phone = contexts("phone", network_loss=True).page()
    join(phone, event)
    live(phone)
    phone.route("**/dreams", lambda route: route.abort("internetdisconnected"))
    phone.get_by_label("Mijn droom", exact=True).fill("Deze tekst raakt niet kwijt.")
    phone.get_by_role("button", name="Zet op de wolk").click()
    expect(phone.locator("[data-send-error]")).to_be_visible()
    expect(phone.get_by_label("Mijn droom", exact=True)).to_have_value("Deze tekst raakt niet kwijt.")
    phone.unroute("**/dreams")
    phone.get_by_role("button", name="Zet op de wolk").click()
    expect(phone.locator("#my-dreams .cloud", has_text="Deze tekst raakt niet kwijt.")).to_be_visible()
    expect(phone.locator("[data-send-error]")).to_be_hidden()


def _contrast(foreground: str, background: str) -> float:
    def luminance(rgb):
        channels = [int(v) / 255 for v in re.findall(r"[\d.]+", rgb)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("contrast", [False, True])
def test_projector_is_readable_from_the_back_row(server, contexts, screenshot, contrast):
    event = server.set_up_event("Achterste rij", "nl")
    phone = contexts("phone").page()
    join(phone, event)
    token = phone.locator("#dream-form input[name=csrf_token]").input_value()
    for n in range(20):
        phone.request.post(f"{server.url}/e/{event['join_code']}/dreams", max_redirects=0,
                           form={"csrf_token": token, "text": f"Droom {n}: iedereen hoort erbij, jong en oud."})
    console = contexts("laptop").page()
    console.goto(event["facilitator_url"])
    if contrast:
        console.get_by_role("button", name="Hoog contrast").click()
        expect(console.get_by_role("button", name="Hoog contrast")).to_have_attribute("aria-pressed", "true")
    projector = contexts("projector").page()
    projector.emulate_media(reduced_motion="reduce")
    projector.goto(event["projector_url"])
    live(projector)
    sizes = projector.evaluate("""() => Object.fromEntries([
        ['cloud', '.wall .cloud-text'], ['code', '.join-corner .join-code'], ['counts', '.stage-counts'],
        ['title', '.stage-head h1']].map(([k, s]) => [k, parseFloat(getComputedStyle(document.querySelector(s)).fontSize)]))""")
    # minimum sizes on a 1920 x 1080 screen (docs/language.md): wall text 28 px, join code 36 px
    assert sizes["cloud"] >= 28 and sizes["code"] >= 36 and sizes["counts"] >= 28 and sizes["title"] >= 48
    colours = projector.evaluate("""() => {
        const style = s => getComputedStyle(document.querySelector(s));
        return {cloud: [style('.wall .cloud-text').color, style('.wall .cloud-body').backgroundColor],
                title: [style('.stage-head h1').color, getComputedStyle(document.body).backgroundColor]}; }""")
    for foreground, background in colours.values():
        assert _contrast(foreground, background) >= 7
    phone.get_by_label("Mijn droom", exact=True).fill("Zonder beweging erbij.")
    phone.get_by_role("button", name="Zet op de wolk").click()
    arrived = projector.locator(".wall .cloud", has_text="Zonder beweging erbij.")
    expect(arrived).to_be_visible(timeout=LIVE)
    assert arrived.evaluate("el => getComputedStyle(el).animationName") == "none"
    if contrast:
        screenshot(projector, "projector-high-contrast")


def test_a_neighbour_without_a_smartphone_and_paper_cards_reach_the_wall(server, contexts):
    event = server.set_up_event("Iedereen doet mee", "nl")
    projector = contexts("projector").page()
    projector.goto(event["projector_url"])
    live(projector)
    phone = contexts("phone").page()
    join(phone, event, "Ann")
    live(phone)
    phone.get_by_text("Schrijf voor iemand zonder smartphone").click()
    phone.get_by_label("Voornaam van je buur").fill("Gerda")
    phone.get_by_label("Bestuurder").click()
    phone.get_by_label("De droom van je buur").fill("Een bankje bij de bushalte.")
    phone.get_by_role("button", name="Zet deze droom op de wolk").click()
    expect(phone.get_by_role("status").filter(has_text="De droom van Gerda staat op de wolk")).to_be_visible()
    # well within a second on a quiet machine; up to 5 s while a clean-clone run loads both cores
    expect(projector.locator(".wall .cloud", has_text="Een bankje bij de bushalte.")).to_be_visible(timeout=5_000)
    expect(projector.locator("[data-count=participants]")).to_have_text("2 deelnemers")
    console = contexts("laptop").page()
    console.goto(event["facilitator_url"])
    live(console)
    console.get_by_label("Typ een droom over van een papieren kaartje").fill("Koffie met de buren.")
    # a dream arriving meanwhile refreshes the console, but never wipes what the facilitator types
    phone.get_by_label("Mijn droom", exact=True).fill("Intussen van Ann.")
    phone.get_by_role("button", name="Zet op de wolk").click()
    expect(console.locator(".console-dream", has_text="Intussen van Ann.")).to_be_visible(timeout=5_000)
    expect(console.get_by_label("Typ een droom over van een papieren kaartje")).to_have_value("Koffie met de buren.")
    console.locator(".paper-form").get_by_role("button", name="Zet op de wolk").click()
    expect(projector.locator(".wall .cloud", has_text="Koffie met de buren.")).to_be_visible(timeout=5_000)
    expect(console.locator(".console-dream", has_text="Koffie met de buren.")).to_contain_text("papieren kaartje")
    expect(console.get_by_label("Typ een droom over van een papieren kaartje")).to_have_value("")
    expect(projector.locator("[data-count=participants]")).to_have_text("2 deelnemers")  # paper is not a person


def test_an_organiser_sets_up_an_event_with_the_keyboard(server, contexts):
    email, password = "toetsen@example.org", "een-lang-wachtwoord"
    server.cli("user", "create", "--email", email, "--password", password)
    laptop = contexts("laptop").page()
    laptop.goto(f"{server.url}/login")
    tab_to(laptop, laptop.get_by_label("E-mailadres"))
    laptop.keyboard.type(email)
    tab_to(laptop, laptop.get_by_label("Wachtwoord"))
    laptop.keyboard.type(password)
    laptop.keyboard.press("Enter")
    expect(laptop).to_have_url(re.compile(r"/events$"))
    tab_to(laptop, laptop.get_by_role("link", name="Nieuwe bijeenkomst"))
    laptop.keyboard.press("Enter")
    tab_to(laptop, laptop.get_by_label("Titel"))
    laptop.keyboard.type("Zorg ontmoet sociale economie")
    tab_to(laptop, laptop.get_by_role("button", name="Bijeenkomst maken"))
    laptop.keyboard.press("Enter")
    expect(laptop.get_by_role("heading", name="Zorg ontmoet sociale economie")).to_be_visible()
    tab_to(laptop, laptop.get_by_role("link", name="Ronde tafels en dilemma’s"))
    laptop.keyboard.press("Enter")
    dilemma = laptop.get_by_label("Dilemma: de vraag waar deze tafel over praat").first
    tab_to(laptop, dilemma)
    laptop.keyboard.type("Hoe vinden zij-instromers hun weg in de zorg?")
    # the one save button sits above the tables (and stays in sight): back up to it
    tab_to(laptop, laptop.get_by_role("button", name="Alle tafels opslaan"), key="Shift+Tab")
    laptop.keyboard.press("Enter")
    expect(laptop.get_by_label("Dilemma: de vraag waar deze tafel over praat").first).to_have_value(
        "Hoe vinden zij-instromers hun weg in de zorg?")


def test_new_dreams_are_announced_politely_in_one_sentence(server, contexts):
    event = server.set_up_event("Voorlezen", "nl")
    listener, writer = contexts("phone").page(), contexts("phone").page()
    for phone in (listener, writer):
        join(phone, event)
        live(phone)
    for n in range(3):
        writer.get_by_label("Mijn droom", exact=True).fill(f"Droom {n} om voor te lezen.")
        writer.get_by_role("button", name="Zet op de wolk").click()
        expect(writer.locator("#my-dreams .cloud")).to_have_count(n + 1)
    announcer = listener.locator("#live-region")
    expect(announcer).to_have_attribute("aria-live", "polite")
    expect(announcer).to_have_text("Er zijn 3 nieuwe dromen op de wolk.", timeout=12_000)
