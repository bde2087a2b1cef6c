"""Reads of the market for each audience. Contact details leave only through `connections_of`, to the other
side of a match, once both shared theirs."""
from collections import Counter
from dataclasses import dataclass

from flask_babel import gettext
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..review import Review
from ..tables.models import Table
from ..tables.queries import seat_of
from ..util import form_int
from .matching import Proposal, candidates_for, proposals
from .models import Connection, ContactShare, MarketPost, PostKind
from .rubrics import rubric_label, rubrics

NEWEST_CARDS = 12
#: the broker's suggestions look at this many of the newest unanswered needs (each is compared with every offer)
SUGGEST_FOR = 40
NEWEST_SEALED = 4


def post_in(event, raw_id) -> MarketPost | None:
    number = form_int(str(raw_id))
    found = db.session.get(MarketPost, number) if number is not None else None
    return found if found is not None and found.event_id == event.id else None


def connection_in(event, raw_id) -> Connection | None:
    number = form_int(str(raw_id))
    found = db.session.get(Connection, number) if number is not None else None
    return found if found is not None and found.event_id == event.id else None


def _on_view(event):
    return db.select(MarketPost).where(MarketPost.event_id == event.id, MarketPost.withdrawn.is_(False),
                                       MarketPost.review == Review.visible)


@dataclass
class MyPost:
    post: MarketPost
    proposals: list[Proposal]


def my_posts(event, participant) -> list[MyPost]:
    """The guest's own posts (also the ones waiting for the facilitator), each with its proposals."""
    posts = db.session.scalars(db.select(MarketPost).where(
        MarketPost.participant_id == participant.id, MarketPost.withdrawn.is_(False),
        MarketPost.review != Review.hidden).order_by(MarketPost.id.desc()))
    return [MyPost(p, proposals(p, candidates_for(p), event.language)) for p in posts]


def pairs_of(event, participant) -> dict[tuple[int, int], str]:
    """Per (offer, need) this guest is part of: "open" (in touch) or "ended" (declined or taken back)."""
    rows = db.session.execute(db.select(Connection.offer_id, Connection.need_id, Connection.withdrawn_at).where(
        Connection.event_id == event.id, Connection.offer_id.is_not(None),
        (Connection.helper_id == participant.id) | (Connection.asker_id == participant.id)))
    return {(offer, need): "ended" if ended else "open" for offer, need, ended in rows}


def waiting_for(participant) -> int:
    """How many guests said "let's talk" to this one (or the facilitator proposed) without an answer yet."""
    if participant is None:
        return 0
    return db.session.scalar(db.select(db.func.count(Connection.id)).where(
        Connection.withdrawn_at.is_(None),
        ((Connection.helper_id == participant.id) & Connection.helper_yes_at.is_(None))
        | ((Connection.asker_id == participant.id) & Connection.asker_yes_at.is_(None))))


def display_name(participant) -> str:
    """A first name, or "a guest" for someone who gave none (never the held name)."""
    return participant.name.split(" ")[0] if participant.name else gettext("a guest")


def where_to_meet(participant) -> str:
    seat = seat_of(participant)
    if seat is not None:
        return gettext("at %(table)s", table=db.session.get(Table, seat.table_id).name)
    return gettext("at the market corner, next to the big screen")


@dataclass
class Mine:
    connection: Connection
    side: str
    other_name: str
    other_place: str
    #: what the connection is about, as the guests wrote it
    offer_text: str
    need_text: str
    #: whether the other side said yes / this guest said yes
    they_said_yes: bool
    i_said_yes: bool
    my_contact: str
    their_contact: str


def connections_of(event, participant) -> list[Mine]:
    """Everything this guest is connected with: proposals waiting for an answer, and matches."""
    found = db.session.scalars(db.select(Connection).where(
        Connection.event_id == event.id, Connection.withdrawn_at.is_(None),
        (Connection.helper_id == participant.id) | (Connection.asker_id == participant.id))
        .options(joinedload(Connection.offer), joinedload(Connection.need), joinedload(Connection.dream),
                 joinedload(Connection.helper), joinedload(Connection.asker))
        .order_by(Connection.id.desc()))
    result = []
    for connection in found:
        side = connection.side(participant.id)
        other = connection.asker if side == "helper" else connection.helper
        mine_yes = getattr(connection, f"{side}_yes_at") is not None
        theirs_yes = getattr(connection, f"{'asker' if side == 'helper' else 'helper'}_yes_at") is not None
        shares = {share.participant_id: share.contact for share in db.session.scalars(
            db.select(ContactShare).filter_by(connection_id=connection.id))}
        both = connection.matched and participant.id in shares and other.id in shares
        their_post = (connection.need if side == "helper" else connection.offer)
        name = display_name(other) + (f" ({their_post.organisation})" if their_post and their_post.organisation else "")
        result.append(Mine(
            connection, side, name if connection.matched else "",
            where_to_meet(other) if connection.matched else "",
            connection.offer.text if connection.offer else gettext("I can help with your dream."),
            connection.need.text if connection.need else connection.dream.text,
            theirs_yes, mine_yes, shares.get(participant.id, ""), shares[other.id] if both else ""))
    return result


