"""Why a post should wait for the facilitator: abusive words or personal data. Plain functions.

Each detector returns a short reason code or None. They err on the side of letting ordinary
sentences through: a year (2025), an age ("10 jaar") or a count is not a phone number.
"""
import re
import unicodedata
from functools import cache
from pathlib import Path

from flask import current_app, has_app_context

from ..config import LANGUAGES
from ..enums import HoldReason

WORDS = Path(__file__).parent / "words"

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", re.UNICODE)
# a run of digits with the separators people type in phone numbers
PHONE_CANDIDATE = re.compile(r"(?<![\w+])(\+|00)?\d[\d \-./()]{7,}\d(?!\w)")
IBAN = re.compile(r"\b([A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?)\b", re.IGNORECASE)
# Dutch postcode (1234 AB) with a house number before or after it
NL_ADDRESS = re.compile(r"\b[1-9]\d{3}\s?[A-Z]{2}\b(?=.{0,40}\b\d{1,5}\b)|\b\d{1,5}[a-z]?\s*,?\s*[1-9]\d{3}\s?[A-Z]{2}\b")
# Belgian address: a street with a house number, then a four-digit postcode and a town
BE_ADDRESS = re.compile(r"\b\w+(straat|laan|weg|plein|dreef|steenweg|lei|baan)\s+\d{1,5}[a-z]?\b.{0,5}\b[1-9]\d{3}\s+[A-Z]",
                        re.IGNORECASE)


def phone_number(text: str) -> bool:
    for match in PHONE_CANDIDATE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        international = match.group(0).startswith(("+", "00"))
        if international and 10 <= len(digits) <= 15:
            return True
        if digits.startswith("0") and len(digits) in (9, 10):
            return True
    return False


def iban(text: str) -> bool:
    for match in IBAN.finditer(text):
        compact = match.group(1).replace(" ", "").upper()
        if 15 <= len(compact) <= 34 and _mod97(compact) == 1:
            return True
    return False


def _mod97(iban_code: str) -> int:
    rearranged = iban_code[4:] + iban_code[:4]
    digits = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(digits) % 97


def address(text: str) -> bool:
    return bool(NL_ADDRESS.search(text) or BE_ADDRESS.search(text))


@cache
def abusive_words(language: str) -> frozenset[str]:
    path = WORDS / f"{language}.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def _words(text: str) -> set[str]:
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return set(re.findall(r"[a-z0-9]+", folded))


def _languages():
    """The configured languages (the command line and plain unit tests use the default list)."""
    return current_app.config["LANGUAGES"] if has_app_context() else LANGUAGES


def hold_reason(text: str) -> HoldReason | None:
    """The first reason to hold this text, checked against Dutch and English lists, or None."""
    if EMAIL.search(text):
        return HoldReason.email
    if iban(text):
        return HoldReason.iban
    if phone_number(text):
        return HoldReason.phone
    if address(text):
        return HoldReason.address
    words = _words(text)
    if any(words & abusive_words(language) for language in _languages()):
        return HoldReason.abuse
    return None
