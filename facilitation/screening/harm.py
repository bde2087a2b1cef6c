"""Harm in a guest's words: threats, dehumanisation, derogation of a group, slurs and insults aimed at
someone, while counter-speech, negation, a reclaimed self-description, a homonym, swearing at no one and
care words pass (issue 28).

A word alone decides little. The text is read as sentences and clauses of normalised words (leetspeak,
s p a c e d letters, doubled, swapped or missing letters and run-together words undone, with wordfreq
telling a real word from a disguised one); a post is held when a harmful predicate (lexicon.py) has a
target in the same sentence: a protected group, "you", or "them" once a group was named.
"""
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from ..enums import HoldReason
from . import lexicon as L

ZERO_WIDTH = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
#: n i k k e r, n.i.k.k.e.r, n-i-k-k-e-r: letters one by one
SPACED = re.compile(r"(?<!\w)(?:[^\W\d_][ .\-*_]){2,}[^\W\d_](?!\w)")
SENTENCE_END = re.compile(r"[.!?;:]+(?=\s|$)|\n+")
QUOTES = re.compile(r"[\"“”„«»]([^\"“”„«»]+)[\"“”„«»]|(?<!\w)['‘’]([^'‘’]+)['‘’](?!\w)")
LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s",
                      "!": "i", "|": "i", "€": "e"})
#: words between a copula and what it says ("zijn ze toch allemaal gewoon ...")
FILLERS = L._words("""
    allemaal alle altijd zo echt gewoon heel erg ontzettend toch nou eenmaal gewoonweg compleet totaal
    volledig ook net een de het van nature stuk voor beetje nogal behoorlijk super mega extreem zeer
    hartstikke knettergek nog steeds meestal vaak eigenlijk stiekem wel eens gewoonweg diep zulk zulke
    all so just really very always totally completely such
    a an the simply inherently naturally still mostly often zon fucking fking
""")
#: a modal or first person that turns violence into a threat or a call for it
THREAT_FRAME = L._words("""
    ik we wij ikke moeten moet zouden zou mogen mag laten laat gaan ga zal zullen wil willen wel
    tijd verdienen verdient iemand oplossing horen hoort droom mooi wie
    i we im ill should must will gonna wanna want lets ought need deserve deserves time
""")
#: "ik haat het als ...": hating a situation, not people
SITUATION = L._words("het dat als wanneer hoe dit it when that how this")
DETERMINERS = L._words("de die een elke iedere alle eerste volgende deze zon geen the a an every each any")
#: what follows a noun rather than an adjective ("de zwarte die ...", "een jood is ...")
ENDS_A_NOUN = L._words(", die dat is zijn was moet moeten mag kan wil en of van in op aan met bij who that is was and")
VIOLENT_PHRASES = (("in", "elkaar", "slaan"), ("in", "elkaar", "trappen"), ("in", "elkaar", "schoppen"),
                   ("in", "elkaar", "geslagen"), ("in", "elkaar", "sloeg"), ("pijn", "doen"), ("een", "mes", "in"),
                   ("op", "hun", "bek"), ("op", "de", "bek"), ("op", "hun", "smoel"), ("in", "de", "fik"),
                   ("in", "brand"), ("een", "lesje"), ("kopje", "kleiner"), ("aan", "een", "boom"),
                   ("aan", "de", "lantaarnpalen"), ("aan", "de", "lantaarnpaal"), ("niet", "meer", "ademt"),
                   ("niet", "meer", "ademen"), ("niet", "meer", "rechtstaan"), ("uit", "hun", "rolstoel"),
                   ("bont", "en", "blauw"), ("de", "straat", "uit"), ("in", "mekaar"), ("de", "nek", "omdraaien"),
                   ("de", "keel", "doorsnijden"), ("levend", "begraven"), ("levend", "verbranden"), ("beat", "up"),
                   ("wipe", "out"))


