"""Pushes every feature uses, on top of the transport. This module imports no feature package.

Phones receive rendered, escaped fragments in their own language: out-of-band swaps
(`hx-swap-oob`) that live.js hands to `htmx.swap`. The projector and the facilitator consoles
receive a signal and fetch what changed again: the projector its stage, a console only the
panels that were named.
"""
from flask import g, has_request_context, render_template, request
from flask_babel import force_locale

from . import rooms
from .transport import close_room, push, push_soon


def languages(event) -> tuple[str, ...]:
    """The languages the event's phones read: its own, and each a phone has connected in (a push to every
    phone is rendered once per language, so only those in use)."""
    return event.reader_languages


def everyone(event) -> list[str]:
    """Every phone of the event, in every language."""
    return rooms.all_participants(event.id, languages(event))


def panels(event, *names: str) -> None:
    """The consoles fetch these panels again (and nothing else): one signal per request, naming each once."""
    pending = g.setdefault("panel_names", {}) if has_request_context() else {}
    if event.id in pending:
        pending[event.id].extend(name for name in names if name not in pending[event.id])
        return
    pending[event.id] = list(dict.fromkeys(names))
    signal = {"names": pending[event.id]}
    if has_request_context() and request.headers.get("X-Socket-Id"):
        # the console that acted already has the panel it answered to: it skips that one
        signal.update(actor=request.headers["X-Socket-Id"],
                      answered=(request.headers.get("HX-Target") or "").removeprefix("panel-"))
    push("panels", signal, to=rooms.facilitators(event.id))


def stage_changed(event, fresh: bool = False) -> None:
    """The big screen fetches its stage again; the consoles' miniature of it follows.

    `fresh`: something new arrived on the wall (a dream, a deed): the big screen goes back to its first
    page, where the newest are, instead of fetching the page it is on.
    """
    push("wall:changed", {"fresh": True} if fresh else {}, to=rooms.projector(event.id))
    panels(event, "miniature")


def fragment_per_language(template: str, event, **context) -> dict[str, str]:
    """One rendering per language the phones read, for pushes that go to every phone (no per-session data)."""
    rendered = {}
    for lang in languages(event):
        with force_locale(lang):
            rendered[lang] = render_template(template, broadcast=True, event=event, **context)
    return rendered


def swap_to_phones(event, name: str, template: str, data: dict | None = None, **context) -> None:
    """An out-of-band fragment to every phone, each in its own language (`event` is in its context)."""
    for lang, html in fragment_per_language(template, event=event, **context).items():
        push(name, {**(data or {}), "html": html}, to=rooms.participants(event.id, lang))


def swap_to_projector(event, name: str, template: str, **context) -> None:
    """An out-of-band fragment to the big screen, in the event's language."""
    with force_locale(event.language):
        html = render_template(template, broadcast=True, event=event, **context)
    push(name, {"html": html}, to=rooms.projector(event.id))


def clouds_to_phones(event, name: str, template: str, item: dict, **context) -> None:
    """A fragment for every phone, in its own language, batched with others of the same moment."""
    for lang, html in fragment_per_language(template, event=event, **context).items():
        push_soon(name, {**item, "html": html}, to=rooms.participants(event.id, lang))


def resync_participants(event) -> None:
    """Ask phones to fetch their view again, for changes a fragment cannot express."""
    push("resync", {}, to=everyone(event))


def link_rotated(event, audience: str) -> None:
    """The old facilitator or projector link stops now: its open sockets are told and leave the room."""
    room = rooms.facilitators(event.id) if audience == "facilitator" else rooms.projector(event.id)
    push("revoked", {}, to=room)
    close_room(room)
