"""The links in a guest's mails: a random token per link and purpose, kept as a digest, that expires.

A link opens only its own page (a check-in link is not a stop link), says nothing about who it is for, and
is dead once it expires, the guest deletes their address, or the event is deleted."""
import hashlib
import secrets
from datetime import datetime, timedelta

from ..extensions import db
from ..util import public_url, utcnow
from .models import LinkPurpose, MailLink
from .operations import checkin_due

#: how long a link works after the last mail that can carry it (the check-in mail for a check-in link)
LIFETIME = timedelta(days=60)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_link(participant, purpose: LinkPurpose, language: str, expires_at: datetime) -> str:
    """A fresh token for this guest and purpose; the caller commits it with the mail it goes in."""
    token = secrets.token_urlsafe(24)
    db.session.add(MailLink(event_id=participant.event_id, participant_id=participant.id, purpose=purpose,
                            digest=_digest(token), language=language, expires_at=expires_at))
    return token


def link_for(token: str, purpose: LinkPurpose) -> MailLink | None:
    """The link behind a token, if it was made for this purpose and still works."""
    if not token or len(token) > 64:
        return None
    link = db.session.scalar(db.select(MailLink).filter_by(digest=_digest(token), purpose=purpose))
    if link is None or link.expires_at <= utcnow():
        return None
    return link


def mail_links(participant, language: str, kind: str) -> dict:
    """The links of one "summary" or "checkin" mail; they work until LIFETIME after the check-in mail is due
    (or after this mail, for an evening without a check-in)."""
    now = utcnow()
    expires_at = max(now, checkin_due(participant.event) or now) + LIFETIME
    links = {"stop": public_url("followup.stop", token=new_link(participant, LinkPurpose.stop, language, expires_at)),
             "harvest": public_url("harvest.page", code=participant.event.join_code)}
    if kind == "checkin":
        checkin = new_link(participant, LinkPurpose.checkin, language, expires_at)
        links["checkin"] = public_url("followup.checkin", token=checkin)
        links["answers"] = {answer: public_url("followup.checkin", token=checkin, answer=answer)
                            for answer in ("done", "started", "not_yet", "dropped")}
    return links
