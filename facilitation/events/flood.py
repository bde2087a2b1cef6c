"""Flood limits, counted per participant (100 phones share one venue address) or per address for guesses.

The counting is the `limits` library's moving window, in memory for one process or in Redis when
several processes serve the event (RATELIMIT_STORAGE_URI).
"""
import time
from datetime import timezone

from flask import current_app, request
from flask_babel import lazy_gettext as _l
from limits import parse_many, storage, strategies

from ..errors import Refused
from .models import Participant
from ..extensions import db

#: what a person can do at most; faster than this is a script or a stuck button
LIMITS = {
    "post": "6 per 10 seconds; 60 per 10 minutes",   # dreams and contributions, per participant
    "mark": "30 per 10 seconds",                      # hearts and votes, per participant
    "login": "10 per 5 minutes",                      # wrong passwords, per address and e-mail address
    "login-account": "30 per hour",                   # wrong passwords, per e-mail address
    "login-try": "1 per 15 seconds",                  # tries of an account past either limit
    "code-miss": "20 per 5 minutes",                  # unknown join codes, per address
    # new participants per address: 500 guests scanning the QR code in the same minute still get in
    "join": "600 per minute; 3000 per 10 minutes",
}

#: a participant younger than this that is slowed down pauses its address's newer participants
NEWCOMER_SECONDS = 60
#: ... for this long: a script that joins again after every 429 posts no faster than one guest
REJOIN_PAUSE = "1 per 10 seconds"


def init_app(app) -> None:
    app.config.setdefault("RATELIMIT_STORAGE_URI", "memory://")
    app.extensions["flood"] = strategies.MovingWindowRateLimiter(
        storage.storage_from_string(app.config["RATELIMIT_STORAGE_URI"]))


def _limiter():
    return current_app.extensions["flood"]


def _items(kind):
    return parse_many(current_app.config.get("FLOOD_LIMITS", {}).get(kind, LIMITS[kind]))


def hit(kind: str, who: str) -> bool:
    """Count one action; returns whether it was within the limit."""
    if not current_app.config.get("FLOOD_CONTROL", True):
        return True
    return all(_limiter().hit(item, kind, who) for item in _items(kind))


def check(kind: str, who: str) -> None:
    """Count one action; raises Refused (429) with a friendly message when it is too many.

    Posts are counted per participant. So that joining again does not reset the count, a newcomer
    (joined in the last minute) that is slowed down pauses posting for everyone on its address who
    joined after that moment, for ten seconds; the guests who were already there post on.
    """
    newcomer = _newcomer(who) if kind == "post" else None
    if newcomer is not None and _paused_for(newcomer):
        raise Refused(_l("You are going a bit fast. Wait a moment and try again; your text is kept."), status=429)
    if not hit(kind, who):
        if newcomer is not None:
            _limiter().hit(parse_many(REJOIN_PAUSE)[0], "rejoin-pause", address())
        raise Refused(_l("You are going a bit fast. Wait a moment and try again; your text is kept."), status=429)


def _newcomer(who: str) -> float | None:
    """The moment (epoch seconds) a participant joined, if that was less than a minute ago."""
    if not current_app.config.get("FLOOD_CONTROL", True) or not who.startswith("participant:"):
        return None
    joined_at = db.session.scalar(db.select(Participant.joined_at).filter_by(id=int(who.split(":", 1)[1])))
    if joined_at is None:
        return None
    joined = joined_at.replace(tzinfo=timezone.utc).timestamp()
    return joined if time.time() - joined < NEWCOMER_SECONDS else None


def _paused_for(joined: float) -> bool:
    item = parse_many(REJOIN_PAUSE)[0]
    stats = _limiter().get_window_stats(item, "rejoin-pause", address())
    if stats.remaining > 0:
        return False
    paused_since = stats.reset_time - item.get_expiry()
    return joined >= paused_since


def allowed(kind: str, who: str) -> bool:
    """Whether the next action would still be within the limit, without counting it."""
    if not current_app.config.get("FLOOD_CONTROL", True):
        return True
    return all(_limiter().test(item, kind, who) for item in _items(kind))


def address() -> str:
    return request.remote_addr or "unknown"
