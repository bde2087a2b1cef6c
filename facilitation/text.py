"""Typed text from phones and forms, made safe to store and show."""
import re
import unicodedata
from functools import lru_cache

import pyphen

from flask_babel import lazy_gettext as _l

from .errors import Refused


def clean_text(raw: str | None, max_length: int, keep_paragraphs: bool = False) -> str:
    """Normalise typed text: NFC, trimmed spaces, no invisible characters that change how it reads.

    Direction controls (U+202E and friends) and zero-width spaces are dropped: a post cannot turn the wall's
    text around, nor hide a word from the screening, and the words the guest typed are kept. The joiners
    Persian and emoji need (U+200C, U+200D) stay. Raises Refused for control characters a person cannot type.
    """
    text = unicodedata.normalize("NFC", without_noncharacters(raw or "")).translate(INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    for ch in text:
        if ch == "\n":
            continue
        category = unicodedata.category(ch)
        if category == "Cc":
            raise Refused(_l("The text contains invisible control characters. Please type it again."))
    # Dreams are sentences on a cloud: line breaks and runs of spaces become one space.
    # Longer texts (a report's introduction) keep their paragraphs: blank lines between them.
    if keep_paragraphs:
        paragraphs = (" ".join(part.split()) for part in re.split(r"\n\s*\n", text))
        text = "\n\n".join(part for part in paragraphs if part)
    else:
        text = " ".join(text.split())
    if len(text) > max_length:
        raise Refused(_l("That is too long: at most %(n)s characters, please.", n=max_length))
    return text


#: Characters that can flip the reading direction of the text after them.
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
#: ... and, with the zero-width space and the byte-order mark, what clean_text drops from typed text
INVISIBLE = dict.fromkeys(map(ord, BIDI_CONTROLS | {"\u200b", "\ufeff"}))


def is_noncharacter(ch: str) -> bool:
    """U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE, ...)."""
    code = ord(ch)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def without_noncharacters(text: str) -> str:
    """Drop noncharacters and lone surrogates: no reader of Word, Excel or XML accepts them."""
    return "".join(ch for ch in text if not (is_noncharacter(ch) or 0xD800 <= ord(ch) <= 0xDFFF))


def _xml_allowed(ch: str) -> bool:
    code = ord(ch)
    if code in (0x9, 0xA, 0xD):
        return True
    if code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF:
        return False
    return not is_noncharacter(ch)


def printable(text: str) -> str:
    """Text that any document format (docx, xlsx, pdf) can hold, whatever was stored in the past."""
    if all(_xml_allowed(ch) for ch in text):
        return text
    return "".join(ch for ch in text if _xml_allowed(ch))


def printable_all(value):
    """`printable` applied to every string in nested dicts, lists and tuples (a whole report)."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {key: printable_all(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(printable_all(item) for item in value)
    return value


#: a word this long may need to break on the big screen; shorter ones always fit a column
HYPHENATE_FROM = 10
SOFT_HYPHEN = "\u00ad"
_LONG_WORD = re.compile(r"\w{%d,}" % HYPHENATE_FROM)


@lru_cache(maxsize=16)
def _dictionary(language: str) -> pyphen.Pyphen | None:
    """None for a language without a hyphenation dictionary (Arabic and Farsi do not hyphenate)."""
    found = pyphen.language_fallback(language or "nl")
    return pyphen.Pyphen(lang=found) if found else None


def with_soft_hyphens(text: str, language: str = "nl") -> str:
    """Soft hyphens where the language's dictionary breaks a long word (vrij-wil-li-gers-werk): the big screen
    breaks a Dutch compound with a hyphen, which a browser without a Dutch dictionary cannot do alone."""
    words = _dictionary(language)
    if words is None:
        return text or ""
    return _LONG_WORD.sub(lambda match: words.inserted(match.group(), hyphen=SOFT_HYPHEN), text or "")
