"""The one place that emits, and the queue that holds pushes until the action path has committed.

During a request a push waits in the request's queue: `actions.act` sends it after the commit, or drops
it when the action was refused. Outside a request (the command line) there is nothing to wait for.
"""
from flask import current_app, g, has_request_context

from ..extensions import socketio


def push(name: str, data: dict, to) -> None:
    """Emit `name` to a room or list of rooms; a room is required."""
    if to:
        _after_commit(name, lambda: socketio.emit(name, data, to=to))


def close_room(room: str) -> None:
    """Sockets leave the room, after the pushes queued before this one have gone out."""
    _after_commit("close_room", lambda: socketio.close_room(room))


def _after_commit(name: str, send) -> None:
    if has_request_context():
        g.setdefault("pushes", []).append((name, send))
    else:
        send()


def send_queued() -> None:
    for _, send in g.pop("pushes", []):
        send()


def discard_queued() -> None:
    g.pop("pushes", None)


def check_nothing_left(response):
    """A push queued outside the action path would never be sent: say so loudly in tests."""
    left = g.pop("pushes", None)
    if left:
        message = f"pushes queued outside the action path were dropped: {[name for name, _ in left]}"
        if current_app.testing:
            raise RuntimeError(message)
        current_app.logger.error(message)
    return response
