"""After the evening (issue #17): guests keep their evening, opt in to two mails, answer the check-in with one
tap; the report tells what became of the deeds. A real SMTP server (aiosmtpd) receives the mails, and the
sender runs as cron runs it (`flask followup send`), at moments given to it (a frozen clock)."""
import email
import email.policy
import io
import json
import os
import re
import socket
import subprocess
import zipfile
from datetime import date, datetime

import pytest
from aiosmtpd.controller import Controller
from docx import Document
from itsdangerous import URLSafeSerializer

from facilitation.events.models import Event
from facilitation.events.operations import delete_event
from facilitation.extensions import db
from facilitation.followup.models import CheckIn, CheckInSent, MailAddress, MailLink
from facilitation.programme.models import Phase, PhaseKind
from tests.conftest import csrf_token

EVENING = date(2026, 12, 5)
#: in UTC: the morning after (08:00 in Amsterdam is 07:00 UTC), and four weeks later (09:00 there)
BEFORE_MORNING = "2026-12-06T06:00"
MORNING = "2026-12-06T07:30"
CHECKIN = "2027-01-02T08:30"
WORDS = {
    "nl": {"mine": "Mijn avond", "we_mail": "We mailen", "tick": "Vink het vakje aan", "bad": "lijkt geen e-mailadres",
           "deleted": "Je e-mailadres is verwijderd", "summary": "Jouw avond", "checkin": "Heb je het gedaan?",
           "saved": "Dank je wel! Je antwoord is bewaard", "gone": "Deze link werkt niet meer",
           "became": "Wat er van de daden terechtkwam", "done": "Gedaan", "other": "Andere antwoorden"},
    "en": {"mine": "My evening", "we_mail": "We mail", "tick": "Tick the box", "bad": "does not look like an e-mail",
           "deleted": "Your e-mail address is deleted", "summary": "Your evening", "checkin": "Did you do it?",
           "saved": "Thank you! Your answer is saved", "gone": "This link no longer works",
           "became": "What became of the deeds", "done": "Done", "other": "Other answers"},
}


