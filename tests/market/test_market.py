"""Vraag & aanbod (issue #16): guests post offers and needs, are proposed to each other with a reason, and
connect only when both say yes; contact details reach only the two who both shared them."""
import io
import json
import re
import zipfile

import pytest

from facilitation.events.models import Event
from facilitation.extensions import db
from facilitation.market.models import Connection, ContactShare, MarketPost
from tests.conftest import csrf_token, on_the_big_screen

WORDS = {
    "nl": {"may_help_you": "Mensen die jou kunnen helpen", "you_may_help": "Mensen die jij kunt helpen",
           "both": "allebei: ", "someone": "Iemand wil hierover met je praten", "match": "Een match met",
           "twice": "Je zei al ja", "gone": "afgeslagen of beëindigd", "closed": "De markt is nu dicht",
           "own": "Dat is je eigen", "rubric": "Kies een van de rubrieken"},
    "en": {"may_help_you": "People who may help you", "you_may_help": "People you may help",
           "both": "both mention: ", "someone": "Someone would like to talk with you", "match": "A match with",
           "twice": "You already said yes", "gone": "declined or ended",
           "closed": "The market is closed right now", "own": "That is your own", "rubric": "Choose one of the rubrics"},
}
NEED = "Ik zoek iemand die taalles geeft aan onze vrijwilligers."
OFFER = "Ik kan op dinsdag taalles geven aan vrijwilligers en nieuwkomers."
CONTACT_ANN = "ann@example.org"
CONTACT_BO = "06 12 34 56 78"


class Guest:
    """A phone at the market, through the real forms."""

    def __init__(self, app, make, code, name):
        self.client, self.code = app.test_client(), code
        make.join(self.client, code, name=name)

    def page(self) -> str:
        return self.client.get(f"/e/{self.code}/market").get_data(as_text=True)

    def post(self, url, **data):
        return self.client.post(url, data={"csrf_token": csrf_token(self.client, f"/e/{self.code}/market"), **data})

    def offer_or_need(self, kind, text, rubric="kennis", organisation=""):
        return self.post(f"/e/{self.code}/market/posts", kind=kind, rubric=rubric, text=text,
                         organisation=organisation)


@pytest.fixture
def market(app, make, client, lang):
    """An evening in the market part: the console opened it; Ann needs, Bo offers, Cas only looks."""
    event_id, code = make.event("Beursvloer", language=lang)
    make.facilitate(client, event_id)
    client.post(f"/console/{event_id}/market/open", data={"csrf_token": csrf_token(client, f"/console/{event_id}/")})
    guests = {name: Guest(app, make, code, name) for name in ("Ann", "Bo", "Cas")}
    for guest in guests.values():
        guest.client.get(f"/language/{lang}")
    return event_id, code, guests, WORDS[lang]


def _need_and_offer(app, guests) -> tuple[int, int]:
    """Ann posts the need, Bo the offer; their ids."""
    guests["Ann"].offer_or_need("need", NEED)
    guests["Bo"].offer_or_need("offer", OFFER)
    return _ids(app, MarketPost, kind="need")[0], _ids(app, MarketPost, kind="offer")[0]


def _ids(app, model, **filters):
    with app.app_context():
        return [row.id for row in db.session.scalars(db.select(model).filter_by(**filters).order_by(model.id))]


def test_an_offer_and_a_need_are_proposed_to_each_other_with_the_reason(market, app):
    event_id, code, guests, w = market
    assert guests["Ann"].offer_or_need("need", NEED).status_code == 302
    assert guests["Bo"].offer_or_need("offer", OFFER).status_code == 302
    ann, bo = guests["Ann"].page(), guests["Bo"].page()
    assert w["may_help_you"] in ann and OFFER in ann
    assert re.search(w["both"] + r"taalles, vrijwilligers", ann)
    assert w["you_may_help"] in bo and NEED in bo
    # a third guest's page shows neither: proposals are for the people concerned
    cas = guests["Cas"].page()
    assert NEED not in cas and OFFER not in cas


