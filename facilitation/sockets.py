"""Socket handlers (a shell: it knows the tables). A socket says which event and audience it wants;
the session decides which rooms it joins."""
from flask_socketio import ConnectionRefusedError, join_room

from .events import access
from .events.models import Event
from .extensions import db, socketio
from .i18n import participant_language
from .tables.queries import seat_of
from .live import rooms


def rooms_for(event: Event, audience: str, table_id=None) -> list[str] | None:
    """The rooms this browser may join for the event, or None when it has no right to.

    A participant's phone on a table page also joins that table's room, if it sits there now.
    """
    if audience == "participant":
        participant = access.current_participant(event)
        if participant is None:
            return None
        granted = [rooms.participants(event.id, participant_language(event)), rooms.participant(participant.id)]
        seat = seat_of(participant) if table_id is not None else None
        if seat is not None and str(seat.table_id) == str(table_id):
            granted.append(rooms.table(event.id, seat.table_id))
        return granted
    if audience == "projector" and access.can_project(event):
        return [rooms.projector(event.id)]
    if audience == "facilitator" and access.can_facilitate(event):
        return [rooms.facilitators(event.id)]
    return None


@socketio.on("connect")
def on_connect(auth):
    auth = auth if isinstance(auth, dict) else {}
    try:
        event_id = int(auth.get("event"))
    except (TypeError, ValueError):
        raise ConnectionRefusedError("unknown event") from None
    event = db.session.get(Event, event_id)
    granted = rooms_for(event, str(auth.get("as")), auth.get("table")) if event else None
    db.session.remove()
    if not granted:
        raise ConnectionRefusedError("not allowed")
    for room in granted:
        join_room(room)