@dataclass
class Word:
    text: str
    kinds: set[str] = field(default_factory=set)

    def __repr__(self):
        return f"{self.text}{sorted(self.kinds)}"


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _squeeze(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


def _deletes(word: str) -> set[str]:
    return {word[:n] + word[n + 1:] for n in range(len(word))}


@cache
def _known(word: str) -> bool:
    """A real Dutch or English word (then it is no disguised slur, whatever it looks like)."""
    from wordfreq import zipf_frequency  # late: loading it costs a second at every start of the app

    return max(zipf_frequency(word, "nl"), zipf_frequency(word, "en")) >= 1.0


@cache
def _vocabulary() -> frozenset[str]:
    """Words to cut a run-together text into ("ikhaatmoslims"), with the words we look for."""
    from wordfreq import top_n_list  # late: loading it costs a second at every start of the app

    words = {w for w in top_n_list("nl", 40000) + top_n_list("en", 25000) if w.isalpha() and len(w) > 1}
    return frozenset(words | {"ik", "je", "u"} | L.GROUPS | L.SLURS | L.HOMONYM_SLURS | L.INSULTS
                     | L.DEHUMANISING | L.DEROGATORY | L.HATRED | L.VIOLENCE)


#: what a word can be, by list; fuzzy matching only for these (a misspelt "of" is nothing)
LISTS = {
    "group": L.GROUPS, "slur": L.SLURS, "homonym": L.HOMONYM_SLURS, "insult": L.INSULTS,
    "strong": L.STRONG_INSULTS, "dehum": L.DEHUMANISING, "derog": L.DEROGATORY, "hatred": L.HATRED,
    "violence": L.VIOLENCE,
}
FUZZY = ("group", "slur", "strong", "dehum")
SIMPLE = {
    "you": L.YOU, "them": L.THEM, "copula": L.COPULAS, "negator": L.NEGATORS, "break": L.CLAUSE_BREAKS,
    "derog_noun": L.DEROGATORY_NOUNS, "sick": L.SICKENED, "profanity": L.PROFANITY, "bad": L.BAD,
    "reporting": L.REPORTING, "disapproval": L.DISAPPROVAL, "self": L.SELF, "filler": FILLERS,
    "frame": THREAT_FRAME, "adjective": L.INSULTING_ADJECTIVES, "group_adjective": L.GROUP_ADJECTIVES,
    "people": L.PEOPLE,
}


@cache
def _fuzzy_index() -> dict[str, dict[str, str]]:
    """For each fuzzy list: squeezed forms and one-letter deletions, to the word they come from."""
    index = {}
    for kind in FUZZY:
        table = {}
        for word in LISTS[kind]:
            table.setdefault(_squeeze(word), word)
            if len(word) >= 5:
                for deleted in _deletes(word):
                    table.setdefault(deleted, word)
        index[kind] = table
    return index


@cache
def classify(word: str) -> frozenset[str]:
    kinds = {kind for kind, words in {**LISTS, **SIMPLE}.items() if word in words}
    if word.startswith(("haat", "hate")) and len(word) > 6:
        kinds.add("reporting")  # haatberichten, haatzaaien, hatespeech: words about hate, not hate
    if not kinds and len(word) >= 4 and word.isalpha() and not _known(word):
        # a disguised word: doubled letters (fliikkkers), one letter swapped, missing or added (nikekr)
        for kind in FUZZY:
            table = _fuzzy_index()[kind]
            for form in (_squeeze(word), word, *_deletes(word)):
                match = table.get(form)
                if match and (len(match) >= 5 or form == _squeeze(word)):
                    kinds.add(kind)
                    break
    return frozenset(kinds)


def _compound(word: str) -> list[str] | None:
    """kutidee, kankerlijer, moslimtuig, ikhaatmoslims: the parts of a word glued together, or None."""
    if _known(word) and not word.startswith(L.INSULTING_PREFIXES):
        return None
    for prefix in L.INSULTING_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            rest = word[len(prefix):]
            for part in (rest, rest[1:] if rest[0] in "se" else rest):
                if part in L.PLAIN_AFTER_PREFIX:
                    return None
                if classify(part) & {"group", "slur", "homonym", "insult", "bad", "people"}:
                    return [prefix, part]
    if len(word) >= 8 and not _known(word):
        return _segment(word)
    return None


def _segment(word: str) -> list[str] | None:
    """The fewest known words that make up a run-together word, if there are any."""
    vocabulary = _vocabulary()
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 20), end):
            piece = word[start:end]
            if best[start] is not None and (piece in vocabulary and (len(piece) > 1 or piece == "u")):
                candidate = best[start] + [piece]
                if best[end] is None or len(candidate) < len(best[end]):
                    best[end] = candidate
    parts = best[-1]
    return parts if parts and len(parts) > 1 and any(classify(p) & set(LISTS) for p in parts) else None


