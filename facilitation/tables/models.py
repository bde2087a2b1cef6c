import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..limits import LIMITS
from ..review import Moderated, Translated
from ..util import utcnow


class Table(db.Model):
    """A round table: a name, a practical dilemma, and the people around it per round."""

    __tablename__ = "tables"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    #: order on the tables overview, the cards and the harvest (1, 2, ...)
    position: Mapped[int]
    #: e.g. "Tafel 3"
    name: Mapped[str] = mapped_column(String(80))
    #: optional theme, e.g. "Vrijwilligers"
    theme: Mapped[str] = mapped_column(String(120), default="", server_default="")
    #: the practical question this table works through
    dilemma: Mapped[str] = mapped_column(Text, default="")
    #: a few sentences of background to the dilemma
    context: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: the dilemma's two sides, for the guests' stance before and after the round (polls.stances); optional
    pole_left: Mapped[str] = mapped_column(String(80), default="", server_default="")
    pole_right: Mapped[str] = mapped_column(String(80), default="", server_default="")
    #: most people at the table in one round; None for no limit
    capacity: Mapped[int | None]
    #: the participant who fills the advice card (stays when the others rotate)
    host_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL", name="fk_tables_host"))

    host = relationship("Participant", foreign_keys=[host_id])

    def __repr__(self):
        return f"<Table {self.id} {self.name!r} of event {self.event_id}>"


class Seat(db.Model):
    """Where a participant sits in one round. One seat per participant per round."""

    __tablename__ = "seats"
    __table_args__ = (UniqueConstraint("participant_id", "round", name="uq_seat_per_round"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    table_id: Mapped[int] = mapped_column(ForeignKey("tables.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    #: the World Café round (1, 2, ...)
    round: Mapped[int] = mapped_column(default=1)
    seated_at: Mapped[datetime] = mapped_column(default=utcnow)

    table = relationship("Table")
    participant = relationship("Participant")

    def __repr__(self):
        return f"<Seat participant={self.participant_id} table={self.table_id} round={self.round}>"


class ContributionKind(enum.Enum):
    idea = "idea"
    advice = "advice"
    question = "question"


class Contribution(Moderated, Translated, db.Model):
    """An idea, advice or question posted at a table in one round."""

    __tablename__ = "contributions"
    __table_args__ = (UniqueConstraint("participant_id", "request_key", name="uq_contribution_request"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    table_id: Mapped[int] = mapped_column(ForeignKey("tables.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    round: Mapped[int] = mapped_column(default=1)
    kind: Mapped[ContributionKind] = mapped_column(Enum(ContributionKind, native_enum=False, length=16))
    #: 1-500 characters, cleaned by clean_text
    text: Mapped[str] = mapped_column(String(500))
    #: marked by the host as key advice for the card and the harvest
    is_key: Mapped[bool] = mapped_column(default=False)
    #: denormalised count of votes, kept by toggle_vote
    vote_count: Mapped[int] = mapped_column(default=0)
    #: sent with each post, so a double tap stores one contribution
    request_key: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    participant = relationship("Participant")

    def __repr__(self):
        return f"<Contribution {self.id} {self.kind.value} {self.text[:20]!r}>"


class Vote(db.Model):
    __tablename__ = "votes"
    __table_args__ = (UniqueConstraint("contribution_id", "participant_id", name="uq_vote_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contribution_id: Mapped[int] = mapped_column(ForeignKey("contributions.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), index=True)

    def __repr__(self):
        return f"<Vote contribution={self.contribution_id} participant={self.participant_id}>"


class CardStatus(enum.Enum):
    draft = "draft"
    submitted = "submitted"


#: the fields of an advice card, in the order a table fills them in
CARD_FIELDS = ("dilemma", "options", "advice", "next_step")


class AdviceCard(Moderated, Translated, db.Model):
    """The table's harvest of one round: dilemma -> options -> our advice -> who acts next."""

    __tablename__ = "advice_cards"
    __table_args__ = (UniqueConstraint("table_id", "round", name="uq_card_per_round"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    table_id: Mapped[int] = mapped_column(ForeignKey("tables.id", ondelete="CASCADE"), index=True)
    round: Mapped[int] = mapped_column(default=1)
    #: the dilemma in the table's own words
    dilemma: Mapped[str] = mapped_column(Text, default="")
    #: options the table considered
    options: Mapped[str] = mapped_column(Text, default="")
    #: the advice the table gives
    advice: Mapped[str] = mapped_column(Text, default="")
    #: who acts next, and how
    next_step: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[CardStatus] = mapped_column(Enum(CardStatus, native_enum=False, length=16),
                                               default=CardStatus.draft)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    submitted_at: Mapped[datetime | None]

    table = relationship("Table")

    #: a translator's line says what the whole card says
    translation_limit = LIMITS.card_field
    translated_fields = CARD_FIELDS

    @property
    def original(self) -> str:
        """The card's fields as one text, for the checks and the translator."""
        return "\n".join(getattr(self, name) for name in CARD_FIELDS if getattr(self, name))

    @property
    def submitted(self) -> bool:
        return self.status is CardStatus.submitted

    def submit(self) -> None:
        if self.submitted:
            raise ValueError("card already submitted")
        self.status = CardStatus.submitted
        self.submitted_at = utcnow()

    def __repr__(self):
        return f"<AdviceCard table={self.table_id} round={self.round} {self.status.value}>"


class Endorsement(db.Model):
    """During the harvest a participant backs a table's advice; each has a small budget."""

    __tablename__ = "endorsements"
    __table_args__ = (UniqueConstraint("table_id", "participant_id", name="uq_endorse_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    table_id: Mapped[int] = mapped_column(ForeignKey("tables.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    def __repr__(self):
        return f"<Endorsement table={self.table_id} participant={self.participant_id}>"
