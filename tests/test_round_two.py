"""Security and moderation, round two (issue #13): each test fails on the code before the fix."""
import pytest

from facilitation.extensions import db
from tests.conftest import csrf_token

HX = {"HX-Request": "true"}


@pytest.fixture
def guarded(app):
    app.config["FLOOD_CONTROL"] = True
    return app


def _organiser(runner, email="org@venue.nl", password="een-lang-wachtwoord"):
    result = runner.invoke(args=["user", "create", "--email", email, "--password", password])
    assert result.exit_code == 0, result.output
    return email, password


def _login(client, email="org@venue.nl", password="een-lang-wachtwoord", **kwargs):
    token = csrf_token(client, "/login")
    return client.post("/login", data={"csrf_token": token, "email": email, "password": password}, **kwargs)


# --- 7. a line break in next= ----------------------------------------------------------------------

@pytest.mark.parametrize("target", ["/events\r\nSet-Cookie: x=1", "/x\ny", "/a\u2028b", "/tab\there", "/\x00"])
def test_a_line_break_in_next_is_ignored_not_a_server_error(client, runner, make, target):
    _, code = make.event()
    assert client.get("/language/en", query_string={"next": target}).status_code == 302
    token = csrf_token(client, "/")
    response = client.post("/display/text-size", query_string={"next": target}, data={"csrf_token": token},
                           headers={"X-CSRFToken": token})
    assert response.status_code == 302 and "\n" not in response.headers["Location"]
    make.join(client, code)
    token = csrf_token(client, f"/e/{code}")
    response = client.post(f"/e/{code}/announcements/1/dismiss", data={"csrf_token": token, "next": target})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/e/{code}")
    email, password = _organiser(runner)
    fresh = client.application.test_client()
    token = csrf_token(fresh, "/login")
    response = fresh.post("/login", query_string={"next": target},
                          data={"csrf_token": token, "email": email, "password": password})
    assert response.status_code == 302 and response.headers["Location"].endswith("/events")
