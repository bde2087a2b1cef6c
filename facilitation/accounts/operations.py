import secrets

from flask_babel import lazy_gettext as _l
from werkzeug.security import check_password_hash, generate_password_hash

from ..errors import Refused
from ..extensions import db
from .models import PASSWORD_METHOD, Organiser

MIN_PASSWORD_LENGTH = 10


def create_organiser(email: str, password: str, name: str = "") -> Organiser:
    """Raises Refused for an invalid e-mail, a short password or a taken address."""
    email = (email or "").strip().lower()
    if "@" not in email or len(email) > 254:
        raise Refused(_l("Enter a valid e-mail address."))
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise Refused(_l("Choose a password of at least %(n)s characters.", n=MIN_PASSWORD_LENGTH))
    if find_organiser(email):
        raise Refused(_l("An organiser with this e-mail address already exists."), status=409)
    organiser = Organiser(email=email, name=(name or "").strip()[:100])
    organiser.set_password(password)
    db.session.add(organiser)
    db.session.flush()
    return organiser


def organiser_by_id(organiser_id: int) -> Organiser | None:
    return db.session.get(Organiser, organiser_id)


def find_organiser(email: str) -> Organiser | None:
    return db.session.scalar(db.select(Organiser).filter_by(email=(email or "").strip().lower()))


_dummy_hashes: dict[str, str] = {}


def _dummy_password_hash() -> str:
    """A hash of nothing anyone knows, at the same cost as a real one (made once per process and cost)."""
    if PASSWORD_METHOD not in _dummy_hashes:
        _dummy_hashes[PASSWORD_METHOD] = generate_password_hash(secrets.token_urlsafe(16), method=PASSWORD_METHOD)
    return _dummy_hashes[PASSWORD_METHOD]


def authenticate(email: str, password: str) -> Organiser | None:
    """The organiser for this e-mail address and password, or None.

    A password is always checked against a hash, also for an unknown address, so the answer
    takes as long either way and does not tell which addresses have an account. A hash made
    at an older, lower cost is made again now that we know the password.
    """
    organiser = find_organiser(email)
    if organiser is None:
        check_password_hash(_dummy_password_hash(), password or "")
        return None
    if not organiser.check_password(password or ""):
        return None
    if organiser.password_hash_outdated:
        organiser.set_password(password)
        db.session.flush()
    return organiser


def change_password(organiser: Organiser, password: str) -> None:
    """A new password; every session signed in with the old one ends."""
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise Refused(_l("Choose a password of at least %(n)s characters.", n=MIN_PASSWORD_LENGTH))
    organiser.set_password(password)
    organiser.end_sessions()
    db.session.flush()
