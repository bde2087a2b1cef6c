"""Reads for events: finding an event by its code, a participant by key or id, counting guests."""
from ..enums import ParticipantSource
from ..extensions import db
from .models import BurstDecision, Event, JoinBurst, Participant, Series

#: Crockford's base32: no I, L, O or U, so nothing is misread from a poster.
JOIN_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
JOIN_CODE_LENGTH = 8


def event_by_id(event_id: int) -> Event | None:
    return db.session.get(Event, event_id)


def series_of(organiser) -> list[Series]:
    return list(db.session.scalars(db.select(Series).filter_by(organiser_id=organiser.id).order_by(Series.name)))


def series_by_id(series_id: int) -> Series | None:
    return db.session.get(Series, series_id)


def normalise_join_code(raw: str | None) -> str:
    """Accept what people type: lower case, spaces, dashes, O for 0 and I or L for 1."""
    code = "".join(ch for ch in (raw or "").upper() if ch.isalnum())
    return code.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))


def find_event_by_code(raw: str | None) -> Event | None:
    code = normalise_join_code(raw)
    if len(code) != JOIN_CODE_LENGTH:
        return None
    return db.session.scalar(db.select(Event).filter_by(join_code=code))


def participant_by_key_hash(event: Event, key_hash: str | None) -> Participant | None:
    if not key_hash or not isinstance(key_hash, str):
        return None
    return db.session.scalar(db.select(Participant).filter_by(event_id=event.id, key_hash=key_hash))


def count_participants(event: Event) -> int:
    """Guests who joined, on their own phone or through a neighbour's; paper cards are not people, and the
    guests of a burst of joins the facilitator has not accepted are not counted (events.bursts)."""
    return db.session.scalar(
        db.select(db.func.count(Participant.id)).where(Participant.event_id == event.id,
                                                       Participant.source != ParticipantSource.paper,
                                                       Participant.counted)
    )


def counts(participant_id):
    """A condition on a vote's participant column: the vote counts (its guest is not in an unaccepted burst).
    Few guests are ever left out, so this is one small lookup whatever the size of the evening."""
    return participant_id.not_in(db.select(Participant.id).where(Participant.counted.is_(False)))


def waiting_bursts(event: Event) -> list[tuple[JoinBurst, int]]:
    """Bursts of joins the facilitator has not answered yet, with how many guests each holds, oldest first."""
    return list(db.session.execute(
        db.select(JoinBurst, db.func.count(Participant.id)).join(Participant, Participant.join_burst_id == JoinBurst.id)
        .where(JoinBurst.event_id == event.id, JoinBurst.decision == BurstDecision.pending)
        .group_by(JoinBurst.id).order_by(JoinBurst.id)).all())


def participant_in(event: Event, raw_id: str | None) -> Participant | None:
    """The event's participant with this id as a form sends it, or None (for empty, junk or another event's)."""
    raw_id = (raw_id or "").strip()
    if not raw_id.isdecimal() or len(raw_id) > 9:
        return None
    participant = db.session.get(Participant, int(raw_id))
    return participant if participant is not None and participant.event_id == event.id else None


def burst_in(event: Event, raw_id) -> JoinBurst | None:
    burst = db.session.get(JoinBurst, raw_id)
    return burst if burst is not None and burst.event_id == event.id else None
