import base64
import enum
import hashlib
import hmac
from datetime import date, datetime, timedelta

from flask import current_app
from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy import false as sa_false
from sqlalchemy import true as sa_true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..enums import EnumText, ModerationMode, ParticipantSource, ProjectorView
from ..extensions import db
from ..review import Moderated
from ..util import utcnow

#: Offered to participants unless the organiser chooses others.
#: the guests of a welfare evening (seed 001); stored lower-case, shown through events.roles.role_label
DEFAULT_ROLE_TAGS = ["inwoner", "vrijwilliger", "medewerker", "partner", "bestuurder", "bedrijfsleven", "onderwijs",
                     "zorg", "anders"]


class Event(db.Model):
    """One inspiration meeting. Secret links are derived, not stored (see `link_token`)."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: shown on the projector and every phone
    title: Mapped[str] = mapped_column(String(120))
    #: the day of the meeting, if known
    starts_on: Mapped[date | None]
    #: where the meeting is held, free text
    venue: Mapped[str] = mapped_column(String(120), default="")
    #: the event's language ("nl" or "en"): the console, the big screen and the report speak it; a guest's
    #: phone starts in the browser's language and the guest may switch (i18n)
    language: Mapped[str] = mapped_column(String(5), default="nl")
    #: the other languages this event's phones read, space-separated ("ar tr"): each push to every phone is
    #: rendered once per language here (events.operations.note_reader adds one as its first phone connects)
    phone_languages: Mapped[str] = mapped_column(String(64), default="", server_default="")
    #: whether a post in a language the screening cannot read shows at once (True) or waits for the facilitator
    unchecked_languages_pass: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    #: role tags participants may pick when joining, in display order
    role_tags: Mapped[list] = mapped_column(JSON, default=lambda: list(DEFAULT_ROLE_TAGS))
    #: 8 characters of Crockford base32 (40 bits), typed or scanned to join
    join_code: Mapped[str] = mapped_column(String(8), unique=True)
    #: changing a nonce rotates that secret link and locks out the old one
    facilitator_nonce: Mapped[str] = mapped_column(String(32))
    projector_nonce: Mapped[str] = mapped_column(String(32))
    #: open (posts show at once) or pre-moderated (posts wait for the facilitator)
    moderation: Mapped[ModerationMode] = mapped_column(EnumText(ModerationMode, 16), default=ModerationMode.open,
                                                       server_default="open")
    #: the organiser's own words for this event: these hold a post too, and these of our lists do not
    held_words: Mapped[list] = mapped_column(JSON, default=list, server_default="[]")
    allowed_words: Mapped[list] = mapped_column(JSON, default=list, server_default="[]")
    #: whether participants may post dreams now
    dreams_open: Mapped[bool] = mapped_column(default=True)
    #: whether guests may post offers and needs and connect now (the market part opens it)
    market_open: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    #: the market's rubrics in display order; None: the default list (market.rubrics)
    market_rubrics: Mapped[list | None] = mapped_column(JSON)
    #: whether people at the tables may post contributions now
    contributions_open: Mapped[bool] = mapped_column(default=True, server_default=sa_true())
    #: a soft chime on the projector when the timer reaches zero (off unless the facilitator turns it on)
    timer_sound: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    #: the dream shown big on the projector, if any
    spotlight_dream_id: Mapped[int | None] = mapped_column(
        ForeignKey("dreams.id", use_alter=True, ondelete="SET NULL", name="fk_events_spotlight_dream")
    )
    #: the part of the programme the room is in now
    current_phase_id: Mapped[int | None] = mapped_column(
        ForeignKey("phases.id", use_alter=True, ondelete="SET NULL", name="fk_events_current_phase"))
    #: the countdown: when it ends (UTC), or, while paused, the seconds that were left
    timer_ends_at: Mapped[datetime | None]
    timer_paused_left: Mapped[int | None]
    #: one more with every change of the countdown: a phone keeps the newest countdown it heard of, also when
    #: a page it fetched before the change arrives after it (a clock cannot tell: that page may be rendered later)
    timer_version: Mapped[int] = mapped_column(default=0, server_default="0")
    #: the speaker the projector shows in the pitches part
    current_speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("speakers.id", use_alter=True, ondelete="SET NULL", name="fk_events_current_speaker"))
    #: the World Café round the tables are in (1, 2, ...)
    current_round: Mapped[int] = mapped_column(default=1, server_default="1")
    #: what the big screen shows (a ProjectorView)
    projector_view: Mapped[ProjectorView] = mapped_column(EnumText(ProjectorView, 16), default=ProjectorView.wall,
                                                          server_default="wall")
    #: the projector in its high-contrast theme (black and white, no soft colours)
    projector_contrast: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    #: the table the harvest shows, when projector_view is "harvest"
    harvest_table_id: Mapped[int | None] = mapped_column(
        ForeignKey("tables.id", use_alter=True, ondelete="SET NULL", name="fk_events_harvest_table")
    )
    #: the organiser who owns the event (None for events made on the command line)
    organiser_id: Mapped[int | None] = mapped_column(ForeignKey("organisers.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: the day everything of this event is deleted; None means the default (see purge_date)
    purge_on: Mapped[date | None]
    #: weeks after the evening that guests who left an e-mail address are asked "did you do it?"; 0: no check-in
    checkin_weeks: Mapped[int] = mapped_column(default=4, server_default="4")
    #: how many guests the organiser expects; None: not said (events.bursts assumes DEFAULT_EXPECTED)
    expected_guests: Mapped[int | None]
    #: the quick poll the room is asked now (open) or shown (closed); None: no poll in view
    current_poll_id: Mapped[int | None] = mapped_column(
        ForeignKey("polls.id", use_alter=True, ondelete="SET NULL", name="fk_events_current_poll"))
    #: whether guests place themselves on their table's dilemma now: "before" or "after" the round, or None
    stance_moment: Mapped[str | None] = mapped_column(String(8))
    #: a dilemma for the whole room (optional), with its two sides: every guest places themselves on it too
    plenary_dilemma: Mapped[str] = mapped_column(String(500), default="", server_default="")
    plenary_left: Mapped[str] = mapped_column(String(80), default="", server_default="")
    plenary_right: Mapped[str] = mapped_column(String(80), default="", server_default="")
    #: whether guests may ask the speakers questions now
    questions_open: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    #: the guests' question the big screen shows, if any
    spotlight_question_id: Mapped[int | None] = mapped_column(
        ForeignKey("speaker_questions.id", use_alter=True, ondelete="SET NULL", name="fk_events_spotlight_question"))
    #: the series of evenings this one belongs to (an organiser's yearly evening, a trajectory)
    series_id: Mapped[int | None] = mapped_column(ForeignKey("series.id", ondelete="SET NULL", name="fk_events_series"), index=True)

    organiser = relationship("Organiser", back_populates="events")
    series = relationship("Series", back_populates="events")
    participants = relationship(
        "Participant", back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )
    spotlight_dream = relationship("Dream", foreign_keys=[spotlight_dream_id], post_update=True)
    current_phase = relationship("Phase", foreign_keys=[current_phase_id], post_update=True)
    current_speaker = relationship("Speaker", foreign_keys=[current_speaker_id], post_update=True)
    current_poll = relationship("Poll", foreign_keys=[current_poll_id], post_update=True)
    spotlight_question = relationship("SpeakerQuestion", foreign_keys=[spotlight_question_id], post_update=True)

    def link_token(self, audience: str) -> str:
        """The secret in the facilitator or projector link: HMAC of the server key and a nonce.

        The database never holds the token itself, so a copied database opens no console.
        """
        # the translator's link changes whenever the facilitator's does
        nonce = {"facilitator": self.facilitator_nonce, "projector": self.projector_nonce,
                 "translator": self.facilitator_nonce}[audience]
        message = f"{audience}:{self.id}:{nonce}".encode()
        digest = hmac.new(current_app.config["SECRET_KEY"].encode(), message, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest[:16]).decode().rstrip("=")

    def token_matches(self, audience: str, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(self.link_token(audience), token)

    @property
    def held_on(self) -> date:
        """The day of the evening: the day set, or the day the event was made."""
        return self.starts_on or (self.created_at or utcnow()).date()

    @property
    def checkin_day(self) -> date | None:
        """The day of the check-in mail, if there is one."""
        return self.held_on + timedelta(weeks=self.checkin_weeks) if self.checkin_weeks else None

    @property
    def purge_date(self) -> date:
        """When this event's data goes: the organiser's date, or some weeks after the event, and never
        before the guests had CHECKIN_ANSWER_DAYS to answer the check-in."""
        if self.purge_on:
            return self.purge_on
        days = current_app.config["PURGE_AFTER_DAYS"]
        if self.checkin_day:
            answered_by = self.checkin_day + timedelta(days=current_app.config["CHECKIN_ANSWER_DAYS"])
            return max(self.held_on + timedelta(days=days), answered_by)
        return self.held_on + timedelta(days=days)

    @property
    def reader_languages(self) -> tuple[str, ...]:
        """The languages its phones read: the event's own first."""
        return (self.language, *(lang for lang in self.phone_languages.split() if lang != self.language))

    @property
    def join_code_display(self) -> str:
        return f"{self.join_code[:4]} {self.join_code[4:]}"

    def __repr__(self):
        return f"<Event {self.id} {self.join_code} {self.title!r}>"


