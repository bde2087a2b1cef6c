"""Why a post should wait for the facilitator: personal data (personal.py), harm (harm.py: threats, hate,
slurs, insults aimed at someone), illnesses used as curses, or pre-moderation. Plain functions, used for
every text a guest writes.

Each detector returns a short reason code or None. They err on the side of letting ordinary
sentences through: a year (2025), an age ("10 jaar") or a count is not a phone number, "kanker" is a
diagnosis, and counter-speech quotes what it objects to.
"""
import re
import unicodedata
from functools import cache
from pathlib import Path

from ..enums import HoldReason, ModerationMode
from ..written import SCREENED
from . import lexicon as L
from .harm import counter_speech, harm
from .personal import address, bsn, email, iban, phone_number

WORDS = Path(__file__).parent / "words"
#: what an illness glued to a word makes an insult of (kanker+lijer, tyfus+hoer)
INSULTING = L.INSULTS | L.SLURS | L.HOMONYM_SLURS


@cache
def _list(name: str) -> frozenset[str]:
    path = WORDS / f"{name}.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def _tokens(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.findall(r"[a-z0-9]+", folded)


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
                if part in _list("insults_nl") or part.rstrip("s") in _list("insults_nl") or part in INSULTING:
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
    """The first reason to hold this text, or None.

    `held` and `allowed` are an event's own words (or phrases): the organiser adds words that hold a
    post at this event, and takes words of our lists off for it.
    """
    if email(text):
        return HoldReason.email
    if iban(text):
        return HoldReason.iban
    if phone_number(text):
        return HoldReason.phone
    if bsn(text):
        return HoldReason.bsn
    if address(text):
        return HoldReason.address
    tokens = _tokens(text)
    if any(_phrase_in(word, tokens) for word in held):
        return HoldReason.abuse
    allowed = frozenset(" ".join(_tokens(word)) for word in allowed)
    if _illness_as_curse(tokens) and not allowed & _list("care_nl") and not counter_speech(text):
        return HoldReason.abuse
    return harm(text, allowed)


def event_hold_reason(text: str, event) -> HoldReason | None:
    """hold_reason with the event's own added and removed words."""
    return hold_reason(text, held=set(event.held_words or ()), allowed=set(event.allowed_words or ()))


def reason_to_hold(text: str, event, language: str | None = None) -> HoldReason | None:
    """Why this text from a guest waits for the facilitator at this event, or None to show it at once.

    `language`: what it is written in (facilitation.written). Personal data is found in any language; the
    words and rules of harm only in Dutch and English, so a text in another language waits unless the event
    lets such texts through.
    """
    reason = event_hold_reason(text, event) if text else None
    if reason is None and text and event.moderation == ModerationMode.premoderated:
        return HoldReason.premoderation
    if (reason is None and language is not None and language not in SCREENED
            and not event.unchecked_languages_pass):
        return HoldReason.unchecked_language
    return reason
