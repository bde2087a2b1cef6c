"""Odd requests (issue #13): huge numbers in URLs, forms and sockets, bad Socket.IO packets, private pages that
no browser or proxy keeps, nginx's forwarded host. A clear refusal, never a traceback."""
import pytest

from facilitation.extensions import db
from tests.conftest import csrf_token, organiser_account, log_in


HX = {"HX-Request": "true"}


def test_nginx_does_not_pass_the_clients_forwarded_host():
    from pathlib import Path

    from facilitation import ROOT

    conf = (Path(ROOT) / "deploy" / "nginx.conf").read_text()
    assert "$http_x_forwarded_host" not in conf
    assert "proxy_set_header X-Forwarded-Host $host;" in conf or "X-Forwarded-Host" not in conf
    init = (Path(ROOT) / "facilitation" / "__init__.py").read_text()
    assert "x_host=" not in init  # the Host header nginx checked is the one used


# --- 6. huge numbers in URLs, forms and sockets ----------------------------------------------------------

HUGE = "9999999999999999999999999"
SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options")


def test_huge_numbers_in_urls_are_not_found(client, make, lang):
    event_id, code = make.event(language=lang, tables=2)
    make.join(client, code)
    make.facilitate(client, event_id)
    for url in (f"/f/{HUGE}/x", f"/p/{HUGE}/x/", f"/console/{HUGE}/", f"/j/{code}/t/{HUGE}", f"/e/{code}/t/{HUGE}",
                f"/console/{HUGE}/report/", f"/events/{HUGE}", f"/j/{code}/t/{2**63}", f"/console/{2**63 - 1}/"):
        response = client.get(url)
        assert response.status_code in (403, 404), (url, response.status_code)
        assert all(name in response.headers for name in SECURITY_HEADERS), url


@pytest.mark.parametrize("value", ["²", "³", HUGE, "١٢", "-1", "1e3"])
def test_odd_numbers_in_facilitator_forms_are_refused_kindly(client, make, value):
    event_id, _ = make.event(tables=1)
    make.facilitate(client, event_id)
    token = csrf_token(client, f"/console/{event_id}/")
    from facilitation.tables.models import Table

    with client.application.app_context():
        table_id = db.session.scalar(db.select(Table.id).filter_by(event_id=event_id))
    posts = [
        (f"/console/{event_id}/tables/{table_id}/host", {"participant_id": value}),
        (f"/console/{event_id}/phase/next", {"expected_phase": value}),
        (f"/console/{event_id}/announce", {"table_id": value, "text": "Koffie!"}),
        (f"/events/{event_id}/tables", {"action": "add", "new-name": "T", "new-capacity": value}),
        (f"/events/{event_id}/tables", {"action": "import", "rows": f"T; dilemma; ; ; {value}"}),
        (f"/events/{event_id}/tables", {f"t{table_id}-name": "T", f"t{table_id}-capacity": value, "move": value}),
        (f"/events/{event_id}/programme/new", {"kind": "dreams", "title": "Deel", "planned_minutes": value}),
        (f"/console/{event_id}/report/themes/{value}/rename", {"label": "x"}),
        (f"/console/{event_id}/report/dream/{value}/leave-out", {}),
    ]
    for url, data in posts:
        response = client.post(url, data={"csrf_token": token, **data}, headers={"X-CSRFToken": token})
        assert response.status_code < 500, (url, response.status_code, response.get_data(as_text=True)[:300])


def test_the_error_page_answers_with_security_headers_even_when_it_cannot_render(client, make, monkeypatch):
    import facilitation.security as security

    def broken(*args, **kwargs):
        raise RuntimeError("template store is gone")

    monkeypatch.setattr(security, "render_template", broken)
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert all(name in response.headers for name in SECURITY_HEADERS)


def test_a_socket_with_a_huge_event_id_is_refused_without_a_traceback(app, caplog):
    from facilitation.extensions import socketio

    for event in (10**30, str(10**30), "²", [1], 1.5e300, True):
        sc = socketio.test_client(app, auth={"event": event, "as": "projector"})
        assert not sc.is_connected()
    assert "Traceback" not in caplog.text


# --- 14. bad Socket.IO packets -------------------------------------------------------------------

@pytest.mark.parametrize("packet", ["2[bad json", "2", "9", "2{\"a\":1}", "7"])
def test_a_bad_socket_packet_closes_the_socket_with_one_short_log_line(app, make, client, socket_client, caplog,
                                                                       packet):
    import logging

    from facilitation.extensions import socketio

    event_id, code = make.event()
    make.join(client, code)
    sc = socket_client(client, event_id, "participant")
    assert sc.is_connected()
    caplog.clear()
    with caplog.at_level(logging.INFO):
        socketio.server.eio.handlers["message"](sc.eio_sid, packet)  # what engine.io hands on from the wire
    assert not sc.is_connected()
    lines = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(lines) == 1 and "bad packet" in lines[0].getMessage() and not lines[0].exc_info
    assert len(caplog.text) < 300


# --- 10. private pages are never kept by a browser or proxy -------------------------------------------

def test_console_organiser_page_and_table_stream_are_not_stored(client, runner, make, app):
    from facilitation.accounts.operations import find_organiser
    from facilitation.events.models import Event
    from facilitation.tables.models import Table

    email, _ = organiser_account(runner)
    event_id, code = make.event(tables=1)
    with app.app_context():
        db.session.get(Event, event_id).organiser_id = find_organiser(email).id
        table_id = db.session.scalar(db.select(Table.id).filter_by(event_id=event_id))
        db.session.commit()
    log_in(client)
    guest = app.test_client()
    make.join(guest, code, name="Fatima")
    token = csrf_token(guest, f"/j/{code}/t/{table_id}")
    guest.post(f"/j/{code}/t/{table_id}", data={"csrf_token": token})
    pages = {client: [f"/events/{event_id}", f"/console/{event_id}/", "/events", f"/events/{event_id}/poster"],
             guest: [f"/e/{code}/t/{table_id}", f"/e/{code}/t/{table_id}/live", f"/e/{code}"]}
    for browser, urls in pages.items():
        for url in urls:
            response = browser.get(url)
            assert response.status_code == 200, (url, response.status_code)
            assert response.headers["Cache-Control"] == "no-store", url
    static = client.get("/static/css/app.css")
    assert static.status_code == 200 and "max-age" in static.headers["Cache-Control"]
