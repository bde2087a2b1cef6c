from flask_babel import lazy_gettext as _l

from ..errors import Refused
from ..extensions import db
from .models import Organiser

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


def find_organiser(email: str) -> Organiser | None:
    return db.session.scalar(db.select(Organiser).filter_by(email=(email or "").strip().lower()))


def authenticate(email: str, password: str) -> Organiser | None:
    organiser = find_organiser(email)
    if organiser and organiser.check_password(password or ""):
        return organiser
    return None
