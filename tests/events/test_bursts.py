"""One person, many votes (issue #25 item 3): a script that drops its cookie and joins again moves no published
result, while a hall of real phones behind one address all join, post and vote, and nobody is refused."""
import json
from datetime import datetime, timedelta

import pytest

from facilitation.dreams.operations import post_dream, toggle_heart
from facilitation.events import bursts
from facilitation.events.models import BurstDecision, Event, JoinBurst
from facilitation.events.operations import join_event
from facilitation.events.queries import count_participants, waiting_bursts
from facilitation.extensions import db
from facilitation.polls import operations as polls
from facilitation.polls.queries import results
from facilitation.programme.operations import add_speaker
from facilitation.util import utcnow
from tests.conftest import csrf_token

SCRIPT = "10.9.9.9"
VENUE = "192.0.2.10"
NOON = datetime(2026, 12, 5, 19, 0)


@pytest.fixture
def guarded(app):
    app.config["FLOOD_CONTROL"] = True  # every limit of the real server on
    return app


def _room(app, make, expected):
    """An evening with a dream on the wall, a poll asked and a question to the speaker open for votes."""
    event_id, code = make.event("Dromen en daden", expected_guests=expected)
    with app.app_context():
        event = db.session.get(Event, event_id)
        author, _ = join_event(event, "Auteur")
        dream, _ = post_dream(event, author, "Een buurt waar iedereen meedoet")
        poll = polls.prepare_poll(event, "choice", "Wat doen we eerst?", "Ontmoeten\nVerbinden\nDoen")
        polls.ask(event, poll)
        event.current_speaker_id = add_speaker(event, "Jeroen").id
        polls.open_questions(event, True)
        question = polls.ask_speaker(event, author, "Hoe begin ik in mijn straat?")
        db.session.commit()
        return {"event_id": event_id, "code": code, "dream": dream.id, "poll": poll.id, "question": question.id}


def _phone(app, room, address):
    phone = app.test_client()
    phone.environ_base["REMOTE_ADDR"] = address
    token = csrf_token(phone, f"/j/{room['code']}")
    joined = phone.post(f"/j/{room['code']}", data={"csrf_token": token, "name": "", "role_tag": ""})
    assert joined.status_code == 302, joined.get_data(as_text=True)[:300]
    return phone, token


def _vote_everywhere(phone, token, room, choice="2"):
    code = room["code"]
    return [phone.post(f"/e/{code}/questions/{room['question']}/vote", data={"csrf_token": token}).status_code,
            phone.post(f"/e/{code}/dreams/{room['dream']}/heart", data={"csrf_token": token}).status_code,
            phone.post(f"/e/{code}/polls/{room['poll']}/answer",
                       data={"csrf_token": token, "choice": choice}).status_code]


def _published(app, make, room) -> dict:
    """What the organiser publishes: the report's guest count, hearts, poll counts and question votes."""
    laptop = app.test_client()
    make.facilitate(laptop, room["event_id"])
    report = json.loads(laptop.get(f"/console/{room['event_id']}/report/report.json").get_data(as_text=True))
    [poll] = report["room"]["polls"]
    [question] = report["room"]["questions"]
    return {"guests": report["attendance"]["total"], "hearts": report["dreams"]["hearts"],
            "answered": poll["answered"], **{f"poll {row['label']}": row["count"] for row in poll["results"]},
            "question votes": question["votes"]}


@pytest.mark.long
def test_a_script_joining_505_times_moves_no_published_result_and_blocks_no_one(guarded, make):
    room = _room(guarded, make, expected=85)
    for n in range(20):  # the room voted first, from the venue's Wi-Fi and from mobile data
        phone, token = _phone(guarded, room, VENUE if n % 2 else f"10.1.0.{n}")
        assert _vote_everywhere(phone, token, room, choice=str(n % 3)) == [302, 302, 302]
    before = _published(guarded, make, room)
    assert before["question votes"] == before["hearts"] == before["answered"] == 20

    stranded = []
    for n in range(505):  # a script: drop the cookie, join, vote for the same question, heart, answer
        script, token = _phone(guarded, room, SCRIPT)
        assert _vote_everywhere(script, token, room) == [302, 302, 302]
        if n == 300:  # a real guest whose phone shares the script's address is never refused
            guest, guest_token = _phone(guarded, room, SCRIPT)
            stranded += [code for code in _vote_everywhere(guest, guest_token, room, choice="0") if code != 302]
            dream = guest.post(f"/e/{room['code']}/dreams", data={"csrf_token": guest_token,
                                                                   "text": "Een bankje voor iedereen"})
            stranded += [dream.status_code] if dream.status_code != 302 else []
    assert stranded == []
    after = _published(guarded, make, room)
    assert {name: abs(after[name] - before[name]) for name in before} == {name: 0 for name in before}, after

    # the facilitator sees why, and may count them (a hall behind one address) or leave them out
    laptop = guarded.test_client()
    make.facilitate(laptop, room["event_id"])
    panel = laptop.get(f"/console/{room['event_id']}/panels/moderation").get_data(as_text=True)
    with guarded.app_context():
        event = db.session.get(Event, room["event_id"])
        [(burst, size)] = waiting_bursts(event)
    assert size == 506 and "506 nieuwe gasten kwamen binnen een minuut van één adres" in panel
    token = csrf_token(laptop, f"/console/{room['event_id']}/")
    left_out = laptop.post(f"/console/{room['event_id']}/bursts/{burst.id}/ignore", data={"csrf_token": token})
    assert left_out.status_code == 302
    assert _published(guarded, make, room) == before
    counted = laptop.post(f"/console/{room['event_id']}/bursts/{burst.id}/accept", data={"csrf_token": token})
    assert counted.status_code == 302
    now = _published(guarded, make, room)
    assert now["question votes"] == now["hearts"] == now["answered"] == 20 + 506
    assert now["guests"] == before["guests"] + 506


