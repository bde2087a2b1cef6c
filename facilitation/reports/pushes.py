"""What the room hears when the organiser edits the themes: the big screen's theme view and the consoles' theme
list show the same grouping as the report."""
from ..live.broadcast import panels, stage_changed


def themes_changed(event) -> None:
    stage_changed(event)
    panels(event, "projector")
