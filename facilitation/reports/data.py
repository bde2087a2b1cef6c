"""The raw data of an event for the organiser's own analysis: data.xlsx, data.zip (CSV) and report.json.

The same rules as the report: hidden or waiting dreams and left-out items are not in it, names
are never in it, and roles with fewer than three people are counted under "other".
"""
import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass

from datetime import timezone

from babel.numbers import get_decimal_symbol
from flask_babel import get_locale, gettext, to_user_timezone

from ..dreams.models import Heart
from ..events.queries import counts
from ..extensions import db
from ..programme.labels import phase_kind_label, phase_title
from ..programme.models import Phase
from ..review import Review
from ..tables.labels import kind_label
from ..tables.models import AdviceCard, CardStatus, Endorsement, Table, Vote
from . import queries
from ..text import printable
from ..market.queries import rows_for_data as market_rows
from ..market.rubrics import rubric_label
from ..i18n import language_name
from .content import attendance, languages, pitches

#: a spreadsheet would run a cell starting with one of these as a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Text that a spreadsheet would read as a formula gets a leading apostrophe; numbers stay numbers."""
    if isinstance(value, str):
        value = printable(value)  # no noncharacters or control characters: Excel refuses the file
        if value.startswith(FORMULA_STARTS):
            return "'" + value
    return value


#: where a spreadsheet may split a line into cells: "," in English, ";" in a Dutch-language Excel or LibreOffice
CSV_SPLITS = re.compile(r"([;,])")


def neutralise_csv(value):
    """Like `neutralise`, for every part of the text as a spreadsheet might split it on ";" or ",".

    Every field is quoted as well, but a spreadsheet that is told the wrong separator, or a person
    who pastes a cell, must still never find a live formula: "x;=1+1;y" becomes "x;'=1+1;y".
    """
    value = neutralise(value)
    if not isinstance(value, str) or not any(start in value for start in FORMULA_STARTS):
        return value
    parts = CSV_SPLITS.split(value)
    for n in range(2, len(parts), 2):  # the parts after a separator; the first is done above
        stripped = parts[n].lstrip(" ")
        if stripped.startswith(FORMULA_STARTS):
            parts[n] = parts[n][: len(parts[n]) - len(stripped)] + "'" + stripped
    return "".join(parts)


@dataclass
class Sheet:
    #: file name in data.zip, stable for scripts
    slug: str
    title: str
    headers: list[str]
    rows: list[list]


def _time(moment):
    """A moment as the venue's clock showed it (the database keeps UTC)."""
    if not moment:
        return ""
    return to_user_timezone(moment.replace(tzinfo=timezone.utc)).replace(microsecond=0, tzinfo=None).isoformat(sep=" ")


def _card_status(status: CardStatus) -> str:
    return gettext("submitted") if status is CardStatus.submitted else gettext("draft")


def _language(code: str | None) -> str:
    return language_name(code) if code else ""


def _the_room(event, dreams) -> list[Sheet]:
    """Who came, what was pitched, the dreams on the wall (in the language they were written in, with a
    translator's line) and their hearts."""
    theme_of = {m.dream_id: theme.label for theme in queries.themes(event) for m in theme.members}
    # the hearts of guests who count (not those of a burst of joins the facilitator did not accept)
    hearts = db.session.scalars(db.select(Heart).where(Heart.dream_id.in_({d.id for d in dreams}),
                                                       counts(Heart.participant_id)).order_by(Heart.id))
    return [
        Sheet("participants_by_role", gettext("Participants by role"), [gettext("Role"), gettext("People")],
              [[row["role"], row["count"]] for row in attendance(event)["by_role"]]),
        Sheet("pitches", gettext("Pitches"),
              [gettext("Position"), gettext("Speaker"), gettext("The dream they pitched"), gettext("On the wall"),
               gettext("Hearts")],
              [[pitch["position"], pitch["speaker"], pitch["dream"], int(pitch["on_wall"]), pitch["hearts"]]
               for pitch in pitches(event)]),
        Sheet("dreams", gettext("Dreams"), ["id", gettext("Dream"), gettext("Hearts"), gettext("Theme"), gettext("Time"),
                                            gettext("Language"), gettext("Translation")],
              [[d.id, d.text, d.heart_count, theme_of.get(d.id, ""), _time(d.created_at), _language(d.written_in),
                d.translation or ""] for d in dreams]),
        Sheet("hearts", gettext("Hearts"), [gettext("Dream id"), gettext("Time")],
              [[h.dream_id, _time(h.created_at)] for h in hearts]),
    ]


