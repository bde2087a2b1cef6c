"""Read-only views of the wall for each audience. Hidden dreams only reach facilitators."""

from ..events.queries import count_participants
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..review import Review
from .models import Dream, Heart
from .words import top_words

PHONE_WALL_LIMIT = 100


def _visible(event):
    return db.select(Dream).where(Dream.event_id == event.id, Dream.review == Review.visible)


def _clouds(event):
    """Visible dreams to draw as clouds, each with its speaker when it is a pitch (joined: one statement)."""
    return _visible(event).options(joinedload(Dream.speaker))


def get_dream(event, dream_id: int) -> Dream | None:
    return db.session.scalar(db.select(Dream).where(Dream.event_id == event.id, Dream.id == dream_id))


def phone_wall(event, limit: int = PHONE_WALL_LIMIT) -> list[Dream]:
    return list(db.session.scalars(_clouds(event).order_by(Dream.id.desc()).limit(limit)))


def hearted_ids(participant) -> set[int]:
    if participant is None:
        return set()
    return set(db.session.scalars(db.select(Heart.dream_id).filter_by(participant_id=participant.id)))


def own_dreams(participant) -> list[Dream]:
    return list(
        db.session.scalars(
            db.select(Dream)
            .where(Dream.participant_id == participant.id,
                   Dream.review.in_([Review.visible, Review.held]))
            .order_by(Dream.id.desc())
        )
    )


def wall_batch(event, offset: int, size: int) -> list[Dream]:
    """The dreams the big screen lays out next: newest first, from `offset` on.

    The screen pages through each batch and asks for the next one, so every dream comes round.
    """
    return list(db.session.scalars(_clouds(event).order_by(Dream.id.desc()).offset(offset).limit(size)))


#: what the console's dream list can show: every dream, the waiting ones, the hidden ones, the spotlight
CONSOLE_FILTERS = ("all", "waiting", "hidden", "spotlight")


def console_dreams(event, search: str = "", shown: str = "all", limit: int = 50) -> tuple[list[Dream], bool]:
    """The newest `limit` dreams for the console, with their authors, and whether there are more."""
    query = (db.select(Dream).where(Dream.event_id == event.id)
             .options(joinedload(Dream.participant), joinedload(Dream.speaker)))
    if shown == "waiting":
        query = query.where(Dream.review == Review.held)
    elif shown == "hidden":
        query = query.where(Dream.review == Review.hidden)
    elif shown == "spotlight":
        query = query.where(Dream.id == (event.spotlight_dream_id or 0))
    if search:
        escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(Dream.text.ilike(f"%{escaped}%", escape="\\"))
    found = list(db.session.scalars(query.order_by(Dream.id.desc()).limit(limit + 1)))
    return found[:limit], len(found) > limit


def wall_counts(event) -> dict:
    """Dreams by status and the guests, in two statements whatever the size of the wall."""
    by_status = dict(db.session.execute(
        db.select(Dream.review, db.func.count(Dream.id)).where(Dream.event_id == event.id).group_by(Dream.review)
    ).all())
    return {"participants": count_participants(event), "dreams": by_status.get(Review.visible, 0),
            "hidden": by_status.get(Review.hidden, 0), "held": by_status.get(Review.held, 0)}


def word_cloud(event, limit: int = 40) -> list[tuple[str, int]]:
    """The most used words of the visible dreams, each with a size from 1 to 5."""
    top = top_words(db.session.scalars(_visible(event).with_only_columns(Dream.text)), limit, event.language,
                    (event.venue or "",))
    if not top:
        return []
    highest = top[0][1]
    return sorted(((word, 1 + round(4 * (n - 1) / max(1, highest - 1))) for word, n in top))
