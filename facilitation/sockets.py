"""Socket handlers (a shell: it knows the tables). A socket says which event and audience it wants;
the session decides which rooms it joins."""
import logging

from flask import request
from flask_socketio import ConnectionRefusedError, disconnect, join_room

from .events import access
from .events.models import Event
from .extensions import db, socketio
from .i18n import participant_language
from .tables.queries import seat_of
from .util import form_int
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
    event_id = form_int(auth.get("event"))  # 10**30, "²" or a list: no such event
    if event_id is None:
        raise ConnectionRefusedError("unknown event")
    event = db.session.get(Event, event_id)
    granted = rooms_for(event, str(auth.get("as")), auth.get("table")) if event else None
    db.session.remove()
    if not granted:
        raise ConnectionRefusedError("not allowed")
    for room in granted:
        join_room(room)


@socketio.on_error_default
def on_bad_packet(error):
    """A packet no handler can use: one short line in the log, and the socket is closed.

    Phones only send what live.js sends; anything else is a script or a broken client, and
    a traceback per packet would fill the venue laptop's disk.
    """
    log.warning("socket %s closed after a bad packet: %s", getattr(request, "sid", "?"), type(error).__name__)
    db.session.remove()
    disconnect()


log = logging.getLogger("facilitation.live")


def guard_packets(server) -> None:
    """A packet that cannot even be decoded ("2[", a wrong type): one short log line, then the socket
    is closed. Without this the server logs a traceback of about 1.5 KB per packet and keeps the socket."""
    handle = server._handle_eio_message

    def guarded(eio_sid, data):
        try:
            return handle(eio_sid, data)
        except Exception as error:  # noqa: BLE001 - whatever a client sends must not reach the log as a traceback
            log.warning("socket closed after a bad packet: %s", type(error).__name__)
            sid = server.manager.sid_from_eio_sid(eio_sid, "/")
            try:
                if sid:
                    server.disconnect(sid, namespace="/")
                server.eio.disconnect(eio_sid)
            except Exception:  # noqa: BLE001 - it may be gone already
                pass

    server.eio.on("message", guarded)
