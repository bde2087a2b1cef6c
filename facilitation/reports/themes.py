"""Themes in the dreams, found so that anyone can see why a dream is in a theme.

The rule, in words an organiser can follow:

1. Words. Leave out the stop words, every word the dreams write as a name (a street, a neighbourhood, a
   person: dreams.words.names) and the event's venue, and bring every other word back to its dictionary
   form (simplemma), so that "woning" and "woningen" count as one word while "ouderen" (the elderly) and
   "ouders" (parents) stay two; the words of one subject in the social domain's word lists count as one
   word too (lexicon.py: "dakloos" and "woning", "lonely" and "alone"); the words a theme lists are still
   the words its dreams wrote. A word as common in its language as "see", "need" or "maken" (COMMON_ZIPF,
   wordfreq) names no theme: it is said about anything.
2. Word families. A longer word belongs to the family of the longest known word it starts with
   ("samenleving": samen, "vrijwilligerswerk": vrijwilliger, "buurtbewoners": buurt, not buur) and of
   the longest known word of at least five letters it ends with ("basisschool": school,
   "kinderarmoede": armoede); so a compound counts for both its parts. A Dutch compound also counts for
   the word the dictionary says it ends in, when no dream wrote that word alone ("dagactiviteiten" and
   "sportactiviteit": activiteit), unless that word is said of anything (HEAD_ZIPF: "jeugdhuis" is not
   about "huis") or the compound is a word of its own ("onderwijs" is not about "wijs"). The shorter word
   needs a dictionary form of at least four letters or must be written with at least five, and the rest
   of the longer word must be at least four letters. So "warm" has nothing to do with "arm", "weten"
   nothing with "eten", "digitaal" nothing with "taal".
3. Themes. Take the word family that the most dreams not yet in a theme share: those dreams form a
   theme, named after the form of the word most of them wrote. When two thirds of them use one
   compound of the word, the theme is that compound (COMPOUND_SHARE: when two thirds of the dreams
   with "leren" say "leerkrachten", the theme is "leerkrachten"; "samen" keeps "samenleving").
   Repeat until no family is shared by enough dreams (see minimum_size) or there are MAX_THEMES.
   - A family makes one theme at most: once it has, neither its longer words nor the words it is
     made of start another, so "samen" and "samenleven" are never two themes.
   - A family that more than two dreams in nine use (like "school" at an evening about education)
     tells what the whole evening is about, not what sets some dreams apart: it makes no theme here
     (but see rule 5), unless nothing else does. In a small room this needs more dreams
     (BACKGROUND_THEMES).
   - A dream with the words of several themes goes to the most specific: the theme whose family the
     fewest dreams of the evening use ("betaalbare woningen voor jonge gezinnen" goes to woningen
     rather than to jongeren). A theme left with too few dreams is given up, its family makes no
     theme, and the themes are looked for again among the dreams without one.
4. Dreams left over. A dream without a theme joins a theme when it uses a word family that at
   least two of the theme's dreams use, and more than half of all other dreams with that family are
   in that theme ("hulp bij schulden" joins "armoede" when the other dreams about debts are there).
5. The evening's own subjects. The dreams still left that share such a family of the whole evening
   form its theme, biggest first, each family once ("School": the school dreams that no more specific
   theme holds). When that makes more than MAX_THEMES, the smallest specific theme goes: its dreams go
   to another theme they have words of, or are left, and this rule is applied again.

Every theme lists the words its dreams wrote (at most MAX_WORDS): each dream in it contains one of
them, so "dreams with the word ..." in the report is true. What is still left is "other dreams".
The facilitator (from the console, on the evening) and the organiser (in the report) can rename and merge
themes; the facilitator can also move a dream to another theme.
"""
from collections import Counter
from dataclasses import dataclass, field

from wordfreq import zipf_frequency

from ..dreams.words import compound_parts, lemma, names, words
from .lexicon import GROUPS

