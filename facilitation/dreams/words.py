"""Words of dreams, for the word cloud and the report's themes.

Stop words live in data files (one list per language), so a care organisation can add its own
filler words without touching code. Words are brought back to their dictionary form by simplemma
("woningen" → woning, "ouderen" → oudere, "ouders" → ouder: two words, as they should be), and a
word written as a name in the evening's texts (a street, a neighbourhood, a person) is left out:
a theme or a word cloud says what the dreams are about, not where.
"""
import re
from collections import Counter
from functools import cache
from pathlib import Path

import simplemma
import snowballstemmer
from babel import Locale
from wordfreq import zipf_frequency

from ..config import LANGUAGES

WORD = re.compile(r"[^\W\d_]{3,}")
#: a word as written, with the characters before it (to see whether it starts a sentence)
WRITTEN = re.compile(r"(^|[.!?:;\u2013\u2014-]\s*|\s)([^\W\d_][^\W\d_'’-]*)")
#: endings of Dutch and Flemish place names: a word written with a capital and ending so is a place
PLACE_ENDINGS = ("straat", "steeg", "plein", "pleintje", "gracht", "kade", "laan", "weg", "dijk", "singel", "park",
                 "plantsoen", "plas", "meer", "dorp", "buurt", "wijk", "veld", "eiland", "eilanden", "haven", "markt",
                 "burg", "berg", "dam", "hof", "kwartier", "oord", "zijde", "brug", "poort", "bos")
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


def lemma(word: str, language: str) -> str:
    """A word's dictionary form ("kinderen" → kind, "houses" → house); unknown words stay as written."""
    return _lemma(word, language if language in ("nl", "en") else "nl")


@cache
def _lemma(word: str, language: str) -> str:
    return simplemma.lemmatize(word, lang=language).lower()


#: a compound's parts are words of at least these lengths (head, the part before it): "speel|pleintje"
COMPOUND_HEAD, COMPOUND_FRONT = 4, 3
#: the sounds Dutch puts between the parts of a compound ("vrijwilliger|s|werk", "kind|er|opvang")
LINKS = ("", "s", "e", "en", "er")
#: a part must be a word at least this common (Zipf scale, wordfreq): not a rare word that happens to fit
COMPOUND_ZIPF = 3.0
#: a compound this common is a word of its own, whatever it is made of ("onderwijs" is not about "wijs")
WHOLE_ZIPF = 4.5


@cache
def compound_parts(word: str, language: str) -> tuple[str, ...]:
    """The dictionary forms of the words a Dutch compound is made of, the head last ("basisschool" → basis,
    school; "sportactiviteit" → sport, activiteit), found with the longest head that leaves a known word
    in front; () for a word that is not such a compound (and for English, which writes its compounds apart)."""
    if language != "nl" or len(word) < COMPOUND_HEAD + COMPOUND_FRONT or zipf_frequency(word, "nl") >= WHOLE_ZIPF:
        return ()
    for cut in range(COMPOUND_FRONT, len(word) - COMPOUND_HEAD + 1):
        head = word[cut:]
        if not _part(head):
            continue
        front = word[:cut]
        for link in LINKS:
            stem = front[:len(front) - len(link)] if link else front
            if front.endswith(link) and len(stem) >= COMPOUND_FRONT and _part(stem):
                return lemma(stem, language), min(head, lemma(head, language), key=len)  # activiteiten: activiteit
    return ()


@cache
def _part(word: str) -> bool:
    return simplemma.is_known(word, lang="nl") and zipf_frequency(word, "nl") >= COMPOUND_ZIPF


def names(texts, language: str = "nl", places: tuple[str, ...] = ()) -> set[str]:
    """The words these texts write as names (lower case): with a capital inside a sentence more often than
    without ("in de Spuistraat", "Kickboxing club Noord") and, for a word in the dictionary, never without
    ("the Government" next to "the government" is a word); or a word the dictionary does not know, with a
    capital and a place name's ending ("Jodenbreestraat", not "speelplein"). A text with a capital on most of
    its words but the little ones (a title: "Drijvende Tuinen in de Stad") says nothing about which words
    are names. `places` (the venue, the town) are names wherever the texts write them."""
    language = language if language in ("nl", "en") else "nl"
    capital, small = Counter(), Counter()
    for text in texts:
        _count_capitals(text, language, capital, small)
    return {word for word, count in capital.items()
            if count > small[word] and (not small[word] or not simplemma.is_known(word, lang=language))
            and word not in _language_names(language)} | {word for place in places for word in words(place)}


def _count_capitals(text: str, language: str, capital: Counter, small: Counter) -> None:
    """Count, in one text, the words written with a capital inside a sentence and those without."""
    written = [(before, word) for before, word in WRITTEN.findall(text) if len(word) >= 3]
    titled = all(word[0].isupper() for _, word in written if word.lower() not in stop_words())
    for n, (before, word) in enumerate(written):
        low = word.lower()
        if _place_name(word, low, language):
            capital[low] += 100  # a place, whatever else the texts do with it
        if n == 0 or titled or before.strip():
            continue  # the first word of a text or a sentence, or a title: a capital says nothing
        (capital if word[0].isupper() else small)[low] += 1


def _place_name(word: str, low: str, language: str) -> bool:
    """"Jodenbreestraat", not "speelplein": a capital, a place name's ending, and not in the dictionary."""
    return (word[0].isupper() and low.endswith(PLACE_ENDINGS) and low not in PLACE_ENDINGS
            and not simplemma.is_known(low, lang=language))


@cache
def _language_names(language: str) -> frozenset[str]:
    """The names of languages in this language (Babel's CLDR data): written with a capital in Dutch and
    English, and still what a dream is about ("Nederlands leren"); one-word names only ("Oost-Fries" does not
    make "oost" a language)."""
    return frozenset(name.lower() for name in Locale(language).languages.values() if WORD.fullmatch(name.lower()))


def words(text: str) -> list[str]:
    """The meaningful words of a text, lower case, in order (stop words of every language left out)."""
    skip = stop_words()
    return [w for w in WORD.findall(text.lower()) if w not in skip]


def top_words(texts, limit: int = 40, language: str = "nl", places: tuple[str, ...] = ()) -> list[tuple[str, int]]:
    """The most used words over some texts, with how often each is used, most used first: the forms of one
    word counted together ("woning", "woningen") under the form written most, names and places left out
    (the way the themes count words)."""
    texts = list(texts)
    skip = names(texts, language, places)
    forms: dict[str, Counter] = {}
    for text in texts:
        for word in words(text):
            if word not in skip:
                forms.setdefault(lemma(word, language), Counter())[word] += 1
    top = [(min(written.items(), key=lambda item: (-item[1], item[0]))[0], written.total())
           for written in forms.values()]
    return sorted(top, key=lambda item: (-item[1], item[0]))[:limit]
