"""Guests without a smartphone: written for by a neighbour, or on paper cards typed in by the facilitator."""
from facilitation.dreams.models import Dream
from facilitation.events.models import Participant
from facilitation.extensions import db
from tests.conftest import csrf_token

HX = {"HX-Request": "true"}


def test_a_neighbour_becomes_a_participant_of_their_own(app, make, lang):
    event_id, code = make.event(language=lang)
    phone = app.test_client()
    make.join(phone, code, name="Ann", role_tag="vrijwilliger")
    token = csrf_token(phone, f"/e/{code}")
    response = phone.post(f"/e/{code}/neighbour", data={"csrf_token": token, "name": "Gerda", "role_tag": "inwoner",
                                                          "text": "Een bankje bij de bushalte."})
    assert response.status_code == 302
    with app.app_context():
        gerda = db.session.scalar(db.select(Participant).filter_by(name="Gerda"))
        ann = db.session.scalar(db.select(Participant).filter_by(name="Ann"))
        assert gerda.source == "neighbour" and gerda.helper_id == ann.id and gerda.role_tag == "inwoner"
        assert db.session.scalar(db.select(Dream.participant_id)) == gerda.id
    page = phone.get(f"/e/{code}").get_data(as_text=True)
    assert {"nl": "De droom van Gerda staat op de wolk", "en": "The dream of Gerda is on the wall"}[lang] in page


def test_a_refused_neighbour_dream_keeps_the_text_and_adds_nobody(app, make, lang):
    _, code = make.event(language=lang)
    phone = app.test_client()
    make.join(phone, code)
    token = csrf_token(phone, f"/e/{code}")
    response = phone.post(f"/e/{code}/neighbour", data={"csrf_token": token, "name": "Gerda", "text": "x" * 300})
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert "x" * 300 in body and 'value="Gerda"' in body
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Participant.id))) == 1


def test_paper_cards_reach_the_wall_even_when_it_is_closed_and_are_not_counted(app, make, lang):
    event_id, code = make.event(language=lang)
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    token = csrf_token(laptop, f"/console/{event_id}/")
    laptop.post(f"/console/{event_id}/posting/close", data={"csrf_token": token})
    for text in ("Koffie met de buren.", "Een moestuin voor iedereen."):
        response = laptop.post(f"/console/{event_id}/paper", headers={**HX, "X-CSRFToken": token}, data={"text": text})
        assert response.status_code == 200
    body = laptop.get(f"/console/{event_id}/").get_data(as_text=True)
    assert "Koffie met de buren." in body and {"nl": "papieren kaartje", "en": "paper card"}[lang] in body
    assert 'data-count="participants">0<' in body
    empty = laptop.post(f"/console/{event_id}/paper", headers={**HX, "X-CSRFToken": token}, data={"text": " "})
    assert empty.status_code == 422
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Participant.id))) == 1


def test_larger_text_is_remembered_for_this_browser(client, make):
    _, code = make.event()
    make.join(client, code)
    token = csrf_token(client, f"/e/{code}")
    response = client.post("/display/text-size", query_string={"next": f"/e/{code}"}, data={"csrf_token": token})
    assert response.headers["Location"].endswith(f"/e/{code}")
    assert '<html lang="nl" dir="ltr" class="large-text">' in client.get(f"/e/{code}").get_data(as_text=True)
    client.post("/display/text-size", data={"csrf_token": token})
    assert 'class="large-text"' not in client.get(f"/e/{code}").get_data(as_text=True)
