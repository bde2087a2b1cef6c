"""Default part titles are read in the reader's language; an organiser's own title stays as written."""
from facilitation.events.models import Event
from facilitation.extensions import db
from facilitation.programme import operations as ops
from facilitation.programme.labels import phase_title
from facilitation.programme.queries import phases


def test_an_english_guest_at_a_dutch_evening_reads_the_part_in_english(client, make, app):
    event_id, code = make.event("Van dromen naar daden", language="nl")
    with app.app_context():
        event = db.session.get(Event, event_id)
        ops.step(event, +1)
        ops.step(event, +1)  # the pitches
        db.session.commit()
    make.join(client, code)
    assert "Pitches: dromen van vier sprekers" in client.get(f"/e/{code}").get_data(as_text=True)
    client.get(f"/language/en?next=/e/{code}")
    page = client.get(f"/e/{code}").get_data(as_text=True)
    assert "Pitches: dreams of four speakers" in page and "dromen van vier sprekers" not in page


def test_an_own_title_stays_as_the_organiser_wrote_it(app):
    from flask_babel import force_locale

    from facilitation.organiser.setup import set_up_event

    with app.test_request_context():
        event = set_up_event("Dromen", language="nl")
        first, second = phases(event)[:2]
        ops.update_phase(second, "pitches", "Vier dromers op het podium", 15)
        with force_locale("en"):
            assert phase_title(first) == "Welcome"
            assert phase_title(second) == "Vier dromers op het podium"
        with force_locale("nl"):
            assert phase_title(first) == "Welkom"
