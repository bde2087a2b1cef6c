"""Evenings in a series (issue #17 item 5) and matches carried out (item 3): the organiser starts the next
evening from this one's set-up, groups evenings in a series and compares them; every figure on the series
page is the one in that evening's own report."""
import json
import re
from datetime import date, datetime

import pytest

from facilitation.branding.operations import set_brand
from facilitation.dreams.models import Dream
from facilitation.events.models import Event, Participant, Series
from facilitation.extensions import db
from facilitation.followup.links import new_link
from facilitation.followup.models import LinkPurpose
from facilitation.market.models import Connection, MarketPost
from facilitation.programme.models import Deed, Phase, Rating
from facilitation.tables.models import Seat, Table
from facilitation.util import utcnow
from tests.branding.images import image_bytes
from tests.conftest import csrf_token

GUEST_TABLES = (Participant, Dream, Deed, Rating, Seat, MarketPost, Connection)


def _organiser(runner, client, email="anita@sociom.nl", password="compassie-2016"):
    result = runner.invoke(args=["user", "create", "--email", email, "--name", "Anita", "--password", password])
    assert result.exit_code == 0, result.output
    client.post("/login", data={"csrf_token": csrf_token(client, "/login"), "email": email, "password": password})


def _new_event(client, title, starts_on):
    response = client.post("/events/new", data={"csrf_token": csrf_token(client, "/events/new"), "title": title,
                                                "starts_on": starts_on, "language": "nl", "tables": 3,
                                                "role_tags": ["inwoner", "vrijwilliger", "zorg"]})
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])


def _count(app, model, event_id):
    with app.app_context():
        column = model.event_id if hasattr(model, "event_id") else None
        if column is None:  # seats belong to a table
            return db.session.scalar(db.select(db.func.count()).select_from(Seat).join(Table).where(
                Table.event_id == event_id))
        return db.session.scalar(db.select(db.func.count()).select_from(model).where(column == event_id))


def _evening(app, make, event_id, guests: int, dreams: list[str], rating: int):
    """Guests who joined, dreamt, wrote a deed and rated, straight through the phone's forms."""
    with app.app_context():
        code = db.session.get(Event, event_id).join_code
    phones = []
    for n in range(guests):
        phone = app.test_client()
        make.join(phone, code, role_tag="inwoner" if n % 2 else "vrijwilliger")
        if n < len(dreams):
            make.post_dream(phone, code, dreams[n])
        phones.append(phone)
    with app.app_context():
        event = db.session.get(Event, event_id)
        for participant in db.session.scalars(db.select(Participant).filter_by(event_id=event_id)):
            db.session.add(Deed(event_id=event_id, participant_id=participant.id, text="Ik bel de buurman."))
            db.session.add(Rating(event_id=event_id, participant_id=participant.id, score=rating))
        db.session.commit()
    return code, phones


