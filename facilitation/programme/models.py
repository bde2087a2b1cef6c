import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..limits import LIMITS
from ..review import Moderated, Translated
from ..util import utcnow


class PhaseKind(enum.Enum):
    welcome = "welcome"
    pitches = "pitches"
    dreams = "dreams"
    pause = "break"
    tables = "tables"
    harvest = "harvest"
    plenary = "plenary"
    market = "market"
    poll = "poll"
    closing = "closing"


class Phase(db.Model):
    """One part (onderdeel) of the programme."""

    __tablename__ = "phases"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    #: order in the programme (1, 2, ...)
    position: Mapped[int]
    kind: Mapped[PhaseKind] = mapped_column(Enum(PhaseKind, native_enum=False, length=16))
    title: Mapped[str] = mapped_column(String(120))
    #: a line for the facilitator's script, optional
    description: Mapped[str] = mapped_column(Text, default="")
    #: planned duration; the timer starts from it
    planned_minutes: Mapped[int] = mapped_column(default=10)
    #: when the facilitator moved into and out of this phase (the programme as it actually ran)
    started_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]

    def __repr__(self):
        return f"<Phase {self.position} {self.kind.value} {self.title!r}>"


class Announcement(db.Model):
    """A short message from the facilitator to every phone, or to the people at one table."""

    __tablename__ = "announcements"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    #: None for everyone
    table_id: Mapped[int | None] = mapped_column(ForeignKey("tables.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    def __repr__(self):
        return f"<Announcement {self.id} {self.text[:20]!r}>"


class Deed(Moderated, Translated, db.Model):
    """In the closing part: what I will do next week (from dreams to deeds); a translator may add a line in the
    event's language (Translated)."""

    __tablename__ = "deeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), unique=True)
    #: 1-280 characters; one per participant (writing again replaces it)
    text: Mapped[str] = mapped_column(String(280))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    def __repr__(self):
        return f"<Deed {self.id} {self.text[:20]!r}>"


class Rating(Moderated, Translated, db.Model):
    """How a participant rates the evening: 1-5 and an optional comment; shown only as an average.

    Its review is the comment's: a held comment stays out of the report, the score always counts."""

    __tablename__ = "ratings"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), unique=True)
    score: Mapped[int]
    comment: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    translates = "comment"
    translation_limit = LIMITS.rating_comment

    def __repr__(self):
        return f"<Rating {self.score}>"


class Speaker(db.Model):
    """Someone who pitches a dream in the pitches part."""

    __tablename__ = "speakers"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(80))
    #: the dream they pitch, shown under their name on the projector
    dream: Mapped[str] = mapped_column(String(280), default="")

    def __repr__(self):
        return f"<Speaker {self.position} {self.name!r}>"
