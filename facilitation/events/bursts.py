"""One person, many votes: a script that drops its cookie and joins again is a stream of new guests from one
address, far faster than the evening expects. Nothing is refused per address (a venue's phones share one):
every join gets in, posts and votes. But joins from one address beyond BURST_SHARE times the expected guests
within WINDOW make a burst. Its guests (every join from that address in that minute, and every later one
while the stream goes on) are not counted: their votes wait, and the guest count and the seating leave them
out, until the facilitator accepts the burst ("112 new guests from one address in a minute"). The design,
and what it costs, is written down in docs/reliability.md ("One person, many votes").

The database never holds an address, not even a digest (the join page promises it): who joined from which
address in the last minute is kept in this process's memory only (`_Streams`). Several processes sit behind
nginx's ip_hash, which sends one address to one process.
"""
import hmac
import math
import threading
from collections import deque
from datetime import datetime, timedelta

from flask import current_app

from ..extensions import db
from ..live import broadcast
from .models import BurstDecision, Event, JoinBurst, Participant

#: the moment a burst is judged over
WINDOW = timedelta(minutes=1)
#: joins from one address in WINDOW beyond this share of the expected guests make a burst: generous, so a
#: whole hall scanning the QR code behind one Wi-Fi address in the same minute stays well below it
BURST_SHARE = 1.5
#: ... and never fewer than this
BURST_FLOOR = 40
#: the expected guests of an evening whose organiser did not say
DEFAULT_EXPECTED = 100

_recounts = []


def recounts(function):
    """Register a feature's recount of the vote totals it keeps on its rows (hearts on a dream, votes on a
    contribution or a question), run for an event whenever guests stop or start counting."""
    _recounts.append(function)
    return function


def address_key(address: str) -> str:
    """A keyed digest of a join's address, so even the memory of recent joins holds no address."""
    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, f"join-address:{address}".encode(), "sha256").hexdigest()[:16]


def threshold(event: Event) -> int:
    return max(BURST_FLOOR, math.ceil(BURST_SHARE * (event.expected_guests or DEFAULT_EXPECTED)))


class _Streams:
    """The guests who joined from each address in the last minute, and the burst an address's stream is in:
    memory of this process only, per app."""

    def __init__(self):
        self.lock = threading.Lock()
        self.joins: dict[tuple[int, str], deque] = {}
        self.bursts: dict[tuple[int, str], int] = {}
        self.added = 0

    def add(self, event_id: int, key: str, participant_id: int, now: datetime) -> list[int]:
        """Note a join; returns the guests of that address in the window, this one included."""
        since = now - WINDOW
        with self.lock:
            self.added += 1
            if self.added % 200 == 0:  # now and then, the addresses that went quiet are forgotten
                for stream_key in [k for k, stream in self.joins.items() if stream[-1][0] < since]:
                    del self.joins[stream_key]
                    self.bursts.pop(stream_key, None)
            stream = self.joins.setdefault((event_id, key), deque())
            while stream and stream[0][0] < since:
                stream.popleft()
            stream.append((now, participant_id))
            return [joined for _, joined in stream]


def _streams() -> _Streams:
    return current_app.extensions.setdefault("join_streams", _Streams())


def note_join(participant: Participant, key: str, now: datetime) -> JoinBurst | None:
    """Place a guest who just joined from the address with this key: counted, or in its address's burst."""
    event, streams = participant.event, _streams()
    recent = streams.add(event.id, key, participant.id, now)
    if len(recent) <= threshold(event):
        return None
    pending = db.select(JoinBurst.id).where(JoinBurst.event_id == event.id,
                                            JoinBurst.decision == BurstDecision.pending)
    # guests the facilitator already answered for (an accepted or ignored burst) are not judged again
    undecided = db.session.scalar(db.select(db.func.count(Participant.id)).where(
        Participant.id.in_(recent), Participant.join_burst_id.is_(None) | Participant.join_burst_id.in_(pending)))
    if undecided <= threshold(event):
        return None
    burst_id = streams.bursts.get((event.id, key))
    burst = db.session.get(JoinBurst, burst_id) if burst_id else None
    if burst is None or burst.decision is not BurstDecision.pending or burst.last_join_at < now - WINDOW:
        burst = JoinBurst(event_id=event.id, started_at=now, last_join_at=now)
        db.session.add(burst)
        db.session.flush()
        streams.bursts[(event.id, key)] = burst.id
        broadcast.panels(event, "moderation")
    burst.last_join_at = now
    # the whole stream is the burst, also the joins before it crossed the line (they may have voted already)
    swept = db.session.execute(db.update(Participant).where(
        Participant.id.in_(recent), Participant.join_burst_id.is_(None))
        .values(counted=False, join_burst_id=burst.id).execution_options(synchronize_session="fetch"))
    if swept.rowcount > 1:  # more than the guest who just joined, who voted nothing yet
        _recount(event)
    return burst


def decide(burst: JoinBurst, accept: bool) -> int:
    """The facilitator's answer: accepted guests count from now on (their votes too); ignored ones keep taking
    part uncounted. Either can be changed later. Returns how many guests it concerns."""
    burst.decision = BurstDecision.accepted if accept else BurstDecision.ignored
    changed = db.session.execute(db.update(Participant).where(Participant.join_burst_id == burst.id)
                                 .values(counted=accept).execution_options(synchronize_session="fetch"))
    event = db.session.get(Event, burst.event_id)
    _recount(event)
    return changed.rowcount


def _recount(event: Event) -> None:
    db.session.flush()
    for recount in _recounts:
        recount(event)
    broadcast.stage_changed(event)
