"""Reads for the programme: its parts, announcements, deeds, ratings and speakers."""
from ..dreams.models import Dream
from ..events.queries import counts
from ..extensions import db
from ..review import Review
from ..tables.queries import seat_of
from ..util import form_int
from .models import Announcement, Deed, Phase, Rating, Speaker


def phases(event) -> list[Phase]:
    return list(db.session.scalars(db.select(Phase).filter_by(event_id=event.id).order_by(Phase.position)))


def announcements_for(event, participant, dismissed: set[int]) -> list[Announcement]:
    """The announcements this phone still shows: to everyone or to its table, not dismissed, newest first."""
    seat = seat_of(participant)
    query = db.select(Announcement).where(
        Announcement.event_id == event.id,
        (Announcement.table_id.is_(None)) | (Announcement.table_id == (seat.table_id if seat else -1)),
    ).order_by(Announcement.id.desc()).limit(3)
    return [a for a in db.session.scalars(query) if a.id not in dismissed]


def deeds(event, limit: int = 20, offset: int = 0) -> list[Deed]:
    """The deeds on view, newest first (not those that wait for the facilitator or were hidden)."""
    return list(db.session.scalars(db.select(Deed).filter_by(event_id=event.id, review=Review.visible)
                                   .order_by(Deed.id.desc()).offset(offset).limit(limit)))


def count_deeds(event) -> int:
    return db.session.scalar(db.select(db.func.count(Deed.id)).filter_by(event_id=event.id, review=Review.visible))


def rating_summary(event) -> tuple[float | None, int]:
    average, count = db.session.execute(
        db.select(db.func.avg(Rating.score), db.func.count(Rating.id)).where(
            Rating.event_id == event.id, counts(Rating.participant_id))).one()
    return (round(float(average), 1) if average is not None else None), count


def pitched_speaker_ids(event) -> set[int]:
    """The speakers whose dream is on the wall as a cloud."""
    return set(db.session.scalars(db.select(Dream.speaker_id).where(Dream.event_id == event.id,
                                                                      Dream.speaker_id.is_not(None))))


def deed_of(participant) -> Deed | None:
    return db.session.scalar(db.select(Deed).filter_by(participant_id=participant.id))


def rating_of(participant) -> Rating | None:
    return db.session.scalar(db.select(Rating).filter_by(participant_id=participant.id))


def phase_or_404(event, phase_id: int) -> Phase:
    return db.first_or_404(db.select(Phase).filter_by(event_id=event.id, id=phase_id))


def announcement_in(event, announcement_id: int) -> Announcement | None:
    announcement = db.session.get(Announcement, announcement_id)
    return announcement if announcement is not None and announcement.event_id == event.id else None


def speaker_in(event, raw_id) -> Speaker | None:
    """The event's speaker with this id as a URL sends it; None for another event's or junk."""
    number = form_int(str(raw_id))
    speaker = db.session.get(Speaker, number) if number is not None else None
    return speaker if speaker is not None and speaker.event_id == event.id else None


def speakers(event) -> list[Speaker]:
    return list(db.session.scalars(db.select(Speaker).filter_by(event_id=event.id).order_by(Speaker.position)))