def test_a_match_needs_both_yeses_and_shows_first_names_and_a_place(market, app, lang):
    event_id, code, guests, w = market
    guests["Ann"].offer_or_need("need", NEED)
    guests["Bo"].offer_or_need("offer", OFFER, organisation="Rabobank Cuijk")
    assert "Rabobank" not in guests["Ann"].page()  # who posted it shows only in a match
    need_id, offer_id = _ids(app, MarketPost, kind="need")[0], _ids(app, MarketPost, kind="offer")[0]
    assert guests["Ann"].post(f"/e/{code}/market/posts/{need_id}/talk/{offer_id}").status_code == 302
    bo = guests["Bo"].page()
    assert w["someone"] in bo and "Ann" not in bo  # no name before both said yes
    # wherever Bo is (here: the dream page), he sees that someone wants to talk
    notice = {"nl": "Iemand wil met je praten op de markt", "en": "Someone would like to talk with you at the market"}
    assert notice[lang] in guests["Bo"].client.get(f"/e/{code}").get_data(as_text=True)
    assert notice[lang] not in guests["Cas"].client.get(f"/e/{code}").get_data(as_text=True)
    assert "Bo" not in guests["Ann"].page().split("connections-title")[1]
    [connection_id] = _ids(app, Connection)
    assert guests["Bo"].post(f"/e/{code}/market/connections/{connection_id}/yes").status_code == 302
    ann, bo = guests["Ann"].page(), guests["Bo"].page()
    assert f"{w['match']} Bo (Rabobank Cuijk)" in ann and f"{w['match']} Ann." in bo
    # a yes twice: a clear message, nothing changes
    again = guests["Bo"].post(f"/e/{code}/market/connections/{connection_id}/yes")
    assert again.status_code == 409 and w["twice"] in again.get_data(as_text=True)
    # the big screen's counter moved
    wall = on_the_big_screen(app.test_client(), _projector_with_market(app, make=None, event_id=event_id))
    assert re.search(r'data-count="matches">1 match', wall)


def _projector_with_market(app, make, event_id):
    from facilitation.events.links import event_links
    from facilitation.projector.operations import show_view

    with app.test_request_context():
        event = db.session.get(Event, event_id)
        show_view(event, "market")
        db.session.commit()
        return event_links(event)["projector_url"]


def test_contact_details_reach_only_the_two_who_both_shared(market, app, client, socket_client):
    event_id, code, guests, w = market
    sockets = {name: socket_client(guest.client, event_id, "participant") for name, guest in guests.items()}
    projector_url = _projector_with_market(app, None, event_id)
    projector = app.test_client()
    projector.get(projector_url.replace("http://venue.test:5000", ""))
    big_screen = socket_client(projector, event_id, "projector")
    console = socket_client(client, event_id, "facilitator")
    need_id, offer_id = _need_and_offer(app, guests)
    guests["Bo"].post(f"/e/{code}/market/posts/{offer_id}/talk/{need_id}")
    [connection_id] = _ids(app, Connection)
    # before the match, sharing is refused (nothing stored)
    early = guests["Ann"].post(f"/e/{code}/market/connections/{connection_id}/contact", contact=CONTACT_ANN)
    assert early.status_code == 409 and _ids(app, ContactShare) == []
    guests["Ann"].post(f"/e/{code}/market/connections/{connection_id}/yes")
    guests["Ann"].post(f"/e/{code}/market/connections/{connection_id}/contact", contact=CONTACT_ANN)
    assert CONTACT_ANN not in guests["Bo"].page()  # Bo did not share: Bo does not see Ann's
    guests["Bo"].post(f"/e/{code}/market/connections/{connection_id}/contact", contact=CONTACT_BO)
    assert CONTACT_ANN in guests["Bo"].page() and CONTACT_BO in guests["Ann"].page()
    # nobody else, nowhere else: not Cas, not the big screen, not the console, not a download, not a socket
    assert CONTACT_ANN not in guests["Cas"].page() and CONTACT_BO not in guests["Cas"].page()
    seen = [on_the_big_screen(app.test_client(), projector_url), client.get(f"/console/{event_id}/").get_data(as_text=True)]
    for name in ("report.md", "report.json", "report.html"):
        seen.append(client.get(f"/console/{event_id}/report/{name}").get_data(as_text=True))
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/console/{event_id}/report/data.zip").data))
    seen += [archive.read(member).decode("utf-8-sig") for member in archive.namelist()]
    for socket in [*sockets.values(), big_screen, console]:
        seen.append(json.dumps(socket.get_received(), ensure_ascii=False))
    for text in seen:
        assert CONTACT_ANN not in text and "12 34 56" not in text
    # ending the match deletes what was shared
    guests["Bo"].post(f"/e/{code}/market/connections/{connection_id}/withdraw")
    assert _ids(app, ContactShare) == [] and CONTACT_BO not in guests["Ann"].page()


