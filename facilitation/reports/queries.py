"""What the report reads: its texts and themes, what is in it and what the organiser left out."""
from flask_babel import lazy_gettext as _l

from ..dreams.models import Dream
from ..errors import Refused
from ..extensions import db
from ..programme.models import Deed, Rating
from ..review import Review
from ..tables.models import Contribution, Table
from ..util import form_int
from .models import LeftOut, ReportText, Theme, ThemeDream


#: what the organiser can leave out: the kind in the URL, its model and the LeftOut column
LEAVABLE = {"dream": (Dream, "dream_id"), "contribution": (Contribution, "contribution_id"),
            "deed": (Deed, "deed_id"), "comment": (Rating, "rating_id")}


def report_text(event) -> ReportText:
    return db.session.get(ReportText, event.id) or ReportText(event_id=event.id, introduction="", closing="",
                                                              account="")


def themes(event) -> list[Theme]:
    return list(db.session.scalars(db.select(Theme).filter_by(event_id=event.id).order_by(Theme.position, Theme.id)))


def _reportable(event):
    """Dreams that go in the report: on the wall (never hidden or waiting) and not left out."""
    left_out = db.select(LeftOut.dream_id).where(LeftOut.event_id == event.id, LeftOut.dream_id.is_not(None))
    return db.select(Dream).where(Dream.event_id == event.id, Dream.review == Review.visible,
                                  Dream.id.not_in(left_out))


def reportable_dreams(event) -> list[Dream]:
    """Dreams that go in the report, in the order they came."""
    return list(db.session.scalars(_reportable(event).order_by(Dream.created_at, Dream.id)))


def reportable_dream_lines(event) -> list:
    """The same dreams as rows of what a screen shows of each (id, text, translation, language): the big screen's
    theme view and the console's theme panel draw 2,000 dreams on every refresh without loading 2,000 objects."""
    return list(db.session.execute(
        _reportable(event).with_only_columns(Dream.id, Dream.text, Dream.translation, Dream.written_in)
        .order_by(Dream.created_at, Dream.id)))


def _stored_places(event, dream_ids: set[int]) -> dict[int, int]:
    """Dream id -> theme id, as the themes were found, renamed, merged and moved."""
    rows = db.session.execute(db.select(ThemeDream.dream_id, ThemeDream.theme_id).join(Theme)
                              .where(Theme.event_id == event.id))
    return {dream_id: theme_id for dream_id, theme_id in rows if dream_id in dream_ids}


def _by_words(dream, words: list[tuple[int, list[str]]]) -> int | None:
    """The first theme whose listed words a newer dream contains (a dream, or a row of reportable_dream_lines)."""
    text = (dream.translation or dream.text).lower()
    return next((theme_id for theme_id, listed in words if any(word in text for word in listed)), None)


def grouped(event, dreams: list[Dream]) -> tuple[list[tuple[Theme, list[Dream]]], list[Dream]]:
    """These dreams under the event's themes as stored (found, then renamed, merged and moved by the facilitator
    or the organiser), and the dreams in none. A dream that came after the themes were found goes to the first
    theme whose listed words it contains ("dreams with the word ..."), so the big screen's theme view grows as
    dreams arrive without the themes changing under the room's eyes. One grouping for the big screen and the
    report."""
    found = themes(event)
    placed = _stored_places(event, {dream.id for dream in dreams})
    words = [(theme.id, [w for w in theme.words.split(", ") if w]) for theme in found]
    for dream in dreams:
        if dream.id not in placed and (theme_id := _by_words(dream, words)) is not None:
            placed[dream.id] = theme_id
    groups = [(theme, [d for d in dreams if placed.get(d.id) == theme.id]) for theme in found]
    return [(theme, members) for theme, members in groups if members], [d for d in dreams if d.id not in placed]


def theme_of(event, theme_id) -> Theme:
    theme = db.session.get(Theme, form_int(str(theme_id))) if form_int(str(theme_id)) is not None else None
    if theme is None or theme.event_id != event.id:
        raise Refused(_l("That theme no longer exists. Reload the page."), status=409)
    return theme


def reportable_dream(event, dream_id) -> Dream:
    """A dream of this event that is in the report, or a friendly refusal (it was hidden or left out meanwhile)."""
    dream_id = form_int(str(dream_id))
    dream = db.session.scalar(_reportable(event).where(Dream.id == dream_id)) if dream_id is not None else None
    if dream is None:
        raise Refused(_l("That dream is no longer on the wall. Reload the page."), status=409)
    return dream


def owner_of(item) -> int:
    return item.event_id if hasattr(item, "event_id") else db.session.get(Table, item.table_id).event_id


def left_out(event) -> dict[str, set[int]]:
    """Per kind (dream, contribution, deed, comment), the ids left out of the report."""
    rows = db.session.execute(db.select(*(getattr(LeftOut, column) for _, column in LEAVABLE.values()))
                              .filter_by(event_id=event.id))
    found = {kind: set() for kind in LEAVABLE}
    for row in rows:
        for kind, item_id in zip(LEAVABLE, row):
            if item_id:
                found[kind].add(item_id)
    return found


def reportable_contributions(event) -> list[Contribution]:
    """Contributions on view at their table and not left out, in the order they were written."""
    leave = left_out(event)["contribution"]
    return [c for c in db.session.scalars(
        db.select(Contribution).join(Table).where(Table.event_id == event.id, Contribution.review == Review.visible)
        .order_by(Contribution.created_at, Contribution.id)) if c.id not in leave]


def reportable_deeds(event) -> list[Deed]:
    leave = left_out(event)["deed"]
    return [d for d in db.session.scalars(db.select(Deed).filter_by(event_id=event.id, review=Review.visible)
                                          .order_by(Deed.created_at, Deed.id)) if d.id not in leave]


def ratings(event) -> list[Rating]:
    return list(db.session.scalars(db.select(Rating).filter_by(event_id=event.id).order_by(Rating.id)))


def reportable_comment(rating: Rating, leave: set[int]) -> str:
    """A rating's comment as the report gives it: empty while it waits, once hidden or left out."""
    return rating.comment if rating.visible and rating.id not in leave else ""


def reportable_comments(event) -> list[Rating]:
    """Ratings whose comment is in the report (their stars always count)."""
    leave = left_out(event)["comment"]
    return [r for r in ratings(event) if reportable_comment(r, leave)]


def left_out_items(event) -> list[dict]:
    """What is left out, to show with a "put back" button: kind, id and text."""
    items = []
    for kind, ids in left_out(event).items():
        model = LEAVABLE[kind][0]
        for item in db.session.scalars(db.select(model).where(model.id.in_(ids)).order_by(model.id)):
            items.append({"kind": kind, "id": item.id, "text": item.comment if kind == "comment" else item.text})
    return items
