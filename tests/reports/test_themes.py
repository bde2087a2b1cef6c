"""Themes found in realistic rooms of dreams, and the rule behind them.

Rooms, each line `the group a reader would put it in | the dream`:
- dromen_nl.txt: 91 dreams of a Dutch care and welfare evening;
- dromen_jeugd_nl.txt: 91 dreams of a Dutch youth and education evening (teachers, youth workers,
  parents, pupils, school social workers);
- dreams_en.txt: 48 dreams of an English care and community evening;
- held out: dromen_buurt_nl.txt (93 dreams of a Dutch neighbourhood evening) and
  dreams_community_en.txt (74 dreams of a UK community and health evening), written afterwards by
  someone who saw neither the rule nor the word lists (facilitation/reports/lexicon.py), to see how
  the rule does on wording it was not shaped on. They are measured, not tuned for.
"""
import random
import re
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from facilitation.reports.themes import _Words, find_themes, minimum_size

from .conftest import DREAMS_EN, DREAMS_NL

HERE = Path(__file__).parent
SETS = {
    "care_nl": (DREAMS_NL, "nl"),
    "youth_nl": (HERE / "dromen_jeugd_nl.txt", "nl"),
    "care_en": (HERE / "dreams_en.txt", "en"),
}
HELD_OUT = {
    "street_nl": (HERE / "dromen_buurt_nl.txt", "nl"),
    "community_en": (HERE / "dreams_community_en.txt", "en"),
}
ALL = {**SETS, **HELD_OUT}
#: measured with this rule (dreams in a theme; the smallest share of one reader's group in a theme):
#: care_nl 87/91 (96 %), 0.77; care_en 46/48 (96 %), 0.86; youth_nl 85/91 (93 %), 0.33 (its "School"
#: gathers the school dreams of every kind that no specific theme holds; its specific themes 0.58);
#: held out: street_nl 64/93 (69 %), community_en 55/74 (74 %), both with themes a reader would not
#: make ("Wijk", "Free"). The goal of issue #15 (85 % in a theme) is reached on the three rooms and on
#: neither held-out room: a word rule does not see that "sleeping rough" and "damp flats" are one
#: subject. The marks below turn red (strict) the day a rule reaches it.
NOT_YET = pytest.mark.xfail(strict=True, reason="not reached on varied wording; see SETS")


