"""Rules for the round tables. Each function flushes; the caller commits once, then broadcasts."""
import csv
import io
import re

from flask_babel import force_locale, gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from ..enums import ParticipantSource
from ..errors import Refused
from ..events import bursts
from ..events.queries import counts
from ..events.models import Participant
from ..extensions import db
from ..limits import ENDORSEMENT_BUDGET, LIMITS, MAX_TABLES
from ..review import screen
from ..text import clean_text
from ..util import form_int
from ..toggles import toggle_mark
from . import seating
from .queries import (card_for, count_tables, endorsements_left, event_tables,
                      latest_submitted_card, seat_of)
from .models import (
    CARD_FIELDS,
    AdviceCard,
    Contribution,
    ContributionKind,
    Endorsement,
    Seat,
    Table,
    Vote,
)

REQUEST_KEY = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


# --- setting up tables -------------------------------------------------------------------------

def add_numbered_tables(event, count: int) -> list[Table]:
    """Add `count` tables named "Tafel N" (in the event's language) after any existing ones."""
    count = max(0, min(int(count), MAX_TABLES - count_tables(event)))
    start = count_tables(event)
    with force_locale(event.language):
        names = [gettext("Table %(n)s", n=n) for n in range(start + 1, start + count + 1)]
    return [add_table(event, name) for name in names]


def copy_tables(source, target) -> list[Table]:
    """The next evening gets the same tables, themes and dilemmas; nobody sits at them yet."""
    return [add_table(target, table.name, table.dilemma, table.context, table.theme, table.capacity,
                      table.pole_left, table.pole_right)
            for table in db.session.scalars(db.select(Table).filter_by(event_id=source.id).order_by(Table.position))]


def add_table(event, name: str, dilemma: str = "", context: str = "", theme: str = "",
              capacity: int | None = None, pole_left: str = "", pole_right: str = "") -> Table:
    if count_tables(event) >= MAX_TABLES:
        raise Refused(_l("An event can have at most %(n)s tables.", n=MAX_TABLES))
    table = Table(event_id=event.id, position=count_tables(event) + 1)
    _fill_table(table, name, dilemma, context, theme, capacity, pole_left, pole_right)
    db.session.add(table)
    db.session.flush()
    return table


def update_table(table: Table, name: str, dilemma: str = "", context: str = "", theme: str = "",
                 capacity: int | None = None, pole_left: str = "", pole_right: str = "") -> None:
    _fill_table(table, name, dilemma, context, theme, capacity, pole_left, pole_right)
    db.session.flush()


def _fill_table(table, name, dilemma, context, theme, capacity, pole_left="", pole_right="") -> None:
    name = clean_text(name, LIMITS.table_name)
    if not name:
        raise Refused(_l("Give the table a name."))
    if capacity is not None and not 1 <= capacity <= 500:
        raise Refused(_l("The number of seats must be between 1 and 500, or empty."))
    table.name = name
    table.dilemma = clean_text(dilemma, LIMITS.dilemma)
    table.context = clean_text(context, LIMITS.table_context)
    table.theme = clean_text(theme, LIMITS.table_theme)
    table.capacity = capacity
    table.pole_left = clean_text(pole_left, LIMITS.pole)
    table.pole_right = clean_text(pole_right, LIMITS.pole)


#: the fields of a table on the set-up page, as the form names them after a prefix ("t12-name", "new-name")
TABLE_FIELDS = ("name", "theme", "dilemma", "pole_left", "pole_right", "context", "capacity")


def save_set_up(event, edits: dict[int, dict], new: dict | None = None, rows: str | None = None,
                move: tuple[int, int] | None = None) -> list[Table]:
    """Save the whole set-up page at once: every table's fields, a new table, pasted lines and a move.

    `edits` holds the typed strings per table id, `new` those of a table to add (None: add none),
    `rows` pasted lines (see `import_tables`; None: none), `move` a (table id, -1 or +1). All or nothing: a bad
    field refuses everything, and `Refused.fields` names each bad field as the form does (`t12-name`,
    `new-capacity`, `rows`), so the page comes back with every typed value and the message next to
    the field. Returns the tables that were added.
    """
    problems: dict[str, str] = {}
    tables = {table.id: table for table in event_tables(event)}
    checked = {table_id: _checked_fields(raw, f"t{table_id}", problems)
               for table_id, raw in edits.items() if table_id in tables}
    added_fields = _checked_fields(new, "new", problems) if new is not None else None
    if problems:
        raise Refused(_l("Nothing is saved yet. Change the fields marked below; everything you typed is still "
                         "there."), fields=problems)
    for table_id, fields in checked.items():
        update_table(tables[table_id], **fields)
    added = []
    if added_fields is not None:
        added.append(_or_field("new-name", lambda: add_table(event, **added_fields)))
    if rows is not None:
        added.extend(_or_field("rows", lambda: import_tables(event, rows)))
    if move is not None and move[0] in tables:
        move_table(tables[move[0]], move[1])
    return added


