"""Rules for dreams. Each function flushes; the caller commits once, then broadcasts."""
import re

from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from ..enums import ModerationMode
from ..errors import Refused
from ..events import bursts
from ..events.queries import counts
from ..extensions import db
from ..limits import LIMITS
from ..review import screen
from ..text import clean_text
from ..toggles import toggle_mark
from ..written import reader_language, written_in
from .models import Dream, Heart

REQUEST_KEY = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


def post_dream(event, participant, text: str, request_key: str | None = None,
               *, by_facilitator: bool = False) -> tuple[Dream, bool]:
    """Store a dream; returns (dream, created). The same request_key twice gives the first dream back.

    Raises Refused when the wall is closed or the text is empty, too long or has control characters.
    """
    if participant.event_id != event.id:
        raise Refused(_l("You have not joined this event."), status=403)
    request_key = request_key if request_key and REQUEST_KEY.match(request_key) else None
    if request_key and (earlier := _dream_for_request(participant, request_key)):
        return earlier, False
    if not event.dreams_open and not by_facilitator:
        raise Refused(
            _l("The wall is closed for new dreams right now. Your text is kept here; "
               "you can send it when the wall opens again."),
            status=409,
        )
    text = clean_text(text, LIMITS.dream)
    if not text:
        raise Refused(_l("Write your dream first. One sentence is enough."))
    dream = Dream(event_id=event.id, participant_id=participant.id, text=text, request_key=request_key)
    if by_facilitator:  # typed in from a paper card: the facilitator already read it
        dream.written_in = written_in(text, reader_language())
    else:
        screen(dream, text, event)
    try:
        with db.session.begin_nested():
            db.session.add(dream)
    except IntegrityError:
        # the same post arrived twice at once: the other request stored it
        return _dream_for_request(participant, request_key), False
    return dream, True


def _dream_for_request(participant, request_key: str) -> Dream | None:
    return db.session.scalar(
        db.select(Dream).filter_by(participant_id=participant.id, request_key=request_key)
    )


def toggle_heart(dream: Dream, participant) -> bool:
    """Give a heart, or take it back when given before; returns whether the heart is now given."""
    if dream.event_id != participant.event_id or not dream.visible:
        raise Refused(_l("This dream is no longer on the wall."), status=409)
    if dream.participant_id == participant.id:
        raise Refused(_l("This is your own dream. Give your hearts to the dreams of others."))
    return toggle_mark(dream, "heart_count", Heart, participant, dream_id=dream.id)


def hide_dream(dream: Dream, event) -> None:
    """Take a dream off every wall; the facilitator can restore it."""
    if dream.event_id != event.id:
        raise Refused(_l("This dream belongs to another event."), status=404)
    try:
        dream.hide()
    except ValueError:
        raise Refused(_l("This dream was already hidden."), status=409) from None
    if event.spotlight_dream_id == dream.id:
        event.spotlight_dream = None
    db.session.flush()


def approve_dream(dream: Dream, event) -> None:
    """A held dream goes on the wall."""
    if dream.event_id != event.id:
        raise Refused(_l("This dream belongs to another event."), status=404)
    try:
        dream.approve()
    except ValueError:
        raise Refused(_l("Another facilitator already handled this dream."), status=409) from None
    db.session.flush()


def edit_dream(dream: Dream, event, text: str) -> None:
    """The facilitator mends a typo; the dream keeps its place and status."""
    if dream.event_id != event.id:
        raise Refused(_l("This dream belongs to another event."), status=404)
    text = clean_text(text, LIMITS.dream)
    if not text:
        raise Refused(_l("Write your dream first. One sentence is enough."))
    dream.text = text
    db.session.flush()


def set_moderation(event, mode: str) -> None:
    if mode not in set(ModerationMode):
        raise Refused(_l("Choose open or pre-moderated."), status=404)
    event.moderation = ModerationMode(mode)
    db.session.flush()


def restore_dream(dream: Dream, event) -> None:
    if dream.event_id != event.id:
        raise Refused(_l("This dream belongs to another event."), status=404)
    try:
        dream.restore()
    except ValueError:
        raise Refused(_l("This dream is already on the wall."), status=409) from None
    db.session.flush()


def spotlight_dream(event, dream: Dream | None) -> None:
    """Show one dream big on the projector, or none."""
    if dream is not None and (dream.event_id != event.id or not dream.visible):
        raise Refused(_l("Only a dream that is on the wall can be in the spotlight."), status=409)
    event.spotlight_dream = dream
    db.session.flush()


def set_dream_posting(event, open_: bool) -> None:
    event.dreams_open = bool(open_)
    db.session.flush()


@bursts.recounts
def recount_hearts(event) -> None:
    """Every dream's hearts again, from the guests who count (events.bursts)."""
    hearts = (db.select(db.func.count(Heart.id)).where(Heart.dream_id == Dream.id, counts(Heart.participant_id))
              .scalar_subquery())
    db.session.execute(db.update(Dream).where(Dream.event_id == event.id).values(heart_count=hearts)
                       .execution_options(synchronize_session="fetch"))
