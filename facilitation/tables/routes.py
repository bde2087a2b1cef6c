"""Round tables: set-up by the organiser, and the table on the participant's phone."""
import secrets

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext

from .. import flood
from ..errors import Refused
from ..events import access
from ..events.operations import join_event
from ..extensions import db, htmx
from ..live import broadcast
from ..util import form_int, public_url, qr_svg_response
from . import operations as ops
from .queries import (
    contributions,
    endorsed_ids,
    harvest_tables,
    overview,
    table_or_404,
    voted_ids,
)

bp = Blueprint("tables", __name__)


# --- organiser: set up the tables ---------------------------------------------------------------

def _table_fields(form) -> dict:
    seats = (form.get("capacity") or "").strip()
    if seats and form_int(seats, 500) is None:
        raise Refused(gettext("The number of seats must be between 1 and 500, or empty."))
    return {"name": form.get("name", ""), "dilemma": form.get("dilemma", ""), "context": form.get("context", ""),
            "theme": form.get("theme", ""), "capacity": form_int(seats) if seats else None}


def _to_manage(event, refused: Refused | None = None, message: str | None = None):
    if refused:
        flash(refused.message, "error")
    elif message:
        flash(message)
    return redirect(url_for("tables.manage", event_id=event.id))


@bp.get("/events/<int:event_id>/tables")
def manage(event_id):
    event = access.facilitated_event(event_id)
    return render_template("tables/manage.html", event=event, tables=ops.event_tables(event))


@bp.post("/events/<int:event_id>/tables/new")
def add(event_id):
    event = access.facilitated_event(event_id)
    try:
        ops.add_table(event, **_table_fields(request.form))
    except Refused as refused:
        return _to_manage(event, refused)
    db.session.commit()
    broadcast.tables_changed(event)
    return _to_manage(event, message=gettext("The table is added."))


@bp.post("/events/<int:event_id>/tables/<int:table_id>")
def edit(event_id, table_id):
    event = access.facilitated_event(event_id)
    table = table_or_404(event, table_id)
    try:
        ops.update_table(table, **_table_fields(request.form))
    except Refused as refused:
        db.session.rollback()
        return _to_manage(event, refused)
    db.session.commit()
    broadcast.tables_changed(event)
    return _to_manage(event, message=gettext("The table is saved."))


@bp.post("/events/<int:event_id>/tables/<int:table_id>/move/<any(up, down):direction>")
def move(event_id, table_id, direction):
    event = access.facilitated_event(event_id)
    ops.move_table(table_or_404(event, table_id), -1 if direction == "up" else 1)
    db.session.commit()
    broadcast.tables_changed(event)
    return _to_manage(event)


@bp.post("/events/<int:event_id>/tables/import")
def import_list(event_id):
    event = access.facilitated_event(event_id)
    try:
        made = ops.import_tables(event, request.form.get("rows", ""))
    except Refused as refused:
        db.session.rollback()
        return _to_manage(event, refused)
    db.session.commit()
    broadcast.tables_changed(event)
    return _to_manage(event, message=gettext("%(n)s tables are added.", n=len(made)))


@bp.get("/events/<int:event_id>/tables/cards")
def cards(event_id):
    """One A5 card per table to print: name, dilemma and the table's own QR code."""
    event = access.facilitated_event(event_id)
    tables = ops.event_tables(event)
    links = {t.id: public_url("tables.scan", code=event.join_code, table_id=t.id) for t in tables}
    return render_template("tables/cards.html", event=event, tables=tables, links=links)


@bp.get("/j/<code>/t/<int:table_id>/qr.svg")
def qr(code, table_id):
    event = access.event_by_code(code)
    table = table_or_404(event, table_id)
    return qr_svg_response(public_url("tables.scan", code=event.join_code, table_id=table.id))


# --- participant: getting to a table -----------------------------------------------------------


