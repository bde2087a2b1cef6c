from ..dreams.pushes import dream_translated
from ..extensions import db
from ..live.broadcast import panels
from ..text import clean_text
from .queries import kind_of


def translate(kind: str, post, event, line: str) -> None:
    """The translator's line under a post; an empty line takes it away. The screens that show the post hear of
    it as they hear of a facilitator's correction (a dream tells the wall its own way), and the consoles' queue."""
    line = clean_text(line, post.translation_limit)
    post.translation = line or None
    db.session.flush()
    (dream_translated if kind == "dreams" else kind_of(kind).tell)(post, event)
    panels(event, "moderation")