def _words_of(text: str) -> list[Word]:
    words = []
    for raw in text.split():
        comma = raw.rstrip(")]}\"'”’»").endswith(",")
        raw = raw.strip(".,;:?!()[]{}<>\"'“”‘’«»…*-_/\\")
        if not raw:
            continue
        if any(ch.isalpha() for ch in raw):
            raw = raw.translate(LEET)
        raw = raw.replace("'", "").replace("’", "")
        for piece in re.findall(r"[a-z0-9]+|,", raw):
            piece = re.sub(r"([a-z])\1{2,}", r"\1\1", piece)
            parts = _compound(piece)
            if parts and parts[0] in L.INSULTING_PREFIXES:
                kinds = classify(parts[1])
                if kinds & {"group", "slur", "homonym"}:
                    words.append(Word(piece, {"slur"}))
                elif kinds & {"insult", "bad", "people"}:
                    words.append(Word(piece, {"strong"}))
                else:
                    words.append(Word(piece, set(classify(piece))))
            elif parts:
                words.extend(Word(part, set(classify(part))) for part in parts)
            else:
                words.append(Word(piece, set(classify(piece))))
        if comma:
            words.append(Word(","))
    return words


def prepare(text: str) -> str:
    text = ZERO_WIDTH.sub("", unicodedata.normalize("NFKC", text)).lower()
    text = SPACED.sub(lambda m: re.sub(r"[ .\-*_]", "", m.group(0)), text)
    return _fold(text)


def _has(words: list[Word], phrase: tuple[str, ...]) -> int | None:
    """Where a phrase starts among the words, or None."""
    texts = [w.text for w in words]
    for n in range(len(texts) - len(phrase) + 1):
        if tuple(texts[n:n + len(phrase)]) == phrase:
            return n
    return None


def _mark_groups(words: list[Word]) -> None:
    """"zwarte mensen", "mensen met een beperking", "de zwarte die ...": groups of more than one word; and
    "het zijn ..." means "they are"."""
    for n, word in enumerate(words):
        following = words[n + 1] if n + 1 < len(words) else None
        if "group_adjective" in word.kinds:
            if following and "people" in following.kinds:
                following.kinds.add("group")
            elif n > 0 and words[n - 1].text in DETERMINERS and (not following or following.text in ENDS_A_NOUN):
                word.kinds.add("group")  # the adjective stands for the person: "de eerste zwarte die ..."
        if word.text == "het" and following and following.text in ("zijn", "waren"):
            word.kinds.add("them")
        if word.text in L.HOMONYM_PEOPLE and not (n > 0 and words[n - 1].text in L.POSSESSIVES):
            word.kinds.add("group")
    for phrase in L.GROUP_PHRASES:
        start = _has(words, phrase)
        if start is not None:
            words[start].kinds.add("group")


def _clauses(words: list[Word]) -> list[list[Word]]:
    clauses, current = [], []
    for word in words:
        if word.text == "," or "break" in word.kinds:
            if current:
                clauses.append(current)
            current = []
        else:
            current.append(word)
    return clauses + ([current] if current else [])


def _negated(clause: list[Word], start: int, end: int, skip: range = range(0)) -> bool:
    """A negator before the predicate in its clause, or right after it ("ik haat ze niet"); not in a
    rhetorical question ("waarom ... niet gewoon ...?", "vind je niet dat ...")."""
    texts = [w.text for w in clause]
    if texts[:1] == ["waarom"] or _has(clause, ("vind", "je", "niet")) is not None:
        return False
    for n, word in enumerate(clause[:min(len(clause), end + 3)]):
        if "negator" in word.kinds and n not in skip:
            return True
    return False


@dataclass
class Reading:
    """What a text says, sentence by sentence."""
    sentences: list[list[Word]]
    group_named: bool
    counter: bool


def _target(word: Word, group_named: bool, you: bool = True) -> bool:
    return bool(word.kinds & {"group", "slur"} or (group_named and "them" in word.kinds)
                or (you and "you" in word.kinds))


#: what may stand between "ik ben" and the word a person calls themselves
SELF_FILLERS = L._words("""een zon trotse trots echte zelf ook gewoon nou maar wel fiere blije oude jonge zelfbewuste
    vrolijke dikke gelukkige a an proud happy just also""")
