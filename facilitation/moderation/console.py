"""The moderation panel of the console: the queue of posts that wait, approve / hide / correct, the
open or pre-moderated switch, and the log of what was done."""
from flask import Blueprint, request

from .. import panels
from ..dreams import operations as dream_ops
from ..dreams import pushes as dream_pushes
from ..dreams.console import dream_or_404, moderate
from ..dreams.queries import held_dreams
from ..enums import ModerationActionKind, ModerationMode
from ..events import access
from .queries import recent_actions

bp = Blueprint("moderation_console", __name__, url_prefix="/console/<int:event_id>")

#: posts the queue shows at once (oldest first); the count says how many more wait
QUEUE_PAGE = 20


@panels.register("moderation", "moderation/_console_panel.html", order=20)
def panel(event, args) -> dict:
    queue, waiting = held_dreams(event, QUEUE_PAGE)
    return {"queue": queue, "waiting": waiting, "log": recent_actions(event)}


@bp.post("/dreams/<int:dream_id>/approve")
def approve(event_id, dream_id):
    event = access.facilitated_event(event_id)
    dream = dream_or_404(event, dream_id)
    return moderate(event, dream, ModerationActionKind.approve, lambda: dream_ops.approve_dream(dream, event),
                    lambda: dream_pushes.dream_approved(dream, event), "moderation")


@bp.post("/dreams/<int:dream_id>/edit")
def edit(event_id, dream_id):
    event = access.facilitated_event(event_id)
    dream = dream_or_404(event, dream_id)
    was_visible = dream.visible
    return moderate(event, dream, ModerationActionKind.edit,
                    lambda: dream_ops.edit_dream(dream, event, request.form.get("text", "")),
                    lambda: dream_pushes.dream_corrected(dream, event, was_visible), "moderation")


@bp.post("/moderation/<any(open, premoderated):mode>")
def mode(event_id, mode):
    event = access.facilitated_event(event_id)

    def operation():
        dream_ops.set_moderation(event, ModerationMode(mode))
        dream_pushes.moderation_mode_changed(event)
    return panels.act_on(event, operation, "moderation")
