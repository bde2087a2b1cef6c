from flask import Blueprint, abort, flash, redirect, render_template, request, url_for

from ..dreams import operations as dream_ops
from ..dreams.queries import console_dreams, get_dream, held_dreams, wall_counts
from ..errors import Refused
from ..events import access
from ..events.models import Participant
from ..events.operations import paper_participant
from ..events.routes import event_links
from ..extensions import db, htmx
from ..util import form_int
from ..live import broadcast
from ..moderation.operations import console_name, log_action, recent_actions
from ..programme import operations as programme_ops
from ..programme import timer
from ..projector import operations as projector_ops
from ..tables import operations as table_ops
from ..tables.queries import overview as tables_overview
from ..tables.queries import submitted_count, table_or_404
from ..util import utcnow

bp = Blueprint("facilitator", __name__, url_prefix="/console/<int:event_id>")


def _console_context(event) -> dict:
    rows = tables_overview(event)
    harvest = [row["table"] for row in rows if row["card"] is not None and row["card"].submitted]
    now = next((t for t in harvest if t.id == event.harvest_table_id), None)
    return {"event": event, "dreams": console_dreams(event), "counts": wall_counts(event), "tables": rows,
            "submitted": submitted_count(rows), "members": _members_by_table(event),
            "harvest_now": now, "harvest_position": harvest.index(now) + 1 if now else 0,
            "harvest_total": len(harvest), "phases": programme_ops.phases(event),
            "timer": timer.state(event, utcnow()), "queue": held_dreams(event),
            "log": recent_actions(event), "speakers": programme_ops.speakers(event),
            "rating": programme_ops.rating_summary(event)}


def _members_by_table(event) -> dict:
    """Who sits where this round, for choosing a host."""
    return {table.id: table_ops.table_members(table, event.current_round) for table in table_ops.event_tables(event)}


@bp.get("/")
def console(event_id):
    event = access.facilitated_event(event_id)
    return render_template("facilitator/console.html", links=event_links(event),
                           tables_list=table_ops.event_tables(event), **_console_context(event))


@bp.get("/wall")
def wall(event_id):
    """The console's live part, fetched again whenever the wall changes."""
    event = access.facilitated_event(event_id)
    return render_template("facilitator/_live.html", **_console_context(event))


def _answer(event, refused: Refused | None = None):
    """After an action: the fresh wall for htmx, or back to the console without JavaScript."""
    if htmx:
        status = refused.status if refused else 200
        return render_template("facilitator/_live.html", error=refused and refused.message,
                               **_console_context(event)), status
    if refused:
        flash(refused.message, "error")
    return redirect(url_for("facilitator.console", event_id=event.id))


def _dream(event, dream_id):
    dream = get_dream(event, dream_id)
    if dream is None:
        abort(404)
    return dream


def _act(event, change, announce):
    """Apply one moderation change: refused politely, or committed and then announced."""
    try:
        change()
    except Refused as refused:
        return _answer(event, refused)
    db.session.commit()
    announce()
    return _answer(event)


def _moderate(event, dream, action, change, announce):
    """A moderation action, logged with the console that did it."""
    def change_and_log():
        change()
        log_action(event, dream, action, console_name())
    return _act(event, change_and_log, announce)


@bp.post("/dreams/<int:dream_id>/hide")
def hide(event_id, dream_id):
    event = access.facilitated_event(event_id)
    dream = _dream(event, dream_id)
    return _moderate(event, dream, "hide", lambda: dream_ops.hide_dream(dream, event),
                     lambda: broadcast.dream_removed(dream, event))


@bp.post("/dreams/<int:dream_id>/restore")
def restore(event_id, dream_id):
    event = access.facilitated_event(event_id)
    dream = _dream(event, dream_id)
    return _moderate(event, dream, "restore", lambda: dream_ops.restore_dream(dream, event),
                     lambda: broadcast.dream_restored(dream, event))


@bp.post("/dreams/<int:dream_id>/approve")
def approve(event_id, dream_id):
    event = access.facilitated_event(event_id)
    dream = _dream(event, dream_id)
    return _moderate(event, dream, "approve", lambda: dream_ops.approve_dream(dream, event),
                     lambda: broadcast.dream_approved(dream, event))


@bp.post("/dreams/<int:dream_id>/edit")
def edit(event_id, dream_id):
    event = access.facilitated_event(event_id)
    dream = _dream(event, dream_id)
    was_visible = dream.visible
    return _moderate(event, dream, "edit", lambda: dream_ops.edit_dream(dream, event, request.form.get("text", "")),
                     lambda: broadcast.dream_restored(dream, event) if was_visible else broadcast.wall_changed(event))


@bp.post("/moderation/<any(open, premoderated):mode>")
def moderation_mode(event_id, mode):
    event = access.facilitated_event(event_id)
    return _act(event, lambda: dream_ops.set_moderation(event, mode), lambda: broadcast.wall_changed(event))


@bp.post("/dreams/<int:dream_id>/spotlight")
def spotlight(event_id, dream_id):
    event = access.facilitated_event(event_id)
    dream = _dream(event, dream_id)
    return _act(event, lambda: dream_ops.spotlight_dream(event, dream), lambda: broadcast.wall_changed(event))


@bp.post("/spotlight/clear")
def clear_spotlight(event_id):
    event = access.facilitated_event(event_id)
    return _act(event, lambda: dream_ops.spotlight_dream(event, None), lambda: broadcast.wall_changed(event))


@bp.post("/posting/<any(open, close):action>")
def posting(event_id, action):
    event = access.facilitated_event(event_id)
    return _act(event, lambda: dream_ops.set_dream_posting(event, action == "open"),
                lambda: broadcast.posting_changed(event))