def test_bad_moves_get_a_clear_message_and_lose_nothing(market, app):
    event_id, code, guests, w = market
    guests["Ann"].offer_or_need("need", NEED)
    guests["Ann"].offer_or_need("offer", "Ik kan koken voor twintig mensen.", rubric="handen")
    need_id, own_offer = _ids(app, MarketPost, kind="need")[0], _ids(app, MarketPost, kind="offer")[0]
    # a proposal to oneself
    own = guests["Ann"].post(f"/e/{code}/market/posts/{own_offer}/talk/{need_id}")
    assert own.status_code == 409 and w["own"] in own.get_data(as_text=True)
    # an unknown rubric keeps the text in the form
    wrong = guests["Bo"].offer_or_need("offer", "Ik heb een busje voor verhuizingen.", rubric="geld")
    assert wrong.status_code == 422 and w["rubric"] in wrong.get_data(as_text=True)
    assert "Ik heb een busje voor verhuizingen." in wrong.get_data(as_text=True)
    # accepting what the other side took back
    guests["Bo"].offer_or_need("offer", OFFER)
    offer_id = _ids(app, MarketPost, kind="offer")[-1]
    guests["Bo"].post(f"/e/{code}/market/posts/{offer_id}/talk/{need_id}")
    [connection_id] = _ids(app, Connection)
    guests["Bo"].post(f"/e/{code}/market/posts/{offer_id}/withdraw")
    late = guests["Ann"].post(f"/e/{code}/market/connections/{connection_id}/yes")
    assert late.status_code == 409 and w["gone"] in late.get_data(as_text=True)
    assert OFFER not in guests["Ann"].page()  # a withdrawn post is proposed to nobody
    # a closed market keeps what was typed
    from tests.conftest import csrf_token as token
    admin = app.test_client()
    with app.test_request_context():
        from facilitation.events.links import event_links
        url = event_links(db.session.get(Event, event_id))["facilitator_url"].replace("http://venue.test:5000", "")
    admin.get(url)
    admin.post(f"/console/{event_id}/market/close", data={"csrf_token": token(admin, f"/console/{event_id}/")})
    closed = guests["Cas"].offer_or_need("need", "Ik zoek een ruimte voor een buurtfeest.", rubric="ruimte")
    assert closed.status_code == 409 and w["closed"] in closed.get_data(as_text=True)
    assert "Ik zoek een ruimte voor een buurtfeest." in closed.get_data(as_text=True)


