"""Questions to the room (issue #18): quick polls counted right (changes, double taps, closing while
answering), hidden results revealed by the facilitator, stances before and after at a table with the shift,
and questions for the speaker voted up. Through the real forms, in both languages."""
import json
import re

import pytest

from facilitation.events.models import Event
from facilitation.extensions import db
from facilitation.polls import operations as ops
from facilitation.polls.models import Poll, PollAnswer, QuestionVote, SpeakerQuestion, Stance
from facilitation.polls.queries import results
from facilitation.programme.operations import add_speaker
from facilitation.tables.models import Table
from tests.conftest import csrf_token, on_the_big_screen

HX = {"HX-Request": "true"}
WORDS = {
    "nl": {"closed": "Deze vraag is gesloten", "choose": "Kies een van de antwoorden", "one": "Kies één antwoord",
           "number": "Kies een getal van 1 tot 5", "hidden": "De antwoorden blijven verborgen",
           "own_table": "alleen zeggen waar je staat bij het dilemma van je eigen tafel", "twice": "Je stemde al",
           "long": "hoogstens 200 tekens", "q_closed": "Vragen zijn nu gesloten", "answer": "Geef je antwoord"},
    "en": {"closed": "This question is closed", "choose": "Choose one of the answers", "one": "Choose one answer only",
           "number": "Choose a number from 1 to 5", "hidden": "The answers stay hidden",
           "own_table": "only say where you stand on the dilemma of your own table", "twice": "You already voted",
           "long": "at most 200 characters", "q_closed": "Questions are closed right now",
           "answer": "Answer the question"},
}


class Phone:
    def __init__(self, app, make, code, name, lang):
        self.client, self.code = app.test_client(), code
        make.join(self.client, code, name=name)
        self.client.get(f"/language/{lang}")

    def post(self, path, page, **data):
        return self.client.post(path, data={"csrf_token": csrf_token(self.client, page), **data})

    def answer(self, poll_id, htmx=True, **data):
        page = f"/e/{self.code}/poll"
        return self.client.post(f"/e/{self.code}/polls/{poll_id}/answer", headers=HX if htmx else {},
                                data={"csrf_token": csrf_token(self.client, page), **data})


@pytest.fixture
def room(app, make, lang):
    """An evening with two tables with two sides to their dilemma, a facilitator laptop and three phones."""
    event_id, code = make.event(language=lang, tables=2)
    with app.app_context():
        tables = db.session.scalars(db.select(Table).filter_by(event_id=event_id).order_by(Table.position)).all()
        for table in tables:
            table.dilemma = "Is werken met vrijwilligers een visie, of gaat het om geld?"
            table.pole_left, table.pole_right = "een visie", "het geld"
        table_ids = [table.id for table in tables]
        db.session.commit()
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    phones = {name: Phone(app, make, code, name, lang) for name in ("Ann", "Bo", "Cas")}
    return {"id": event_id, "code": code, "tables": table_ids, "laptop": laptop, "phones": phones,
            "w": WORDS[lang], "projector": make.links(event_id)["projector_url"]}


def console_post(room, path, **data):
    console = f"/console/{room['id']}/"
    return room["laptop"].post(f"/console/{room['id']}/room/{path}", headers=HX,
                               data={"csrf_token": csrf_token(room["laptop"], console), **data})


def _poll(app, room):
    with app.app_context():
        return db.session.scalar(db.select(Poll).filter_by(event_id=room["id"]).order_by(Poll.id.desc()))


