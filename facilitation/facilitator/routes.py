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
@access.of_facilitator
def console(event):
    return render_template("facilitator/console.html", links=event_links(event), columns=panels.arranged(event),
                           **panels.page_context(event, request.args))


@bp.get("/panels/<name>")
@access.of_facilitator
def panel(event, name):
    """One panel again, fetched when its signal arrives (or after "show more" and a search)."""
    if name not in panels.PANELS:
        abort(404)
    return panels.render(name, event, request.args)
