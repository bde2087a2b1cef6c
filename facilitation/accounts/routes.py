from urllib.parse import urlsplit

from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from flask_babel import gettext
from flask_htmx.responses import HTMXResponseClientRedirect
from flask_login import current_user, login_required, login_user, logout_user

from ..actions import act
from ..errors import Refused
from ..extensions import htmx, login_manager
from ..util import is_local_path
from . import login_rules
from .forms import LoginForm
from .operations import authenticate, organiser_by_id

bp = Blueprint("accounts", __name__)



@login_manager.unauthorized_handler
def must_log_in():
    """An organiser's page without a login: a plain request is sent to the login page (302), and comes back
    after it. An htmx request gets 401 and HX-Redirect, so the whole page goes to the login: followed
    silently, the redirect would put the login form inside a panel and answer 200."""
    if htmx:
        came_from = urlsplit(htmx.current_url or "")
        back = came_from.path + (f"?{came_from.query}" if came_from.query else "")
        return HTMXResponseClientRedirect(url_for("accounts.login", next=back if is_local_path(back) else None),
                                          status=401)
    return redirect(url_for("accounts.login", next=request.full_path.rstrip("?")))


@login_manager.user_loader
def load_organiser(user_id: str):
    """The organiser of this session, unless they logged out or changed the password since."""
    organiser_id, _, epoch = (user_id or "").partition(".")
    if not (organiser_id.isdecimal() and epoch.isdecimal() and len(organiser_id) < 19):
        return None  # a session from before session epochs, or a forged one
    organiser = organiser_by_id(int(organiser_id))
    if organiser is None or organiser.session_epoch != int(epoch):
        return None
    return organiser


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if not form.validate_on_submit():
        status = 422 if request.method == "POST" else 200
        return render_template("accounts/login.html", form=form, error=None), status
    email = form.email.data.strip().lower()
    if not login_rules.may_try(email):
        return render_template("accounts/login.html", form=form, error=login_rules.WAIT), 429

    def operation():
        # a password hash made at an older cost is replaced, so logging in is an action
        organiser = authenticate(form.email.data, form.password.data)
        if organiser is None:
            raise Refused(gettext("That e-mail address and password do not match."))
        return organiser

    def logged_in(organiser):
        # a fresh session on login, keeping only the chosen language
        lang = session.get("lang")
        session.clear()
        if lang:
            session["lang"] = lang
        login_user(organiser)
        target = request.args.get("next")
        return login_rules.remember_device(
            redirect(target if is_local_path(target) else url_for("organiser.index")), organiser.email)

    def refused(error):
        if login_rules.failed(email):
            return render_template("accounts/login.html", form=form, error=error.message), 422
        return render_template("accounts/login.html", form=form, error=login_rules.WAIT), 429

    return act(operation, answer=logged_in, refused=refused)


@bp.post("/logout")
@login_required
def logout():
    # the server forgets this session and every other one of this organiser: a copied cookie opens nothing;
    # the browser forgets every link it opened too (a console or big-screen link proof), keeping its language
    def logged_out(_):
        logout_user()
        kept = {key: session[key] for key in ("lang", "large_text") if key in session}
        session.clear()
        session.update(kept)
        return redirect(url_for("home.index"))

    return act(current_user.end_sessions, answer=logged_out, refused=lambda error: abort(error.status))
