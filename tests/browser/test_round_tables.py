"""Part two of the evening in real browsers: three phones at two tables, the console and the projector."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_walking_skeleton import live

pytestmark = pytest.mark.browser


def test_tables_contributions_card_harvest_and_endorsements(server, contexts, screenshot):
    event = server.set_up_event("Van dromen naar daden", "nl", 2)
    code = event["join_code"]

    console = contexts("laptop").page()
    console.goto(event["facilitator_url"])
    live(console)
    projector = contexts("projector").page()
    projector.goto(event["projector_url"])
    live(projector)

    # the facilitator writes the dilemmas and finds the table cards' QR addresses
    console.get_by_role("link", name="Ronde tafels").click()
    console.get_by_label("Dilemma: de vraag waar deze tafel over praat").first.fill(
        "Werken met vrijwilligers: is het een visie of gaat het om geld?")
    console.get_by_role("button", name="Tafel opslaan").first.click()
    expect(console.get_by_role("status")).to_contain_text("De tafel is opgeslagen")
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
    expect(bo.locator("#table-stream .contribution", has_text="scholing")).to_be_visible(timeout=2_000)
    bo.locator("#table-stream .contribution", has_text="scholing").get_by_role("button", name="Stemmen").click()
    expect(ann.locator("#table-stream [data-vote-count]")).to_have_text("1", timeout=2_000)
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
    ann.get_by_role("button", name="Formulier inleveren").click()
    expect(ann.locator("#card-form")).to_contain_text("Ingeleverd")
    expect(bo.locator("#table-stream .advice-card")).to_contain_text("Duidelijke grenzen", timeout=2_000)
    screenshot(bo, "phone-table")

    console.goto(event["facilitator_url"])
    live(console)
    expect(console.locator("[data-count=submitted]")).to_have_text("1 van 2 tafels ingeleverd")
    console.get_by_role("button", name="Overzicht tafels").click()
    expect(projector.locator(".table-tile.is-done")).to_have_count(1, timeout=2_000)
    screenshot(projector, "projector-tables")
    screenshot(console, "console-tables")

    console.get_by_role("button", name="Oogst", exact=True).click()
    expect(projector.locator(".harvest")).to_contain_text("Duidelijke grenzen en scholing", timeout=2_000)
    expect(projector.locator(".harvest")).to_contain_text("Geef vrijwilligers scholing")

    # the room endorses: Cas backs table 1's advice and the projector counts it
    cas.goto(f"{server.url}/e/{code}/harvest")
    cas.get_by_role("button", name="Ik steun dit advies").click()
    expect(cas.locator(".budget")).to_contain_text("nog 2 keer")
    expect(projector.locator("[data-count=endorsements]")).to_have_text("1 steunbetuiging uit de zaal",
                                                                         timeout=2_000)
    screenshot(projector, "projector-harvest")

    # Cas hosts table 2 and submits too; the facilitator steps through the harvest with the arrow keys
    cas.goto(table_two_url.replace(f"/j/{code}/t/", f"/e/{code}/t/"))
    cas.get_by_role("button", name="Ik word voorzitter").click()
    cas.get_by_label("3. Ons advies").fill("Verleid de burger: benut talenten.")
    cas.get_by_role("button", name="Formulier inleveren").click()
    expect(cas.locator("#card-form")).to_contain_text("Ingeleverd")
    console.reload()
    live(console)
    console.keyboard.press("ArrowRight")
    expect(projector.locator(".harvest-table")).to_have_text("Tafel 2", timeout=2_000)
    expect(projector.locator(".harvest")).to_contain_text("2 / 2")
    expect(console.locator("[data-harvest-now]")).to_have_text("Oogst: Tafel 2 (2 / 2)")
    console.keyboard.press("ArrowLeft")
    expect(projector.locator(".harvest-table")).to_have_text("Tafel 1", timeout=2_000)


def test_table_cards_print_one_a5_page_per_table(server, browser):
    event = server.set_up_event("Kaarten", "nl", 3)
    context = browser.new_context()
    page = context.new_page()
    page.goto(event["facilitator_url"])
    page.goto(page.url.replace("/console/", "/events/").rstrip("/") + "/tables/cards")
    expect(page.locator(".table-card")).to_have_count(3)
    pdf = page.pdf(prefer_css_page_size=True).decode("latin-1")
    boxes = re.findall(r"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert len(boxes) == 3
    for width, height in boxes:  # A5: 148 x 210 mm
        assert abs(float(width) - 419.5) < 2 and abs(float(height) - 595.3) < 2
    context.close()
