import pytest

from facilitation.errors import Refused
from facilitation.events.models import DEFAULT_ROLE_TAGS, Event
from facilitation.organiser.setup import set_up_event
from facilitation.events.operations import join_event, rotate_link
from facilitation.events.queries import JOIN_CODE_ALPHABET, find_event_by_code, normalise_join_code, participant_by_key_hash
from facilitation.extensions import db
from facilitation.tables.models import Table


def test_create_event_defaults(app):
    with app.app_context():
        event = set_up_event("  Van dromen   naar daden ", tables=8)
        db.session.commit()
        assert event.title == "Van dromen naar daden"
        assert event.language == "nl"
        assert event.role_tags == DEFAULT_ROLE_TAGS
        assert event.dreams_open
        assert len(event.join_code) == 8 and set(event.join_code) <= set(JOIN_CODE_ALPHABET)
        tables = db.session.scalars(db.select(Table).filter_by(event_id=event.id).order_by(Table.position)).all()
        assert [t.name for t in tables] == [f"Tafel {n}" for n in range(1, 9)]


def test_english_event_names_tables_in_english(app):
    with app.app_context():
        event = set_up_event("Dreams", language="en", tables=2)
        names = db.session.scalars(db.select(Table.name).filter_by(event_id=event.id)).all()
        assert sorted(names) == ["Table 1", "Table 2"]


@pytest.mark.parametrize("title", ["", "   ", "\n"])
def test_create_event_needs_a_title(app, title):
    with app.app_context(), pytest.raises(Refused):
        set_up_event(title)


def test_create_event_refuses_unknown_language(app):
    with app.app_context(), pytest.raises(Refused):
        set_up_event("Dromen", language="de")


def test_join_codes_are_unique_and_unambiguous(app):
    with app.app_context():
        codes = {set_up_event(f"E{n}").join_code for n in range(50)}
        assert len(codes) == 50
        assert not set("ILOU") & set("".join(codes))


@pytest.mark.parametrize("typed, expected", [
    ("abcd efgh", "ABCDEFGH"), ("ABCD-EFGH", "ABCDEFGH"), ("oi1l", "0111"), ("  x2y3 ", "X2Y3")])
def test_normalise_join_code(typed, expected):
    assert normalise_join_code(typed) == expected


def test_find_event_by_code_accepts_how_people_type(app):
    with app.app_context():
        event = set_up_event("Dromen")
        typed = f"{event.join_code[:4].lower()} - {event.join_code[4:].lower()}"
        assert find_event_by_code(typed) is event
        assert find_event_by_code("nope") is None
        assert find_event_by_code("") is None


def test_link_tokens_are_long_secret_and_rotate(app):
    with app.app_context():
        event = set_up_event("Dromen")
        old = event.link_token("facilitator")
        assert len(old) >= 22  # 128 bits in URL-safe base64
        assert old != event.link_token("projector")
        assert event.token_matches("facilitator", old)
        rotate_link(event, "facilitator")
        assert not event.token_matches("facilitator", old)
        assert event.token_matches("facilitator", event.link_token("facilitator"))
        # the database never holds the token
        row = db.session.execute(db.select(Event.__table__)).mappings().one()
        assert old not in str(dict(row))


def test_join_event_stores_only_a_hash_of_the_key(app):
    with app.app_context():
        event = set_up_event("Dromen")
        participant, key = join_event(event, "  Ann ", "inwoner")
        assert participant.name == "Ann" and participant.role_tag == "inwoner"
        assert len(key) >= 22 and participant.key_hash != key
        assert participant_by_key_hash(event, participant.hash_key(key)) is participant
        assert participant_by_key_hash(event, participant.hash_key(key + "x")) is None


def test_join_event_refuses_unknown_role_and_long_name(app):
    with app.app_context():
        event = set_up_event("Dromen")
        with pytest.raises(Refused):
            join_event(event, role_tag="koning")
        with pytest.raises(Refused):
            join_event(event, name="x" * 41)
        participant, _ = join_event(event)
        assert participant.name == "" and participant.role_tag is None
