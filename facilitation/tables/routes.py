"""Round tables: set-up by the organiser, and the table on the participant's phone."""
import secrets

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_htmx.responses import HTMXResponseClientRedirect

from .. import pages
from ..actions import act, fragment_or_back, refusal_or_back
from ..events import access, flood
from ..events.forms import JoinForm
from ..events.operations import join_event
from ..extensions import htmx
from ..limits import MAX_TABLES
from ..security import takes_large_bodies
from ..util import form_int, public_url, qr_svg_response
from . import operations as ops
from . import pushes
from .forms import CardForm, ContributionForm, KeyForm

from .queries import (
    contribution_or_404,
    card_for,
    contributions,
    count_tables,
    endorsed_ids,
    endorsements_left,
    event_tables,
    has_harvest,
    harvest_tables,
    overview,
    seat_of,
    table_or_404,
    voted_ids,
)

bp = Blueprint("tables", __name__)


# --- what the dream page shows of the tables (pages.py) -----------------------------------------

pages.register("phone", seat=lambda event, participant: seat_of(participant),
               table_count=lambda event, participant: count_tables(event),
               harvest_open=lambda event, participant: has_harvest(event))


# --- organiser: set up the tables ---------------------------------------------------------------

#: the set-up page sends every table at once: up to MAX_TABLES tables with their longest texts
SET_UP_BODY = MAX_TABLES * 16 * 1024 + 64 * 1024


def _typed(form, prefix: str) -> dict:
    return {name: form.get(f"{prefix}-{name}", "") for name in ops.TABLE_FIELDS}


def _move(value: str | None) -> tuple[int, int] | None:
    """The move button pressed: "12:up" → (12, -1)."""
    table_id, _, direction = (value or "").partition(":")
    if form_int(table_id) is None or direction not in ("up", "down"):
        return None
    return form_int(table_id), -1 if direction == "up" else 1


@bp.route("/events/<int:event_id>/tables", methods=["GET", "POST"])
@takes_large_bodies(SET_UP_BODY)
@access.of_facilitator
def manage(event):
    """Every table on one form: one save keeps every edit, and so do moving, adding and pasting."""
    if request.method == "GET":
        return render_template("tables/manage.html", event=event, tables=event_tables(event), typed={},
                               problems={})
    # read by hand: one set of fields per table, named after its id (t12-name, t12-dilemma …), as many as there
    # are tables; ops.save_set_up checks every value
    form = request.form
    action = form.get("action", "save")
    edits = {table.id: _typed(form, f"t{table.id}") for table in event_tables(event) if f"t{table.id}-name" in form}
    new = _typed(form, "new")
    rows = form.get("rows", "")
    move = _move(form.get("move"))

    def operation():
        added = ops.save_set_up(event, edits, new if action == "add" or any(v.strip() for v in new.values()) else None,
                                rows if action == "import" or rows.strip() else None, move)
        pushes.tables_changed(event)
        return added

    def saved(added):
        messages = [gettext("All tables are saved.")]
        if added:
            messages.append(gettext("The table is added.") if len(added) == 1
                            else gettext("%(n)s tables are added.", n=len(added)))
        anchor = f"table-{added[0].id}" if added else f"table-{move[0]}" if move else None
        return fragment_or_back(None, url_for("tables.manage", event_id=event.id, _anchor=anchor), " ".join(messages))

    def refused(error):
        return render_template("tables/manage.html", event=event, tables=event_tables(event), typed=form,
                               problems=error.fields, error=error.message)

    return act(operation, answer=saved, refused=refused)


@bp.get("/events/<int:event_id>/tables/cards")
@access.of_facilitator
def cards(event):
    """One A5 card per table to print: name, dilemma and the table's own QR code."""
    tables = event_tables(event)
    links = {t.id: public_url("tables.scan", code=event.join_code, table_id=t.id) for t in tables}
    return render_template("tables/cards.html", event=event, tables=tables, links=links)


@bp.get("/j/<code>/t/<int:table_id>/qr.svg")
@access.of_event
def qr(event, table_id):
    table = table_or_404(event, table_id)
    return qr_svg_response(public_url("tables.scan", code=event.join_code, table_id=table.id))


# --- participant: getting to a table -----------------------------------------------------------


