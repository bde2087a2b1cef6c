"""Part two of the evening in real browsers: three phones at two tables, the console and the projector."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_room_screens import open_room
from tests.browser.test_walking_skeleton import live
from tests.browser.waiting import LIVE

pytestmark = pytest.mark.browser


def test_tables_contributions_card_harvest_and_endorsements(server, contexts, screenshot):
    event = server.set_up_event("Van dromen naar daden", "nl", 2)
    code = event["join_code"]

    console, projector = open_room(contexts, event)

    # the facilitator writes the dilemmas and finds the table cards' QR addresses
    console.get_by_role("link", name="Ronde tafels").click()
    console.get_by_label("Dilemma: de vraag waar deze tafel over praat").first.fill(
        "Werken met vrijwilligers: is het een visie of gaat het om geld?")
    console.get_by_role("button", name="Alle tafels opslaan").click()
    expect(console.get_by_role("status")).to_contain_text("Alle tafels zijn opgeslagen")
    console.goto(console.url.replace("/tables", "/tables/cards"))
    qr = console.locator(".table-card-qr").nth(1).get_attribute("src")
    table_two_url = server.url + qr.removesuffix("/qr.svg")

    phones = {}
    for name in ("Ann", "Bo"):
        phone = contexts("phone").page()
        phone.goto(event["join_url"])
        phone.get_by_label("Je voornaam").fill(name)
        phone.get_by_role("button", name="Doe mee").click()
        live(phone)
        phone.get_by_role("link", name="Kies een tafel").click()
        expect(phone.locator(".dilemma").first).to_contain_text("visie of gaat het om geld")
        phone.get_by_role("button", name="Ga zitten aan Tafel 1").click()
        expect(phone).to_have_url(re.compile(r"/t/\d+$"))
        live(phone)
        phones[name] = phone
    cas = contexts("phone").page()
    cas.goto(table_two_url)  # scanning table 2's card: join and sit down in one go
    cas.get_by_label("Je voornaam").fill("Cas")
    cas.get_by_role("button", name="Aan deze tafel gaan zitten").click()
    expect(cas.get_by_role("heading", name="Tafel 2")).to_be_visible()
    live(cas)
    ann, bo = phones["Ann"], phones["Bo"]

    # a contribution appears at its own table within 2 seconds, and nowhere else
    ann.get_by_text("Advies", exact=True).click()
    ann.get_by_label("Je bijdrage").fill("Geef vrijwilligers scholing en duidelijke grenzen.")
    ann.get_by_role("button", name="Toevoegen", exact=True).click()
    expect(bo.locator("#table-stream .contribution", has_text="scholing")).to_be_visible(timeout=LIVE)
    bo.locator("#table-stream .contribution", has_text="scholing").get_by_role("button", name="Stemmen").click()
    expect(ann.locator("#table-stream [data-vote-count]")).to_have_text("1", timeout=LIVE)
    expect(cas.locator("#table-stream")).not_to_contain_text("scholing")

    # Ann becomes host and fills the advice card: a draft first, then submitted
    ann.get_by_role("button", name="Ik word voorzitter").click()
    ann.get_by_label("1. Het dilemma in onze woorden").fill("Waar stopt de vrijwilliger en begint de beroepskracht?")
    ann.get_by_role("button", name="Concept opslaan").click()
    expect(ann.get_by_role("status").filter(has_text="Het concept is opgeslagen")).to_be_visible()
    ann.reload()
    expect(ann.get_by_label("1. Het dilemma in onze woorden")).to_have_value(
        "Waar stopt de vrijwilliger en begint de beroepskracht?")
    ann.get_by_label("3. Ons advies").fill("Duidelijke grenzen en scholing voor vrijwilligers.")
    ann.get_by_label("4. Wie doet wat als volgende stap?").fill("Sociom maakt een scholingsplan.")
    ann.get_by_role("button", name="Advieskaart inleveren").click()
    expect(ann.locator("#card-form")).to_contain_text("Ingeleverd")
    expect(bo.locator("#table-stream .advice-card")).to_contain_text("Duidelijke grenzen", timeout=LIVE)
    screenshot(bo, "phone-table")

    console.goto(event["facilitator_url"])
    live(console)
    expect(console.locator("[data-count=submitted]")).to_have_text("1 van 2 tafels ingeleverd")
    console.get_by_role("button", name="Overzicht tafels").click()
    expect(projector.locator(".table-tile.is-done")).to_have_count(1, timeout=LIVE)
    screenshot(projector, "projector-tables")
    screenshot(console, "console-tables")

    console.get_by_role("button", name="Oogst", exact=True).click()
    expect(projector.locator(".harvest")).to_contain_text("Duidelijke grenzen en scholing", timeout=LIVE)
    expect(projector.locator(".harvest")).to_contain_text("Geef vrijwilligers scholing")

    # the room endorses: Cas backs table 1's advice and the projector counts it
    cas.goto(f"{server.url}/e/{code}/harvest")
    cas.get_by_role("button", name="Ik steun dit advies").click()
    expect(cas.locator(".budget")).to_contain_text("nog 2 keer")
    expect(projector.locator("[data-count=endorsements]")).to_have_text("1 steunbetuiging uit de zaal",
                                                                         timeout=LIVE)
    screenshot(projector, "projector-harvest")

    # Cas hosts table 2 and submits too; the facilitator steps through the harvest with the arrow keys
    cas.goto(table_two_url.replace(f"/j/{code}/t/", f"/e/{code}/t/"))
    cas.get_by_role("button", name="Ik word voorzitter").click()
    cas.get_by_label("3. Ons advies").fill("Verleid de burger: benut talenten.")
    cas.get_by_role("button", name="Advieskaart inleveren").click()
    expect(cas.locator("#card-form")).to_contain_text("Ingeleverd")
    console.reload()
    live(console)
    console.keyboard.press("ArrowRight")
    expect(projector.locator(".harvest-table")).to_have_text("Tafel 2", timeout=LIVE)
    expect(projector.locator(".harvest")).to_contain_text("2 / 2")
    expect(console.locator("[data-harvest-now]")).to_have_text("Oogst: Tafel 2 (2 / 2)")
    console.keyboard.press("ArrowLeft")
    expect(projector.locator(".harvest-table")).to_have_text("Tafel 1", timeout=LIVE)


def _set_up_page(page, event):
    """The organiser's set-up page, opened with the facilitator link."""
    page.goto(event["facilitator_url"])
    page.goto(page.url.replace("/console/", "/events/").rstrip("/") + "/tables")


