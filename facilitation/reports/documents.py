"""The report as documents: Markdown, Word and PDF, written from one outline.

`outline()` turns the gathered report into a list of blocks (headings, paragraphs, lists,
tables, charts); each format only knows how to write a block. The HTML report and the preview
page use the Jinja partial `reports/_report.html` instead, because the preview adds edit controls.
"""
import io
from datetime import date
from dataclasses import dataclass, field

from flask_babel import format_date, format_time, gettext, ngettext

from ..i18n import decimal, signed
from ..text import printable_all
from ..util import parse_iso
from . import charts


@dataclass
class Block:
    #: "title", "heading", "subheading", "paragraph", "labelled", "bullets", "numbered", "table", "chart", "note"
    kind: str
    text: str = ""
    label: str = ""
    items: list = field(default_factory=list)
    headers: list = field(default_factory=list)


def hearts(count: int) -> str:
    return f"♥ {count}" if count else ""


def when(moment: str | None) -> str:
    return format_time(parse_iso(moment), "HH:mm") if moment else ""


def day(text: str) -> str:
    return format_date(date.fromisoformat(text), "long")


def event_line(report: dict) -> str:
    event = report["event"]
    parts = [day(event["date"])] if event["date"] else []
    return " · ".join(parts + ([event["venue"]] if event["venue"] else []))


def dreams_and_hearts(dreams: dict) -> str:
    """"1 dream on the wall, with 0 hearts." with the right plurals in both languages."""
    return " ".join((ngettext("%(num)s dream on the wall,", "%(num)s dreams on the wall,", dreams["count"]),
                     ngettext("with %(num)s heart.", "with %(num)s hearts.", dreams["hearts"])))


def matches_line(market: dict) -> str:
    return " ".join((ngettext("%(num)s offer", "%(num)s offers", market["offers"]) + ",",
                     ngettext("%(num)s need", "%(num)s needs", market["needs"]) + ";",
                     ngettext("%(num)s match, %(sealed)s of them sealed with an agreement.",
                              "%(num)s matches, %(sealed)s of them sealed with an agreement.", market["matches"],
                              sealed=market["sealed"])))


def ways(attendance: dict) -> str:
    """How people without a smartphone took part, when any did."""
    neighbour, paper = attendance["by_way"]["neighbour"], attendance["by_way"]["paper"]
    if not (neighbour or paper):
        return ""
    return gettext("%(neighbour)s joined through a neighbour's phone, and %(paper)s dreams came in on paper cards.",
                   neighbour=neighbour, paper=paper)


def outline(report: dict) -> list[Block]:
    blocks = [Block("title", report["event"]["title"])]
    if event_line(report):
        blocks.append(Block("paragraph", event_line(report)))
    blocks += [Block("paragraph", part) for part in report["introduction"].split("\n\n") if part]
    blocks += _account(report) + _programme(report) + _attendance(report) + _pitches(report) + _dreams(report)
    blocks += _tables(report)
    blocks += _room(report) + _market(report) + _deeds(report) + _follow_up(report) + _evaluation(report)
    if report["closing"]:
        blocks.append(Block("heading", gettext("In closing")))
        blocks += [Block("paragraph", part) for part in report["closing"].split("\n\n") if part]
    blocks.append(Block("note", gettext(
        "Made with Dreams and deeds. The data of this evening is deleted on %(day)s.",
        day=day(report["event"]["purge_on"]))))
    return blocks


def _account(report) -> list[Block]:
    paragraphs = [part for part in report["account"]["text"].split("\n\n") if part]
    if not paragraphs:
        return []
    return [Block("heading", gettext("The evening in words"))] + [Block("paragraph", part) for part in paragraphs]


def _pitches(report) -> list[Block]:
    if not report["pitches"]:
        return []
    return [Block("heading", gettext("Pitches")),
            Block("table", headers=[gettext("Speaker"), gettext("The dream they pitched"), gettext("Hearts on the wall")],
                  items=[[p["speaker"], p["dream"], str(p["hearts"]) if p["on_wall"] else "–"]
                         for p in report["pitches"]])]