@bp.route("/j/<code>/t/<int:table_id>", methods=["GET", "POST"])
@access.of_event
def scan(event, table_id):
    """The table card's QR: join the event (if needed) and sit at this table, in one tap."""
    table = table_or_404(event, table_id)
    participant = access.current_participant(event)

    form = JoinForm()

    def page(error=None):
        return render_template("tables/scan.html", event=event, table=table, participant=participant,
                               error=error, form=form.typed())

    if request.method == "GET":
        return page()
    joined = []

    def operation():
        guest = participant
        if guest is None:
            guest, key = join_event(event, form.name.data, form.role_tag.data)
            joined.append(key)
        ops.join_table(guest, table)
        pushes.seats_changed(event)

    def seated(_):
        if joined:
            access.remember_participant(event, joined[0])
        return redirect(url_for("tables.table", code=event.join_code, table_id=table.id))

    return act(operation, answer=seated, refused=lambda error: page(error.message))


@bp.get("/e/<code>/tables")
@access.of_guest
def choose(event, participant):
    seat = seat_of(participant)
    return render_template("tables/choose.html", event=event, participant=participant, rows=overview(event),
                           seat=seat, **pages.parts("now", event, participant))


@bp.post("/e/<code>/tables/<int:table_id>/join")
@access.of_guest
def sit(event, participant, table_id):
    table = table_or_404(event, table_id)

    def operation():
        ops.join_table(participant, table)
        pushes.seats_changed(event)

    return act(operation,
               answer=lambda _: redirect(url_for("tables.table", code=event.join_code, table_id=table.id)),
               refused=refusal_or_back(None, url_for("tables.choose", code=event.join_code)))


# --- participant: at the table ------------------------------------------------------------------

def _seated(event, table_id):
    """The participant and their table; someone not (or no longer) at this table goes to their own."""
    participant = access.participant_or_join(event)
    table = table_or_404(event, table_id)
    seat = seat_of(participant)
    if seat is None or seat.table_id != table.id:
        target = (url_for("tables.table", code=event.join_code, table_id=seat.table_id) if seat
                  else url_for("tables.choose", code=event.join_code))
        if htmx:
            abort(HTMXResponseClientRedirect(target))
        abort(redirect(target))
    return participant, table


def _render_table_page(event, participant, table, **extra) -> str:
    """The whole table page; the fragments (stream, forms) leave out its top: the part now, the timer and
    the announcements, as on the dream page."""
    return render_template("tables/table.html", **_table_context(
        event, participant, table, **pages.parts("top", event, participant), **extra))


def _table_context(event, participant, table, **extra) -> dict:
    round_ = event.current_round
    return {
        "event": event,
        "participant": participant,
        "table": table,
        "round": round_,
        "is_host": table.host_id == participant.id,
        "contributions": contributions(table, round_, author=participant),
        "voted": voted_ids(participant),
        "card": card_for(table, round_),
        "previous_card": card_for(table, round_ - 1) if round_ > 1 else None,
        "previous_contributions": contributions(table, round_ - 1, author=participant) if round_ > 1 else [],
        "request_key": secrets.token_urlsafe(16),
        "kind": "idea",
        "text": "",
        "error": None,
        "card_error": None,
        **pages.parts("table", event, participant, table=table),
        **extra,
    }


@bp.get("/e/<code>/t/<int:table_id>")
@access.of_event
def table(event, table_id):
    participant, table = _seated(event, table_id)
    return _render_table_page(event, participant, table)


@bp.get("/e/<code>/t/<int:table_id>/live")
@access.of_event
def table_live(event, table_id):
    participant, table = _seated(event, table_id)
    # after a reconnect the part may have changed meanwhile: the now bar comes along
    return render_template("tables/_live.html", **_table_context(event, participant, table,
                                                                 **pages.parts("now", event, participant)))