@bp.post("/tables/assign")
def assign(event_id):
    event = access.facilitated_event(event_id)
    keep = request.form.get("keep_seated") == "1"
    return _act(event, lambda: table_ops.assign_tables(event, keep_seated=keep),
                lambda: broadcast.seats_changed(event))


@bp.post("/tables/round")
def new_round(event_id):
    event = access.facilitated_event(event_id)
    return _act(event, lambda: table_ops.start_new_round(event), lambda: broadcast.seats_changed(event))


@bp.post("/tables/<int:table_id>/host")
def set_host(event_id, table_id):
    event = access.facilitated_event(event_id)
    table = table_or_404(event, table_id)
    chosen = request.form.get("participant_id", "")
    participant = db.session.get(Participant, form_int(chosen) or -1) if chosen.isdigit() else None
    return _act(event, lambda: table_ops.set_host(table, participant),
                lambda: broadcast.table_changed(event, table))


@bp.get("/tables/<int:table_id>")
def table_stream(event_id, table_id):
    """Any table's stream, every round, read-only for the facilitator."""
    from ..tables.queries import contributions

    event = access.facilitated_event(event_id)
    table = table_or_404(event, table_id)
    rounds = [(n, contributions(table, n), table_ops.card_for(table, n)) for n in range(1, event.current_round + 1)]
    return render_template("facilitator/table.html", event=event, table=table, rounds=rounds,
                           members=table_ops.table_members(table, event.current_round))


@bp.post("/projector/<view>")
def projector_view(event_id, view):
    event = access.facilitated_event(event_id)
    return _act(event, lambda: projector_ops.show_view(event, view), lambda: broadcast.wall_changed(event))


@bp.post("/harvest/<any(next, previous):direction>")
def harvest_step(event_id, direction):
    event = access.facilitated_event(event_id)
    step = 1 if direction == "next" else -1
    return _act(event, lambda: projector_ops.step_harvest(event, step), lambda: broadcast.wall_changed(event))


@bp.post("/paper")
def paper(event_id):
    """Type in a dream from a paper card; it appears on the wall like any other."""
    event = access.facilitated_event(event_id)
    posted = []

    def type_in():
        dream, _ = dream_ops.post_dream(event, paper_participant(event), request.form.get("text", ""),
                                        request.form.get("request_key"), by_facilitator=True)
        posted.append(dream)

    return _act(event, type_in, lambda: broadcast.dream_posted(posted[0], event))


@bp.post("/projector/contrast")
def projector_contrast(event_id):
    event = access.facilitated_event(event_id)
    return _act(event, lambda: projector_ops.toggle_contrast(event), lambda: broadcast.wall_changed(event))


@bp.post("/phase/<any(next, previous):direction>")
def phase_step(event_id, direction):
    event = access.facilitated_event(event_id)
    expected = request.form.get("expected_phase", "")
    expected_id = form_int(expected)
    return _act(event, lambda: programme_ops.step(event, 1 if direction == "next" else -1, expected_id),
                lambda: broadcast.phase_changed(event))


@bp.post("/timer/<any(start, plus, minus, pause, resume, stop):action>")
def timer_action(event_id, action):
    """The countdown of the current part: start from its planned time, +1/-1 minute, pause, resume, stop."""
    event = access.facilitated_event(event_id)
    now = utcnow()

    def change():
        if action == "start":
            minutes = event.current_phase.planned_minutes if event.current_phase else 10
            timer.start(event, minutes * 60, now)
        elif action in ("plus", "minus"):
            timer.adjust(event, 60 if action == "plus" else -60, now)
        elif action == "pause":
            timer.pause(event, now)
        elif action == "resume":
            timer.resume(event, now)
        else:
            timer.stop(event)

    return _act(event, change, lambda: broadcast.timer_changed(event))


@bp.post("/announce")
def announce(event_id):
    event = access.facilitated_event(event_id)
    chosen = request.form.get("table_id", "")
    table = table_or_404(event, form_int(chosen) or -1) if chosen.isdigit() else None
    made = []
    return _act(event, lambda: made.append(programme_ops.announce(event, request.form.get("text", ""), table)),
                lambda: broadcast.announced(event, made[0]))


@bp.post("/speakers")
def add_speaker(event_id):
    event = access.facilitated_event(event_id)
    return _act(event, lambda: programme_ops.add_speaker(event, request.form.get("name", ""),
                                                         request.form.get("dream", "")),
                lambda: broadcast.wall_changed(event))


@bp.post("/speakers/<any(next, previous):direction>")
def speaker_step(event_id, direction):
    event = access.facilitated_event(event_id)
    return _act(event, lambda: programme_ops.step_speaker(event, 1 if direction == "next" else -1),
                lambda: broadcast.wall_changed(event))


@bp.get("/projector-mini")
def projector_mini(event_id):
    """A live miniature of what the big screen shows, for the console."""
    from ..projector.routes import stage_context

    event = access.facilitated_event(event_id)
    return render_template("projector/_stage.html", **stage_context(event, None))


@bp.post("/contributions/<any(open, close):action>")
def contributions(event_id, action):
    event = access.facilitated_event(event_id)
    return _act(event, lambda: programme_ops.set_contributions(event, action == "open"),
                lambda: broadcast.tables_changed(event))


@bp.post("/timer/sound")
def timer_sound(event_id):
    event = access.facilitated_event(event_id)
    return _act(event, lambda: programme_ops.toggle_timer_sound(event), lambda: broadcast.wall_changed(event))