# --- the room: big screen and console ----------------------------------------------------------------

def counts(event) -> dict:
    """Offers and needs per rubric, and the matches: a handful of statements whatever the size."""
    per = Counter()
    for kind, rubric, n in db.session.execute(
            _on_view(event).with_only_columns(MarketPost.kind, MarketPost.rubric, db.func.count(MarketPost.id))
            .group_by(MarketPost.kind, MarketPost.rubric)):
        per[(kind, rubric)] = n
    tags = rubrics(event) + sorted({rubric for _, rubric in per} - set(rubrics(event)))
    matches, sealed = db.session.execute(_matches(event).with_only_columns(
        db.func.count(Connection.id), db.func.count(Connection.sealed_at))).one()
    return {
        "rubrics": [{"tag": tag, "label": rubric_label(tag), "offers": per[(PostKind.offer, tag)],
                     "needs": per[(PostKind.need, tag)]} for tag in tags],
        "offers": sum(n for (kind, _), n in per.items() if kind is PostKind.offer),
        "needs": sum(n for (kind, _), n in per.items() if kind is PostKind.need),
        "matches": matches, "sealed": sealed,
    }


def _rubric_of(connection: Connection) -> str:
    """The rubric a connection is about (its need's, else its offer's); "" for help with a dream."""
    about = connection.need or connection.offer
    return about.rubric if about else ""


def _rubric_label_of(connection: Connection) -> str:
    tag = _rubric_of(connection)
    return rubric_label(tag) if tag else gettext("A dream on the wall")


def _matches(event):
    return db.select(Connection).where(Connection.event_id == event.id, Connection.withdrawn_at.is_(None),
                                       Connection.helper_yes_at.is_not(None), Connection.asker_yes_at.is_not(None))


def matches_of(participant) -> list[Connection]:
    """This guest's matches (both said yes, nobody withdrew), oldest first: for the follow-up after the evening."""
    return list(db.session.scalars(_matches(participant.event).where(
        (Connection.helper_id == participant.id) | (Connection.asker_id == participant.id)).order_by(Connection.id)))


def newest_cards(event, limit: int = NEWEST_CARDS) -> list[MarketPost]:
    return list(db.session.scalars(_on_view(event).order_by(MarketPost.id.desc()).limit(limit)))


def sealed_matches(event, limit: int | None = NEWEST_SEALED) -> list[dict]:
    """Sealed agreements, newest first, with first names only where that side agreed to be named."""
    query = (_matches(event).where(Connection.sealed_at.is_not(None), Connection.review == Review.visible)
             .options(joinedload(Connection.helper), joinedload(Connection.asker), joinedload(Connection.offer),
                      joinedload(Connection.need))
             .order_by(Connection.sealed_at.desc(), Connection.id.desc()))
    if limit:
        query = query.limit(limit)
    return [{"agreement": c.agreement, "translation": c.translation,
             "rubric": _rubric_of(c),
             "names": (display_name(c.helper) if c.helper_named and c.helper.name else gettext("a guest"),
                       display_name(c.asker) if c.asker_named and c.asker.name else gettext("a guest")),
             "named": c.helper_named and c.asker_named}
            for c in db.session.scalars(query)]


def highlighted(event) -> MarketPost | None:
    return db.session.scalar(_on_view(event).where(MarketPost.highlighted_at.is_not(None))
                             .order_by(MarketPost.highlighted_at.desc()).limit(1))


def _connected(event):
    """The ids of posts with an open proposal or a match."""
    return db.select(Connection.offer_id).where(Connection.withdrawn_at.is_(None), Connection.event_id == event.id,
                                                Connection.offer_id.is_not(None)).union(
        db.select(Connection.need_id).where(Connection.withdrawn_at.is_(None), Connection.event_id == event.id,
                                            Connection.need_id.is_not(None)))


