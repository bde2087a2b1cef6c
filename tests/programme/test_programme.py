"""The facilitator runs the evening: the phase machine, timer arithmetic on a frozen clock, announcements."""
from datetime import datetime, timedelta

import pytest

from facilitation.errors import Refused
from facilitation.organiser.setup import set_up_event
from facilitation.extensions import db
from facilitation.programme import operations as ops
from facilitation.programme import timer
from facilitation.programme.models import PhaseKind
from tests.conftest import csrf_token, on_the_big_screen

HX = {"HX-Request": "true"}
NOON = datetime(2026, 11, 16, 17, 0, 0)


def test_a_new_event_starts_from_the_default_programme(app, lang):
    with app.app_context():
        event = set_up_event("Dromen", language=lang)
        programme = ops.phases(event)
        assert [p.kind for p in programme] == [PhaseKind.welcome, PhaseKind.pitches, PhaseKind.dreams,
                                               PhaseKind.pause, PhaseKind.tables, PhaseKind.harvest,
                                               PhaseKind.closing]
        assert programme[0].title == {"nl": "Welkom", "en": "Welcome"}[lang]


def test_the_phase_machine_opens_what_belongs_and_refuses_wrong_moves(app):
    with app.app_context():
        event = set_up_event("Dromen")
        with pytest.raises(Refused):
            ops.step(event, -1)
        welcome = ops.step(event, 1)
        assert welcome.kind is PhaseKind.welcome and not event.dreams_open
        ops.step(event, 1)
        dreams = ops.step(event, 1)
        assert dreams.kind is PhaseKind.dreams and event.dreams_open and event.projector_view == "wall"
        ops.step(event, 1)
        tables = ops.step(event, 1)
        assert tables.kind is PhaseKind.tables and not event.dreams_open and event.projector_view == "tables"
        assert dreams.started_at and dreams.ended_at
        ops.step(event, 1)
        ops.step(event, 1)
        with pytest.raises(Refused) as last:
            ops.step(event, 1)
        assert last.value.status == 409
        # a second console that still shows the previous part cannot skip a part
        with pytest.raises(Refused):
            ops.step(event, -1, expected_phase_id=tables.id)
        ops.step(event, -1, expected_phase_id=event.current_phase_id)


def test_editing_the_programme(app):
    with app.app_context():
        event = set_up_event("Dromen")
        extra = ops.add_phase(event, "plenary", "Gesprek met de wethouder", 15)
        assert extra.position == 8
        ops.move_phase(extra, -1)
        assert [p.title for p in ops.phases(event)][6:] == ["Gesprek met de wethouder", "Afsluiting: van dromen naar daden"]
        for kind, title, minutes in (("nope", "x", 5), ("welcome", " ", 5), ("welcome", "x", 0)):
            with pytest.raises(Refused):
                ops.update_phase(extra, kind, title, minutes)
        current = ops.step(event, 1)
        with pytest.raises(Refused):
            ops.remove_phase(event, current)
        ops.remove_phase(event, extra)
        assert [p.position for p in ops.phases(event)] == list(range(1, 8))


def test_timer_arithmetic_on_a_frozen_clock(app):
    with app.app_context():
        event = set_up_event("Timer")
        assert timer.seconds_left(event, NOON) is None
        timer.start(event, 600, NOON)
        assert timer.seconds_left(event, NOON + timedelta(seconds=59.5)) == 541
        timer.adjust(event, 60, NOON + timedelta(seconds=60))
        assert timer.seconds_left(event, NOON + timedelta(seconds=60)) == 600
        timer.pause(event, NOON + timedelta(seconds=100))
        assert timer.seconds_left(event, NOON + timedelta(hours=1)) == 560  # paused: time stands still
        timer.adjust(event, -60, NOON)
        assert event.timer_paused_left == 500
        timer.resume(event, NOON + timedelta(seconds=200))
        assert timer.seconds_left(event, NOON + timedelta(seconds=300)) == 400
        timer.adjust(event, -3600, NOON + timedelta(seconds=300))
        assert timer.seconds_left(event, NOON + timedelta(seconds=300)) == 0  # never below zero
        state = timer.state(event, NOON + timedelta(seconds=300))
        assert state["ends_at"] == state["server_now"] and state["paused_left"] is None
        for bad in (0, -5, 5 * 3600):
            with pytest.raises(Refused):
                timer.start(event, bad, NOON)
        timer.stop(event)
        with pytest.raises(Refused):
            timer.pause(event, NOON)
        with pytest.raises(Refused):
            timer.resume(event, NOON)


