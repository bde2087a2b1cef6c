"""Charts for the report, drawn by matplotlib: SVG for the page, HTML and PDF; PNG for Word.

The SVG is rewritten to use presentation attributes instead of style attributes (fpdf2 and
strict viewers read those best), and shown on pages as an <img> with a data: address.
"""
import base64
import io
import re
import warnings
from functools import cache
from pathlib import Path

from flask_babel import format_time, gettext

from ..text import printable_all
from ..util import parse_iso


@cache
def _matplotlib():
    """matplotlib, set up once when the first chart is drawn (loading it costs a second at every start)."""
    import matplotlib  # late: a heavy library, loaded only when a chart is drawn

    matplotlib.use("Agg")
    matplotlib.rcParams.update({
        "svg.hashsalt": "facilitation",  # the same chart gives the same file
        # names are typed by people: "Budget $\\notacommand$" is a table name, not a formula to typeset
        "text.parse_math": False,
        "text.usetex": False,
        "font.family": "DejaVu Sans",
        "font.size": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
    })
    return matplotlib


def fonts_folder():
    """matplotlib's DejaVu fonts, which the PDF embeds too."""
    return Path(_matplotlib().get_data_path()) / "fonts" / "ttf"
INK, ACCENT, SECOND = "#1f2a44", "#2e6b5e", "#c4672d"
KINDS = ("roles", "timeline", "votes")


def titles() -> dict[str, str]:
    return {
        "roles": gettext("Who took part, by role"),
        "timeline": gettext("Dreams and contributions over the evening"),
        "votes": gettext("Votes per table"),
    }


def description(kind: str, report: dict) -> str:
    """What the chart shows, in words: its alt text in Word and on the page, for people who cannot see it."""
    if kind == "roles":
        values = [f"{row['role']} {row['count']}" for row in report["attendance"]["by_role"]]
    elif kind == "timeline":
        values = [f"{format_time(parse_iso(b['start']), 'HH:mm')} {b['dreams']}/{b['contributions']}"
                  for b in report["timeline"]["buckets"] if b["dreams"] or b["contributions"]]
        return gettext("%(title)s. Dreams/contributions per %(n)s minutes: %(values)s.", title=titles()[kind],
                       n=report["timeline"]["minutes"], values=", ".join(values))
    else:
        values = [f"{table['name']} {table['votes']}" for table in report["tables"]]
    return f"{titles()[kind]}: {', '.join(values)}."


def available(report: dict) -> list[str]:
    """The charts that have something to show."""
    kinds = []
    if report["attendance"]["by_role"]:
        kinds.append("roles")
    if report["timeline"]["buckets"]:
        kinds.append("timeline")
    if any(table["votes"] for table in report["tables"]):
        kinds.append("votes")
    return kinds


def _figure(kind: str, report: dict):
    _matplotlib()
    from matplotlib.figure import Figure  # late: a heavy library, loaded only when a chart is drawn

    report = printable_all(report)  # an SVG holds XML: no noncharacters or control characters
    figure = Figure(figsize=(7.2, 3.6), layout="constrained")
    axes = figure.add_subplot()
    axes.set_title(titles()[kind], loc="left", color=INK, fontsize=13)
    if kind == "roles":
        rows = report["attendance"]["by_role"]
        labels = [row["role"] for row in rows][::-1]
        counts = [row["count"] for row in rows][::-1]
        axes.barh(labels, counts, color=ACCENT)
        axes.bar_label(axes.containers[0], padding=3, color=INK)
        axes.set_xlabel(gettext("People"))
        axes.xaxis.get_major_locator().set_params(integer=True)
    elif kind == "timeline":
        buckets = report["timeline"]["buckets"]
        labels = [format_time(parse_iso(b["start"]), "HH:mm") for b in buckets]
        positions = range(len(buckets))
        axes.plot(positions, [b["dreams"] for b in buckets], color=ACCENT, marker="o", label=gettext("Dreams"))
        axes.plot(positions, [b["contributions"] for b in buckets], color=SECOND, marker="s",
                  label=gettext("Contributions"))
        step = max(1, len(labels) // 8)
        axes.set_xticks(list(positions)[::step], labels[::step])
        axes.set_ylabel(gettext("Per %(n)s minutes", n=report["timeline"]["minutes"]))
        axes.legend(frameon=False)
    else:
        tables = report["tables"]
        labels = [table["name"] for table in tables]
        axes.bar(labels, [table["votes"] for table in tables], color=ACCENT)
        axes.bar_label(axes.containers[0], padding=2, color=INK)
        axes.set_ylabel(gettext("Votes"))
        axes.tick_params(axis="x", labelrotation=30 if len(labels) > 5 else 0)
    if kind != "roles":
        axes.yaxis.get_major_locator().set_params(integer=True)
    return figure


STYLE_ATTRIBUTE = re.compile(r'style="([^"]*)"')


def _attributes(match: re.Match) -> str:
    pairs = (part.split(":", 1) for part in match.group(1).split(";") if ":" in part)
    return " ".join(f'{name.strip()}="{value.strip()}"' for name, value in pairs)


def _save(figure, buffer, **options) -> None:
    """Names are typed by people in any script: a character DejaVu Sans lacks is drawn as a box, not an error."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
        figure.savefig(buffer, **options)


def svg(kind: str, report: dict) -> str:
    buffer = io.StringIO()
    _save(_figure(kind, report), buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    text = re.sub(r"<style[^>]*>.*?</style>\s*", "", text, flags=re.S)
    text = STYLE_ATTRIBUTE.sub(_attributes, text)
    return text


def data_uri(kind: str, report: dict) -> str:
    """The chart as an image address, for the page and for report.html (one file, nothing to fetch)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg(kind, report).encode()).decode()


def png(kind: str, report: dict, dpi: int = 200) -> bytes:
    buffer = io.BytesIO()
    _save(_figure(kind, report), buffer, format="png", dpi=dpi)
    return buffer.getvalue()
