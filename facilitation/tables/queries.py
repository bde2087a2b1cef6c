"""Read-only views of the tables for the phone, the console and the projector."""
from collections import Counter

from flask import abort

from ..events.models import Participant
from ..events.queries import counts
from ..extensions import db
from ..limits import ENDORSEMENT_BUDGET
from ..review import Review
from .models import AdviceCard, CardStatus, Contribution, Endorsement, Seat, Table, Vote



def event_tables(event) -> list[Table]:
    return list(db.session.scalars(db.select(Table).filter_by(event_id=event.id).order_by(Table.position)))


def count_tables(event) -> int:
    return db.session.scalar(db.select(db.func.count(Table.id)).where(Table.event_id == event.id))


def seat_of(participant, round_: int | None = None) -> Seat | None:
    round_ = round_ or participant.event.current_round
    return db.session.scalar(db.select(Seat).filter_by(participant_id=participant.id, round=round_))


def table_members(table: Table, round_: int) -> list[Participant]:
    return list(db.session.scalars(
        db.select(Participant).join(Seat, Seat.participant_id == Participant.id)
        .where(Seat.table_id == table.id, Seat.round == round_).order_by(Participant.id)))


def members_by_table(event) -> dict[int, list[Participant]]:
    """Who sits where this round, for choosing a host: one statement for every table."""
    rows = db.session.execute(
        db.select(Seat.table_id, Participant).join(Participant, Seat.participant_id == Participant.id)
        .join(Table, Seat.table_id == Table.id)
        .where(Table.event_id == event.id, Seat.round == event.current_round).order_by(Participant.id)).all()
    members: dict[int, list[Participant]] = {}
    for table_id, participant in rows:
        members.setdefault(table_id, []).append(participant)
    return members


def seated_ids(table: Table, round_: int) -> list[int]:
    return list(db.session.scalars(db.select(Seat.participant_id).filter_by(table_id=table.id, round=round_)))


def table_in(event, raw_id: str | None) -> Table | None:
    """The event's table with this id as a form sends it; None for empty; 404 for another event's or junk."""
    raw_id = (raw_id or "").strip()
    if not raw_id:
        return None
    if not raw_id.isdecimal() or len(raw_id) > 9:
        abort(404)
    return table_or_404(event, int(raw_id))


def card_for(table: Table, round_: int) -> AdviceCard | None:
    return db.session.scalar(db.select(AdviceCard).filter_by(table_id=table.id, round=round_))


def endorsements_left(participant) -> int:
    used = db.session.scalar(db.select(db.func.count(Endorsement.id)).filter_by(participant_id=participant.id))
    return ENDORSEMENT_BUDGET - used


def contribution_or_404(table: Table, contribution_id: int) -> Contribution:
    contribution = db.session.get(Contribution, contribution_id)
    if contribution is None or contribution.table_id != table.id:
        abort(404)
    return contribution


def table_or_404(event, table_id: int) -> Table:
    return db.first_or_404(db.select(Table).where(Table.event_id == event.id, Table.id == table_id))


def contributions(table: Table, round_: int, author=None) -> list[Contribution]:
    """What a table's stream shows: the contributions on view, and the author's own that still wait."""
    shown = Contribution.review == Review.visible
    if author is not None:
        shown |= (Contribution.review == Review.held) & (Contribution.participant_id == author.id)
    return list(db.session.scalars(
        db.select(Contribution).filter_by(table_id=table.id, round=round_).where(shown)
        .order_by(Contribution.is_key.desc(), Contribution.vote_count.desc(), Contribution.id)))


def top_contributions(table: Table, limit: int = 3) -> list[Contribution]:
    """The best of all rounds at a table: key advice first, then the most votes."""
    return list(db.session.scalars(
        db.select(Contribution).filter_by(table_id=table.id, review=Review.visible)
        .order_by(Contribution.is_key.desc(), Contribution.vote_count.desc(), Contribution.id).limit(limit)))


def voted_ids(participant) -> set[int]:
    return set(db.session.scalars(db.select(Vote.contribution_id).filter_by(participant_id=participant.id)))


def endorsed_ids(participant) -> set[int]:
    return set(db.session.scalars(db.select(Endorsement.table_id).filter_by(participant_id=participant.id)))


def latest_submitted_card(table: Table) -> AdviceCard | None:
    """The card the harvest shows: submitted, and not waiting for the facilitator or hidden."""
    return db.session.scalar(db.select(AdviceCard).filter_by(table_id=table.id, status=CardStatus.submitted,
                                                             review=Review.visible)
                             .order_by(AdviceCard.round.desc()))


def has_harvest(event) -> bool:
    return db.session.scalar(db.select(AdviceCard.id).join(Table).where(
        Table.event_id == event.id, AdviceCard.status == CardStatus.submitted,
        AdviceCard.review == Review.visible).limit(1)) is not None


def harvest_tables(event) -> list[tuple[Table, AdviceCard]]:
    """Tables with a submitted card, in table order, each with its latest card."""
    return [(t, card) for t in event_tables(event) if (card := latest_submitted_card(t))]


def endorsement_counts(event) -> Counter:
    rows = db.session.execute(
        db.select(Endorsement.table_id, db.func.count(Endorsement.id)).join(Table)
        .where(Table.event_id == event.id, counts(Endorsement.participant_id)).group_by(Endorsement.table_id)).all()
    return Counter(dict(rows))


def overview(event) -> list[dict]:
    """Per table, for the console and the projector: members, role mix, activity and card status."""
    round_ = event.current_round
    seats = db.session.execute(
        db.select(Seat.table_id, Participant.role_tag).join(Participant, Seat.participant_id == Participant.id)
        .join(Table, Seat.table_id == Table.id).where(Table.event_id == event.id, Seat.round == round_)).all()
    activity = dict((tid, (n, votes)) for tid, n, votes in db.session.execute(
        db.select(Contribution.table_id, db.func.count(Contribution.id), db.func.sum(Contribution.vote_count))
        .join(Table).where(Table.event_id == event.id, Contribution.round == round_,
                           Contribution.review == Review.visible)
        .group_by(Contribution.table_id)).all())
    cards = {c.table_id: c for c in db.session.scalars(
        db.select(AdviceCard).join(Table).where(Table.event_id == event.id, AdviceCard.round == round_))}
    endorsements = endorsement_counts(event)
    rows = []
    for table in event_tables(event):
        roles = Counter(role for tid, role in seats if tid == table.id)
        contributions_count, votes = activity.get(table.id, (0, 0))
        rows.append({
            "table": table,
            "members": sum(roles.values()),
            "roles": roles,
            "contributions": contributions_count,
            "votes": votes or 0,
            "card": cards.get(table.id),
            "endorsements": endorsements[table.id],
        })
    return rows


def submitted_count(rows: list[dict]) -> int:
    return sum(1 for row in rows if row["card"] is not None and row["card"].submitted)
