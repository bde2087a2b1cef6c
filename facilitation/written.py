"""Which language a guest wrote in.

Guests write in their own language: a newcomer's dream in Arabic stays in Arabic on the wall. The screening
reads Dutch and English only, so a post in another language waits for the facilitator (unless the event lets
such posts through), and the console and the report say which language each post is in.

lingua-language-detector reads short texts better than any n-gram list we could keep, but a two-word post can
fool it: where it is not sure, the language the guest reads in decides, provided the text is in that
language's script.
"""
import re
from functools import cache

from flask import has_request_context
from flask_babel import get_locale
from wordfreq import zipf_frequency

#: the languages the detector chooses between: the guest languages and those of the larger groups of
#: newcomers and labour migrants in the Netherlands and Flanders (ISO 639-1 codes)
DETECTED = ("nl", "en", "tr", "pl", "uk", "ar", "fa", "de", "fr", "es", "ru", "so")
#: what the screening's word lists and rules read
SCREENED = frozenset({"nl", "en"})
#: how sure lingua must be before its answer beats the guest's own language (lingua's confidence, 0..1)
SURE = 0.6
#: a word is an everyday word of a language from this wordfreq Zipf value on (about once per 3 million words)
KNOWN_ZIPF = 2.5
#: Tigrinya and Amharic are not among lingua's languages: Ethiopic script says Tigrinya at these evenings
SCRIPTS = {
    "arabic": re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "ethiopic": re.compile(r"[\u1200-\u137f]"),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
}
WORD = re.compile(r"[^\W\d_]{2,}")
SCRIPT_OF = {"ar": "arabic", "fa": "arabic", "uk": "cyrillic", "ru": "cyrillic", "ti": "ethiopic"}


@cache
def _detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder  # late: most processes never detect a language

    codes = [getattr(IsoCode639_1, code.upper()) for code in DETECTED]
    # the low-accuracy models: 50 MB and a quarter second to load instead of 470 MB and four seconds, and on
    # one-sentence dreams the same answers where it is sure (bench/text.py measures it on residents' texts)
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


def warm_up() -> None:
    """Load the detector when a server starts (a quarter of a second), so the evening's first post does not wait
    for it: at a steady two dreams a second that one late dream also made the next one join a batch."""
    _detector()


def script(text: str) -> str | None:
    """The script most of the letters are in."""
    counts = {name: len(pattern.findall(text)) for name, pattern in SCRIPTS.items()}
    name, count = max(counts.items(), key=lambda item: item[1])
    return name if count else None


def written_in(text: str, reader: str | None = None) -> str | None:
    """The language of `text`, or None when there is nothing to tell it by (emoji, a number, "ok").

    `reader`: the language the writer's phone shows; it decides where the detector is not sure and the text
    is in that language's script. Where neither is sure, None: the screening reads it as it reads Dutch.
    """
    letters = script(text)
    if letters is None:
        return None
    if letters == "ethiopic":
        return "ti"
    in_readers_script = reader is not None and SCRIPT_OF.get(reader, "latin") == letters
    # one word says little: "Tuin", "Gerda" or "Mohammed" reads as any language, so the reader's decides
    if len(WORD.findall(text)) >= 2:
        confidences = _detector().compute_language_confidence_values(text)
        if confidences and confidences[0].value >= SURE:
            guess = confidences[0].language.iso_code_639_1.name.lower()
            # ... unless more of its words are everyday words of the reader's language, or of one the screening
            # reads, than of the guess (the detector took residents' titles such as "Mobiele spiegels en een
            # Mobiele balletbar" for German)
            others = {*([reader] if in_readers_script else []), *(SCREENED if letters == "latin" else ())} - {guess}
            shares = {language: _known_share(text, language) for language in sorted(others)}
            if shares and max(shares.values()) > _known_share(text, guess):
                return max(shares, key=shares.get)
            return guess
    if in_readers_script:
        return reader
    if letters != "latin":
        # not in Dutch or English whatever it says: lingua's best guess among the languages of its script
        confidences = _detector().compute_language_confidence_values(text)
        return confidences[0].language.iso_code_639_1.name.lower() if confidences else None
    return None


def _known_share(text: str, language: str) -> float:
    """The share of the words that are everyday words of the language."""
    words = [word.lower() for word in WORD.findall(text)]
    return sum(zipf_frequency(word, language) >= KNOWN_ZIPF for word in words) / len(words) if words else 0.0


def reader_language() -> str | None:
    """The language of the page the text was sent from: the guest's own (None outside a request)."""
    return str(get_locale()) if has_request_context() else None
