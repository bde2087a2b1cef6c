from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..enums import EnumText, ModerationActionKind, PostKind
from ..extensions import db
from ..util import utcnow


class ModerationAction(db.Model):
    """Who did what to which post, and when: approve, hide, restore, edit."""

    __tablename__ = "moderation_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    dream_id: Mapped[int | None] = mapped_column(ForeignKey("dreams.id", ondelete="CASCADE"))
    #: the kind of post and its id (dreams also keep dream_id, so their log goes when they go)
    post_kind: Mapped[PostKind] = mapped_column(EnumText(PostKind, 16), default=PostKind.dream,
                                                server_default="dream")
    post_id: Mapped[int | None]
    action: Mapped[ModerationActionKind] = mapped_column(EnumText(ModerationActionKind, 16))
    #: the console that acted: the organiser's e-mail, or "console" and a short id per browser
    actor: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(default=utcnow)

    def __repr__(self):
        return f"<ModerationAction {self.action} {self.post_kind} {self.post_id} by {self.actor}>"
