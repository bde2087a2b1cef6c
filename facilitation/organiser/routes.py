"""The organiser's pages. A shell: it sets up an event with what every feature adds to it."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user, login_required

from ..actions import act
from ..events import access
from ..events.forms import EventForm, WordsForm
from ..events.links import event_links
from ..events.operations import rotate_link, set_event_words
from ..live.broadcast import link_rotated
from ..tables.queries import count_tables
from .setup import set_up_event

bp = Blueprint("organiser", __name__)


def _owned_event(event_id: int):
    event = access.event_or_404(event_id)
    if not access.owns(event):
        abort(403)
    return event


@bp.get("/events")
@login_required
def index():
    return render_template("organiser/index.html", events=current_user.events)


@bp.route("/events/new", methods=["GET", "POST"])
@login_required
def new():
    form = EventForm()
    if not form.validate_on_submit():
        status = 422 if request.method == "POST" else 200
        return render_template("organiser/new.html", form=form, error=None), status

    def made(event):
        flash(gettext("Your event is ready. Share the join code and open the console."))
        return redirect(url_for("organiser.show", event_id=event.id))

    return act(lambda: set_up_event(
        title=form.title.data, language=form.language.data, starts_on=form.starts_on.data,
        venue=form.venue.data or "", role_tags=form.chosen_role_tags(), organiser=current_user,
        tables=form.tables.data or 0),
        answer=made, refused=lambda error: render_template("organiser/new.html", form=form, error=error.message))


@bp.get("/events/<int:event_id>")
@login_required
def show(event_id):
    event = _owned_event(event_id)
    words_form = WordsForm(held_words=", ".join(event.held_words or []),
                           allowed_words=", ".join(event.allowed_words or []))
    return _show(event, words_form)


def _show(event, words_form, words_error=None):
    return render_template("organiser/show.html", event=event, links=event_links(event),
                           table_count=count_tables(event), words_form=words_form, words_error=words_error)


@bp.post("/events/<int:event_id>/words")
@login_required
def words(event_id):
    """The organiser's own words for the abuse filter of this event."""
    event = _owned_event(event_id)
    form = WordsForm()
    if not form.validate_on_submit():
        return _show(event, form, gettext("Those lists are too long.")), 422

    def saved(_):
        flash(gettext("The words are saved. They count for posts from now on."))
        return redirect(url_for("organiser.show", event_id=event.id) + "#words")

    return act(lambda: set_event_words(event, form.held_words.data, form.allowed_words.data), answer=saved,
               refused=lambda error: (_show(event, form, error.message), 422))


@bp.post("/events/<int:event_id>/links/<audience>/rotate")
@login_required
def rotate(event_id, audience):
    event = _owned_event(event_id)
    if audience not in access.AUDIENCES:
        abort(404)

    def operation():
        rotate_link(event, audience)
        link_rotated(event, audience)

    def rotated(_):
        flash(gettext("A new link is made. The old link no longer works."))
        return redirect(url_for("organiser.show", event_id=event.id))

    return act(operation, answer=rotated, refused=lambda error: abort(error.status))


@bp.get("/events/<int:event_id>/poster")
def poster(event_id):
    event = access.facilitated_event(event_id)
    return render_template("organiser/poster.html", event=event, links=event_links(event))
