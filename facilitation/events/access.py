"""Who may do what for an event, read from the signed session cookie.

The cookie is signed, not encrypted: anyone who sees it can read it. So it holds no secret that works
anywhere else: for a phone the hash of its participant key (the key itself is never kept), for a
facilitator or projector link a digest of the link's token (the token cannot be recovered from it, so
a copied cookie never reveals a link that opens the console in another browser). Every check compares
them with the event again, so rotating a link locks out the old one at once.
"""
import hashlib
import hmac
from functools import wraps

from flask import abort, g, redirect, session, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from . import flood
from ..errors import Refused
from ..extensions import db
from .models import Event, Participant
from .queries import find_event_by_code, participant_by_key_hash

AUDIENCES = ("facilitator", "projector")


def remember_participant(event: Event, key: str) -> None:
    session.permanent = True
    session["guests"] = {**_guests(), str(event.id): Participant.hash_key(key)}


def _digests(name: str, older: str, digest) -> dict:
    """The cookie's entry `name` of digests. A cookie from before that keeps the raw secrets under `older`
    is rewritten: the browser stays in, the raw secrets leave the cookie."""
    digests = dict(session.get(name, {}))
    if older in session:
        raw = session.pop(older) or {}
        digests = {**{key: digest(secret) for key, secret in raw.items() if secret}, **digests}
        session[name] = digests
    return digests


def _guests() -> dict:
    """Per event, the hash of this phone's participant key."""
    return _digests("guests", "participants", Participant.hash_key)


def current_participant(event: Event) -> Participant | None:
    return participant_by_key_hash(event, _guests().get(str(event.id)))


def participant_or_403(event: Event) -> Participant:
    """The participant on this phone, for a page's background refresh: a phone that never joined gets 403."""
    participant = current_participant(event)
    if participant is None:
        abort(403)
    return participant


def participant_or_join(event: Event) -> Participant:
    """The participant on this phone; a phone that has not joined yet is sent to the join page."""
    participant = current_participant(event)
    if participant is None:
        abort(redirect(url_for("events.join", code=event.join_code)))
    return participant


def _proof(token: str) -> str:
    """What the cookie keeps of a link's token: a digest that opens nothing when copied out of the cookie."""
    return hashlib.sha256(f"facilitation-link-proof:{token}".encode()).hexdigest()


def open_link(event_id: int, audience: str, token: str) -> Event:
    """Opening a secret link (facilitator, projector, translator): the event, with this browser given that
    audience's rights; 403 for a token that is not the link's (404 for an unknown event)."""
    event = event_or_404(event_id)
    if not event.token_matches(audience, token):
        abort(403)
    grant_link(event, audience, token)
    return event


def grant_link(event: Event, audience: str, token: str) -> None:
    """Call only after `event.token_matches(audience, token)`."""
    session.permanent = True
    session["proofs"] = {**_proofs(), f"{audience}:{event.id}": _proof(token)}


def _proofs() -> dict:
    """Digests of the links this browser opened."""
    return _digests("proofs", "links", _proof)


def holds_link(event: Event, audience: str) -> bool:
    proof = _proofs().get(f"{audience}:{event.id}")
    return bool(proof) and hmac.compare_digest(proof, _proof(event.link_token(audience)))


def owns(event: Event) -> bool:
    return current_user.is_authenticated and event.organiser_id == current_user.id


def can_facilitate(event: Event) -> bool:
    return owns(event) or holds_link(event, "facilitator")


def can_translate(event: Event) -> bool:
    return can_facilitate(event) or holds_link(event, "translator")


def can_project(event: Event) -> bool:
    return can_facilitate(event) or holds_link(event, "projector")


def use_event(event: Event) -> Event:
    """Mark the event this request is about; the page language follows it."""
    g.event = event
    return event


def event_or_404(event_id: int) -> Event:
    return use_event(db.get_or_404(Event, event_id))


def lookup_code(code: str) -> Event | None:
    """The event for a join code as people type it, or None.

    Only unknown codes are counted, per address; after too many misses an unknown code is answered
    429 instead of 404. A valid code is never refused: every phone at a venue shares one address,
    and one guest's typos must not lock out the room. Guessing stays hopeless all the same: there
    are 32^8 (about 10^12) codes for a handful of events.
    """
    event = find_event_by_code(code)
    if event is not None:
        return event
    who = f"address:{flood.address()}"
    if not flood.hit("code-miss", who):
        raise Refused(_l("You are going a bit fast. Wait a moment and try again; your text is kept."), status=429)
    return None


def event_by_code(code: str) -> Event:
    """The event for a join code; 404 when there is none, 429 after too many guesses."""
    event = lookup_code(code)
    if event is None:
        abort(404)
    return use_event(event)


def _event_if(event_id: int, may) -> Event:
    """The event, if `may(event)` lets this browser in; else 403 (404 for an unknown event)."""
    event = event_or_404(event_id)
    if not may(event):
        abort(403)
    return event


def facilitated_event(event_id: int) -> Event:
    """The event, if this browser may run it."""
    return _event_if(event_id, can_facilitate)


def owned_event(event_id: int) -> Event:
    """The event, if the signed-in organiser owns it."""
    return _event_if(event_id, owns)


def projected_event(event_id: int) -> Event:
    """The event, if this browser holds its projector link (or runs it)."""
    return _event_if(event_id, can_project)


def translated_event(event_id: int) -> Event:
    """The event, if this browser holds its translator's link (or runs it)."""
    return _event_if(event_id, can_translate)


# --- one decorator per role: the route gets the event (and the guest), refused in one place ------------

def _by_id(open_event):
    """A decorator: `event_id` in the address becomes the event that `open_event` lets through."""
    def decorate(view):
        @wraps(view)
        def opened(event_id, **args):
            return view(open_event(event_id), **args)
        return opened
    return decorate


def _by_code(guest=None):
    """A decorator: `code` in the address becomes the event (404, or 429 after too many guesses) and, with
    `guest`, the participant on this phone as `guest` finds it."""
    def decorate(view):
        @wraps(view)
        def opened(code, **args):
            event = event_by_code(code)
            return view(event, guest(event), **args) if guest else view(event, **args)
        return opened
    return decorate


#: the console and its actions: this browser runs the event (403; 404 for an unknown event)
of_facilitator = _by_id(facilitated_event)
#: an organiser's page (after @login_required): the signed-in organiser owns the event (403)
of_organiser = _by_id(owned_event)
#: the big screen: this browser holds the projector link or runs the event (403)
of_projector = _by_id(projected_event)
#: the translator's page: this browser holds the translator's link or runs the event (403)
of_translator = _by_id(translated_event)
#: a page for anyone with the join code: the route gets `event`
of_event = _by_code()
#: a guest's page and posts: `event, participant`; a phone that has not joined yet goes to the join page first
of_guest = _by_code(participant_or_join)
#: a page's background refresh: `event, participant`; a phone that never joined gets 403 (nothing to refresh)
of_phone = _by_code(participant_or_403)