@bp.route("/j/<code>/t/<int:table_id>", methods=["GET", "POST"])
def scan(code, table_id):
    """The table card's QR: join the event (if needed) and sit at this table, in one tap."""
    event = access.event_by_code(code)
    table = table_or_404(event, table_id)
    participant = access.current_participant(event)
    error = None
    if request.method == "POST":
        try:
            if participant is None:
                participant, key = join_event(event, request.form.get("name", ""), request.form.get("role_tag"))
                access.remember_participant(event, key)
            ops.join_table(participant, table)
        except Refused as refused:
            db.session.rollback()
            error = refused.message
        else:
            db.session.commit()
            broadcast.seats_changed(event)
            return redirect(url_for("tables.table", code=event.join_code, table_id=table.id))
    status = 422 if error else 200
    return render_template("tables/scan.html", event=event, table=table, participant=participant, error=error,
                           form=request.form), status


@bp.get("/e/<code>/tables")
def choose(code):
    event = access.event_by_code(code)
    participant = access.participant_or_join(event)
    seat = ops.seat_of(participant)
    return render_template("tables/choose.html", event=event, participant=participant, rows=overview(event),
                           seat=seat)


@bp.post("/e/<code>/tables/<int:table_id>/join")
def sit(code, table_id):
    event = access.event_by_code(code)
    participant = access.participant_or_join(event)
    table = table_or_404(event, table_id)
    try:
        ops.join_table(participant, table)
    except Refused as refused:
        db.session.rollback()
        flash(refused.message, "error")
        return redirect(url_for("tables.choose", code=event.join_code))
    db.session.commit()
    broadcast.seats_changed(event)
    return redirect(url_for("tables.table", code=event.join_code, table_id=table.id))


# --- participant: at the table ------------------------------------------------------------------

def _seated(event, table_id):
    """The participant and their table; someone not (or no longer) at this table goes to their own."""
    participant = access.participant_or_join(event)
    table = table_or_404(event, table_id)
    seat = ops.seat_of(participant)
    if seat is None or seat.table_id != table.id:
        target = (url_for("tables.table", code=event.join_code, table_id=seat.table_id) if seat
                  else url_for("tables.choose", code=event.join_code))
        if htmx:
            abort(_hx_redirect(target))
        abort(redirect(target))
    return participant, table


def _hx_redirect(target):
    response = redirect(target)
    response.status_code = 200
    response.headers["HX-Redirect"] = target
    return response


def _table_context(event, participant, table, **extra) -> dict:
    round_ = event.current_round
    return {
        "event": event,
        "participant": participant,
        "table": table,
        "round": round_,
        "is_host": table.host_id == participant.id,
        "contributions": contributions(table, round_),
        "voted": voted_ids(participant),
        "card": ops.card_for(table, round_),
        "previous_card": ops.card_for(table, round_ - 1) if round_ > 1 else None,
        "previous_contributions": contributions(table, round_ - 1) if round_ > 1 else [],
        "request_key": secrets.token_urlsafe(16),
        "kind": "idea",
        "text": "",
        "error": None,
        "card_error": None,
        **extra,
    }


@bp.get("/e/<code>/t/<int:table_id>")
def table(code, table_id):
    event = access.event_by_code(code)
    participant, table = _seated(event, table_id)
    return render_template("tables/table.html", **_table_context(event, participant, table))


@bp.get("/e/<code>/t/<int:table_id>/live")
def table_live(code, table_id):
    event = access.event_by_code(code)
    participant, table = _seated(event, table_id)
    return render_template("tables/_stream.html", **_table_context(event, participant, table))


@bp.post("/e/<code>/t/<int:table_id>/contributions")
def contribute(code, table_id):
    event = access.event_by_code(code)
    participant, table = _seated(event, table_id)
    kind, text = request.form.get("kind", ""), request.form.get("text", "")
    try:
        flood.check("post", f"participant:{participant.id}")
        _, created = ops.post_contribution(table, participant, kind, text, request.form.get("request_key"))
    except Refused as refused:
        db.session.rollback()
        context = _table_context(event, participant, table, kind=kind, text=text, error=refused.message)
        return render_template("tables/_contribution_form.html" if htmx else "tables/table.html",
                               **context), refused.status
    db.session.commit()
    if created:
        broadcast.table_changed(event, table)
    if htmx:
        return render_template("tables/_contribution_form.html",
                               **_table_context(event, participant, table, kind=kind, posted=True))
    flash(gettext("Your contribution is added."))
    return redirect(url_for("tables.table", code=event.join_code, table_id=table.id))


