"""Scale-out with real servers: PostgreSQL, Redis and two app processes (gunicorn, gevent) on loopback.

A dream posted through process 1 reaches a phone connected to process 2 and the projector on process 1;
the facilitator's hide on process 2 removes it everywhere. The PostgreSQL cluster is a throw-away one
made with initdb in a temporary folder; `make test` installs the Debian packages where missing.
"""
import json
import re
import time

import pytest
import requests
import socketio

from tests.services import AppProcess, flask_cli, start_postgres, start_redis

pytestmark = pytest.mark.scaleout
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    url, stop = start_redis(tmp_path_factory.mktemp("redis"))
    yield url
    stop()


@pytest.fixture(scope="module")
def postgres_url(tmp_path_factory):
    url, stop = start_postgres(tmp_path_factory.mktemp("postgres"))
    yield url
    stop()


@pytest.fixture(scope="module")
def cluster(redis_url, postgres_url, tmp_path_factory):
    logs = tmp_path_factory.mktemp("apps")
    env = {"DATABASE_URL": postgres_url, "SOCKETIO_MESSAGE_QUEUE": redis_url,
           "RATELIMIT_STORAGE_URI": redis_url, "SECRET_KEY": "scale-out-secret", "SOCKETIO_ASYNC_MODE": "gevent",
           "FACILITATION_INSTANCE": str(logs / "instance")}
    flask_cli(env, "db", "upgrade")
    event = json.loads(flask_cli(env, "event", "create", "--title", "Twee processen", "--json"))
    apps = [AppProcess(env, logs / "app1.log"), AppProcess(env, logs / "app2.log")]
    yield apps, event
    for app in apps:
        app.stop()


def browser(app, path) -> tuple[requests.Session, str]:
    """A browser session that opened a page on one process; returns it with the page's CSRF token."""
    session = requests.Session()
    page = session.get(app.url + path)
    assert page.status_code == 200, page.text[:300]
    match = CSRF.search(page.text)
    return session, match.group(1) if match else ""


def listener(app, session, auth, events):
    received = {name: [] for name in events}
    client = socketio.Client(reconnection=False)
    for name in events:
        # batched messages ({"items": [...]}) are unpacked, so each item counts on its own
        client.on(name, lambda data=None, name=name: received[name].extend(
            data["items"] if isinstance(data, dict) and "items" in data else [data]))
    client.connect(app.url, headers={"Cookie": "; ".join(f"{k}={v}" for k, v in session.cookies.items())},
                   auth=auth, transports=["websocket"], wait_timeout=10)
    return client, received


def wait(condition, seconds=5):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_a_dream_crosses_processes_and_a_hide_reaches_everyone(cluster):
    (one, two), event = cluster
    eid, code = event["event_id"], event["join_code"]
    path = lambda url: url.split(f":{one.port}", 1)[-1] if f":{one.port}" in url else "/" + url.split("/", 3)[3]  # noqa: E731

    phone_b, token_b = browser(two, f"/j/{code}")
    assert phone_b.post(f"{two.url}/j/{code}", data={"csrf_token": token_b, "name": "", "role_tag": ""},
                        allow_redirects=False).status_code == 302
    phone_b_socket, phone_b_got = listener(two, phone_b, {"event": eid, "as": "participant"},
                                           ["dream:new", "dream:removed"])
    projector, _ = browser(one, path(event["projector_url"]))
    projector_socket, projector_got = listener(one, projector, {"event": eid, "as": "projector"}, ["wall:changed"])

    phone_a, token_a = browser(one, f"/j/{code}")
    phone_a.post(f"{one.url}/j/{code}", data={"csrf_token": token_a, "name": "", "role_tag": ""})
    text = "Een droom die van proces 1 naar proces 2 reist"
    posted = phone_a.post(f"{one.url}/e/{code}/dreams", data={"csrf_token": token_a, "text": text},
                          allow_redirects=False)
    assert posted.status_code in (302, 303)
    assert wait(lambda: any(text in item["html"] for item in phone_b_got["dream:new"])), "phone on process 2"
    assert wait(lambda: projector_got["wall:changed"]), "projector on process 1"
    dream_id = phone_b_got["dream:new"][0]["id"]
    assert text in projector.get(f"{one.url}/p/{eid}/stage").text

    facilitator, _ = browser(two, path(event["facilitator_url"]))
    token = CSRF.search(facilitator.get(f"{two.url}/console/{eid}/").text).group(1)
    walls_before = len(projector_got["wall:changed"])
    hidden = facilitator.post(f"{two.url}/console/{eid}/dreams/{dream_id}/hide", data={"csrf_token": token},
                              allow_redirects=False)
    assert hidden.status_code in (200, 302, 303)
    assert wait(lambda: {"id": dream_id} in phone_b_got["dream:removed"]), "phone on process 2 removes it"
    assert wait(lambda: len(projector_got["wall:changed"]) > walls_before), "projector on process 1 refetches"
    assert text not in projector.get(f"{one.url}/p/{eid}/stage").text
    assert text not in phone_b.get(f"{two.url}/e/{code}").text
    phone_b_socket.disconnect()
    projector_socket.disconnect()


