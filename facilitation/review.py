"""Where a text a guest wrote stands: on view, waiting for the facilitator, or hidden.

A foundation, because the participant's name (events) is checked like every other text; the queue and
its actions live in the moderation feature.
"""
import enum

from sqlalchemy import Enum, String, event, inspect
from sqlalchemy.orm import Mapped, Session, declared_attr, mapped_column

from .enums import EnumText, HoldReason
from .limits import LIMITS
from .live.broadcast import panels
from .screening import reason_to_hold
from .written import reader_language, written_in


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
    #: the language it was written in (ISO 639-1), None when it has no words to tell (emoji, a number)
    written_in: Mapped[str | None] = mapped_column(String(8))

    #: whether its text is in a language (a first name is not: "Gerda" would read as Turkish)
    tells_language = True

    @property
    def visible(self) -> bool:
        return self.review is Review.visible

    @property
    def held(self) -> bool:
        return self.review is Review.held


class Translated:
    """A text a guest wrote that a translator can give a line in the event's language (translation/): a dream,
    a deed, a question to a speaker, a market post, a contribution or advice card at a table, a rating's comment,
    a word-cloud answer, a market agreement, a check-in's line. The line shows under the original wherever it is
    shown; the original stays."""

    #: the attribute that holds the words a translator reads
    translates = "text"
    #: the attributes whose change makes the line stale (an advice card has four)
    translated_fields: tuple[str, ...] = ()
    #: how long the line may be: one line, unless the original is longer (a rating's comment, an advice card)
    translation_limit = LIMITS.translation_line

    @declared_attr
    def translation(cls) -> Mapped[str | None]:
        """a line in the event's language under a text written in another"""
        return mapped_column(String(cls.translation_limit))

    @property
    def original(self) -> str:
        return getattr(self, self.translates) or ""

    @property
    def readable(self) -> str:
        """What the event's language reads of it: the translator's line, else the text itself (the themes and
        the report's words read this)."""
        return self.translation or self.original

    def words_changed(self) -> bool:
        """Whether this flush writes other words than the ones the line was written under."""
        state = inspect(self)
        for name in self.translated_fields or (self.translates,):
            history = state.attrs[name].history
            if history.deleted and history.added and history.deleted[0] != history.added[0]:
                return True
        return False


@event.listens_for(Session, "before_flush")
def _new_words_lose_their_line(session, flush_context, instances) -> None:
    """A translator's line belongs to the words it was written under: when a guest writes their post again (a
    market agreement sealed anew, a rewritten deed) or the facilitator corrects it, the old line goes, so no
    screen shows a translation of words that are no longer there. The same words written again keep it."""
    for post in session.dirty:
        if isinstance(post, Translated) and post.translation and post.words_changed() \
                and not inspect(post).attrs["translation"].history.has_changes():
            post.translation = None


def screen(post: Moderated, text: str, event) -> None:
    """Hold a guest's new text when it must wait for the facilitator; show it at once otherwise.

    A text the guest writes again is checked again, as if it were new. A held text tells the consoles'
    moderation panel (sent after the commit, like every push).
    """
    post.written_in = written_in(text, reader_language()) if text and post.tells_language else None
    reason = reason_to_hold(text, event, post.written_in)
    post.review, post.hold_reason = (Review.held, reason) if reason else (Review.visible, None)
    if reason:
        panels(event, "moderation")
