from flask import json

from facilitation.events.models import Participant
from facilitation.extensions import db
from tests.conftest import csrf_token

JOIN_TEXT = {"nl": "Doe mee", "en": "Join"}
HELLO = {"nl": "Hallo Ann!", "en": "Hello Ann!"}


def test_join_page_shows_the_event_in_its_language(client, make, lang):
    _, code = make.event("Samen sterker", language=lang)
    page = client.get(f"/j/{code}").get_data(as_text=True)
    assert "Samen sterker" in page
    assert JOIN_TEXT[lang] in page
    assert f'<html lang="{lang}" dir="ltr">' in page


def test_joining_leads_to_the_dream_form_and_is_remembered(client, make, app, lang):
    event_id, code = make.event(language=lang)
    response = make.join(client, code, name="Ann", role_tag="vrijwilliger")
    assert response.headers["Location"].endswith(f"/e/{code}")
    page = client.get(f"/e/{code}").get_data(as_text=True)
    assert HELLO[lang] in page
    # coming back with the same phone is recognised and not counted twice
    again = client.get(f"/j/{code}")
    assert again.status_code == 302 and again.headers["Location"].endswith(f"/e/{code}")
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Participant.id))) == 1


def test_participant_cookie_is_httponly_and_lax(client, make):
    _, code = make.event()
    response = make.join(client, code)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_lower_case_code_redirects_to_the_canonical_join_page(client, make):
    _, code = make.event()
    response = client.get(f"/j/{code.lower()}")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/j/{code}")


def test_unknown_join_code_gives_a_friendly_404(client, lang):
    client.get(f"/language/{lang}")
    response = client.get("/j/ZZZZZZZZ")
    assert response.status_code == 404
    expected = {"nl": "We kunnen deze pagina niet vinden", "en": "We cannot find this page"}[lang]
    assert expected in response.get_data(as_text=True)


def test_typed_code_on_the_front_page(client, make, lang):
    client.get(f"/language/{lang}")
    _, code = make.event()
    response = client.get("/join", query_string={"code": f"{code[:4]} {code[4:]}".lower()})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/j/{code}")
    wrong = client.get("/join", query_string={"code": "abc"})
    assert wrong.status_code == 404
    expected = {"nl": "Deze code kennen we niet", "en": "We do not know this code"}[lang]
    assert expected in wrong.get_data(as_text=True)
    assert 'value="abc"' in wrong.get_data(as_text=True)


def test_unknown_role_tag_is_refused_kindly(client, make, lang):
    _, code = make.event(language=lang)
    token = csrf_token(client, f"/j/{code}")
    response = client.post(f"/j/{code}", data={"csrf_token": token, "name": "Bo", "role_tag": "koning"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    expected = {"nl": "Kies een van de rollen", "en": "Choose one of the roles"}[lang]
    assert expected in page and 'value="Bo"' in page


def test_join_without_csrf_token_is_refused(client, make):
    _, code = make.event()
    response = client.post(f"/j/{code}", data={"name": "Ann"})
    assert response.status_code == 400


def test_tampered_cookie_is_not_a_participant(client, make):
    _, code = make.event()
    make.join(client, code)
    cookie = client.get_cookie("session")
    client.set_cookie("session", cookie.value[:-3] + "abc")
    response = client.get(f"/e/{code}")
    assert response.status_code == 302 and f"/j/{code}" in response.headers["Location"]


def test_language_switch_is_remembered_and_only_redirects_locally(client, make):
    _, code = make.event(language="nl")
    response = client.get("/language/en", query_string={"next": f"/j/{code}"})
    assert response.headers["Location"].endswith(f"/j/{code}")
    assert "Join" in client.get(f"/j/{code}").get_data(as_text=True)
    evil = client.get("/language/nl", query_string={"next": "//evil.example/"})
    assert evil.headers["Location"] == "/"


def test_qr_code_is_an_svg_of_the_public_join_url(client, make):
    _, code = make.event()
    response = client.get(f"/j/{code}/qr.svg")
    assert response.status_code == 200
    assert response.content_type.startswith("image/svg+xml")
    assert response.get_data(as_text=True).lstrip().startswith(("<?xml", "<svg"))


def test_cli_event_create_json(runner):
    result = runner.invoke(args=["event", "create", "--title", "Zorg ontmoet", "--tables", "3", "--lang", "en",
                                 "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"event_id", "join_code", "join_url", "facilitator_url", "projector_url"} <= set(data)
    assert data["join_url"] == f"http://venue.test:5000/j/{data['join_code']}"
    assert data["tables"] == 3 and data["language"] == "en"


def test_cli_event_create_refuses_an_empty_title(runner):
    result = runner.invoke(args=["event", "create", "--title", "  ", "--json"])
    assert result.exit_code != 0
    assert "Geef de bijeenkomst een titel" in result.output


def test_cli_demo_is_ready_and_reused(runner, client):
    first = json.loads(runner.invoke(args=["event", "demo", "--json"]).output)
    second = json.loads(runner.invoke(args=["event", "demo", "--json"]).output)
    assert first["event_id"] == second["event_id"] and first["tables"] == 8
    # the printed password works; the demo wall already has dreams
    path = first["projector_url"].replace("http://venue.test:5000", "")
    assert "Samen zijn we sterker." in client.get(path, follow_redirects=True).get_data(as_text=True)
    token = csrf_token(client, "/login")
    response = client.post("/login", data={"csrf_token": token, "email": second["organiser_email"],
                                           "password": second["organiser_password"]})
    assert response.status_code == 302
