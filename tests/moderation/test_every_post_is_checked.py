"""Issue #13 item 3: every text a guest writes goes through the same holds as a dream.

Contributions, advice cards, deeds, rating comments and names with personal data or abuse (or any post at a
pre-moderated event) wait for the facilitator; the author is told; the queue shows the kind and approves,
hides or corrects; contributions and deeds can be hidden afterwards; what is hidden or waits is in no view
and no download; the organiser can leave deeds and comments out of the report.
"""
import io
import json
import zipfile

import pytest
from openpyxl import load_workbook

from facilitation.enums import ModerationMode, PostKind
from facilitation.events.models import Event, Participant
from facilitation.extensions import db
from facilitation.moderation.models import ModerationAction
from facilitation.programme.models import Deed, Rating
from facilitation.programme.operations import step
from facilitation.tables.models import AdviceCard, Contribution, Table
from tests.conftest import csrf_token, on_the_big_screen

HX = {"HX-Request": "true"}
WAITS = {"nl": "wacht op de gespreksleider", "en": "waits for the facilitator"}


def _path(url):
    return url.replace("http://venue.test:5000", "")


@pytest.fixture
def room(app, make, lang):
    """One table with Ann (who writes) and Bo (who reads), a facilitator laptop and the big screen."""
    event_id, code = make.event(tables=1, language=lang)
    with app.app_context():
        (table_id,) = db.session.scalars(db.select(Table.id).filter_by(event_id=event_id))
    laptop, screen = app.test_client(), app.test_client()
    make.facilitate(laptop, event_id)
    phones = {}
    for name in ("Ann", "Bo"):
        phones[name] = app.test_client()
        make.join(phones[name], code, name=name)
        token = csrf_token(phones[name], f"/e/{code}/tables")
        phones[name].post(f"/e/{code}/tables/{table_id}/join", data={"csrf_token": token})
    return {"event_id": event_id, "code": code, "table": table_id, "laptop": laptop, "screen": screen,
            "projector": _path(make.links(event_id)["projector_url"]), "lang": lang, **phones}


def _contribute(room, text, kind="idea"):
    """Ann posts at her table, as the form does with htmx."""
    page = f"/e/{room['code']}/t/{room['table']}"
    token = csrf_token(room["Ann"], page)
    return room["Ann"].post(f"{page}/contributions", headers={**HX, "X-CSRFToken": token},
                            data={"kind": kind, "text": text})


def _console(room):
    return room["laptop"].get(f"/console/{room['event_id']}/").get_data(as_text=True)


def _console_post(room, path, **data):
    token = csrf_token(room["laptop"], f"/console/{room['event_id']}/")
    return room["laptop"].post(f"/console/{room['event_id']}/{path}", headers={**HX, "X-CSRFToken": token},
                               data=data)


def _to_closing(app, event_id):
    with app.app_context():
        event = db.session.get(Event, event_id)
        step(event, +1)
        while event.current_phase.kind.value != "closing":
            step(event, +1)
        db.session.commit()


def _downloads(room) -> str:
    """Every download of the report and the data, as one text to search."""
    base = f"/console/{room['event_id']}/report"
    laptop, texts = room["laptop"], []
    for name in ("report.md", "report.html", "report.json"):
        answer = laptop.get(f"{base}/{name}")
        assert answer.status_code == 200, name
        texts.append(answer.get_data(as_text=True))
    with zipfile.ZipFile(io.BytesIO(laptop.get(f"{base}/data.zip").data)) as archive:
        texts += [archive.read(member).decode("utf-8-sig") for member in archive.namelist()]
    workbook = load_workbook(io.BytesIO(laptop.get(f"{base}/data.xlsx").data))
    texts += [str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row]
    return "\n".join(texts)


