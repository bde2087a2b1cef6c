"""The text benchmark (`make bench-text`): how the screening and the themes do, one command away.

Themes: per set in ../shared/outside/ and per set of the project's own (tests/reports/*.txt), the share of
texts in a named theme, the weighted purity (the share of a theme's texts in its biggest category; where the
set has categories), the number of themes, and every label with three of its texts. Targets (issue #27):
at least 85 % in a named theme, purity at least 0.75, no theme named after a place or a filler word.

Prints the held rate per function of our own functional suite (tests/moderation/screening_suite.py), of the
judging set written apart from it (tests/moderation/screening_judging_set.txt), of a blind set written by
someone who saw neither (screening_blind_set.txt), and on the real statements
in ../shared/outside/ (skipped where that folder is not beside the checkout), with the time per text.
Prints how many real statements would wait for the facilitator because they were taken for a language the
screening cannot read (issue #30). Writes bench/results/text.json (ignored by git).
"""
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from facilitation.screening import hold_reason  # noqa: E402
from tests.moderation.screening_suite import CASES, SLUR_FUNCTIONS, THREATS  # noqa: E402
from tests.moderation.test_screening_functions import BLIND_SET, judging_cases  # noqa: E402
from tests.outside import outside_texts  # noqa: E402

TARGETS = "targets: hateful held >= 80 % (threats >= 90 %, slurs >= 90 %); non-hateful held <= 10 %; real <= 0.5 %"


def rates(cases) -> dict:
    table = {}
    for function, hateful, text in cases:
        row = table.setdefault(function, {"hateful": hateful, "held": 0, "cases": 0})
        row["held"] += bool(hold_reason(text))
        row["cases"] += 1
    return table


def share(table, keep) -> float:
    held = sum(r["held"] for f, r in table.items() if keep(f, r))
    cases = sum(r["cases"] for f, r in table.items() if keep(f, r))
    return round(100 * held / max(1, cases), 1)


def summary(table) -> dict:
    return {
        "hateful_held_pct": share(table, lambda f, r: r["hateful"]),
        "threats_held_pct": share(table, lambda f, r: f in THREATS),
        "slurs_held_pct": share(table, lambda f, r: f in SLUR_FUNCTIONS),
        "non_hateful_held_pct": share(table, lambda f, r: not r["hateful"]),
    }


def print_table(title, table) -> None:
    print(f"\n{title}\n| function | hateful | held | cases | held % |\n|---|---|---|---|---|")
    for function, r in table.items():
        print(f"| {function} | {'yes' if r['hateful'] else 'no'} | {r['held']} | {r['cases']} | "
              f"{100 * r['held'] / r['cases']:.0f} |")
    print(" · ".join(f"{k}: {v}" for k, v in summary(table).items()))


#: what an event knows of where it is (its venue and town): per outside set
OUTSIDE_PLACES = {
    "pabulib-ams-centrum-2020.csv": ("Amsterdam Centrum",),
    "pabulib-ams-kleinewereld-2019.csv": ("Kleine Wereld, Amsterdam-Noord",),
    "pabulib-ams-oudoost-2020.csv": ("Oud-Oost, Amsterdam",),
    "pabulib-ams-watergraafsmeer-2020.csv": ("Watergraafsmeer, Amsterdam-Oost",),
    "polis-affordable-housing.csv": ("New Zealand",),
    "polis-bg2050-volunteers.csv": ("Bowling Green, Kentucky",),
}
THEME_TARGETS = "targets: >= 85 % in a named theme, purity >= 0.75, 0 place or filler labels"


def theme_sets() -> list[tuple[str, str, list[str], list[str | None], tuple[str, ...]]]:
    """(name, language, texts, categories, places) of the outside sets and of the project's own."""
    from tests.reports.test_themes import ALL, read_set

    found = {}
    for name, text, category in outside_texts():
        found.setdefault(name, ([], []))
        found[name][0].append(text)
        found[name][1].append(category)
    sets = [(name, "en" if name.startswith("polis") else "nl", texts, categories, OUTSIDE_PLACES.get(name, ()))
            for name, (texts, categories) in found.items()]
    for name, (path, language) in ALL.items():
        dreams, groups = read_set(path)
        sets.append((f"own: {name}", language, [text for _, text in dreams], [groups[n] for n, _ in dreams], ()))
    return sets


