from ..dreams.models import Dream
from ..enums import HoldReason
from ..extensions import db
from ..review import Review


def to_translate(event) -> list[Dream]:
    """Dreams in another language than the event's, newest first: those on the wall, and those waiting only
    because the screening cannot read them (the translator's line helps the facilitator decide). Dreams held
    for personal data or abuse stay with the facilitator."""
    return list(db.session.scalars(
        db.select(Dream).where(
            Dream.event_id == event.id, Dream.written_in.is_not(None), Dream.written_in != event.language,
            (Dream.review == Review.visible)
            | ((Dream.review == Review.held) & (Dream.hold_reason == HoldReason.unchecked_language)))
        .order_by(Dream.id.desc())))


def dream_to_translate(event, dream_id: int) -> Dream | None:
    return next((dream for dream in to_translate(event) if dream.id == dream_id), None)
