from flask import Blueprint, abort, current_app, render_template

from ..dreams.queries import projector_wall, wall_counts
from ..events import access

bp = Blueprint("projector", __name__, url_prefix="/p/<int:event_id>/<token>")


def _event(event_id, token):
    """The projector link is the credential: it works on every reload until rotated."""
    event = access.event_or_404(event_id)
    if not event.token_matches("projector", token):
        abort(403)
    access.grant_link(event, "projector", token)
    return event


def _stage_context(event, token) -> dict:
    return {
        "event": event,
        "token": token,
        "clouds": projector_wall(event, current_app.config["PROJECTOR_WALL_SIZE"]),
        "counts": wall_counts(event),
        "spotlight": event.spotlight_dream,
    }


@bp.get("/")
def show(event_id, token):
    event = _event(event_id, token)
    return render_template("projector/show.html", **_stage_context(event, token))


@bp.get("/stage")
def stage(event_id, token):
    event = _event(event_id, token)
    return render_template("projector/_stage.html", **_stage_context(event, token))
