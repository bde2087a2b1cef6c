"""The join flow and the facilitator's secret link. The organiser's pages live in organiser/."""
from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import get_locale

from . import flood
from ..actions import act
from ..live import broadcast
from ..util import public_url, qr_svg_response
from . import access
from .forms import JoinForm
from .operations import join_event


bp = Blueprint("events", __name__)


@bp.route("/j/<code>", methods=["GET", "POST"])
def join(code):
    # written out, not @access.of_event: the code as typed ("x3k9 q2mp") goes on to its canonical form
    event = access.event_by_code(code)
    if code != event.join_code:
        return redirect(url_for("events.join", code=event.join_code))
    if access.current_participant(event):
        return redirect(url_for("dreams.phone", code=event.join_code))
    form = JoinForm()
    if request.method == "GET":
        return render_template("events/join.html", event=event, error=None, form={})

    def joined(made):
        access.remember_participant(event, made[1])
        return redirect(url_for("dreams.phone", code=event.join_code))

    def operation():
        # joins per address are limited generously: 500 phones behind one venue address get in; a burst of
        # joins from one address far beyond the expected guests gets in too, but uncounted (events.bursts)
        flood.check("join", f"address:{flood.address()}")
        joined = join_event(event, form.name.data, form.role_tag.data, address=flood.address(),
                            language=str(get_locale()))
        broadcast.panels(event, "dreams")  # the consoles' guest count (a console fetches it at most once a second)
        return joined

    return act(operation, answer=joined,
               refused=lambda error: render_template("events/join.html", event=event, error=error.message,
                                                     form=form.typed()))


@bp.get("/j/<code>/qr.svg")
@access.of_event
def join_qr(event):
    return qr_svg_response(public_url("events.join", code=event.join_code))


@bp.get("/f/<int:event_id>/<token>")
def facilitator_link(event_id, token):
    """Opening the secret link gives this browser the facilitator's rights for the event."""
    event = access.open_link(event_id, "facilitator", token)
    return redirect(url_for("facilitator.console", event_id=event.id))
