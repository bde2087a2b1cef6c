"""Rules for setting up events and joining them. They flush, never commit."""
import re
import secrets
from datetime import date, datetime

from flask import current_app
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session
from flask_babel import lazy_gettext as _l

from ..enums import ParticipantSource
from ..errors import Refused
from ..extensions import db
from ..util import form_int, utcnow
from ..review import screen
from ..limits import LIMITS, MAX_EVENT_WORDS
from ..text import clean_text
from .models import DEFAULT_ROLE_TAGS, Event, Participant, Series
from .queries import JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH
from . import bursts, roles



def new_join_code() -> str:
    while True:
        code = "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))
        if not db.session.scalar(db.select(Event.id).filter_by(join_code=code)):
            return code


def create_event(
    title: str,
    *,
    language: str = "nl",
    starts_on: date | None = None,
    venue: str = "",
    role_tags: list[str] | None = None,
    organiser=None,
    expected_guests: int | None = None,
) -> Event:
    """A new event, without tables or programme (organiser.setup adds those). Refused for an empty title
    or an unknown language."""
    title = clean_text(title, LIMITS.event_title)
    if not title:
        raise Refused(_l("Give the event a title."))
    if language not in current_app.config["LANGUAGES"]:
        raise Refused(_l("Choose Dutch or English."))
    tags = [roles.role_tag(clean_text(tag, LIMITS.role)) for tag in (role_tags if role_tags is not None else DEFAULT_ROLE_TAGS)]
    tags = list(dict.fromkeys(tag for tag in tags if tag))
    event = Event(
        title=title,
        language=language,
        starts_on=starts_on,
        venue=clean_text(venue, LIMITS.venue),
        role_tags=tags,
        join_code=new_join_code(),
        facilitator_nonce=secrets.token_hex(16),
        projector_nonce=secrets.token_hex(16),
        organiser=organiser,
        expected_guests=expected_guests or None,
    )
    db.session.add(event)
    db.session.flush()
    return event


#: what the next evening takes over from this one, besides the title's details (never a guest's data)
COPIED_SETTINGS = ("moderation", "held_words", "allowed_words", "market_rubrics", "timer_sound", "projector_contrast",
                   "checkin_weeks", "expected_guests")


def copy_settings(source: Event, target: Event) -> None:
    for name in COPIED_SETTINGS:
        value = getattr(source, name)
        setattr(target, name, list(value) if isinstance(value, list) else value)
    db.session.flush()


def name_series(organiser, name: str) -> Series:
    name = clean_text(name, LIMITS.series_name)
    if not name:
        raise Refused(_l("Give the series a name."), status=422)
    series = Series(organiser_id=organiser.id, name=name)
    db.session.add(series)
    db.session.flush()
    return series


def put_in_series(event: Event, series_id: str | None, new_name: str = "") -> Series | None:
    """Put the event in one of its organiser's series, in a new one (a name), or in none ("")."""
    if new_name.strip():
        series = name_series(event.organiser, new_name)
    elif series_id:
        number = form_int(series_id)  # "²" or a number beyond the database is no series, not an error
        series = db.session.get(Series, number) if number is not None else None
        if series is None or series.organiser_id != event.organiser_id:
            raise Refused(_l("That series no longer exists. Reload the page."), status=409)
    else:
        series = None
    left = event.series
    event.series = series
    db.session.flush()
    if left is not None and left is not series and not left.events:
        db.session.delete(left)  # a series nobody is in any more is not kept in the list
        db.session.flush()
    return series


def rotate_link(event: Event, audience: str) -> None:
    """Give the facilitator or projector link a new secret; the old link stops working."""
    if audience == "facilitator":
        event.facilitator_nonce = secrets.token_hex(16)
    elif audience == "projector":
        event.projector_nonce = secrets.token_hex(16)
    else:
        raise ValueError(audience)
    db.session.flush()


def join_event(event: Event, name: str = "", role_tag: str | None = None, *, address: str | None = None,
               now: datetime | None = None, language: str | None = None) -> tuple[Participant, str]:
    """Make a participant; returns it with the secret key for the phone's cookie. A phone's join names the
    address it came from, so a burst of joins from one address is noticed (events.bursts)."""
    name = clean_text(name, LIMITS.name)
    role_tag = (role_tag or "").strip() or None
    if role_tag is not None and role_tag not in event.role_tags:
        raise Refused(_l("Choose one of the roles in the list, or none."))
    key = secrets.token_urlsafe(16)
    now = now or utcnow()
    participant = Participant(event=event, key_hash=Participant.hash_key(key), role_tag=role_tag, joined_at=now,
                              language=language)
    name_participant(participant, name, event)
    db.session.add(participant)
    db.session.flush()
    if address is not None:
        bursts.note_join(participant, bursts.address_key(address), now)
    return participant, key


