"""Attacks on the app, each of which would succeed without its protection."""
import ast
import re
import sqlite3
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitation import ROOT, create_app
from facilitation.dreams.models import Dream
from facilitation.events.models import Event, Participant
from facilitation.extensions import db, socketio
from facilitation.tables.models import Table
from tests.conftest import csrf_token, stage_path

HX = {"HX-Request": "true"}


@pytest.fixture
def guarded(app):
    app.config["FLOOD_CONTROL"] = True
    return app


# --- flood limits ---------------------------------------------------------------------------------

def test_posting_faster_than_a_person_types_is_slowed_down_and_nothing_is_lost(guarded, make, lang):
    event_id, code = make.event(language=lang)
    phone = guarded.test_client()
    make.join(phone, code)
    token = csrf_token(phone, f"/e/{code}")
    statuses = []
    for n in range(8):
        response = phone.post(f"/e/{code}/dreams", headers={**HX, "X-CSRFToken": token}, data={"text": f"Droom {n}"})
        statuses.append(response.status_code)
    assert statuses[:6] == [200] * 6 and statuses[6] == 429
    body = response.get_data(as_text=True)
    assert "Droom 7</textarea>" in body
    assert {"nl": "Je gaat wat snel", "en": "You are going a bit fast"}[lang] in body
    assert len(make.dream_ids(event_id)) == 6


def test_a_hundred_phones_behind_one_venue_address_all_post(guarded, make):
    event_id, code = make.event()
    for n in range(100):
        phone = guarded.test_client()  # every test client comes from 127.0.0.1
        make.join(phone, code)
        assert make.post_dream(phone, code, f"Droom van gast {n}").status_code == 302
    assert len(make.dream_ids(event_id)) == 100


def test_login_attempts_are_limited(guarded, runner):
    runner.invoke(args=["user", "create", "--email", "a@b.nl", "--password", "een-lang-wachtwoord"])
    client = guarded.test_client()
    token = csrf_token(client, "/login")
    codes = [client.post("/login", data={"csrf_token": token, "email": "a@b.nl", "password": f"fout-{n}"}).status_code
             for n in range(11)]
    assert codes[:10] == [422] * 10 and codes[10] == 429
    right = client.post("/login", data={"csrf_token": token, "email": "a@b.nl", "password": "een-lang-wachtwoord"})
    assert right.status_code == 429  # even the right password waits: the limit is per address and e-mail


def test_guessing_join_codes_is_limited(guarded, make):
    _, code = make.event()
    guesser = guarded.test_client()
    codes = [guesser.get(f"/j/ZZZZZZ{n:02d}").status_code for n in range(20)]
    assert set(codes) == {404}
    assert guesser.get("/j/ZZZZZZZZ").status_code == 429  # misses from here on are refused
    # a valid code is never refused (issue #13): the whole room shares the guesser's address
    assert guesser.get(f"/j/{code}").status_code == 200


# --- cookies, secrets and links --------------------------------------------------------------------