class Inbox:
    """What the SMTP server received."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, email.message_from_bytes(envelope.content, policy=email.policy.default)))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """A real SMTP server on a port of its own, that a test can close and open again."""

    def __init__(self, inbox):
        self.inbox, self.port, self.controller = inbox, _free_port(), None

    def start(self):
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp(app):
    inbox = Inbox()
    server = Server(inbox)
    server.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=server.port)
    yield inbox, server
    server.stop()


class Guest:
    def __init__(self, app, make, code, name, lang):
        self.client, self.code = app.test_client(), code
        make.join(self.client, code, name=name)
        self.client.get(f"/language/{lang}")

    def post(self, path, page=None, **data):
        token = csrf_token(self.client, page or f"/e/{self.code}/me")
        return self.client.post(path, data={"csrf_token": token, **data})

    def opt_in(self, address, consent="yes"):
        return self.post(f"/e/{self.code}/me/mail", email=address, **({"consent": consent} if consent else {}))

    def deed(self, text):
        return self.post(f"/e/{self.code}/deed", page=f"/e/{self.code}", text=text)


@pytest.fixture
def evening(app, make, lang):
    """An evening on 5 December in its closing part: four guests wrote a deed."""
    event_id, code = make.event("Dromen en daden in Cuijk", language=lang, starts_on=EVENING, tables=2)
    with app.app_context():
        event = db.session.get(Event, event_id)
        event.current_phase = db.session.scalar(db.select(Phase).filter_by(event_id=event_id, kind=PhaseKind.closing))
        db.session.commit()
    guests = {name: Guest(app, make, code, name, lang) for name in ("Ann", "Bo", "Cas", "Dirk")}
    for name, guest in guests.items():
        assert guest.deed(f"{name} belt volgende week de buurtsportcoach.").status_code == 302
    return event_id, code, guests, WORDS[lang]


def _send(runner, at):
    result = runner.invoke(args=["followup", "send", "--at", at])
    assert result.exit_code == 0, result.output
    return result.output


def _report_json(app, make, event_id):
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    return json.loads(laptop.get(f"/console/{event_id}/report/report.json").get_data(as_text=True)), laptop


def test_my_evening_keeps_the_deed_and_opts_in_with_explicit_consent(evening, app):
    event_id, code, guests, w = evening
    ann = guests["Ann"]
    page = ann.client.get(f"/e/{code}/me").get_data(as_text=True)
    assert w["mine"] in page and "Ann belt volgende week de buurtsportcoach." in page
    assert "Bo belt" not in page  # only this phone's own evening
    # no consent, or no address: a clear message, the typed address kept, nothing stored
    refused = ann.opt_in("ann@example.org", consent=None)
    assert refused.status_code == 422 and w["tick"] in refused.get_data(as_text=True)
    assert 'value="ann@example.org"' in refused.get_data(as_text=True)
    bad = ann.opt_in("ann at example")
    assert bad.status_code == 422 and w["bad"] in bad.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(MailAddress.id))) == 0
    assert ann.opt_in("ann@example.org").status_code == 302
    page = ann.client.get(f"/e/{code}/me").get_data(as_text=True)
    assert w["we_mail"] in page and "ann@example.org" in page
    # another phone never sees it; the guest can take it back at once
    assert "ann@example.org" not in guests["Bo"].client.get(f"/e/{code}/me").get_data(as_text=True)
    assert ann.post(f"/e/{code}/me/forget").status_code == 302
    assert w["deleted"] in ann.client.get(f"/e/{code}/me").get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(MailAddress.id))) == 0


def test_the_summary_the_check_in_and_the_answers_reach_the_report(evening, app, make, runner, smtp, lang, tmp_path):
    event_id, code, guests, w = evening
    inbox, _ = smtp
    for name, guest in guests.items():
        assert guest.opt_in(f"{name.lower()}@example.org").status_code == 302

    assert "Sent 0 mail(s)" in _send(runner, BEFORE_MORNING)
    assert "Sent 4 mail(s)" in _send(runner, MORNING)
    assert "Sent 0 mail(s)" in _send(runner, MORNING)  # a second run sends nothing twice
    assert len(inbox.messages) == 4
    [(to, summary)] = [(to, m) for to, m in inbox.messages if to == ["ann@example.org"]]
    assert w["summary"] in summary["Subject"] and "Dromen en daden in Cuijk" in summary["Subject"]
    text = summary.get_body(("plain",)).get_content()
    html = summary.get_body(("html",)).get_content()
    for body in (text, html):
        assert "Ann belt volgende week de buurtsportcoach." in body and "Bo belt" not in body
        assert f"http://venue.test:5000/h/{code}" in body
    assert summary["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert summary["List-Unsubscribe"].strip().startswith("<http://venue.test:5000/stop/")

    inbox.messages.clear()
    assert "Sent 4 mail(s)" in _send(runner, CHECKIN)
    with app.app_context():  # the addresses go right after the last mail
        assert db.session.scalar(db.select(db.func.count(MailAddress.id))) == 0
        assert db.session.scalar(db.select(db.func.count()).select_from(CheckInSent)) == 4
    answers = {}
    for to, message in inbox.messages:
        assert w["checkin"] in message["Subject"]
        body = message.get_body(("plain",)).get_content()
        answers[to[0]] = dict(re.findall(r"(\w[\w ]*): (http://venue\.test:5000/checkin/\S+)", body))
    # one tap on "done" in three mails and "started" in Dirk's: a browser (not the phone of the evening) opens
    # the link; the page sends the answer at once (here: the form it would submit)
    for name in ("ann", "bo", "cas", "dirk"):
        links = answers[f"{name}@example.org"]
        link = list(links.values())[1 if name == "dirk" else 0].replace("http://venue.test:5000", "")
        browser = app.test_client()
        page = browser.get(link).get_data(as_text=True)
        assert "data-autosubmit" in page
        progress = re.search(r'name="progress" value="(\w+)"', page).group(1)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        saved = browser.post(link.split("?")[0], data={"csrf_token": token, "progress": progress,
                                                       **({"line": "Het lukte met hulp van de buurvrouw."}
                                                          if name == "ann" else {})})
        assert saved.status_code == 200 and w["saved"] in saved.get_data(as_text=True)
    with app.app_context():
        assert sorted(c.progress.value for c in db.session.scalars(db.select(CheckIn))) == [
            "done", "done", "done", "started"]

    report, laptop = _report_json(app, make, event_id)
    follow_up = report["follow_up"]
    assert follow_up["asked"] == 4 and follow_up["answered"] == 4 and follow_up["done"] == 3
    # "started" was given by one guest: counted under other answers, so nobody is singled out
    assert [(row["answer"], row["count"]) for row in follow_up["progress"]] == [("done", 3), ("other", 1)]
    assert follow_up["lines"] == ["Het lukte met hulp van de buurvrouw."]
    preview = laptop.get(f"/console/{event_id}/report/").get_data(as_text=True)
    markdown = laptop.get(f"/console/{event_id}/report/report.md").get_data(as_text=True)
    word = "\n".join(cell.text for table in Document(io.BytesIO(
        laptop.get(f"/console/{event_id}/report/report.docx").data)).tables for row in table.rows for cell in row.cells)
    word += "\n".join(p.text for p in Document(io.BytesIO(
        laptop.get(f"/console/{event_id}/report/report.docx").data)).paragraphs)
    (tmp_path / "report.pdf").write_bytes(laptop.get(f"/console/{event_id}/report/report.pdf").data)
    pdf = subprocess.run(["pdftotext", tmp_path / "report.pdf", "-"], capture_output=True, text=True, check=True).stdout
    for document in (preview, markdown, word, " ".join(pdf.split())):
        assert w["became"] in document and w["other"] in document and "buurvrouw" in document
    # no e-mail address in any page or download of the organiser
    downloads = [preview, markdown, json.dumps(report)]
    downloads.append(laptop.get(f"/console/{event_id}/report/report.html").get_data(as_text=True))
    archive = zipfile.ZipFile(io.BytesIO(laptop.get(f"/console/{event_id}/report/data.zip").data))
    downloads += [archive.read(name).decode("utf-8-sig") for name in archive.namelist()]
    assert not any("@example.org" in document for document in downloads)


def test_answering_twice_keeps_the_last_answer_and_wrong_answers_are_refused(evening, app, runner, smtp, lang):
    event_id, code, guests, w = evening
    guests["Ann"].opt_in("ann@example.org")
    _send(runner, CHECKIN)
    inbox, _ = smtp
    [(_, message)] = inbox.messages
    link = re.search(r"http://venue\.test:5000(/checkin/[^\s?]+)", message.get_body(("plain",)).get_content()).group(1)
    browser = app.test_client()
    for progress in ("done", "not_yet"):
        assert browser.post(link, data={"csrf_token": csrf_token(browser, link), "progress": progress}).status_code == 200
    wrong = browser.post(link, data={"csrf_token": csrf_token(browser, link), "progress": "maybe"})
    assert wrong.status_code == 422
    with app.app_context():
        assert db.session.scalar(db.select(CheckIn.progress)).value == "not_yet"
    # a link we never made, or of an event that is gone: a friendly page, never a 500 (a page without an
    # event speaks the language the browser chose)
    browser.get(f"/language/{lang}")
    unknown = browser.get("/checkin/not-a-real-token")
    assert unknown.status_code == 404 and w["gone"] in unknown.get_data(as_text=True)


def test_a_closed_smtp_server_loses_no_mail(evening, app, runner, smtp):
    event_id, code, guests, _ = evening
    inbox, controller = smtp
    guests["Ann"].opt_in("ann@example.org")
    controller.stop()
    output = _send(runner, CHECKIN)
    assert "Sent 0 mail(s); 1 to try again later." in output
    with app.app_context():
        address = db.session.scalar(db.select(MailAddress))
        assert address.failures == 1 and address.retry_at is not None
    controller.start()
    assert "Sent 0 mail(s)" in _send(runner, CHECKIN)  # not before its retry moment
    assert "Sent 1 mail(s)" in _send(runner, "2027-01-02T09:00")
    assert [to for to, _ in inbox.messages] == [["ann@example.org"]]


def test_the_stop_link_deletes_the_address_in_one_click(evening, app, runner, smtp, make):
    event_id, code, guests, w = evening
    inbox, _ = smtp
    for name in ("Ann", "Bo"):
        guests[name].opt_in(f"{name.lower()}@example.org")
    _send(runner, MORNING)
    stops = {to[0]: message["List-Unsubscribe"].strip().strip("<>").replace("http://venue.test:5000", "")
             for to, message in inbox.messages}
    # a mail program's one-click unsubscribe: a POST without a form token
    mail_program = app.test_client()
    response = mail_program.post(stops["ann@example.org"], data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and w["deleted"] in response.get_data(as_text=True)
    # the link in the mail opens a page that asks first
    assert mail_program.get(stops["bo@example.org"]).status_code == 200
    with app.app_context():
        assert db.session.scalars(db.select(MailAddress.email)).all() == ["bo@example.org"]
    inbox.messages.clear()
    _send(runner, CHECKIN)
    assert [to for to, _ in inbox.messages] == [["bo@example.org"]]


def test_without_a_mail_server_the_mails_land_in_a_folder(evening, app, runner, tmp_path):
    """`make run` needs no mail server: each mail is a .eml file in MAIL_FOLDER."""
    event_id, code, guests, _ = evening
    app.config.update(MAIL_SERVER="", MAIL_FOLDER=str(tmp_path / "mail"))
    guests["Ann"].opt_in("ann@example.org")
    _send(runner, MORNING)
    [eml] = list((tmp_path / "mail").glob("*.eml"))
    assert eml.stat().st_mode & 0o077 == 0
    assert "Ann belt volgende week" in email.message_from_bytes(eml.read_bytes(), policy=email.policy.default
                                                                ).get_body(("plain",)).get_content()


def test_the_harvest_page_shows_the_evening_without_names(evening, app, make, lang):
    event_id, code, guests, _ = evening
    make.post_dream(guests["Ann"].client, code, "Een buurthuis waar iedereen welkom is.")
    make.post_dream(guests["Bo"].client, code, "Mijn adres is Dorpsstraat 12, 5431 AB Cuijk.")  # held: not shown
    stranger = app.test_client()  # the QR code on the big screen: no need to have joined
    page = stranger.get(f"/h/{code}").get_data(as_text=True)
    assert "Een buurthuis waar iedereen welkom is." in page
    assert "Dorpsstraat" not in page
    for name in ("Ann", "Bo", "Cas", "Dirk"):
        assert f">{name}<" not in page and f"{name} belt" not in page  # no guest's name, no deed
    assert stranger.get(f"/h/{code}/qr.svg").headers["Content-Type"] == "image/svg+xml"
    # the big screen shows its QR code at the end
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    token = csrf_token(laptop, f"/console/{event_id}/")
    assert laptop.post(f"/console/{event_id}/projector/takeaway", data={"csrf_token": token}).status_code in (200, 302)
    from tests.conftest import on_the_big_screen
    screen = on_the_big_screen(app.test_client(), make.links(event_id)["projector_url"])
    assert f"/h/{code}/qr.svg" in screen and f"venue.test:5000/h/{code}" in screen


def test_a_check_in_line_with_personal_data_stays_out_of_the_report(evening, app, make, runner, smtp):
    event_id, code, guests, _ = evening
    for name, guest in guests.items():
        guest.opt_in(f"{name.lower()}@example.org")
    _send(runner, CHECKIN)
    inbox, _ = smtp
    for _, message in inbox.messages:
        link = re.search(r"http://venue\.test:5000(/checkin/[^\s?]+)", message.get_body(("plain",)).get_content()).group(1)
        browser = app.test_client()
        browser.post(link, data={"csrf_token": csrf_token(browser, link), "progress": "done",
                                 "line": "Bel me op 06 12 34 56 78"})
    report, _ = _report_json(app, make, event_id)
    assert report["follow_up"]["done"] == 4 and report["follow_up"]["lines"] == []


def test_the_check_in_page_speaks_the_language_of_the_guests_mails(app, make, runner, smtp):
    """A Dutch evening, a guest who read it in English: the mail is English, and so is the page its link opens
    in a browser that never saw the evening."""
    event_id, code = make.event("Dromen en daden in Cuijk", language="nl", starts_on=EVENING)
    guest = Guest(app, make, code, "Carla", "en")
    assert guest.opt_in("carla@example.org").status_code == 302
    _send(runner, CHECKIN)
    inbox, _ = smtp
    [(_, message)] = inbox.messages
    assert "Did you do it?" in message["Subject"]
    link = re.search(r"http://venue\.test:5000(/checkin/\S+)", message.get_body(("plain",)).get_content()).group(1)
    page = app.test_client().get(link).get_data(as_text=True)
    assert "Did you do it?" in page and "Heb je het gedaan?" not in page


@pytest.mark.parametrize("typed", ["ann@example.org\r\nBcc: everyone@example.org", "ann\x00@example.org",
                                   "=?utf-8?q?ann?=@example.org", "ann@example.org\nX-Evil: 1", "ann@localhost",
                                   "ann@@example.org"])
def test_an_address_a_mail_header_would_misread_is_refused_when_typed(evening, app, typed):
    """Issue 25 item 4: email-validator's rules on input, with a clear message; nothing stored."""
    event_id, code, guests, w = evening
    refused = guests["Ann"].opt_in(typed)
    assert refused.status_code == 422 and w["bad"] in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(MailAddress.id))) == 0