SELF_STARTS = L._words("ben als wij we ons onze mezelf mijzelf elkaar am im as us our myself ourselves each")


def _reclaimed(sentence: list[Word], n: int) -> bool:
    """"ik ben een trotse flikker", "wij potten", "als nicht": a word a person uses of themselves."""
    m = n - 1
    while m >= 0 and sentence[m].text in SELF_FILLERS:
        m -= 1
    if m < 0:
        return False
    word = sentence[m].text
    if word == "ben" or word == "am":
        return m > 0 and sentence[m - 1].text in ("ik", "i") or m + 1 < len(sentence) and sentence[m + 1].text == "ik"
    if word in ("zijn", "are"):
        return m > 0 and sentence[m - 1].text in ("wij", "we")
    return word in SELF_STARTS


def _aimed(sentence: list[Word], n: int) -> bool:
    """Is the word at n thrown at someone: "jij ...", "je bent een (vuile) ...", "vuile ...", "... !" alone."""
    before = sentence[max(0, n - 6):n]
    if before and "adjective" in before[-1].kinds and before[-1].text not in L.PROFANITY - {"kut", "klote"}:
        return True
    if sentence[n].text in L.IDENTITY_HOMONYMS:
        return False  # "hij is homo" says who he is; only "vuile homo" is a slur
    if len(sentence) == 1:
        return True
    said = _said_to_someone(sentence, n, before)
    if said is not None:
        return said
    after = sentence[n + 1:n + 3]
    if n == 0 and after and (after[0].kinds & {"you"} or after[0].text == ","):
        return True  # "Sukkel, jij ..."
    if before and before[-1].text == "," and n == len(sentence) - 1:
        return True  # "Ga weg, sukkel."
    # "wat een ... is dat", "wat een ... ben jij"
    return len(before) >= 2 and before[-1].text in ("een", "a") and before[-2].text in ("wat", "what") and (
        bool(after) and "copula" in after[0].kinds)


def _said_to_someone(sentence: list[Word], n: int, before: list[Word]) -> bool | None:
    """Looking back from the word past fillers and adjectives: "jij" (True), or "jullie zijn" unless the word
    is reclaimed; None when the words before say neither."""
    inflected = 0  # "een arrogante zak", "een ongelooflijke sukkel": adjectives we do not list
    for word in reversed(before):
        if word.kinds & {"you"}:
            return True
        if word.text in ("stelletje", "wat", "such", "what") or word.kinds & {"filler", "adjective"}:
            continue
        if not word.kinds and word.text.endswith("e") and inflected < 2:
            inflected += 1
            continue
        if "copula" in word.kinds:
            m = sentence.index(word)
            if word.text != "zijn" or m > 0 and sentence[m - 1].kinds & {"you", "them", "group"}:
                return not _reclaimed(sentence, n)  # "zijn" is also "his": "jullie zijn ...", not "zijn hond"
        return None
    return None


def _names_a_group(word: str) -> bool:
    """"vluchtelingencentrum", "moskeebezoekers": a compound that brings a group to mind for "ze" later."""
    return len(word) > 8 and any(word.startswith(group) for group in L.GROUPS if len(group) >= 5)


def read(text: str) -> Reading:
    prepared = prepare(text)
    quoted = [m.group(1) or m.group(2) for m in QUOTES.finditer(prepared)]
    outside = QUOTES.sub(" ", prepared) if quoted else prepared
    counter = _objects(_words_of(outside), bool(quoted))
    if quoted and counter:
        prepared = outside  # the quoted words are what is objected to
    sentences = []
    for part in SENTENCE_END.split(prepared):
        words = _words_of(part)
        _mark_groups(words)
        if words:
            sentences.append(words)
    group_named = any(w.kinds & {"group", "slur"} or _names_a_group(w.text) for s in sentences for w in s)
    return Reading(sentences, group_named, counter)


def _objects(outside_words: list[Word], quoted: bool) -> bool:
    """Do the words (outside any quotes) object to what they quote or report: "ik werd ... genoemd", "hoe
    ze over ... praten", "het is niet oké om ..."?"""
    cues = set().union(*(w.kinds for w in outside_words)) if outside_words else set()
    not_ok = any(_has(outside_words, phrase) is not None for phrase in L.NOT_OK)
    called = any(w.text in ("genoemd", "uitgescholden", "nageroepen") for w in outside_words) and any(
        w.text in ("werd", "word", "wordt", "worden", "werden", "ben", "was", "is") for w in outside_words)
    texts = [w.text for w in outside_words]
    how_they_talk = "hoe" in texts and "over" in texts[texts.index("hoe"):] and "reporting" in cues
    return called or how_they_talk or (("disapproval" in cues or not_ok) and ("reporting" in cues or quoted))


