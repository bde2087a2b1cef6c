"""What the big screen shows. State lives on the event, so a reloaded projector comes back to it."""
from flask_babel import lazy_gettext as _l

from ..enums import ProjectorView
from ..errors import Refused
from ..extensions import db
from ..reports.operations import ensure_themes
from ..signals import show_on_screen
from ..tables.queries import harvest_tables


def show_view(event, view: str) -> None:
    """Switch the projector; the harvest starts at the first table with a submitted card."""
    if view not in set(ProjectorView):
        raise Refused(_l("The projector cannot show that."), status=404)
    if view == ProjectorView.harvest:
        cards = harvest_tables(event)
        if not cards:
            raise Refused(_l("No table has submitted its advice card yet."), status=409)
        if event.harvest_table_id not in {table.id for table, _ in cards}:
            event.harvest_table_id = cards[0][0].id
    if view in (ProjectorView.takeaway, ProjectorView.themes):
        ensure_themes(event)  # found once, here, not by hundreds of phones opening the harvest page at once
    event.projector_view = ProjectorView(view)
    db.session.flush()


@show_on_screen.connect
def _asked_to_show(event, view, **_) -> None:
    """A part begins, a poll is asked, a question goes on screen: the feature asks, the projector shows."""
    show_view(event, view)


def step_harvest(event, step: int) -> None:
    """Show the next (+1) or previous (-1) table with a submitted card; stays put at either end."""
    ids = [table.id for table, _ in harvest_tables(event)]
    if not ids:
        raise Refused(_l("No table has submitted its advice card yet."), status=409)
    position = ids.index(event.harvest_table_id) if event.harvest_table_id in ids else 0
    event.harvest_table_id = ids[max(0, min(len(ids) - 1, position + step))]
    event.projector_view = ProjectorView.harvest
    db.session.flush()


def toggle_contrast(event) -> None:
    """The high-contrast theme for rooms with bright light or guests with low vision."""
    event.projector_contrast = not event.projector_contrast
    db.session.flush()
