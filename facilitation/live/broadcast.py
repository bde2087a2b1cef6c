"""Every push to browsers goes through here, after the database commit.

Phones receive rendered, escaped fragments in their own language; the projector and
the facilitator consoles receive a signal and fetch their view again.
"""
from flask import current_app, render_template
from flask_babel import force_locale, get_locale

from ..extensions import db, socketio
from . import rooms


def _languages():
    return current_app.config["LANGUAGES"]


def _cloud_html(dream, event, lang, *, mine=False) -> str:
    with force_locale(lang):
        # broadcast=True leaves out the sender's CSRF token: the fragment goes to many phones
        return render_template("dreams/_cloud.html", dream=dream, event=event, mine=mine, hearted=False,
                               broadcast=True)


def _send(name: str, data: dict, to) -> None:
    """The one place that emits: a room (or list of rooms) is required."""
    socketio.emit(name, data, to=to)


def wall_changed(event) -> None:
    _send("wall:changed", {}, to=[rooms.projector(event.id), rooms.facilitators(event.id)])


def dream_posted(dream, event) -> None:
    """Called from the author's own request: their phone gets "your dream", the others a heart button."""
    if not dream.visible:  # held: only the facilitators hear of it; the author's own list says it waits
        wall_changed(event)
        return
    # the big screen first: it is what the room looks at, and it should not wait behind every phone
    wall_changed(event)
    own_lang = str(get_locale())
    _send("dream:mine", {"id": dream.id, "html": _cloud_html(dream, event, own_lang, mine=True)},
          to=rooms.participant(dream.participant_id))
    for lang in _languages():
        _send("dream:new", {"id": dream.id, "html": _cloud_html(dream, event, lang)},
              to=rooms.participants(event.id, lang))


def dream_approved(dream, event) -> None:
    """A held dream goes on the wall: every phone and the big screen see it arrive."""
    wall_changed(event)
    for lang in _languages():
        _send("dream:new", {"id": dream.id, "html": _cloud_html(dream, event, lang)},
              to=rooms.participants(event.id, lang))
    _send("resync", {}, to=rooms.participant(dream.participant_id))


def dream_restored(dream, event) -> None:
    # whether each phone gave it a heart differs per phone: let them fetch their view
    resync_participants(event)
    wall_changed(event)


def dream_removed(dream, event) -> None:
    _send("dream:removed", {"id": dream.id}, to=rooms.all_participants(event.id, _languages()))
    wall_changed(event)


def hearts_changed(dream, event) -> None:
    _send("dream:hearts", {"id": dream.id, "count": dream.heart_count},
          to=rooms.all_participants(event.id, _languages()))
    wall_changed(event)


def posting_changed(event) -> None:
    _send("posting", {"open": event.dreams_open}, to=rooms.all_participants(event.id, _languages()))
    wall_changed(event)


def resync_participants(event) -> None:
    """Ask phones to fetch their view again, for changes a fragment cannot express."""
    _send("resync", {}, to=rooms.all_participants(event.id, _languages()))


def tables_changed(event) -> None:
    """Seats, contributions, cards or endorsements changed: the overview views fetch again."""
    _send("tables:changed", {}, to=[rooms.projector(event.id), rooms.facilitators(event.id)])


def table_changed(event, table) -> None:
    """Something changed at one table: only the people at that table fetch its stream again."""
    _send("table:changed", {}, to=rooms.table(event.id, table.id))
    tables_changed(event)


def seats_changed(event) -> None:
    # each phone shows where its owner sits; moved people follow to their new table
    resync_participants(event)
    tables_changed(event)


def link_rotated(event, audience: str) -> None:
    """The old facilitator or projector link stops now: its open sockets are told and leave the room."""
    room = rooms.facilitators(event.id) if audience == "facilitator" else rooms.projector(event.id)
    _send("revoked", {}, to=room)
    socketio.close_room(room)


def phase_changed(event) -> None:
    """A new part of the programme: phones fetch what to do now, the big screen and consoles follow."""
    resync_participants(event)
    timer_changed(event)
    wall_changed(event)
    tables_changed(event)


def timer_changed(event) -> None:
    """End time and server time go to every screen; each counts down by itself, correcting its clock."""
    from ..programme.timer import state
    from ..util import utcnow

    everyone = [*rooms.all_participants(event.id, _languages()), rooms.projector(event.id),
                rooms.facilitators(event.id)]
    _send("timer", state(event, utcnow()), to=everyone)


def announced(event, announcement) -> None:
    """A banner on every phone, or only on the phones of the people at one table."""
    from ..tables.models import Seat

    if announcement.table_id is None:
        targets = {lang: rooms.participants(event.id, lang) for lang in _languages()}
    else:
        seated = db.session.scalars(db.select(Seat.participant_id).filter_by(
            table_id=announcement.table_id, round=event.current_round)).all()
        targets = {lang: [rooms.participant(pid) for pid in seated] for lang in _languages()}
        # a phone's language is not known per person here: each gets the banner in the event's language
        targets = {event.language: targets[event.language]}
    for lang, room in targets.items():
        if not room:
            continue
        with force_locale(lang):
            html = render_template("programme/_announcement.html", announcement=announcement, event=event,
                                   broadcast=True)
        _send("announcement", {"id": announcement.id, "html": html}, to=room)
