"""Real texts nobody on the project wrote (`../shared/outside/`, beside the checkout): residents' project
titles from Amsterdam's participatory budgets and Pol.is statements. For measuring only; never copied
into the project. An empty list where the folder is not there."""
import csv
from pathlib import Path

from facilitation import ROOT

OUTSIDE = Path(ROOT).parent / "shared" / "outside"


def outside_texts() -> list[tuple[str, str, str | None]]:
    """(file name, text, the city's category or None) for every row of every CSV file there."""
    rows = []
    for path in sorted(OUTSIDE.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            rows += [(path.name, row["text"], row.get("category")) for row in csv.DictReader(f)]
    return rows