def _checked_fields(raw: dict, prefix: str, problems: dict) -> dict:
    """One table's fields from what was typed; what is wrong goes into `problems` under its field name."""
    fields = {name: raw.get(name) or "" for name in TABLE_FIELDS}
    if not clean_text(fields["name"], LIMITS.table_name):
        problems[f"{prefix}-name"] = _l("Give the table a name.")
    if bool(fields["pole_left"].strip()) != bool(fields["pole_right"].strip()):
        missing = "pole_right" if fields["pole_left"].strip() else "pole_left"
        problems[f"{prefix}-{missing}"] = _l("Give both sides of the dilemma, or neither: guests place "
                                             "themselves between the two.")
    seats = fields["capacity"].strip()
    fields["capacity"] = form_int(seats, 500) if seats else None
    if seats and not fields["capacity"]:
        problems[f"{prefix}-capacity"] = _l("The number of seats must be between 1 and 500, or empty.")
    return fields


def _or_field(field: str, change):
    """Run `change`; a refusal names `field` as the one to change."""
    try:
        return change()
    except Refused as error:
        raise Refused(error.message, error.status, fields={field: error.message}) from error


def move_table(table: Table, step: int) -> None:
    """Swap the table with its neighbour one place up (step -1) or down (step +1)."""
    neighbour = db.session.scalar(
        db.select(Table).filter_by(event_id=table.event_id, position=table.position + step))
    if neighbour is None:
        return
    neighbour.position, table.position = table.position, neighbour.position
    db.session.flush()


def _pasted_rows(text: str) -> tuple[list[list[str]], bool]:
    """The pasted lines as rows of fields, without a first line naming the columns; and whether the lines
    had separators (a line without is one dilemma)."""
    lines = [line for line in (text or "").splitlines() if line.strip()]
    sample = "\n".join(lines[:5])
    delimiter = next((d for d in (";", "\t") if d in sample), "," if sample.count(",") >= len(lines[:5]) else None)
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)) if delimiter else [[l] for l in lines]
    if rows and rows[0] and rows[0][0].strip().lower() in ("name", "naam"):
        rows = rows[1:]
    if not rows:
        raise Refused(_l("Paste at least one line: one table per line."))
    return rows, delimiter is not None


def _table_fields(row: list[str], separated: bool) -> tuple[str, str, str, str, str]:
    """Name, dilemma, context, theme and seats of one pasted row."""
    fields = [f.strip() for f in row] + [""] * 5
    if len([f for f in row if f.strip()]) == 1 and not separated:
        return "", fields[0], "", "", ""
    return tuple(fields[:5])


def import_tables(event, text: str) -> list[Table]:
    """Tables from pasted text or CSV: one table per line.

    A line with one field is a dilemma (the table gets a number as name); with more fields they are
    name, dilemma, context, theme and seats, separated by semicolons, tabs or commas. A first line
    naming the columns is skipped.
    """
    rows, separated = _pasted_rows(text)
    made = []
    with force_locale(event.language):
        for row in rows:
            name, dilemma, context, theme, seats = _table_fields(row, separated)
            name = name or gettext("Table %(n)s", n=count_tables(event) + 1)
            capacity = form_int(seats, 10_000) if seats else None
            if seats and capacity is None:
                raise Refused(_l("“%(value)s” is not a number of seats.", value=seats[:20]))
            made.append(add_table(event, name, dilemma, context, theme, capacity))
    return made


# --- who sits where --------------------------------------------------------------------------

def _member_count(table: Table, round_: int) -> int:
    """Who sits at the table, for its capacity: guests of an unaccepted burst of joins do not fill it."""
    return db.session.scalar(db.select(db.func.count(Seat.id)).where(
        Seat.table_id == table.id, Seat.round == round_, counts(Seat.participant_id)))


def join_table(participant, table: Table) -> Seat:
    """Sit down at a table for the current round (moving from another table if needed)."""
    event = participant.event
    if table.event_id != event.id:
        raise Refused(_l("This table belongs to another event."), status=404)
    round_ = event.current_round
    seat = seat_of(participant, round_)
    if seat and seat.table_id == table.id:
        return seat
    if table.capacity is not None and _member_count(table, round_) >= table.capacity:
        raise Refused(_l("This table is full. Please choose another table."), status=409)
    if seat is None:
        seat = Seat(participant_id=participant.id, round=round_, table_id=table.id)
        db.session.add(seat)
    else:
        _leave_host_role(participant, seat.table)
        seat.table_id = table.id
    db.session.flush()
    return seat