MAX_THEMES = 10
#: the words listed with a theme ("dreams with the word ..."); enough for every dream in it
MAX_WORDS = 8
#: a word family that more than this share of the dreams use is the evening's subject, not a theme
#: (a little over one in five: at a welfare evening, housing in 20 of 91 dreams is still a theme)
BACKGROUND_SHARE = 2 / 9
#: ...and more dreams than this many of the smallest themes would hold (so a room of 13 has no background)
BACKGROUND_THEMES = 5
#: when this share of a family's dreams use one compound of its word, the theme is that compound
COMPOUND_SHARE = 2 / 3
#: a word this common in its language (Zipf scale, wordfreq: "see", "need", "maken", "doen") names no theme
#: alone: it is said about anything; "samen" (5.75), "home" (5.81) and "school" still can
COMMON_ZIPF = 5.85
#: a compound's head counts as its word family below this commonness ("school" 5.5 does, "huis" 5.9 not)
HEAD_ZIPF = 5.5
#: a shorter word counts inside a longer one if its stem has this many letters...
MIN_STEM = 4
#: ...or it is written with this many letters (samen, stem "saam"); a word at the end needs this many too
MIN_WRITTEN = 5
#: the rest of a compound, after the shorter word, is at least this long: "warm" is not "w" + "arm"
MIN_REST = 4
#: words that say nothing about what a dream is about but are not in the stop word lists
THEME_STOP_WORDS = frozenset("""
    zodat niemand iemand via plaats minder genoeg evenveel ongeacht nodig waarbij waarin waardoor
    voordat terwijl zelfs zeer wens droom dromen tijd
    nobody anyone anything someone somewhere instead within least enough before until while never
    whether across around others another really dream dreams wish hope
""".split()) | frozenset(  # whole classes of words: modal verbs, numbers, moments and spans of time
    """kan kun kunt kunnen kon konden mag mogen moet moeten wil wilt willen zou zouden hoeft hoeven
    twee drie vier vijf zes zeven acht negen tien honderd eerste tweede
    dag dagen week weken maand maanden jaar jaren vorig vorige volgend volgende
    can could should would must might don doesn isn aren won actually
    two three four five six seven eight nine ten hundred first second
    day days week weeks month months year years last next""".split())


@dataclass
class FoundTheme:
    #: the word (its stem) whose family holds the theme together
    key: str
    label: str
    #: the words, as people wrote them, that made a dream belong here
    words: list[str]
    dream_ids: list[int] = field(default_factory=list)