@bp.post("/e/<code>/t/<int:table_id>/contributions")
@access.of_event
def contribute(event, table_id):
    participant, table = _seated(event, table_id)
    posted_form = ContributionForm()
    kind, text = posted_form.kind.data, posted_form.text.data

    def operation():
        flood.check("post", f"participant:{participant.id}")
        contribution, created = ops.post_contribution(table, participant, kind, text, posted_form.request_key.data)
        if created and contribution.visible:
            pushes.table_changed(event, table)
        elif created:
            pushes.contribution_waiting(contribution)
        return contribution

    def form(**extra):
        return render_template("tables/_contribution_form.html",
                               **_table_context(event, participant, table, kind=kind, **extra))

    def refused(error):
        if htmx:
            return render_template("tables/_contribution_form.html", **_table_context(
                event, participant, table, kind=kind, text=text, error=error.message))
        return _render_table_page(event, participant, table, kind=kind, text=text, error=error.message)

    def posted(contribution):
        message = (gettext("Your contribution is added.") if contribution.visible
                   else gettext("Your contribution waits for the facilitator before the table sees it."))
        return fragment_or_back(lambda: form(posted=message), _table_page(event, table), message)

    return act(operation, answer=posted, refused=refused)


def _table_page(event, table):
    return url_for("tables.table", code=event.join_code, table_id=table.id)


def _at_table(event, participant, table, change):
    """An action at the table: the table's stream again (htmx), or back to the table page."""
    def operation():
        change()
        pushes.table_changed(event, table)

    def stream(error=None):
        return render_template("tables/_stream.html",
                               **_table_context(event, participant, table, stream_error=error))

    back = _table_page(event, table)
    return act(operation, answer=lambda _: fragment_or_back(stream, back), refused=refusal_or_back(stream, back))


@bp.post("/e/<code>/t/<int:table_id>/contributions/<int:contribution_id>/vote")
@access.of_event
def vote(event, table_id, contribution_id):
    participant, table = _seated(event, table_id)
    contribution = contribution_or_404(table, contribution_id)

    def change():
        flood.check("mark", f"participant:{participant.id}")
        ops.toggle_vote(contribution, participant)
    return _at_table(event, participant, table, change)


@bp.post("/e/<code>/t/<int:table_id>/contributions/<int:contribution_id>/key")
@access.of_event
def mark_key(event, table_id, contribution_id):
    participant, table = _seated(event, table_id)
    contribution = contribution_or_404(table, contribution_id)
    return _at_table(event, participant, table,
                     lambda: ops.mark_key(contribution, participant, KeyForm().key.data))


@bp.post("/e/<code>/t/<int:table_id>/host")
@access.of_event
def claim_host(event, table_id):
    participant, table = _seated(event, table_id)

    def operation():
        ops.claim_host(table, participant)
        pushes.table_changed(event, table)

    back = _table_page(event, table)
    return act(operation, answer=lambda _: redirect(back), refused=refusal_or_back(None, back))


@bp.post("/e/<code>/t/<int:table_id>/card")
@access.of_event
def save_card(event, table_id):
    """The host's advice card: saved as a draft on every save, submitted with the submit button."""
    participant, table = _seated(event, table_id)
    card = CardForm()
    fields, submit = card.fields, card.submitted


    def operation():
        problem = ops.save_card_keeping_draft(table, participant, fields, submit=submit)
        if problem is None:
            (pushes.card_submitted if submit else pushes.table_changed)(event, table)
        return problem

    def page(problem=None, **extra):
        if htmx:
            return render_template("tables/_card_form.html", **_table_context(event, participant, table, **extra))
        return _render_table_page(event, participant, table, **extra)

    def saved(problem):
        if problem is not None:
            # the draft is kept; the card is not submitted until what is missing is written
            return page(card_error=problem.message, card_fields=fields), problem.status
        message = gettext("The advice card is submitted. Thank you!") if submit else gettext("The draft is saved.")
        return fragment_or_back(lambda: page(card_message=message), _table_page(event, table), message)

    return act(operation, answer=saved,
               refused=lambda error: page(card_error=error.message, card_fields=fields))


# --- participant: the harvest -------------------------------------------------------------------

@bp.get("/e/<code>/harvest")
@access.of_guest
def harvest(event, participant):
    return render_template("tables/harvest.html", event=event, participant=participant,
                           cards=harvest_tables(event), endorsed=endorsed_ids(participant),
                           left=endorsements_left(participant), **pages.parts("now", event, participant))


@bp.post("/e/<code>/harvest/<int:table_id>/endorse")
@access.of_guest
def endorse(event, participant, table_id):
    table = table_or_404(event, table_id)

    def operation():
        ops.toggle_endorsement(table, participant)
        pushes.tables_changed(event)

    back = url_for("tables.harvest", code=event.join_code, _anchor=f"harvest-{table.id}")
    return act(operation, answer=lambda _: redirect(back), refused=refusal_or_back(None, back))