@pytest.mark.long
def test_two_thousand_phones_behind_one_address_over_five_minutes_all_join_post_and_vote(app, make):
    """The other side: a conference of 2,000 expected guests, every phone on the venue's one address, joining
    over five minutes (a clock the test moves on, through the same operations the routes call)."""
    room = _room(app, make, expected=2000)
    with app.app_context():
        event = db.session.get(Event, room["event_id"])
        poll, question = polls.poll_in(event, room["poll"]), polls.question_in(event, room["question"])
        for n in range(2000):
            guest, _ = join_event(event, address=VENUE, now=NOON + timedelta(seconds=n * 0.15))
            post_dream(event, guest, f"Droom nummer {n}")
            polls.answer(poll, guest, [str(n % 3)])
            polls.vote(question, guest)
            if n % 50 == 0:
                db.session.commit()
        db.session.commit()
        assert db.session.scalar(db.select(db.func.count(JoinBurst.id))) == 0
        assert count_participants(event) == 2001  # and the question's author
        assert results(poll)["answered"] == 2000
        assert question.vote_count == 2000


def test_a_burst_takes_in_the_minute_before_it_and_ends_when_the_stream_slows(app, make):
    event_id, _ = make.event(expected_guests=20)  # a line at 40 (the floor) joins a minute
    with app.app_context():
        event = db.session.get(Event, event_id)
        assert bursts.threshold(event) == 40
        earlier, _ = join_event(event, address=SCRIPT, now=NOON - timedelta(minutes=5))
        dream, _ = post_dream(event, earlier, "Een tuin")
        stream = []
        for n in range(41):  # 41 in 41 seconds: the 41st crosses the line
            guest, _ = join_event(event, address=SCRIPT, now=NOON + timedelta(seconds=n))
            if n < 40:
                toggle_heart(dream, guest)
            stream.append(guest)
        db.session.commit()
        assert dream.heart_count == 0  # the 40 hearts given before the line was crossed wait too
        assert earlier.counted and all(not guest.counted for guest in stream)
        assert count_participants(event) == 1
        # others elsewhere are untouched, and the stream slowing ends the burst
        elsewhere, _ = join_event(event, address=VENUE, now=NOON + timedelta(seconds=42))
        later, _ = join_event(event, address=SCRIPT, now=NOON + timedelta(minutes=3))
        assert elsewhere.counted and later.counted
        [(burst, size)] = waiting_bursts(event)
        assert size == 41
        bursts.decide(burst, accept=True)
        db.session.commit()
        assert dream.heart_count == 40 and count_participants(event) == 44
        # after an accepted burst a new stream is judged anew
        for n in range(41):
            join_event(event, address=SCRIPT, now=NOON + timedelta(minutes=10, seconds=n))
        db.session.commit()
        assert [size for _, size in waiting_bursts(event)] == [41]
        assert db.session.get(JoinBurst, burst.id).decision is BurstDecision.accepted


def test_no_address_is_stored_not_even_a_digest(app, make, tmp_path):
    """The join page promises it: joins per address are counted in memory, the database holds none."""
    event_id, code = make.event(expected_guests=10)
    for n in range(45):  # a burst, so that everything the rule keeps is kept
        phone = app.test_client()
        phone.environ_base["REMOTE_ADDR"] = "203.0.113.77"
        make.join(phone, code)
    with app.app_context():
        assert [size for _, size in waiting_bursts(db.session.get(Event, event_id))] == [45]
        digest = bursts.address_key("203.0.113.77")
        db.session.remove()
        db.engine.dispose()
    stored = b"".join(path.read_bytes() for path in tmp_path.glob("test.sqlite*"))
    assert stored and b"203.0.113.77" not in stored and digest.encode() not in stored


def test_the_console_says_it_in_english_too(app, make):
    event_id, _ = make.event(language="en", expected_guests=10)
    with app.app_context():
        event = db.session.get(Event, event_id)
        for n in range(41):
            join_event(event, address=SCRIPT, now=utcnow() + timedelta(seconds=n / 10))
        db.session.commit()
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    laptop.get("/language/en")
    panel = laptop.get(f"/console/{event_id}/panels/moderation").get_data(as_text=True)
    assert "41 new guests joined from one address within a minute" in panel
    assert "Count them" in panel and "Leave their votes out" in panel
