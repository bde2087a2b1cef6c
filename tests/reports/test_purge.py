"""Deleting an event removes every row of it, and nothing of any other event (counted in every table)."""
from datetime import date, timedelta

import pytest

from facilitation.branding.operations import set_brand
from facilitation.events.models import Event
from facilitation.extensions import db
from tests.branding.images import image_bytes
from tests.conftest import csrf_token

from .conftest import build_evening


def row_counts(app) -> dict[str, int]:
    with app.app_context():
        return {table.name: db.session.scalar(db.select(db.func.count()).select_from(table))
                for table in db.metadata.sorted_tables}


@pytest.fixture
def two_evenings(app, client, make):
    """One evening to keep, the counts with only that one, then a second evening to delete."""
    keep = build_evening(app, "nl", title="Blijft")
    only_keep = row_counts(app)
    doomed = build_evening(app, "nl", title="Weg ermee")
    make.facilitate(client, doomed)  # themes and the organiser's text are rows too
    client.get(f"/console/{doomed}/report/")
    token = csrf_token(client, f"/console/{doomed}/report/")
    client.post(f"/console/{doomed}/report/text", data={"csrf_token": token, "introduction": "Hallo", "closing": ""})
    dream = client.get(f"/console/{doomed}/report/report.json").json["dreams"]["most_hearted"][0]["id"]
    client.post(f"/console/{doomed}/report/dream/{dream}/leave-out", data={"csrf_token": token})
    with app.app_context():  # its logo and colour
        set_brand(db.session.get(Event, doomed), "#e4007c", image_bytes("PNG"))
        db.session.commit()
    with_both = row_counts(app)
    assert all(with_both[name] > only_keep[name] for name in
               ("participants", "dreams", "hearts", "tables", "seats", "contributions", "votes", "advice_cards",
                "endorsements", "phases", "deeds", "ratings", "themes", "theme_dreams", "report_texts",
                "report_left_out", "event_brands"))
    return keep, doomed, only_keep


def test_the_delete_button_removes_every_row_of_the_event(app, client, two_evenings):
    keep, doomed, only_keep = two_evenings
    page = client.get(f"/console/{doomed}/report/delete")
    assert page.status_code == 200 and "Weg ermee" in page.get_data(as_text=True)
    token = csrf_token(client, f"/console/{doomed}/report/delete")
    unconfirmed = client.post(f"/console/{doomed}/report/delete", data={"csrf_token": token})
    assert unconfirmed.status_code == 422 and row_counts(app)["events"] == 2
    response = client.post(f"/console/{doomed}/report/delete", data={"csrf_token": token, "confirm": "yes"})
    assert response.status_code == 302
    assert row_counts(app) == only_keep
    with app.app_context():
        assert db.session.get(Event, keep).title == "Blijft"


def test_a_deleted_events_links_give_404(app, client, make, two_evenings):
    _, doomed, _ = two_evenings
    links = make.links(doomed)
    token = csrf_token(client, f"/console/{doomed}/report/delete")
    client.post(f"/console/{doomed}/report/delete", data={"csrf_token": token, "confirm": "yes"})
    for url in (links["join_url"], links["facilitator_url"], links["projector_url"]):
        assert app.test_client().get(url.replace("http://venue.test:5000", "")).status_code == 404
    for path in ("/", "/report.pdf", "/report.json"):
        assert client.get(f"/console/{doomed}/report{path}").status_code == 404
    assert client.get(f"/console/{doomed}/").status_code == 404


def test_the_purge_command_deletes_events_whose_day_has_come(app, runner, two_evenings):
    keep, doomed, only_keep = two_evenings
    with app.app_context():
        db.session.get(Event, doomed).purge_on = date.today()
        db.session.get(Event, keep).purge_on = date.today() + timedelta(days=1)
        db.session.commit()
    dry = runner.invoke(args=["event", "purge", "--dry-run"])
    assert dry.exit_code == 0 and "Weg ermee" in dry.output and row_counts(app)["events"] == 2
    result = runner.invoke(args=["event", "purge"])
    assert result.exit_code == 0, result.output
    assert "Deleted 1 event(s)." in result.output
    assert row_counts(app) == only_keep


def test_the_default_purge_date_is_thirty_days_after_the_event_and_after_the_check_in(app, make):
    """Issue #17 item 6: with the check-in four weeks after the evening (the default), guests have two weeks
    to answer it before the data goes; without a check-in, thirty days after the event."""
    event_id, _ = make.event(starts_on=date(2026, 11, 24))
    with app.app_context():
        event = db.session.get(Event, event_id)
        assert event.checkin_day == date(2026, 12, 22)
        assert event.purge_date == date(2027, 1, 5)
        event.checkin_weeks = 0
        assert event.purge_date == date(2026, 12, 24)
        event.checkin_weeks = 1
        assert event.purge_date == date(2026, 12, 24)


def test_the_organiser_picks_another_purge_date(client, make, app, lang):
    event_id, _ = make.event(language=lang)
    make.facilitate(client, event_id)
    base = f"/console/{event_id}/report/"
    later = (date.today() + timedelta(days=90)).isoformat()
    assert client.post(base + "purge-date", data={"csrf_token": csrf_token(client, base), "purge_on": later}
                       ).status_code == 302
    with app.app_context():
        assert db.session.get(Event, event_id).purge_on.isoformat() == later
    past = client.post(base + "purge-date", data={"csrf_token": csrf_token(client, base), "purge_on": "2020-01-01"})
    nonsense = client.post(base + "purge-date", data={"csrf_token": csrf_token(client, base), "purge_on": "morgen"})
    assert past.status_code == 422 and nonsense.status_code == 422
    assert ("Kies een dag" if lang == "nl" else "Choose a day") in past.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Event, event_id).purge_on.isoformat() == later


def test_only_the_owner_deletes_an_organisers_event(app, client, make, runner):
    from facilitation.accounts.operations import find_organiser
    from facilitation.organiser.setup import set_up_event

    runner.invoke(args=["user", "create", "--email", "anita@sociom.nl", "--password", "compassie-2016"])
    with app.app_context():
        event_id = set_up_event("Van Anita", organiser=find_organiser("anita@sociom.nl")).id
        db.session.commit()
    make.facilitate(client, event_id)  # a hired facilitator may download, not delete
    assert client.get(f"/console/{event_id}/report/delete").status_code == 403
    assert "/delete" not in client.get(f"/console/{event_id}/report/").get_data(as_text=True)
