"""The facilitator changed what the big screen shows."""
from ..live.broadcast import stage_changed


def view_changed(event) -> None:
    stage_changed(event)