def test_someone_can_offer_help_with_a_dream_on_the_wall(market, app, make):
    event_id, code, guests, w = market
    make.post_dream(guests["Ann"].client, code, "Een buurtmoestuin waar iedereen mag oogsten.")
    with app.app_context():
        db.session.get(Event, event_id).dreams_open = True
        db.session.commit()
    [dream_id] = make.dream_ids(event_id) or [None]
    assert dream_id is not None
    phone = guests["Cas"].client.get(f"/e/{code}").get_data(as_text=True)
    assert f"/e/{code}/dreams/{dream_id}/help" in phone
    assert guests["Cas"].client.get(f"/e/{code}/dreams/{dream_id}/help").status_code == 200
    guests["Cas"].client.post(f"/e/{code}/dreams/{dream_id}/help",
                              data={"csrf_token": csrf_token(guests["Cas"].client, f"/e/{code}/dreams/{dream_id}/help")})
    ann = guests["Ann"].page()
    assert w["someone"] in ann and "Een buurtmoestuin" in ann
    [connection_id] = _ids(app, Connection)
    guests["Ann"].post(f"/e/{code}/market/connections/{connection_id}/yes")
    assert f"{w['match']} Cas" in guests["Ann"].page()
    # one's own dream: no
    own = guests["Ann"].client.post(f"/e/{code}/dreams/{dream_id}/help",
                                    data={"csrf_token": csrf_token(guests["Ann"].client, f"/e/{code}/market")})
    assert own.status_code == 409


def test_the_facilitator_brokers_highlights_and_closes(market, app, client, lang):
    event_id, code, guests, w = market
    guests["Ann"].offer_or_need("need", NEED)
    guests["Bo"].offer_or_need("offer", OFFER)
    panel = client.get(f"/console/{event_id}/").get_data(as_text=True)
    assert NEED in panel and OFFER in panel
    need_id, offer_id = _ids(app, MarketPost, kind="need")[0], _ids(app, MarketPost, kind="offer")[0]
    assert f"/console/{event_id}/market/propose/{offer_id}/{need_id}" in panel
    token = csrf_token(client, f"/console/{event_id}/")
    assert client.post(f"/console/{event_id}/market/propose/{offer_id}/{need_id}",
                       data={"csrf_token": token}).status_code == 302
    # both are told the facilitator suggests it; neither has said yes
    for name in ("Ann", "Bo"):
        assert {"nl": "De gespreksleider denkt", "en": "The facilitator thinks"}[lang] in guests[name].page()
    twice = client.post(f"/console/{event_id}/market/propose/{offer_id}/{need_id}", data={"csrf_token": token},
                        headers={"HX-Request": "true"})
    assert twice.status_code == 409
    client.post(f"/console/{event_id}/market/highlight/{need_id}", data={"csrf_token": token})
    wall = on_the_big_screen(app.test_client(), _projector_with_market(app, None, event_id))
    assert NEED in wall
    client.post(f"/console/{event_id}/market/close", data={"csrf_token": token})
    with app.app_context():
        assert not db.session.get(Event, event_id).market_open


def test_offers_and_needs_go_through_the_same_holds_as_dreams(market, app, client, lang):
    """A post with a phone number waits in the one queue; approved, it is proposed like any other."""
    event_id, code, guests, w = market
    guests["Bo"].offer_or_need("offer", OFFER)
    guests["Ann"].offer_or_need("need", "Ik zoek taalles voor vrijwilligers, bel me op 0612345678")
    [held] = _ids(app, MarketPost, kind="need")
    with app.app_context():
        assert db.session.get(MarketPost, held).held
    assert {"nl": "Wacht op de gespreksleider", "en": "Waits for the facilitator"}[lang] in guests["Ann"].page()
    assert "0612345678" not in guests["Bo"].page()  # nobody else sees it, nor is it proposed
    console = client.get(f"/console/{event_id}/").get_data(as_text=True)
    url = f"/console/{event_id}/market/{held}/approve"
    assert url in console and {"nl": "vraag of aanbod", "en": "offer or need"}[lang] in console
    assert client.post(url, data={"csrf_token": csrf_token(client, f"/console/{event_id}/")}).status_code == 302
    assert "0612345678" in guests["Bo"].page()