def test_a_contribution_with_an_email_address_waits_and_reaches_no_one_else(room, app):
    code, table, lang = room["code"], room["table"], room["lang"]
    ann, bo = room["Ann"], room["Bo"]
    page = f"/e/{code}/t/{table}"
    answer = _contribute(room, "Mail mij: ann@example.org")
    assert answer.status_code == 200 and WAITS[lang] in answer.get_data(as_text=True)
    # the author sees it, marked as waiting; the others at the table do not
    own = ann.get(f"{page}/live", headers=HX).get_data(as_text=True)
    assert "ann@example.org" in own and {"nl": "Alleen jij ziet dit", "en": "Only you see this"}[lang] in own
    assert "ann@example.org" not in bo.get(page).get_data(as_text=True)
    with app.app_context():
        (contribution_id,) = db.session.scalars(db.select(Contribution.id))
    # nobody can vote on it meanwhile
    bo_token = csrf_token(bo, page)
    assert bo.post(f"{page}/contributions/{contribution_id}/vote", headers={**HX, "X-CSRFToken": bo_token}
                   ).status_code == 409
    # the queue shows its kind and why it waits
    console = _console(room)
    assert f'id="queue-contribution-{contribution_id}"' in console
    assert {"nl": "bijdrage", "en": "contribution"}[lang] in console
    assert {"nl": "bevat een e-mailadres", "en": "contains an e-mail address"}[lang] in console
    assert "ann@example.org" not in _downloads(room)
    # corrected (the address comes out), then approved: now the table sees it
    _console_post(room, f"contributions/{contribution_id}/edit", text="Mail mij gerust")
    assert _console_post(room, f"contributions/{contribution_id}/approve").status_code == 200
    assert "Mail mij gerust" in bo.get(page).get_data(as_text=True)
    assert "Mail mij gerust" in _downloads(room)
    late = _console_post(room, f"contributions/{contribution_id}/approve")
    assert late.status_code == 409
    with app.app_context():
        log = db.session.scalars(db.select(ModerationAction).order_by(ModerationAction.id)).all()
        assert [(entry.post_kind, entry.post_id, entry.action) for entry in log] == [
            (PostKind.contribution, contribution_id, "edit"), (PostKind.contribution, contribution_id, "approve")]


def test_a_contribution_is_hidden_afterwards_from_the_table_the_report_and_the_downloads(room, app):
    code, table = room["code"], room["table"]
    page = f"/e/{code}/t/{table}"
    _contribute(room, "Een slecht grapje over de buren", "advice")
    assert "slecht grapje" in room["Bo"].get(page).get_data(as_text=True)
    with app.app_context():
        (contribution_id,) = db.session.scalars(db.select(Contribution.id))
    # from the console's view of the table (a plain page): hide, and back to it
    stream = f"/console/{room['event_id']}/tables/{table}"
    ctoken = csrf_token(room["laptop"], stream)
    hidden = room["laptop"].post(f"/console/{room['event_id']}/contributions/{contribution_id}/hide",
                                 data={"csrf_token": ctoken, "table_id": table})
    assert hidden.status_code == 302 and hidden.headers["Location"].endswith(stream)
    assert "slecht grapje" not in room["laptop"].get(stream).get_data(as_text=True)
    assert "slecht grapje" not in room["Bo"].get(page).get_data(as_text=True)
    assert "slecht grapje" not in room["Ann"].get(page).get_data(as_text=True)
    assert "slecht grapje" not in _downloads(room)
    assert "slecht grapje" not in room["laptop"].get(f"/console/{room['event_id']}/report/").get_data(as_text=True)


def test_an_advice_card_with_an_abusive_word_waits_before_the_harvest(room, app, make):
    code, table, lang, ann = room["code"], room["table"], room["lang"], room["Ann"]
    page = f"/e/{code}/t/{table}"
    token = csrf_token(ann, page)
    ann.post(f"{page}/host", data={"csrf_token": token})
    submitted = ann.post(f"{page}/card", headers={**HX, "X-CSRFToken": token},
                         data={"dilemma": "Wie betaalt?", "advice": "De gemeente is een stelletje klootzakken",
                               "action": "submit"})
    assert submitted.status_code == 200
    assert {"nl": "wacht op de gespreksleider", "en": "waits for the facilitator"}[lang] in \
        submitted.get_data(as_text=True)
    _console_post(room, "projector/harvest")
    assert "klootzakken" not in on_the_big_screen(room["screen"], room["projector"])
    assert "klootzakken" not in room["Bo"].get(f"/e/{code}/harvest").get_data(as_text=True)
    assert "klootzakken" not in _downloads(room)
    with app.app_context():
        (card_id,) = db.session.scalars(db.select(AdviceCard.id))
    console = _console(room)
    assert f'id="queue-card-{card_id}"' in console and {"nl": "advieskaart", "en": "advice card"}[lang] in console
    # every field of the card can be corrected; the advice is needed
    empty = _console_post(room, f"cards/{card_id}/edit", dilemma="Wie betaalt?", advice="")
    assert empty.status_code == 422
    _console_post(room, f"cards/{card_id}/edit", dilemma="Wie betaalt?", options="",
                  advice="De gemeente moet meebetalen", next_step="")
    _console_post(room, f"cards/{card_id}/approve")
    _console_post(room, "projector/harvest")
    assert "De gemeente moet meebetalen" in on_the_big_screen(room["screen"], room["projector"])
    assert "De gemeente moet meebetalen" in _downloads(room)