def test_production_refuses_to_start_without_a_secret_key(monkeypatch, tmp_path):
    monkeypatch.setenv("FACILITATION_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("FACILITATION_INSTANCE", str(tmp_path))
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app({"SOCKETIO_ASYNC_MODE": "threading"})


def test_cookies_are_secure_when_served_over_https(monkeypatch, tmp_path):
    monkeypatch.setenv("PUBLIC_URL", "https://dromen.example.org")
    monkeypatch.setenv("FACILITATION_INSTANCE", str(tmp_path))
    app = create_app({"SOCKETIO_ASYNC_MODE": "threading",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 's.sqlite'}"})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    client = app.test_client()
    response = client.get("/", base_url="https://dromen.example.org")
    assert "max-age=31536000" in response.headers["Strict-Transport-Security"]


def test_the_session_cookie_holds_only_random_keys(client, make):
    _, code = make.event()
    make.join(client, code, name="Ann", role_tag="inwoner")
    from flask.sessions import SecureCookieSessionInterface

    serializer = SecureCookieSessionInterface().get_signing_serializer(client.application)
    data = serializer.loads(client.get_cookie("session").value)
    key_hash = next(iter(data["guests"].values()))
    assert len(key_hash) == 64 and "Ann" not in str(data) and "inwoner" not in str(data)


def test_csrf_token_still_works_after_a_long_evening(client, make, monkeypatch):
    _, code = make.event()
    make.join(client, code)
    token = csrf_token(client, f"/e/{code}")
    later = time.time() + 3 * 3600 + 60
    monkeypatch.setattr(time, "time", lambda: later)
    assert client.post(f"/e/{code}/dreams", data={"csrf_token": token, "text": "Drie uur later"}).status_code == 302


def test_rotating_a_link_revokes_open_sockets(app, make, socket_client):
    event_id, code = make.event()
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    console = socket_client(laptop, event_id, "facilitator")
    console.get_received()
    owner_session = app.test_client()
    with app.app_context():
        from facilitation.events.operations import rotate_link

        rotate_link(db.session.get(Event, event_id), "facilitator")
        db.session.commit()
    with app.app_context():
        from facilitation.live import broadcast

        broadcast.link_rotated(db.session.get(Event, event_id), "facilitator")
    assert [m["name"] for m in console.get_received()] == ["revoked"]
    phone = app.test_client()
    make.join(phone, code)
    make.post_dream(phone, code, "Na het intrekken")
    assert console.get_received() == []  # out of the room
    del owner_session


# --- sockets ---------------------------------------------------------------------------------------

def test_every_emit_in_the_code_names_its_room():
    """Only live/transport.py emits, and every push names its room (`to=`). (A signal of signals.py is sent
    to the features inside the server, never to a socket.)"""
    signals = {node.targets[0].id for node in ast.parse(Path(ROOT, "facilitation", "signals.py").read_text()).body
               if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) and node.targets[0].id[0] != "_"}
    offenders = []
    for path in Path(ROOT, "facilitation").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                signal = isinstance(node.func, ast.Attribute) and getattr(node.func.value, "id", "") in signals
                if name in ("emit", "send") and not path.name == "transport.py" and not signal:
                    offenders.append(f"{path}:{node.lineno}")
                if name in ("emit", "push"):
                    assert any(k.arg == "to" for k in node.keywords), f"{path}:{node.lineno} pushes without a room"
    assert offenders == []


@given(st.one_of(st.none(), st.text(), st.integers(), st.lists(st.integers()),
                 st.dictionaries(st.text(max_size=8), st.one_of(st.text(), st.integers(), st.none()), max_size=4)))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_socket_connect_survives_any_auth(app, auth):
    client = socketio.test_client(app, auth=auth if isinstance(auth, dict) else None)
    assert not client.is_connected()  # refused cleanly, no exception


# --- XSS -------------------------------------------------------------------------------------------

PAYLOADS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(2)>', "'><svg onload=alert(3)>",
            '<div hx-get="/evil" hx-trigger="load">x</div>', '{{7*7}} {% raw %}']