def test_a_guest_has_exactly_one_answer_and_the_last_change_counts(app, room):
    console_post(room, "polls", kind="choice", question="Wie werkt er met vrijwilligers?", options="Ja\nNee\nSoms",
                 now="yes")
    poll = _poll(app, room)
    ann, bo, cas = room["phones"].values()
    assert room["w"]["answer"] in ann.client.get(f"/e/{room['code']}").get_data(as_text=True)
    assert ann.answer(poll.id, choice="0").status_code == 200
    assert ann.answer(poll.id, choice="0").status_code == 200  # a double tap
    assert ann.answer(poll.id, choice="2").status_code == 200  # a change
    assert bo.answer(poll.id, choice="0").status_code == 200
    with app.app_context():
        poll = db.session.get(Poll, poll.id)
        assert db.session.scalar(db.select(db.func.count(PollAnswer.id)).filter_by(poll_id=poll.id)) == 2
        assert [row["count"] for row in results(poll)["rows"]] == [1, 0, 1]
    # outside the options, two answers to a one-answer question: refused, the earlier answer stays
    wrong = ann.answer(poll.id, choice="7")
    assert wrong.status_code == 422 and room["w"]["choose"] in wrong.get_data(as_text=True)
    two = ann.answer(poll.id, choice=["0", "1"])
    assert two.status_code == 422 and room["w"]["one"] in two.get_data(as_text=True)
    # closing while a phone still answers: the late answer is refused, nothing lost
    console_post(room, f"polls/{poll.id}/close")
    late = cas.answer(poll.id, choice="1")
    assert late.status_code == 409 and room["w"]["closed"] in late.get_data(as_text=True)
    with app.app_context():
        assert [row["count"] for row in results(db.session.get(Poll, poll.id))["rows"]] == [1, 0, 1]


def test_counting_is_right_for_scales_words_and_several_choices(app, room, make):
    with app.app_context():
        event = db.session.get(Event, room["id"])
        scale = ops.prepare_poll(event, "scale", "Hoe tevreden?", scale_max=5, low_label="niet", high_label="zeer")
        many = ops.prepare_poll(event, "choices", "Wat heb je nodig?", options="Tijd\nGeld\nMensen")
        words = ops.prepare_poll(event, "words", "Eén woord voor vanavond?")
        db.session.commit()
        ids = scale.id, many.id, words.id
    ann, bo, cas = room["phones"].values()
    console_post(room, f"polls/{ids[0]}/ask")
    for phone, value in ((ann, "4"), (bo, "5"), (cas, "4"), (cas, "2")):
        assert phone.answer(ids[0], value=value).status_code == 200
    assert ann.answer(ids[0], value="6").status_code == 422
    assert room["w"]["number"] in ann.answer(ids[0], value="0").get_data(as_text=True)
    console_post(room, f"polls/{ids[1]}/ask")  # asking the next one closes the first
    assert ann.answer(ids[0], value="1").status_code == 409
    for phone, choices in ((ann, ["0", "2"]), (bo, ["2"]), (cas, ["1", "2"])):
        assert phone.answer(ids[1], choice=choices).status_code == 200
    console_post(room, f"polls/{ids[2]}/ask")
    for phone, text in ((ann, "Hoop"), (bo, "hoop"), (cas, "Bel 06 12 34 56 78")):
        assert phone.answer(ids[2], words=text).status_code == 200
    assert ann.answer(ids[2], words="x" * 41).status_code == 422
    with app.app_context():
        found = [results(db.session.get(Poll, poll_id)) for poll_id in ids]
    assert [row["count"] for row in found[0]["rows"]] == [0, 1, 0, 1, 1] and found[0]["mean"] == 3.7
    assert [row["count"] for row in found[1]["rows"]] == [1, 1, 3] and found[1]["answered"] == 3
    # the words with a phone number wait for the facilitator: not in the cloud
    assert found[2]["rows"] == [{"label": "hoop", "count": 2, "translation": None, "share": 67, "bar": 100}]


def test_hidden_results_show_only_when_the_facilitator_reveals_them(app, room):
    console_post(room, "polls", kind="choice", question="Samen of alleen?", options="Samen\nAlleen", hidden="yes",
                 now="yes")
    poll = _poll(app, room)
    for name, choice in (("Ann", "0"), ("Bo", "0"), ("Cas", "1")):
        room["phones"][name].answer(poll.id, choice=choice)
    screen = on_the_big_screen(room["laptop"], room["projector"])
    assert room["w"]["hidden"] in screen and 'data-poll-answered="3"' in screen
    assert 'data-poll-count="0"' not in screen
    console_post(room, f"polls/{poll.id}/reveal")
    screen = on_the_big_screen(room["laptop"], room["projector"])
    assert re.search(r'data-poll-count="0">2 \(67%\)', screen) and re.search(r'data-poll-count="1">1 \(33%\)', screen)
    # phones see the results once the question is closed
    assert 'data-poll-count' not in room["phones"]["Ann"].client.get(f"/e/{room['code']}/poll").get_data(as_text=True)
    console_post(room, f"polls/{poll.id}/close")
    assert 'data-poll-count="0">2' in room["phones"]["Ann"].client.get(f"/e/{room['code']}/poll").get_data(as_text=True)


