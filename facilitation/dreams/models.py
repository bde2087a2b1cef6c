from datetime import datetime

from sqlalchemy import Enum, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..review import Moderated, Review, Translated
from ..util import utcnow


class Dream(Moderated, Translated, db.Model):
    """A guest's dream on the wall. Visible, held or hidden like every other text a guest writes (Moderated:
    `review`, `hold_reason`, `written_in`); a translator may add a line in the event's language (Translated)."""
    __tablename__ = "dreams"
    __table_args__ = (UniqueConstraint("participant_id", "request_key", name="uq_dream_request"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    #: the phone that wrote it
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    #: one sentence, 1-280 characters, cleaned by clean_text
    text: Mapped[str] = mapped_column(String(280))
    #: hidden dreams reach only facilitators; the column keeps its first name, "status"
    review: Mapped[Review] = mapped_column("status", Enum(Review, native_enum=False, length=16),
                                           default=Review.visible)
    #: a key the form sends with each post, so a double tap stores one dream
    request_key: Mapped[str | None] = mapped_column(String(64))
    #: denormalised count of hearts, kept by toggle_heart, for sorting walls cheaply
    heart_count: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    #: the speaker whose pitched dream this is, when the facilitator put it on the wall
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("speakers.id", ondelete="SET NULL", name="fk_dreams_speaker"))

    participant = relationship("Participant")
    speaker = relationship("Speaker")
    hearts = relationship("Heart", back_populates="dream", cascade="all, delete-orphan", passive_deletes=True)

    def hide(self) -> None:
        if self.review is Review.hidden:
            raise ValueError("dream is already hidden")
        self.review = Review.hidden

    def approve(self) -> None:
        if not self.held:
            raise ValueError("dream is not waiting")
        self.review = Review.visible

    def restore(self) -> None:
        if self.visible:
            raise ValueError("dream is not hidden")
        self.review = Review.visible

    def __repr__(self):
        return f"<Dream {self.id} {self.review.value} {self.text[:20]!r}>"


class Heart(db.Model):
    """One participant's heart for one dream; giving it again takes it back."""

    __tablename__ = "hearts"
    __table_args__ = (UniqueConstraint("dream_id", "participant_id", name="uq_heart_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dream_id: Mapped[int] = mapped_column(ForeignKey("dreams.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    dream = relationship("Dream", back_populates="hearts")

    def __repr__(self):
        return f"<Heart dream={self.dream_id} participant={self.participant_id}>"
