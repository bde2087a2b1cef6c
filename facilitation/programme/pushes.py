"""What the room hears when the programme moves. Called inside an action; sent after its commit."""
from flask import render_template
from flask_babel import force_locale

from ..live import rooms
from ..live.broadcast import everyone, panels, resync_participants, stage_changed, swap_to_phones
from ..live.transport import push
from ..util import utcnow
from . import timer


def phase_changed(event) -> None:
    """A new part of the programme: every phone gets the new "now" at once (one rendering per language,
    not a thousand fetches); then phones fetch the rest of their page; the big screen and consoles follow."""
    now_changed(event)
    resync_participants(event)
    timer_changed(event)
    stage_changed(event)
    # a new part may open the wall or the tables and switch the big screen to another view
    panels(event, "programme", "tables", "dreams", "projector")


def now_changed(event) -> None:
    """Every phone's "now" bar, pushed whole; a phone swaps it when its key (the part, and whether the market
    is open: the bar then shows the way to it) differs from the one it shows."""
    swap_to_phones(event, "now", "programme/_now_bar.html",
                   {"phase": now_key(event), "dreams": bool(event.dreams_open),
                    "contributions": bool(event.contributions_open)},
                   timer=timer.state(event, utcnow()))


def now_key(event) -> str:
    """What the now bar shows, as its data-phase attribute says it (the template writes the same key)."""
    return (f"{event.current_phase_id or 0}{'-market' if event.market_open else ''}"
            f"{_poll_key(event)}{'-ask' if event.questions_open else ''}"
            f"{'-stance' if event.stance_moment else ''}")


def _poll_key(event) -> str:
    if not event.current_poll_id:
        return ""
    return f"-poll{event.current_poll_id}{'o' if event.current_poll.state.value == 'open' else ''}"


def programme_edited(event) -> None:
    phase_changed(event)


def timer_changed(event) -> None:
    """End time and server time go to every screen; each counts down by itself, correcting its clock."""
    state = timer.state(event, utcnow())
    push("timer", state, to=[*everyone(event), rooms.projector(event.id), rooms.facilitators(event.id)])
    panels(event, "programme")


def announced(event, announcement, seated_ids: list[int]) -> None:
    """A banner on every phone, or only on the phones of the people at one table.

    `seated_ids` are the people at the announcement's table (empty for an announcement to everyone).
    """
    data = {"id": announcement.id}
    if announcement.table_id is None:
        swap_to_phones(event, "announcement", "programme/_announcement_push.html", data,
                       announcement=announcement)
    elif seated_ids:
        # a phone's language is not known per person here: each gets the banner in the event's language
        with force_locale(event.language):
            html = render_template("programme/_announcement_push.html", announcement=announcement, event=event,
                                   broadcast=True)
        push("announcement", {**data, "html": html}, to=[rooms.participant(pid) for pid in seated_ids])
    panels(event, "announcements")


def pitches_changed(event) -> None:
    """The next speaker (or the line-up changed): the big screen; phones asking questions ask the new speaker."""
    stage_changed(event)
    panels(event, "announcements")
    push("speaker", {}, to=everyone(event))


def closing_changed(event, fresh: bool = False) -> None:
    """A deed or a rating: the deeds wall on the big screen and the console's rating follow."""
    stage_changed(event, fresh=fresh)
    panels(event, "programme")


def settings_changed(event) -> None:
    stage_changed(event)
    panels(event, "programme")
