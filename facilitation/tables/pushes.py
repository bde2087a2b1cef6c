"""What the room hears when the tables change. Called inside an action; sent after its commit."""
from ..live import rooms
from ..live.broadcast import everyone, panels, resync_participants, stage_changed
from ..live.transport import push


def contribution_waiting(contribution) -> None:
    """A held contribution: only its author's phone shows it (marked as waiting) until it is approved."""
    push("table:changed", {}, to=rooms.participant(contribution.participant_id))


def contributions_opened(event) -> None:
    """The tables open or close for contributions: table pages fold or unfold their form."""
    push("contributions", {"open": bool(event.contributions_open)}, to=everyone(event))


def tables_changed(event) -> None:
    """Seats, contributions, cards or endorsements changed: the overview views fetch again."""
    stage_changed(event)
    panels(event, "tables")


def table_changed(event, table) -> None:
    """Something changed at one table: only the people at that table fetch its stream again."""
    push("table:changed", {}, to=rooms.table(event.id, table.id))
    tables_changed(event)


def seats_changed(event) -> None:
    # each phone shows where its owner sits; moved people follow to their new table
    resync_participants(event)
    tables_changed(event)


def card_submitted(event, table) -> None:
    table_changed(event, table)
    # phones show the harvest link once a first card is in
    resync_participants(event)
