"""Role tags: what guests say they come as. Stored lower-case, so "Student" and "student" are one role."""
from flask_babel import lazy_gettext as _l

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

#: an abbreviation such as GGZ, OCMW or CAW keeps its capitals
ABBREVIATION_LENGTH = 6


def role_tag(typed: str) -> str:
    """The stored form of a role an organiser typed: lower-case, unless it is an abbreviation."""
    typed = " ".join(typed.split())
    if typed.isupper() and len(typed) <= ABBREVIATION_LENGTH and " " not in typed:
        return typed
    for tag, label in ROLE_LABELS.items():  # "Vrijwilliger" or "Volunteer" typed again is the default role
        if typed.casefold() in (tag, str(label).casefold()):
            return tag
    return typed.lower()


def role_label(tag: str | None) -> str:
    if not tag:
        return ""
    label = ROLE_LABELS.get(tag)
    return str(label) if label is not None else tag[:1].upper() + tag[1:]
