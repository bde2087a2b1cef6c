from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class Table(db.Model):
    __tablename__ = "tables"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    #: order on the tables overview and the harvest
    position: Mapped[int]
    #: e.g. "Tafel 3"
    name: Mapped[str] = mapped_column(String(80))
    #: the practical question this table works through
    dilemma: Mapped[str] = mapped_column(Text, default="")

    def __repr__(self):
        return f"<Table {self.id} {self.name!r} of event {self.event_id}>"
