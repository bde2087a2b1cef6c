from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..util import utcnow


class ReportText(db.Model):
    """The organiser's own words in the report: an introduction, the account of the evening and a closing."""

    __tablename__ = "report_texts"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    introduction: Mapped[str] = mapped_column(Text, default="")
    closing: Mapped[str] = mapped_column(Text, default="")
    #: the account of the evening in prose as the organiser edited it; empty: the draft from the data
    account: Mapped[str] = mapped_column(Text, default="", server_default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Theme(db.Model):
    """A group of dreams in the report. Found automatically once, then the organiser's to rename and merge."""

    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    label: Mapped[str] = mapped_column(String(80))
    #: the words that made dreams belong here, as people wrote them (why the theme exists)
    words: Mapped[str] = mapped_column(String(200), default="")

    members = relationship("ThemeDream", cascade="all, delete-orphan", passive_deletes=True)


class ThemeDream(db.Model):
    """A dream in a theme; a dream is in at most one theme."""

    __tablename__ = "theme_dreams"

    dream_id: Mapped[int] = mapped_column(ForeignKey("dreams.id", ondelete="CASCADE"), primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"), index=True)


class LeftOut(db.Model):
    """A dream, contribution, deed or rating comment the organiser keeps out of the report and its downloads."""

    __tablename__ = "report_left_out"
    __table_args__ = (
        UniqueConstraint("dream_id", name="uq_left_out_dream"),
        UniqueConstraint("contribution_id", name="uq_left_out_contribution"),
        UniqueConstraint("deed_id", name="uq_left_out_deed"),
        UniqueConstraint("rating_id", name="uq_left_out_rating"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    dream_id: Mapped[int | None] = mapped_column(ForeignKey("dreams.id", ondelete="CASCADE"))
    contribution_id: Mapped[int | None] = mapped_column(ForeignKey("contributions.id", ondelete="CASCADE"))
    deed_id: Mapped[int | None] = mapped_column(ForeignKey("deeds.id", ondelete="CASCADE", name="fk_left_out_deed"))
    #: a rating whose comment stays out (its stars still count)
    rating_id: Mapped[int | None] = mapped_column(ForeignKey("ratings.id", ondelete="CASCADE", name="fk_left_out_rating"))