def _programme(report) -> list[Block]:
    rows = [[p["title"], p["kind_label"], when(p["started_at"]), str(p["planned_minutes"]),
             "" if p["minutes"] is None else str(p["minutes"])] for p in report["programme"]]
    if not rows:
        return []
    return [Block("heading", gettext("Programme")),
            Block("table", headers=[gettext("Part"), gettext("Kind"), gettext("Start"),
                                    gettext("Planned (min)"), gettext("Took (min)")], items=rows)]


def _attendance(report) -> list[Block]:
    attendance = report["attendance"]
    blocks = [Block("heading", gettext("Who came")),
              Block("paragraph", ngettext("%(num)s person took part.", "%(num)s people took part.",
                                          attendance["total"]))]
    if ways(attendance):
        blocks.append(Block("paragraph", ways(attendance)))
    if attendance["by_role"]:
        blocks.append(Block("table", headers=[gettext("Role"), gettext("People")],
                            items=[[row["role"], str(row["count"])] for row in attendance["by_role"]]))
        blocks.append(Block("note", gettext("Roles with fewer than %(n)s people are counted under other, "
                                            "so nobody can be singled out.", n=attendance["threshold"])))
        blocks.append(Block("chart", "roles"))
    languages = report["languages"]
    if len(languages["rows"]) > 1:
        blocks.append(Block("subheading", gettext("Languages")))
        blocks.append(Block("table", headers=[gettext("Language"), gettext("Guests who read it"),
                                              gettext("Dreams written in it")],
                            items=[[row["name"], str(row["guests"]), str(row["dreams"])] for row in languages["rows"]]))
        blocks.append(Block("note", gettext("A guest counts for the language their phone showed. Languages read by "
                                            "fewer than %(n)s guests are counted together, so nobody can be singled "
                                            "out.", n=languages["threshold"])))
    return blocks


def _dreams(report) -> list[Block]:
    dreams = report["dreams"]
    blocks = [Block("heading", gettext("Dreams on the wall"))]
    if not dreams["count"]:
        return blocks + [Block("paragraph", gettext("No dreams were put on the wall."))]
    blocks.append(Block("paragraph", dreams_and_hearts(dreams)))
    for theme in dreams["themes"]:
        blocks.append(Block("subheading", f"{theme['label']} ({len(theme['dreams'])})"))
        if theme["words"]:
            blocks.append(Block("note", gettext("Dreams with the word: %(words)s", words=", ".join(theme["words"]))))
        blocks.append(Block("bullets", items=[_with_hearts(d) for d in theme["dreams"]]))
    if dreams["most_hearted"]:
        blocks.append(Block("subheading", gettext("The dreams that got the most hearts")))
        blocks.append(Block("numbered", items=[_with_hearts(d) for d in dreams["most_hearted"]]))
    if dreams["words"]:
        blocks.append(Block("subheading", gettext("The words the guests used most")))
        blocks.append(Block("paragraph", " · ".join(f"{w['word']} ({w['count']})" for w in dreams["words"])))
    if report["timeline"]["buckets"]:
        blocks.append(Block("chart", "timeline"))
    return blocks


def _with_line(text: str, line: str | None) -> str:
    """A quoted post (a dream, a deed, an agreement, a comment), with a translator's line in brackets after the
    original."""
    return f"{text} ({line})" if line else text


def _with_translation(post) -> str:
    return _with_line(post["text"], post.get("translation"))


def _with_lines(texts: list[str], lines: list) -> list[str]:
    """Quoted texts (comments, check-in lines) and their lines, which the report keeps side by side."""
    return [_with_line(text, line) for text, line in zip(texts, lines)]


def _with_hearts(dream) -> str:
    return f"{_with_translation(dream)}  {hearts(dream['hearts'])}".strip()


