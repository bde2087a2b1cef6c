"""Where a text a guest wrote stands: on view, waiting for the facilitator, or hidden.

A foundation, because the participant's name (events) is checked like every other text; the queue and
its actions live in the moderation feature.
"""
import enum

from sqlalchemy import Enum
from sqlalchemy.orm import Mapped, mapped_column

from .enums import EnumText, HoldReason
from .live.broadcast import panels
from .screening import reason_to_hold


class Review(enum.Enum):
    """Where a guest's text stands: shown, waiting for the facilitator, or taken off every view."""

    visible = "visible"
    #: waiting for the facilitator (pre-moderation, or a detector found personal data or abuse)
    held = "held"
    hidden = "hidden"


class Moderated:
    """A text a guest wrote that the moderation queue checks: a contribution, an advice card, a deed,
    a rating's comment or a name. Views show it only when visible; its author sees it while it waits."""

    review: Mapped[Review] = mapped_column(Enum(Review, native_enum=False, length=16), default=Review.visible,
                                           server_default="visible")
    #: why a held text waits
    hold_reason: Mapped[HoldReason | None] = mapped_column(EnumText(HoldReason, 32))

    @property
    def visible(self) -> bool:
        return self.review is Review.visible

    @property
    def held(self) -> bool:
        return self.review is Review.held


def screen(post: Moderated, text: str, event) -> None:
    """Hold a guest's new text when it must wait for the facilitator; show it at once otherwise.

    A text the guest writes again is checked again, as if it were new. A held text tells the consoles'
    moderation panel (sent after the commit, like every push).
    """
    reason = reason_to_hold(text, event)
    post.review, post.hold_reason = (Review.held, reason) if reason else (Review.visible, None)
    if reason:
        panels(event, "moderation")