def test_one_bad_address_never_stops_the_mailing(evening, app, runner, smtp):
    """Addresses stored before the check on input (or broken in the database) fail alone, are named in the
    output and tried again later; every other guest gets their mail once."""
    event_id, code, guests, _ = evening
    inbox, _ = smtp
    for name in ("Ann", "Bo", "Cas", "Dirk"):
        assert guests[name].opt_in(f"{name.lower()}@example.org").status_code == 302
    with app.app_context():
        broken = {"bo@example.org": "bo@example.org\r\nBcc: everyone@example.org",
                  "cas@example.org": "cas@example.org\nX-Evil: yes"}
        for address in db.session.scalars(db.select(MailAddress)):
            address.email = broken.get(address.email, address.email)
        db.session.commit()
    result = runner.invoke(args=["followup", "send", "--at", CHECKIN])
    assert result.exit_code == 0, result.output
    assert "Sent 2 mail(s); 2 to try again later." in result.output
    assert sorted(to for tos, _ in inbox.messages for to in tos) == ["ann@example.org", "dirk@example.org"]
    assert result.output.count("not sent: checkin") == 2
    # a second run sends nothing twice (the two that failed wait for their retry moment)
    assert "Sent 0 mail(s)" in _send(runner, CHECKIN)
    assert len(inbox.messages) == 2


