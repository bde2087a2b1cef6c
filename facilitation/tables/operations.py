from flask_babel import force_locale, gettext

from ..extensions import db
from .models import Table

MAX_TABLES = 200


def add_numbered_tables(event, count: int) -> list[Table]:
    """Add `count` tables named "Tafel N" (in the event's language) after any existing ones."""
    count = max(0, min(int(count), MAX_TABLES))
    start = db.session.scalar(
        db.select(db.func.count(Table.id)).where(Table.event_id == event.id)
    ) or 0
    tables = []
    with force_locale(event.language):
        for n in range(start + 1, start + count + 1):
            tables.append(Table(event_id=event.id, position=n, name=gettext("Table %(n)s", n=n)))
    db.session.add_all(tables)
    db.session.flush()
    return tables


def count_tables(event) -> int:
    return db.session.scalar(db.select(db.func.count(Table.id)).where(Table.event_id == event.id))