def test_the_next_evening_copies_the_set_up_and_no_guest_data(app, client, runner, make):
    _organiser(runner, client)
    event_id = _new_event(client, "Dromen en daden 2026", "2026-11-24")
    with app.app_context():
        event = db.session.get(Event, event_id)
        first = db.session.scalar(db.select(Table).filter_by(event_id=event_id).order_by(Table.position))
        first.dilemma = "Is werken met vrijwilligers een visie, of gaat het om geld?"
        event.held_words = ["sukkel"]
        event.market_rubrics = ["kennis", "ruimte"]
        event.checkin_weeks = 6
        set_brand(event, "#b03060", image_bytes("png"))
        db.session.commit()
    _evening(app, make, event_id, guests=4, dreams=["Samen sterker in de wijk."], rating=4)

    page = client.get(f"/events/{event_id}").get_data(as_text=True)
    assert "De volgende avond" in page
    made = client.post(f"/events/{event_id}/next", data={"csrf_token": csrf_token(client, f"/events/{event_id}"),
                                                         "title": "Dromen en daden 2027", "starts_on": "2027-11-23"})
    assert made.status_code == 302
    copy_id = int(made.headers["Location"].rstrip("/").rsplit("/", 1)[1])
    assert copy_id != event_id
    with app.app_context():
        source, copy = db.session.get(Event, event_id), db.session.get(Event, copy_id)
        assert copy.title == "Dromen en daden 2027" and copy.starts_on == date(2027, 11, 23)
        assert copy.join_code != source.join_code and copy.facilitator_nonce != source.facilitator_nonce
        assert copy.role_tags == ["inwoner", "vrijwilliger", "zorg"]
        assert (copy.held_words, copy.market_rubrics, copy.checkin_weeks) == (["sukkel"], ["kennis", "ruimte"], 6)
        tables = lambda e: [(t.name, t.dilemma) for t in db.session.scalars(  # noqa: E731
            db.select(Table).filter_by(event_id=e).order_by(Table.position))]
        phases = lambda e: [(p.kind, p.title, p.planned_minutes) for p in db.session.scalars(  # noqa: E731
            db.select(Phase).filter_by(event_id=e).order_by(Phase.position))]
        assert tables(copy_id) == tables(event_id) and len(tables(copy_id)) == 3
        assert phases(copy_id) == phases(event_id)
        assert all(p.started_at is None for p in db.session.scalars(db.select(Phase).filter_by(event_id=copy_id)))
        assert copy.brand.accent == "#b03060" and copy.brand.logo == source.brand.logo
        # both evenings are in one series, named after the first
        assert copy.series_id == source.series_id is not None and source.series.name == "Dromen en daden 2026"
    for model in GUEST_TABLES:
        assert _count(app, model, copy_id) == 0, model.__name__
    assert _count(app, Participant, event_id) == 4 and _count(app, Dream, event_id) == 1  # the original keeps its own
    # a bad title: a clear message, nothing made
    refused = client.post(f"/events/{event_id}/next", data={"csrf_token": csrf_token(client, f"/events/{event_id}"),
                                                            "title": ""})
    assert refused.status_code == 422 and "Geef de bijeenkomst een titel" in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Event.id))) == 2


def test_the_series_page_shows_each_evenings_own_report_figures(app, client, runner, make):
    _organiser(runner, client)
    first = _new_event(client, "Inspiratieavond 2025", "2025-11-25")
    second = _new_event(client, "Inspiratieavond 2026", "2026-11-24")
    _evening(app, make, first, guests=5, dreams=["Een buurthuis voor iedereen.", "Samen koken in de wijk."], rating=3)
    _evening(app, make, second, guests=7, dreams=["Elke school een moestuin."], rating=5)
    page = f"/events/{first}"
    assert client.post(f"{page}/series", data={"csrf_token": csrf_token(client, page),
                                               "new_series": "Inspiratieavonden Cuijk"}).status_code == 302
    with app.app_context():
        series_id = db.session.scalar(db.select(Series.id))
    page = f"/events/{second}"
    assert client.post(f"{page}/series", data={"csrf_token": csrf_token(client, page),
                                               "series_id": series_id}).status_code == 302
    # someone else's series, or one that is gone: refused, nothing changes
    gone = client.post(f"{page}/series", data={"csrf_token": csrf_token(client, page), "series_id": "999"})
    assert gone.status_code == 409
    # a forged number ("²" is a digit to Python, a number beyond the database): the same clear refusal, no 500
    for forged in ("²", "9" * 30, "-1", "1e3"):
        answer = client.post(f"{page}/series", data={"csrf_token": csrf_token(client, page), "series_id": forged})
        assert answer.status_code == 409, forged
    html = client.get(f"/series/{series_id}").get_data(as_text=True)
    assert "Inspiratieavonden Cuijk" in html
    laptop = app.test_client()
    for event_id in (first, second):
        make.facilitate(laptop, event_id)
        report = json.loads(laptop.get(f"/console/{event_id}/report/report.json").get_data(as_text=True))
        row = html.split(f'data-event="{event_id}"', 1)[1].split("</tr>", 1)[0]
        figures = dict(re.findall(r'data-figure="(\w+)">([^<]*)<', row))
        assert int(figures["people"]) == report["counts"]["people"]
        assert int(figures["dreams"]) == report["counts"]["dreams"]
        assert int(figures["deeds"]) == report["counts"]["deeds"]
        assert int(figures["matches"]) == report["counts"]["matches"]
        assert figures["rating"].startswith(str(report["evaluation"]["average"]))
    assert html.index(f'data-event="{first}"') < html.index(f'data-event="{second}"')  # oldest first
    # another organiser cannot open it
    other = app.test_client()
    _organiser(runner, other, email="bram@example.org")
    assert other.get(f"/series/{series_id}").status_code == 403