def _links(message) -> dict[str, str]:
    """The paths a mail links to, by purpose (the one-tap answers share the check-in link)."""
    body = message.get_body(("plain",)).get_content()
    found = {"stop": message["List-Unsubscribe"].strip().strip("<>").replace("http://venue.test:5000", "")}
    checkin = re.search(r"http://venue\.test:5000(/checkin/[^\s?]+)", body)
    if checkin:
        found["checkin"] = checkin.group(1)
    return found


def test_the_links_in_a_mail_are_opaque_one_per_purpose_and_expire(evening, app, make, runner, smtp):
    """Issue #25 item 8: a check-in link opens only the check-in, a stop link only the stop page; neither tells
    who it is for; both stop working after their lifetime, once the guest deletes their address, and with
    the event."""
    event_id, code, guests, w = evening
    inbox, _ = smtp
    guests["Ann"].opt_in("ann@example.org")
    _send(runner, MORNING)
    _send(runner, CHECKIN)
    summary, checkin = (message for _, message in inbox.messages)
    links = _links(checkin)
    tokens = {path.rsplit("/", 1)[1] for path in [*_links(summary).values(), *links.values()]}
    assert len(tokens) == 3  # the summary's stop link, the check-in mail's stop and check-in links
    for token in tokens:  # nothing readable inside: no signed payload that carries the guest's id
        assert URLSafeSerializer("any key").loads_unsafe(token)[1] is None
        assert "." not in token and len(token) == 32  # 24 random bytes, nothing else
    browser = app.test_client()
    assert browser.get(links["checkin"]).status_code == 200
    assert browser.get(links["stop"]).status_code == 200
    # one purpose each: the check-in link does not stop the mails, the stop link does not open the check-in
    assert browser.get(links["checkin"].replace("/checkin/", "/stop/")).status_code == 404
    assert browser.post(links["checkin"].replace("/checkin/", "/stop/"), data={}).status_code == 404
    assert browser.get(links["stop"].replace("/stop/", "/checkin/")).status_code == 404

    # expired: the check-in page, with the deed and matches on it, no longer opens
    with app.app_context():
        db.session.execute(db.update(MailLink).values(expires_at=datetime(2000, 1, 1)))
        db.session.commit()
    gone = browser.get(links["checkin"])
    assert gone.status_code == 404 and w["gone"] in gone.get_data(as_text=True)
    assert "belt volgende week" not in gone.get_data(as_text=True)


