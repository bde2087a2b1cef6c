"""Themes found in a realistic Dutch room of 91 dreams, and the rule behind them."""
import random
from collections import Counter

from facilitation.reports.themes import find_themes, minimum_size

from .conftest import DREAMS_EN, DREAMS_NL


def dutch_set():
    rows = [line.split("|", 1) for line in DREAMS_NL.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return [(n, text.strip()) for n, (_, text) in enumerate(rows)], {n: group for n, (group, _) in enumerate(rows)}


def test_the_dutch_set_is_big_enough():
    dreams, groups = dutch_set()
    assert len(dreams) >= 80
    assert len(set(groups.values())) == 9


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


def test_labels_are_words_people_wrote():
    dreams, _ = dutch_set()
    themes, _ = find_themes(dreams, "nl")
    labels = {t.label.split(" & ")[0].lower() for t in themes}
    assert {"eenzaamheid", "vrijwilligers", "armoede", "jongeren"} <= labels
    text = " ".join(t for _, t in dreams).lower()
    for theme in themes:
        assert all(word in text for word in theme.label.lower().split(" & "))


def test_every_dream_in_a_theme_contains_one_of_its_words():
    """The explanation shown in the report ("dreams with the word ...") is true."""
    dreams, _ = dutch_set()
    texts = dict(dreams)
    themes, _ = find_themes(dreams, "nl")
    for theme in themes:
        for dream_id in theme.dream_ids:
            assert any(word in texts[dream_id].lower() for word in theme.words), (theme.label, texts[dream_id])


def test_a_dream_is_in_one_theme_at_most_and_none_is_lost():
    dreams, _ = dutch_set()
    themes, left = find_themes(dreams, "nl")
    placed = [i for t in themes for i in t.dream_ids] + left
    assert sorted(placed) == sorted(i for i, _ in dreams)


def test_the_same_dreams_in_another_order_give_the_same_themes():
    dreams, _ = dutch_set()
    first, _ = find_themes(dreams, "nl")
    shuffled = dreams[:]
    random.Random(7).shuffle(shuffled)
    second, _ = find_themes(shuffled, "nl")
    assert [(t.label, sorted(t.dream_ids)) for t in first] == [(t.label, sorted(t.dream_ids)) for t in second]


def test_compounds_count_for_the_word_they_start_with():
    themes, _ = find_themes([(1, "Een buurthuis dat open is"), (2, "Een buurt die leeft"),
                             (3, "Buurtbewoners die elkaar groeten")], "nl")
    assert len(themes) == 1 and sorted(themes[0].dream_ids) == [1, 2, 3]
    assert themes[0].label.lower().startswith("buurt")


def test_english_dreams_find_english_themes():
    themes, _ = find_themes(list(enumerate(DREAMS_EN)), "en")
    labels = [t.label.lower() for t in themes]
    assert any(label.startswith("volunteer") for label in labels)
    assert any(label.startswith("carer") for label in labels)


def test_too_few_dreams_make_no_themes():
    assert find_themes([], "nl") == ([], [])
    assert find_themes([(1, "Samen sterk")], "nl") == ([], [1])
    assert minimum_size(10) == 2 and minimum_size(500) == 20
