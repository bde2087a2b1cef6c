"""The organiser's pages. A shell: it sets up an event with what every feature adds to it."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user, login_required
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from ..actions import act
from ..branding import images
from ..branding.colours import STANDARD
from ..branding.forms import BrandForm
from ..branding.operations import set_brand
from ..branding.pushes import brand_changed
from ..events import access
from ..events.forms import DetailsForm, EventForm, NextEveningForm, SeriesChoiceForm, WordsForm
from ..events.queries import series_by_id, series_of
from ..events.links import event_links
from ..events.operations import put_in_series, rotate_link, set_event_words, update_details
from ..limits import BRAND_BODY, MAX_UPLOAD
from ..reports import series as series_figures
from ..live.broadcast import link_rotated, resync_participants, stage_changed
from ..security import render_error, takes_large_bodies
from ..tables.queries import count_tables
from .setup import duplicate_event, set_up_event

bp = Blueprint("organiser", __name__)


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
        tables=form.tables.data or 0, expected_guests=form.expected_guests.data),
        answer=made, refused=lambda error: render_template("organiser/new.html", form=form, error=error.message))


@bp.get("/events/<int:event_id>")
@login_required
@access.of_organiser
def show(event):
    return _show(event)


def _show(event, words_form=None, words_error=None, brand_error=None, brand_problems=None, brand_typed=None,
          next_form=None, next_error=None, series_error=None, details_form=None, details_error=None):
    if words_form is None:
        # the saved words (never the data of another form that was posted, such as the logo's)
        words_form = WordsForm(formdata=None, held_words=", ".join(event.held_words or []),
                               allowed_words=", ".join(event.allowed_words or []))
    return render_template("organiser/show.html", event=event, links=event_links(event),
                           table_count=count_tables(event), words_form=words_form, words_error=words_error,
                           brand_error=brand_error, brand_problems=brand_problems or {},
                           brand_typed=brand_typed or {}, standard_colour=STANDARD,
                           next_form=next_form or NextEveningForm(formdata=None, title=event.title),
                           next_error=next_error, series_error=series_error,
                           details_form=details_form or DetailsForm(formdata=None, obj=event),
                           details_error=details_error,
                           all_series=series_of(current_user))


@bp.post("/events/<int:event_id>/next")
@login_required
@access.of_organiser
def next_evening(event):
    """Duplicate the set-up (not the guests' data) as the start of the next evening in the same series."""
    form = NextEveningForm()
    if not form.validate_on_submit():
        message = " ".join(str(error) for errors in form.errors.values() for error in errors)
        return _show(event, next_form=form, next_error=message), 422

    def made(copy):
        flash(gettext("The next evening is ready, with the set-up of “%(title)s” and none of its guests' data.",
                      title=event.title))
        return redirect(url_for("organiser.show", event_id=copy.id))

    return act(lambda: duplicate_event(event, form.title.data, form.starts_on.data), answer=made,
               refused=lambda error: (_show(event, next_form=form, next_error=error.message), 422))


@bp.post("/events/<int:event_id>/series")
@login_required
@access.of_organiser
def set_series(event):

    def saved(series):
        flash(gettext("The event is in the series “%(name)s”.", name=series.name) if series
              else gettext("The event is in no series."))
        return redirect(url_for("organiser.show", event_id=event.id) + "#series")

    form = SeriesChoiceForm()
    return act(lambda: put_in_series(event, form.series_id.data, form.new_series.data),
               answer=saved, refused=lambda error: (_show(event, series_error=error.message), error.status))


@bp.get("/series/<int:series_id>")
@login_required
def series(series_id):
    """The evenings of a series side by side; each figure is the one in that evening's report."""
    found = series_by_id(series_id)
    if found is None:
        abort(404)
    if found.organiser_id != current_user.id:
        abort(403)
    events = list(found.events)
    return act(lambda: series_figures.prepare(events), answer=lambda _: render_template(
        "organiser/series.html", series=found, rows=series_figures.compare(events), unknown=series_figures.unknown()),
        refused=lambda error: render_error(error.status, error.message))


@bp.post("/events/<int:event_id>/details")
@login_required
@access.of_organiser
def details(event):
    """Title, date, venue and expected guests, changed after the event was made; every screen follows."""
    form = DetailsForm()
    if not form.validate_on_submit():
        return _show(event, details_form=form, details_error=gettext("Check the marked fields.")), 422

    def operation():
        update_details(event, form.title.data, form.starts_on.data, form.venue.data, form.expected_guests.data)
        stage_changed(event)
        resync_participants(event)

    def saved(_):
        flash(gettext("The details are saved."))
        return redirect(url_for("organiser.show", event_id=event.id) + "#details")

    return act(operation, answer=saved,
               refused=lambda error: (_show(event, details_form=form, details_error=error.message), 422))


@bp.post("/events/<int:event_id>/words")
@login_required
@access.of_organiser
def words(event):
    """The organiser's own words for the abuse filter of this event."""
    form = WordsForm()
    if not form.validate_on_submit():
        return _show(event, form, gettext("Those lists are too long.")), 422

    def saved(_):
        flash(gettext("The words are saved. They count for posts from now on."))
        return redirect(url_for("organiser.show", event_id=event.id) + "#words")

    return act(lambda: set_event_words(event, form.held_words.data, form.allowed_words.data), answer=saved,
               refused=lambda error: (_show(event, form, error.message), 422))


@bp.post("/events/<int:event_id>/brand")
@takes_large_bodies(BRAND_BODY)
@login_required
@access.of_organiser
def brand(event):
    """The event's logo and colour: saved, the logo removed, or back to the standard colour."""
    form = BrandForm()
    action = form.action.data
    upload = form.logo.data
    # one byte more than allowed is enough to know a file is too large
    data = upload.read(MAX_UPLOAD + 1) if upload is not None and upload.filename else None
    accent = STANDARD if action == "standard-colour" else form.accent.data

    def operation():
        set_brand(event, accent, data, remove_logo=action == "remove-logo")
        brand_changed(event)

    def saved(_):
        flash({"remove-logo": gettext("The logo is removed: it no longer shows anywhere."),
               "standard-colour": gettext("The standard colours are back.")}.get(
            action, gettext("The logo and colour are saved. The big screen and the phones show them now.")))
        return redirect(url_for("organiser.show", event_id=event.id) + "#brand")

    return act(operation, answer=saved, refused=lambda error: (
        _show(event, brand_error=error.message, brand_problems=error.fields, brand_typed={"accent": form.accent.data}), 422))



@bp.errorhandler(RequestEntityTooLarge)
def too_large(error):
    """A logo file far over the limit: the event page says so (the form could not be read at all)."""
    if request.endpoint != "organiser.brand" or not current_user.is_authenticated:
        return render_error(413)
    try:
        event = access.owned_event(request.view_args["event_id"])
    except HTTPException as refused:
        return render_error(refused.code)
    message = str(images.TOO_LARGE)
    return _show(event, brand_error=message, brand_problems={"logo": message}), 422


@bp.post("/events/<int:event_id>/links/<audience>/rotate")
@login_required
@access.of_organiser
def rotate(event, audience):
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
@access.of_facilitator
def poster(event):
    return render_template("organiser/poster.html", event=event, links=event_links(event))