def test_flood_counters_are_shared_through_redis(cluster):
    """A participant cannot double their flood budget by posting through both processes."""
    (one, two), event = cluster
    code = event["join_code"]
    phone, token = browser(one, f"/j/{code}")
    phone.post(f"{one.url}/j/{code}", data={"csrf_token": token, "name": "", "role_tag": ""})
    answers = [phone.post(f"{(one, two)[n % 2].url}/e/{code}/dreams", data={"csrf_token": token,
                                                                               "text": f"Snel achter elkaar {n}"},
                          allow_redirects=False).status_code for n in range(10)]
    assert 429 in answers and answers.count(429) >= 2


def test_poll_answers_through_both_processes_count_once_on_postgresql(cluster):
    """Issue #18 on PostgreSQL: a guest answers through one process and changes it through the other (the
    upsert of PostgreSQL), a second guest answers too; the big screen on process 1 gets the counts."""
    (one, two), event = cluster
    eid, code = event["event_id"], event["join_code"]
    path = lambda url: url.split(f":{one.port}", 1)[-1] if f":{one.port}" in url else "/" + url.split("/", 3)[3]  # noqa: E731
    facilitator, _ = browser(two, path(event["facilitator_url"]))
    token = CSRF.search(facilitator.get(f"{two.url}/console/{eid}/").text).group(1)
    asked = facilitator.post(f"{two.url}/console/{eid}/room/polls", allow_redirects=False, data={
        "csrf_token": token, "kind": "choice", "question": "Samen of alleen?", "options": "Samen\nAlleen", "now": "yes"})
    assert asked.status_code in (200, 302, 303)
    projector, _ = browser(one, path(event["projector_url"]))
    projector_socket, projector_got = listener(one, projector, {"event": eid, "as": "projector"}, ["poll:counts"])
    guests = []
    for _ in range(2):
        guest, guest_token = browser(one, f"/j/{code}")
        guest.post(f"{one.url}/j/{code}", data={"csrf_token": guest_token, "name": "", "role_tag": ""})
        guests.append((guest, guest_token))
    poll_id = re.search(r"/polls/(\d+)/answer", guests[0][0].get(f"{one.url}/e/{code}/poll").text).group(1)
    for (guest, guest_token), server, choice in ((guests[0], one, "0"), (guests[0], two, "1"), (guests[1], two, "1")):
        answered = guest.post(f"{server.url}/e/{code}/polls/{poll_id}/answer", headers={"HX-Request": "true"},
                              data={"csrf_token": guest_token, "choice": choice})
        assert answered.status_code == 200, answered.text[:300]
    assert wait(lambda: any(item.get("answered") == 2 and item["rows"][1][0] == 2 for item in projector_got["poll:counts"]))
    stage = projector.get(f"{one.url}/p/{eid}/stage").text
    assert 'data-poll-answered="2"' in stage
    projector_socket.disconnect()
