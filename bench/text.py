"""The text benchmark (`make bench-text`): how the screening does, one command away.

Prints the held rate per function of our own functional suite (tests/moderation/screening_suite.py), of the
judging set written apart from it (tests/moderation/screening_judging_set.txt), of a blind set written by
someone who saw neither (screening_blind_set.txt), and on the real statements
in ../shared/outside/ (skipped where that folder is not beside the checkout), with the time per text.
Writes bench/results/text.json (ignored by git).
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
    else:
        print("\n../shared/outside/ is not beside this checkout: real statements not measured")
    print(f"\n{TARGETS}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "text.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
