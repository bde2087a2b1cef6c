"""Deleted means gone (issue #13): a deleted or purged event leaves nothing in the database files."""

from facilitation.extensions import db
from tests.conftest import csrf_token


# --- 15. deleted means gone from the files too; the files are the owner's only -----------------------------

def _sqlite_files(app):
    from pathlib import Path

    database = Path(app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///"))
    return [p for p in database.parent.iterdir() if p.name.startswith(database.name)]


def test_a_deleted_event_leaves_no_trace_in_the_database_files(app, client, make, runner, tmp_path):
    marker = "Zeldzaamwoord-7Q2X droom"
    keep_id, keep_code = make.event("Blijft")
    event_id, code = make.event("Weg-7Q2X")
    guest = app.test_client()
    make.join(guest, code, name="Naam7Q2X")
    for n in range(30):  # enough pages in the log and the database
        assert make.post_dream(guest, code, f"{marker} {n}").status_code == 302
    other = app.test_client()
    make.join(other, keep_code)
    make.post_dream(other, keep_code, "Deze droom blijft staan")
    assert any(b"7Q2X" in p.read_bytes() for p in _sqlite_files(app))
    make.facilitate(client, event_id)
    token = csrf_token(client, f"/console/{event_id}/report/delete")
    response = client.post(f"/console/{event_id}/report/delete", data={"csrf_token": token, "confirm": "yes"})
    assert response.status_code == 302
    files = _sqlite_files(app)
    assert len(files) >= 2  # the database and its write-ahead log at least
    for path in files:
        assert b"7Q2X" not in path.read_bytes(), path.name
    for path in files:
        assert path.stat().st_mode & 0o777 == 0o600, (path.name, oct(path.stat().st_mode))
    assert make.dream_ids(keep_id)  # the other event is untouched
    backup = tmp_path / "backup.sqlite"
    assert runner.invoke(args=["backup", str(backup)]).exit_code == 0
    assert backup.stat().st_mode & 0o777 == 0o600


def test_the_purge_command_leaves_no_trace_either(app, make, runner):
    from datetime import date

    from facilitation.events.models import Event

    event_id, code = make.event("Weg-9K4M")
    guest = app.test_client()
    make.join(guest, code)
    make.post_dream(guest, code, "Geheim-9K4M droom")
    with app.app_context():
        db.session.get(Event, event_id).purge_on = date(2020, 1, 1)
        db.session.commit()
    # purge_on in the past: set directly, as a database from an older version could hold it
    result = runner.invoke(args=["event", "purge"])
    assert result.exit_code == 0, result.output
    for path in _sqlite_files(app):
        assert b"9K4M" not in path.read_bytes(), path.name