def _tables(report) -> list[Block]:
    if not report["tables"]:
        return []
    blocks = [Block("heading", gettext("Round tables: dilemmas and advice"))]
    for table in report["tables"]:
        blocks.append(Block("subheading", table["name"]))
        if table["theme"]:
            blocks.append(Block("labelled", table["theme"], label=gettext("Theme")))
        if table["dilemma"]:
            blocks.append(Block("labelled", table["dilemma"], label=gettext("Dilemma")))
        for card in table["advice_cards"]:
            if len(table["advice_cards"]) > 1:
                blocks.append(Block("paragraph", gettext("Advice card, round %(n)s", n=card["round"])))
            for key, label in (("dilemma", gettext("The dilemma in our words")), ("options", gettext("Options")),
                               ("advice", gettext("Our advice")), ("next_step", gettext("First step"))):
                if card[key]:
                    blocks.append(Block("labelled", card[key], label=label))
            if card["translation"]:
                blocks.append(Block("labelled", card["translation"], label=gettext("Translation")))
        if table["key_contributions"]:
            blocks.append(Block("bullets", label=gettext("What the table found most important"), items=[
                f"{c['kind_label']}: {c['text']} "
                f"({ngettext('%(num)s vote', '%(num)s votes', c['votes'])})" for c in table["key_contributions"]]))
        blocks.append(Block("note", table_counts(table)))
    if any(table["votes"] for table in report["tables"]):
        blocks.append(Block("chart", "votes"))
    return blocks


def _market(report) -> list[Block]:
    market = report["market"]
    if not (market["offers"] or market["needs"] or market["matches"]):
        return []
    blocks = [Block("heading", gettext("Market: offers and needs")),
              Block("paragraph", matches_line(market)),
              Block("table", headers=[gettext("Rubric"), gettext("Offers"), gettext("Needs"), gettext("Matches")],
                    items=[[row["rubric"], str(row["offers"]), str(row["needs"]), str(row["matches"])]
                           for row in market["rubrics"]])]
    if market["agreements"]:
        blocks.append(Block("bullets", label=gettext("What guests agreed to do together"), items=[
            f"{_with_line(item['agreement'], item['translation'])} "
            f"({item['rubric']}{' · ' + item['names'] if item['names'] else ''})"
            for item in market["agreements"]]))
    if market["unanswered_needs"]:
        blocks.append(Block("bullets", label=gettext("Needs nobody answered yet: to follow up"), items=[
            f"{item['text']} ({item['rubric']})" for item in market["unanswered_needs"]]))
    return blocks


def _deeds(report) -> list[Block]:
    if not report["deeds"]:
        return []
    return [Block("heading", gettext("What guests will do next week")),
            Block("bullets", items=[_with_translation(d) for d in report["deeds"]])]



def table_counts(table: dict) -> str:
    """A table in numbers, each in its own plural: "1 person, 4 contributions, 0 votes, 1 endorsement."."""
    return ", ".join([
        ngettext("%(num)s person", "%(num)s people", table["people"]),
        ngettext("%(num)s contribution", "%(num)s contributions", table["contributions"]),
        ngettext("%(num)s vote", "%(num)s votes", table["votes"]),
        ngettext("%(num)s endorsement", "%(num)s endorsements", table["endorsements"])]) + "."


def poll_line(poll: dict) -> str:
    """A poll's counts in one line: "Ja 12 · Nee 5" (a scale also says its average)."""
    counts = " · ".join(f"{_with_line(row['label'], row.get('translation'))}: {row['count']}" for row in poll["results"])
    answered = ngettext("%(num)s answer", "%(num)s answers", poll["answered"])
    average = "; " + gettext("Average: %(mean)s", mean=decimal(poll["mean"])) if poll["mean"] is not None else ""
    ends = ""
    if poll["kind"] == "scale" and (poll["low_label"] or poll["high_label"]):
        ends = " " + gettext("(1 = %(low)s, %(top)s = %(high)s)", low=poll["low_label"] or "…", top=len(poll["results"]),
                             high=poll["high_label"] or "…")
    return f"{poll['question']} ({answered}{average}): {counts}{ends}"


def stance_line(table: dict, threshold: int) -> str:
    """A dilemma's stances in one line: the sides, before and after (counts per place), and the shift."""
    def moment(found):
        if found["places"] is None:
            return ngettext("%(num)s answer: fewer than %(n)s are not shown",
                            "%(num)s answers: fewer than %(n)s are not shown", found["count"], n=threshold)
        return gettext("%(places)s, average %(mean)s", places=" ".join(str(n) for n in found["places"]),
                       mean=decimal(found["mean"]))
    shift = gettext("shift %(shift)s", shift=signed(table["shift"])) if table["shift"] is not None else ""
    return " · ".join(part for part in (
        f"{table['left']} ⟷ {table['right']}", gettext("before: %(line)s", line=moment(table["before"])),
        gettext("after: %(line)s", line=moment(table["after"])), shift) if part)


