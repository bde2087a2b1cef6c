"""Rules for keeping in touch after the evening. They flush, never commit.

A guest opts in with an address and an explicit yes; the mails go out from `sending` (a command that cron
runs), never from a request. The check-in asks about the guest's deed and their market matches; the last
answer counts.
"""
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from email_validator import EmailNotValidError, validate_email
from flask import current_app
from flask_babel import lazy_gettext as _l

from ..errors import Refused
from ..extensions import db
from ..limits import LIMITS
from ..market.queries import matches_of
from ..review import screen
from ..text import clean_text
from ..util import utcnow
from .models import CheckIn, DeedProgress, MailAddress, MailLink, MatchCheckIn

#: the summary goes the morning after the evening, the check-in in the morning of its day (venue time)
SUMMARY_AT = time(8, 0)
CHECKIN_AT = time(9, 0)


def valid_address(typed: str) -> str | None:
    """The address in its normal form, or None: email-validator's syntax rules (no line breaks, NUL or other
    control characters), no MIME encoded word ("=?utf-8?...?=") that a mail header would decode, and a domain
    with a dot. Whether the domain receives mail is not asked: the venue may be offline."""
    if "=?" in typed or any(ord(ch) < 32 or ord(ch) == 127 for ch in typed):
        return None
    try:
        checked = validate_email(typed, check_deliverability=False)
    except EmailNotValidError:
        return None
    return checked.normalized


def _venue_moment(day, at: time) -> datetime:
    """A moment in the venue's time zone, as the naive UTC the database keeps."""
    local = datetime.combine(day, at, tzinfo=ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"]))
    return local.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def summary_due(event) -> datetime:
    return _venue_moment(event.held_on + timedelta(days=1), SUMMARY_AT)


def checkin_due(event) -> datetime | None:
    return _venue_moment(event.checkin_day, CHECKIN_AT) if event.checkin_day else None


def address_of(participant) -> MailAddress | None:
    return db.session.scalar(db.select(MailAddress).filter_by(participant_id=participant.id))


def keep_in_touch(event, participant, email: str, consent: bool, language: str) -> MailAddress:
    """Store the address for this guest's two mails; giving it again replaces it."""
    email = (email or "").strip()
    if not consent:
        raise Refused(_l("Tick the box to say we may mail you. Without it we keep nothing."), status=422)
    email = valid_address(email) if len(email) <= 254 else None
    if email is None:
        raise Refused(_l("That does not look like an e-mail address. Check it and try again."), status=422)
    if checkin_due(event) and utcnow() >= checkin_due(event):
        raise Refused(_l("The check-in of this evening has already been sent."), status=409)
    address = address_of(participant)
    if address is None:
        address = MailAddress(event_id=event.id, participant_id=participant.id)
        db.session.add(address)
    address.email, address.language, address.consented_at = email, language, utcnow()
    address.failures, address.retry_at = 0, None
    db.session.flush()
    return address


def forget_address(participant) -> bool:
    """Delete the guest's address at once: no mail goes out any more, and no link in a mail sent to it works.
    False when there was no address."""
    deleted = db.session.execute(db.delete(MailAddress).where(MailAddress.participant_id == participant.id))
    db.session.execute(db.delete(MailLink).where(MailLink.participant_id == participant.id))
    db.session.flush()
    return bool(deleted.rowcount)


def checkin_of(participant) -> CheckIn | None:
    return db.session.scalar(db.select(CheckIn).filter_by(participant_id=participant.id))


def answer_checkin(participant, progress: str | None, line: str | None) -> CheckIn:
    """Store what became of the deed; answering again keeps the last answer (an empty field keeps the old one)."""
    if progress:
        try:
            progress = DeedProgress(progress)
        except ValueError:
            raise Refused(_l("Choose one of the answers."), status=422) from None
    checkin = checkin_of(participant)
    if checkin is None:
        checkin = CheckIn(event_id=participant.event_id, participant_id=participant.id)
        db.session.add(checkin)
    if progress:
        checkin.progress = progress
    if line is not None:
        checkin.line = clean_text(line, LIMITS.checkin_line)
        screen(checkin, checkin.line, participant.event)
    checkin.answered_at = utcnow()
    db.session.flush()
    return checkin


def answer_match(participant, connection_id, carried_out: bool) -> MatchCheckIn:
    """Did we do what we agreed? Only for one's own matches; answering again keeps the last answer."""
    connection = next((c for c in matches_of(participant) if str(c.id) == str(connection_id)), None)
    if connection is None:
        raise Refused(_l("That match is not yours, or it was ended."), status=422)
    answer = db.session.scalar(db.select(MatchCheckIn).filter_by(connection_id=connection.id,
                                                                  participant_id=participant.id))
    if answer is None:
        answer = MatchCheckIn(event_id=participant.event_id, connection_id=connection.id,
                              participant_id=participant.id, carried_out=carried_out)
        db.session.add(answer)
    answer.carried_out, answer.answered_at = carried_out, utcnow()
    db.session.flush()
    return answer


def match_answers(participant) -> dict[int, bool]:
    return {a.connection_id: a.carried_out for a in db.session.scalars(
        db.select(MatchCheckIn).filter_by(participant_id=participant.id))}


def set_checkin_weeks(event, weeks) -> None:
    """How many weeks after the evening the check-in goes (0: none); never past a purge date already chosen."""
    try:
        weeks = int(weeks)
    except (TypeError, ValueError):
        raise Refused(_l("Give a number of weeks from 0 to 26."), status=422) from None
    if not 0 <= weeks <= 26:
        raise Refused(_l("Give a number of weeks from 0 to 26."), status=422)
    event.checkin_weeks = weeks
    if event.purge_on and event.checkin_day and event.purge_on <= event.checkin_day:
        raise Refused(_l("The data of this event is deleted on %(day)s, before that check-in. Choose fewer weeks, "
                         "or a later day to delete the data.", day=event.purge_on.isoformat()), status=422)
    db.session.flush()