def test_a_deed_with_abuse_an_email_and_a_phone_number_never_reaches_the_big_screen(room, app):
    code, lang, ann = room["code"], room["lang"], room["Ann"]
    _to_closing(app, room["event_id"])
    token = csrf_token(ann, f"/e/{code}")
    deed = "Ik bel die klootzak op 06-12345678 of mail piet@example.org"
    answer = ann.post(f"/e/{code}/deed", data={"csrf_token": token, "text": deed}, follow_redirects=True)
    assert WAITS[lang] in answer.get_data(as_text=True)
    assert "klootzak" not in on_the_big_screen(room["screen"], room["projector"])
    assert "klootzak" not in _downloads(room)
    with app.app_context():
        (deed_id,) = db.session.scalars(db.select(Deed.id))
    assert f'id="queue-deed-{deed_id}"' in _console(room)
    _console_post(room, f"deeds/{deed_id}/hide")
    assert "klootzak" not in _console(room)
    # a deed on view can be hidden afterwards, from the console's list of deeds
    bo_token = csrf_token(room["Bo"], f"/e/{code}")
    room["Bo"].post(f"/e/{code}/deed", data={"csrf_token": bo_token, "text": "Ik ga koken voor mijn buren"})
    assert "koken voor mijn buren" in on_the_big_screen(room["screen"], room["projector"])
    with app.app_context():
        bo_deed = db.session.scalar(db.select(Deed.id).where(Deed.id != deed_id))
    assert f'id="hide-deed-{bo_deed}"' in _console(room)
    _console_post(room, f"deeds/{bo_deed}/hide")
    assert "koken voor mijn buren" not in on_the_big_screen(room["screen"], room["projector"])
    assert "koken voor mijn buren" not in _downloads(room)


def test_a_rating_comment_with_a_phone_number_waits_and_its_stars_still_count(room, app):
    code, lang, ann = room["code"], room["lang"], room["Ann"]
    _to_closing(app, room["event_id"])
    token = csrf_token(ann, f"/e/{code}")
    answer = ann.post(f"/e/{code}/rating", data={"csrf_token": token, "score": "4", "comment": "Bel me: 0612345678"},
                      follow_redirects=True)
    assert {"nl": "Je opmerking wacht op de gespreksleider", "en": "Your comment waits for the facilitator"}[lang] \
        in answer.get_data(as_text=True)
    report = json.loads(room["laptop"].get(f"/console/{room['event_id']}/report/report.json").data)
    assert report["evaluation"]["count"] == 1 and report["evaluation"]["comments"] == []
    assert "0612345678" not in _downloads(room)
    with app.app_context():
        (rating_id,) = db.session.scalars(db.select(Rating.id))
    assert f'id="queue-comment-{rating_id}"' in _console(room)
    _console_post(room, f"comments/{rating_id}/edit", comment="Bel me gerust")
    _console_post(room, f"comments/{rating_id}/approve")
    report = json.loads(room["laptop"].get(f"/console/{room['event_id']}/report/report.json").data)
    assert report["evaluation"]["comments"] == ["Bel me gerust"]


