"""Fixtures: a fresh SQLite file per test, clients that behave like browsers, factories."""
import re
import shutil
from pathlib import Path

import pytest
from flask import Flask
from jinja2 import BytecodeCache

from facilitation import create_app
from facilitation.extensions import db, socketio

CSRF_FIELD = re.compile(r'<input[^>]*name="csrf_token"[^>]*>')
VALUE = re.compile(r'value="([^"]+)"')


def pytest_collection_modifyitems(items):
    """The long tests first (longest-first scheduling): the test workers share the rest, and none of them
    is left finishing a long test alone at the end of the run."""
    def rank(item):
        return 0 if item.get_closest_marker("newcomer") else 1 if item.get_closest_marker("long") else 2

    items.sort(key=rank)


class CompiledTemplates(BytecodeCache):
    """Templates compiled once per test process, not once per test's app (Jinja checks each source's checksum,
    so an edited template is compiled again)."""

    def __init__(self):
        self.compiled = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket):
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = CompiledTemplates()
#: scrypt at a low cost for tests, as Django's documentation advises for its own password hashers: a full-cost
#: hash takes half a second, and most tests log an organiser in
QUICK_PASSWORD_METHOD = "scrypt:1024:8:1"


@pytest.fixture(autouse=True)
def quick_password_hashes(request, monkeypatch):
    """Every test in this process hashes at the low cost, unless it is marked `password_cost` (the tests of
    the cost itself, of upgrading old hashes and of login timing). Servers the browser tests start are
    separate processes and keep the real cost."""
    if request.node.get_closest_marker("password_cost"):
        return
    from facilitation.accounts import models, operations

    monkeypatch.setattr(models, "PASSWORD_METHOD", QUICK_PASSWORD_METHOD)
    monkeypatch.setattr(operations, "PASSWORD_METHOD", QUICK_PASSWORD_METHOD)


def app_on(database: Path) -> Flask:
    return create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-not-for-production",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
        "PUBLIC_URL": "http://venue.test:5000",
        "SOCKETIO_ASYNC_MODE": "threading",
        "FLOOD_CONTROL": False,  # tests of flood limits switch it on
        "PUSH_BATCH_SECONDS": 0,  # pushes go out at once (tests/live/test_sockets.py tests the batching)
    })


@pytest.fixture(scope="session")
def empty_database(tmp_path_factory) -> Path:
    """The schema in a SQLite file, made once per test process: each test starts from a copy of it (a copy
    takes a tenth of the time of creating the tables)."""
    path = tmp_path_factory.mktemp("schema") / "empty.sqlite"
    app = app_on(path)
    with app.app_context():
        db.create_all()
        db.session.execute(db.text("PRAGMA wal_checkpoint(TRUNCATE)"))
        db.session.remove()
        db.engine.dispose()
    return path


@pytest.fixture
def app(tmp_path, monkeypatch, empty_database):
    monkeypatch.setenv("FACILITATION_INSTANCE", str(tmp_path / "instance"))
    shutil.copyfile(empty_database, tmp_path / "test.sqlite")
    app = app_on(tmp_path / "test.sqlite")
    app.jinja_env.bytecode_cache = COMPILED_TEMPLATES
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture(params=["nl", "en"])
def lang(request):
    """Run a test in both languages: the event's language."""
    return request.param


@pytest.fixture
def guarded(app):
    """The app with flood control on, as at a venue (other tests switch it off)."""
    app.config["FLOOD_CONTROL"] = True
    return app


def organiser_account(runner, email="org@venue.nl", password="een-lang-wachtwoord"):
    """`flask user create`, as an organiser's account is made."""
    result = runner.invoke(args=["user", "create", "--email", email, "--password", password])
    assert result.exit_code == 0, result.output
    return email, password


def log_in(client, email="org@venue.nl", password="een-lang-wachtwoord", **kwargs):
    """The login form, filled in and sent."""
    token = csrf_token(client, "/login")
    return client.post("/login", data={"csrf_token": token, "email": email, "password": password}, **kwargs)


def csrf_token(client, url: str) -> str:
    """The CSRF token a page gives its forms, as a browser would read it."""
    response = client.get(url)
    match = CSRF_FIELD.search(response.get_data(as_text=True))
    assert match, f"no form with a CSRF token on {url} ({response.status_code})"
    return VALUE.search(match.group(0)).group(1)


def stage_path(projector_url: str) -> str:
    """The big screen's refresh address (without the link's token) for a projector link."""
    return projector_url.replace("http://venue.test:5000", "").rstrip("/").rsplit("/", 1)[0] + "/stage"


def on_the_big_screen(client, projector_url: str) -> str:
    """What the big screen shows now, as a browser that opened the projector link sees it (without the soft
    hyphens in long words, which show only where a word breaks)."""
    client.get(projector_url.replace("http://venue.test:5000", ""))
    return client.get(stage_path(projector_url)).get_data(as_text=True).replace("\u00ad", "")


class Factory:
    """Makes events and participants inside the app, like indico's create_event fixtures."""

    def __init__(self, app):
        self.app = app

    def event(self, title="Van dromen naar daden", language="nl", **kwargs):
        from facilitation.organiser.setup import set_up_event

        with self.app.app_context():
            event = set_up_event(title, language=language, **kwargs)
            db.session.commit()
            return event.id, event.join_code

    def links(self, event_id):
        from facilitation.events.models import Event
        from facilitation.events.links import event_links

        with self.app.test_request_context():
            return event_links(db.session.get(Event, event_id))

    def join(self, client, code, name="", role_tag=""):
        """Join through the real form, so the client holds the participant cookie."""
        token = csrf_token(client, f"/j/{code}")
        response = client.post(f"/j/{code}", data={"csrf_token": token, "name": name, "role_tag": role_tag})
        assert response.status_code == 302, response.get_data(as_text=True)
        return response

    def post_dream(self, client, code, text, **extra):
        token = csrf_token(client, f"/e/{code}")
        return client.post(f"/e/{code}/dreams", data={"csrf_token": token, "text": text, **extra}, **{})

    def facilitate(self, client, event_id):
        """Open the facilitator link in this client."""
        url = self.links(event_id)["facilitator_url"].replace("http://venue.test:5000", "")
        response = client.get(url)
        assert response.status_code == 302
        return url

    def dream_ids(self, event_id):
        from facilitation.dreams.models import Dream

        with self.app.app_context():
            return list(db.session.scalars(db.select(Dream.id).filter_by(event_id=event_id).order_by(Dream.id)))

    def dream_ids_for_event_code(self, code):
        from facilitation.events.models import Event

        with self.app.app_context():
            return self.dream_ids(db.session.scalar(db.select(Event.id).filter_by(join_code=code)))


@pytest.fixture
def make(app):
    return Factory(app)


@pytest.fixture
def socket_client(app):
    """socketio.test_client sharing the HTTP client's cookies, closed after the test."""
    clients = []

    def connect(flask_client, event_id, audience):
        sc = socketio.test_client(app, flask_test_client=flask_client, auth={"event": event_id, "as": audience})
        clients.append(sc)
        return sc

    yield connect
    for sc in clients:
        if sc.is_connected():
            sc.disconnect()
