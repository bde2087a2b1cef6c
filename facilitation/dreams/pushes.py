"""What the room hears when the wall changes. Called inside an action; sent after its commit."""
from flask import render_template

from ..live import rooms
from ..live.broadcast import clouds_to_phones, everyone, panels, resync_participants, stage_changed, swap_to_phones
from ..live.transport import push, push_soon


def dream_posted(dream, event) -> None:
    """The author's phones get "your dream", the others a cloud with a heart button.

    A held dream reaches only the facilitators; the author's own list says it waits.
    """
    if not dream.visible:
        panels(event, "moderation", "dreams")
        return
    # the big screen first: it is what the room looks at, and it should not wait behind every phone
    stage_changed(event, fresh=True)
    panels(event, "dreams")
    mine = render_template("dreams/_cloud_push.html", dream=dream, event=event, mine=True, broadcast=True)
    push("dream:mine", {"id": dream.id, "html": mine}, to=rooms.participant(dream.participant_id))
    clouds_to_phones(event, "dream:new", "dreams/_cloud_push.html", {"id": dream.id}, dream=dream)


def dream_approved(dream, event) -> None:
    """A held dream goes on the wall: every phone and the big screen see it arrive."""
    stage_changed(event, fresh=True)
    panels(event, "moderation", "dreams")
    clouds_to_phones(event, "dream:new", "dreams/_cloud_push.html", {"id": dream.id}, dream=dream)
    push("resync", {}, to=rooms.participant(dream.participant_id))


def dream_corrected(dream, event, was_visible: bool) -> None:
    if was_visible:
        dream_restored(dream, event)
    else:
        stage_changed(event)
        panels(event, "moderation", "dreams")


def dream_translated(dream, event) -> None:
    """A translator's line under a dream: the big screen shows it, the consoles' queue and list too."""
    stage_changed(event)
    panels(event, "moderation", "dreams")


def dream_restored(dream, event) -> None:
    # whether each phone gave it a heart differs per phone: let them fetch their view
    resync_participants(event)
    stage_changed(event)
    panels(event, "moderation", "dreams")


def dream_removed(dream, event) -> None:
    push("dream:removed", {"id": dream.id}, to=everyone(event))
    stage_changed(event)
    panels(event, "moderation", "dreams")


def hearts_changed(dream, event) -> None:
    for room in everyone(event):
        push_soon("dream:hearts", {"id": dream.id, "count": dream.heart_count}, to=room)
    stage_changed(event)
    panels(event, "dreams")


def posting_changed(event) -> None:
    swap_to_phones(event, "posting", "dreams/_posting_state_push.html", {"open": event.dreams_open})
    stage_changed(event)
    panels(event, "dreams")


def spotlight_changed(event) -> None:
    stage_changed(event)
    panels(event, "dreams")


def moderation_mode_changed(event) -> None:
    stage_changed(event)
    panels(event, "moderation")
