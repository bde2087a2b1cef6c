from ..dreams.pushes import dream_translated
from ..extensions import db
from ..limits import LIMITS
from ..live.broadcast import panels
from ..programme.pushes import closing_changed
from ..text import clean_text

#: who follows a new line, per kind: the big screen's wall or deeds wall, and the consoles
TELL = {"dreams": dream_translated,
        "deeds": lambda deed, event: (closing_changed(event), panels(event, "moderation"))}


def translate(kind: str, post, event, line: str) -> None:
    """The translator's line under a dream or a deed; an empty line takes it away."""
    line = clean_text(line, LIMITS.dream)
    post.translation = line or None
    db.session.flush()
    TELL[kind](post, event)
