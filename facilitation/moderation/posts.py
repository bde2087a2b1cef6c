"""Every kind of text a guest writes, as the moderation queue sees it: what waits, and approve / hide / correct.

Every kind shares the Moderated mixin (review.py), dreams too; dreams keep their own approve and hide, which
tell the wall (dreams.operations). Each kind says which of its fields a correction edits and who must hear
about a change.
"""
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from flask_babel import lazy_gettext as _l

from ..dreams import operations as dream_ops
from ..dreams import pushes as dream_pushes
from ..dreams.models import Dream
from ..enums import PostKind
from ..errors import Refused
from ..events.models import Participant
from ..extensions import db
from ..followup.models import CheckIn
from ..polls import pushes as poll_pushes
from ..polls.models import Poll, PollAnswer, SpeakerQuestion
from ..limits import LIMITS
from ..live.broadcast import panels
from ..market import pushes as market_pushes
from ..market.models import Connection, MarketPost
from ..programme import pushes as programme_pushes
from ..programme.models import Deed, Rating
from ..review import Review
from ..tables import pushes as table_pushes
from ..tables.models import AdviceCard, Contribution, Table
from ..tables.queries import seat_of
from ..text import clean_text


@dataclass(frozen=True)
class Field:
    """A text field of a post that the facilitator can correct."""

    name: str
    label: object
    limit: int


@dataclass(frozen=True)
class Kind:
    kind: PostKind
    model: type
    #: the column with the post's moment, for the order of the queue
    moment: str
    fields: tuple[Field, ...]
    #: the posts of one event (for kinds that belong to a table, through the table)
    of_event: Callable
    #: after a change: who must fetch again (phones, the big screen, the consoles)
    tell: Callable


def _through_table(model):
    return lambda event: db.select(model).join(Table, model.table_id == Table.id).where(Table.event_id == event.id)


def _tell_table(post, event) -> None:
    table_pushes.table_changed(event, db.session.get(Table, post.table_id))


def _tell_card(post, event) -> None:
    table_pushes.card_submitted(event, db.session.get(Table, post.table_id))


def _tell_name(post, event) -> None:
    seat = seat_of(post)
    if seat:
        table_pushes.table_changed(event, db.session.get(Table, seat.table_id))


KINDS = {kind.kind: kind for kind in (
    Kind(PostKind.dream, Dream, "created_at", (Field("text", _l("Dream"), LIMITS.dream),),
         lambda event: db.select(Dream).where(Dream.event_id == event.id), lambda post, event: None),
    Kind(PostKind.contribution, Contribution, "created_at", (Field("text", _l("Contribution"), LIMITS.contribution),),
         _through_table(Contribution), _tell_table),
    Kind(PostKind.card, AdviceCard, "submitted_at",
         (Field("dilemma", _l("The dilemma in our words"), LIMITS.card_field),
          Field("options", _l("Options we considered"), LIMITS.card_field),
          Field("advice", _l("Our advice"), LIMITS.card_field),
          Field("next_step", _l("Who acts next, and how"), LIMITS.card_field)),
         _through_table(AdviceCard), _tell_card),
    Kind(PostKind.deed, Deed, "created_at", (Field("text", _l("Deed"), LIMITS.deed),),
         lambda event: db.select(Deed).where(Deed.event_id == event.id),
         lambda post, event: programme_pushes.closing_changed(event)),
    Kind(PostKind.comment, Rating, "created_at", (Field("comment", _l("Comment"), LIMITS.rating_comment),),
         lambda event: db.select(Rating).where(Rating.event_id == event.id), lambda post, event: None),
    Kind(PostKind.name, Participant, "joined_at", (Field("held_name", _l("Name"), LIMITS.name),),
         lambda event: db.select(Participant).where(Participant.event_id == event.id), _tell_name),
    Kind(PostKind.market, MarketPost, "created_at", (Field("text", _l("Offer or need"), LIMITS.market_post),),
         lambda event: db.select(MarketPost).where(MarketPost.event_id == event.id),
         lambda post, event: market_pushes.market_changed(event, post)),
    Kind(PostKind.question, SpeakerQuestion, "created_at", (Field("text", _l("Question"), LIMITS.speaker_question),),
         lambda event: db.select(SpeakerQuestion).where(SpeakerQuestion.event_id == event.id),
         lambda post, event: poll_pushes.question_handled(event)),
    Kind(PostKind.poll, PollAnswer, "answered_at", (Field("words", _l("Words"), LIMITS.poll_words),),
         lambda event: db.select(PollAnswer).join(Poll).where(Poll.event_id == event.id),
         lambda post, event: poll_pushes.answered(event, post.poll)),
    Kind(PostKind.agreement, Connection, "sealed_at", (Field("agreement", _l("Agreement"), LIMITS.market_agreement),),
         lambda event: db.select(Connection).where(Connection.event_id == event.id),
         lambda post, event: market_pushes.connection_changed(event, post, sealed=True)),
    Kind(PostKind.checkin, CheckIn, "answered_at", (Field("line", _l("Line"), LIMITS.checkin_line),),
         lambda event: db.select(CheckIn).where(CheckIn.event_id == event.id), lambda post, event: None),
)}


