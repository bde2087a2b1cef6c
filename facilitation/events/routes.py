"""Organiser pages, the join flow and the facilitator's secret link."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user, login_required

from .. import flood
from ..errors import Refused
from ..extensions import db
from ..live import broadcast
from ..tables.operations import count_tables
from ..util import public_url, qr_svg_response
from . import access
from .forms import EventForm, WordsForm
from .operations import create_event, join_event, rotate_link, set_event_words

bp = Blueprint("events", __name__)


def _owned_event(event_id: int):
    event = access.event_or_404(event_id)
    if not access.owns(event):
        abort(403)
    return event


@bp.get("/events")
@login_required
def index():
    return render_template("events/index.html", events=current_user.events)


@bp.route("/events/new", methods=["GET", "POST"])
@login_required
def new():
    form = EventForm()
    error = None
    if form.validate_on_submit():
        try:
            event = create_event(
                form.title.data, language=form.language.data, starts_on=form.starts_on.data,
                venue=form.venue.data or "", role_tags=form.chosen_role_tags(), organiser=current_user,
                tables=form.tables.data or 0,
            )
        except Refused as refused:
            error = refused.message
        else:
            db.session.commit()
            flash(gettext("Your event is ready. Share the join code and open the console."))
            return redirect(url_for("events.show", event_id=event.id))
    status = 422 if request.method == "POST" else 200
    return render_template("events/new.html", form=form, error=error), status


@bp.get("/events/<int:event_id>")
@login_required
def show(event_id):
    event = _owned_event(event_id)
    words_form = WordsForm(held_words=", ".join(event.held_words or []),
                           allowed_words=", ".join(event.allowed_words or []))
    return render_template("events/show.html", event=event, links=event_links(event),
                           table_count=count_tables(event), words_form=words_form)


@bp.post("/events/<int:event_id>/words")
@login_required
def words(event_id):
    """The organiser's own words for the abuse filter of this event."""
    event = _owned_event(event_id)
    form = WordsForm()
    error = None
    if form.validate_on_submit():
        try:
            set_event_words(event, form.held_words.data, form.allowed_words.data)
        except Refused as refused:
            error = refused.message
        else:
            db.session.commit()
            flash(gettext("The words are saved. They count for posts from now on."))
            return redirect(url_for("events.show", event_id=event.id) + "#words")
    else:
        error = gettext("Those lists are too long.")
    db.session.rollback()
    return render_template("events/show.html", event=event, links=event_links(event), table_count=count_tables(event),
                           words_form=form, words_error=error), 422


@bp.post("/events/<int:event_id>/links/<audience>/rotate")
@login_required
def rotate(event_id, audience):
    event = _owned_event(event_id)
    if audience not in access.AUDIENCES:
        abort(404)
    rotate_link(event, audience)
    db.session.commit()
    broadcast.link_rotated(event, audience)
    flash(gettext("A new link is made. The old link no longer works."))
    return redirect(url_for("events.show", event_id=event.id))


@bp.get("/events/<int:event_id>/poster")
def poster(event_id):
    event = access.facilitated_event(event_id)
    return render_template("events/poster.html", event=event, links=event_links(event))


def event_links(event) -> dict:
    """The four addresses of an event, as phones and other laptops reach them."""
    return {
        "event_id": event.id,
        "join_code": event.join_code,
        "join_url": public_url("events.join", code=event.join_code),
        "facilitator_url": public_url("events.facilitator_link", event_id=event.id,
                                      token=event.link_token("facilitator")),
        "projector_url": public_url("projector.show", event_id=event.id, token=event.link_token("projector")),
    }


@bp.route("/j/<code>", methods=["GET", "POST"])
def join(code):
    event = access.event_by_code(code)
    if code != event.join_code:
        return redirect(url_for("events.join", code=event.join_code))
    if access.current_participant(event):
        return redirect(url_for("dreams.phone", code=event.join_code))
    error, status = None, 200
    if request.method == "POST":
        try:
            flood.check("join", f"address:{flood.address()}")
            _, key = join_event(event, request.form.get("name", ""), request.form.get("role_tag"))
        except Refused as refused:
            error, status = refused.message, 429 if refused.status == 429 else 422
        else:
            db.session.commit()
            access.remember_participant(event, key)
            return redirect(url_for("dreams.phone", code=event.join_code))
    return render_template("events/join.html", event=event, error=error, form=request.form), status


@bp.get("/j/<code>/qr.svg")
def join_qr(code):
    event = access.event_by_code(code)
    return qr_svg_response(public_url("events.join", code=event.join_code))


@bp.get("/f/<int:event_id>/<token>")
def facilitator_link(event_id, token):
    """Opening the secret link gives this browser the facilitator's rights for the event."""
    event = access.event_or_404(event_id)
    if not event.token_matches("facilitator", token):
        abort(403)
    access.grant_link(event, "facilitator", token)
    return redirect(url_for("facilitator.console", event_id=event.id))
