"""Typed text from phones and forms, made safe to store and show."""
import re
import unicodedata

from flask_babel import lazy_gettext as _l

from .errors import Refused


def clean_text(raw: str | None, max_length: int, keep_paragraphs: bool = False) -> str:
    """Normalise typed text: NFC, no control or bidi-override characters, trimmed spaces.

    Raises Refused when the text holds control characters a person cannot type.
    """
    text = unicodedata.normalize("NFC", raw or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    for ch in text:
        if ch == "\n":
            continue
        category = unicodedata.category(ch)
        if category == "Cc" or ch in BIDI_CONTROLS:
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