def counter_speech(text: str) -> bool:
    """Does the text object to what it quotes or names ("het is niet oké om iemand ... te noemen")?"""
    return read(text).counter


def harm(text: str, allowed: frozenset[str] = frozenset()) -> HoldReason | None:
    """Why these words should wait for the facilitator, or None."""
    reading = read(text)
    for sentence in reading.sentences:
        for word in sentence:
            if word.text in allowed:
                word.kinds.clear()
    reasons = [_sentence_harm(sentence, reading) for sentence in reading.sentences]
    for reason in (HoldReason.threat, HoldReason.hate, HoldReason.slur, HoldReason.abuse):
        if reason in reasons:
            return reason
    return None


def _sentence_harm(sentence: list[Word], reading: Reading) -> HoldReason | None:
    group_named = reading.group_named
    threat = _threat(sentence, group_named)
    if threat == "you" or (threat and not reading.counter):
        return HoldReason.threat
    if reading.counter:
        return None
    if _hate(sentence, group_named):
        return HoldReason.hate
    for n, word in enumerate(sentence):
        if "slur" in word.kinds and not _reclaimed(sentence, n):
            return HoldReason.slur
        if "homonym" in word.kinds and _aimed(sentence, n) and not _reclaimed(sentence, n):
            return HoldReason.slur
    if _insult(sentence):
        return HoldReason.abuse
    return None


def _threat(sentence: list[Word], group_named: bool) -> str | None:
    """"group" or "you" when the sentence threatens them, else None."""
    targets = [w for w in sentence if _target(w, group_named)]
    whom = "you" if targets and all("you" in w.kinds for w in targets) else "group"
    if any(_has(sentence, phrase) is not None for phrase in L.PERSONAL_THREATS):
        return "you"
    framed = any("frame" in w.kinds for w in sentence)
    for clause in _clauses(sentence):
        found = _clause_threat(clause, group_named, bool(targets), framed)
        if found is not None:
            return "you" if found == "you" else whom
    return None


def _clause_threat(clause: list[Word], group_named: bool, targeted: bool, framed: bool) -> str | None:
    """"you" for a death wish at the reader ("val dood"), "them" for a threat at whom the sentence targets."""
    if _separable_threat(clause, group_named):
        return "them"
    first = clause[0].text if clause else ""
    if first in ("val", "ga", "drop", "go") and len(clause) > 1 and clause[1].text in ("dood", "die", "dead"):
        return "you"
    if not targeted:
        return None
    if framed and any("violence" in word.kinds and not _negated(clause, n, n) for n, word in enumerate(clause)):
        return "them"
    return "them" if _violent_phrase(clause, framed) else None


def _separable_threat(clause: list[Word], group_named: bool) -> bool:
    """A verb whose particle comes after its target ("pak ze aan", "maak die ... af"), not negated."""
    for verbs, particles in L.SEPARABLE:
        for n, word in enumerate(clause):
            if word.text in verbs and _particle_after_target(clause, n, particles, group_named):
                return True
    return False


def _particle_after_target(clause: list[Word], n: int, particles, group_named: bool) -> bool:
    for m in range(n + 1, min(len(clause), n + 10)):
        if clause[m].text in particles and any(_target(w, group_named) for w in clause[n + 1:m]) \
                and not _negated(clause, n, m):
            return True
    return False


def _violent_phrase(clause: list[Word], framed: bool) -> bool:
    """A death wish, or (when the sentence is framed as doing it) a violent phrase, not negated."""
    for phrase in (*L.DEATH_WISHES, *VIOLENT_PHRASES):
        start = _has(clause, phrase)
        if start is not None and (framed or phrase in L.DEATH_WISHES) \
                and not _negated(clause, start, start + len(phrase), range(start, start + len(phrase))):
            return True
    return False