def test_a_closed_hidden_poll_still_shows_what_was_asked_on_the_phones(app, room):
    """Issue #26 item 5: a poll closed with its results hidden showed the phones no options at all."""
    console_post(room, "polls", kind="choice", question="Samen of alleen?", options="Samen\nAlleen", hidden="yes",
                 now="yes")
    poll = _poll(app, room)
    room["phones"]["Cas"].answer(poll.id, choice="1")
    console_post(room, f"polls/{poll.id}/close")
    page = room["phones"]["Cas"].client.get(f"/e/{room['code']}/poll").get_data(as_text=True)
    assert "<li>Samen</li>" in re.sub(r"\s+", " ", page).replace("<li> ", "<li>").replace(" </li>", "</li>")
    assert re.search(r'<li class="is-mine">Alleen <span class="muted">', page)
    assert "data-poll-count" not in page  # the counts still wait for the facilitator


def _sit(room, name, table_index):
    phone = room["phones"][name]
    phone.post(f"/e/{room['code']}/tables/{room['tables'][table_index]}/join", f"/e/{room['code']}/tables")


def test_stances_before_and_after_at_a_table_show_the_shift(app, room, lang):
    for name in ("Ann", "Bo", "Cas"):
        _sit(room, name, 0)
    table = room["tables"][0]
    path = f"/e/{room['code']}/t/{table}/stance"
    page = f"/e/{room['code']}/t/{table}"
    ann = room["phones"]["Ann"]
    assert ann.post(path, page, value="2").status_code == 302  # not asked yet: refused with a message
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Stance.id))) == 0
    console_post(room, "stances/before")
    assert "een visie" in ann.client.get(page).get_data(as_text=True)
    # the now bar on every other page leads there (issue #26 item 5: the stance question was not in it)
    assert 'class="button primary now-stance"' in ann.client.get(f"/e/{room['code']}").get_data(as_text=True)
    for name, value in (("Ann", "2"), ("Bo", "1"), ("Cas", "3"), ("Cas", "2")):
        room["phones"][name].post(path, page, value=value)
    console_post(room, "stances/after")
    for name, value in (("Ann", "5"), ("Bo", "4"), ("Cas", "6")):
        room["phones"][name].post(path, page, value=value)
    assert ann.post(path, page, value="9").status_code == 302  # off the line: refused, the 5 stays
    with app.app_context():
        assert sorted((s.moment.value, s.value) for s in db.session.scalars(
            db.select(Stance).filter_by(participant_id=db.session.scalar(
                db.select(Stance.participant_id).filter_by(value=5))))) == [("after", 5), ("before", 2)]
    screen = on_the_big_screen(room["laptop"], room["projector"])
    # before: 2, 1, 2 (mean 1.7); after: 5, 4, 6 (mean 5.0): the table moved +3.3 towards "het geld"
    # both tables share one dilemma: their stances are pooled into one item (the second table has none)
    assert f'data-stance-tables="{table} {room["tables"][1]}" data-shift="3.3"' in screen
    assert screen.count('class="stance-table"') == 1
    # numbers as the room reads them (issue #26 item 4): "+3,3" and "1,7" on a Dutch screen
    shown = {"nl": ("+3,3", "1,7"), "en": ("+3.3", "1.7")}[lang]
    wrong = {"nl": ("+3.3", "1.7"), "en": ("+3,3", "1,7")}[lang]
    text = re.sub(r"<[^>]+>", " ", screen)
    assert all(number in text for number in shown) and not any(number in text for number in wrong), text