@pytest.fixture
def matched_evening(app, make):
    """Six guests, three matches made at the market (both said yes)."""
    event_id, code = make.event("Beursvloer", starts_on=date(2026, 12, 5))
    phones = []
    for n in range(6):
        phone = app.test_client()
        make.join(phone, code, name=f"Gast{n}")
        phones.append(phone)
    with app.app_context():
        people = db.session.scalars(db.select(Participant).filter_by(event_id=event_id).order_by(Participant.id)).all()
        for n in range(3):
            helper, asker = people[2 * n], people[2 * n + 1]
            offer = MarketPost(event_id=event_id, participant_id=helper.id, kind="offer", rubric="kennis",
                               text=f"Ik geef taalles {n}")
            need = MarketPost(event_id=event_id, participant_id=asker.id, kind="need", rubric="kennis",
                              text=f"Ik zoek taalles {n}")
            db.session.add_all([offer, need])
            db.session.flush()
            db.session.add(Connection(event_id=event_id, offer_id=offer.id, need_id=need.id, helper_id=helper.id,
                                      asker_id=asker.id, helper_yes_at=utcnow(), asker_yes_at=utcnow(),
                                      agreement=f"Dinsdag taalles {n}", sealed_at=utcnow()))
        db.session.commit()
        links = [f"/checkin/{new_link(person, LinkPurpose.checkin, 'nl', datetime(2099, 1, 1))}" for person in people]
        db.session.commit()
        connections = db.session.scalars(db.select(Connection.id).order_by(Connection.id)).all()
    return event_id, links, connections


def test_matches_carried_out_reach_the_report(app, make, matched_evening):
    event_id, links, connections = matched_evening
    # the helpers of matches 1 and 2 say they did it, the asker of match 2 too; match 3's asker says no
    answers = [(0, connections[0], "yes"), (2, connections[1], "yes"), (3, connections[1], "yes"),
               (5, connections[2], "no")]
    for person, connection_id, answer in answers:
        browser = app.test_client()
        page = browser.get(links[person]).get_data(as_text=True)
        assert f'name="match-{connection_id}"' in page
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        saved = browser.post(links[person], data={"csrf_token": token, f"match-{connection_id}": answer})
        assert saved.status_code == 200
    # nobody answers for someone else's match
    browser = app.test_client()
    wrong = browser.post(links[0], data={"csrf_token": csrf_token(browser, links[0]), f"match-{connections[2]}": "yes"})
    assert wrong.status_code == 422
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    report = json.loads(laptop.get(f"/console/{event_id}/report/report.json").get_data(as_text=True))
    matches = report["follow_up"]["matches"]
    assert (matches["total"], matches["answered"], matches["carried_out"], matches["share"]) == (3, 3, 2, 67)
    assert "2 uitgevoerd (67 %; op een beursvloer ongeveer 80 %)" in laptop.get(
        f"/console/{event_id}/report/report.md").get_data(as_text=True)
