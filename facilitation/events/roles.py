from flask_babel import lazy_gettext as _l

#: Labels for the default role tags; an organiser's own tags are shown as typed.
ROLE_LABELS = {
    "inwoner": _l("Resident"),
    "vrijwilliger": _l("Volunteer"),
    "medewerker": _l("Staff member"),
    "partner": _l("Partner"),
    "bestuurder": _l("Director or councillor"),
    "anders": _l("Something else"),
}


def role_label(tag: str | None) -> str:
    if not tag:
        return ""
    return str(ROLE_LABELS.get(tag, tag))
