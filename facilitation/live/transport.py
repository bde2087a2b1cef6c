"""The one place that emits, and the queue that holds pushes until the action path has committed.

During a request a push waits in the request's queue: `actions.act` sends it after the commit, or drops
it when the action was refused. Outside a request (the command line) there is nothing to wait for.
"""
import threading
import time

from flask import current_app, g, has_request_context

from ..extensions import socketio


def push(name: str, data: dict, to) -> None:
    """Emit `name` to a room or list of rooms; a room is required."""
    if to:
        _after_commit(name, lambda: socketio.emit(name, data, to=to))


def push_soon(name: str, item: dict, to: str) -> None:
    """Send `item` as `{"items": [...]}`: at once when the room was quiet for half of PUSH_BATCH_SECONDS;
    else together with whatever else comes in, PUSH_BATCH_SECONDS after the room's last message.

    A dream at a calm moment (two a second or fewer) reaches the phones at once; in a dream rush a
    thousand phones get two messages a second instead of one per dream.
    """
    _after_commit(name, lambda: _collect(name, item, to))


class Batches:
    """The items waiting to go out per (message, room), in this process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.waiting: dict[tuple[str, str], list] = {}
        self.last_sent: dict[tuple[str, str], float] = {}
        #: when the last item for (message, room) arrived: "quiet" means no item for half the window
        self.last_item: dict[tuple[str, str], float] = {}


def init_app(app) -> None:
    app.extensions["push_batches"] = Batches()


def _collect(name: str, item: dict, to: str) -> None:
    window = current_app.config["PUSH_BATCH_SECONDS"]
    if window <= 0:
        socketio.emit(name, {"items": [item]}, to=to)
        return
    batches, key, now = current_app.extensions["push_batches"], (name, to), time.monotonic()
    with batches.lock:
        last = batches.last_sent.get(key, float("-inf"))
        # quiet is measured from the last item, not the last message: measured from a batch that went out late,
        # dreams at a steady two a second each joined the next batch and came 0.4 s late (make bench: phone p50
        # 463 ms against 45 ms for the bare baseline)
        previous, batches.last_item[key] = batches.last_item.get(key, float("-inf")), now
        if key in batches.waiting:  # a batch is on its way: this item joins it
            batches.waiting[key].append(item)
            if now - last < window:
                return
            # due (at last + window): under a heavy load its task wakes late, behind hundreds of requests,
            # so the first request that finds it due sends it itself
            items, delay = batches.waiting.pop(key), None
            batches.last_sent[key] = now
        elif now - previous >= window / 2:  # the room was quiet: at once
            items, delay = [item], None
            batches.last_sent[key] = now
        else:
            items, delay = None, window - (now - last)
            batches.waiting[key] = [item]
    if items is not None:
        socketio.emit(name, {"items": items}, to=to)
    else:
        socketio.start_background_task(_send_batch, current_app._get_current_object(), key, delay)


def _send_batch(app, key: tuple[str, str], delay: float) -> None:
    socketio.sleep(delay)
    batches = app.extensions["push_batches"]
    with batches.lock:
        items = batches.waiting.pop(key, None)
        if items is None:  # a request found it overdue and sent it
            return
        batches.last_sent[key] = time.monotonic()
    with app.app_context():
        socketio.emit(key[0], {"items": items}, to=key[1])


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
