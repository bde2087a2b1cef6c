from ..dreams.models import Dream
from ..enums import HoldReason
from ..extensions import db
from ..market.models import MarketPost
from ..polls.models import SpeakerQuestion
from ..programme.models import Deed
from ..review import Review
from ..tables.models import Contribution, Table

#: what a translator can give a line, by the name its address uses (/translate/<event>/<kind>/<id>), in the
#: order of the page
KINDS = {"dreams": Dream, "deeds": Deed, "questions": SpeakerQuestion, "market": MarketPost,
         "contributions": Contribution}


def to_translate(event, kind: str = "dreams") -> list:
    """Posts of one kind in another language than the event's, newest first: those on view, and those waiting
    only because the screening cannot read them (the translator's line helps the facilitator decide). Posts
    held for personal data or abuse stay with the facilitator."""
    post = KINDS[kind]
    of_event = (post.table_id.in_(db.select(Table.id).where(Table.event_id == event.id)) if post is Contribution
                else post.event_id == event.id)
    return list(db.session.scalars(
        db.select(post).where(
            of_event, post.written_in.is_not(None), post.written_in != event.language,
            (post.review == Review.visible)
            | ((post.review == Review.held) & (post.hold_reason == HoldReason.unchecked_language)))
        .order_by(post.id.desc())))


def post_to_translate(event, kind: str, post_id: int):
    return next((post for post in to_translate(event, kind) if post.id == post_id), None)

#: the id of a post's item on the page: dream-12, deed-3, question-5, market-7, contribution-9
ANCHOR = {"dreams": "dream", "deeds": "deed", "questions": "question", "market": "market",
          "contributions": "contribution"}