def _leave_host_role(participant, table: Table) -> None:
    if table is not None and table.host_id == participant.id:
        table.host_id = None


def assign_tables(event, keep_seated: bool = True) -> int:
    """Spread everyone present over the tables: sizes within one, role tags mixed. Returns how many moved."""
    tables = event_tables(event)
    if not tables:
        raise Refused(_l("There are no tables yet. Add tables first."), status=409)
    people = list(db.session.scalars(
        db.select(Participant).where(Participant.event_id == event.id, Participant.source != ParticipantSource.paper,
                                     Participant.counted)))
    if not people:
        raise Refused(_l("Nobody has joined yet, so there is nobody to seat."), status=409)
    round_ = event.current_round
    seats = {s.participant_id: s for s in db.session.scalars(
        db.select(Seat).join(Table).where(Table.event_id == event.id, Seat.round == round_))}
    kept = {pid: seat.table_id for pid, seat in seats.items()} if keep_seated else {}
    plan = seating.plan_assignment([t.id for t in tables], [(p.id, p.role_tag) for p in people], kept)
    return _apply_plan(plan, seats, round_)


def _apply_plan(plan: dict[int, int], seats: dict, round_: int) -> int:
    moved = 0
    for pid, tid in plan.items():
        seat = seats.get(pid)
        if seat is None:
            db.session.add(Seat(participant_id=pid, table_id=tid, round=round_))
            moved += 1
        elif seat.table_id != tid:
            seat.table_id = tid
            moved += 1
    db.session.flush()
    return moved


def start_new_round(event) -> int:
    """World Café: a new round where hosts stay and the others move to meet new people."""
    tables = event_tables(event)
    if not tables:
        raise Refused(_l("There are no tables yet. Add tables first."), status=409)
    old = event.current_round
    seats = list(db.session.scalars(  # the guests who count: a burst of joins is not seated by the rotation
        db.select(Seat).join(Table).where(Table.event_id == event.id, Seat.round <= old,
                                          counts(Seat.participant_id))))
    previous = {s.participant_id: s.table_id for s in seats if s.round == old}
    if not previous:
        raise Refused(_l("Nobody sits at a table yet. Seat people first."), status=409)
    together: dict[tuple[int, int], set[int]] = {}
    for s in seats:
        together.setdefault((s.round, s.table_id), set()).add(s.participant_id)
    met: dict[int, set[int]] = {}
    for group in together.values():
        for pid in group:
            met.setdefault(pid, set()).update(group - {pid})
    roles = dict(db.session.execute(
        db.select(Participant.id, Participant.role_tag).filter_by(event_id=event.id)).all())
    hosts = {t.id: t.host_id for t in tables if t.host_id and previous.get(t.host_id) == t.id}
    plan = seating.plan_rotation([t.id for t in tables], previous, roles, hosts, met)
    event.current_round = old + 1
    return _apply_plan(plan, {}, event.current_round)


def claim_host(table: Table, participant) -> None:
    """The first person at the table to ask becomes its host."""
    _require_seat(participant, table)
    if table.host_id not in (None, participant.id):
        raise Refused(_l("This table already has a host."), status=409)
    table.host_id = participant.id
    db.session.flush()


def set_host(table: Table, participant) -> None:
    """The facilitator chooses the host (None for no host)."""
    if participant is not None and participant.event_id != table.event_id:
        raise Refused(_l("This person is not at this event."), status=404)
    table.host_id = participant.id if participant else None
    db.session.flush()


def _require_seat(participant, table: Table) -> Seat:
    seat = seat_of(participant)
    if seat is None or seat.table_id != table.id:
        raise Refused(_l("You are not at this table. Choose it first."), status=403)
    return seat


def _require_host(participant, table: Table) -> None:
    _require_seat(participant, table)
    if table.host_id != participant.id:
        raise Refused(_l("Only the table host can do this."), status=403)


# --- at the table ----------------------------------------------------------------------------

