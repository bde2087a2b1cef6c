from flask import Blueprint, redirect, render_template, request, session, url_for
from flask_babel import gettext
from flask_login import login_required, login_user, logout_user

from .. import flood
from ..errors import Refused
from ..extensions import db, login_manager
from ..util import is_local_path
from .forms import LoginForm
from .models import Organiser
from .operations import authenticate

bp = Blueprint("accounts", __name__)

login_manager.login_view = "accounts.login"
login_manager.login_message = None


@login_manager.user_loader
def load_organiser(organiser_id: str):
    return db.session.get(Organiser, int(organiser_id))


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        try:
            flood.check("login", f"{flood.address()}:{form.email.data.strip().lower()}")
        except Refused as refused:
            return render_template("accounts/login.html", form=form, error=refused.message), refused.status
        organiser = authenticate(form.email.data, form.password.data)
        if organiser:
            # a fresh session on login, keeping only the chosen language
            lang = session.get("lang")
            session.clear()
            if lang:
                session["lang"] = lang
            login_user(organiser)
            target = request.args.get("next")
            return redirect(target if is_local_path(target) else url_for("organiser.index"))
        error = gettext("That e-mail address and password do not match.")
    status = 422 if request.method == "POST" else 200
    return render_template("accounts/login.html", form=form, error=error), status


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    return redirect(url_for("home.index"))
