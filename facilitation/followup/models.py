import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..review import Moderated, Translated
from ..util import utcnow


class MailAddress(db.Model):
    """A guest's e-mail address, given by explicit opt-in for the summary and the check-in.

    Kept apart from everything else: no page of the organiser, no report and no download reads this
    table. The row goes when the guest asks, right after the last check-in is sent, and with the event.
    """

    __tablename__ = "mail_addresses"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), unique=True)
    email: Mapped[str] = mapped_column(String(254))
    #: the language the guest read the page in: their mails are written in it
    language: Mapped[str] = mapped_column(String(5), default="nl")
    consented_at: Mapped[datetime] = mapped_column(default=utcnow)
    summary_sent_at: Mapped[datetime | None]
    #: failed tries in a row (SMTP server closed, address refused); the next try waits longer
    failures: Mapped[int] = mapped_column(default=0)
    #: not before this moment: after a failure, or while one run of the sender is busy with it
    retry_at: Mapped[datetime | None]

    event = relationship("Event")
    participant = relationship("Participant")

    def __repr__(self):
        return f"<MailAddress of participant {self.participant_id}>"


class DeedProgress(enum.Enum):
    """The one-tap answer to "did you do it?"."""

    done = "done"
    started = "started"
    not_yet = "not_yet"
    dropped = "dropped"


class CheckIn(Moderated, Translated, db.Model):
    """A guest's answer to the check-in: what became of their deed, and an optional line.

    Its review is the line's: a line with personal data waits and stays out of the report; the answer counts."""

    __tablename__ = "checkins"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), unique=True)
    progress: Mapped[DeedProgress | None] = mapped_column(Enum(DeedProgress, native_enum=False, length=16))
    line: Mapped[str] = mapped_column(String(280), default="")
    answered_at: Mapped[datetime] = mapped_column(default=utcnow)

    translates = "line"

    def __repr__(self):
        return f"<CheckIn {self.progress}>"


class MatchCheckIn(db.Model):
    """One guest's answer about one of their market matches: did you do what you agreed?"""

    __tablename__ = "match_checkins"
    __table_args__ = (UniqueConstraint("connection_id", "participant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    connection_id: Mapped[int] = mapped_column(ForeignKey("market_connections.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))
    carried_out: Mapped[bool]
    answered_at: Mapped[datetime] = mapped_column(default=utcnow)


class CheckInSent(db.Model):
    """That a guest's check-in mail went out (the address itself is deleted right after)."""

    __tablename__ = "checkins_sent"

    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)


class LinkPurpose(enum.Enum):
    """What a link in a mail may do: each purpose has its own token, so one link never opens another's page."""

    checkin = "checkin"
    stop = "stop"


class MailLink(db.Model):
    """One link in one mail: a random token (only its digest is kept) for one purpose, until it expires.

    Opaque: the token says nothing about the guest. It dies when it expires, when the guest deletes their
    address (every link of theirs goes with it) and with the event. The address the system deletes after
    the last mail leaves the links of that mail working until they expire: the check-in mail is that mail."""

    __tablename__ = "mail_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[LinkPurpose] = mapped_column(Enum(LinkPurpose, native_enum=False, length=16))
    #: SHA-256 of the token, hex: a copy of the database opens no guest's page
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    #: the language of the mail, so the page a link opens speaks it too
    language: Mapped[str] = mapped_column(String(5), default="nl")
    expires_at: Mapped[datetime]

    participant = relationship("Participant")

    def __repr__(self):
        return f"<MailLink {self.purpose.value} of participant {self.participant_id}>"
