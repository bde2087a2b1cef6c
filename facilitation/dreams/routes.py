"""The participant's phone: write dreams, see the wall, give hearts. Works without JavaScript."""
import secrets

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext

from .. import flood
from ..errors import Refused
from ..events import access
from ..events.operations import join_for_neighbour
from ..extensions import db, htmx
from ..live import broadcast
from ..programme import timer
from ..programme.models import Deed, Rating
from ..programme.operations import announcements_for, rate_evening, write_deed
from ..tables.operations import count_tables, seat_of
from ..tables.queries import has_harvest
from ..util import utcnow
from .operations import post_dream, toggle_heart
from .queries import get_dream, hearted_ids, own_dreams, phone_wall

bp = Blueprint("dreams", __name__)



def _phone_context(event, participant, **extra) -> dict:
    return {
        "event": event,
        "participant": participant,
        "own": own_dreams(participant),
        "wall": phone_wall(event),
        "hearted_ids": hearted_ids(participant),
        "seat": seat_of(participant),
        "table_count": count_tables(event),
        "harvest_open": has_harvest(event),
        "announcements": announcements_for(event, participant, set(session.get("dismissed", []))),
        "my_deed": db.session.scalar(db.select(Deed).filter_by(participant_id=participant.id)),
        "my_rating": db.session.scalar(db.select(Rating).filter_by(participant_id=participant.id)),
        "timer": timer.state(event, utcnow()),
        # a fresh key per form: sending the same form twice stores one dream
        "request_key": secrets.token_urlsafe(16),
        "text": "",
        "error": None,
        **extra,
    }


@bp.get("/e/<code>")
def phone(code):
    event = access.event_by_code(code)
    participant = access.participant_or_join(event)
    return render_template("dreams/phone.html", **_phone_context(event, participant))


@bp.get("/e/<code>/live")
def live(code):
    """What a phone fetches after (re)connecting, to catch up with the database."""
    event = access.event_by_code(code)
    if access.current_participant(event) is None:
        abort(403)
    return render_template("dreams/_live.html", **_phone_context(event, access.current_participant(event)))


@bp.post("/e/<code>/dreams")
def post(code):
    event = access.event_by_code(code)
    participant = access.participant_or_join(event)
    text = request.form.get("text", "")
    try:
        flood.check("post", f"participant:{participant.id}")
        dream, created = post_dream(event, participant, text, request.form.get("request_key"))
    except Refused as refused:
        # keep what the person typed, and say why
        context = _phone_context(event, participant, text=text, error=refused.message)
        template = "dreams/_form.html" if htmx else "dreams/phone.html"
        return render_template(template, **context), refused.status
    db.session.commit()
    if created:
        broadcast.dream_posted(dream, event)
    if htmx:
        return render_template("dreams/_posted.html", **_phone_context(event, participant, posted=True))
    flash(gettext("Your dream is on the wall."))
    return redirect(url_for("dreams.phone", code=event.join_code))


@bp.post("/e/<code>/neighbour")
def neighbour(code):
    """Write for a guest without a smartphone: they become a participant of their own, with their dream."""
    event = access.event_by_code(code)
    helper = access.participant_or_join(event)
    form = request.form
    try:
        flood.check("post", f"participant:{helper.id}")
        guest = join_for_neighbour(helper, form.get("name", ""), form.get("role_tag"))
        dream, _ = post_dream(event, guest, form.get("text", ""), form.get("request_key"))
    except Refused as refused:
        db.session.rollback()
        context = _phone_context(event, helper, neighbour_error=refused.message, neighbour_form=form)
        return render_template("dreams/phone.html", **context), refused.status
    db.session.commit()
    broadcast.dream_posted(dream, event)
    flash(gettext("The dream of %(name)s is on the wall.", name=guest.name) if guest.name
          else gettext("Their dream is on the wall."))
    return redirect(url_for("dreams.phone", code=event.join_code))


@bp.post("/e/<code>/dreams/<int:dream_id>/heart")
def heart(code, dream_id):
    event = access.event_by_code(code)
    participant = access.participant_or_join(event)
    dream = get_dream(event, dream_id)
    if dream is None:
        abort(404)
    error = None
    try:
        flood.check("mark", f"participant:{participant.id}")
        toggle_heart(dream, participant)
    except Refused as refused:
        db.session.rollback()
        error = refused.message
        status = refused.status
    else:
        db.session.commit()
        broadcast.hearts_changed(dream, event)
        status = 200
    if htmx:
        return render_template("dreams/_heart.html", event=event, dream=dream, error=error,
                               hearted=dream.id in hearted_ids(participant)), status
    if error:
        flash(error, "error")
    return redirect(url_for("dreams.phone", code=event.join_code, _anchor=f"dream-{dream.id}"))


@bp.post("/e/<code>/deed")
def deed(code):
    """Closing part: what will I do next week? It joins the deeds wall beside the dreams."""
    event = access.event_by_code(code)
    participant = access.participant_or_join(event)
    text = request.form.get("text", "")
    try:
        flood.check("post", f"participant:{participant.id}")
        write_deed(event, participant, text)
    except Refused as refused:
        db.session.rollback()
        return render_template("dreams/phone.html", **_phone_context(event, participant, deed_error=refused.message,
                                                                        deed_text=text)), refused.status
    db.session.commit()
    broadcast.wall_changed(event)
    flash(gettext("Your deed is on the wall. Good luck!"))
    return redirect(url_for("dreams.phone", code=event.join_code))


@bp.post("/e/<code>/rating")
def rating(code):
    event = access.event_by_code(code)
    participant = access.participant_or_join(event)
    try:
        rate_evening(event, participant, request.form.get("score"), request.form.get("comment", ""))
    except Refused as refused:
        db.session.rollback()
        return render_template("dreams/phone.html", **_phone_context(event, participant,
                                                                        rating_error=refused.message)), refused.status
    db.session.commit()
    broadcast.wall_changed(event)
    flash(gettext("Thank you for your rating."))
    return redirect(url_for("dreams.phone", code=event.join_code))