def test_console_moves_the_programme_and_phones_follow(app, make, socket_client, lang):
    event_id, code = make.event(language=lang)
    laptop, other_laptop, phone = app.test_client(), app.test_client(), app.test_client()
    make.facilitate(laptop, event_id)
    make.facilitate(other_laptop, event_id)
    make.join(phone, code)
    phone_socket = socket_client(phone, event_id, "participant")
    projector_socket = socket_client(laptop, event_id, "facilitator")
    token = csrf_token(laptop, f"/console/{event_id}/")
    response = laptop.post(f"/console/{event_id}/phase/next", headers={**HX, "X-CSRFToken": token},
                           data={"expected_phase": "0"})
    assert response.status_code == 200
    names = [m["name"] for m in phone_socket.get_received()]
    assert "resync" in names and "timer" in names
    signals = [m["args"][0]["names"] for m in projector_socket.get_received() if m["name"] == "panels"]
    assert signals and "programme" in signals[0] and "projector" in signals[0]
    assert {"nl": "Welkom! Kijk naar het grote scherm.", "en": "Welcome! Look at the big screen."}[lang] in \
        phone.get(f"/e/{code}/live").get_data(as_text=True)
    # the second console still shows "not started": its move is refused politely
    other_token = csrf_token(other_laptop, f"/console/{event_id}/")
    stale = other_laptop.post(f"/console/{event_id}/phase/next", headers={**HX, "X-CSRFToken": other_token},
                              data={"expected_phase": "0"})
    assert stale.status_code == 409
    assert {"nl": "Een andere gespreksleider", "en": "Another facilitator"}[lang] in stale.get_data(as_text=True)


def test_timer_reaches_every_screen_with_the_server_clock(app, make, socket_client):
    event_id, code = make.event()
    laptop, phone = app.test_client(), app.test_client()
    make.facilitate(laptop, event_id)
    make.join(phone, code)
    listener = socket_client(phone, event_id, "participant")
    token = csrf_token(laptop, f"/console/{event_id}/")
    laptop.post(f"/console/{event_id}/phase/next", data={"csrf_token": token, "expected_phase": "0"})
    listener.get_received()
    laptop.post(f"/console/{event_id}/timer/start", data={"csrf_token": token})
    (state,) = [m["args"][0] for m in listener.get_received() if m["name"] == "timer"]
    assert 599_000 <= state["ends_at"] - state["server_now"] <= 600_000  # welcome: 10 minutes
    laptop.post(f"/console/{event_id}/timer/pause", data={"csrf_token": token})
    (paused,) = [m["args"][0] for m in listener.get_received() if m["name"] == "timer"]
    assert paused["ends_at"] is None and 598 <= paused["paused_left"] <= 600
    refused = laptop.post(f"/console/{event_id}/timer/pause", headers={**HX, "X-CSRFToken": token})
    assert refused.status_code == 409
    assert 'data-paused-left="' in phone.get(f"/e/{code}/live").get_data(as_text=True)
    # every change counts one version more, so a phone keeps the newest countdown whatever order pages arrive
    # in; a refused change counts nothing, and the page a phone fetches carries the version it shows
    assert paused["version"] == state["version"] + 1 and listener.get_received() == []
    page = phone.get(f"/e/{code}/live").get_data(as_text=True)
    assert f'data-version="{paused["version"]}"' in page
    laptop.post(f"/console/{event_id}/phase/next", data={"csrf_token": token, "expected_phase": ""})
    (next_part,) = [m["args"][0] for m in listener.get_received() if m["name"] == "timer"]
    assert next_part["version"] > paused["version"] and next_part["paused_left"] is None