class Elements(HTMLParser):
    """Collects every element and attribute a page really has."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def injected(html: str) -> list:
    parser = Elements()
    parser.feed(html)
    bad = []
    for tag, attrs in parser.found:
        if tag in ("img", "svg") and attrs.get("src", "/").startswith("x") or tag == "svg":
            bad.append((tag, attrs))
        if tag == "script" and not attrs.get("src", "").startswith("/static/"):
            bad.append((tag, attrs))
        if any(name.startswith("on") for name in attrs):
            bad.append((tag, attrs))
        if attrs.get("hx-get") == "/evil":
            bad.append((tag, attrs))
    return bad


def test_hostile_text_through_every_input_never_becomes_markup(app, make, runner, socket_client):
    hostile = " ".join(PAYLOADS)[:270]
    runner.invoke(args=["user", "create", "--email", "o@x.nl", "--password", "een-lang-wachtwoord"])
    org = app.test_client()
    token = csrf_token(org, "/login")
    org.post("/login", data={"csrf_token": token, "email": "o@x.nl", "password": "een-lang-wachtwoord"})
    token = csrf_token(org, "/events/new")
    org.post("/events/new", data={"csrf_token": token, "title": hostile[:120], "language": "nl", "tables": "1",
                                  "venue": hostile[:120], "extra_role_tags": PAYLOADS[1][:40]})
    with app.app_context():
        event = db.session.scalar(db.select(Event))
        event_id, code = event.id, event.join_code
        table_id = db.session.scalar(db.select(Table.id))
    tables = f"/events/{event_id}/tables"
    org.post(f"{tables}/{table_id}", data={"csrf_token": token, "name": hostile[:80], "dilemma": hostile,
                                           "context": hostile, "theme": hostile[:120]})
    listener = app.test_client()
    make.join(listener, code)
    socket = socket_client(listener, event_id, "participant")
    phone = app.test_client()
    token = csrf_token(phone, f"/j/{code}")
    phone.post(f"/j/{code}", data={"csrf_token": token, "name": hostile[:40], "role_tag": PAYLOADS[1][:40]})
    make.post_dream(phone, code, hostile)
    token = csrf_token(phone, f"/e/{code}")
    phone.post(f"/e/{code}/neighbour", data={"csrf_token": token, "name": hostile[:40], "text": hostile})
    phone.post(f"/e/{code}/tables/{table_id}/join", data={"csrf_token": token})
    phone.post(f"/e/{code}/t/{table_id}/contributions", data={"csrf_token": token, "kind": "idea", "text": hostile})
    phone.post(f"/e/{code}/t/{table_id}/host", data={"csrf_token": token})
    phone.post(f"/e/{code}/t/{table_id}/card", data={"csrf_token": token, "dilemma": hostile, "options": hostile,
                                                      "advice": hostile, "next_step": hostile, "action": "submit"})
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    token = csrf_token(laptop, f"/console/{event_id}/")
    laptop.post(f"/console/{event_id}/paper", data={"csrf_token": token, "text": hostile})
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Dream.id))) == 3
    projector = make.links(event_id)["projector_url"].replace("http://venue.test:5000", "")
    pages = {
        "join": (phone, f"/j/{code}"), "phone": (phone, f"/e/{code}"), "live": (phone, f"/e/{code}/live"),
        "table": (phone, f"/e/{code}/t/{table_id}"), "harvest": (phone, f"/e/{code}/harvest"),
        "choose": (phone, f"/e/{code}/tables"), "console": (laptop, f"/console/{event_id}/"),
        "stream": (laptop, f"/console/{event_id}/tables/{table_id}"), "event": (org, f"/events/{event_id}"),
        "tables": (org, tables), "cards": (org, f"{tables}/cards"), "poster": (org, f"/events/{event_id}/poster"),
        "events": (org, "/events"), "projector": (laptop, f"/p/{event_id}/"),
    }
    for view in ("tables", "harvest"):
        laptop.post(f"/console/{event_id}/projector/{view}", data={"csrf_token": token})
        pages[f"projector-{view}"] = (laptop, stage_path(projector))
        html = laptop.get(stage_path(projector)).get_data(as_text=True)
        assert injected(html) == [], view
    for name, (client, url) in pages.items():
        html = client.get(url).get_data(as_text=True)
        assert injected(html) == [], name
        # {{7*7}} evaluated would stand as the number 49; a random token or join code may hold "49" too
        evaluated = re.search(r"(?<![\w-])49(?![\w-])", html.replace(str(event_id), ""))
        assert not evaluated or "{{7*7}}" in html, name
    for message in socket.get_received():
        for value in message["args"][0].values():
            if isinstance(value, str):
                assert injected(value) == []


def test_reading_direction_overrides_are_dropped_and_the_words_kept(client, make):
    """U+202E would turn the rest of the wall's text around: it is dropped, the dream itself is kept (#30)."""
    _, code = make.event()
    make.join(client, code)
    response = make.post_dream(client, code, "gewoon \u202egnidaelsim\u202c en \u2067verder\u2069")
    assert response.status_code in (200, 201, 302)
    wall = client.get(f"/e/{code}").get_data(as_text=True)
    assert "gewoon gnidaelsim en verder" in wall
    assert not set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") & set(wall)


def test_no_template_or_code_marks_text_as_safe():
    """The checks `make test` runs: no |safe, Markup( or render_template_string in our code."""
    hits = []
    for path in [*Path(ROOT, "templates").rglob("*.html"), *Path(ROOT, "facilitation").rglob("*.py")]:
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if re.search(r"\|\s*safe\b|Markup\(|render_template_string", line):
                hits.append(f"{path}:{number}")
    assert hits == []


# --- fuzzing ---------------------------------------------------------------------------------------

fuzz_text = st.one_of(st.text(max_size=600), st.binary(max_size=100).map(lambda b: b.decode("latin-1")),
                      st.integers().map(str), st.just(""))


