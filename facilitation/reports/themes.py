"""Themes in the dreams, found so that anyone can see why a dream is in a theme.

The rule, in words: leave out the stop words, reduce the other words to their stem (Snowball),
and let a Dutch compound count for the shorter stem it starts with ("buurthuis" counts for
"buurt"). Then, again and again, take the stem that the most dreams not yet in a theme share;
those dreams form a theme named after that word. Stop when no stem is shared by enough dreams;
what is left is "other dreams". The organiser can rename and merge themes afterwards.
"""
from collections import Counter
from dataclasses import dataclass, field

import snowballstemmer

from ..dreams.words import words

STEMMERS = {"nl": "dutch", "en": "english"}
MAX_THEMES = 10
#: a compound counts for a shorter stem only if that stem is at least this long
MIN_PREFIX = 5


@dataclass
class FoundTheme:
    #: the stem that holds the theme together
    key: str
    label: str
    #: the words, as people wrote them, that made a dream belong here
    words: list[str]
    dream_ids: list[int] = field(default_factory=list)


def minimum_size(dream_count: int) -> int:
    """How many dreams must share a word before it is a theme: 2 for a small room, more for a big one."""
    return max(2, dream_count // 25)


def _stems(dreams: list[tuple[int, str]], language: str) -> tuple[dict[int, set[str]], dict[str, Counter]]:
    stemmer = snowballstemmer.stemmer(STEMMERS.get(language, "dutch"))
    per_dream: dict[int, list[tuple[str, str]]] = {}
    for dream_id, text in dreams:
        tokens = words(text)
        per_dream[dream_id] = list(zip(stemmer.stemWords(tokens), tokens))
    known = {stem for pairs in per_dream.values() for stem, _ in pairs if len(stem) >= MIN_PREFIX}
    keys: dict[int, set[str]] = {}
    forms: dict[str, Counter] = {}
    for dream_id, pairs in per_dream.items():
        keys[dream_id] = set()
        for stem, word in pairs:
            for key in {stem} | {k for k in known if k != stem and stem.startswith(k)}:
                keys[dream_id].add(key)
                forms.setdefault(key, Counter())[word] += 1
    return keys, forms


def find_themes(dreams: list[tuple[int, str]], language: str = "nl",
                max_themes: int = MAX_THEMES) -> tuple[list[FoundTheme], list[int]]:
    """Group (id, text) dreams into themes; returns the themes and the ids left over."""
    keys, forms = _stems(dreams, language)
    least = minimum_size(len(dreams))
    left = [dream_id for dream_id, _ in dreams]
    themes: list[FoundTheme] = []
    while left and len(themes) < max_themes:
        shared = Counter(key for dream_id in left for key in keys[dream_id])
        if not shared:
            break
        # most dreams first; then the longer (more specific) word; then alphabetical, so it is repeatable
        key, count = min(shared.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))
        if count < least:
            break
        members = [dream_id for dream_id in left if key in keys[dream_id]]
        themes.append(_theme(key, members, keys, forms))
        left = [dream_id for dream_id in left if dream_id not in set(members)]
    return themes, left


def _theme(key: str, members: list[int], keys: dict[int, set[str]], forms: dict[str, Counter]) -> FoundTheme:
    """Name a theme after its word, and after a second word when most of its dreams share that too."""
    main = forms[key].most_common(1)[0][0]
    label = main.capitalize()
    related = {key} | {k for dream_id in members for k in keys[dream_id] if k.startswith(key) or key.startswith(k)}
    companions = Counter(k for dream_id in members for k in keys[dream_id] if k not in related)
    if companions:
        second, together = min(companions.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))
        if together >= max(3, -(-2 * len(members) // 3)):  # at least 3, and two thirds of the theme
            label = f"{label} & {forms[second].most_common(1)[0][0]}"
    return FoundTheme(key=key, label=label, words=[w for w, _ in forms[key].most_common(5)], dream_ids=members)
