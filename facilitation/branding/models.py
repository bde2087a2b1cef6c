from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, PrimaryKeyConstraint, String
from sqlalchemy.orm import Mapped, backref, deferred, mapped_column, relationship

from ..extensions import db
from ..util import utcnow


class EventBrand(db.Model):
    """An event's own look: the organiser's accent colour and logo. One row per event, made on first use."""

    __tablename__ = "event_brands"
    __table_args__ = (PrimaryKeyConstraint("event_id", name="pk_event_brands"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE", name="fk_event_brands_event"))
    #: the colour as chosen ("#rrggbb"); None for the standard colours. Screens use safe shades of it
    #: (colours.palette), never the colour itself for text
    accent: Mapped[str | None] = mapped_column(String(7))
    #: the logo as we encoded it again after the upload, never the uploaded bytes; loaded only to serve it
    logo: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    #: what `logo` holds: image/png, image/jpeg or image/webp; None when there is no logo
    logo_type: Mapped[str | None] = mapped_column(String(16))
    logo_width: Mapped[int | None]
    logo_height: Mapped[int | None]
    #: counts every change: addresses carry it (?v=), so a browser fetches a new logo or colour at once
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    # the event reads event.brand (None until the organiser sets a colour or a logo)
    event = relationship("Event", backref=backref("brand", uselist=False, passive_deletes=True))

    @property
    def has_logo(self) -> bool:
        return self.logo_type is not None

    def __repr__(self):
        return f"<EventBrand of event {self.event_id} accent={self.accent} logo={self.logo_type}>"
