"""Words of dreams, for the word cloud and the report's themes.

Stop words live in data files (one list per language), so a care organisation can add its own
filler words without touching code.
"""
import re
from collections import Counter
from functools import cache
from pathlib import Path

import snowballstemmer

from ..config import LANGUAGES

WORD = re.compile(r"[^\W\d_]{3,}")
#: Snowball's stemmers. For Dutch the classic algorithm: Snowball 3's "dutch" strips "ge" out of words
#: (gezondheid → "zon", gezin → "zin", begeleiding → "beleid"), which would tie unrelated words together;
#: the themes join "gepest" and "pesten" by their own rule
STEMMERS = {"nl": "dutch_porter", "en": "english"}


@cache
def stop_words() -> frozenset[str]:
    """The stop words of every language: dreams in a Dutch room are sometimes written in English."""
    words: set[str] = set()
    for lang in LANGUAGES:
        path = Path(__file__).with_name("stopwords") / f"{lang}.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                words.update(line.split())
    return frozenset(words)


@cache
def stemmer(language: str):
    """The stemmer that brings a word of this language back to its stem ("woningen", "woning": one word)."""
    return snowballstemmer.stemmer(STEMMERS.get(language, STEMMERS["nl"]))


def words(text: str) -> list[str]:
    """The meaningful words of a text, lower case, in order (stop words of every language left out)."""
    skip = stop_words()
    return [w for w in WORD.findall(text.lower()) if w not in skip]


def top_words(texts, limit: int = 40) -> list[tuple[str, int]]:
    """The most used words over some texts, with how often each is used, most used first."""
    counts = Counter()
    for text in texts:
        counts.update(words(text))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
