"""The dreams panel of the console: the wall's counts, the newest dreams with search and filter, and the
facilitator's actions on dreams (spotlight, open or close the wall, paper cards; hiding and restoring a dream
are moderation: moderation/console.py)."""
from flask import Blueprint, abort

from .. import panels
from ..events import access
from ..events.operations import paper_participant
from . import operations as ops
from . import pushes
from .forms import DreamForm
from .queries import CONSOLE_FILTERS, console_dreams, get_dream, wall_counts

bp = Blueprint("dreams_console", __name__, url_prefix="/console/<int:event_id>")

#: dreams the panel shows at first; "show more" adds as many again
PAGE = 50


def _page_args(args) -> dict:
    """Search, filter and length of the list, from the query string; anything odd falls back to the default."""
    query = (args.get("q") or "").strip()[:100]
    chosen = args.get("filter") or "all"
    limit = args.get("limit", "")
    limit = int(limit) if limit.isdecimal() and len(limit) < 6 else PAGE
    return {"q": query, "filter": chosen if chosen in CONSOLE_FILTERS else "all",
            "limit": max(PAGE, min(limit, 2000))}


@panels.register("dreams", "dreams/_console_panel.html", order=30, parts=("dreams",))
def panel(event, args) -> dict:
    page = _page_args(args)
    shown, more = console_dreams(event, page["q"], page["filter"], page["limit"])
    return {"counts": wall_counts(event), "dreams": shown, "more_dreams": more, "dream_page": page,
            "dream_filters": CONSOLE_FILTERS}


def dream_or_404(event, dream_id):
    dream = get_dream(event, dream_id)
    if dream is None:
        abort(404)
    return dream


@bp.post("/dreams/<int:dream_id>/spotlight")
@access.of_facilitator
def spotlight(event, dream_id):
    dream = dream_or_404(event, dream_id)

    def operation():
        ops.spotlight_dream(event, dream)
        pushes.spotlight_changed(event)
    return panels.act_on(event, operation, "dreams")


@bp.post("/spotlight/clear")
@access.of_facilitator
def clear_spotlight(event):

    def operation():
        ops.spotlight_dream(event, None)
        pushes.spotlight_changed(event)
    return panels.act_on(event, operation, "dreams")


@bp.post("/posting/<any(open, close):action>")
@access.of_facilitator
def posting(event, action):

    def operation():
        ops.set_dream_posting(event, action == "open")
        pushes.posting_changed(event)
    return panels.act_on(event, operation, "dreams")


@bp.post("/paper")
@access.of_facilitator
def paper(event):
    """Type in a dream from a paper card; it appears on the wall like any other."""

    def operation():
        form = DreamForm()
        dream, created = ops.post_dream(event, paper_participant(event), form.text.data, form.request_key.data,
                                        by_facilitator=True)

        if created:
            pushes.dream_posted(dream, event)
    return panels.act_on(event, operation, "dreams")
