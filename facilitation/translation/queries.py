from ..enums import HoldReason, PostKind
from ..extensions import db
from ..moderation.posts import KINDS as POSTS
from ..review import Review

#: what a translator can give a line, by the name its address uses (/translate/<event>/<kind>/<id>), in the
#: order of the page; which posts belong to an event and who hears of a change are the moderation's (posts.py)
KINDS = {"dreams": PostKind.dream, "deeds": PostKind.deed, "questions": PostKind.question,
         "market": PostKind.market, "contributions": PostKind.contribution, "cards": PostKind.card,
         "agreements": PostKind.agreement, "words": PostKind.poll, "comments": PostKind.comment,
         "checkins": PostKind.checkin}

#: the id of a post's item on the page: dream-12, deed-3, card-4, words-8, …
ANCHOR = {"dreams": "dream", "deeds": "deed", "questions": "question", "market": "market",
          "contributions": "contribution", "cards": "card", "agreements": "agreement", "words": "words",
          "comments": "comment", "checkins": "checkin"}


def kind_of(kind: str):
    """The moderation's description of a kind of post (its model, its event's posts, who hears of a change)."""
    return POSTS[KINDS[kind]]


def to_translate(event, kind: str = "dreams") -> list:
    """Posts of one kind in another language than the event's, newest first: those on view, and those waiting
    only because the screening cannot read them (the translator's line helps the facilitator decide). Posts
    held for personal data or abuse stay with the facilitator."""
    found = kind_of(kind)
    post = found.model
    return list(db.session.scalars(
        found.of_event(event).where(
            post.written_in.is_not(None), post.written_in != event.language,
            (post.review == Review.visible)
            | ((post.review == Review.held) & (post.hold_reason == HoldReason.unchecked_language)))
        .order_by(post.id.desc())))


def post_to_translate(event, kind: str, post_id: int):
    return next((post for post in to_translate(event, kind) if post.id == post_id), None)
