"""The organiser's edits to the report. They flush, never commit."""
from flask_babel import lazy_gettext as _l

from ..dreams.models import Dream, DreamStatus
from ..errors import Refused
from ..extensions import db
from ..limits import LIMITS
from ..programme.models import Deed, Rating
from ..review import Review
from ..tables.models import Contribution, Table
from ..text import clean_text
from ..util import form_int
from .models import LeftOut, ReportText, Theme, ThemeDream
from .themes import find_themes



def report_text(event) -> ReportText:
    return db.session.get(ReportText, event.id) or ReportText(event_id=event.id, introduction="", closing="",
                                                              account="")


def save_texts(event, introduction: str, closing: str) -> ReportText:
    text = report_text(event)
    text.introduction = clean_text(introduction, LIMITS.report_text, keep_paragraphs=True)
    text.closing = clean_text(closing, LIMITS.report_text, keep_paragraphs=True)
    db.session.add(text)
    db.session.flush()
    return text


def save_account(event, account: str) -> ReportText:
    """The organiser's edit of the account; saved empty, the draft from the data comes back."""
    text = report_text(event)
    text.account = clean_text(account, LIMITS.report_account, keep_paragraphs=True)
    db.session.add(text)
    db.session.flush()
    return text


def themes(event) -> list[Theme]:
    return list(db.session.scalars(db.select(Theme).filter_by(event_id=event.id).order_by(Theme.position, Theme.id)))


def reportable_dreams(event) -> list[Dream]:
    """Dreams that go in the report: on the wall (never hidden or waiting) and not left out."""
    left_out = db.select(LeftOut.dream_id).where(LeftOut.event_id == event.id, LeftOut.dream_id.is_not(None))
    return list(db.session.scalars(
        db.select(Dream).where(Dream.event_id == event.id, Dream.status == DreamStatus.visible,
                               Dream.id.not_in(left_out)).order_by(Dream.created_at, Dream.id)))


def ensure_themes(event) -> list[Theme]:
    """The event's themes; found and stored the first time anyone looks, so edits stick."""
    found = themes(event)
    if found or not reportable_dreams(event):
        return found
    return find_themes_again(event)


def find_themes_again(event) -> list[Theme]:
    """Throw away the themes (and their names and merges) and find them afresh."""
    db.session.execute(db.delete(Theme).where(Theme.event_id == event.id))
    dreams = reportable_dreams(event)
    found, _ = find_themes([(d.id, d.text) for d in dreams], event.language)
    for position, item in enumerate(found, start=1):
        theme = Theme(event_id=event.id, position=position, label=item.label[:LIMITS.theme_label],
                      words=", ".join(item.words)[:200])
        theme.members = [ThemeDream(dream_id=dream_id) for dream_id in item.dream_ids]
        db.session.add(theme)
    db.session.flush()
    return themes(event)


def theme_of(event, theme_id) -> Theme:
    theme = db.session.get(Theme, form_int(str(theme_id))) if form_int(str(theme_id)) is not None else None
    if theme is None or theme.event_id != event.id:
        raise Refused(_l("That theme no longer exists. Reload the page."), status=409)
    return theme


def rename_theme(theme: Theme, label: str) -> None:
    label = clean_text(label, LIMITS.theme_label)
    if not label:
        raise Refused(_l("Give the theme a name."))
    theme.label = label


def merge_themes(theme: Theme, into: Theme) -> None:
    """Move every dream of one theme into another; the emptied theme goes."""
    if theme.id == into.id:
        raise Refused(_l("Choose another theme to merge with."))
    db.session.execute(db.update(ThemeDream).where(ThemeDream.theme_id == theme.id).values(theme_id=into.id))
    words = [w for w in (into.words.split(", ") + theme.words.split(", ")) if w]
    into.words = ", ".join(dict.fromkeys(words))[:200]
    db.session.delete(theme)
    db.session.flush()


#: what the organiser can leave out: the kind in the URL, its model and the LeftOut column
_LEAVABLE = {"dream": (Dream, "dream_id"), "contribution": (Contribution, "contribution_id"),
             "deed": (Deed, "deed_id"), "comment": (Rating, "rating_id")}


def _owner(item) -> int:
    return item.event_id if hasattr(item, "event_id") else db.session.get(Table, item.table_id).event_id


def _item(event, kind: str, item_id):
    model, _ = _LEAVABLE.get(kind, (None, None))
    item = db.session.get(model, form_int(str(item_id))) if model and form_int(str(item_id)) is not None else None
    if item is None or _owner(item) != event.id:
        raise Refused(_l("That item no longer exists. Reload the page."), status=409)
    return item


def leave_out(event, kind: str, item_id) -> None:
    """Keep a dream, contribution, deed or rating comment out of the report and every download."""
    item = _item(event, kind, item_id)
    column = getattr(LeftOut, _LEAVABLE[kind][1])
    if db.session.scalar(db.select(LeftOut.id).where(column == item.id)) is None:
        db.session.add(LeftOut(event_id=event.id, **{column.key: item.id}))
    db.session.flush()


def put_back(event, kind: str, item_id) -> None:
    item = _item(event, kind, item_id)
    column = getattr(LeftOut, _LEAVABLE[kind][1])
    db.session.execute(db.delete(LeftOut).where(LeftOut.event_id == event.id, column == item.id))


def left_out(event) -> dict[str, set[int]]:
    """Per kind (dream, contribution, deed, comment), the ids left out of the report."""
    rows = db.session.execute(db.select(*(getattr(LeftOut, column) for _, column in _LEAVABLE.values()))
                              .filter_by(event_id=event.id))
    found = {kind: set() for kind in _LEAVABLE}
    for row in rows:
        for kind, item_id in zip(_LEAVABLE, row):
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
        model = _LEAVABLE[kind][0]
        for item in db.session.scalars(db.select(model).where(model.id.in_(ids)).order_by(model.id)):
            items.append({"kind": kind, "id": item.id, "text": item.comment if kind == "comment" else item.text})
    return items
