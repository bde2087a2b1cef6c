from ..dreams.pushes import dream_translated
from ..extensions import db
from ..limits import LIMITS
from ..live.broadcast import panels
from ..market.pushes import market_changed
from ..polls.pushes import question_handled
from ..programme.pushes import closing_changed
from ..tables.models import Table
from ..tables.pushes import table_changed
from ..text import clean_text

#: who follows a new line, per kind: the screens that show the post, and the consoles' queue
TELL = {
    "dreams": dream_translated,
    "deeds": lambda deed, event: closing_changed(event),
    "questions": lambda question, event: question_handled(event),
    "market": lambda post, event: market_changed(event, post),
    "contributions": lambda contribution, event: table_changed(event, db.session.get(Table, contribution.table_id)),
}


def translate(kind: str, post, event, line: str) -> None:
    """The translator's line under a post; an empty line takes it away."""
    line = clean_text(line, LIMITS.dream)
    post.translation = line or None
    db.session.flush()
    TELL[kind](post, event)
    panels(event, "moderation")