def minimum_size(dream_count: int) -> int:
    """How many dreams must share a word before it is a theme: 2 for a small room (under 30 dreams),
    3 from 30 dreams (two dreams that share a word in a room of 50 are a coincidence, not a theme),
    and one dream in 25 in a big room."""
    return max(2 if dream_count < 30 else 3, dream_count // 25)


class _Words:
    """The words of some dreams, their word families, and which dreams use them."""

    def __init__(self, dreams: list[tuple[int, str]], language: str, places: tuple[str, ...] = ()):
        self.language = language
        self.texts = {dream_id: text.lower() for dream_id, text in dreams}
        pairs = self._pairs(dreams, language, places)
        stems = sorted({stem for items in pairs.values() for stem, _ in items})
        written: dict[str, set[str]] = {stem: set() for stem in stems}
        for items in pairs.values():
            for stem, form in items:
                written[stem].add(form)
        #: per stem: the word it is a form of, named by the word's alphabetically first stem
        self.word = self._same_words(stems, written, synonyms=_synonyms(language))
        self._index(pairs)
        self._families()

    @staticmethod
    def _pairs(dreams: list[tuple[int, str]], language: str, places: tuple[str, ...]) -> dict[int, list]:
        """Per dream: the (stem, form) pairs of its words, without stop words and names."""
        skip = THEME_STOP_WORDS | names([text for _, text in dreams], language, places)
        tokens = {dream_id: [w for w in words(text) if w not in skip] for dream_id, text in dreams}
        distinct = sorted({token for found in tokens.values() for token in found})
        stem_of = {token: lemma(token, language) for token in distinct}
        return {dream_id: [(stem_of[token], token) for token in found] for dream_id, found in tokens.items()}

    def _index(self, pairs: dict[int, list]) -> None:
        """Per word: its stems and the forms people wrote, with how often; per dream: its words, and the forms
        it wrote of each."""
        self.stems: dict[str, set[str]] = {}
        self.forms: dict[str, Counter] = {}
        self.units: dict[int, set[str]] = {}
        self.written: dict[int, dict[str, set[str]]] = {}
        for dream_id, items in pairs.items():
            self.units[dream_id] = {self.word[stem] for stem, _ in items}
            self.written[dream_id] = {}
            for stem, form in items:
                self.written[dream_id].setdefault(self.word[stem], set()).add(form)
                self.stems.setdefault(self.word[stem], set()).add(stem)
                self.forms.setdefault(self.word[stem], Counter())[form] += 1

    def _families(self) -> None:
        """The word families: each word with the shorter words it contains (up) and the longer ones that
        contain it (down); per dream every family it uses; how many dreams use each; which are too common."""
        self.up = self._compounds()
        self.down: dict[str, set[str]] = {word: set() for word in self.stems}
        for word, parts in self.up.items():
            for part in parts:
                self.down[part].add(word)
        #: per dream: every word family it uses (its words, and the shorter words they contain)
        self.keys = {dream_id: set().union(set(), *(self.up[w] for w in units))
                     for dream_id, units in self.units.items()}
        self.used = Counter(key for keys in self.keys.values() for key in keys)
        #: words too common in the language to name a theme alone (COMMON_ZIPF)
        self.common = {word for word, stems in self.stems.items()
                       if all(zipf_frequency(stem, self.language) >= COMMON_ZIPF for stem in stems)}

    @staticmethod
    def _same_words(stems: list[str], written: dict[str, set[str]], synonyms: list[set[str]]) -> dict[str, str]:
        """Dictionary forms that are one word: sharing a written form, or words of the social domain that
        mean one thing (lexicon.GROUPS)."""
        parent = {stem: stem for stem in stems}

        def find(stem):
            while parent[stem] != stem:
                parent[stem] = parent[parent[stem]]
                stem = parent[stem]
            return stem

        def join(a, b):
            a, b = find(a), find(b)
            if a != b:  # the alphabetically first stem names the word, so the order of the dreams does not matter
                parent[max(a, b)] = min(a, b)

        owners: dict[str, list[str]] = {}
        for stem in stems:
            for string in {stem} | written[stem]:
                owners.setdefault(string, []).append(stem)
        for same in owners.values():
            for other in same[1:]:
                join(same[0], other)
        for group in synonyms:
            found = [stem for stem in stems if stem in group or written[stem] & group]
            for other in found[1:]:
                join(found[0], other)
        return {stem: find(stem) for stem in stems}

    def _compounds(self) -> dict[str, set[str]]:
        """Per word: itself and the shorter words it is a compound of (samenleving: samen)."""
        roots: dict[str, set[str]] = {}
        for word in self.stems:
            for string in _roots(self.stems[word], set(self.forms[word])):
                roots.setdefault(string, set()).add(word)
        up: dict[str, set[str]] = {}
        for word in self.stems:
            parts = {word}
            for string in self.stems[word] | set(self.forms[word]):
                # the longest known word it starts with, the longest it ends with ("buurtbewoners": buurt, not buur)
                for cut in range(len(string) - MIN_REST, MIN_STEM - 1, -1):
                    if roots.get(string[:cut], {word}) != {word}:
                        parts.update(roots[string[:cut]])
                        break
                for cut in range(MIN_REST, len(string) - MIN_WRITTEN + 1):
                    if roots.get(string[cut:], {word}) != {word}:
                        parts.update(roots[string[cut:]])
                        break
            for stem in self.stems[word]:  # and the word the dictionary says it ends in (basisschool: school),
                head = compound_parts(stem, self.language)[-1:]  # unless it is said of anything ("jeugdhuis": huis)
                parts.update(part for part in head if zipf_frequency(part, self.language) < HEAD_ZIPF)
            up[word] = parts
        for part in set().union(*up.values()) - set(up):  # a part no dream wrote alone is a word family too
            up[part] = {part}
            self.stems[part], self.forms[part] = {part}, Counter()
        return up

    def word_of(self, dream_id: int, key: str) -> set[str]:
        """The forms a dream wrote of a word family."""
        return {form for unit, forms in self.written[dream_id].items() if key in self.up[unit] for form in forms}

    def family(self, key: str) -> set[str]:
        """The words a theme of this word rules out as another theme: its compounds and its parts."""
        return self.down[key] | self.up[key]


def _synonyms(language: str) -> list[set[str]]:
    """Each lexicon group as the dictionary forms and written forms a dream's words are matched by."""
    return [{form for written in line.split() for form in (written, lemma(written, language))}
            for line in GROUPS.get(language, ())]


def _roots(stems: set[str], written: set[str]) -> set[str]:
    """The strings by which a word counts inside longer words: a long enough stem, a long written form."""
    return {stem for stem in stems if len(stem) >= MIN_STEM} | {form for form in written if len(form) >= MIN_WRITTEN}


def find_themes(dreams: list[tuple[int, str]], language: str = "nl", max_themes: int = MAX_THEMES,
                places: tuple[str, ...] = ()) -> tuple[list[FoundTheme], list[int]]:
    """Group (id, text) dreams into themes; returns the themes and the ids left over. `places` (the venue,
    the town) name no theme, like every name the dreams write."""
    if not dreams:
        return [], []
    vocabulary = _Words(dreams, language, places)
    least = minimum_size(len(dreams))
    # in a small room a theme is a big share of it: there, a family is background only if it is big on any scale
    background = {key for key, count in vocabulary.used.items()
                  if count > max(BACKGROUND_SHARE * len(dreams), BACKGROUND_THEMES * least)}
    chosen = _choose(vocabulary, least, max_themes, background | vocabulary.common) \
        or _choose(vocabulary, least, max_themes, vocabulary.common)
    while True:
        links = _join_left_over(vocabulary, chosen)
        subjects = _gather_the_rest(vocabulary, least, chosen, links, background)
        if len(chosen) + len(subjects) <= max_themes or not chosen:
            break  # without specific themes, the biggest subjects are kept (below)
        # too many themes: the smallest specific one goes; its dreams go to another theme of theirs, to a
        # subject, or are left
        going = min(chosen, key=lambda key: _cost_of_losing(vocabulary, chosen[key] | set(links.get(key, ())),
                                                            background, key))
        chosen = _assign(vocabulary, [key for key in chosen if key != going])
    themes = [_theme(vocabulary, key, members, links.get(key, {}), background) for key, members in chosen.items()]
    themes += [_theme(vocabulary, key, members, {}, background) for key, members in subjects.items()]
    themes.sort(key=lambda theme: -len(theme.dream_ids))  # biggest first; of equals, specific before subject
    themes = themes[:max_themes]
    position = {dream_id: n for n, (dream_id, _) in enumerate(dreams)}
    for theme in themes:  # the dreams in the order they came
        theme.dream_ids.sort(key=position.__getitem__)
    placed = {dream_id for theme in themes for dream_id in theme.dream_ids}
    return themes, [dream_id for dream_id, _ in dreams if dream_id not in placed]


def _choose(vocabulary: _Words, least: int, max_themes: int, background: set[str]) -> dict[str, set[int]]:
    """The themes' words, each with its dreams, biggest theme first (rule 3 of the module's docstring)."""
    chosen: list[str] = []
    dropped: set[str] = set()
    placed: set[int] = set()
    for _ in range(4 * max_themes):  # in practice a few rounds; the bound keeps it finite
        chosen += _pick(vocabulary, least, max_themes - len(chosen), background | dropped,
                        set(vocabulary.keys) - placed, chosen)
        members = _assign(vocabulary, chosen)
        small = {key for key in chosen if len(members[key]) < least}
        if not small:
            return members
        dropped |= small
        chosen = [key for key in chosen if key not in small]
        placed = {dream_id for key in chosen for dream_id in members[key]}
    return _assign(vocabulary, chosen)


def _cost_of_losing(vocabulary: _Words, members: set[int], background: set[str], key: str) -> tuple:
    """The smallest theme goes first; of equals, the one whose dreams the evening's subjects take in."""
    taken_in = sum(1 for dream_id in members if vocabulary.keys[dream_id] & background)
    return len(members), len(members) - taken_in, key


def _assign(vocabulary: _Words, chosen: list[str]) -> dict[str, set[int]]:
    """Each dream to one of these themes, biggest theme first: a dream whose words make more than one
    theme goes to the most specific, the family the evening uses least."""
    rank = {key: (vocabulary.used[key], n) for n, key in enumerate(chosen)}
    members: dict[str, set[int]] = {key: set() for key in chosen}
    for dream_id, keys in vocabulary.keys.items():
        options = [key for key in keys if key in rank]
        if options:
            members[min(options, key=rank.__getitem__)].add(dream_id)
    return dict(sorted(members.items(), key=lambda item: (-len(item[1]), item[0])))


def _pick(vocabulary: _Words, least: int, room: int, skip: set[str], left: set[int], chosen: list[str]) -> list[str]:
    """Up to `room` new theme words for the dreams left, biggest family first; a family makes one theme."""
    banned = set().union(set(), *(vocabulary.family(key) for key in chosen))
    picked = []
    while left and len(picked) < room:
        shared = Counter(key for dream_id in left for key in vocabulary.keys[dream_id]
                         if key not in banned and key not in skip)
        if not shared:
            break
        # most dreams first; then the longer (more specific) word; then alphabetical, so it is repeatable
        key, count = min(shared.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))
        if count < least:
            break
        while True:  # two thirds of the family's dreams use one compound of the word: the theme is the compound
            compounds = [(shared[c], c) for c in vocabulary.down[key] if c != key
                         and shared[c] >= COMPOUND_SHARE * shared[key]]
            if not compounds:
                break
            key = min(compounds, key=lambda item: (-item[0], -len(item[1]), item[1]))[1]
        picked.append(key)
        banned |= vocabulary.family(key)
        left = {dream_id for dream_id in left if key not in vocabulary.keys[dream_id]}
    return picked


