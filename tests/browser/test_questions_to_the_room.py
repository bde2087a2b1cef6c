"""Issue #18 in real browsers: a console, the big screen and three phones. A poll with hidden results answered
by all three, then revealed: the big screen shows the right bars. Stances before and after at one table: the
big screen shows the shift. A question voted up by two phones reaches the top of the console's list."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_room_screens import join_live, open_room, sit_at_table_one
from tests.browser.test_walking_skeleton import live
from tests.browser.waiting import LIVE

pytestmark = pytest.mark.browser


@pytest.mark.long
def test_a_hidden_poll_stances_and_questions_with_three_phones(server, contexts, screenshot):
    from facilitation.events.models import Event
    from facilitation.extensions import db
    from facilitation.programme.operations import add_speaker
    from facilitation.tables.models import Table

    event = server.set_up_event("Vragen aan de zaal", "nl", 2)
    with server.app().app_context():
        table = db.session.scalar(db.select(Table).filter_by(event_id=event["event_id"], position=1))
        table.dilemma = "Is werken met vrijwilligers een visie, of gaat het om geld?"
        table.pole_left, table.pole_right = "een visie", "het geld"
        ev = db.session.get(Event, event["event_id"])
        ev.current_speaker = add_speaker(ev, "Monique", "Een wijk waar iedereen meedoet.")
        db.session.commit()
        table_page = f"{server.url}/e/{event['join_code']}/t/{table.id}"
    console, projector = open_room(contexts, event)
    phones = [contexts("phone").page() for _ in range(3)]
    for phone, name in zip(phones, ("Ann", "Bo", "Cas")):
        join_live(phone, event, name)
        sit_at_table_one(phone)

    # a poll with hidden results, asked now
    console.get_by_text("Zet een vraag klaar, of stel er nu een").click()
    console.get_by_label("Vraag", exact=True).fill("Werk jij met vrijwilligers?")
    console.get_by_label("Antwoorden om uit te kiezen, één per regel (meerkeuze)").fill("Ja\nNee\nSoms")
    console.get_by_label("Verberg de uitslag tot ik hem toon").check()
    console.get_by_role("button", name="Nu stellen", exact=True).first.click()
    expect(projector.locator(".poll-question")).to_have_text("Werk jij met vrijwilligers?", timeout=5_000)
    for phone, answer in zip(phones, ("Ja", "Ja", "Soms")):
        phone.locator("#now-bar").get_by_role("link", name="Geef je antwoord").click(timeout=5_000)
        phone.get_by_role("button", name=answer, exact=True).click()
        expect(phone.get_by_role("button", name=answer, exact=True)).to_have_attribute("aria-pressed", "true")
    screenshot(phones[2], "poll-phone-answered")
    expect(projector.locator("[data-poll-answered]")).to_have_text("3 antwoorden", timeout=5_000)
    expect(projector.locator(".poll-hidden")).to_be_visible()
    expect(projector.locator("[data-poll-count]")).to_have_count(0)
    console.get_by_role("button", name="Toon de uitslag op het grote scherm").click()
    expect(projector.locator('[data-poll-count="0"]')).to_have_text("2 (67%)", timeout=5_000)
    expect(projector.locator('[data-poll-count="1"]')).to_have_text("0 (0%)")
    expect(projector.locator('[data-poll-count="2"]')).to_have_text("1 (33%)")
    screenshot(projector, "poll-projector-revealed")

    # stances at Tafel 1, before and after the round
    console.get_by_role("button", name="Vraag: voor de ronde").click()
    for phone, place in zip(phones, ("2", "1", "2")):
        phone.goto(table_page)
        live(phone)
        expect(phone.locator("#stance")).to_contain_text("een visie", timeout=5_000)
        phone.locator("#stance").get_by_role("button", name=f"Plek {place} van 7").click()
        expect(phone.locator("#stance").get_by_role("button", name=f"Plek {place} van 7")).to_have_attribute(
            "aria-pressed", "true")
    console.get_by_role("button", name="Vraag: na de ronde").click()
    for phone, place in zip(phones, ("5", "4", "6")):
        expect(phone.locator("#stance")).to_contain_text("En nu, na de ronde?", timeout=5_000)
        phone.locator("#stance").get_by_role("button", name=f"Plek {place} van 7").click()
    screenshot(phones[0], "stance-phone")
    expect(projector.locator(".stance-table").first).to_contain_text("Verschuiving: +3,3", timeout=5_000)
    expect(projector.locator(".stance-table").first).to_have_attribute("data-shift", "3.3")
    expect(projector.locator("[data-stance-room]")).to_contain_text("3 standpunten voor de ronde · 3 achteraf")
    screenshot(projector, "stances-projector")

    # questions for Monique: Bo's question gets two votes and goes to the top of the console's list
    console.get_by_role("button", name="Laat gasten vragen stellen").click()
    for phone, text in ((phones[0], "Hoe begin je met vrijwilligers?"), (phones[1], "Wat kost dat allemaal?")):
        phone.locator("#now-bar").get_by_role("link", name="Stel de spreker een vraag").click(timeout=5_000)
        phone.get_by_label(re.compile("Je vraag")).fill(text)
        phone.get_by_role("button", name="Vragen", exact=True).click()
        expect(phone.locator(".flash")).to_contain_text("Je vraag staat in de lijst")
    for phone in (phones[0], phones[2]):
        phone.goto(f"{server.url}/e/{event['join_code']}/ask")
        phone.locator(".question", has_text="Wat kost dat allemaal?").get_by_role("button").click()
        expect(phone.locator(".flash")).to_contain_text("Je stem telt")
    first = console.locator(".console-questions li").first
    expect(first).to_contain_text("Wat kost dat allemaal?", timeout=5_000)
    expect(first).to_contain_text("▲ 2")
    screenshot(console, "questions-console")


def test_a_phone_on_the_questions_page_follows_questions_votes_and_the_next_speaker(server, contexts):
    """Issue #26: questions were not live on phones and stayed with the old speaker. A phone parked on the
    questions page, with a half-typed question, sees another guest's question and a vote arrive, then the
    facilitator's next speaker: the heading and the list move on, and the typed words stay."""
    from facilitation.events.models import Event
    from facilitation.extensions import db
    from facilitation.polls.operations import open_questions
    from facilitation.programme.operations import add_speaker

    event = server.set_up_event("Vragen die meelopen", "nl", 2)
    with server.app().app_context():
        ev = db.session.get(Event, event["event_id"])
        ev.current_speaker = add_speaker(ev, "Monique")
        add_speaker(ev, "Karim")
        open_questions(ev, True)
        db.session.commit()
    console, _ = open_room(contexts, event)
    ask = f"{server.url}/e/{event['join_code']}/ask"
    parked, asking, voting = (contexts("phone").page() for _ in range(3))
    for phone, name in ((parked, "Ann"), (asking, "Bo"), (voting, "Cas")):
        join_live(phone, event, name)
        phone.goto(ask)
        live(phone)
    expect(parked.get_by_role("heading", level=1)).to_have_text("Een vraag voor Monique")
    parked.get_by_label(re.compile("Je vraag")).fill("Hoe houd je het vol")

    asking.get_by_label(re.compile("Je vraag")).fill("Wat kost een buurthuis per jaar?")
    asking.get_by_role("button", name="Vragen", exact=True).click()
    question = parked.locator(".question", has_text="Wat kost een buurthuis per jaar?")
    expect(question).to_contain_text("▲ 0", timeout=LIVE)
    voting.reload()
    voting.locator(".question", has_text="Wat kost een buurthuis per jaar?").get_by_role("button").click()
    expect(question).to_contain_text("▲ 1", timeout=LIVE)

    console.get_by_role("button", name="Volgende spreker →").click()
    expect(parked.get_by_role("heading", level=1)).to_have_text("Een vraag voor Karim", timeout=LIVE)
    expect(question).to_have_count(0)
    expect(parked.locator(".question-list")).to_contain_text("Nog geen vragen")
    expect(parked.get_by_label(re.compile("Je vraag"))).to_have_value("Hoe houd je het vol")
