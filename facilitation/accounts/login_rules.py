"""How many wrong passwords, and from where, before logging in slows down.

Wrong passwords are counted per address and e-mail address, and per e-mail address from all
addresses. Past either limit, that account gets one try per quarter minute from browsers it does
not know: brute force stays hopeless. A browser where the organiser logged in before carries a
signed device cookie (OWASP's "device cookies") and has a count of its own, so the real organiser
at a venue, where others typed wrong passwords from the same shared address, still gets in with
the right password. Right passwords are never counted.
"""
import hashlib
import hmac
import secrets

from flask import current_app, request
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, URLSafeTimedSerializer

from ..events import flood

WAIT = _l("Too many wrong passwords for this e-mail address. Wait a quarter of a minute and try again.")
DEVICE_COOKIE = "organiser_device"
DEVICE_DAYS = 90


def _serializer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="organiser-device")


def _who(email: str) -> str:
    """The e-mail address as the device cookie keeps it: a keyed digest, so the cookie does not say whose it is."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"organiser-device:{email}".encode(), hashlib.sha256).hexdigest()[:32]


def _device(email: str) -> str | None:
    """The id of this browser's device cookie, if it is one for this e-mail address."""
    raw = request.cookies.get(DEVICE_COOKIE)
    if not raw:
        return None
    try:
        data = _serializer().loads(raw, max_age=DEVICE_DAYS * 86400)
    except BadSignature:
        return None
    if not isinstance(data, dict) or not hmac.compare_digest(str(data.get("who", "")), _who(email)):
        return None
    return str(data.get("id"))


def remember_device(response, email: str):
    """After a right password: this browser is known for this account from now on."""
    value = _serializer().dumps({"who": _who(email), "id": secrets.token_urlsafe(12)})
    response.set_cookie(DEVICE_COOKIE, value, max_age=DEVICE_DAYS * 86400, httponly=True, samesite="Lax",
                        secure=current_app.config["SESSION_COOKIE_SECURE"], path="/login")
    return response


def _keys(email: str) -> list[tuple[str, str]]:
    device = _device(email)
    if device:
        return [("login", f"device:{device}")]
    return [("login", f"{flood.address()}:{email}"), ("login-account", f"account:{email}")]


def may_try(email: str) -> bool:
    """Whether this attempt may check the password; counts one try of the account once it is limited."""
    if all(flood.allowed(kind, who) for kind, who in _keys(email)):
        return True
    if _device(email):
        return False
    return flood.hit("login-try", f"account:{email}")


def failed(email: str) -> bool:
    """Count a wrong password; False when this was one too many (the answer becomes 429)."""
    return all([flood.hit(kind, who) for kind, who in _keys(email)])