def _gather_the_rest(vocabulary: _Words, least: int, chosen: dict[str, set[int]],
                     links: dict[str, dict[int, str]], background: set[str]) -> dict[str, set[int]]:
    """The evening's own subjects ("school" at an evening about education) gather the dreams no other
    theme holds, biggest first, each family once (rule 5 of the module's docstring)."""
    left = set(vocabulary.keys) - {d for members in chosen.values() for d in members} \
        - {d for joined in links.values() for d in joined}
    banned = set().union(set(), *(vocabulary.family(key) for key in chosen))
    gathered: dict[str, set[int]] = {}
    while left:
        shared = Counter(key for dream_id in left for key in vocabulary.keys[dream_id]
                         if key in background and key not in banned)
        if not shared:
            break
        key, count = min(shared.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))
        if count < least:
            break
        gathered[key] = {dream_id for dream_id in left if key in vocabulary.keys[dream_id]}
        left -= gathered[key]
        banned |= vocabulary.family(key)
    return gathered


def _join_left_over(vocabulary: _Words, chosen: dict[str, set[int]]) -> dict[str, dict[int, str]]:
    """Per theme, the left-over dreams that join it, with the word family they share with it.

    A dream joins when at least two of the theme's dreams use one of its word families, and more than
    half of all other dreams with that family are in the theme.
    """
    placed = {dream_id for members in chosen.values() for dream_id in members}
    #: per theme, how many of its dreams use each word family
    uses = {key: Counter(word for member in members for word in vocabulary.keys[member])
            for key, members in chosen.items()}
    links: dict[str, dict[int, str]] = {}
    for dream_id in sorted(set(vocabulary.keys) - placed):
        best = None
        for word in vocabulary.keys[dream_id]:
            others = vocabulary.used[word] - 1
            for n, key in enumerate(chosen):
                if word in vocabulary.up[key]:  # not by a word the theme's word is made of ("leren", "leerkrachten")
                    continue
                shared = uses[key][word]
                if shared >= 2 and 2 * shared > others:
                    option = (-shared / others, -shared, n, word, key)
                    best = min(best, option) if best else option
        if best:
            links.setdefault(best[4], {})[dream_id] = best[3]
    return links