def has_stances(stances: dict) -> bool:
    answered = [stances["room"]] + ([stances["plenary"]] if stances["plenary"] else [])
    return any(found["before"]["count"] or found["after"]["count"] for found in answered)


def stance_items(stances: dict) -> list[str]:
    """The plenary dilemma first, then each dilemma of the tables (the tables that shared one, pooled)."""
    items = [f"{stances['plenary']['dilemma']}: {stance_line(stances['plenary'], stances['threshold'])}"] \
        if stances["plenary"] else []
    return items + [f"{dilemma['dilemma'] or ', '.join(dilemma['tables'])}"
                    f"{' (' + ', '.join(dilemma['tables']) + ')' if dilemma['dilemma'] else ''}: "
                    f"{stance_line(dilemma, stances['threshold'])}" for dilemma in stances["dilemmas"]]


def has_room(report) -> bool:
    room = report["room"]
    return bool(room["polls"] or room["questions"] or has_stances(room["stances"]))


def _room(report) -> list[Block]:
    if not has_room(report):
        return []
    room = report["room"]
    blocks = [Block("heading", gettext("Questions to the room"))]
    if room["polls"]:
        blocks.append(Block("bullets", label=gettext("Quick polls"), items=[poll_line(poll) for poll in room["polls"]]))
    stances = room["stances"]
    if has_stances(stances):
        blocks.append(Block("bullets", label=gettext("Where guests stood on the dilemmas, before and after the round "
                                                     "(places 1 to %(n)s between the two sides)", n=stances["max"]),
                            items=stance_items(stances)))
    if room["questions"]:
        blocks.append(Block("bullets", label=gettext("Questions for the speakers, most votes first"), items=[
            question_line(question) for question in room["questions"]]))
    return blocks


def question_line(question: dict) -> str:
    votes = ngettext("%(num)s vote", "%(num)s votes", question["votes"])
    answered = ", " + gettext("answered") if question["answered"] else ""
    speaker = f"{question['speaker']}: " if question["speaker"] else ""
    return f"{speaker}{question['text']} ({votes}{answered})"


def follow_up_lines(follow_up: dict) -> list[str]:
    """The check-in in sentences, shared by every format."""
    lines = [gettext("%(asked)s guests got the check-in mail; %(answered)s answered what became of their deed.",
                     asked=follow_up["asked"], answered=follow_up["answered"])]
    if follow_up["waiting"]:
        lines.append(ngettext("%(num)s guest still gets the mails.", "%(num)s guests still get the mails.",
                              follow_up["waiting"]))
    if follow_up["answered"] and not follow_up["progress"]:
        lines.append(gettext("Fewer than %(n)s answers: they are not shown, so nobody can be singled out.",
                             n=follow_up["threshold"]))
    matches = follow_up["matches"]
    if matches["share"] is not None:
        lines.append(gettext("Of the %(answered)s matches guests told us about, %(done)s were carried out "
                             "(%(share)s %%; at a beursvloer about %(benchmark)s %% are).",
                             answered=matches["answered"], done=matches["carried_out"], share=matches["share"],
                             benchmark=matches["benchmark"]))
    elif matches["answered"]:
        lines.append(gettext("Fewer than %(n)s matches were answered about: not shown.", n=follow_up["threshold"]))
    return lines


def has_follow_up(report) -> bool:
    follow_up = report["follow_up"]
    return bool(follow_up["asked"] or follow_up["answered"] or follow_up["waiting"] or follow_up["matches"]["answered"])