def test_each_dilemma_keeps_its_own_shift_and_the_room_gets_no_mean_of_different_dilemmas(app, room, lang):
    """Issue #26: the room's shift averaged different dilemmas into one number. Two tables with two dilemmas
    that moved opposite ways: each shows its own shift, and no mean over both appears anywhere."""
    with app.app_context():
        other = db.session.get(Table, room["tables"][1])
        other.dilemma, other.pole_left, other.pole_right = "Samen of alleen beginnen?", "samen", "alleen"
        db.session.commit()
    for name, index in (("Ann", 0), ("Bo", 0), ("Cas", 0)):
        _sit(room, name, index)
    first, second = room["tables"]
    for moment, values in (("before", ("2", "2", "2")), ("after", ("6", "6", "6"))):
        console_post(room, f"stances/{moment}")
        for name, value in zip(("Ann", "Bo", "Cas"), values):
            room["phones"][name].post(f"/e/{room['code']}/t/{first}/stance", f"/e/{room['code']}/t/{first}",
                                      value=value)
    console_post(room, "stances/stop")
    for name in ("Ann", "Bo", "Cas"):
        _sit(room, name, 1)
    for moment, values in (("before", ("6", "6", "6")), ("after", ("3", "3", "3"))):
        console_post(room, f"stances/{moment}")
        for name, value in zip(("Ann", "Bo", "Cas"), values):
            room["phones"][name].post(f"/e/{room['code']}/t/{second}/stance", f"/e/{room['code']}/t/{second}",
                                      value=value)
    screen = on_the_big_screen(room["laptop"], room["projector"])
    assert f'data-stance-tables="{first}" data-shift="4.0"' in screen
    assert f'data-stance-tables="{second}" data-shift="-3.0"' in screen
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", screen))
    assert "Samen of alleen beginnen?" in text and {"nl": "+4,0", "en": "+4.0"}[lang] in text
    # (4.0 - 3.0) / 2 = 0.5: the mean of both shifts; (2+6)/2 → (6+3)/2: 4.0 → 4.5 is +0.5 as well
    assert not re.search(r"[+]0[.,]5", text)
    panel = room["laptop"].get(f"/console/{room['id']}/panels/room").get_data(as_text=True)
    assert not re.search(r"[+]0[.,]5", panel)
    report = room["laptop"].get(f"/console/{room['id']}/report/report.md").get_data(as_text=True)
    assert "Samen of alleen beginnen?" in report and not re.search(r"[+]0[.,]5", report)
    assert {"nl": "verschuiving +4,0", "en": "shift +4.0"}[lang] in report
    assert {"nl": "verschuiving −3,0", "en": "shift −3.0"}[lang] in report or \
        {"nl": "verschuiving -3,0", "en": "shift -3.0"}[lang] in report


def test_a_stance_for_another_table_is_refused(app, room):
    _sit(room, "Ann", 0)
    console_post(room, "stances/before")
    other = room["tables"][1]
    response = room["phones"]["Ann"].post(f"/e/{room['code']}/t/{other}/stance", f"/e/{room['code']}/t/{room['tables'][0]}",
                                          value="3")
    assert response.status_code == 302
    follow = room["phones"]["Ann"].client.get(response.headers["Location"])
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Stance.id))) == 0
    assert follow.status_code == 200 and room["w"]["own_table"] in follow.get_data(as_text=True)


def test_questions_voted_up_reach_the_top_of_the_console(app, room):
    ann, bo, cas = room["phones"].values()
    ask = f"/e/{room['code']}/ask"
    closed = ann.post(ask, ask, text="Hoe begin je?")
    assert closed.status_code == 409 and room["w"]["q_closed"] in closed.get_data(as_text=True)
    with app.app_context():
        event = db.session.get(Event, room["id"])
        event.current_speaker = add_speaker(event, "Monique", "Een wijk waar iedereen meedoet.")
        db.session.commit()
    console_post(room, "questions/open")
    assert ann.post(ask, ask, text="Hoe begin je met vrijwilligers?").status_code == 302
    assert bo.post(ask, ask, text="Wat kost het?").status_code == 302
    too_long = cas.post(ask, ask, text="x" * 201)
    assert too_long.status_code == 422 and room["w"]["long"] in too_long.get_data(as_text=True)
    with app.app_context():
        first, second = db.session.scalars(db.select(SpeakerQuestion.id).order_by(SpeakerQuestion.id)).all()
    for phone in (ann, cas):
        assert phone.post(f"/e/{room['code']}/questions/{second}/vote", ask).status_code == 302
    twice = cas.post(f"/e/{room['code']}/questions/{second}/vote", ask)
    assert twice.status_code == 409 and room["w"]["twice"] in twice.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(QuestionVote.id))) == 2
    panel = room["laptop"].get(f"/console/{room['id']}/panels/room").get_data(as_text=True)
    assert panel.index("Wat kost het?") < panel.index("Hoe begin je met vrijwilligers?")
    console_post(room, f"questions/{second}/screen")
    screen = on_the_big_screen(room["laptop"], room["projector"])
    assert "Wat kost het?" in screen and "Monique" in screen
    console_post(room, f"questions/{second}/answered")
    panel = room["laptop"].get(f"/console/{room['id']}/panels/room").get_data(as_text=True)
    assert "Wat kost het?" not in panel.split("console-questions")[1]