@dataclass(frozen=True)
class Waiting:
    """One post in the queue."""

    kind: Kind
    post: object
    at: datetime

    @property
    def texts(self) -> list[tuple[Field, str]]:
        return [(field, getattr(self.post, field.name) or "") for field in self.kind.fields]

    @property
    def text(self) -> str:
        return " · ".join(value for _, value in self.texts if value)


def _held(kind: Kind, event):
    return kind.of_event(event).where(kind.model.review == Review.held)


def waiting_posts(event, limit: int) -> tuple[list[Waiting], int]:
    """The queue: the first `limit` posts of every kind that wait, oldest first, and how many wait in all."""
    found = []
    counts = []
    for kind in KINDS.values():
        held = _held(kind, event)
        moment = getattr(kind.model, kind.moment)
        found += [Waiting(kind, post, getattr(post, kind.moment))
                  for post in db.session.scalars(held.order_by(moment, kind.model.id).limit(limit))]
        counts.append(db.select(db.func.count()).select_from(held.subquery()).scalar_subquery())
    # how many wait of every kind, in one statement (the same cost at 10 posts and at 2,000)
    total = sum(db.session.execute(db.select(*counts)).one())
    found.sort(key=lambda waiting: (waiting.at or datetime.max, waiting.post.id))
    return found[:limit], total


def post_or_none(event, kind: PostKind, post_id: int):
    return db.session.scalar(KINDS[kind].of_event(event).where(KINDS[kind].model.id == post_id))


# --- approve / hide / correct --------------------------------------------------------------------------

ALREADY_HANDLED = _l("Another facilitator already handled this post.")


def approve(event, kind: PostKind, post) -> None:
    """A waiting post goes on view (a name goes on the guest's badge)."""
    if kind is PostKind.dream:
        dream_ops.approve_dream(post, event)
        dream_pushes.dream_approved(post, event)
        return
    if not post.held:
        raise Refused(ALREADY_HANDLED, status=409)
    post.review = Review.visible
    if kind is PostKind.name:
        post.name, post.held_name = post.held_name, ""
    db.session.flush()
    _told(event, kind, post)


def hide(event, kind: PostKind, post) -> None:
    """Take a post off every view and every download, waiting or not."""
    if kind is PostKind.dream:
        dream_ops.hide_dream(post, event)
        dream_pushes.dream_removed(post, event)
        return
    if post.review is Review.hidden:
        raise Refused(_l("This post was already hidden."), status=409)
    post.review = Review.hidden
    if kind is PostKind.name:
        post.name = post.held_name = ""
    if kind is PostKind.contribution:
        post.is_key = False
    db.session.flush()
    _told(event, kind, post)


def correct(event, kind: PostKind, post, form) -> None:
    """The facilitator mends a waiting post (a typo, a phone number taken out); it keeps waiting until approved."""
    if kind is PostKind.dream:
        was_visible = post.visible
        dream_ops.edit_dream(post, event, form.get("text", ""))
        dream_pushes.dream_corrected(post, event, was_visible)
        return
    if post.review is Review.hidden:
        raise Refused(ALREADY_HANDLED, status=409)
    values = {field.name: clean_text(form.get(field.name, ""), field.limit) for field in KINDS[kind].fields}
    if not any(values.values()) or (kind is PostKind.card and not values["advice"]):
        raise Refused(_l("Keep some text, or hide the post instead."))
    for name, value in values.items():
        setattr(post, name, value)
    db.session.flush()
    _told(event, kind, post)


def _told(event, kind: PostKind, post) -> None:
    KINDS[kind].tell(post, event)
    panels(event, "moderation")
