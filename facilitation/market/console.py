"""The market panel of the console: the facilitator as broker (unanswered needs and offers, suggested
pairs, a proposal to both guests), a need on the big screen, the rubrics, and opening or closing it."""
from flask import Blueprint

from .. import panels
from ..events import access
from . import operations as ops
from . import pushes
from .forms import RubricsForm
from .queries import broker, counts, highlighted, post_in
from .rubrics import rubrics

bp = Blueprint("market_console", __name__, url_prefix="/console/<int:event_id>/market")

SHOWN = 20


@panels.register("market", "market/_console_panel.html", order=35, column="right", parts=("market",))
def panel(event, args) -> dict:
    found = broker(event, SHOWN)
    return {"market": counts(event), "broker": found, "unanswered_needs": found.needs, "unanswered_offers": found.offers,
            "pairs": found.pairs, "market_rubrics": rubrics(event), "highlighted_need": highlighted(event)}


def _act(event, change):
    return panels.change_and_tell(event, change, lambda e: pushes.market_changed(e, None), "market")


@bp.post("/<any(open, close):action>")
@access.of_facilitator
def open_or_close(event, action):

    def operation():
        ops.set_market(event, action == "open")
        pushes.opened_or_closed(event)
    return panels.act_on(event, operation, "market")


@bp.post("/propose/<offer_id>/<need_id>")
@access.of_facilitator
def propose(event, offer_id, need_id):

    def operation():
        connection = ops.propose(event, post_in(event, offer_id), post_in(event, need_id))
        pushes.connection_changed(event, connection)
    return panels.act_on(event, operation, "market")


@bp.post("/highlight/<post_id>")
@access.of_facilitator
def highlight(event, post_id):
    if post_id == "none":
        return _act(event, lambda: ops.clear_highlight(event))
    return _act(event, lambda: ops.highlight(event, post_in(event, post_id)))


@bp.post("/rubrics")
@access.of_facilitator
def set_rubrics(event):
    rubrics = RubricsForm().rubrics.data
    return _act(event, lambda: ops.set_rubrics(event, rubrics))

