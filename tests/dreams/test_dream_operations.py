import threading

import pytest

from facilitation.dreams.models import Dream, Heart
from facilitation.dreams.operations import (
    hide_dream,
    post_dream,
    restore_dream,
    set_dream_posting,
    spotlight_dream,
    toggle_heart,
)
from facilitation.dreams.queries import phone_wall, wall_batch, wall_counts
from facilitation.errors import Refused
from facilitation.events.operations import join_event
from facilitation.organiser.setup import set_up_event
from facilitation.extensions import db


@pytest.fixture
def room(app):
    """An event with two participants, inside an app context."""
    with app.app_context():
        event = set_up_event("Dromen")
        ann, _ = join_event(event, "Ann", "inwoner")
        bo, _ = join_event(event, "Bo", "medewerker")
        db.session.commit()
        yield event, ann, bo


def test_post_dream_cleans_the_text(room):
    event, ann, _ = room
    dream, created = post_dream(event, ann, "  Samen\n  zijn we   sterker  ")
    assert created and dream.text == "Samen zijn we sterker"
    assert dream.visible and dream.heart_count == 0


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_dream_is_refused(room, text):
    event, ann, _ = room
    with pytest.raises(Refused) as refused:
        post_dream(event, ann, text)
    assert refused.value.status == 422


def test_dream_of_280_characters_is_fine_281_is_not(room):
    event, ann, _ = room
    assert post_dream(event, ann, "a" * 280)[0].text == "a" * 280
    with pytest.raises(Refused):
        post_dream(event, ann, "a" * 281)


@pytest.mark.parametrize("text", ["hallo\x00wereld", "bel \x1b[31m"])
def test_control_characters_are_refused(room, text):
    event, ann, _ = room
    with pytest.raises(Refused):
        post_dream(event, ann, text)


@pytest.mark.parametrize("typed, stored", [
    ("tekst \u202eomgekeerd", "tekst omgekeerd"),
    ("\u2067\u0633\u0644\u0627\u0645\u2069 voor iedereen", "\u0633\u0644\u0627\u0645 voor iedereen"),
    ("k\u200banker\ufeff", "kanker"),
    # the joiners Persian and emoji need stay: می‌خواهم, 👩‍👧
    ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \U0001f469\u200d\U0001f467", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \U0001f469\u200d\U0001f467"),
])
def test_invisible_direction_marks_are_dropped_and_the_words_kept(room, typed, stored):
    event, ann, _ = room
    dream, _ = post_dream(event, ann, typed)
    assert dream.text == stored


def test_closed_wall_refuses_and_nothing_is_lost(room):
    event, ann, _ = room
    kept, _ = post_dream(event, ann, "Eerste droom")
    set_dream_posting(event, False)
    with pytest.raises(Refused) as refused:
        post_dream(event, ann, "Tweede droom")
    assert refused.value.status == 409
    assert [d.text for d in phone_wall(event)] == [kept.text]


def test_same_request_key_stores_one_dream(room):
    event, ann, _ = room
    first, created = post_dream(event, ann, "Eén keer", request_key="k" * 16)
    again, created_again = post_dream(event, ann, "Eén keer", request_key="k" * 16)
    assert created and not created_again and first.id == again.id
    assert db.session.scalar(db.select(db.func.count(Dream.id))) == 1


def test_double_tap_at_the_same_moment_stores_one_dream(app, tmp_path):
    """Two requests with one key at once, each in its own session, as two server threads would."""
    with app.app_context():
        event = set_up_event("Dromen")
        ann, _ = join_event(event, "Ann")
        db.session.commit()
        event_id, ann_id = event.id, ann.id
    barrier = threading.Barrier(2)
    results = []

    def tap():
        with app.app_context():
            from facilitation.events.models import Event, Participant

            event = db.session.get(Event, event_id)
            ann = db.session.get(Participant, ann_id)
            barrier.wait()
            dream, _ = post_dream(event, ann, "Dubbel getikt", request_key="double-tap-key")
            db.session.commit()
            results.append(dream.id)

    threads = [threading.Thread(target=tap) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 2 and results[0] == results[1]
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Dream.id))) == 1


def test_hearts_toggle_and_count(room):
    event, ann, bo = room
    dream, _ = post_dream(event, ann, "Een droom")
    assert toggle_heart(dream, bo) is True and dream.heart_count == 1
    assert toggle_heart(dream, bo) is False and dream.heart_count == 0
    assert db.session.scalar(db.select(db.func.count(Heart.id))) == 0


def test_no_heart_for_your_own_dream(room):
    event, ann, _ = room
    dream, _ = post_dream(event, ann, "Mijn droom")
    with pytest.raises(Refused):
        toggle_heart(dream, ann)


def test_no_heart_for_a_hidden_dream_or_another_event(room):
    event, ann, bo = room
    dream, _ = post_dream(event, ann, "Verborgen droom")
    hide_dream(dream, event)
    with pytest.raises(Refused):
        toggle_heart(dream, bo)
    other = set_up_event("Andere avond")
    stranger, _ = join_event(other)
    restore_dream(dream, event)
    with pytest.raises(Refused):
        toggle_heart(dream, stranger)


def test_hide_and_restore_move_only_once(room):
    event, ann, _ = room
    dream, _ = post_dream(event, ann, "Een droom")
    hide_dream(dream, event)
    assert phone_wall(event) == []
    with pytest.raises(Refused) as refused:
        hide_dream(dream, event)
    assert refused.value.status == 409
    restore_dream(dream, event)
    assert phone_wall(event) == [dream]
    with pytest.raises(Refused):
        restore_dream(dream, event)


def test_hiding_the_spotlight_dream_clears_the_spotlight(room):
    event, ann, _ = room
    dream, _ = post_dream(event, ann, "Groot op het scherm")
    spotlight_dream(event, dream)
    assert event.spotlight_dream is dream
    hide_dream(dream, event)
    assert event.spotlight_dream is None
    with pytest.raises(Refused):
        spotlight_dream(event, dream)


def test_the_big_screen_pages_through_every_dream_newest_first(room):
    event, ann, bo = room
    dreams = [post_dream(event, ann, f"Droom {n}")[0] for n in range(200)]
    hide_dream(dreams[5], event)
    batches = [wall_batch(event, offset, 40) for offset in range(0, 200, 40)]
    shown = [dream for batch in batches for dream in batch]
    assert shown == [dream for dream in reversed(dreams) if dream is not dreams[5]]
    assert wall_counts(event) == {"participants": 2, "dreams": 199, "hidden": 1, "held": 0}
