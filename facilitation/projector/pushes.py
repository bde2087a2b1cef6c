"""The facilitator changed what the big screen shows."""
from ..live.broadcast import panels, stage_changed


def view_changed(event) -> None:
    """The screen shows something else: the big screen, and the console's view buttons."""
    stage_changed(event)
    panels(event, "projector")
