"""The market's rubrics, as at a Maatschappelijke Beursvloer: what kind of help a post is about.

Nothing here asks for money. The organiser can change the list per event (tags.py rules).
"""
from flask_babel import lazy_gettext as _l

from ..tags import stored_tag, tag_label

RUBRIC_LABELS = {
    "kennis": _l("Knowledge and advice"),
    "handen": _l("Hands and time"),
    "ruimte": _l("A room or a place"),
    "materiaal": _l("Materials"),
    "netwerk": _l("Network and contacts"),
    "werk": _l("Work and internships"),
    "anders": _l("Something else"),
}
DEFAULT_RUBRICS = list(RUBRIC_LABELS)


def rubrics(event) -> list[str]:
    return event.market_rubrics or list(DEFAULT_RUBRICS)


def rubric_tag(typed: str) -> str:
    return stored_tag(typed, RUBRIC_LABELS)


def rubric_label(tag: str | None) -> str:
    return tag_label(tag, RUBRIC_LABELS)