def read_set(path: Path) -> tuple[list[tuple[int, str]], dict[int, str]]:
    rows = [line.split("|", 1) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    dreams = [(n, text.strip()) for n, (_, text) in enumerate(rows)]
    return dreams, {n: group.strip() for n, (group, _) in enumerate(rows)}


def dutch_set():
    return read_set(DREAMS_NL)


def themes_of(name: str):
    path, language = ALL[name]
    dreams, groups = read_set(path)
    themes, left = find_themes(dreams, language)
    return dreams, groups, themes, left


def goal(*reached):
    """The sets as pytest parameters; the ones not in `reached` are expected to fall short (strictly)."""
    return pytest.mark.parametrize("name", [name if name in reached else pytest.param(name, marks=NOT_YET)
                                            for name in SETS])


every_set = pytest.mark.parametrize("name", list(SETS))
#: what holds for any room, also one the rule never saw
every_room = pytest.mark.parametrize("name", list(ALL))


# --- the rooms -------------------------------------------------------------------------------------

def test_the_dutch_set_is_big_enough():
    dreams, groups = dutch_set()
    assert len(dreams) >= 80
    assert len(set(groups.values())) == 9


@pytest.mark.parametrize("name, least, groups", [("youth_nl", 80, (8, 10)), ("care_en", 40, (6, 10))])
def test_the_new_sets_are_big_enough(name, least, groups):
    dreams, reader = read_set(SETS[name][0])
    assert len(dreams) >= least
    assert groups[0] <= len(set(reader.values())) <= groups[1]
    assert len({text.lower() for _, text in dreams}) == len(dreams)


# --- what the issue asks: most dreams in a theme, themes that hold together -------------------------

@goal("care_nl", "care_en", "youth_nl")
def test_most_dreams_land_in_a_theme(name):
    dreams, _, _, left = themes_of(name)
    assert len(left) <= 0.15 * len(dreams), f"{len(dreams) - len(left)} of {len(dreams)} in a theme"


@every_room
def test_at_least_half_of_the_dreams_land_in_a_theme(name):
    dreams, _, _, left = themes_of(name)
    assert len(left) <= 0.5 * len(dreams), f"{len(dreams) - len(left)} of {len(dreams)} in a theme"


@every_room
def test_no_two_themes_share_a_word_family(name):
    """No word of one theme's family (its key, the longer words made with it, the words it is made of)
    is the key of another theme; and no theme's name starts or ends with another theme's name."""
    dreams, _, themes, _ = themes_of(name)
    vocabulary = _Words(dreams, ALL[name][1])
    for theme in themes:
        family = vocabulary.family(theme.key)
        assert not [other.label for other in themes if other is not theme and other.key in family], theme.label
    names = [theme.label.split(" & ")[0].lower() for theme in themes]
    for one in names:
        for other in names:
            if one != other and len(one) >= 4:
                assert not other.startswith(one) and not other.endswith(one), (one, other)


@goal("care_nl", "care_en")
def test_each_theme_is_mostly_one_readers_group(name):
    _, groups, themes, _ = themes_of(name)
    mixed = []
    for theme in themes:
        group, count = Counter(groups[i] for i in theme.dream_ids).most_common(1)[0]
        if count / len(theme.dream_ids) < 0.75:
            mixed.append((theme.label, dict(Counter(groups[i] for i in theme.dream_ids))))
    assert not mixed


@every_set
def test_most_dreams_in_themes_sit_with_their_own_group(name):
    """Weaker than one group per theme: two thirds of the dreams in themes are in their group's theme."""
    _, groups, themes, _ = themes_of(name)
    placed = sum(len(theme.dream_ids) for theme in themes)
    with_group = sum(Counter(groups[i] for i in theme.dream_ids).most_common(1)[0][1] for theme in themes)
    assert with_group >= 2 / 3 * placed, f"{with_group} of {placed}"


def test_themes_match_what_a_reader_would_group():
    dreams, groups = dutch_set()
    themes, left = find_themes(dreams, "nl")
    assert 6 <= len(themes) <= 10
    # each theme is mostly one reader's group...
    for theme in themes:
        group, count = Counter(groups[i] for i in theme.dream_ids).most_common(1)[0]
        assert count / len(theme.dream_ids) >= 0.75, (theme.label, Counter(groups[i] for i in theme.dream_ids))
    # ...most reader's groups are found as a theme, holding most of their dreams
    found = 0
    for group in set(groups.values()):
        members = [i for i, g in groups.items() if g == group]
        best = max(sum(1 for i in t.dream_ids if i in members) for t in themes)
        found += best / len(members) >= 0.6
    assert found >= 8
    assert len(left) <= 0.15 * len(dreams)


# --- explainable and stable -------------------------------------------------------------------------

def test_labels_are_words_people_wrote():
    dreams, _ = dutch_set()
    themes, _ = find_themes(dreams, "nl")
    labels = {t.label.split(" & ")[0].lower() for t in themes}
    assert {"eenzaamheid", "vrijwilligers", "armoede", "jongeren"} <= labels
    text = " ".join(t for _, t in dreams).lower()
    for theme in themes:
        assert all(word in text for word in theme.label.lower().split(" & "))


@every_room
def test_labels_are_words_people_wrote_in_every_room(name):
    dreams, _, themes, _ = themes_of(name)
    written = set(re.findall(r"[^\W\d_]+", " ".join(t for _, t in dreams).lower()))
    for theme in themes:
        assert all(word in written for word in theme.label.lower().split(" & ")), theme.label


@pytest.mark.parametrize("name, expected", [
    # the language theme is called after the word most of its dreams wrote: "Nederlands" (3 dreams) since the
    # words are dictionary forms, "taal" (2, and inside taalmaatje, thuistaal ...) before
    ("youth_nl", [{"pesten"}, {"ouders"}, {"taal", "nederlands"}]),
    ("care_en", [{"volunteering"}, {"carers"}, {"lonely"}]),
])
def test_the_new_rooms_find_their_plain_themes(name, expected):
    _, _, themes, _ = themes_of(name)
    labels = {t.label.split(" & ")[0].lower() for t in themes}
    assert all(labels & one_of for one_of in expected), labels


def test_every_dream_in_a_theme_contains_one_of_its_words():
    """The explanation shown in the report ("dreams with the word ...") is true."""
    dreams, _ = dutch_set()
    texts = dict(dreams)
    themes, _ = find_themes(dreams, "nl")
    for theme in themes:
        for dream_id in theme.dream_ids:
            assert any(word in texts[dream_id].lower() for word in theme.words), (theme.label, texts[dream_id])


@every_room
def test_every_dream_in_every_room_contains_one_of_its_words(name):
    dreams, _, themes, _ = themes_of(name)
    texts = dict(dreams)
    for theme in themes:
        assert 1 <= len(theme.words) <= 8
        for dream_id in theme.dream_ids:
            assert any(word in texts[dream_id].lower() for word in theme.words), (theme.label, texts[dream_id])


def test_a_dream_is_in_one_theme_at_most_and_none_is_lost():
    dreams, _ = dutch_set()
    themes, left = find_themes(dreams, "nl")
    placed = [i for t in themes for i in t.dream_ids] + left
    assert sorted(placed) == sorted(i for i, _ in dreams)


@every_room
def test_none_is_lost_in_any_room(name):
    dreams, _, themes, left = themes_of(name)
    placed = [i for t in themes for i in t.dream_ids] + left
    assert sorted(placed) == sorted(i for i, _ in dreams)
    assert all(len(t.dream_ids) >= minimum_size(len(dreams)) for t in themes)


def test_the_same_dreams_in_another_order_give_the_same_themes():
    dreams, _ = dutch_set()
    first, _ = find_themes(dreams, "nl")
    shuffled = dreams[:]
    random.Random(7).shuffle(shuffled)
    second, _ = find_themes(shuffled, "nl")
    assert [(t.label, sorted(t.dream_ids)) for t in first] == [(t.label, sorted(t.dream_ids)) for t in second]


@every_room
def test_every_room_in_another_order_gives_the_same_themes(name):
    dreams, _, first, _ = themes_of(name)
    for seed in (1, 2):
        shuffled = dreams[:]
        random.Random(seed).shuffle(shuffled)
        second, _ = find_themes(shuffled, ALL[name][1])
        assert [(t.label, t.words, sorted(t.dream_ids)) for t in first] == \
            [(t.label, t.words, sorted(t.dream_ids)) for t in second]


# --- word families ----------------------------------------------------------------------------------

def parts(longer: str, *shorter: str, language: str = "nl") -> set[str]:
    """The words (as written) among `shorter` whose family `longer` belongs to, in a room with all of them."""
    vocabulary = _Words([(0, longer)] + [(n, word) for n, word in enumerate(shorter, start=1)], language)
    [word] = vocabulary.units[0]
    return {text for n, text in enumerate(shorter, start=1) for unit in vocabulary.units[n]
            if unit in vocabulary.up[word]}


def test_compounds_count_for_every_known_word_they_contain():
    assert parts("samenleving", "samen") == {"samen"}  # stem "saam", too short to compare: "samen" counts
    assert parts("basisschool", "school", "basis") == {"school", "basis"}  # the end counts, and the start
    assert parts("vrijwilligerswerk", "vrijwilliger") == {"vrijwilliger"}  # linking s
    assert parts("buurtbewoners", "buurt", "buren") == {"buurt"}  # the longest known start, not "buur"
    assert parts("huizenmarkt", "huizen") == {"huizen"}  # a plural inside
    assert parts("kinderarmoede", "armoede", "kinderen") == {"armoede", "kinderen"}


def test_short_words_do_not_swallow_unrelated_ones():
    assert parts("warm", "arm") == set()
    assert parts("armoede", "arm") == set()
    assert parts("weten", "eten") == set()
    assert parts("digitaal", "taal") == set()
    assert parts("jeugdwerk", "jeugd") == {"jeugd"}


def test_forms_of_one_word_are_one_word():
    vocabulary = _Words([(1, "pesten"), (2, "gepest"), (3, "pester"), (4, "kans"), (5, "kansen")], "nl")
    assert len(vocabulary.units[1] | vocabulary.units[2] | vocabulary.units[3]) == 1
    assert vocabulary.units[4] == vocabulary.units[5]


def test_compounds_count_for_the_word_they_start_with():
    themes, _ = find_themes([(1, "Een buurthuis dat open is"), (2, "Een buurt die leeft"),
                             (3, "Buurtbewoners die elkaar groeten")], "nl")
    assert len(themes) == 1 and sorted(themes[0].dream_ids) == [1, 2, 3]
    assert themes[0].label.lower().startswith("buurt")


def test_samen_and_samenleven_make_one_theme():
    dreams = [(1, "Samen sterk in de wijk"), (2, "Samenleven met respect voor elkaar"),
              (3, "Een samenleving waar niemand achterblijft"), (4, "Samen koken en eten"),
              (5, "Betaalbare woningen"), (6, "Woningen voor starters"), (7, "Een woning voor iedereen"),
              (8, "Samenleven over generaties heen")]
    themes, left = find_themes(dreams, "nl")
    assert {t.label for t in themes} == {"Samen", "Woningen"}
    assert sorted(next(t for t in themes if t.label == "Samen").dream_ids) == [1, 2, 3, 4, 8]
    assert not left


def test_basisschool_joins_school():
    dreams = [(1, "Een basisschool in elk dorp"), (2, "Een school met een moestuin"),
              (3, "Het schoolplein open na schooltijd"), (4, "Scholen die samenwerken met de buurt")]
    themes, _ = find_themes(dreams, "nl")
    assert len(themes) == 1 and sorted(themes[0].dream_ids) == [1, 2, 3, 4]
    assert themes[0].label == "School"


def a_school_evening():
    """27 dreams, 13 of them about school: school is what the evening is about, not a theme of its own."""
    return list(enumerate([
        "Een school met een moestuin", "Schoolpleinen die na schooltijd toegankelijk blijven", "Een basisschool in elk dorp",
        "Scholen die samenwerken met de buurt", "Gratis zwemles op school", "Een school waar elk kind welkom is",
        "Geen pesten meer op school", "Een school waar niemand gepest wordt", "Pesters die leren wat ze aanrichten",
        "Pesten samen aanpakken op school", "Leerkrachten die tijd hebben op school",
        "Meer leerkrachten voor de klas", "Leerkrachten die gewaardeerd worden op school",
        "Betaalbare woningen voor jonge gezinnen", "Een woning voor iedereen", "Daklozen een eigen huis geven",
        "Meer groen in de wijk", "Bomen in elke straat", "Een park om de hoek", "Vrijwilligers die gezien worden",
        "Vrijwilligerswerk voor iedereen", "Een vrijwilliger in elke straat", "Een bibliotheek in elke gemeente",
        "Muziek in het cultuurcentrum", "Sporten zonder lidgeld", "Een bankje bij de bushalte", "Buren die groeten"]))


def test_the_evenings_own_subject_gathers_the_dreams_no_specific_theme_holds():
    dreams = a_school_evening()
    texts = dict(dreams)
    themes, left = find_themes(dreams, "nl")
    by_label = {theme.label: [texts[i] for i in theme.dream_ids] for theme in themes}
    # the specific themes come first and keep their dreams; their names do not repeat the evening's subject
    assert by_label["Pesten"] == [texts[i] for i in range(6, 10)]
    assert by_label["Leerkrachten"] == [texts[i] for i in range(10, 13)]
    # the school dreams no specific theme holds are one theme, not "other dreams"
    assert by_label["School"] == [texts[i] for i in range(6)]
    assert {"Woning", "Vrijwilliger"} <= set(by_label)
    assert [texts[i] for i in left] == [texts[i] for i in range(22, 27)]


def test_the_evenings_subject_keeps_its_place_when_themes_run_out():
    """With room for three themes, the smallest specific themes go; their school dreams join "School"."""
    dreams = a_school_evening()
    themes, left = find_themes(dreams, "nl", max_themes=3)
    assert [(theme.label, len(theme.dream_ids)) for theme in themes][:2] == [("School", 8), ("Pesten", 4)]
    assert len(themes) == 3 and len(themes[2].dream_ids) == 3 and themes[2].label != "Leerkrachten"
    assert {10, 12} <= set(themes[0].dream_ids)  # "Leerkrachten ... op school": the first to go
    assert 11 in left  # "Meer leerkrachten voor de klas": no theme of its words is left


def test_a_room_of_only_the_evenings_subjects_gives_what_fits():
    """Every word is one most dreams use: with room for one theme, the biggest subject is it (this once
    went round for ever once the last specific theme was given up)."""
    dreams = list(enumerate(["muziek", "muziek school", "bus", "muziek bus school", "school muziek", "school muziek",
                             "school", "bus", "muziek bus school", "muziek", "muziek", "school muziek bus",
                             "muziek bus", "bus", "school", "bus school", "school bus muziek", "muziek",
                             "school muziek bus", "school"]))
    found = []
    worker = threading.Thread(target=lambda: found.append(find_themes(dreams, "nl", max_themes=1)), daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert found, "find_themes did not finish"
    [(themes, left)] = found
    assert len(themes) == 1
    assert sorted(themes[0].dream_ids + left) == [i for i, _ in dreams]


def test_english_dreams_find_english_themes():
    themes, _ = find_themes(list(enumerate(DREAMS_EN)), "en")
    labels = [t.label.lower() for t in themes]
    assert any(label.startswith("volunteer") for label in labels)
    assert any(label.startswith("carer") for label in labels)


def test_too_few_dreams_make_no_themes():
    assert find_themes([], "nl") == ([], [])
    assert find_themes([(1, "Samen sterk")], "nl") == ([], [1])
    assert minimum_size(10) == 2 and minimum_size(500) == 20
    assert minimum_size(29) == 2 and minimum_size(48) == 3 and minimum_size(91) == 3


# --- a big room -------------------------------------------------------------------------------------

def big_room(size: int = 2000) -> list[tuple[int, str]]:
    """The three rooms over and over, each copy with a made-up word or two, so no two dreams are alike."""
    rng = random.Random(3)
    texts = [text for path, _ in SETS.values() for _, text in read_set(path)[0]]
    letters = "bdfgklmnprstvz"
    vowels = "aeiou"
    room = []
    for n in range(size):
        extra = " ".join("".join(rng.choice(letters) + rng.choice(vowels) for _ in range(3))
                         for _ in range(rng.randint(1, 2)))
        room.append((n, f"{texts[n % len(texts)]} {extra}"))
    return room


def test_two_thousand_dreams_are_grouped_in_good_time():
    room = big_room()
    start = time.perf_counter()
    themes, left = find_themes(room, "nl")
    took = time.perf_counter() - start
    assert took < 5, f"{took:.2f} s"
    assert themes and len(themes) <= 10
    assert sorted([i for t in themes for i in t.dream_ids] + left) == list(range(len(room)))


@pytest.mark.parametrize("name", [pytest.param(name, marks=NOT_YET) for name in HELD_OUT])
def test_the_held_out_rooms_reach_the_goal_too(name):
    dreams, _, _, left = themes_of(name)
    assert len(left) <= 0.15 * len(dreams), f"{len(dreams) - len(left)} of {len(dreams)} in a theme"


def test_words_of_one_subject_count_as_one_word():
    """The social domain's word lists: "dakloos" and "woning" are one subject, and so are "lonely" and "alone"."""
    themes, _ = find_themes([(1, "Geen dakloze meer in onze stad"), (2, "Een betaalbare woning voor iedereen"),
                             (3, "Daklozen een eigen huis geven")], "nl")
    assert len(themes) == 1 and sorted(themes[0].dream_ids) == [1, 2, 3]
    themes, _ = find_themes([(1, "Nobody alone at Christmas"), (2, "Less loneliness for carers"),
                             (3, "No one lonely in our street")], "en")
    assert len(themes) == 1 and sorted(themes[0].dream_ids) == [1, 2, 3]


def test_a_word_is_in_one_subject_only_and_no_subject_lists_a_compound():
    from facilitation.reports.lexicon import GROUPS

    for language, groups in GROUPS.items():
        listed = [word for group in groups for word in group.split()]
        assert len(listed) == len(set(listed)), [w for w, n in Counter(listed).items() if n > 1]
        for word in listed:  # "huurwoning" would tie huur and woning together: compounds are left to the rule
            assert not any(len(a) >= 4 and len(word) - len(a) >= 4 and word.startswith(a) and word[len(a):] in listed
                           for a in listed if a != word), word
