"""A mark one person gives once and can take back (a heart, a vote), with a kept count."""
from sqlalchemy.exc import IntegrityError

from .extensions import db


def toggle_mark(owner, counter: str, mark_model, participant, **keys) -> bool:
    """Add the participant's mark, or remove it when given before; keeps `owner.<counter>` in step. Returns
    whether it is given.

    The count is updated in SQL (counter + 1), so two people marking at once lose nothing; a double tap
    that races the first insert hits the unique constraint and counts as already given. The mark of a guest
    who is not counted (a burst of joins, events.bursts) is kept but left out of the counter.
    """
    keys["participant_id"] = participant.id
    step = 1 if participant.counted else 0
    column = getattr(type(owner), counter)
    mark = db.session.scalar(db.select(mark_model).filter_by(**keys))
    if mark:
        db.session.delete(mark)
        setattr(owner, counter, column - step)
        given = False
    else:
        try:
            with db.session.begin_nested():
                db.session.add(mark_model(**keys))
        except IntegrityError:
            return True
        setattr(owner, counter, column + step)
        given = True
    db.session.flush()
    db.session.refresh(owner, [counter])
    return given