def test_everything_reaches_the_report(app, room, make):
    console_post(room, "polls", kind="choice", question="Samen of alleen?", options="Samen\nAlleen", now="yes")
    poll = _poll(app, room)
    for name in ("Ann", "Bo", "Cas"):
        room["phones"][name].answer(poll.id, choice="0")
        _sit(room, name, 0)
    console_post(room, "stances/before")
    table = room["tables"][0]
    for name, value in (("Ann", "2"), ("Bo", "2"), ("Cas", "2")):
        room["phones"][name].post(f"/e/{room['code']}/t/{table}/stance", f"/e/{room['code']}/t/{table}", value=value)
    report = json.loads(room["laptop"].get(f"/console/{room['id']}/report/report.json").get_data(as_text=True))
    assert report["room"]["polls"] == [{"question": "Samen of alleen?", "kind": "choice", "answered": 3, "mean": None,
                                        "low_label": "", "high_label": "",
                                        "results": [{"label": "Samen", "count": 3}, {"label": "Alleen", "count": 0}]}]
    assert report["room"]["stances"]["tables"][0]["before"]["places"] == [0, 3, 0, 0, 0, 0, 0]
    markdown = room["laptop"].get(f"/console/{room['id']}/report/report.md").get_data(as_text=True)
    assert "Samen of alleen? (3 antwoorden): Samen: 3 · Alleen: 0" in markdown or "(3 answers): Samen: 3 · Alleen: 0" in markdown


def test_the_plenary_dilemma_before_and_after_for_every_guest(app, room):
    half = console_post(room, "plenary", dilemma="Vrijwilligers: visie of geld?", left="visie", right="")
    assert half.status_code == 422
    console_post(room, "plenary", dilemma="Vrijwilligers: visie of geld?", left="een visie", right="het geld")
    console_post(room, "stances/before")
    page = f"/e/{room['code']}/poll"
    ann = room["phones"]["Ann"]
    assert "Vrijwilligers: visie of geld?" in ann.client.get(page).get_data(as_text=True)  # no table needed
    assert room["w"]["answer"] in ann.client.get(f"/e/{room['code']}").get_data(as_text=True)
    for name, value in (("Ann", "6"), ("Bo", "7"), ("Cas", "5")):
        assert room["phones"][name].post(f"/e/{room['code']}/stance", page, value=value).status_code == 302
    console_post(room, "stances/after")
    for name, value in (("Ann", "3"), ("Bo", "4"), ("Cas", "2")):
        room["phones"][name].post(f"/e/{room['code']}/stance", page, value=value)
    screen = on_the_big_screen(room["laptop"], room["projector"])
    assert 'data-stance-plenary data-shift="-3.0"' in screen  # from 6.0 to 3.0: towards "een visie"
    report = json.loads(room["laptop"].get(f"/console/{room['id']}/report/report.json").get_data(as_text=True))
    plenary = report["room"]["stances"]["plenary"]
    assert (plenary["before"]["mean"], plenary["after"]["mean"], plenary["shift"]) == (6.0, 3.0, -3.0)
    assert report["room"]["stances"]["room"]["before"]["count"] == 0  # the tables' own stances stay apart


def test_a_table_page_shows_its_own_stances(app, room):
    for name in ("Ann", "Bo", "Cas"):
        _sit(room, name, 0)
    table = room["tables"][0]
    page = f"/e/{room['code']}/t/{table}"
    console_post(room, "stances/before")
    for name, value in (("Ann", "1"), ("Bo", "2"), ("Cas", "3")):
        room["phones"][name].post(f"{page}/stance", page, value=value)
    console_post(room, "stances/after")
    for name, value in (("Ann", "3"), ("Bo", "4"), ("Cas", "5")):
        room["phones"][name].post(f"{page}/stance", page, value=value)
    console_post(room, "stances/stop")
    own = room["phones"]["Ann"].client.get(page).get_data(as_text=True)
    assert 'data-own-shift="2.0"' in own