class Series(db.Model):
    """Evenings that belong together (a yearly evening, the meetings of one trajectory), compared on one page."""

    __tablename__ = "series"

    id: Mapped[int] = mapped_column(primary_key=True)
    organiser_id: Mapped[int] = mapped_column(ForeignKey("organisers.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    events = relationship("Event", back_populates="series", order_by="Event.starts_on, Event.id")

    def __repr__(self):
        return f"<Series {self.id} {self.name!r}>"


class BurstDecision(enum.Enum):
    pending = "pending"
    accepted = "accepted"
    ignored = "ignored"


class JoinBurst(db.Model):
    """Far more new guests from one address in a minute than the evening expects: a script that drops its
    cookie and joins again, or (rarely) a hall full of phones behind one Wi-Fi. Its guests take part, but
    their votes count only once the facilitator accepts the burst. It holds no address (events.bursts)."""

    __tablename__ = "join_bursts"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: the last join that fell in it: a burst stays open while joins keep coming faster than expected
    last_join_at: Mapped[datetime] = mapped_column(default=utcnow)
    decision: Mapped[BurstDecision] = mapped_column(EnumText(BurstDecision, 16), default=BurstDecision.pending)

    def __repr__(self):
        return f"<JoinBurst {self.id} of event {self.event_id}: {self.decision.value}>"


class Participant(Moderated, db.Model):
    """A phone that joined an event. Anonymous unless the guest gives a first name.

    Its review is the name's: a name that waits for the facilitator sits in held_name, and `name` stays
    empty until it is approved, so no view can show it by mistake."""

    __tablename__ = "participants"
    tells_language = False

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    #: sha256 of the random key in the participant's cookie; the key itself is never stored
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: optional first name
    name: Mapped[str] = mapped_column(String(40), default="")
    #: a name that waits for the facilitator
    held_name: Mapped[str] = mapped_column(String(40), default="", server_default="")
    #: the language this guest's phone reads (for the report's counts); None before their phone first connected
    language: Mapped[str | None] = mapped_column(String(5))
    #: optional role tag, one of the event's role_tags
    role_tag: Mapped[str | None] = mapped_column(String(40))
    #: how this guest takes part: "phone" (own phone), "neighbour" (through someone else's phone)
    #: or "paper" (cards typed in by the facilitator)
    source: Mapped[ParticipantSource] = mapped_column(EnumText(ParticipantSource, 16),
                                                      default=ParticipantSource.phone, server_default="phone")
    #: for a neighbour: the participant whose phone writes for them
    helper_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL", name="fk_participants_helper"))
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: whether this guest's votes count and the guest is counted: False while they belong to a burst of joins
    #: from one address that the facilitator has not accepted (events.bursts)
    counted: Mapped[bool] = mapped_column(default=True, server_default=sa_true(), index=True)
    join_burst_id: Mapped[int | None] = mapped_column(
        ForeignKey("join_bursts.id", ondelete="SET NULL", name="fk_participants_join_burst"))

    event = relationship("Event", back_populates="participants")

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    def __repr__(self):
        return f"<Participant {self.id} of event {self.event_id}>"
