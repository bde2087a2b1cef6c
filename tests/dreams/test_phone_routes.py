"""The phone, with and without JavaScript (htmx requests carry HX-Request)."""
from facilitation.dreams.models import Dream
from facilitation.extensions import db
from tests.conftest import csrf_token

POSTED = {"nl": "Je droom staat op de wolk", "en": "Your dream is on the wall"}
CLOSED = {"nl": "De wolk is nu dicht voor nieuwe dromen", "en": "The wall is closed for new dreams right now"}
EMPTY = {"nl": "Schrijf eerst je droom", "en": "Write your dream first"}
TOO_LONG = {"nl": "Dat is te lang", "en": "That is too long"}
HX = {"HX-Request": "true"}


def test_dream_form_needs_joining_first(client, make):
    _, code = make.event()
    response = client.get(f"/e/{code}")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/j/{code}")


def test_post_dream_without_javascript(client, make, lang):
    _, code = make.event(language=lang)
    make.join(client, code)
    response = make.post_dream(client, code, "Mensen zien zoals ze zijn")
    assert response.status_code == 302
    page = client.get(f"/e/{code}").get_data(as_text=True)
    assert POSTED[lang] in page
    assert page.count("Mensen zien zoals ze zijn") == 2  # in my dreams and on the wall


def test_post_dream_with_htmx_returns_a_fresh_form_and_my_list(client, make, lang):
    _, code = make.event(language=lang)
    make.join(client, code)
    token = csrf_token(client, f"/e/{code}")
    response = client.post(f"/e/{code}/dreams", data={"text": "Samen sterker"},
                           headers={**HX, "X-CSRFToken": token})
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert POSTED[lang] in body
    assert 'id="my-dreams" class="clouds" hx-swap-oob="true"' in body
    assert "Samen sterker" in body
    assert "<textarea" in body and "Samen sterker</textarea>" not in body


def test_empty_and_long_dreams_get_a_message_and_keep_the_text(client, make, lang):
    _, code = make.event(language=lang)
    make.join(client, code)
    empty = make.post_dream(client, code, "   ")
    assert empty.status_code == 422 and EMPTY[lang] in empty.get_data(as_text=True)
    long_text = "lang " * 60
    too_long = make.post_dream(client, code, long_text)
    assert too_long.status_code == 422
    body = too_long.get_data(as_text=True)
    assert TOO_LONG[lang] in body and long_text in body


def test_closed_wall_keeps_the_text_in_the_form(client, make, app, lang):
    event_id, code = make.event(language=lang)
    make.join(client, code)
    with app.app_context():
        from facilitation.events.models import Event

        db.session.get(Event, event_id).dreams_open = False
        db.session.commit()
    token = csrf_token(client, f"/e/{code}")
    response = client.post(f"/e/{code}/dreams", data={"text": "Bewaar mij"}, headers={**HX, "X-CSRFToken": token})
    assert response.status_code == 409
    body = response.get_data(as_text=True)
    assert "Bewaar mij</textarea>" in body and 'role="alert"' in body
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Dream.id))) == 0


def test_double_submit_with_one_form_makes_one_dream(client, make, app):
    _, code = make.event()
    make.join(client, code)
    token = csrf_token(client, f"/e/{code}")
    data = {"csrf_token": token, "text": "Eén keer tikken", "request_key": "same-form-key-123"}
    assert client.post(f"/e/{code}/dreams", data=data).status_code == 302
    assert client.post(f"/e/{code}/dreams", data=data).status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Dream.id))) == 1


def test_dream_post_without_csrf_is_refused(client, make, app):
    _, code = make.event()
    make.join(client, code)
    assert client.post(f"/e/{code}/dreams", data={"text": "zonder token"}).status_code == 400
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Dream.id))) == 0


def test_oversized_request_is_413_with_a_message(client, make, lang):
    _, code = make.event(language=lang)
    make.join(client, code)
    token = csrf_token(client, f"/e/{code}")
    response = client.post(f"/e/{code}/dreams", data={"csrf_token": token, "text": "x" * 100_000})
    assert response.status_code == 413
    assert {"nl": "te veel tekst", "en": "too much text"}[lang] in response.get_data(as_text=True)


def test_hearts_from_another_phone(app, make, lang):
    _, code = make.event(language=lang)
    ann, bo = app.test_client(), app.test_client()
    make.join(ann, code)
    make.join(bo, code)
    make.post_dream(ann, code, "Een klein steentje bijdragen")
    page = bo.get(f"/e/{code}").get_data(as_text=True)
    assert 'aria-pressed="false"' in page
    (dream_id,) = make.dream_ids_for_event_code(code)
    token = csrf_token(bo, f"/e/{code}")
    given = bo.post(f"/e/{code}/dreams/{dream_id}/heart", headers={**HX, "X-CSRFToken": token})
    assert given.status_code == 200
    assert 'aria-pressed="true"' in given.get_data(as_text=True)
    assert '<span data-heart-count>1</span>' in given.get_data(as_text=True)
    taken = bo.post(f"/e/{code}/dreams/{dream_id}/heart", headers={**HX, "X-CSRFToken": token})
    assert 'aria-pressed="false"' in taken.get_data(as_text=True)
    # the author sees "your dream", not a heart button
    own_page = ann.get(f"/e/{code}").get_data(as_text=True)
    assert {"nl": "Jouw droom", "en": "Your dream"}[lang] in own_page
    refused = ann.post(f"/e/{code}/dreams/{dream_id}/heart", headers={**HX, "X-CSRFToken": csrf_token(ann, f"/e/{code}")})
    assert refused.status_code == 422
    assert {"nl": "je eigen droom", "en": "your own dream"}[lang] in refused.get_data(as_text=True)


def test_heart_without_javascript_redirects_back(app, make):
    _, code = make.event()
    ann, bo = app.test_client(), app.test_client()
    make.join(ann, code)
    make.join(bo, code)
    make.post_dream(ann, code, "Samen")
    (dream_id,) = make.dream_ids_for_event_code(code)
    token = csrf_token(bo, f"/e/{code}")
    response = bo.post(f"/e/{code}/dreams/{dream_id}/heart", data={"csrf_token": token})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/e/{code}#dream-{dream_id}")
    assert 'aria-pressed="true"' in bo.get(f"/e/{code}").get_data(as_text=True)


def test_heart_for_unknown_dream_is_404(client, make):
    _, code = make.event()
    make.join(client, code)
    token = csrf_token(client, f"/e/{code}")
    assert client.post(f"/e/{code}/dreams/999/heart", data={"csrf_token": token}).status_code == 404


def test_live_fragment_is_for_participants_only(app, make):
    _, code = make.event()
    stranger = app.test_client()
    assert stranger.get(f"/e/{code}/live").status_code == 403
    member = app.test_client()
    make.join(member, code)
    body = member.get(f"/e/{code}/live").get_data(as_text=True)
    assert 'id="wall"' in body and 'id="posting-state" hx-swap-oob="true"' in body
