"""The front door: organisers go to their events, guests type a join code."""
from datetime import date

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from .errors import Refused
from .events import access

bp = Blueprint("home", __name__)


@bp.get("/")
def index():
    if current_user.is_authenticated:
        return redirect(url_for("organiser.index"))
    return render_template("home.html")


#: the day the accessibility statement was last checked against the app (docs/accessibility.md)
STATEMENT_DATE = date(2026, 12, 7)


@bp.get("/accessibility")
def accessibility():
    """The accessibility statement, linked from every page's footer (headings of the W3C statement generator)."""
    return render_template("accessibility.html", statement_date=STATEMENT_DATE)


@bp.get("/join")
def join_by_code():
    """The form on the front page: a typed code leads to the event's join page."""
    code = request.args.get("code", "")
    try:
        event = access.lookup_code(code)
    except Refused as refused:
        return render_template("home.html", code=code, error=refused.message), refused.status
    if event is None:
        message = gettext("We do not know this code. Check it on the screen and try again.")
        return render_template("home.html", code=code, error=message), 404
    return redirect(url_for("events.join", code=event.join_code))
