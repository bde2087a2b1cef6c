"""The moderation panel of the console: the queue of every kind of post that waits (dreams, contributions,
advice cards, deeds, comments, names), approve / hide / correct, the open or pre-moderated switch, the deeds
on view (to hide one afterwards), and the log of what was done."""
from flask import Blueprint, abort, url_for

from .. import panels
from ..actions import act, fragment_or_back, refusal_or_back
from ..dreams import operations as dream_ops
from ..dreams import pushes as dream_pushes
from ..dreams.operations import set_moderation
from ..dreams.queries import get_dream
from ..events.operations import let_unchecked_languages_pass
from ..enums import ModerationActionKind, ModerationMode, PostKind
from ..events import access, bursts
from ..events.queries import burst_in, waiting_bursts
from ..live import broadcast
from ..programme.queries import deeds
from . import posts
from .forms import CorrectionForm
from .operations import console_name, log_action
from .queries import recent_actions

bp = Blueprint("moderation_console", __name__, url_prefix="/console/<int:event_id>")

#: posts the queue shows at once (oldest first); the count says how many more wait
QUEUE_PAGE = 20
#: the newest deeds the panel lists, each with a button to hide it
DEEDS_SHOWN = 20
#: the kind of post as it appears in the URL
KIND_IN_URL = {"dreams": PostKind.dream, "contributions": PostKind.contribution, "cards": PostKind.card,
               "deeds": PostKind.deed, "comments": PostKind.comment, "names": PostKind.name,
               "market": PostKind.market, "checkins": PostKind.checkin,
               "questions": PostKind.question, "polls": PostKind.poll, "agreements": PostKind.agreement}
URL_OF_KIND = {kind: segment for segment, kind in KIND_IN_URL.items()}
ACTIONS = {"approve": (ModerationActionKind.approve, posts.approve),
           "hide": (ModerationActionKind.hide, posts.hide),
           "edit": (ModerationActionKind.edit, posts.correct)}


@panels.register("moderation", "moderation/_console_panel.html", order=20, column="right")
def panel(event, args) -> dict:
    queue, waiting = posts.waiting_posts(event, QUEUE_PAGE)
    return {"queue": queue, "waiting": waiting, "log": recent_actions(event), "deeds_on_view": deeds(event, DEEDS_SHOWN),
            "kind_in_url": URL_OF_KIND, "bursts": waiting_bursts(event)}


@bp.post("/<any(" + ", ".join(KIND_IN_URL) + "):kinds>/<int:post_id>"
         "/<any(approve, edit, hide):action>")
@access.of_facilitator
def moderate(event, kinds, post_id, action):
    """Approve, hide or correct one post of any kind; logged with the console that did it.

    (Hiding a dream has its own, more specific route below, which also restores it.)
    """
    kind = KIND_IN_URL[kinds]
    post = posts.post_or_none(event, kind, post_id)
    if post is None:
        abort(404)
    logged, change = ACTIONS[action]
    form = CorrectionForm()

    def operation():
        if action == "edit":
            change(event, kind, post, form.data)
        else:
            change(event, kind, post)
        log_action(event, kind, post, logged, console_name())
    table_id = form.table_id.data

    if table_id.isdecimal() and len(table_id) < 10:
        # from a table's stream (a plain page): back to it
        back = url_for("tables_console.table_stream", event_id=event.id, table_id=int(table_id))
        return act(operation, answer=lambda _: fragment_or_back(None, back), refused=refusal_or_back(None, back))
    return panels.act_on(event, operation, "moderation")


def _on_dream(event, dream_id, kind: ModerationActionKind, change, tell_the_room):
    """Hide or restore one dream (from the dreams panel or the queue), logged with the console that did it."""
    dream = get_dream(event, dream_id)
    if dream is None:
        abort(404)

    def operation():
        change(dream, event)
        log_action(event, PostKind.dream, dream, kind, console_name())
        tell_the_room(dream, event)
    return panels.act_on(event, operation, "dreams")


@bp.post("/dreams/<int:dream_id>/hide")
@access.of_facilitator
def hide_dream(event, dream_id):
    return _on_dream(event, dream_id, ModerationActionKind.hide, dream_ops.hide_dream, dream_pushes.dream_removed)


@bp.post("/dreams/<int:dream_id>/restore")
@access.of_facilitator
def restore_dream(event, dream_id):
    return _on_dream(event, dream_id, ModerationActionKind.restore, dream_ops.restore_dream,
                     dream_pushes.dream_restored)


@bp.post("/moderation/<any(open, premoderated):mode>")
@access.of_facilitator
def mode(event, mode):

    def operation():
        set_moderation(event, ModerationMode(mode))
        dream_pushes.moderation_mode_changed(event)
    return panels.act_on(event, operation, "moderation")


@bp.post("/moderation/languages/<any(check, pass):answer>")
@access.of_facilitator
def languages(event, answer):
    """Posts in a language the screening cannot read: wait for the facilitator (the default) or show at once."""
    return panels.act_on(event, lambda: let_unchecked_languages_pass(event, answer == "pass"), "moderation")


@bp.post("/bursts/<int:burst_id>/<any(accept, ignore):answer>")
@access.of_facilitator
def burst(event, burst_id, answer):
    """Many new guests from one address in a minute: count them (a hall behind one Wi-Fi), or leave their
    votes out (a script that joins again and again); see events.bursts."""
    joined = burst_in(event, burst_id)
    if joined is None:
        abort(404)

    def operation():
        bursts.decide(joined, answer == "accept")
        broadcast.panels(event, "dreams", "room", "tables")  # the guest count, the results, the seats
    return panels.act_on(event, operation, "moderation")