def _follow_up(report) -> list[Block]:
    if not has_follow_up(report):
        return []
    follow_up = report["follow_up"]
    blocks = [Block("heading", gettext("What became of the deeds"))]
    blocks += [Block("paragraph", line) for line in follow_up_lines(follow_up)]
    if follow_up["progress"]:
        blocks.append(Block("table", headers=[gettext("Answer"), gettext("People")],
                            items=[[row["label"], str(row["count"])] for row in follow_up["progress"]]))
        blocks.append(Block("note", gettext("Answers given by fewer than %(n)s people are counted together, so "
                                            "nobody can be singled out.", n=follow_up["threshold"])))
    if follow_up["lines"]:
        blocks.append(Block("bullets", label=gettext("What guests added"),
                            items=_with_lines(follow_up["lines"], follow_up["line_translations"])))
    return blocks


def _evaluation(report) -> list[Block]:
    evaluation = report["evaluation"]
    if not evaluation["count"]:
        return []
    blocks = [Block("heading", gettext("How guests rated the evening")),
              Block("paragraph", gettext("%(count)s people rated the evening: on average %(average)s out of 5.",
                                         count=evaluation["count"], average=decimal(evaluation["average"]))),
              Block("table", headers=[gettext("Stars"), gettext("People")],
                    items=[[stars, str(n)] for stars, n in evaluation["scores"].items()])]
    if evaluation["comments"]:
        blocks.append(Block("bullets", label=gettext("What guests wrote with their rating"),
                            items=_with_lines(evaluation["comments"], evaluation["comment_translations"])))
    return blocks


# --- Markdown --------------------------------------------------------------------------------------

def _md_escape(text: str) -> str:
    """Text as people typed it, so Markdown shows it as typed (no headings, links or emphasis)."""
    return "".join("\\" + ch if ch in "\\`*_{}[]<>#|" else ch for ch in text)


def markdown(report: dict) -> str:
    lines: list[str] = []
    for block in outline(report):
        text = _md_escape(block.text)
        if block.kind == "title":
            lines += [f"# {text}", ""]
        elif block.kind == "heading":
            lines += [f"## {text}", ""]
        elif block.kind == "subheading":
            lines += [f"### {text}", ""]
        elif block.kind in ("paragraph", "note"):
            lines += [f"*{text}*" if block.kind == "note" else text, ""]
        elif block.kind == "labelled":
            lines += [f"**{_md_escape(block.label)}:** {text}", ""]
        elif block.kind in ("bullets", "numbered"):
            if block.label:
                lines += [f"**{_md_escape(block.label)}**", ""]
            lines += [(f"{n}. " if block.kind == "numbered" else "- ") + _md_escape(item)
                      for n, item in enumerate(block.items, start=1)] + [""]
        elif block.kind == "table":
            lines.append("| " + " | ".join(_md_escape(h) for h in block.headers) + " |")
            lines.append("|" + "---|" * len(block.headers))
            lines += ["| " + " | ".join(_md_escape(cell) for cell in row) + " |" for row in block.items] + [""]
        elif block.kind == "chart":
            lines += [f"*{_md_escape(charts.titles()[block.text])}: "
                      + gettext("see the chart in the PDF, Word or HTML report.") + "*", ""]
    return "\n".join(lines).rstrip() + "\n"


# --- Word ------------------------------------------------------------------------------------------

def docx(report: dict) -> bytes:
    from docx import Document  # late: a heavy library, loaded only for this download
    from docx.shared import Cm, Pt  # late: a heavy library, loaded only for this download

    report = printable_all(report)  # text stored before noncharacters were refused must not break Word
    document = Document()
    document.core_properties.title = report["event"]["title"]
    document.core_properties.language = report["language"]
    document.styles["Normal"].font.size = Pt(11)
    for block in outline(report):
        if block.kind == "title":
            document.add_heading(block.text, level=0)
        elif block.kind == "heading":
            document.add_heading(block.text, level=1)
        elif block.kind == "subheading":
            document.add_heading(block.text, level=2)
        elif block.kind == "paragraph":
            document.add_paragraph(block.text)
        elif block.kind == "note":
            document.add_paragraph().add_run(block.text).italic = True
        elif block.kind == "labelled":
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{block.label}: ").bold = True
            paragraph.add_run(block.text)
        elif block.kind in ("bullets", "numbered"):
            if block.label:
                document.add_heading(block.label, level=3)
            style = "List Number" if block.kind == "numbered" else "List Bullet"
            for item in block.items:
                document.add_paragraph(item, style=style)
        elif block.kind == "table":
            table = document.add_table(rows=1, cols=len(block.headers), style="Light Grid Accent 1")
            for cell, header in zip(table.rows[0].cells, block.headers):
                cell.text = header
            for row in block.items:
                for cell, value in zip(table.add_row().cells, row):
                    cell.text = value
            document.add_paragraph()
        elif block.kind == "chart":
            picture = document.add_picture(io.BytesIO(charts.png(block.text, report)), width=Cm(16))
            # the alt text a screen reader gives (Word's "Alt Text"), and the picture's title
            picture._inline.docPr.set("descr", charts.description(block.text, report))
            picture._inline.docPr.set("title", charts.titles()[block.text])
            document.paragraphs[-1].add_run().add_break()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- PDF -------------------------------------------------------------------------------------------

