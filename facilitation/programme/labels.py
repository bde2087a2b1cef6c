from flask import current_app
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from .operations import DEFAULT_PROGRAMME

KIND_LABELS = {
    "welcome": _l("Welcome"), "pitches": _l("Pitches"), "dreams": _l("Dreams"), "break": _l("Break"),
    "tables": _l("Round tables"), "harvest": _l("Harvest"), "plenary": _l("Plenary"),
    "market": _l("Market: offers and needs"), "poll": _l("Quick poll"), "closing": _l("Closing"),
}

#: what a phone says to do now, in one line
NOW = {
    "welcome": _l("Welcome! Look at the big screen."),
    "pitches": _l("Listen to the dreams of the speakers."),
    "dreams": _l("Write your dream and put it on the wall."),
    "break": _l("Break. Get something to drink."),
    "tables": _l("Go to your table and talk about the dilemma."),
    "harvest": _l("Look at the harvest and endorse the advice you like."),
    "plenary": _l("Look and listen along."),
    "market": _l("Write what you can offer and what you look for, and meet who can help."),
    "poll": _l("Answer the question on your phone: one tap."),
    "closing": _l("Write what you will do next week, and tell us how the evening was."),
}


def phase_kind_label(kind) -> str:
    return str(KIND_LABELS.get(getattr(kind, "value", kind), kind))


def what_to_do(kind) -> str:
    return str(NOW.get(getattr(kind, "value", kind), ""))


def phase_title(phase) -> str:
    """A part's title in the reader's language when it is still the default title.

    A default programme is stored in the event's language; an English guest at a Dutch evening
    (or an English event's report) reads "Welcome", not "Welkom". A title the organiser wrote
    stays as written.
    """
    default = _default_titles().get(phase.title)
    return str(default) if default is not None else phase.title


_DEFAULTS: dict[str, object] = {}


def _default_titles() -> dict:
    """Every language's rendering of the default titles, to their lazy (translatable) text."""
    if not _DEFAULTS:
        for language in current_app.config["LANGUAGES"]:
            with force_locale(language):
                _DEFAULTS.update({str(title): title for _, title, _ in DEFAULT_PROGRAMME})
    return _DEFAULTS
