"""The words a post is matched by: Dutch words that only look alike stay apart, also in posts stored
before the stemmer changed."""
import sqlite3
import subprocess
import sys
from pathlib import Path

from facilitation.events.operations import join_event
from facilitation.extensions import db
from facilitation.market import operations as ops
from facilitation.market.matching import event_words, stems_of
from facilitation.organiser.setup import set_up_event
from facilitation.reports.themes import _Words

ROOT = Path(__file__).resolve().parents[2]
#: pairs Snowball 3's "dutch" brings back to one stem by cutting out "ge"
LOOK_ALIKE = [("gezin", "zin"), ("gezondheid", "zon"), ("begeleiding", "beleid")]


def test_words_that_only_look_alike_are_no_match_and_no_theme():
    for word, other in LOOK_ALIKE:
        assert not set(stems_of(f"Ik zoek een {word}", "nl")) & set(stems_of(f"Ik bied {other}", "nl")), word
        vocabulary = _Words([(1, word), (2, other)], "nl")
        assert vocabulary.units[1] != vocabulary.units[2], word
    # what should be one word still is
    assert set(stems_of("woningen", "nl")) == set(stems_of("woning", "nl"))
    vocabulary = _Words([(1, "gepest"), (2, "pesten")], "nl")
    assert vocabulary.units[1] == vocabulary.units[2]


def test_posts_stored_before_the_change_get_their_stems_again(app, tmp_path):
    with app.app_context():
        event = set_up_event("Beursvloer Cuijk", venue="Cuijk")
        event.market_open = True
        guest, _ = join_event(event, name="Ann")
        text = "Ik zoek een gastgezin dat zin heeft in koken in Cuijk"
        post_id = ops.post(event, guest, "need", "kennis", text).id
        expected = " ".join(stems_of(text, "nl", event_words(event)))
        db.session.commit()
        database = db.engine.url.database
        db.engine.dispose()
    with sqlite3.connect(database) as connection:  # as Snowball 3's "dutch" stored it
        connection.execute("UPDATE market_posts SET stems = 'gastzin zin kok' WHERE id = ?", (post_id,))
    env = {"DATABASE_URL": f"sqlite:///{database}", "FACILITATION_INSTANCE": str(tmp_path / "instance"),
           "SOCKETIO_ASYNC_MODE": "threading", "SECRET_KEY": "x", "PATH": "/usr/bin:/bin"}
    flask = [sys.executable, "-m", "flask", "--app", "app", "db"]
    # the tables were made from today's models: run just the migration that recomputes the stems
    for command in (["stamp", "3a5d68ab9c39"], ["upgrade", "8e2b6c41d9a7"]):
        done = subprocess.run(flask + command, cwd=ROOT, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    with sqlite3.connect(database) as connection:
        [(stems,)] = connection.execute("SELECT stems FROM market_posts WHERE id = ?", (post_id,)).fetchall()
    assert stems == expected and "cuijk" not in stems and "zin" in stems.split()
