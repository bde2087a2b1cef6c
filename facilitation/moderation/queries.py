"""Reads for moderation: the log of what was done."""
from ..extensions import db
from .models import ModerationAction


def recent_actions(event, limit: int = 10) -> list[ModerationAction]:
    return list(db.session.scalars(db.select(ModerationAction).filter_by(event_id=event.id)
                                   .order_by(ModerationAction.id.desc()).limit(limit)))
