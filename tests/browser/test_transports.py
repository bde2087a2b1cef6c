"""The real server's socket transports: same origin only, long-polling delivers, the projector falls back."""
import urllib.error
import urllib.request

import pytest
import socketio as socketio_client
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def handshake(server, origin):
    request = urllib.request.Request(f"{server.url}/socket.io/?EIO=4&transport=polling", headers={"Origin": origin})
    try:
        return urllib.request.urlopen(request, timeout=5).status
    except urllib.error.HTTPError as error:
        return error.code


def test_sockets_accept_only_the_same_origin(server):
    assert handshake(server, "http://evil.example") == 400
    assert handshake(server, server.url) == 200


def test_a_long_polling_only_client_receives_every_dream(server, browser):
    event = server.set_up_event("Alleen polling", "nl")
    context = browser.new_context(locale="nl-NL")
    phone = context.new_page()
    phone.goto(event["join_url"])
    phone.get_by_role("button", name="Doe mee").click()
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in context.cookies())
    listener = socketio_client.Client()
    received = []
    listener.on("dream:new", lambda data: received.extend(item["html"] for item in data["items"]))
    listener.connect(server.url, transports=["polling"], headers={"Cookie": cookie, "Origin": server.url},
                     auth={"event": event["event_id"], "as": "participant"}, wait_timeout=10)
    try:
        assert listener.transport() == "polling"
        writer = browser.new_context(locale="nl-NL").new_page()
        writer.goto(event["join_url"])
        writer.get_by_role("button", name="Doe mee").click()
        for n in range(5):
            writer.get_by_label("Mijn droom", exact=True).fill(f"Via polling {n}")
            writer.get_by_role("button", name="Zet op de wolk").click()
            expect(writer.locator("#my-dreams .cloud")).to_have_count(n + 1)
        for _ in range(50):
            if len(received) == 5:
                break
            listener.sleep(0.1)
        assert [f"Via polling {n}" in html for n, html in enumerate(received)] == [True] * 5
    finally:
        listener.disconnect()
        context.close()


def test_without_sockets_the_projector_refreshes_by_itself_and_says_so(server, contexts):
    event = server.set_up_event("Geen websocket", "nl")
    watched = contexts("projector", network_loss=True)
    projector = watched.page()
    projector.route("**/socket.io/**", lambda route: route.abort())
    projector.goto(event["projector_url"])
    expect(projector.locator("#connection-status")).to_be_visible(timeout=10_000)
    phone = contexts("phone").page()
    phone.goto(event["join_url"])
    phone.get_by_role("button", name="Doe mee").click()
    phone.get_by_label("Mijn droom", exact=True).fill("Zonder socket toch op het scherm.")
    phone.get_by_role("button", name="Zet op de wolk").click()
    expect(projector.locator(".wall .cloud", has_text="Zonder socket")).to_be_visible(timeout=20_000)