def test_an_abusive_name_waits_and_the_guest_stays_anonymous_until_approved(room, app, make):
    code, table, lang = room["code"], room["table"], room["lang"]
    guest = app.test_client()
    make.join(guest, code, name="Kankerlijer")
    phone = guest.get(f"/e/{code}").get_data(as_text=True)
    assert "Kankerlijer" not in phone
    assert {"nl": "Je naam wacht op de gespreksleider", "en": "Your name waits for the facilitator"}[lang] in phone
    token = csrf_token(guest, f"/e/{code}/tables")
    guest.post(f"/e/{code}/tables/{table}/join", data={"csrf_token": token})
    assert "Kankerlijer" not in room["Bo"].get(f"/e/{code}/t/{table}").get_data(as_text=True)
    assert "Kankerlijer" not in room["laptop"].get(f"/console/{room['event_id']}/tables/{table}").get_data(as_text=True)
    with app.app_context():
        participant = db.session.scalar(db.select(Participant).filter_by(held_name="Kankerlijer"))
        assert participant.name == "" and participant.held
        participant_id = participant.id
    assert f'id="queue-name-{participant_id}"' in _console(room)
    _console_post(room, f"names/{participant_id}/edit", held_name="Kees")
    _console_post(room, f"names/{participant_id}/approve")
    with app.app_context():
        participant = db.session.get(Participant, participant_id)
        assert (participant.name, participant.held_name, participant.visible) == ("Kees", "", True)


def test_ordinary_posts_show_at_once(room, app):
    """The checks hold only what they must: a care sentence with "kanker" goes straight on view."""
    code, table = room["code"], room["table"]
    page = f"/e/{code}/t/{table}"
    _contribute(room, "Een inloop voor mensen met kanker en hun mantelzorgers")
    assert "mensen met kanker" in room["Bo"].get(page).get_data(as_text=True)
    assert 'id="queue-contribution-' not in _console(room)


def test_at_a_pre_moderated_event_every_kind_of_post_waits(room, app, make):
    code, table = room["code"], room["table"]
    with app.app_context():
        db.session.get(Event, room["event_id"]).moderation = ModerationMode.premoderated
        db.session.commit()
    guest = app.test_client()
    make.join(guest, code, name="Fatima")
    make.post_dream(room["Ann"], code, "Een stad zonder eenzaamheid")
    page = f"/e/{code}/t/{table}"
    _contribute(room, "Een buurtmoestuin")
    token = csrf_token(room["Ann"], page)
    room["Ann"].post(f"{page}/host", data={"csrf_token": token})
    room["Ann"].post(f"{page}/card", data={"csrf_token": token, "advice": "Begin klein", "action": "submit"})
    _to_closing(app, room["event_id"])
    token = csrf_token(room["Ann"], f"/e/{code}")
    room["Ann"].post(f"/e/{code}/deed", data={"csrf_token": token, "text": "Ik spreek mijn buurvrouw aan"})
    room["Ann"].post(f"/e/{code}/rating", data={"csrf_token": token, "score": "5", "comment": "Fijne avond"})
    console = _console(room)
    for kind in ("contribution", "card", "deed", "comment", "name", "dream"):
        assert f'id="queue-{kind}-' in console, kind
    assert "Een buurtmoestuin" not in room["Bo"].get(page).get_data(as_text=True)


def test_the_organiser_leaves_a_deed_and_a_comment_out_of_the_report(room, app):
    code, ann = room["code"], room["Ann"]
    _to_closing(app, room["event_id"])
    token = csrf_token(ann, f"/e/{code}")
    ann.post(f"/e/{code}/deed", data={"csrf_token": token, "text": "Ik bel mijn oude collega"})
    ann.post(f"/e/{code}/rating", data={"csrf_token": token, "score": "5", "comment": "Te lang, maar goed"})
    with app.app_context():
        deed_id, rating_id = db.session.scalar(db.select(Deed.id)), db.session.scalar(db.select(Rating.id))
    preview = f"/console/{room['event_id']}/report/"
    laptop = room["laptop"]
    page = laptop.get(preview).get_data(as_text=True)
    assert f"/deed/{deed_id}/leave-out" in page and f"/comment/{rating_id}/leave-out" in page
    rtoken = csrf_token(laptop, preview)
    for kind, item_id in (("deed", deed_id), ("comment", rating_id)):
        assert laptop.post(f"{preview}{kind}/{item_id}/leave-out", data={"csrf_token": rtoken}).status_code == 302
    everything = _downloads(room)
    assert "oude collega" not in everything and "Te lang" not in everything
    report = json.loads(laptop.get(f"{preview}report.json").data)
    assert report["evaluation"]["count"] == 1  # the stars still count
    # and put back again from the list of what is left out
    laptop.post(f"{preview}deed/{deed_id}/put-back", data={"csrf_token": rtoken})
    assert "oude collega" in _downloads(room)