def test_a_part_of_the_kind_quick_poll_asks_the_first_prepared_question(app, room, make):
    from facilitation.programme.models import Phase
    from facilitation.programme.operations import add_phase, step

    with app.app_context():
        event = db.session.get(Event, room["id"])
        ops.prepare_poll(event, "scale", "Hoe voel je je nu?")
        db.session.execute(db.delete(Phase).where(Phase.event_id == event.id))
        add_phase(event, "poll", "Even peilen")
        step(event, +1)
        db.session.commit()
        assert event.current_poll is not None and event.current_poll.state.value == "open"
        assert event.projector_view == "poll"
    screen = on_the_big_screen(room["laptop"], room["projector"])
    assert "Hoe voel je je nu?" in screen


def test_held_words_and_questions_wait_in_the_console_and_can_be_approved(app, room):
    """Words with a phone number and a question with an e-mail address wait for the facilitator: the console
    lists them (it must keep working), approving puts the words in the cloud and the question in the list."""
    console_post(room, "polls", kind="words", question="Eén woord?", now="yes")
    poll = _poll(app, room)
    room["phones"]["Ann"].answer(poll.id, words="bel 06-12345678")
    console_post(room, "questions/open")
    ask = f"/e/{room['code']}/ask"
    room["phones"]["Bo"].post(ask, ask, text="Mail me op bo@example.org?")
    page = room["laptop"].get(f"/console/{room['id']}/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "bel 06-12345678" in html and "bo@example.org" in html
    with app.app_context():
        answer_id = db.session.scalar(db.select(PollAnswer.id))
        question_id = db.session.scalar(db.select(SpeakerQuestion.id))
        assert results(db.session.get(Poll, poll.id))["rows"] == []
    assert console_post_path(room, f"polls/{answer_id}/approve").status_code == 200
    assert console_post_path(room, f"questions/{question_id}/hide").status_code == 200
    with app.app_context():
        assert results(db.session.get(Poll, poll.id))["rows"][0]["label"] == "bel 06-12345678"
        assert db.session.get(SpeakerQuestion, question_id).review.value == "hidden"
    assert room["laptop"].get(f"/console/{room['id']}/").status_code == 200


def test_every_kind_of_post_can_be_reviewed_from_the_console():
    from facilitation.enums import PostKind
    from facilitation.moderation.console import URL_OF_KIND
    from facilitation.moderation.posts import KINDS

    assert set(KINDS) == set(PostKind) == set(URL_OF_KIND)


def console_post_path(room, path):
    console = f"/console/{room['id']}/"
    return room["laptop"].post(f"/console/{room['id']}/{path}", headers=HX,
                               data={"csrf_token": csrf_token(room["laptop"], console)})


def test_a_stance_needs_a_dilemma_with_two_sides(app, room):
    _sit(room, "Ann", 0)
    with app.app_context():
        db.session.get(Table, room["tables"][0]).pole_right = ""
        db.session.commit()
    console_post(room, "stances/before")
    page = f"/e/{room['code']}/t/{room['tables'][0]}"
    assert room["phones"]["Ann"].post(f"{page}/stance", page, value="3").status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Stance.id))) == 0


def test_hidden_counts_never_reach_the_big_screens_socket(app, room, socket_client):
    """Issue 25 item 7: while a poll is hidden the projector's socket hears how many answered, nothing more."""
    console_post(room, "polls", kind="choice", question="Samen of alleen?", options="Samen\nAlleen", hidden="yes",
                 now="yes")
    poll = _poll(app, room)
    screen = app.test_client()
    screen.get(room["projector"].replace("http://venue.test:5000", ""))
    projector = socket_client(screen, room["id"], "projector")
    projector.get_received()
    for name, choice in (("Ann", "0"), ("Bo", "0"), ("Cas", "1")):
        room["phones"][name].answer(poll.id, choice=choice)
    counts = [item for m in projector.get_received() if m["name"] == "poll:counts" for item in m["args"][0]["items"]]
    assert counts and counts[-1]["answered"] == 3
    assert all(item.get("rows") in (None, []) and item.get("mean") is None for item in counts), counts
    console_post(room, f"polls/{poll.id}/reveal")
    projector.get_received()
    room["phones"]["Cas"].answer(poll.id, choice="0")
    counts = [item for m in projector.get_received() if m["name"] == "poll:counts" for item in m["args"][0]["items"]]
    assert counts[-1]["rows"][0][0] == 3  # revealed: the counts travel again
