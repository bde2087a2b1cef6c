"""The organiser's edits to the report. They flush, never commit."""
from flask_babel import lazy_gettext as _l

from ..errors import Refused
from ..extensions import db
from ..limits import LIMITS
from ..text import clean_text
from ..util import form_int
from .models import LeftOut, ReportText, Theme, ThemeDream
from .queries import LEAVABLE, owner_of, report_text, reportable_dream, reportable_dreams, theme_of, themes
from .themes import find_themes


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
    found, _ = find_themes([(d.id, d.readable) for d in dreams], event.language, places=(event.venue or "",))
    for position, item in enumerate(found, start=1):
        theme = Theme(event_id=event.id, position=position, label=item.label[:LIMITS.theme_label],
                      words=", ".join(item.words)[:200])
        theme.members = [ThemeDream(dream_id=dream_id) for dream_id in item.dream_ids]
        db.session.add(theme)
    db.session.flush()
    return themes(event)


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


def move_dream(event, dream_id, theme_id) -> None:
    """Put a dream in another theme (the facilitator's or the organiser's call over the words)."""
    dream = reportable_dream(event, dream_id)
    theme = theme_of(event, theme_id)
    member = db.session.get(ThemeDream, dream.id)
    if member is None:
        db.session.add(ThemeDream(dream_id=dream.id, theme_id=theme.id))
    else:
        member.theme_id = theme.id
    db.session.flush()


def _item(event, kind: str, item_id):
    model, _ = LEAVABLE.get(kind, (None, None))
    item = db.session.get(model, form_int(str(item_id))) if model and form_int(str(item_id)) is not None else None
    if item is None or owner_of(item) != event.id:
        raise Refused(_l("That item no longer exists. Reload the page."), status=409)
    return item


def leave_out(event, kind: str, item_id) -> None:
    """Keep a dream, contribution, deed or rating comment out of the report and every download."""
    item = _item(event, kind, item_id)
    column = getattr(LeftOut, LEAVABLE[kind][1])
    if db.session.scalar(db.select(LeftOut.id).where(column == item.id)) is None:
        db.session.add(LeftOut(event_id=event.id, **{column.key: item.id}))
    db.session.flush()


def put_back(event, kind: str, item_id) -> None:
    item = _item(event, kind, item_id)
    column = getattr(LeftOut, LEAVABLE[kind][1])
    db.session.execute(db.delete(LeftOut).where(LeftOut.event_id == event.id, column == item.id))