def _a5_pages(page) -> list[tuple[float, float]]:
    pdf = page.pdf(prefer_css_page_size=True).decode("latin-1")
    return [(float(w), float(h)) for w, h in re.findall(r"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)]


def test_table_cards_print_one_a5_page_per_table(server, browser):
    event = server.set_up_event("Kaarten", "nl", 3)
    context = browser.new_context()
    page = context.new_page()
    page.goto(event["facilitator_url"])
    page.goto(page.url.replace("/console/", "/events/").rstrip("/") + "/tables/cards")
    expect(page.locator(".table-card")).to_have_count(3)
    boxes = _a5_pages(page)
    assert len(boxes) == 3
    for width, height in boxes:  # A5: 148 x 210 mm
        assert abs(width - 419.5) < 2 and abs(height - 595.3) < 2
    context.close()


#: the longest texts a table may have: a dilemma of 500 characters (LIMITS.dilemma), and the rest
LONG_DILEMMA = ("Hoe houden we vrijwilligers die al jaren meedraaien betrokken, nu de gemeente vraagt om meer "
                "professionele zorg en minder vrijblijvendheid, terwijl de buurt juist vraagt om warmte, tijd en "
                "een vast gezicht aan de koffietafel, en hoe voorkomen we dat beroepskrachten en vrijwilligers "
                "langs elkaar heen werken of elkaars werk overnemen zonder het te vragen, zodat niemand zich "
                "overbodig voelt en iedereen weet wat er van hem of haar verwacht wordt, ook als het geld op is "
                "en de subsidie stopt na dit jaar?")[:500]


#: (dilemma, context) lengths at the edges of the card's type sizes, up to both limits (500 and 1000)
CARD_TEXTS = [(103, 0), (130, 0), (300, 0), (130, 340), (500, 0), (500, 100), (300, 500), (0, 1000), (500, 500),
              (500, 1000)]


def test_table_cards_with_the_longest_dilemma_print_one_a5_page_each(server, contexts, screenshot):
    """A card holds a dilemma up to its 500-character limit on one A5 page, with the longest name, theme and
    event title, and with a context up to its 1000 characters too."""
    assert len(LONG_DILEMMA) == 500
    context = ("Achtergrond: de wijkraad vroeg dit jaar om meer overleg met bewoners. " * 20)[:1000]
    event = server.set_up_event(("Van dromen naar daden: de tweede inspiratiebijeenkomst van Stad en Wijk " * 2)[:120],
                                "nl", len(CARD_TEXTS))
    laptop = contexts("laptop").page()
    _set_up_page(laptop, event)
    for n, (dilemma, background) in enumerate(CARD_TEXTS):
        laptop.get_by_label("Naam", exact=True).nth(n).fill(
            f"Tafel {n + 1}: vrijwilligers, beroepskrachten en de buurt samen aan tafel, wie wil er mee"[:80])
        laptop.get_by_label("Thema (mag leeg blijven)").nth(n).fill(("Zorg en welzijn in de wijk, samen " * 4)[:120])
        laptop.get_by_label("Dilemma: de vraag waar deze tafel over praat").nth(n).fill(LONG_DILEMMA[:dilemma])
        laptop.get_by_label("Korte toelichting (mag leeg blijven)").nth(n).fill(context[:background])
    laptop.get_by_role("button", name="Alle tafels opslaan").click()
    expect(laptop.get_by_role("status")).to_contain_text("Alle tafels zijn opgeslagen")
    laptop.goto(laptop.url.split("#")[0] + "/cards")
    expect(laptop.locator(".table-card")).to_have_count(len(CARD_TEXTS))
    expect(laptop.locator(".table-card-dilemma").nth(4)).to_have_text(LONG_DILEMMA)
    boxes = _a5_pages(laptop)
    assert len(boxes) == len(CARD_TEXTS), f"{len(boxes)} pages for {len(CARD_TEXTS)} cards"
    for width, height in boxes:  # A5: 148 x 210 mm
        assert abs(width - 419.5) < 2 and abs(height - 595.3) < 2
    for size in ((1920, 1080), (1024, 768), (390, 844)):
        laptop.set_viewport_size({"width": size[0], "height": size[1]})
        laptop.locator(".table-card").nth(4).scroll_into_view_if_needed()
        screenshot(laptop, f"table-cards-{size[0]}")


def test_set_up_saves_every_tables_edits_at_once(server, contexts, screenshot):
    event = server.set_up_event("Opzet van de tafels", "nl", 3)
    laptop = contexts("laptop").page()
    _set_up_page(laptop, event)
    names = laptop.get_by_label("Naam", exact=True)
    dilemmas = laptop.get_by_label("Dilemma: de vraag waar deze tafel over praat")
    # two tables edited, one button: both are kept
    dilemmas.nth(0).fill("Wie zet de koffie als de vrijwilligers stoppen?")
    names.nth(1).fill("Jongeren")
    dilemmas.nth(2).fill("Hoe bereiken we wie nooit komt?")
    laptop.get_by_role("button", name="Alle tafels opslaan").click()
    expect(laptop.get_by_role("status")).to_contain_text("Alle tafels zijn opgeslagen")
    laptop.reload()
    expect(dilemmas.nth(0)).to_have_value("Wie zet de koffie als de vrijwilligers stoppen?")
    expect(names.nth(1)).to_have_value("Jongeren")
    expect(dilemmas.nth(2)).to_have_value("Hoe bereiken we wie nooit komt?")

    # a name left empty: nothing is saved, nothing typed is lost, the message sits at the field
    names.nth(1).fill("")
    dilemmas.nth(0).fill("Een nieuwe vraag voor tafel 1")
    laptop.get_by_label("Naam", exact=True).last.fill("Nieuwe tafel")
    laptop.get_by_role("button", name="Omhoog: Tafel 3").click()
    expect(laptop.get_by_role("alert")).to_contain_text("Nog niets opgeslagen")
    expect(names.nth(1)).to_be_focused()
    expect(names.nth(1)).to_have_attribute("aria-invalid", "true")
    field = names.nth(1).get_attribute("id")
    expect(laptop.locator(f"#{field}-error")).to_have_text("Geef de tafel een naam.")
    expect(names.nth(1)).to_have_attribute("aria-describedby", f"{field}-error")
    expect(dilemmas.nth(0)).to_have_value("Een nieuwe vraag voor tafel 1")
    expect(laptop.get_by_label("Naam", exact=True).last).to_have_value("Nieuwe tafel")
    for size in ((1920, 1080), (1024, 768), (390, 844)):
        laptop.set_viewport_size({"width": size[0], "height": size[1]})
        screenshot(laptop, f"set-up-refused-{size[0]}")

    # fixed: the move, the edit and the new table all happen at once
    laptop.set_viewport_size({"width": 1366, "height": 900})
    names.nth(1).fill("Jongeren")
    laptop.get_by_role("button", name="Omhoog: Tafel 3").click()
    expect(laptop.get_by_role("status")).to_contain_text("Alle tafels zijn opgeslagen")
    expect(laptop.locator("h2[id^=table-]")).to_have_text(
        ["1. Tafel 1", "2. Tafel 3", "3. Jongeren", "4. Nieuwe tafel"])
    expect(dilemmas.nth(0)).to_have_value("Een nieuwe vraag voor tafel 1")
    for size in ((1920, 1080), (1024, 768), (390, 844)):
        laptop.set_viewport_size({"width": size[0], "height": size[1]})
        laptop.evaluate("window.scrollTo(0, 0)")
        screenshot(laptop, f"set-up-{size[0]}")
