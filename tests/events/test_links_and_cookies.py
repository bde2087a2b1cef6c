"""Credentials out of URLs and out of readable cookies (issue #13): the projector's token leaves the address,
no cookie holds a link token or a guest's key, a rotated link locks the old screen out."""

from facilitation.extensions import db


# --- 11. credentials out of URLs and out of readable cookies --------------------------------------------

def _cookie(client) -> dict:
    from flask.sessions import SecureCookieSessionInterface

    serializer = SecureCookieSessionInterface().get_signing_serializer(client.application)
    return serializer.loads(client.get_cookie("session").value)


def test_the_projector_token_leaves_the_address_after_the_first_visit(app, make):
    event_id, _ = make.event()
    link = make.links(event_id)["projector_url"].replace("http://venue.test:5000", "")
    token = link.rstrip("/").rsplit("/", 1)[1]
    screen = app.test_client()
    opened = screen.get(link)
    assert opened.status_code == 302 and token not in opened.headers["Location"]
    page = screen.get(opened.headers["Location"])
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert token not in html  # the refresh address every few seconds, the socket: no token anywhere
    assert screen.get(f"/p/{event_id}/stage").status_code == 200
    # a browser that never opened the link sees nothing, on either address
    stranger = app.test_client()
    assert stranger.get(f"/p/{event_id}/").status_code == 403
    assert stranger.get(f"/p/{event_id}/stage").status_code == 403


def test_no_readable_cookie_holds_a_link_token_or_a_participant_key(app, make):
    from facilitation.events.models import Event, Participant

    event_id, code = make.event()
    links = make.links(event_id)
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    laptop.get(links["projector_url"].replace("http://venue.test:5000", ""))
    phone = app.test_client()
    make.join(phone, code)
    with app.app_context():
        event = db.session.get(Event, event_id)
        tokens = [event.link_token("facilitator"), event.link_token("projector")]
    stored = str(_cookie(laptop))
    assert all(token not in stored for token in tokens)
    assert laptop.get(f"/console/{event_id}/").status_code == 200
    assert laptop.get(f"/p/{event_id}/stage").status_code == 200
    # the phone's cookie keeps only the hash the database already has; the raw key is gone everywhere
    (key_hash,) = _cookie(phone)["guests"].values()
    with app.app_context():
        assert db.session.scalar(db.select(Participant.key_hash)) == key_hash
    assert phone.get(f"/e/{code}").status_code == 200


def test_a_cookie_from_before_with_raw_keys_still_works_and_loses_them(app, make):
    from facilitation.events.models import Event
    from facilitation.events.operations import join_event

    event_id, code = make.event()
    with app.app_context():
        event = db.session.get(Event, event_id)
        _, key = join_event(event, "Ann")
        token = event.link_token("facilitator")
        db.session.commit()
    old = app.test_client()
    with old.session_transaction() as session:
        session["participants"] = {str(event_id): key}
        session["links"] = {f"facilitator:{event_id}": token}
    assert old.get(f"/e/{code}").status_code == 200
    assert old.get(f"/console/{event_id}/").status_code == 200
    stored = _cookie(old)
    assert "participants" not in stored and "links" not in stored
    assert key not in str(stored) and token not in str(stored)
    assert old.get(f"/console/{event_id}/").status_code == 200


def test_rotating_the_projector_link_locks_out_the_screen_that_opened_it(app, make, runner):
    from facilitation.events.models import Event
    from facilitation.events.operations import rotate_link

    event_id, _ = make.event()
    screen = app.test_client()
    screen.get(make.links(event_id)["projector_url"].replace("http://venue.test:5000", ""))
    assert screen.get(f"/p/{event_id}/stage").status_code == 200
    with app.app_context():
        rotate_link(db.session.get(Event, event_id), "projector")
        db.session.commit()
    assert screen.get(f"/p/{event_id}/stage").status_code == 403
    screen.get(make.links(event_id)["projector_url"].replace("http://venue.test:5000", ""))
    assert screen.get(f"/p/{event_id}/stage").status_code == 200