def test_a_guest_who_deletes_their_address_ends_every_link(evening, app, make, runner, smtp):
    event_id, code, guests, w = evening
    inbox, _ = smtp
    guests["Ann"].opt_in("ann@example.org")
    _send(runner, CHECKIN)
    links = _links(inbox.messages[-1][1])
    browser = app.test_client()
    assert "belt volgende week" in browser.get(links["checkin"]).get_data(as_text=True)
    # Ann deletes her address on her phone ("my evening"): her links die with it
    ann = guests["Ann"]
    assert ann.post(f"/e/{code}/me/forget").status_code == 302
    for path in links.values():
        page = browser.get(path)
        assert page.status_code == 404 and "belt volgende week" not in page.get_data(as_text=True)

    # Bo's links die with the event
    guests["Bo"].opt_in("bo@example.org")
    _send(runner, "2027-01-02T09:00")
    bo = _links(inbox.messages[-1][1])
    assert browser.get(bo["checkin"]).status_code == 200
    with app.app_context():
        delete_event(db.session.get(Event, event_id))
        db.session.commit()
        assert db.session.scalar(db.select(db.func.count()).select_from(MailLink)) == 0
    assert browser.get(bo["checkin"]).status_code == 404


def test_the_harvest_page_shows_each_tables_advice_card(app, lang):
    """Issue #26: the guests' harvest page showed each table with an empty advice card (the card view read
    attributes of the report's dicts)."""
    from tests.reports.conftest import build_evening

    event_id = build_evening(app, lang)
    with app.app_context():
        code = db.session.get(Event, event_id).join_code
    page = app.test_client().get(f"/h/{code}").get_data(as_text=True)
    cards = re.findall(r'<dl class="advice-card">(.*?)</dl>', page, re.S)
    assert cards and all("<dd>" in card for card in cards)
    assert "Begin klein (" in page and "Volgende week bellen" in page and "A of B" in page


