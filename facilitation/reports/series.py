"""Evenings of one series side by side, each figure taken from that evening's own report."""
from flask_babel import gettext

from . import operations
from .content import gather

TOP_THEMES = 3


def prepare(events) -> None:
    """Themes are found the first time anyone looks (as on the report page), so the figures agree with it."""
    for event in events:
        operations.ensure_themes(event)


def compare(events) -> list[dict]:
    """One row per evening, oldest first: guests and roles, top themes, deeds done, matches carried out, rating."""
    rows = []
    for event in events:
        report = gather(event)
        follow_up = report["follow_up"]
        rows.append({
            "event": event,
            "people": report["counts"]["people"],
            "roles": ", ".join(f"{row['role']} {row['count']}" for row in report["attendance"]["by_role"]),
            "dreams": report["counts"]["dreams"],
            "themes": [theme["label"] for theme in report["dreams"]["themes"] if theme["id"] is not None][:TOP_THEMES],
            "deeds": report["counts"]["deeds"],
            "deeds_done": follow_up["done"],
            "deeds_answered": follow_up["answered"],
            "matches": report["counts"]["matches"],
            "matches_carried_out": follow_up["matches"]["carried_out"],
            "rating": report["evaluation"]["average"],
            "ratings": report["evaluation"]["count"],
        })
    return rows


def unknown() -> str:
    """What a cell says when the anonymity rule hides a figure or nobody answered yet."""
    return gettext("not known")
