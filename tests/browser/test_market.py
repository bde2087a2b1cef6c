"""Issue #16 in real browsers: two guests at different tables post a need and an offer, are proposed to each
other, both say yes, seal the match, and the big screen's counter moves."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_room_screens import join_live, open_room, sit_at_table_one
from tests.browser.test_walking_skeleton import live
from tests.browser.waiting import LIVE

pytestmark = pytest.mark.browser

NEED = "Ik zoek iemand die taalles geeft aan onze nieuwe vrijwilligers."
OFFER = "Ik kan op dinsdagavond taalles geven aan vrijwilligers."


def to_the_market(phone):
    """From the table page, as a guest does once the facilitator opened the market."""
    phone.locator("#now-bar").get_by_role("link", name="Naar de markt").click()
    expect(phone).to_have_url(re.compile(r"/market$"))
    live(phone)


def post(phone, kind: str, rubric: str, text: str):
    phone.get_by_label(kind).check()
    phone.get_by_label("Waar gaat het over?").select_option(label=rubric)
    phone.get_by_label(re.compile("In één zin")).fill(text)
    phone.get_by_role("button", name="Plaatsen").click()
    expect(phone.locator(".flash")).to_contain_text("Geplaatst")


def test_two_guests_at_different_tables_make_and_seal_a_match(server, contexts, screenshot):
    event = server.set_up_event("Beursvloer", "nl", 2)
    console, projector = open_room(contexts, event)
    ann, bo = contexts("phone").page(), contexts("phone").page()
    join_live(ann, event, "Ann")
    join_live(bo, event, "Bo")
    sit_at_table_one(ann)
    sit_at_table_one(bo, "Tafel 2")

    console.get_by_role("button", name="Markt openen").click()
    console.get_by_role("button", name="Markt: vraag en aanbod").click()
    expect(projector.locator("[data-count=matches]")).to_have_text("0 matches")
    for phone in (ann, bo):
        to_the_market(phone)
    post(ann, "zoek iets", "Kennis en advies", NEED)
    post(bo, "kan iets bieden", "Kennis en advies", OFFER)

    # each sees the other proposed, with the reason; Ann's list followed by itself when Bo posted
    proposal = ann.locator(".market-proposal", has_text=OFFER)
    expect(proposal).to_be_visible(timeout=5_000)
    expect(proposal).to_contain_text("allebei: taalles, vrijwilligers")
    expect(bo.locator(".market-proposal", has_text=NEED)).to_be_visible()
    screenshot(ann, "market-phone-proposal")

    ann.locator(".market-proposal", has_text=OFFER).get_by_role("button", name=re.compile("Laten we praten")).click()
    expect(ann.locator(".flash")).to_contain_text("Verstuurd")
    # Bo hears of it (no name yet) and says yes
    request = bo.locator(".market-connection", has_text=NEED)
    expect(request).to_contain_text("Iemand wil hierover met je praten", timeout=5_000)
    expect(request).not_to_contain_text("Ann")
    request.get_by_role("button", name="Ja, laten we praten").click()
    expect(bo.locator("[data-match-name]")).to_have_text("Een match met Ann. Jullie treffen elkaar aan Tafel 1.")
    expect(ann.locator("[data-match-name]")).to_have_text("Een match met Bo. Jullie treffen elkaar aan Tafel 2.",
                                                          timeout=5_000)
    expect(projector.locator("[data-count=matches]")).to_have_text("1 match", timeout=5_000)

    # the line that seals it waits for the facilitator like every text: this one holds a phone number
    ann.get_by_label("Bezegel het: wat gaan jullie doen, en wanneer?").fill(
        "Vanaf januari elke dinsdag taalles, bel me op 06 98765432.")
    ann.get_by_label(re.compile("Laat mijn voornaam erbij zien")).check()
    ann.get_by_role("button", name="Match bezegelen").click()
    expect(ann.locator(".flash")).to_contain_text("Bezegeld")
    expect(ann.get_by_role("status").filter(has_text="Alleen jullie twee zien deze regel")).to_be_visible()
    # once sealed, the form folds away behind "change the agreement", which opens it with the line in it
    agreement = ann.get_by_label("Bezegel het: wat gaan jullie doen, en wanneer?")
    expect(agreement).to_be_hidden()
    ann.get_by_text("De afspraak veranderen").click()
    expect(agreement).to_have_value("Vanaf januari elke dinsdag taalles, bel me op 06 98765432.")
    queued = console.locator(".console-queue .is-held", has_text="06 98765432")
    expect(queued).to_contain_text("afspraak van een match", timeout=LIVE)
    expect(queued).to_contain_text("bevat een telefoonnummer")
    expect(projector.locator(".market-sealed")).to_have_count(0)
    # saving a correction (it keeps waiting) and approving (on view) do not look alike
    correction = queued.get_by_role("button", name="Verbetering opslaan; het blijft wachten")
    approval = queued.get_by_role("button", name=re.compile("^Goedkeuren"))
    looks = "b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).borderStyle]"
    assert correction.evaluate(looks) != approval.evaluate(looks)
    assert correction.evaluate(looks)[1] == "dashed" and approval.evaluate(looks)[0] == "rgb(24, 92, 49)"
    queued.get_by_label("Tekst van het bericht").fill("Vanaf januari elke dinsdag taalles.")
    correction.click()
    expect(console.locator(".console-queue textarea")).to_have_value("Vanaf januari elke dinsdag taalles.")
    console.locator(".console-queue .is-held").get_by_role("button", name=re.compile("^Goedkeuren")).click()
    expect(projector.locator(".market-sealed")).to_contain_text("Vanaf januari elke dinsdag taalles.", timeout=LIVE)
    # each guest decides about their own first name: Ann agreed, Bo did not
    expect(projector.locator(".market-sealed")).to_contain_text("Een gast en Ann: Vanaf januari")
    expect(projector.locator(".market-sealed")).not_to_contain_text("Bo")
    screenshot(ann, "market-phone-match")
    screenshot(projector, "projector-market")
    screenshot(console, "console-market")
