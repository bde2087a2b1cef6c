"""Display preferences of this browser: the language and text size.

A guest's pages speak the guest's language: their own choice, else their browser's (Accept-Language), among the
guest languages (Arabic, Farsi, Turkish, Polish, Ukrainian besides Dutch and English). The room's screens (the
console, the organiser's pages, the big screen) keep the event's language or their user's choice of Dutch or
English: a newcomer's Arabic phone never turns the facilitator's laptop Arabic.
"""
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

from babel import Locale, UnknownLocaleError
from flask_babel import force_locale, format_decimal, get_locale

from .events.models import Event
from .events.queries import find_event_by_code
from .extensions import db
from .util import is_local_path

bp = Blueprint("i18n", __name__)


#: the pages a guest reads (join, phone pages, the guests' harvest page, check-in and unsubscribe links, the
#: home page where a code is typed); every other page belongs to the room's staff
GUEST_PATHS = ("/j/", "/e/", "/h/", "/checkin/", "/stop/")
GUEST_PAGES = ("/", "/join", "/accessibility")


def for_guests() -> bool:
    return request.path.startswith(GUEST_PATHS) or request.path in GUEST_PAGES


def offered_languages() -> tuple[str, ...]:
    """The languages this page can be read in (the language menu lists these)."""
    config = current_app.config
    return tuple(config["GUEST_LANGUAGES"]) if has_request_context() and for_guests() else tuple(config["LANGUAGES"])


def select_locale() -> str:
    if not has_request_context():  # the command line speaks the default language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    chosen = session.get("lang")
    if chosen in offered_languages():
        return chosen
    try:
        event = g.get("event") or _event_in_url()
    except Exception:  # noqa: BLE001 - an error page for a broken request still needs a language
        event = None
    if for_guests() and (browser := _browser_language(event)):
        return browser
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


def _browser_language(event=None) -> str | None:
    """The language the browser asks for: the event's own when the browser reads it at all (a Dutch guest whose
    phone is set to English, "en-US,en;q=0.9,nl;q=0.8", reads a Dutch evening in Dutch), else the first guest
    language it asks for (nl-BE reads Dutch, "ar,en;q=0.5" Arabic), else None."""
    accepted = request.accept_languages
    if event is not None and any(tag.split("-")[0].lower() == event.language for tag, quality in accepted if quality):
        return event.language
    return accepted.best_match(current_app.config["GUEST_LANGUAGES"])


def guest_language(event) -> str:
    """The language this guest's phone reads, outside a page (a socket's rooms): as select_locale on a guest page."""
    guest_languages = current_app.config["GUEST_LANGUAGES"]
    chosen = session.get("lang")
    if chosen in guest_languages:
        return chosen
    return _browser_language(event) or event.language


def language_name(code: str) -> str:
    """A language's name in the reader's language ("Arabisch" on a Dutch console)."""
    try:
        name = Locale.parse(code).get_display_name(str(get_locale()))
    except (ValueError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:] if name else code


def right_to_left() -> bool:
    return str(get_locale()) in current_app.config["RIGHT_TO_LEFT"]


@bp.get("/language/<lang>")
def switch(lang):
    """Remember the language for this browser and go back to the page the person was on."""
    if lang in current_app.config["GUEST_LANGUAGES"]:
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
