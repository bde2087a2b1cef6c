"""Role tags: what guests say they come as (tags.py: stored lower-case, shown with a label)."""
from flask_babel import lazy_gettext as _l

from ..tags import stored_tag, tag_label

#: Labels for the default role tags; an organiser's own tags are shown as typed, with a capital.
ROLE_LABELS = {
    "inwoner": _l("Resident"),
    "vrijwilliger": _l("Volunteer"),
    "medewerker": _l("Staff member"),
    "partner": _l("Partner"),
    "bestuurder": _l("Director or councillor"),
    "bedrijfsleven": _l("Business"),
    "onderwijs": _l("Education"),
    "zorg": _l("Care"),
    "anders": _l("Something else"),
}


def role_tag(typed: str) -> str:
    return stored_tag(typed, ROLE_LABELS)


def role_label(tag: str | None) -> str:
    return tag_label(tag, ROLE_LABELS)
