from flask import Blueprint, abort, flash, redirect, render_template, url_for

from ..dreams import operations as dream_ops
from ..dreams.queries import console_dreams, get_dream, wall_counts
from ..errors import Refused
from ..events import access
from ..events.routes import event_links
from ..extensions import db, htmx
from ..live import broadcast

bp = Blueprint("facilitator", __name__, url_prefix="/console/<int:event_id>")


def _console_context(event) -> dict:
    return {"event": event, "dreams": console_dreams(event), "counts": wall_counts(event)}


@bp.get("/")
def console(event_id):
    event = access.facilitated_event(event_id)
    return render_template("facilitator/console.html", links=event_links(event), **_console_context(event))


@bp.get("/wall")
def wall(event_id):
    """The console's live part, fetched again whenever the wall changes."""
    event = access.facilitated_event(event_id)
    return render_template("facilitator/_wall.html", **_console_context(event))


def _answer(event, refused: Refused | None = None):
    """After an action: the fresh wall for htmx, or back to the console without JavaScript."""
    if htmx:
        status = refused.status if refused else 200
        return render_template("facilitator/_wall.html", error=refused and refused.message,
                               **_console_context(event)), status
    if refused:
        flash(refused.message, "error")
    return redirect(url_for("facilitator.console", event_id=event.id))


def _dream(event, dream_id):
    dream = get_dream(event, dream_id)
    if dream is None:
        abort(404)
    return dream


def _act(event, change, announce):
    """Apply one moderation change: refused politely, or committed and then announced."""
    try:
        change()
    except Refused as refused:
        return _answer(event, refused)
    db.session.commit()
    announce()
    return _answer(event)


@bp.post("/dreams/<int:dream_id>/hide")
def hide(event_id, dream_id):
    event = access.facilitated_event(event_id)
    dream = _dream(event, dream_id)
    return _act(event, lambda: dream_ops.hide_dream(dream, event), lambda: broadcast.dream_removed(dream, event))


@bp.post("/dreams/<int:dream_id>/restore")
def restore(event_id, dream_id):
    event = access.facilitated_event(event_id)
    dream = _dream(event, dream_id)
    return _act(event, lambda: dream_ops.restore_dream(dream, event), lambda: broadcast.dream_restored(dream, event))


@bp.post("/dreams/<int:dream_id>/spotlight")
def spotlight(event_id, dream_id):
    event = access.facilitated_event(event_id)
    dream = _dream(event, dream_id)
    return _act(event, lambda: dream_ops.spotlight_dream(event, dream), lambda: broadcast.wall_changed(event))


@bp.post("/spotlight/clear")
def clear_spotlight(event_id):
    event = access.facilitated_event(event_id)
    return _act(event, lambda: dream_ops.spotlight_dream(event, None), lambda: broadcast.wall_changed(event))


@bp.post("/posting/<any(open, close):action>")
def posting(event_id, action):
    event = access.facilitated_event(event_id)
    return _act(event, lambda: dream_ops.set_dream_posting(event, action == "open"),
                lambda: broadcast.posting_changed(event))