def measure_themes() -> list[dict]:
    from collections import Counter

    from facilitation.reports.themes import find_themes

    rows = []
    print("\nThemes\n| set | texts | in a named theme | purity | themes | seconds |\n|---|---|---|---|---|---|")
    labels = []
    for name, language, texts, categories, places in theme_sets():
        started = time.perf_counter()
        themes, _ = find_themes(list(enumerate(texts)), language, places=places)
        seconds = time.perf_counter() - started
        placed = sum(len(theme.dream_ids) for theme in themes)
        purity = None
        if all(categories):
            purity = sum(Counter(categories[n] for n in theme.dream_ids).most_common(1)[0][1]
                         for theme in themes) / max(1, placed)
        row = {"set": name, "texts": len(texts), "in_theme_pct": round(100 * placed / len(texts), 1),
               "purity": purity and round(purity, 2), "themes": len(themes), "seconds": round(seconds, 3),
               "labels": [{"label": theme.label, "count": len(theme.dream_ids),
                           "examples": [texts[n][:80] for n in theme.dream_ids[:3]]} for theme in themes]}
        rows.append(row)
        print(f"| {name} | {len(texts)} | {row['in_theme_pct']} % | {row['purity'] if purity else '—'} | "
              f"{len(themes)} | {seconds:.2f} |")
        labels.append((name, row["labels"]))
    for name, found in labels:
        print(f"\n{name}")
        for theme in found:
            print(f"  {theme['label']} ({theme['count']}): " + " · ".join(theme["examples"]))
    # an evening of 2,000 dreams: each a Dutch text of the sets above with the start of another (all distinct)
    import random

    dutch = [text for _, language, texts, _, _ in theme_sets() if language == "nl" for text in texts]
    rng = random.Random(2000)
    evening = [(n, f"{rng.choice(dutch)} {' '.join(rng.choice(dutch).split()[:4])}") for n in range(2000)]
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        themes, left = find_themes(evening, "nl")
        timings.append(time.perf_counter() - started)
    rows.append({"set": "2,000 dreams", "seconds": [round(t, 3) for t in timings]})
    print(f"\nThemes of 2,000 dreams found in " + ", ".join(f"{t:.2f} s" for t in timings) + " (three runs); "
          f"{len(themes)} themes, {len(evening) - len(left)} dreams in one "
          f"(target: at most 1 s; found when the facilitator shows the theme view, never on the live path)")
    print(f"\n{THEME_TARGETS}")
    return rows


def main() -> None:
    results = {}
    sets = (("own functional suite", CASES), ("judging set", judging_cases()),
            ("blind set, written by someone who saw neither rules nor suite", judging_cases(BLIND_SET)))
    for name, cases in sets:
        table = rates(cases)
        print_table(f"Screening, {name} ({len(cases)} Dutch cases)", table)
        results[name] = {"functions": table, **summary(table)}
    texts = outside_texts()
    if texts:
        started = time.perf_counter()
        held = [(name, text, str(hold_reason(text))) for name, text, _ in texts if hold_reason(text)]
        per_text_ms = 1000 * (time.perf_counter() - started) / len(texts) / 2
        print(f"\nReal statements in ../shared/outside/: {len(held)} of {len(texts)} held "
              f"({100 * len(held) / len(texts):.2f} %), {per_text_ms:.2f} ms per text")
        for name, text, reason in held:
            print(f"  {reason}: {text[:100]} ({name})")
        results["outside"] = {"held": len(held), "texts": len(texts), "held_texts": held}
        results["languages"] = measure_languages(texts)
    else:
        print("\n../shared/outside/ is not beside this checkout: real statements not measured")
    print(f"\n{TARGETS}")
    results["themes"] = measure_themes()
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "text.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))


def measure_languages(texts) -> dict:
    """Issue #30: the language each real text is found to be written in, read by a guest whose phone shows the
    set's language. A text found to be in a language the screening cannot read would wait for the facilitator:
    on these sets every one of them is a false alarm, so the share should stay near 0."""
    from facilitation.written import SCREENED, written_in

    started = time.perf_counter()
    found = [(name, text, written_in(text, "en" if name.startswith("polis") else "nl")) for name, text, _ in texts]
    per_text_ms = 1000 * (time.perf_counter() - started) / len(texts)
    unread = [(name, text, language) for name, text, language in found if language not in SCREENED | {None}]
    print(f"\nLanguages of the real statements: {len(unread)} of {len(texts)} found in a language the screening "
          f"cannot read ({100 * len(unread) / len(texts):.2f} %; each would wait), {per_text_ms:.2f} ms per text")
    for name, text, language in unread:
        print(f"  {language}: {text[:100]} ({name})")
    return {"unread": len(unread), "texts": len(texts), "unread_texts": unread}


if __name__ == "__main__":
    main()