def test_announcements_to_everyone_or_one_table(app, make, socket_client):
    from facilitation.tables.models import Table

    event_id, code = make.event(tables=2)
    with app.app_context():
        one, two = db.session.scalars(db.select(Table.id).order_by(Table.position))
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    phones, sockets = {}, {}
    for name, table in (("ann", one), ("bo", two)):
        phones[name] = app.test_client()
        make.join(phones[name], code)
        token = csrf_token(phones[name], f"/e/{code}/tables")
        phones[name].post(f"/e/{code}/tables/{table}/join", data={"csrf_token": token})
        sockets[name] = socket_client(phones[name], event_id, "participant")
        sockets[name].get_received()
    token = csrf_token(laptop, f"/console/{event_id}/")
    laptop.post(f"/console/{event_id}/announce", data={"csrf_token": token, "text": "Nog vijf minuten!"})
    laptop.post(f"/console/{event_id}/announce", data={"csrf_token": token, "text": "Tafel 1: naar zaal B",
                                                        "table_id": str(one)})
    ann = [m["args"][0]["html"] for m in sockets["ann"].get_received() if m["name"] == "announcement"]
    bo = [m["args"][0]["html"] for m in sockets["bo"].get_received() if m["name"] == "announcement"]
    assert len(ann) == 2 and len(bo) == 1 and "naar zaal B" not in bo[0]
    assert "csrf_token" not in ann[0]
    empty = laptop.post(f"/console/{event_id}/announce", headers={**HX, "X-CSRFToken": token}, data={"text": " "})
    assert empty.status_code == 422
    page = phones["bo"].get(f"/e/{code}").get_data(as_text=True)
    assert "Nog vijf minuten!" in page and "naar zaal B" not in page
    import re

    announcement_id = re.search(r'id="announcement-(\d+)"', page).group(1)
    phones["bo"].post(f"/e/{code}/announcements/{announcement_id}/dismiss",
                      data={"csrf_token": csrf_token(phones["bo"], f"/e/{code}")})
    assert "Nog vijf minuten!" not in phones["bo"].get(f"/e/{code}").get_data(as_text=True)


def test_programme_page_edits_parts(app, make, lang):
    event_id, _ = make.event(language=lang)
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    page = f"/events/{event_id}/programme"
    token = csrf_token(laptop, page)
    laptop.post(f"{page}/new", data={"csrf_token": token, "kind": "plenary", "title": "Wethouder", "planned_minutes": "5"})
    assert "Wethouder" in laptop.get(page).get_data(as_text=True)
    bad = laptop.post(f"{page}/new", data={"csrf_token": token, "kind": "plenary", "title": "X",
                                           "planned_minutes": "999"}, follow_redirects=True)
    assert {"nl": "Plan tussen 1 en 240 minuten", "en": "Plan between 1 and 240 minutes"}[lang] in \
        bad.get_data(as_text=True)
    phone = app.test_client()
    assert phone.get(page).status_code == 403


def test_the_editor_offers_every_kind_of_part_the_quick_poll_too(app, make, lang):
    import re

    event_id, _ = make.event(language=lang)
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    page = f"/events/{event_id}/programme"
    html = laptop.get(page).get_data(as_text=True)
    new_part = html[html.index('id="new-kind"'):]
    offered = re.findall(r'<option value="([a-z]+)"', new_part[:new_part.index("</select>")])
    assert offered == [kind.value for kind in PhaseKind]
    assert {"nl": "Snelle peiling", "en": "Quick poll"}[lang] in new_part
    laptop.post(f"{page}/new", data={"csrf_token": csrf_token(laptop, page), "kind": "poll", "title": "Even peilen",
                                     "planned_minutes": "3"})
    assert [phase.kind for phase in _phases(app, event_id)][-1] is PhaseKind.poll


