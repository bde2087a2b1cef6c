"""Flood limits, counted per participant (100 phones share one venue address) or per address for guesses.

The counting is the `limits` library's moving window, in memory for one process or in Redis when
several processes serve the event (RATELIMIT_STORAGE_URI).
"""
from flask import current_app, request
from flask_babel import lazy_gettext as _l
from limits import parse_many, storage, strategies

from .errors import Refused

#: what a person can do at most; faster than this is a script or a stuck button
LIMITS = {
    "post": "6 per 10 seconds; 60 per 10 minutes",   # dreams and contributions, per participant
    "mark": "30 per 10 seconds",                      # hearts and votes, per participant
    "login": "10 per 5 minutes",                      # per address and e-mail address
    "code-miss": "20 per 5 minutes",                  # unknown join codes, per address
}


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
    """Count one action; raises Refused (429) with a friendly message when it is too many."""
    if not hit(kind, who):
        raise Refused(_l("You are going a bit fast. Wait a moment and try again; your text is kept."), status=429)


def allowed(kind: str, who: str) -> bool:
    """Whether the next action would still be within the limit, without counting it."""
    if not current_app.config.get("FLOOD_CONTROL", True):
        return True
    return all(_limiter().test(item, kind, who) for item in _items(kind))


def address() -> str:
    return request.remote_addr or "unknown"