def _after_table_action(event, participant, table, refused: Refused | None):
    if refused is None:
        db.session.commit()
        broadcast.table_changed(event, table)
    else:
        db.session.rollback()
    if htmx:
        context = _table_context(event, participant, table, stream_error=refused and refused.message)
        return render_template("tables/_stream.html", **context), (refused.status if refused else 200)
    if refused:
        flash(refused.message, "error")
    return redirect(url_for("tables.table", code=event.join_code, table_id=table.id))


def _contribution(table, contribution_id):
    from .models import Contribution

    contribution = db.session.get(Contribution, contribution_id)
    if contribution is None or contribution.table_id != table.id:
        abort(404)
    return contribution


@bp.post("/e/<code>/t/<int:table_id>/contributions/<int:contribution_id>/vote")
def vote(code, table_id, contribution_id):
    event = access.event_by_code(code)
    participant, table = _seated(event, table_id)
    try:
        flood.check("mark", f"participant:{participant.id}")
        ops.toggle_vote(_contribution(table, contribution_id), participant)
    except Refused as refused:
        return _after_table_action(event, participant, table, refused)
    return _after_table_action(event, participant, table, None)


@bp.post("/e/<code>/t/<int:table_id>/contributions/<int:contribution_id>/key")
def mark_key(code, table_id, contribution_id):
    event = access.event_by_code(code)
    participant, table = _seated(event, table_id)
    try:
        ops.mark_key(_contribution(table, contribution_id), participant, request.form.get("key") == "1")
    except Refused as refused:
        return _after_table_action(event, participant, table, refused)
    return _after_table_action(event, participant, table, None)


@bp.post("/e/<code>/t/<int:table_id>/host")
def claim_host(code, table_id):
    event = access.event_by_code(code)
    participant, table = _seated(event, table_id)
    try:
        ops.claim_host(table, participant)
    except Refused as refused:
        db.session.rollback()
        flash(refused.message, "error")
    else:
        db.session.commit()
        broadcast.table_changed(event, table)
    return redirect(url_for("tables.table", code=event.join_code, table_id=table.id))


@bp.post("/e/<code>/t/<int:table_id>/card")
def save_card(code, table_id):
    """The host's advice card: saved as a draft on every save, submitted with the submit button."""
    event = access.event_by_code(code)
    participant, table = _seated(event, table_id)
    fields = {name: request.form.get(name, "") for name in ops.CARD_FIELDS}
    submit = request.form.get("action") == "submit"
    try:
        ops.save_card(table, participant, fields, submit=submit)
    except Refused as refused:
        db.session.rollback()
        if submit and refused.status == 422:
            # keep the draft: save it without submitting, then say what is missing
            try:
                ops.save_card(table, participant, fields)
                db.session.commit()
            except Refused:
                db.session.rollback()
        context = _table_context(event, participant, table, card_error=refused.message, card_fields=fields)
        return render_template("tables/_card_form.html" if htmx else "tables/table.html", **context), refused.status
    db.session.commit()
    broadcast.table_changed(event, table)
    if submit:
        # phones show the harvest link once a first card is in
        broadcast.resync_participants(event)
    message = gettext("The advice card is submitted. Thank you!") if submit else gettext("The draft is saved.")
    if htmx:
        return render_template("tables/_card_form.html",
                               **_table_context(event, participant, table, card_message=message))
    flash(message)
    return redirect(url_for("tables.table", code=event.join_code, table_id=table.id))


# --- participant: the harvest -------------------------------------------------------------------

@bp.get("/e/<code>/harvest")
def harvest(code):
    event = access.event_by_code(code)
    participant = access.participant_or_join(event)
    return render_template("tables/harvest.html", event=event, participant=participant,
                           cards=harvest_tables(event), endorsed=endorsed_ids(participant),
                           left=ops.endorsements_left(participant))


@bp.post("/e/<code>/harvest/<int:table_id>/endorse")
def endorse(code, table_id):
    event = access.event_by_code(code)
    participant = access.participant_or_join(event)
    table = table_or_404(event, table_id)
    try:
        ops.toggle_endorsement(table, participant)
    except Refused as refused:
        db.session.rollback()
        flash(refused.message, "error")
    else:
        db.session.commit()
        broadcast.tables_changed(event)
    return redirect(url_for("tables.harvest", code=event.join_code, _anchor=f"harvest-{table.id}"))