def test_the_organiser_sets_the_rubrics_and_a_rubric_in_use_stays(market, app, client, lang):
    event_id, code, guests, w = market
    token = csrf_token(client, f"/console/{event_id}/")
    client.post(f"/console/{event_id}/market/rubrics", data={"csrf_token": token, "rubrics": "Kennis en advies, Zorg, zorg, Vervoer"
                if lang == "nl" else "Knowledge and advice, Care, care, Transport"})
    with app.app_context():
        assert db.session.get(Event, event_id).market_rubrics == ["kennis", "zorg", "vervoer"] if lang == "nl" \
            else db.session.get(Event, event_id).market_rubrics == ["kennis", "care", "transport"]
    rubric = "zorg" if lang == "nl" else "care"
    guests["Ann"].offer_or_need("need", NEED, rubric=rubric)
    response = client.post(f"/console/{event_id}/market/rubrics", data={"csrf_token": token, "rubrics": "kennis"},
                           headers={"HX-Request": "true"})
    assert response.status_code == 422 and rubric in response.get_data(as_text=True)


def test_a_phone_left_open_never_writes_an_old_agreement_over_a_newer_one(market, app):
    event_id, code, guests, w = market
    need_id, offer_id = _need_and_offer(app, guests)
    guests["Ann"].post(f"/e/{code}/market/posts/{need_id}/talk/{offer_id}")
    [connection_id] = _ids(app, Connection)
    guests["Bo"].post(f"/e/{code}/market/connections/{connection_id}/yes")
    seal = f"/e/{code}/market/connections/{connection_id}/seal"
    guests["Ann"].post(seal, agreement="Op 28 mei de eerste les.", seen="")
    # Bo's phone still showed the empty agreement; his older text is refused, Ann's stays
    stale = guests["Bo"].post(seal, agreement="Op 21 mei de eerste les.", seen="", named="yes")
    assert stale.status_code == 409 and "Op 28 mei de eerste les." in stale.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Connection, connection_id).agreement == "Op 28 mei de eerste les."
    # having seen it, Bo can seal it as it is (and let his name be shown)
    assert guests["Bo"].post(seal, agreement="Op 28 mei de eerste les.", seen="Op 28 mei de eerste les.",
                             named="yes").status_code == 302
    # a contact detail must look like one
    wrong = guests["Bo"].post(f"/e/{code}/market/connections/{connection_id}/contact", contact="hallo")
    assert wrong.status_code == 422


def test_no_thank_you_closes_the_proposal_for_both_without_a_name(market, app, lang):
    event_id, code, guests, w = market
    need_id, offer_id = _need_and_offer(app, guests)
    guests["Bo"].post(f"/e/{code}/market/posts/{offer_id}/talk/{need_id}")
    [connection_id] = _ids(app, Connection)
    declined = guests["Ann"].post(f"/e/{code}/market/connections/{connection_id}/withdraw")
    page = guests["Ann"].client.get(declined.headers["Location"]).get_data(as_text=True)
    assert {"nl": "Nee, dank je: genoteerd", "en": "No, thank you: noted"}[lang] in page
    # Bo does not get a second "let's talk" on it, and never learns who said no
    bo = guests["Bo"].page()
    assert {"nl": "Nu niet", "en": "Not now"}[lang] in bo and "Ann" not in bo



@pytest.mark.parametrize("state", ["held", "hidden", "withdrawn"])
def test_a_post_that_is_not_public_cannot_start_a_conversation(market, app, state, lang):
    """Issue 25 item 2: a held, hidden or withdrawn post can be edited or withdrawn, nothing else: its text
    never reaches the other party through a conversation."""
    from facilitation.review import Review

    event_id, code, guests, w = market
    need_id, offer_id = _need_and_offer(app, guests)
    with app.app_context():
        offer = db.session.get(MarketPost, offer_id)
        if state == "withdrawn":
            offer.withdrawn = True
        else:
            offer.review = Review[state]
        db.session.commit()
    refused = guests["Bo"].post(f"/e/{code}/market/posts/{offer_id}/talk/{need_id}")
    assert refused.status_code == 409
    assert {"nl": "staat niet op de markt", "en": "is not on the market"}[lang] in refused.get_data(as_text=True)
    assert _ids(app, Connection) == []
    assert OFFER not in guests["Ann"].page()


DOWNLOADS = ("report.md", "report.json", "report.html", "report.docx", "report.pdf", "data.xlsx", "data.zip")