def _the_tables(event) -> list[Sheet]:
    """The tables, what was said at each (contributions and their votes), the advice cards and endorsements."""
    tables = list(db.session.scalars(db.select(Table).filter_by(event_id=event.id).order_by(Table.position)))
    table_name = {t.id: t.name for t in tables}
    contributions = sorted(queries.reportable_contributions(event), key=lambda c: c.id)
    contribution_table = {c.id: c.table_id for c in contributions}
    votes = db.session.scalars(db.select(Vote).where(Vote.contribution_id.in_(contribution_table),
                                                     counts(Vote.participant_id)).order_by(Vote.id))
    cards = db.session.scalars(db.select(AdviceCard).where(AdviceCard.table_id.in_(table_name),
                                                           AdviceCard.review == Review.visible)
                               .order_by(AdviceCard.table_id, AdviceCard.round))
    endorsements = db.session.scalars(db.select(Endorsement).where(Endorsement.table_id.in_(table_name),
                                                                   counts(Endorsement.participant_id))
                                      .order_by(Endorsement.id))
    table_ = gettext("Table")
    return [
        Sheet("tables", gettext("Tables"), ["id", gettext("Name"), gettext("Theme"), gettext("Dilemma"),
                                            gettext("Context")],
              [[t.id, t.name, t.theme, t.dilemma, t.context] for t in tables]),
        Sheet("contributions", gettext("Contributions"),
              ["id", table_, gettext("Round"), gettext("Kind"), gettext("Contribution"), gettext("Key"),
               gettext("Votes"), gettext("Time")],
              [[c.id, table_name[c.table_id], c.round, kind_label(c.kind), c.text, int(c.is_key), c.vote_count,
                _time(c.created_at)] for c in contributions]),
        Sheet("votes", gettext("Votes"), [gettext("Contribution id"), table_],
              [[v.contribution_id, table_name[contribution_table[v.contribution_id]]] for v in votes]),
        Sheet("advice_cards", gettext("Advice cards"),
              [table_, gettext("Round"), gettext("Status"), gettext("Dilemma"), gettext("Options"),
               gettext("Advice"), gettext("First step"), gettext("Submitted"), gettext("Language"),
               gettext("Translation")],
              [[table_name[c.table_id], c.round, _card_status(c.status), c.dilemma, c.options, c.advice, c.next_step,
                _time(c.submitted_at), _language(c.written_in), c.translation or ""] for c in cards]),
        Sheet("endorsements", gettext("Endorsements"), [table_, gettext("Time")],
              [[table_name[e.table_id], _time(e.created_at)] for e in endorsements]),
    ]


def _the_programme(event) -> list[Sheet]:
    phases = db.session.scalars(db.select(Phase).filter_by(event_id=event.id).order_by(Phase.position))
    return [Sheet("phases", gettext("Programme"),
                  [gettext("Position"), gettext("Part"), gettext("Kind"), gettext("Planned (min)"), gettext("Started"),
                   gettext("Ended")],
                  [[p.position, phase_title(p), phase_kind_label(p.kind), p.planned_minutes, _time(p.started_at),
                    _time(p.ended_at)] for p in phases])]