def _phases(app, event_id):
    from facilitation.events.models import Event
    from facilitation.programme.queries import phases

    with app.app_context():
        return phases(db.session.get(Event, event_id))


def _to_phase(laptop, event_id, kind_count):
    token = csrf_token(laptop, f"/console/{event_id}/")
    for _ in range(kind_count):
        laptop.post(f"/console/{event_id}/phase/next", data={"csrf_token": token})
    return token


def test_deeds_and_ratings_in_the_closing_part(app, make, lang):
    event_id, code = make.event(language=lang)
    laptop, phone, other = app.test_client(), app.test_client(), app.test_client()
    make.facilitate(laptop, event_id)
    make.join(phone, code)
    make.join(other, code)
    token = csrf_token(phone, f"/e/{code}")
    early = phone.post(f"/e/{code}/deed", data={"csrf_token": token, "text": "Te vroeg"})
    assert early.status_code == 409 and "Te vroeg</textarea>" not in early.get_data(as_text=True)
    _to_phase(laptop, event_id, 7)  # welcome ... closing
    page = phone.get(f"/e/{code}").get_data(as_text=True)
    assert {"nl": "Wat ga jij volgende week doen?", "en": "What will you do next week?"}[lang] in page
    assert phone.post(f"/e/{code}/deed", data={"csrf_token": token, "text": "Mijn buurvrouw bellen"}).status_code == 302
    assert phone.post(f"/e/{code}/deed", data={"csrf_token": token, "text": "Koffie met de buren"}).status_code == 302
    empty = phone.post(f"/e/{code}/deed", data={"csrf_token": token, "text": " "})
    assert empty.status_code == 422
    for client, score in ((phone, "4"), (other, "5")):
        assert client.post(f"/e/{code}/rating", data={"csrf_token": csrf_token(client, f"/e/{code}"), "score": score,
                                                       "comment": "Fijn"}).status_code == 302
    assert phone.post(f"/e/{code}/rating", data={"csrf_token": token, "score": "9"}).status_code == 422
    projector = make.links(event_id)["projector_url"].replace("http://venue.test:5000", "")
    stage = on_the_big_screen(app.test_client(), projector)
    assert "Koffie met de buren" in stage and "Mijn buurvrouw bellen" not in stage  # one deed each
    console = laptop.get(f"/console/{event_id}/").get_data(as_text=True)
    # only the average reaches the facilitator, written as the console's language writes it
    assert {"nl": "4,5 / 5", "en": "4.5 / 5"}[lang] in console and "Fijn" not in console


def test_pitches_show_the_current_speaker(app, make):
    event_id, _ = make.event()
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    token = _to_phase(laptop, event_id, 2)  # pitches
    assert laptop.post(f"/console/{event_id}/speakers/next", headers={**HX, "X-CSRFToken": token}).status_code == 409
    for name, dream in (("Monique", "Mensen met elkaar in contact brengen"), ("Jeroen", "Compassie")):
        laptop.post(f"/console/{event_id}/speakers", data={"csrf_token": token, "name": name, "dream": dream})
    laptop.post(f"/console/{event_id}/speakers/next", data={"csrf_token": token})
    projector = make.links(event_id)["projector_url"].replace("http://venue.test:5000", "")
    screen = app.test_client()
    stage = on_the_big_screen(screen, projector)
    assert "Monique" in stage and "Mensen met elkaar in contact brengen" in stage
    laptop.post(f"/console/{event_id}/speakers/next", data={"csrf_token": token})
    laptop.post(f"/console/{event_id}/speakers/next", data={"csrf_token": token})  # stays at the last one
    assert "Jeroen" in on_the_big_screen(screen, projector)


