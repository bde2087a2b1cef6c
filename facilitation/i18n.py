"""Display preferences of this browser: the language (own choice, else the event's, else Dutch) and text size."""
from flask import (
    Blueprint,
    current_app,
    g,
    has_request_context,
    redirect,
    request,
    session,
    url_for,
)

from flask_babel import force_locale, format_decimal

from .events.models import Event
from .events.queries import find_event_by_code
from .extensions import db
from .util import is_local_path

bp = Blueprint("i18n", __name__)


def select_locale() -> str:
    if not has_request_context():  # the command line speaks the default language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    chosen = session.get("lang")
    if chosen in current_app.config["LANGUAGES"]:
        return chosen
    try:
        event = g.get("event") or _event_in_url()
    except Exception:  # noqa: BLE001 - an error page for a broken request still needs a language
        event = None
    if event is not None:
        return event.language
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def _event_in_url():
    """The event a URL names, for pages answered before the view ran (a refused or too-large request)."""
    args = request.view_args or {}
    if "event_id" in args:
        return db.session.get(Event, args["event_id"])
    if "code" in args:
        return find_event_by_code(args["code"])
    return None


def in_language(language: str, caller):
    """`{% call in_language(event.language) %}…{% endcall %}`: a part of a page in another language
    (the report is written in the event's language, whatever the organiser's screen language)."""
    with force_locale(language):
        return caller()


def participant_language(event) -> str:
    chosen = session.get("lang")
    return chosen if chosen in current_app.config["LANGUAGES"] else event.language


@bp.get("/language/<lang>")
def switch(lang):
    """Remember the language for this browser and go back to the page the person was on."""
    if lang in current_app.config["LANGUAGES"]:
        session.permanent = True
        session["lang"] = lang
    target = request.args.get("next")
    return redirect(target if is_local_path(target) else url_for("home.index"))


@bp.post("/display/text-size")
def text_size():
    """Larger text on or off for this browser, remembered for the evening (works without JavaScript)."""
    session.permanent = True
    session["large_text"] = not session.get("large_text", False)
    target = request.args.get("next")
    return redirect(target if is_local_path(target) else url_for("home.index"))


def decimal(value) -> str:
    """A number as the room reads it, at most one decimal: 4,3 on a Dutch screen, 4.3 on an English one."""
    return format_decimal(value, format="#,##0.#")


def signed(value) -> str:
    """A change with its sign and one decimal: +0,5 or -1,0 in Dutch."""
    return format_decimal(value, format="+#,##0.0;-#,##0.0")