def _the_market(event) -> list[Sheet]:
    market_posts, matches = market_rows(event)
    matched = {post_id for row in matches for post_id in row["posts"]}
    return [
        Sheet("market_posts", gettext("Offers and needs"),
              [gettext("Kind"), gettext("Rubric"), gettext("Offer or need"), gettext("In a match"), gettext("Time")],
              [[gettext("Offer") if post.is_offer else gettext("Need"), rubric_label(post.rubric), post.text,
                int(post.id in matched), _time(post.created_at)] for post in market_posts]),
        Sheet("market_matches", gettext("Matches"),
              [gettext("Rubric"), gettext("Agreement"), gettext("Sealed"), gettext("Proposed by the facilitator"),
               gettext("Translation")],
              [[row["rubric"], row["agreement"], _time(row["sealed_at"]), int(row["proposed"]), row["translation"]]
               for row in matches]),
    ]


def _the_closing(event, dreams) -> list[Sheet]:
    """The deeds and the evaluation; the languages guests read and wrote in (small groups counted together)."""
    comments_left_out = queries.left_out(event)["comment"]
    spoken = languages(event, dreams)["rows"]
    return [
        Sheet("deeds", gettext("Deeds"), [gettext("Deed"), gettext("Time"), gettext("Language"), gettext("Translation")],
              [[d.text, _time(d.created_at), _language(d.written_in), d.translation or ""]
               for d in queries.reportable_deeds(event)]),

        Sheet("ratings", gettext("Evaluation"), [gettext("Stars"), gettext("Comment"), gettext("Time"),
                                                 gettext("Translation")],
              [[r.score, queries.reportable_comment(r, comments_left_out), _time(r.created_at),
                (r.translation or "") if queries.reportable_comment(r, comments_left_out) else ""]
               for r in queries.ratings(event)]),
        Sheet("languages", gettext("Languages"), [gettext("Language"), gettext("Guests"), gettext("Dreams")],
              [[row["name"], row["guests"], row["dreams"]] for row in spoken]),
    ]


def sheets(event) -> list[Sheet]:
    """Every sheet of data.xlsx and data.zip, in the order of the evening."""
    dreams = queries.reportable_dreams(event)
    return [*_the_room(event, dreams), *_the_tables(event), *_the_programme(event), *_the_market(event),
            *_the_closing(event, dreams)]


def xlsx(event) -> bytes:
    from openpyxl import Workbook  # late: a heavy library, loaded only for this download
    from openpyxl.styles import Font  # late: a heavy library, loaded only for this download

    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets(event):
        worksheet = workbook.create_sheet(sheet.title[:31])
        worksheet.append([neutralise(h) for h in sheet.headers])
        for cell in worksheet[1]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            worksheet.append([neutralise(value) for value in row])
        worksheet.freeze_panes = "A2"
        for column in worksheet.columns:
            longest = max(len(str(cell.value or "")) for cell in column)
            worksheet.column_dimensions[column[0].column_letter].width = min(60, max(10, longest + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_zip(event) -> bytes:
    """One CSV per sheet, UTF-8 with a byte-order mark so Excel reads the accents right.

    Separated as a spreadsheet program in the event's language expects: ";" where the decimal mark is a
    comma (Dutch), "," elsewhere. Every field is quoted and no part of a field starts a formula.
    """
    separator = ";" if get_decimal_symbol(str(get_locale())) == "," else ","
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for sheet in sheets(event):
            text = io.StringIO()
            writer = csv.writer(text, delimiter=separator, quoting=csv.QUOTE_ALL)  # a separator in a text never splits it
            writer.writerow([neutralise_csv(h) for h in sheet.headers])
            writer.writerows([neutralise_csv(value) for value in row] for row in sheet.rows)
            archive.writestr(f"{sheet.slug}.csv", "\ufeff" + text.getvalue())
    return buffer.getvalue()


def report_json(report: dict) -> bytes:
    return json.dumps(report, ensure_ascii=False, indent=2).encode()
