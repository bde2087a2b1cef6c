"""Reads of an event's look."""
from sqlalchemy.orm import undefer

from ..extensions import db
from .models import EventBrand


def logo_of(event) -> EventBrand | None:
    """The brand with its logo's bytes loaded, or None when the event has no logo."""
    brand = db.session.scalar(db.select(EventBrand).options(undefer(EventBrand.logo))
                              .where(EventBrand.event_id == event.id, EventBrand.logo_type.is_not(None)))
    return brand
