"""Socket handlers (a shell: it knows the tables). A socket says which event and audience it wants;
the session decides which rooms it joins."""
import logging
import threading
import time

from flask import request
from flask_socketio import ConnectionRefusedError, disconnect, join_room

from .actions import record
from .events import access
from .events.models import Event
from .events.operations import note_reader
from .events.queries import event_by_id
from .extensions import db, socketio
from .i18n import guest_language
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
        language = guest_language(event)
        # committed before the socket joins the room: every push rendered from now on includes this language
        record(lambda: note_reader(event, participant, language))
        granted = [rooms.participants(event.id, language), rooms.participant(participant.id)]
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
    event = event_by_id(event_id)
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


class BadPackets:
    """One short log line per bad packet, at most LINES a minute; past that one line says how many more came.
    A client that sends junk by the thousand fills no disk and hides no other message."""

    LINES, WINDOW = 10, 60.0

    def __init__(self):
        self.lock = threading.Lock()
        self.window_start, self.logged, self.dropped = 0.0, 0, 0

    def note(self, what: str, error: Exception) -> None:
        now = time.monotonic()
        with self.lock:
            if now - self.window_start >= self.WINDOW:
                if self.dropped:
                    log.warning("%d more bad packets in the last minute were not logged one by one", self.dropped)
                self.window_start, self.logged, self.dropped = now, 0, 0
            if self.logged >= self.LINES:
                self.dropped += 1
                return
            self.logged += 1
        log.warning("%s after a bad packet: %s", what, type(error).__name__)


def _closed(environ):
    """The handshake was answered: end the connection the way engine.io's own websocket wrapper does."""
    if "gunicorn.socket" in environ:
        raise StopIteration from None
    if "werkzeug.socket" in environ:
        raise ConnectionError from None
    return []


def guard_packets(server) -> None:
    """A packet that cannot even be decoded: one short, rate-limited log line, then the socket is closed.

    Two places: a Socket.IO packet ("2[", a wrong type) and a raw engine.io frame on a websocket (an empty
    or non-numeric frame), which otherwise escapes engine.io into the WSGI server as a 3-4 KB traceback."""
    handle, handle_request = server._handle_eio_message, server.eio.handle_request
    bad = BadPackets()

    def guarded(eio_sid, data):
        try:
            return handle(eio_sid, data)
        except Exception as error:  # noqa: BLE001 - whatever a client sends must not reach the log as a traceback
            bad.note("socket closed", error)
            sid = server.manager.sid_from_eio_sid(eio_sid, "/")
            try:
                if sid:
                    server.disconnect(sid, namespace="/")
                server.eio.disconnect(eio_sid)
            except Exception:  # noqa: BLE001 - it may be gone already
                pass

    def guarded_request(environ, start_response):
        try:
            return handle_request(environ, start_response)
        except OSError as error:
            # a phone that leaves while its socket is upgraded: engine.io raises a bare OSError() from its
            # websocket (no errno), which gevent's server cannot read (the request's greenlet died with an
            # IndexError traceback in the log)
            if environ.get("HTTP_UPGRADE", "").lower() != "websocket":
                raise
            log.info("websocket closed by the client during the upgrade: %s", type(error).__name__)
            return _closed(environ)
        except (ValueError, IndexError, KeyError, TypeError, UnicodeError) as error:
            if environ.get("HTTP_UPGRADE", "").lower() != "websocket":
                raise
            bad.note("websocket closed", error)
            return _closed(environ)

    server.eio.on("message", guarded)
    server.eio.handle_request = guarded_request
