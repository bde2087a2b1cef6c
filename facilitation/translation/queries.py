from ..dreams.models import Dream
from ..enums import HoldReason
from ..extensions import db
from ..programme.models import Deed
from ..review import Review

#: what a translator can give a line, by the name its address uses (/translate/<event>/<kind>/<id>)
KINDS = {"dreams": Dream, "deeds": Deed}


def to_translate(event, kind: str = "dreams") -> list:
    """Dreams (or deeds) in another language than the event's, newest first: those on view, and those waiting
    only because the screening cannot read them (the translator's line helps the facilitator decide). Posts
    held for personal data or abuse stay with the facilitator."""
    post = KINDS[kind]
    return list(db.session.scalars(
        db.select(post).where(
            post.event_id == event.id, post.written_in.is_not(None), post.written_in != event.language,
            (post.review == Review.visible)
            | ((post.review == Review.held) & (post.hold_reason == HoldReason.unchecked_language)))
        .order_by(post.id.desc())))


def post_to_translate(event, kind: str, post_id: int):
    return next((post for post in to_translate(event, kind) if post.id == post_id), None)
