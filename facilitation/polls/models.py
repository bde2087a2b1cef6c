import enum
from datetime import datetime

from sqlalchemy import JSON, Enum, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..review import Moderated, Translated
from ..util import utcnow


class PollKind(enum.Enum):
    choice = "choice"  # one of the options
    choices = "choices"  # one or more of the options
    scale = "scale"  # a number on a scale, with a label at each end
    words = "words"  # a few words, shown as a word cloud


class PollState(enum.Enum):
    draft = "draft"  # prepared, not asked yet
    open = "open"  # phones answer; an answer can still change
    closed = "closed"  # answers are final


class Poll(db.Model):
    """A quick question to the room, prepared before the evening or written on the spot."""

    __tablename__ = "polls"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    kind: Mapped[PollKind] = mapped_column(Enum(PollKind, native_enum=False, length=16))
    question: Mapped[str] = mapped_column(String(200))
    #: the options of a choice poll, in order
    options: Mapped[list] = mapped_column(JSON, default=list)
    #: a scale from 1 to scale_max (5 or 10), with what its ends mean
    scale_max: Mapped[int] = mapped_column(default=5)
    low_label: Mapped[str] = mapped_column(String(80), default="")
    high_label: Mapped[str] = mapped_column(String(80), default="")
    state: Mapped[PollState] = mapped_column(Enum(PollState, native_enum=False, length=16), default=PollState.draft)
    #: whether the big screen (and, once closed, the phones) show the results; hidden until the facilitator reveals
    revealed: Mapped[bool] = mapped_column(default=True)
    opened_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    event = relationship("Event", foreign_keys=[event_id])

    @property
    def values(self) -> range:
        """The answers a scale poll accepts."""
        return range(1, self.scale_max + 1)

    def __repr__(self):
        return f"<Poll {self.id} {self.kind.value} {self.question[:20]!r}>"


class PollAnswer(Moderated, Translated, db.Model):
    """One guest's answer to one poll: exactly one per guest, the last change counts.

    Its review is the words': words with personal data or abuse wait and stay out of the word cloud."""

    __tablename__ = "poll_answers"
    __table_args__ = (UniqueConstraint("poll_id", "participant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    #: the chosen options (indexes) of a choice poll
    choices: Mapped[list] = mapped_column(JSON, default=list)
    value: Mapped[int | None]
    words: Mapped[str] = mapped_column(String(40), default="")
    answered_at: Mapped[datetime] = mapped_column(default=utcnow)

    poll = relationship("Poll")

    translates = "words"


class StanceMoment(enum.Enum):
    before = "before"
    after = "after"


#: the dilemma a stance is about: a table's ("t12") or the plenary dilemma of the whole room
PLENARY = "room"


class Stance(db.Model):
    """Where a guest stands on a dilemma (their table's, or the plenary one), between its two sides (1 to
    STANCE_MAX), before or after the round: one per guest, dilemma and moment, the last change counts."""

    __tablename__ = "stances"
    __table_args__ = (UniqueConstraint("dilemma", "participant_id", "moment"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    #: "t<table id>" or PLENARY
    dilemma: Mapped[str] = mapped_column(String(16))
    #: the table, for a table's dilemma
    table_id: Mapped[int | None] = mapped_column(ForeignKey("tables.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))
    moment: Mapped[StanceMoment] = mapped_column(Enum(StanceMoment, native_enum=False, length=8))
    value: Mapped[int]
    answered_at: Mapped[datetime] = mapped_column(default=utcnow)


class SpeakerQuestion(Moderated, Translated, db.Model):
    """A guest's question to a speaker (or to the room, without one), voted up by others."""

    __tablename__ = "speaker_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id", ondelete="SET NULL"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(200))
    vote_count: Mapped[int] = mapped_column(default=0)
    answered: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    speaker = relationship("Speaker")
    event = relationship("Event", foreign_keys=[event_id])


class QuestionVote(db.Model):
    __tablename__ = "question_votes"
    __table_args__ = (UniqueConstraint("question_id", "participant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("speaker_questions.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))
