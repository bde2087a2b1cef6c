"""Issue #13: words that are ordinary words in care (kanker, tyfus, tering) never hold a post on their own;
abusive compounds and phrases with them do. The sentences are in zorg_en_schelden.txt."""
from pathlib import Path

import pytest

from facilitation.screening import hold_reason

LINES = [line.split("|", 2) for line in (Path(__file__).with_name("zorg_en_schelden.txt")
                                         .read_text(encoding="utf-8").splitlines())
         if line.strip() and not line.startswith("#")]
CARE = [(lang, text) for kind, lang, text in LINES if kind == "care"]
ABUSE = [(lang, text) for kind, lang, text in LINES if kind == "abuse"]


def test_there_are_enough_sentences_in_both_languages():
    assert len(CARE) >= 40 and len(ABUSE) >= 40
    assert {lang for lang, _ in CARE} == {lang for lang, _ in ABUSE} == {"nl", "en"}


def test_no_care_sentence_is_held():
    held = [text for _, text in CARE if hold_reason(text)]
    assert held == []


def test_every_abusive_sentence_is_held():
    missed = [text for _, text in ABUSE if hold_reason(text) != "abuse"]
    assert missed == []


@pytest.mark.parametrize("text", ["kanker", "Kanker.", "tyfus", "tering", "KANKER!", "pest"])
def test_the_word_alone_is_not_held(text):
    assert hold_reason(text) is None


def test_the_organiser_adds_and_removes_words_for_an_event(app, client, runner, make, lang):
    """Through the form on the organiser's event page, as an organiser would."""
    from facilitation.accounts.operations import find_organiser
    from facilitation.dreams.models import Dream
    from facilitation.events.models import Event
    from facilitation.extensions import db
    from tests.conftest import csrf_token

    runner.invoke(args=["user", "create", "--email", "org@venue.nl", "--password", "een-lang-wachtwoord"])
    event_id, code = make.event(language=lang)
    with app.app_context():
        db.session.get(Event, event_id).organiser_id = find_organiser("org@venue.nl").id
        db.session.commit()
    token = csrf_token(client, "/login")
    client.post("/login", data={"csrf_token": token, "email": "org@venue.nl", "password": "een-lang-wachtwoord"})
    page = client.get(f"/events/{event_id}").get_data(as_text=True)
    assert {"nl": "Woorden die een bericht tegenhouden", "en": "Words that hold a post"}[lang] in page
    token = csrf_token(client, f"/events/{event_id}")
    response = client.post(f"/events/{event_id}/words", data={
        "csrf_token": token, "held_words": "Zwabber, dikke pier", "allowed_words": "klootzak"})
    assert response.status_code == 302
    assert "dikke pier" in client.get(f"/events/{event_id}").get_data(as_text=True)  # shown again in the form

    guest = app.test_client()
    make.join(guest, code)
    for text in ("Die zwabber van tafel 2", "Jij bent een dikke pier", "Die klootzak van een bladblazer maakt me gek",
                 "Mijn droom gaat over kanker en zorg"):
        make.post_dream(guest, code, text)
    with app.app_context():
        status = {d.text: d.review.value for d in db.session.scalars(db.select(Dream).filter_by(event_id=event_id))}
    assert status["Die zwabber van tafel 2"] == "held"
    assert status["Jij bent een dikke pier"] == "held"
    assert status["Die klootzak van een bladblazer maakt me gek"] != "held"  # taken off the list for this event
    assert status["Mijn droom gaat over kanker en zorg"] != "held"
    other_id, other_code = make.event()  # another event keeps our list as it is
    other_guest = app.test_client()
    make.join(other_guest, other_code)
    make.post_dream(other_guest, other_code, "Die klootzak van een bladblazer maakt me gek")
    with app.app_context():
        assert db.session.scalar(db.select(Dream.review).filter_by(event_id=other_id)).value == "held"


def test_only_the_organiser_sets_the_words(app, client, make):
    event_id, _ = make.event()
    make.facilitate(client, event_id)
    from tests.conftest import csrf_token

    token = csrf_token(client, "/")
    response = client.post(f"/events/{event_id}/words", data={"csrf_token": token, "held_words": "x"},
                           headers={"X-CSRFToken": token})
    assert response.status_code in (302, 403) and "/login" in response.headers.get("Location", "/login")
