"""Language choice: the participant's own choice first, then the event's language, then Dutch."""
from flask import Blueprint, current_app, g, redirect, request, session, url_for

from .util import is_local_path

bp = Blueprint("i18n", __name__)


def select_locale() -> str:
    chosen = session.get("lang")
    if chosen in current_app.config["LANGUAGES"]:
        return chosen
    event = g.get("event")
    if event is not None:
        return event.language
    return current_app.config["BABEL_DEFAULT_LOCALE"]


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
