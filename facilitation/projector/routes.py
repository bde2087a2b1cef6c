"""The big screen: the projector link opens it, and it follows the facilitator's choices live."""
from flask import Blueprint, abort, render_template

from ..events import access
from .stage import stage_context

bp = Blueprint("projector", __name__, url_prefix="/p/<int:event_id>/<token>")


def _event(event_id, token):
    """The projector link is the credential: it works on every reload until rotated."""
    event = access.event_or_404(event_id)
    if not event.token_matches("projector", token):
        abort(403)
    access.grant_link(event, "projector", token)
    return event


@bp.get("/")
def show(event_id, token):
    event = _event(event_id, token)
    return render_template("projector/show.html", **stage_context(event, token))


@bp.get("/stage")
def stage(event_id, token):
    event = _event(event_id, token)
    return render_template("projector/_stage.html", **stage_context(event, token))
