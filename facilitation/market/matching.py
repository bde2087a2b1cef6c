"""Who may help whom: an offer and a need are proposed to each other when they share the rubric or words.

The rule, so a guest can see why: the words of both posts are reduced as the themes do it (stop words
out, Snowball stems; the event's own title and town out), and a pair scores one point per shared word
and two for the same rubric. A word most posts use ("buurt" at a neighbourhood evening) does not count.
A pair needs at least one shared word, or the same rubric when that rubric is specific (not "anders").
The explanation names the shared words as the guests wrote them ("both mention: taalles, vrijwilligers").
A proposal is never between one person's own posts, never with a withdrawn or unseen post.

Stems are computed once, when a post is stored, so proposals for a new post cost one query and a set
intersection per post of the other kind (bench/market.py measures it).
"""
import re
from collections import Counter
from dataclasses import dataclass

from ..dreams.words import stemmer, words
from ..extensions import db
from ..review import Review
from .models import MarketPost, PostKind

#: a rubric that says nothing about what is asked: the same rubric alone proposes nothing
VAGUE_RUBRICS = {"anders"}
PROPOSALS = 5
RUBRIC_POINTS = 2
#: a word at least this many posts of the other kind use, and more than one in COMMON_SHARE of them, explains nothing
COMMON_FROM = 3
COMMON_SHARE = 3
#: words that only say that something is offered or asked: every post has them, they match nothing
MARKET_STOP_WORDS = frozenset("""
    zoek zoeken zoekt bied bieden biedt aanbod vraag vragen geef geven geeft help helpen helpt hulp
    kan kun kunnen wil willen graag iemand mensen nodig
    offer offering offers look looking need needs give giving help helping can could someone people want
""".split())


def stems_of(text: str, language: str, ignore: frozenset[str] = frozenset()) -> dict[str, str]:
    """The text's stems, each with the word as written (the first time); `ignore`: stems that say nothing here
    (the town and the event's own name: at "Beursvloer Cuijk" every other post says "Cuijk")."""
    tokens = [token for token in words(text) if token not in MARKET_STOP_WORDS]
    found: dict[str, str] = {}
    for stem, token in zip(stemmer(language).stemWords(tokens), tokens):
        if stem not in ignore:
            found.setdefault(stem, _as_written(token, text))
    return found


def _as_written(token: str, text: str) -> str:
    """The word with the capitals its author used ("Cuijk", not "cuijk")."""
    found = re.search(rf"\b{re.escape(token)}\b", text, re.IGNORECASE)
    return found.group(0) if found else token


def event_words(event) -> frozenset[str]:
    """The stems of the event's title and venue: shared by everyone, they explain no match."""
    return frozenset(stems_of(f"{event.title} {event.venue}", event.language))


@dataclass(frozen=True)
class Proposal:
    post: MarketPost
    score: int
    #: the words both posts use, as this post's author wrote them... and the other post's author
    shared: tuple[str, ...]
    same_rubric: bool


def score(one: set[str], other: set[str], same_rubric: bool) -> tuple[int, set[str]]:
    """One point per shared word, two for the same rubric (a room asked and a room offered belong together
    more than two posts that both mention Tuesday)."""
    shared = one & other
    return len(shared) + RUBRIC_POINTS * int(same_rubric), shared


def proposals(post: MarketPost, candidates: list[MarketPost], language: str, limit: int = PROPOSALS) -> list[Proposal]:
    """The best `limit` posts of the other kind for `post`, best first (more shared words, then newer)."""
    if post.withdrawn or post.review is not Review.visible:
        return []
    own = set(post.stems.split())
    # a word most posts use ("buurt" at a neighbourhood evening) explains nothing either
    used = Counter(stem for other in candidates for stem in set(other.stems.split()))
    common = {stem for stem, n in used.items() if n >= COMMON_FROM and n * COMMON_SHARE > len(candidates)}
    own -= common
    found = []
    for other in candidates:
        if (other.kind is post.kind or other.participant_id == post.participant_id or other.withdrawn
                or other.review is not Review.visible or other.event_id != post.event_id):
            continue
        same = other.rubric == post.rubric and post.rubric not in VAGUE_RUBRICS
        points, shared = score(own, set(other.stems.split()), same)
        if shared or same:
            found.append((points, other, shared, same))
    found.sort(key=lambda item: (-item[0], -item[1].id))
    best = []
    for points, other, shared, same in found[:limit]:  # the words as written, only for the ones shown
        written = stems_of(other.text, language)
        best.append(Proposal(other, points, tuple(sorted(written.get(stem, stem) for stem in shared)), same))
    return best


def candidates_for(post: MarketPost) -> list[MarketPost]:
    """Every post of the other kind in the event that may match: visible, not withdrawn, someone else's."""
    other = PostKind.need if post.kind is PostKind.offer else PostKind.offer
    return list(db.session.scalars(db.select(MarketPost).where(
        MarketPost.event_id == post.event_id, MarketPost.kind == other, MarketPost.withdrawn.is_(False),
        MarketPost.review == Review.visible, MarketPost.participant_id != post.participant_id)))
