"""Why a post should wait for the facilitator: abusive words, personal data, or pre-moderation. Plain
functions, used for every text a guest writes.

Each detector returns a short reason code or None. They err on the side of letting ordinary
sentences through: a year (2025), an age ("10 jaar") or a count is not a phone number.
"""
import re
import unicodedata
from functools import cache
from pathlib import Path

from flask import current_app, has_app_context

from ..config import LANGUAGES
from ..enums import HoldReason, ModerationMode

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
def _list(name: str) -> frozenset[str]:
    path = WORDS / f"{name}.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def abusive_words(language: str) -> frozenset[str]:
    return _list(language)


def _tokens(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.findall(r"[a-z0-9]+", folded)


def _languages():
    """The configured languages (the command line and plain unit tests use the default list)."""
    return current_app.config["LANGUAGES"] if has_app_context() else LANGUAGES


def _words(text: str) -> set[str]:
    return set(_tokens(text))


# --- illnesses used as curses -------------------------------------------------------------------------
# "kanker" is a diagnosis before it is a curse: a dream about cancer care is never held for the word.
# The curse is in what is around it: a compound (kankerlijer), a wish (krijg de tering, I hope you get
# cancer), a dismissal (kanker op!), or the word thrown at someone (jij tyfus, wat een kanker idee).

_CURSES = "|".join(sorted(_list("care_nl") | {"pest"}, key=len, reverse=True))
#: words after "wat een kanker ..." that show the illness is meant, not a curse
_PLAIN_AFTER = frozenset("""is was en of die dat he toch zeg ook om voor bij in met op aan na tijdens
    geweest gehad heeft hebben had doet deed kan kon wordt werd betekent aanricht maakt maakte raakt
    verandert vraagt kost""".split())
_PHRASES = [
    # krijg de tering / krijg toch de kanker / krijg nou de pest / krijgen jullie de tyfus
    re.compile(rf"\bkrijg(?:en)?(?: (?:jij|jullie|je|nou|toch|maar|lekker|allemaal|de|het|een|n|maar))* (?:{_CURSES})\b"),
    # kanker op! / tyfus op met je gezeik / tering op man
    re.compile(rf"\b(?:{_CURSES}) (?:nou |toch |maar |effe |even )?op(?: (?:man|jij|joh|nou|met|en|jongen|gast|je|jullie|hier|dan)\b|$)"),
    # loop naar de pest / ga naar de tering / val dood aan de kanker
    re.compile(rf"\b(?:loop|ga|val|lazer|rot|donder) (?:toch |maar |nou )?(?:naar|aan) de (?:{_CURSES})\b"),
    # jij tyfus / jullie kankers / je bent een kanker / wat ben jij een tering
    re.compile(rf"\b(?:jij|jullie|je bent een|ben jij een|bent een|jij bent een|wat ben jij een|stelletje) (?:vuile |vieze |stomme )?(?:{_CURSES})s?\b"),
    # ik hoop dat je kanker krijgt / wens dat jullie de tyfus krijgen (not: dat je nooit kanker krijgt)
    re.compile(rf"\b(?:hoop|hopen|wens|wensen)(?: ik| we)? dat (?:je|jij|jullie|u|hij|zij|ze)(?: \w+){{0,3}} (?:{_CURSES}|aids|corona|ebola) (?:\w+ )?krijg"),
    # English: I hope you get cancer / get cancer and die / die of cancer, you ...
    re.compile(r"\b(?:hope|wish) (?:you|u|he|she|they|you all)(?: \w+){0,2} (?:get|gets|catch|catches|die of|dies of|rot with) (?:cancer|aids|the plague|ebola|covid)\b"),
    re.compile(r"\b(?:get|go get|catch) (?:cancer|aids|the plague) and die\b"),
]
#: "ik hoop dat je nooit kanker krijgt" is a kind wish
_NEGATION = re.compile(r"\b(?:nooit|geen|niet|never|not|no)\b")
_WHAT_A = re.compile(rf"\bwat een (?:{_CURSES}) (\w+)")


def _curse_compound(token: str) -> bool:
    """kankerlijer, tyfushoer, teringzooi, klerewijf: an illness glued to an insult."""
    for curse in _list("care_nl"):
        if token.startswith(curse) and len(token) > len(curse):
            rest = token[len(curse):]
            for part in (rest, rest[1:] if rest[0] in "se" else rest):
                if part in _list("insults_nl") or part in _list("nl") or part in _list("en") or part.rstrip("s") in _list("insults_nl"):
                    return True
    return False


def _illness_as_curse(tokens: list[str]) -> bool:
    if any(_curse_compound(token) for token in tokens):
        return True
    joined = " ".join(tokens)
    for phrase in _PHRASES:
        if any(not _NEGATION.search(match.group(0)) for match in phrase.finditer(joined)):
            return True
    return any(match.group(1) not in _PLAIN_AFTER for match in _WHAT_A.finditer(joined))


def _phrase_in(phrase: str, tokens: list[str]) -> bool:
    words = _tokens(phrase)
    return bool(words) and any(tokens[n:n + len(words)] == words for n in range(len(tokens) - len(words) + 1))


def hold_reason(text: str, held: frozenset[str] | set[str] = frozenset(),
                allowed: frozenset[str] | set[str] = frozenset()) -> HoldReason | None:
    """The first reason to hold this text, checked against Dutch and English lists, or None.

    `held` and `allowed` are an event's own words (or phrases): the organiser adds words that hold a
    post at this event, and takes words of our lists off for it.
    """
    if EMAIL.search(text):
        return HoldReason.email
    if iban(text):
        return HoldReason.iban
    if phone_number(text):
        return HoldReason.phone
    if address(text):
        return HoldReason.address
    tokens = _tokens(text)
    allowed = {" ".join(_tokens(word)) for word in allowed}
    listed = frozenset().union(*(abusive_words(language) for language in _languages())) - allowed
    if set(tokens) & listed or any(_phrase_in(word, tokens) for word in held):
        return HoldReason.abuse
    if _illness_as_curse(tokens) and not allowed & _list("care_nl"):
        return HoldReason.abuse
    return None


def event_hold_reason(text: str, event) -> HoldReason | None:
    """hold_reason with the event's own added and removed words."""
    return hold_reason(text, held=set(event.held_words or ()), allowed=set(event.allowed_words or ()))


def reason_to_hold(text: str, event) -> HoldReason | None:
    """Why this text from a guest waits for the facilitator at this event, or None to show it at once."""
    reason = event_hold_reason(text, event) if text else None
    if reason is None and text and event.moderation == ModerationMode.premoderated:
        return HoldReason.premoderation
    return reason
