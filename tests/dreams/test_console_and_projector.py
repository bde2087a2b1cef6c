"""The facilitator console and the projector, reached through their secret links."""
from facilitation.events.models import Event
from facilitation.extensions import db
from tests.conftest import csrf_token, on_the_big_screen

HX = {"HX-Request": "true"}


def _path(url):
    return url.replace("http://venue.test:5000", "")


def test_facilitator_link_opens_the_console(app, make, lang):
    event_id, code = make.event(language=lang)
    laptop = app.test_client()
    assert laptop.get(f"/console/{event_id}/").status_code == 403
    make.facilitate(laptop, event_id)
    page = laptop.get(f"/console/{event_id}/").get_data(as_text=True)
    assert {"nl": "Wolk sluiten", "en": "Close the wall"}[lang] in page
    assert code[:4] in page


def test_wrong_or_rotated_facilitator_link_is_403(app, make):
    event_id, _ = make.event()
    laptop = app.test_client()
    assert laptop.get(f"/f/{event_id}/not-the-token").status_code == 403
    assert laptop.get(f"/f/999/{'x' * 22}").status_code == 404
    make.facilitate(laptop, event_id)
    with app.app_context():
        from facilitation.events.operations import rotate_link

        rotate_link(db.session.get(Event, event_id), "facilitator")
        db.session.commit()
    # the old link's rights end at once, for pages and actions
    assert laptop.get(f"/console/{event_id}/").status_code == 403


def test_hide_restore_and_spotlight_from_the_console(app, make, lang):
    event_id, code = make.event(language=lang)
    phone, laptop, screen = app.test_client(), app.test_client(), app.test_client()
    make.join(phone, code)
    make.post_dream(phone, code, "Samenleven begint bij onderwijs")
    (dream_id,) = make.dream_ids(event_id)
    make.facilitate(laptop, event_id)
    projector = _path(make.links(event_id)["projector_url"])
    token = csrf_token(laptop, f"/console/{event_id}/")

    spot = laptop.post(f"/console/{event_id}/dreams/{dream_id}/spotlight", headers={**HX, "X-CSRFToken": token})
    assert spot.status_code == 200
    assert 'class="spotlight"' in screen.get(projector, follow_redirects=True).get_data(as_text=True)

    hidden = laptop.post(f"/console/{event_id}/dreams/{dream_id}/hide", headers={**HX, "X-CSRFToken": token})
    assert hidden.status_code == 200 and "is-hidden" in hidden.get_data(as_text=True)
    assert "Samenleven begint bij onderwijs" not in on_the_big_screen(screen, projector)
    assert "Samenleven begint bij onderwijs" not in phone.get(f"/e/{code}").get_data(as_text=True)

    again = laptop.post(f"/console/{event_id}/dreams/{dream_id}/hide", headers={**HX, "X-CSRFToken": token})
    assert again.status_code == 409
    assert {"nl": "al verborgen", "en": "already hidden"}[lang] in again.get_data(as_text=True)

    laptop.post(f"/console/{event_id}/dreams/{dream_id}/restore", headers={**HX, "X-CSRFToken": token})
    assert "Samenleven begint bij onderwijs" in on_the_big_screen(screen, projector)


def test_console_actions_work_without_javascript(app, make):
    event_id, code = make.event()
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    token = csrf_token(laptop, f"/console/{event_id}/")
    response = laptop.post(f"/console/{event_id}/posting/close", data={"csrf_token": token})
    assert response.status_code == 302 and response.headers["Location"].split("#")[0].endswith(f"/console/{event_id}/")
    assert "De wolk is dicht voor nieuwe dromen." in laptop.get(f"/console/{event_id}/").get_data(as_text=True)
    phone = app.test_client()
    make.join(phone, code)
    refused = make.post_dream(phone, code, "Te laat")
    assert refused.status_code == 409 and "Te laat</textarea>" in refused.get_data(as_text=True)
    laptop.post(f"/console/{event_id}/posting/open", data={"csrf_token": token})
    assert make.post_dream(phone, code, "Nu wel").status_code == 302


def test_participants_and_projector_cannot_moderate(app, make):
    event_id, code = make.event()
    phone = app.test_client()
    make.join(phone, code)
    make.post_dream(phone, code, "Niet aankomen")
    (dream_id,) = make.dream_ids(event_id)
    token = csrf_token(phone, f"/e/{code}")
    assert phone.post(f"/console/{event_id}/dreams/{dream_id}/hide", data={"csrf_token": token}).status_code == 403
    screen = app.test_client()
    projector = _path(make.links(event_id)["projector_url"])
    screen.get(projector)
    assert screen.get(f"/console/{event_id}/").status_code == 403
    assert phone.get(f"/console/{event_id}/panels/dreams").status_code == 403


def test_projector_shows_wall_counts_and_join_code(app, make, lang):
    event_id, code = make.event(language=lang)
    phone, screen = app.test_client(), app.test_client()
    make.join(phone, code)
    make.post_dream(phone, code, "Mensen zien zoals ze zijn")
    projector = _path(make.links(event_id)["projector_url"])
    page = screen.get(projector, follow_redirects=True).get_data(as_text=True)
    assert "Mensen zien zoals ze zijn" in page
    assert f"{code[:4]} {code[4:]}" in page and f"/j/{code}/qr.svg" in page
    assert {"nl": "1 deelnemer", "en": "1 participant"}[lang] in page
    assert {"nl": "1 droom", "en": "1 dream"}[lang] in page
    stage = on_the_big_screen(screen, projector)
    assert "Mensen zien zoals ze zijn" in stage and "<html" not in stage


def test_projector_with_a_wrong_token_is_403(client, make):
    event_id, _ = make.event()
    assert client.get(f"/p/{event_id}/wrong/").status_code == 403
