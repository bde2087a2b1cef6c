"""Vraag & aanbod: what guests offer and look for, and the connections between them (a beursvloer).

A connection starts when one side taps "let's talk" (or the facilitator proposes it); it is a match
once both sides said yes. Contact details are stored per match and per person, only by choice, and
reach the other person only when both shared theirs.
"""
import enum
import zlib
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..review import Moderated, Translated
from ..util import utcnow


class PostKind(enum.Enum):
    offer = "offer"
    need = "need"


class MarketPost(Moderated, Translated, db.Model):
    """"Ik kan…" or "ik zoek…": one sentence with a rubric."""

    __tablename__ = "market_posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    kind: Mapped[PostKind] = mapped_column(Enum(PostKind, native_enum=False, length=8))
    #: one of the event's rubrics (a tag such as "kennis")
    rubric: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(String(200))
    #: the organisation the guest posts for (a club, a company, a care organisation), optional; shown with
    #: the first name once it is a match
    organisation: Mapped[str] = mapped_column(String(80), default="", server_default="")
    #: the stems of its words, space-separated, computed once when posted: what matching compares
    stems: Mapped[str] = mapped_column(Text, default="")
    #: the guest took it back: it matches nothing any more and shows nowhere
    withdrawn: Mapped[bool] = mapped_column(default=False)
    #: the facilitator put this need on the big screen ("who can help with this?")
    highlighted_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    participant = relationship("Participant")

    @property
    def is_offer(self) -> bool:
        return self.kind is PostKind.offer

    def __repr__(self):
        return f"<MarketPost {self.id} {self.kind.value} {self.text[:20]!r}>"


class Connection(Moderated, Translated, db.Model):
    """Two guests who may help each other: an offer and a need, or a helper and a dream.

    Its `review` (Moderated) is that of the agreement line: the room, the downloads and the mails show an
    agreement only when it is on view; the two people see it while it waits.

    `helper` is the person who can help (the offer's author, or who tapped "I can help" on a dream);
    `asker` the one who looks for help (the need's or the dream's author).
    """

    __tablename__ = "market_connections"
    __table_args__ = (UniqueConstraint("offer_id", "need_id", name="uq_connection_posts"),
                      UniqueConstraint("dream_id", "helper_id", name="uq_connection_dream_helper"))

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    offer_id: Mapped[int | None] = mapped_column(ForeignKey("market_posts.id", ondelete="CASCADE"), index=True)
    need_id: Mapped[int | None] = mapped_column(ForeignKey("market_posts.id", ondelete="CASCADE"), index=True)
    dream_id: Mapped[int | None] = mapped_column(ForeignKey("dreams.id", ondelete="CASCADE"), index=True)
    helper_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    asker_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    #: when each side said "let's talk" (both set: a match)
    helper_yes_at: Mapped[datetime | None]
    asker_yes_at: Mapped[datetime | None]
    #: the facilitator suggested it (both still have to say yes)
    proposed_by_facilitator: Mapped[bool] = mapped_column(default=False)
    #: whether each side lets its first name be shown with the sealed agreement (big screen, report)
    helper_named: Mapped[bool] = mapped_column(default=False)
    asker_named: Mapped[bool] = mapped_column(default=False)
    #: the agreement that seals the match: "what we will do, by when" (the beursvloer's notaris)
    agreement: Mapped[str] = mapped_column(String(200), default="")
    sealed_at: Mapped[datetime | None]
    #: one of the two took it back
    withdrawn_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    offer = relationship("MarketPost", foreign_keys=[offer_id])
    need = relationship("MarketPost", foreign_keys=[need_id])
    dream = relationship("Dream")
    helper = relationship("Participant", foreign_keys=[helper_id])
    asker = relationship("Participant", foreign_keys=[asker_id])

    translates = "agreement"

    @property
    def matched(self) -> bool:
        return bool(self.helper_yes_at and self.asker_yes_at and not self.withdrawn_at)

    @property
    def agreement_key(self) -> str:
        """Changes with the agreement: a phone keeps a form being typed in, but not one about an older text."""
        return format(zlib.crc32(self.agreement.encode()), "x")

    def side(self, participant_id: int) -> str | None:
        """"helper", "asker" or None for someone else."""
        return "helper" if participant_id == self.helper_id else "asker" if participant_id == self.asker_id else None

    def other_id(self, participant_id: int) -> int:
        return self.asker_id if participant_id == self.helper_id else self.helper_id

    def __repr__(self):
        return f"<Connection {self.id} {self.helper_id}->{self.asker_id} matched={self.matched}>"


class ContactShare(db.Model):
    """A contact detail one side of a match chose to share with the other; shown only once both shared.

    Kept apart from everything else; never in a report, a download or a socket message; deleted with the
    match's event."""

    __tablename__ = "market_contacts"
    __table_args__ = (UniqueConstraint("connection_id", "participant_id", name="uq_contact_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    connection_id: Mapped[int] = mapped_column(ForeignKey("market_connections.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))
    contact: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