def pdf(report: dict) -> bytes:
    """A4, print quality: real text in DejaVu (every accent and ♥), charts as vectors."""
    from fpdf import FPDF  # late: a heavy library, loaded only for this download
    from fpdf.fonts import FontFace  # late: a heavy library, loaded only for this download

    report = printable_all(report)
    footer = report["event"]["title"]

    class Report(FPDF):
        def footer(self):
            self.set_y(-14)
            self.set_font("DejaVu", size=8)
            self.set_text_color(90)
            self.cell(0, 8, f"{footer} · {self.page_no()}/{{nb}}", align="C")

    document = Report(format="A4", unit="mm")
    document.set_title(report["event"]["title"])
    document.set_lang(report["language"])
    document.page_mode = "USE_OUTLINES"  # a PDF reader opens with the bookmarks beside the pages
    document.set_margins(20, 18, 20)
    document.set_auto_page_break(True, margin=20)
    FONTS = charts.fonts_folder()
    document.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    document.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    document.add_font("DejaVu", "I", str(FONTS / "DejaVuSans-Oblique.ttf"))
    document.add_page()
    ink = (31, 42, 68)

    def write(text, size=11, style="", gap=2, color=ink):
        document.set_font("DejaVu", style, size)
        document.set_text_color(*color)
        document.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        document.ln(gap)

    for block in outline(report):
        # every heading is a bookmark in the PDF's outline, nested as in the document
        if block.kind == "title":
            document.start_section(block.text, level=0)
            write(block.text, 20, "B", 4)
        elif block.kind == "heading":
            if document.get_y() > 230:
                document.add_page()
            document.ln(3)
            document.start_section(block.text, level=1)
            write(block.text, 15, "B", 2)
        elif block.kind == "subheading":
            if document.get_y() > 250:
                document.add_page()
            document.start_section(block.text, level=2)
            write(block.text, 12, "B", 1)
        elif block.kind == "paragraph":
            write(block.text)
        elif block.kind == "note":
            write(block.text, 9, "I", 2, (90, 90, 90))
        elif block.kind == "labelled":
            document.set_text_color(*ink)
            document.set_font("DejaVu", "B", 11)
            document.write(5.5, f"{block.label}: ")
            document.set_font("DejaVu", "", 11)
            document.write(5.5, block.text)
            document.ln(7.5)
        elif block.kind in ("bullets", "numbered"):
            if block.label:
                document.start_section(block.label, level=3, strict=False)
                write(block.label, 11, "B", 1)
            document.set_font("DejaVu", "", 10.5)
            for n, item in enumerate(block.items, start=1):
                marker = f"{n}." if block.kind == "numbered" else "•"
                document.cell(8, 5.5, marker)
                document.multi_cell(0, 5.5, item, new_x="LMARGIN", new_y="NEXT")
                document.ln(0.8)
            document.ln(2)
        elif block.kind == "table":
            document.set_font("DejaVu", "", 10)
            with document.table(headings_style=FontFace(emphasis="BOLD", fill_color=(230, 238, 235)),
                                line_height=6, padding=1.5, text_align="LEFT") as table:
                table.row(block.headers)
                for row in block.items:
                    table.row(row)
            document.ln(4)
        elif block.kind == "chart":
            if document.get_y() > 190:
                document.add_page()
            document.image(io.BytesIO(charts.svg(block.text, report).encode()), w=170)
            document.ln(4)
    return bytes(document.output())
