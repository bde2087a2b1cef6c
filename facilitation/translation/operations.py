from ..dreams.pushes import dream_translated
from ..extensions import db
from ..limits import LIMITS
from ..text import clean_text


def translate_dream(dream, event, line: str) -> None:
    """The translator's line under a dream; an empty line takes it away. The big screen and the consoles
    follow (dreams.pushes)."""
    line = clean_text(line, LIMITS.dream)
    dream.translation = line or None
    db.session.flush()
    dream_translated(dream, event)
