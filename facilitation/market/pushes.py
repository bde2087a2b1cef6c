"""What the room hears when the market changes. Called inside an action; sent after its commit.

Phones get only a signal ("market:changed") and fetch their own market part over HTTP with their own
cookie: no name, text or contact detail ever travels over the socket.
"""
from ..live import rooms
from ..live.broadcast import everyone, panels, stage_changed
from ..live.transport import push
from ..programme import pushes as programme_pushes
from .matching import candidates_for, proposals
from .queries import people_connected_with


def _tell(participant_ids) -> None:
    ids = sorted(set(participant_ids))
    if ids:
        push("market:changed", {}, to=[rooms.participant(pid) for pid in ids])


def people_of(market_post) -> set[int]:
    """Everyone connected with a post: they hear when it is taken back."""
    return set() if market_post is None else people_connected_with(market_post)


def market_changed(event, market_post, affected: set[int] | None = None) -> None:
    """A post arrived or went: the big screen, the consoles, the author, and the authors it may help."""
    stage_changed(event)
    panels(event, "market", "moderation")
    if market_post is None:
        return
    told = {market_post.participant_id} | (affected or set())
    if market_post.visible and not market_post.withdrawn:
        # the people for whom this post is one of the best proposals: their lists change
        told |= {p.post.participant_id for p in proposals(market_post, candidates_for(market_post), event.language)}
    _tell(told)


def connection_changed(event, connection, sealed: bool = False) -> None:
    """Both sides of a connection see its new state; the room's counter moves on a match or a seal."""
    _tell([connection.helper_id, connection.asker_id])
    panels(event, "market")
    if connection.matched or sealed or connection.withdrawn_at:
        stage_changed(event, fresh=sealed)


def opened_or_closed(event) -> None:
    """Every phone's "now" bar gets (or loses) the way to the market, an open market page its buttons;
    the big screen and consoles follow."""
    programme_pushes.now_changed(event)
    push("market:changed", {}, to=everyone(event))
    market_changed(event, None)