@given(st.dictionaries(st.sampled_from(["text", "name", "role_tag", "kind", "request_key", "dilemma", "advice",
                                        "options", "next_step", "action", "key", "participant_id", "keep_seated",
                                        "t1-name", "t2-capacity", "new-name", "new-capacity", "rows", "move"]),
                       fuzz_text, max_size=6),
       st.sampled_from(["dream", "neighbour", "heart", "join", "contribution", "vote", "card", "host", "paper",
                        "assign", "set-host", "endorse", "table-edit", "import"]))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_forms_never_answer_with_a_server_error(fuzz_app, form, target):
    app, paths, clients = fuzz_app
    client = clients["laptop"] if target in ("paper", "assign", "set-host", "table-edit", "import") else clients["phone"]
    data = {**form, "csrf_token": clients["tokens"][client is clients["laptop"]]}
    response = client.post(paths[target], data=data)
    assert response.status_code < 500, (target, form, response.get_data(as_text=True)[:300])


@pytest.fixture
def fuzz_app(app, make):
    event_id, code = make.event(tables=2)
    phone, laptop = app.test_client(), app.test_client()
    make.join(phone, code)
    make.facilitate(laptop, event_id)
    with app.app_context():
        table = db.session.scalar(db.select(Table.id))
    token = csrf_token(phone, f"/e/{code}")
    phone.post(f"/e/{code}/tables/{table}/join", data={"csrf_token": token})
    make.post_dream(phone, code, "Een droom")
    (dream,) = make.dream_ids(event_id)
    paths = {
        "dream": f"/e/{code}/dreams", "neighbour": f"/e/{code}/neighbour", "heart": f"/e/{code}/dreams/{dream}/heart",
        "join": f"/j/{code}/t/{table}", "contribution": f"/e/{code}/t/{table}/contributions",
        "vote": f"/e/{code}/t/{table}/contributions/1/vote", "card": f"/e/{code}/t/{table}/card",
        "host": f"/e/{code}/t/{table}/host", "paper": f"/console/{event_id}/paper",
        "assign": f"/console/{event_id}/tables/assign", "set-host": f"/console/{event_id}/tables/{table}/host",
        "endorse": f"/e/{code}/harvest/{table}/endorse", "table-edit": f"/events/{event_id}/tables",
        "import": f"/events/{event_id}/tables",
    }
    tokens = {False: token, True: csrf_token(laptop, f"/console/{event_id}/")}
    return app, paths, {"phone": phone, "laptop": laptop, "tokens": tokens}


# --- backups and privacy ---------------------------------------------------------------------------

def test_backup_is_a_consistent_copy_that_passes_the_integrity_check(app, make, runner, tmp_path):
    event_id, code = make.event(tables=3)
    phone = app.test_client()
    make.join(phone, code)
    make.post_dream(phone, code, "Bewaard in de kopie")
    target = tmp_path / "copy.sqlite"
    result = runner.invoke(args=["backup", str(target)])
    assert result.exit_code == 0, result.output
    copy = sqlite3.connect(target)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT text FROM dreams").fetchall() == [("Bewaard in de kopie",)]
    assert copy.execute("SELECT count(*) FROM tables").fetchone()[0] == 3


def test_nothing_about_the_device_is_stored(app):
    """No column for IP addresses or user agents anywhere in the schema."""
    with app.app_context():
        columns = [c.name for t in db.metadata.tables.values() for c in t.columns]
    assert not [c for c in columns if re.search(r"(^|_)ip($|_)|addr|agent|browser|device", c)]
    assert Participant.__table__.c.keys()  # the participants table exists and was checked


def test_behind_a_trusted_proxy_the_phones_own_address_counts(tmp_path, monkeypatch):
    """With TRUSTED_PROXIES=1 (nginx in front) flood limits see X-Forwarded-For, not nginx's address."""
    from flask import request

    from facilitation import create_app

    monkeypatch.setenv("FACILITATION_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.setenv("TRUSTED_PROXIES", "1")
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/p.db",
                      "SOCKETIO_ASYNC_MODE": "threading"})
    seen = {}

    @app.get("/_who")
    def who():
        seen.update(address=request.remote_addr, scheme=request.scheme)
        return ""

    app.test_client().get("/_who", headers={"X-Forwarded-For": "10.1.2.3", "X-Forwarded-Proto": "https"},
                          environ_base={"REMOTE_ADDR": "127.0.0.1"})
    assert seen == {"address": "10.1.2.3", "scheme": "https"}
