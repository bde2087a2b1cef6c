"""The big screen: the projector link opens it, and it follows the facilitator's choices live.

The link's token is in one address only, the link itself: opening it lets this browser show the
screen and moves on to an address without the token, so the screen's refreshes every few seconds
never write the secret into an access log.
"""
from flask import Blueprint, redirect, render_template, request, url_for

from ..events import access
from .stage import stage_context

bp = Blueprint("projector", __name__, url_prefix="/p/<int:event_id>")


@bp.get("/<token>/")
def link(event_id, token):
    """The projector link works on every open until it is rotated."""
    event = access.open_link(event_id, "projector", token)
    return redirect(url_for("projector.show", event_id=event.id))


@bp.get("/")
@access.of_projector
def show(event):
    return render_template("projector/show.html", **stage_context(event))


@bp.get("/stage")
@access.of_projector
def stage(event):
    """The stage again; `offset` is where the wall's next batch of dreams starts."""
    offset = request.args.get("offset", "")
    offset = int(offset) if offset.isdecimal() and len(offset) < 7 else 0
    return render_template("projector/_stage.html", **stage_context(event, offset))