def test_commands_beside_a_running_server_link_to_the_port_it_serves_on(tmp_path, monkeypatch):
    """`PORT=5311 make run`, then in a second terminal `flask event create` or `flask followup send`: the links
    (QR codes, mails) carry 5311, not the default 5000."""
    import sys

    from facilitation import ROOT
    from tests.services import flask_cli, free_port, wait_for_port

    for name in ("HOST", "PORT", "SCHEME", "PUBLIC_URL"):
        monkeypatch.delenv(name, raising=False)
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite'}", "FACILITATION_INSTANCE": str(tmp_path / "instance"),
           "SECRET_KEY": "beside-the-server"}
    flask_cli(env, "db", "upgrade")
    port = free_port()
    server = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, **env, "PORT": str(port), "SOCKETIO_ASYNC_MODE": "gevent"})
    try:
        wait_for_port(port, server)
        printed = json.loads(flask_cli(env, "event", "create", "--title", "Naast de server", "--json"))
        # an empty variable is no address either (`PORT= flask ...`)
        empty = json.loads(flask_cli({**env, "PORT": ""}, "event", "create", "--title", "Leeg", "--json"))
    finally:
        server.terminate()
        server.wait(10)
    assert printed["join_url"].startswith(f"http://127.0.0.1:{port}/")
    assert empty["join_url"].startswith(f"http://127.0.0.1:{port}/")
    # a command given its own address keeps it
    assert json.loads(flask_cli({**env, "PORT": "6001"}, "event", "create", "--title", "Eigen poort", "--json")
                      )["join_url"].startswith("http://127.0.0.1:6001/")
