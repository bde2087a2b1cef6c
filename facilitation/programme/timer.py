"""Countdown arithmetic. The server's clock is the only clock: clients get the end time and the
server's "now", and correct for their own clock's offset."""
from datetime import datetime, timedelta, timezone

from flask_babel import lazy_gettext as _l

from ..errors import Refused
from ..extensions import db
from ..limits import MAX_TIMER_SECONDS



def seconds_left(event, now: datetime) -> int | None:
    """Whole seconds left (0 once time is up), or None when no timer is set."""
    if event.timer_paused_left is not None:
        return event.timer_paused_left
    if event.timer_ends_at is None:
        return None
    return max(0, int((event.timer_ends_at - now).total_seconds() + 0.999))


def start(event, seconds: int, now: datetime) -> None:
    if not 0 < seconds <= MAX_TIMER_SECONDS:
        raise Refused(_l("A timer runs between 1 second and 4 hours."))
    event.timer_ends_at = now + timedelta(seconds=seconds)
    event.timer_paused_left = None


def adjust(event, delta: int, now: datetime) -> None:
    """+1 or -1 minute; never below zero."""
    left = seconds_left(event, now)
    if left is None:
        raise Refused(_l("There is no timer running."), status=409)
    new_left = max(0, min(MAX_TIMER_SECONDS, left + delta))
    if event.timer_paused_left is not None:
        event.timer_paused_left = new_left
    else:
        event.timer_ends_at = now + timedelta(seconds=new_left)


def pause(event, now: datetime) -> None:
    if event.timer_ends_at is None:
        raise Refused(_l("There is no timer running."), status=409)
    event.timer_paused_left = seconds_left(event, now)
    event.timer_ends_at = None


def resume(event, now: datetime) -> None:
    if event.timer_paused_left is None:
        raise Refused(_l("The timer is not paused."), status=409)
    event.timer_ends_at = now + timedelta(seconds=event.timer_paused_left)
    event.timer_paused_left = None


def stop(event) -> None:
    changed(event)
    event.timer_ends_at = None
    event.timer_paused_left = None


def changed(event) -> None:
    """Count one more change of the countdown, in the database (two consoles at once count two)."""
    event.timer_version = type(event).timer_version + 1
    db.session.flush()  # the next read of timer_version loads the counted value


def apply(event, action: str, now: datetime) -> None:
    """A console button: start from the part's planned time, +1/-1 minute, pause, resume or stop (stop counts
    its own change, as the programme's next part stops the timer too)."""
    if action != "stop":
        changed(event)
    if action == "start":
        minutes = event.current_phase.planned_minutes if event.current_phase else 10
        start(event, minutes * 60, now)
    elif action in ("plus", "minus"):
        adjust(event, 60 if action == "plus" else -60, now)
    elif action == "pause":
        pause(event, now)
    elif action == "resume":
        resume(event, now)
    elif action == "stop":
        stop(event)
    else:
        raise Refused(_l("The timer cannot do that."), status=404)


def state(event, now: datetime) -> dict:
    """What every screen needs to show the same time: end time and server time in ms, or the paused rest."""
    ends = event.timer_ends_at
    return {
        "ends_at": _ms(ends) if ends else None,
        "paused_left": event.timer_paused_left,
        "server_now": _ms(now),
        "version": event.timer_version,
    }


def _ms(moment: datetime) -> int:
    """Milliseconds since the epoch of a naive UTC datetime (as stored), whatever the machine's time zone."""
    return int(moment.replace(tzinfo=timezone.utc).timestamp() * 1000)