def _theme(vocabulary: _Words, key: str, members: set[int], joined: dict[int, str],
           background: set[str]) -> FoundTheme:
    """Name a theme after its word, list the words its dreams wrote, and add a second word most of it
    shares, unless that word is the whole evening's ("Pesten", not "Pesten & school")."""
    needs = {dream_id: vocabulary.word_of(dream_id, key) for dream_id in members}
    own = {form for dream_id in members for form in vocabulary.written[dream_id].get(key, ())}
    family = {form for forms in needs.values() for form in forms}
    main = _label(vocabulary, own or family, members)
    label = main.capitalize()
    second = _second_word(vocabulary, key, members, background)
    if second is not None:
        label = f"{label} & {second}"
    for dream_id, word in joined.items():
        needs[dream_id] = vocabulary.word_of(dream_id, word)
    chosen, uncovered = _listed_words(main, needs, vocabulary.texts)
    return FoundTheme(key=key, label=label, words=chosen, dream_ids=[d for d in needs if d not in uncovered])


def _second_word(vocabulary: _Words, key: str, members: set[int], background: set[str]) -> str | None:
    """The form of a word that at least 3 and two thirds of the theme's dreams share besides its own
    (and that is not the whole evening's), for its label."""
    related = vocabulary.family(key) | background
    companions = Counter(k for dream_id in members for k in vocabulary.keys[dream_id] if k not in related)
    if not companions:
        return None
    second, together = min(companions.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))
    if together < max(3, -(-2 * len(members) // 3)):
        return None
    forms = {form for dream_id in members for form in vocabulary.written[dream_id].get(second, ())}
    forms = forms or {f for d in members for f in vocabulary.word_of(d, second)}
    return _label(vocabulary, forms, members)


def _listed_words(main: str, needs: dict[int, set[str]], texts: dict[int, str]) -> tuple[list[str], set[int]]:
    """The words shown with the theme: as few as it takes for every dream in it to contain one (at most
    MAX_WORDS); and the dreams none of them covers."""
    chosen = [main]
    uncovered = {d for d in needs if main not in texts[d]}
    while uncovered and len(chosen) < MAX_WORDS:
        options = {form for d in uncovered for form in needs[d]}
        if not options:
            break
        best = _most(options, uncovered, texts)
        chosen.append(best)
        uncovered = {d for d in uncovered if best not in texts[d]}
    return chosen, uncovered


def _most(forms: set[str], dream_ids, texts: dict[int, str]) -> str:
    """The form that the most of these dreams contain; of equals the shortest, then the alphabetically first."""
    return min(forms, key=lambda form: (-sum(1 for d in dream_ids if form in texts[d]), len(form), form))


def _label(vocabulary: _Words, forms: set[str], dream_ids) -> str:
    """The form the most of these dreams wrote; of equals the one most contain, the shortest, the first."""
    wrote = Counter(form for d in dream_ids for written in vocabulary.written[d].values() for form in written)
    return min(forms, key=lambda form: (-wrote[form], -sum(1 for d in dream_ids if form in vocabulary.texts[d]),
                                        len(form), form))