def name_participant(participant: Participant, name: str, event: Event) -> None:
    """A name shows at once, or waits in held_name for the facilitator (personal data, abuse, pre-moderation)."""
    screen(participant, name, event)
    participant.name, participant.held_name = ("", name) if participant.held else (name, "")


def note_reader(event: Event, participant: Participant, language: str) -> bool:
    """The language a guest's phone reads, as it connects: the report counts it, and from now on every push to
    the phones is also rendered in it. Returns whether anything changed (the caller commits).

    The event's list grows in one UPDATE that only adds what is missing, so two phones arriving in two new
    languages at the same moment both count."""
    if language not in current_app.config["GUEST_LANGUAGES"]:
        return False
    changed = participant.language != language
    participant.language = language
    if language not in event.reader_languages:
        db.session.execute(
            db.update(Event).where(Event.id == event.id, ~Event.phone_languages.contains(language))
            .values(phone_languages=db.func.trim(Event.phone_languages + " " + language)))
        db.session.refresh(event, ["phone_languages"])
        changed = True
    return changed


def let_unchecked_languages_pass(event: Event, passing: bool) -> None:
    event.unchecked_languages_pass = passing
    db.session.flush()


def join_for_neighbour(helper: Participant, name: str = "", role_tag: str | None = None) -> Participant:
    """A guest without a smartphone, joining through someone else's phone: a participant of their own."""
    neighbour, _ = join_event(helper.event, name, role_tag)
    neighbour.source = ParticipantSource.neighbour
    neighbour.helper_id = helper.id
    db.session.flush()
    return neighbour


def paper_participant(event: Event) -> Participant:
    """The one participant behind all paper cards the facilitator types in (not counted as a guest)."""
    paper = db.session.scalar(db.select(Participant).filter_by(event_id=event.id, source=ParticipantSource.paper))
    if paper is None:
        paper, _ = join_event(event)
        paper.source = ParticipantSource.paper
        db.session.flush()
    return paper


def delete_event(event: Event) -> None:
    """Delete the event and every row that belongs to it.

    The database does the work: every table refers to its event (or to something of the event)
    with ON DELETE CASCADE, so nothing is forgotten when a feature adds a table.
    """
    event_id = event.id
    db.session.flush()
    db.session.expunge_all()
    db.session.execute(db.delete(Event).where(Event.id == event_id))
    # after the commit, the write-ahead log is folded into the database and emptied, so the deleted
    # texts, names and e-mail addresses are not left behind in facilitation.sqlite-wal
    db.session.info["checkpoint_after_commit"] = True


@sa_event.listens_for(Session, "after_commit")
def _checkpoint_after_delete(session) -> None:
    if not session.info.pop("checkpoint_after_commit", False):
        return
    engine = session.get_bind()
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def events_due_for_purge(today: date) -> list[Event]:
    """Events whose purge date has come."""
    return [event for event in db.session.scalars(db.select(Event).order_by(Event.id)) if event.purge_date <= today]


def set_purge_date(event: Event, day: date | None, today: date) -> None:
    """None goes back to the default; a day in the past is refused (use delete now for that)."""
    if day is not None and day < today:
        raise Refused(_l("Choose a day from today on. To delete everything now, use the button below."))
    if day is not None and event.checkin_day and day <= event.checkin_day:
        raise Refused(_l("The check-in mail goes on %(day)s. Choose a later day, or turn the check-in off.",
                         day=event.checkin_day.isoformat()))
    event.purge_on = day




def _word_list(raw: str | None) -> list[str]:
    words = [clean_text(word, 40).lower() for word in re.split(r"[,\n]", raw or "")]
    words = list(dict.fromkeys(word for word in words if word))
    if len(words) > MAX_EVENT_WORDS:
        raise Refused(_l("At most %(n)s words, please.", n=MAX_EVENT_WORDS))
    return words


def update_details(event: Event, title: str, starts_on: date | None, venue: str, expected_guests: int | None) -> None:
    """The title, day, venue and expected guests, changed after the event was made (the same rules as making it)."""
    title = clean_text(title, LIMITS.event_title)
    if not title:
        raise Refused(_l("Give the event a title."))
    event.title, event.starts_on = title, starts_on
    event.venue = clean_text(venue or "", LIMITS.venue)
    event.expected_guests = expected_guests or None
    db.session.flush()


def set_event_words(event: Event, held: str | None, allowed: str | None) -> None:
    """The words that also hold a post at this event, and the words of our lists that do not."""
    event.held_words = _word_list(held)
    event.allowed_words = _word_list(allowed)
    db.session.flush()