def _everything_public(app, client, make, event_id, code) -> str:
    """The big screen's market view, the guests' harvest page and all seven downloads, as one text."""
    from docx import Document
    from openpyxl import load_workbook
    from pypdf import PdfReader

    make.facilitate(client, event_id)
    client.post(f"/console/{event_id}/projector/market", data={"csrf_token": csrf_token(client, f"/console/{event_id}/")})
    seen = [on_the_big_screen(client, make.links(event_id)["projector_url"]),
            app.test_client().get(f"/h/{code}").get_data(as_text=True)]
    for name in DOWNLOADS:
        data = client.get(f"/console/{event_id}/report/{name}").data
        if name.endswith(".docx"):
            seen.append("\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs))
        elif name.endswith(".pdf"):
            seen.append(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))
        elif name.endswith(".xlsx"):
            book = load_workbook(io.BytesIO(data))
            seen.append(" ".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value))
        elif name.endswith(".zip"):
            archive = zipfile.ZipFile(io.BytesIO(data))
            seen.append(" ".join(archive.read(n).decode("utf-8-sig") for n in archive.namelist()))
        else:
            seen.append(data.decode())
    return " ".join(seen)


@pytest.mark.parametrize("premoderated", [False, True], ids=["personal data", "pre-moderation"])
def test_an_agreement_line_waits_for_the_facilitator_like_every_text(market, app, client, make, lang, premoderated):
    """Issue 25 item 1: the line that seals a match goes through the same screening and queue; nothing shows
    it on a screen, in a download or in a mail before it is approved; the two people see it meanwhile."""
    from facilitation.enums import ModerationMode
    from facilitation.followup.sending import _context
    from facilitation.followup.models import MailAddress

    event_id, code, guests, w = market
    if premoderated:
        with app.app_context():
            db.session.get(Event, event_id).moderation = ModerationMode.premoderated
            db.session.commit()
        line = "Vanaf januari elke dinsdag taalles in de bibliotheek."
    else:
        line = "Bel Bo op 06 98765432, dan spreken we de eerste les af."
    need_id, offer_id = _need_and_offer(app, guests)
    with app.app_context():  # both posts on view (pre-moderation held them too)
        for post in db.session.scalars(db.select(MarketPost)):
            post.review = post.review.__class__.visible
        db.session.commit()
    guests["Ann"].post(f"/e/{code}/market/posts/{need_id}/talk/{offer_id}")
    [connection_id] = _ids(app, Connection)
    guests["Bo"].post(f"/e/{code}/market/connections/{connection_id}/yes")
    assert guests["Ann"].post(f"/e/{code}/market/connections/{connection_id}/seal", agreement=line, seen="",
                              named="yes").status_code == 302
    waits = {"nl": "Alleen jullie twee zien deze regel", "en": "Only the two of you see this line"}[lang]
    for name in ("Ann", "Bo"):
        assert line in guests[name].page() and waits in guests[name].page()
    assert line not in _everything_public(app, client, make, event_id, code)
    with app.app_context():  # the follow-up mail Ann would get: her match without the waiting line
        ann = db.session.get(MarketPost, need_id).participant
        address = MailAddress(event_id=event_id, participant=ann, email="ann@example.org", language=lang)
        assert line not in str(_context(address))
        db.session.rollback()
    # the queue shows it as an agreement, with its reason; the facilitator corrects and approves it
    console = client.get(f"/console/{event_id}/").get_data(as_text=True)
    assert line in console and {"nl": "afspraak van een match", "en": "agreement of a match"}[lang] in console
    token = csrf_token(client, f"/console/{event_id}/")
    approved = "Vanaf januari elke dinsdag taalles in de bibliotheek."
    client.post(f"/console/{event_id}/agreements/{connection_id}/edit", data={"csrf_token": token, "agreement": approved},
                headers={"HX-Request": "true"})
    assert client.post(f"/console/{event_id}/agreements/{connection_id}/approve", data={"csrf_token": token},
                       headers={"HX-Request": "true"}).status_code == 200
    assert approved in _everything_public(app, client, make, event_id, code)
    assert waits not in guests["Ann"].page()
