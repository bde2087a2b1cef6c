"""Cross-cutting promises: headers on every response, complete translations, a true migration."""
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po

from facilitation import ROOT
from facilitation.security import CONTENT_SECURITY_POLICY


@pytest.mark.parametrize("path", ["/", "/login", "/j/NOPE1234", "/console/1/", "/static/css/app.css"])
def test_security_headers_on_every_response(client, path):
    response = client.get(path)
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_csp_forbids_inline_and_eval_and_framing():
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert "unsafe-eval" not in CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY


def test_an_unexpected_error_is_a_friendly_500_with_headers(app, client, lang):
    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internals")

    client.get(f"/language/{lang}")
    response = client.get("/boom")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "secret internals" not in body and "Traceback" not in body
    assert {"nl": "Er ging bij ons iets mis", "en": "Something went wrong on our side"}[lang] in body
    assert "Content-Security-Policy" in response.headers


def test_the_accessibility_statement_is_one_click_from_every_page(app, client, make, lang, monkeypatch):
    """Issue #26 item 7: the statement under the W3C generator's headings, linked from every page's footer (not
    from the big screen), with the contact address when one is set."""
    import re

    event_id, code = make.event(language=lang)
    client.get(f"/language/{lang}")
    make.join(client, code)
    for path in ("/", f"/e/{code}", "/login"):
        assert 'href="/accessibility"' in client.get(path, follow_redirects=True).get_data(as_text=True)
    projector = make.links(event_id)["projector_url"].replace("http://venue.test:5000", "")
    assert 'href="/accessibility"' not in app.test_client().get(projector, follow_redirects=True).get_data(as_text=True)
    app.config["ACCESSIBILITY_CONTACT"] = "toegankelijkheid@example.org"
    page = client.get("/accessibility")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    headings = {"nl": ["Wat we doen voor toegankelijkheid", "Hoe goed voldoet de app?", "Hoe we het testen",
                       "Browsers en hulpmiddelen", "Bekende beperkingen", "Opmerkingen en contact", "Datum"],
                "en": ["Measures to support accessibility", "Conformance status", "How it was tested",
                       "Compatibility with browsers and assistive technology", "Known limits", "Feedback and contact",
                       "Date"]}[lang]
    assert re.findall(r"<h2>(.*?)</h2>", body) == headings
    assert "WCAG 2.2" in body and "mailto:toegankelijkheid@example.org" in body
    assert {"nl": "7 december 2026", "en": "December 7, 2026"}[lang] in body


def test_no_page_uses_inline_script_or_style(client, make):
    _, code = make.event()
    make.join(client, code)
    for path in ("/", f"/j/{code}", f"/e/{code}", "/login"):
        body = client.get(path, follow_redirects=True).get_data(as_text=True)
        assert "<script>" not in body and " style=" not in body and "<style" not in body


def test_dutch_catalogue_is_complete():
    """Every string in the code has a Dutch translation (English is the source text)."""
    pot = read_po(open(f"{ROOT}/facilitation/translations/messages.pot", "rb"))
    nl = read_po(open(f"{ROOT}/facilitation/translations/nl/LC_MESSAGES/messages.po", "rb"))
    missing = [m.id for m in pot if m.id and (nl.get(m.id) is None or not nl.get(m.id).string
                                              or nl.get(m.id).fuzzy)]
    assert missing == []


def test_catalogue_template_is_up_to_date(tmp_path):
    """The .pot holds every string the code uses: `make messages` was run after the last change."""
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "_l",
         "-k", "lazy_gettext", "-o", str(fresh), "facilitation", "templates"],
        cwd=ROOT, check=True, capture_output=True,
    )
    current = {m.id for m in read_po(open(f"{ROOT}/facilitation/translations/messages.pot", "rb")) if m.id}
    assert {m.id for m in read_po(open(fresh, "rb")) if m.id} == current


def test_migrations_build_the_schema_of_the_models(tmp_path):
    """`flask db upgrade` on an empty SQLite file, then `flask db check` finds nothing to add."""
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'm.sqlite'}", "FACILITATION_INSTANCE": str(tmp_path),
           "SOCKETIO_ASYNC_MODE": "threading", "SECRET_KEY": "x", "PATH": "/usr/bin:/bin"}
    flask = [sys.executable, "-m", "flask", "--app", "app", "db"]
    subprocess.run(flask + ["upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    check = subprocess.run(flask + ["check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