@pytest.mark.parametrize("view, marker", [("join", "big-code"), ("wordcloud", "word-cloud"), ("timer", "timer-only"),
                                          ("pause", 'class="calm"'), ("wall", 'class="wall')])
def test_every_projector_view_and_the_console_miniature(app, make, view, marker):
    event_id, code = make.event()
    laptop, phone = app.test_client(), app.test_client()
    make.facilitate(laptop, event_id)
    make.join(phone, code)
    for text in ("Samen sterker in de buurt", "Samen eten in de buurt", "Een buurt vol compassie"):
        make.post_dream(phone, code, text)
    token = csrf_token(laptop, f"/console/{event_id}/")
    assert laptop.post(f"/console/{event_id}/projector/{view}", data={"csrf_token": token}).status_code == 302
    projector = make.links(event_id)["projector_url"].replace("http://venue.test:5000", "")
    assert marker in app.test_client().get(projector, follow_redirects=True).get_data(as_text=True)
    assert marker in laptop.get(f"/console/{event_id}/projector-mini").get_data(as_text=True)
    assert app.test_client().get(f"/console/{event_id}/projector-mini").status_code == 403


def test_word_cloud_counts_words_without_stop_words(app, make):
    from facilitation.dreams.queries import word_cloud
    from facilitation.events.models import Event

    event_id, code = make.event()
    phone = app.test_client()
    make.join(phone, code)
    for text in ("Samen sterker in de buurt", "Samen eten in de buurt", "Samen en 2025"):
        make.post_dream(phone, code, text)
    with app.app_context():
        words = dict(word_cloud(db.session.get(Event, event_id)))
    assert words["samen"] == 5 and words["buurt"] > words["eten"] and "de" not in words and "2025" not in words


def test_contributions_open_only_in_the_round_tables_unless_overridden(app, make, lang):
    from facilitation.tables.models import Table

    event_id, code = make.event(tables=1, language=lang)
    with app.app_context():
        table = db.session.scalar(db.select(Table.id))
    laptop, phone = app.test_client(), app.test_client()
    make.facilitate(laptop, event_id)
    make.join(phone, code)
    token = csrf_token(phone, f"/e/{code}/tables")
    phone.post(f"/e/{code}/tables/{table}/join", data={"csrf_token": token})
    console = _to_phase(laptop, event_id, 3)  # dreams: the tables are closed
    page = f"/e/{code}/t/{table}"
    refused = phone.post(f"{page}/contributions", headers={**HX, "X-CSRFToken": token},
                         data={"kind": "idea", "text": "Nog even bewaren"})
    assert refused.status_code == 409 and "Nog even bewaren</textarea>" in refused.get_data(as_text=True)
    laptop.post(f"/console/{event_id}/contributions/open", data={"csrf_token": console})  # the override
    assert phone.post(f"{page}/contributions", data={"csrf_token": token, "kind": "idea",
                                                      "text": "Nu wel"}).status_code == 302
    _to_phase(laptop, event_id, 2)  # break, then round tables: open by themselves
    with app.app_context():
        from facilitation.events.models import Event

        assert db.session.get(Event, event_id).contributions_open


def test_phase_and_timer_reach_the_projector_too(app, make, socket_client):
    event_id, _ = make.event()
    laptop, screen = app.test_client(), app.test_client()
    make.facilitate(laptop, event_id)
    screen.get(make.links(event_id)["projector_url"].replace("http://venue.test:5000", ""))
    projector = socket_client(screen, event_id, "projector")
    projector.get_received()
    token = _to_phase(laptop, event_id, 1)
    laptop.post(f"/console/{event_id}/timer/start", data={"csrf_token": token})
    names = [m["name"] for m in projector.get_received()]
    assert "wall:changed" in names and names.count("timer") == 2  # the phase stops the timer, then it starts
