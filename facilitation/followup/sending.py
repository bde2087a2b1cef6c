"""Sending the mails that are due: run by `flask --app app followup send` from cron or a systemd timer.

Idempotent: a mail that went is marked at once, so a second run sends nothing twice; two runs at the same
time each claim an address before mailing it. A failure (SMTP server closed, address refused) is counted
and tried again later, longer after each failure; a summary that never went never holds up the check-in.
After the last mail the address is deleted.
"""
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..extensions import db
from ..dreams.queries import own_dreams
from ..market.queries import matches_of
from ..programme.models import Deed
from ..review import Review
from .mail import compose, deliver
from .models import CheckInSent, MailAddress
from .operations import checkin_due, summary_due

log = logging.getLogger(__name__)

#: a run that claimed an address and died leaves it alone this long
CLAIM = timedelta(minutes=10)
#: after the n-th failure in a row, wait RETRY_FIRST * 2**(n-1), at most RETRY_MOST
RETRY_FIRST = timedelta(minutes=5)
RETRY_MOST = timedelta(hours=6)


@dataclass
class Run:
    sent: list = field(default_factory=list)
    failed: list = field(default_factory=list)


def send_due(now: datetime) -> Run:
    """Send every mail whose moment has come; `now` is naive UTC (the command passes the clock)."""
    run = Run()
    ids = db.session.scalars(db.select(MailAddress.id).where(
        (MailAddress.retry_at.is_(None)) | (MailAddress.retry_at <= now)).order_by(MailAddress.id)).all()
    for address_id in ids:
        address = db.session.get(MailAddress, address_id)
        if address is None:
            continue
        kind = _due(address, now)
        if kind is None or not _claim(address_id, now):
            db.session.rollback()
            continue
        address = db.session.get(MailAddress, address_id)
        try:
            message = compose(kind, address, address.event, _context(address))
            where = deliver(message)
        except Exception as error:  # noqa: BLE001 - one bad address (or server hiccup) never stops the others
            db.session.rollback()
            _failed(address_id, now)
            run.failed.append((address_id, kind, f"{type(error).__name__}: {str(error)[:200]}"))
            log.warning("follow-up mail %s to address %s failed (%s): %s", kind, address_id,
                        type(error).__name__, error)
            continue
        _sent(address, kind, now)
        run.sent.append((address_id, kind, where))
    return run


def _due(address: MailAddress, now: datetime) -> str | None:
    checkin = checkin_due(address.event)
    if checkin and now >= checkin:
        return "checkin"
    if address.summary_sent_at is None and now >= summary_due(address.event):
        return "summary"
    return None


def _claim(address_id: int, now: datetime) -> bool:
    """Mark the address as being mailed by this run; False when another run was first."""
    claimed = db.session.execute(db.update(MailAddress).where(
        MailAddress.id == address_id, (MailAddress.retry_at.is_(None)) | (MailAddress.retry_at <= now))
        .values(retry_at=now + CLAIM))
    db.session.commit()
    return claimed.rowcount == 1


def _failed(address_id: int, now: datetime) -> None:
    address = db.session.get(MailAddress, address_id)
    if address is None:
        return
    address.failures += 1
    address.retry_at = now + min(RETRY_MOST, RETRY_FIRST * 2 ** (address.failures - 1))
    db.session.commit()


def _sent(address: MailAddress, kind: str, now: datetime) -> None:
    """Mark what went; after the last mail of this guest the address is deleted."""
    if kind == "checkin":
        db.session.merge(CheckInSent(participant_id=address.participant_id, event_id=address.event_id, sent_at=now))
        db.session.delete(address)
    else:
        address.summary_sent_at, address.failures, address.retry_at = now, 0, None
        if not address.event.checkin_weeks:
            db.session.delete(address)
    db.session.commit()


def _context(address: MailAddress) -> dict:
    """What this guest's mail shows: their deed, their dreams and their matches (their own words only)."""
    participant = address.participant
    deed = db.session.scalar(db.select(Deed).filter_by(participant_id=participant.id))
    return {"deed": deed.text if deed and deed.review is not Review.hidden else "",
            "dreams": [dream.text for dream in own_dreams(participant)],
            "matches": [(c.agreement if c.visible else "") or (c.offer.text if c.offer else "")
                        for c in matches_of(participant)]}
