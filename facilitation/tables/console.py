"""The tables panel of the console: who sits where, the role mix and activity per table, cards
submitted, hosts; and the facilitator's actions (assign everyone, a new round, choose a host)."""
from flask import Blueprint, render_template

from .. import panels
from ..events import access
from ..events.queries import participant_in
from . import operations as ops
from . import pushes
from .forms import HostForm, SeatingForm
from .queries import card_for, contributions, members_by_table, overview, submitted_count, table_or_404

bp = Blueprint("tables_console", __name__, url_prefix="/console/<int:event_id>")


@panels.register("tables", "tables/_console_panel.html", order=40, column="left", parts=("tables",))
def panel(event, args) -> dict:
    rows = overview(event)
    return {"tables": rows, "submitted": submitted_count(rows), "members": members_by_table(event)}


@bp.post("/tables/assign")
@access.of_facilitator
def assign(event):
    keep = SeatingForm().keep_seated.data

    def operation():
        ops.assign_tables(event, keep_seated=keep)
        pushes.seats_changed(event)
    return panels.act_on(event, operation, "tables")


@bp.post("/tables/round")
@access.of_facilitator
def new_round(event):

    def operation():
        ops.start_new_round(event)
        pushes.seats_changed(event)
    return panels.act_on(event, operation, "tables")


@bp.post("/tables/<int:table_id>/host")
@access.of_facilitator
def set_host(event, table_id):
    table = table_or_404(event, table_id)
    participant = participant_in(event, HostForm().participant_id.data)


    def operation():
        ops.set_host(table, participant)
        pushes.table_changed(event, table)
    return panels.act_on(event, operation, "tables")


@bp.get("/tables/<int:table_id>")
@access.of_facilitator
def table_stream(event, table_id):
    """Any table's stream, every round, read-only for the facilitator."""
    table = table_or_404(event, table_id)
    rounds = [(n, contributions(table, n), card_for(table, n)) for n in range(1, event.current_round + 1)]
    return render_template("tables/console_table.html", event=event, table=table, rounds=rounds,
                           members=members_by_table(event).get(table.id, []))
