from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from ..util import utcnow


#: scrypt at the cost OWASP recommends (N=2^17, r=8, p=1)
PASSWORD_METHOD = "scrypt:131072:8:1"


class Organiser(UserMixin, db.Model):
    __tablename__ = "organisers"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: login name; stored lower-case
    email: Mapped[str] = mapped_column(String(254), unique=True)
    #: how the organiser is greeted in the console
    name: Mapped[str] = mapped_column(String(100), default="")
    #: werkzeug scrypt hash, never the password
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: raised on logout and on a new password: every session signed in before then stops working
    session_epoch: Mapped[int] = mapped_column(default=0, server_default="0")

    events = relationship("Event", back_populates="organiser", order_by="Event.created_at.desc()")

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method=PASSWORD_METHOD)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def password_hash_outdated(self) -> bool:
        """A hash made at a lower cost than we use now; it is made again at the next login."""
        return not self.password_hash.startswith(PASSWORD_METHOD + "$")

    def get_id(self) -> str:
        """What Flask-Login keeps in the session: the id and the session epoch it was signed in at."""
        return f"{self.id}.{self.session_epoch}"

    def end_sessions(self) -> None:
        """Sign out everywhere: sessions that hold an older epoch no longer load this organiser."""
        self.session_epoch = (self.session_epoch or 0) + 1

    def __repr__(self):
        return f"<Organiser {self.id} {self.email}>"