def post_contribution(table: Table, participant, kind: str, text: str,
                      request_key: str | None = None) -> tuple[Contribution, bool]:
    """Returns (contribution, created); the same request_key twice gives the first one back."""
    _require_seat(participant, table)
    request_key = request_key if request_key and REQUEST_KEY.match(request_key) else None
    if request_key and (earlier := _contribution_for_request(participant, request_key)):
        return earlier, False
    if not participant.event.contributions_open:
        raise Refused(_l("The tables are closed for new contributions right now. Your text is kept here."),
                      status=409)
    try:
        kind = ContributionKind(kind)
    except ValueError:
        raise Refused(_l("Choose whether it is an idea, advice or a question.")) from None
    text = clean_text(text, LIMITS.contribution)
    if not text:
        raise Refused(_l("Write your contribution first."))
    contribution = Contribution(table_id=table.id, participant_id=participant.id, kind=kind, text=text,
                                round=participant.event.current_round, request_key=request_key)
    screen(contribution, text, participant.event)
    try:
        with db.session.begin_nested():
            db.session.add(contribution)
    except IntegrityError:
        return _contribution_for_request(participant, request_key), False
    return contribution, True


def _contribution_for_request(participant, request_key):
    return db.session.scalar(
        db.select(Contribution).filter_by(participant_id=participant.id, request_key=request_key))


def toggle_vote(contribution: Contribution, participant) -> bool:
    """One vote per contribution, at your own table in this round; voting again takes it back."""
    table = db.session.get(Table, contribution.table_id)
    if not contribution.visible:
        raise Refused(_l("This contribution is not on view at the table."), status=409)
    seat = seat_of(participant)
    if (seat is None or seat.table_id != table.id or contribution.round != participant.event.current_round):
        raise Refused(_l("You can only vote on contributions at your own table."), status=403)
    return toggle_mark(contribution, "vote_count", Vote, participant, contribution_id=contribution.id)


def mark_key(contribution: Contribution, participant, key: bool) -> None:
    """The host marks a contribution as key advice for the card and the harvest."""
    _require_host(participant, db.session.get(Table, contribution.table_id))
    contribution.is_key = bool(key)
    db.session.flush()


def _card_to_write(table: Table, round_: int) -> AdviceCard:
    card = card_for(table, round_)
    if card is None:
        card = AdviceCard(table_id=table.id, round=round_)
        db.session.add(card)
    return card




def save_card(table: Table, participant, fields: dict, submit: bool = False) -> AdviceCard:
    """The host saves the advice card as a draft, or submits it for the harvest."""
    _require_host(participant, table)
    card = _card_to_write(table, participant.event.current_round)
    if card.submitted:
        raise Refused(_l("The advice card is already submitted."), status=409)
    for name in CARD_FIELDS:
        setattr(card, name, clean_text(fields.get(name, ""), LIMITS.card_field))
    if submit:
        if not card.advice:
            raise Refused(_l("Write the table's advice before you submit the card."))
        card.submit()
        # the harvest shows it once it is clean; a card that waits goes to the facilitator first
        screen(card, card.original, participant.event)
    db.session.flush()
    return card


def save_card_keeping_draft(table: Table, participant, fields: dict, submit: bool) -> Refused | None:
    """Save the card; when submitting fails for want of advice, keep it as a draft and return why."""
    try:
        with db.session.begin_nested():
            save_card(table, participant, fields, submit=submit)
    except Refused as problem:
        if not (submit and problem.status == 422):
            raise
        save_card(table, participant, fields)
        return problem
    return None


def toggle_endorsement(table: Table, participant) -> bool:
    """Back a table's advice during the harvest; each participant has a budget of three."""
    if table.event_id != participant.event_id:
        raise Refused(_l("This table belongs to another event."), status=404)
    if latest_submitted_card(table) is None:
        raise Refused(_l("This table has no advice to endorse yet."), status=409)
    endorsement = db.session.scalar(db.select(Endorsement).filter_by(table_id=table.id,
                                                                     participant_id=participant.id))
    if endorsement:
        db.session.delete(endorsement)
        db.session.flush()
        return False
    if endorsements_left(participant) <= 0:
        raise Refused(_l("You have used all %(n)s endorsements. Take one back to give it to another table.",
                         n=ENDORSEMENT_BUDGET), status=409)
    try:
        with db.session.begin_nested():
            db.session.add(Endorsement(table_id=table.id, participant_id=participant.id))
    except IntegrityError:
        pass
    return True


@bursts.recounts
def recount_votes(event) -> None:
    """Every contribution's votes again, from the guests who count (events.bursts)."""
    votes = (db.select(db.func.count(Vote.id)).where(Vote.contribution_id == Contribution.id,
                                                    counts(Vote.participant_id)).scalar_subquery())
    db.session.execute(db.update(Contribution).where(Contribution.table_id.in_(
        db.select(Table.id).where(Table.event_id == event.id))).values(vote_count=votes)
        .execution_options(synchronize_session="fetch"))
