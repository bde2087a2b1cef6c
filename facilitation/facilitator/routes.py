"""The console: a shell that shows every feature's panel side by side.

Each panel (programme, moderation, dreams, tables, projector) belongs to its feature, which also owns
the panel's actions; see facilitation/panels.py and docs/architecture.md.
"""
from flask import Blueprint, abort, render_template, request

from .. import panels
from ..events import access
from ..events.links import event_links

bp = Blueprint("facilitator", __name__, url_prefix="/console/<int:event_id>")


@bp.get("/")
def console(event_id):
    event = access.facilitated_event(event_id)
    return render_template("facilitator/console.html", links=event_links(event), columns=panels.arranged(event),
                           **panels.page_context(event, request.args))


@bp.get("/panels/<name>")
def panel(event_id, name):
    """One panel again, fetched when its signal arrives (or after "show more" and a search)."""
    event = access.facilitated_event(event_id)
    if name not in panels.PANELS:
        abort(404)
    return panels.render(name, event, request.args)