@dataclass
class Broker:
    """What the console's market panel shows, in a fixed handful of statements whatever the size."""
    #: needs and offers nobody connected with yet (the first `shown`), and how many there are
    needs: list[MarketPost]
    offers: list[MarketPost]
    needs_total: int
    offers_total: int
    pairs: list[tuple[MarketPost, Proposal]]


def broker(event, shown: int = 20, pairs: int = 10) -> Broker:
    posts = list(db.session.scalars(_on_view(event).order_by(MarketPost.id)))
    connected = set(db.session.scalars(_connected(event)))
    known = set(db.session.execute(db.select(Connection.offer_id, Connection.need_id)
                                   .where(Connection.event_id == event.id)).all())
    needs = [p for p in posts if p.kind is PostKind.need and p.id not in connected]
    offers = [p for p in posts if p.kind is PostKind.offer]
    suggested = []
    for need in needs[-SUGGEST_FOR:]:  # the newest unanswered needs: the room is talking about them now
        for proposal in proposals(need, offers, event.language, limit=3):
            if (proposal.post.id, need.id) not in known:
                suggested.append((need, proposal))
                break
    suggested.sort(key=lambda pair: (-pair[1].score, pair[0].id))
    lonely_offers = [p for p in offers if p.id not in connected]
    return Broker(needs[:shown], lonely_offers[:shown], len(needs), len(lonely_offers), suggested[:pairs])


def for_report(event) -> dict:
    """The market in the report: offers, needs and matches per rubric, the sealed agreements (names only
    where both agreed) and the needs nobody answered, for the organiser to follow up. No contact details."""
    tally = counts(event)
    matches = list(db.session.scalars(_matches(event).options(
        joinedload(Connection.offer), joinedload(Connection.need), joinedload(Connection.helper),
        joinedload(Connection.asker)).order_by(Connection.id)))
    per_rubric = Counter(_rubric_of(c) for c in matches)
    rows = [{"rubric": row["label"], "offers": row["offers"], "needs": row["needs"], "matches": per_rubric[row["tag"]]}
            for row in tally["rubrics"]]
    if per_rubric[""]:
        rows.append({"rubric": gettext("A dream on the wall"), "offers": 0, "needs": 0, "matches": per_rubric[""]})
    agreements = [{"rubric": _rubric_label_of(c), "agreement": c.agreement, "language": c.written_in,
                   "translation": c.translation,
                   "names": gettext("%(one)s and %(other)s", one=display_name(c.helper), other=display_name(c.asker))
                   if c.helper_named and c.asker_named and c.helper.name and c.asker.name else ""}
                  for c in matches if c.sealed_at and c.visible]
    return {"offers": tally["offers"], "needs": tally["needs"], "matches": tally["matches"],
            "sealed": tally["sealed"], "rubrics": [row for row in rows if row["offers"] or row["needs"] or row["matches"]],
            "agreements": agreements,
            "unanswered_needs": [{"rubric": rubric_label(post.rubric), "text": post.text}
                                 for post in db.session.scalars(_on_view(event).where(
                                     MarketPost.kind == PostKind.need,
                                     MarketPost.id.not_in({c.need_id for c in matches if c.need_id}))
                                     .order_by(MarketPost.id))]}


def rows_for_data(event) -> tuple[list[MarketPost], list[dict]]:
    """The market for data.xlsx and data.zip: the posts on view, and the matches without names or contacts."""
    posts = list(db.session.scalars(_on_view(event).order_by(MarketPost.id)))
    matches = [{"rubric": _rubric_label_of(c), "agreement": c.agreement if c.visible else "",
                "translation": (c.translation or "") if c.visible else "", "sealed_at": c.sealed_at,
                "proposed": c.proposed_by_facilitator, "posts": [pid for pid in (c.offer_id, c.need_id) if pid]}
               for c in db.session.scalars(_matches(event).options(joinedload(Connection.offer),
                                                                   joinedload(Connection.need))
                                           .order_by(Connection.id))]
    return posts, matches


def people_connected_with(market_post) -> set[int]:
    """The guests of every connection a post is part of (helper and asker)."""
    rows = db.session.execute(db.select(Connection.helper_id, Connection.asker_id).where(
        (Connection.offer_id == market_post.id) | (Connection.need_id == market_post.id)))
    return {pid for row in rows for pid in row}
