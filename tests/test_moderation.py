"""Held posts: the author is told, only facilitators see them, the queue approves or hides, all logged."""
from facilitation.dreams.models import Dream
from facilitation.extensions import db
from facilitation.review import Review
from facilitation.moderation.models import ModerationAction
from tests.conftest import csrf_token

HX = {"HX-Request": "true"}


def _held_setup(app, make, socket_client, lang="nl"):
    event_id, code = make.event(language=lang)
    author, other, laptop = app.test_client(), app.test_client(), app.test_client()
    make.join(author, code)
    make.join(other, code)
    make.facilitate(laptop, event_id)
    sockets = {"other": socket_client(other, event_id, "participant"),
               "console": socket_client(laptop, event_id, "facilitator")}
    for sc in sockets.values():
        sc.get_received()
    return event_id, code, author, other, laptop, sockets


def test_a_post_with_a_phone_number_waits_and_reaches_only_facilitators(app, make, socket_client, lang):
    event_id, code, author, other, laptop, sockets = _held_setup(app, make, socket_client, lang)
    token = csrf_token(author, f"/e/{code}")
    response = author.post(f"/e/{code}/dreams", headers={**HX, "X-CSRFToken": token},
                           data={"text": "Bel me op 06-12345678"})
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert {"nl": "De gespreksleider kijkt er eerst naar", "en": "Waits for the facilitator"}[lang] in body
    assert sockets["other"].get_received() == []
    # only the consoles hear of it, and only their queue and dream list fetch again
    assert [m["args"][0] for m in sockets["console"].get_received()] == [{"names": ["moderation", "dreams"]}]
    assert "06-12345678" not in other.get(f"/e/{code}").get_data(as_text=True)
    projector = make.links(event_id)["projector_url"].replace("http://venue.test:5000", "")
    assert "06-12345678" not in app.test_client().get(projector, follow_redirects=True).get_data(as_text=True)
    console = laptop.get(f"/console/{event_id}/").get_data(as_text=True)
    assert "06-12345678" in console and {"nl": "bevat een telefoonnummer", "en": "contains a phone number"}[lang] in console


def test_approving_puts_it_on_the_wall_and_a_second_console_is_refused(app, make, socket_client, lang):
    event_id, code, author, other, laptop, sockets = _held_setup(app, make, socket_client, lang)
    make.post_dream(author, code, "Mail me: ann@example.org")
    (dream_id,) = make.dream_ids(event_id)
    second = app.test_client()
    make.facilitate(second, event_id)
    token, second_token = csrf_token(laptop, f"/console/{event_id}/"), csrf_token(second, f"/console/{event_id}/")
    # a typo is corrected first (the e-mail address comes out), then approved
    laptop.post(f"/console/{event_id}/dreams/{dream_id}/edit", headers={**HX, "X-CSRFToken": token},
                data={"text": "Mail me maar"})
    assert laptop.post(f"/console/{event_id}/dreams/{dream_id}/approve",
                       headers={**HX, "X-CSRFToken": token}).status_code == 200
    new = [m for m in sockets["other"].get_received() if m["name"] == "dream:new"]
    assert len(new) == 1 and "Mail me maar" in new[0]["args"][0]["items"][0]["html"]
    late = second.post(f"/console/{event_id}/dreams/{dream_id}/approve", headers={**HX, "X-CSRFToken": second_token})
    assert late.status_code == 409
    assert {"nl": "Een andere gespreksleider", "en": "Another facilitator"}[lang] in late.get_data(as_text=True)
    with app.app_context():
        actions = db.session.scalars(db.select(ModerationAction).order_by(ModerationAction.id)).all()
        assert [a.action for a in actions] == ["edit", "approve"]
        assert all(a.actor.startswith("console ") for a in actions)


def test_pre_moderation_holds_every_post_until_approved_or_hidden(app, make, socket_client):
    event_id, code, author, other, laptop, sockets = _held_setup(app, make, socket_client)
    token = csrf_token(laptop, f"/console/{event_id}/")
    laptop.post(f"/console/{event_id}/moderation/premoderated", data={"csrf_token": token})
    make.post_dream(author, code, "Een gewone droom")
    make.post_dream(author, code, "Nog een gewone droom")
    first, second = make.dream_ids(event_id)
    laptop.post(f"/console/{event_id}/dreams/{second}/hide", data={"csrf_token": token})
    laptop.post(f"/console/{event_id}/dreams/{first}/approve", data={"csrf_token": token})
    with app.app_context():
        statuses = dict(db.session.execute(db.select(Dream.id, Dream.review)).all())
    assert statuses == {first: Review.visible, second: Review.hidden}
    wall = other.get(f"/e/{code}").get_data(as_text=True)
    assert "Een gewone droom" in wall and "Nog een gewone droom" not in wall


def test_participants_cannot_moderate(app, make):
    event_id, code = make.event()
    phone = app.test_client()
    make.join(phone, code)
    make.post_dream(phone, code, "Bel 06-12345678")
    (dream_id,) = make.dream_ids(event_id)
    token = csrf_token(phone, f"/e/{code}")
    for action in ("approve", "edit"):
        assert phone.post(f"/console/{event_id}/dreams/{dream_id}/{action}", data={"csrf_token": token}).status_code == 403
    assert phone.post(f"/console/{event_id}/moderation/open", data={"csrf_token": token}).status_code == 403