def _hate(sentence: list[Word], group_named: bool) -> bool:
    """Dehumanising, derogating, hating or sending away a group."""
    if not any(_target(w, group_named, you=False) for w in sentence):
        return False
    for clause in _clauses(sentence):
        if _sends_away(clause):
            return True  # the sentence has its target: checked on entry
        if any(rule(clause, n, group_named) for n in range(len(clause)) for rule in HATE_RULES):
            return True
    return False


def _sends_away(clause: list[Word]) -> bool:
    """"... moeten oprotten", "... zijn geen mensen": a phrase of expulsion or of not being human."""
    for phrase in (*L.EXPULSION_PHRASES, *L.NOT_HUMAN):
        start = _has(clause, phrase)
        if start is not None and not _negated(clause[:start], start, start):
            return True
    return False


def _call_them(clause: list[Word], n: int, group_named: bool) -> bool:
    """"ze zijn ratten", "ik vind ze ...": a copula (or "vind") that says dehumanising or derogatory words."""
    word = clause[n]
    return ("copula" in word.kinds or word.text in ("vind", "vinden", "vond", "find", "het")) \
        and _says(clause, n, group_named) and not _negated(clause, n, n + 4)


def _insulting_adjective(clause: list[Word], n: int, group_named: bool) -> bool:
    """"vuile ..." before a group (a swear word that is only strong language does not count)."""
    word = clause[n]
    return "adjective" in word.kinds and n + 1 < len(clause) and "group" in clause[n + 1].kinds \
        and word.text not in L.PROFANITY - {"kut", "klote"}


def _hatred(clause: list[Word], n: int, group_named: bool) -> bool:
    """"ik haat ..." (not "ik haat het als ..."), or a clause that opens with hatred of its target."""
    if "hatred" not in clause[n].kinds:
        return False
    if any(w.kinds & {"self"} for w in clause[:n]) and not _negated(clause, n, n):
        following = clause[n + 1:n + 2]
        if not (following and following[0].text in SITUATION):
            return True
    return n == 0 and len(clause) > 1 and _target(clause[1], group_named, you=False)


def _sickens(clause: list[Word], n: int, group_named: bool) -> bool:
    """"... maken me ziek"."""
    return "sick" in clause[n].kinds \
        and any(w.text in ("maken", "maakt", "word", "worden", "make", "makes") for w in clause) \
        and not _negated(clause, n, n)


def _scum_written_apart(clause: list[Word], n: int, group_named: bool) -> bool:
    """"moslim tuig": a dehumanising word right after a group, not in a sentence that goes on to a copula."""
    word = clause[n]
    return "dehum" in word.kinds and n > 0 and "group" in clause[n - 1].kinds and clause[n - 1].text != word.text \
        and not _negated(clause, n, n) and not any("copula" in w.kinds for w in clause[n + 1:])


#: each says whether the word at n of a clause, in a sentence that names its target, hates a group
HATE_RULES = (_call_them, _insulting_adjective, _hatred, _sickens, _scum_written_apart)


def _says(clause: list[Word], n: int, group_named: bool) -> bool:
    """After a copula, past fillers and the group itself: dehumanising or derogatory words (or before it, in
    a subordinate clause: "dat ze allemaal ratten zijn")."""
    if not any(_target(w, group_named, you=False) for w in clause):
        return False
    for word in reversed(clause[max(0, n - 4):n]):
        if word.kinds & {"dehum", "derog", "derog_noun"}:
            return True
        if not word.kinds & {"filler"}:
            break
    for word in clause[n + 1:n + 7]:
        if word.kinds & {"dehum", "derog", "derog_noun"}:
            return True
        if word.kinds & {"filler", "group", "them", "slur", "adjective", "copula"}:
            continue
        return False
    return False


def _insult(sentence: list[Word]) -> bool:
    """Profanity or an insult aimed at a person, or a curse on what someone said."""
    for phrase in L.AT_SOMEONE:
        start = _has(sentence, phrase)
        if start is not None and (phrase[0] not in ("rot", "flikker", "donder", "sodemieter", "lazer") or start == 0
                                  or sentence[start - 1].kinds & {"you", "adjective"}):
            return True
    for n, word in enumerate(sentence):
        if "strong" in word.kinds and not _reclaimed(sentence, n):
            return True
        if "insult" in word.kinds and _aimed(sentence, n) and not _reclaimed(sentence, n):
            return True
        if word.kinds & {"profanity", "adjective"} and n + 1 < len(sentence) and "bad" in sentence[n + 1].kinds:
            return True
    return False
