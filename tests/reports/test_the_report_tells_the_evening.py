"""The report tells the evening (issue #15): the pitches, a draft account in prose that says only what the
data says, one vocabulary, and downloads that screen readers and PDF readers can find their way through."""
import io
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from jsonschema import Draft202012Validator, FormatChecker
from openpyxl import load_workbook

from tests.conftest import csrf_token, on_the_big_screen

from .conftest import AGREEMENT, MARKET_CONTACTS, SPEAKERS, UNANSWERED_NEED

SCHEMA = json.loads((Path(__file__).parents[2] / "docs" / "report-schema.json").read_text())
QUOTED = re.compile(r"[‘“]([^’”]*)[’”]")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@pytest.fixture
def report_of(client, make, evening):
    """The facilitator's downloads of the evening, by name."""
    event_id, _ = evening
    make.facilitate(client, event_id)
    return lambda name: client.get(f"/console/{event_id}/report/{name}").data


def pdf_text(data: bytes, tmp_path) -> str:
    (tmp_path / "report.pdf").write_bytes(data)
    return subprocess.run(["pdftotext", tmp_path / "report.pdf", "-"], capture_output=True, text=True,
                          check=True).stdout


def test_every_format_has_the_pitches(report_of, evening, tmp_path):
    _, lang = evening
    report = json.loads(report_of("report.json"))
    Draft202012Validator(SCHEMA, format_checker=FormatChecker()).validate(report)
    assert [(p["speaker"], p["dream"]) for p in report["pitches"]] == SPEAKERS
    assert [p["on_wall"] for p in report["pitches"]] == [True, True, False, False]
    assert [p["hearts"] for p in report["pitches"]] == [7, 5, 0, 0]
    heading = {"nl": "Pitches", "en": "Pitches"}[lang]

    markdown = report_of("report.md").decode()
    assert f"## {heading}" in markdown
    assert "| Jeroen | Begripvol in gesprek: de vraag achter het gedrag zien. | 7 |" in markdown

    document = Document(io.BytesIO(report_of("report.docx")))
    assert heading in [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    pitch_table = next(t for t in document.tables if t.rows[1].cells[0].text == "Jeroen")
    assert [[c.text for c in row.cells] for row in pitch_table.rows[1:]] == [
        ["Jeroen", SPEAKERS[0][1], "7"], ["Huberiet", SPEAKERS[1][1], "5"],
        ["Ron", SPEAKERS[2][1], "–"], ["Hoa", SPEAKERS[3][1], "–"]]

    text = " ".join(pdf_text(report_of("report.pdf"), tmp_path).split())
    for name, dream in SPEAKERS:
        assert name in text and " ".join(dream.split()[:4]) in text

    html = report_of("report.html").decode()
    assert f'<h2 id="r-pitches">{heading}</h2>' in html and "Samenleven begint bij onderwijs" in html

    sheet = load_workbook(io.BytesIO(report_of("data.xlsx")))[{"nl": "Pitches", "en": "Pitches"}[lang]]
    assert [row[1:3] for row in sheet.iter_rows(min_row=2, values_only=True)] == [tuple(s) for s in SPEAKERS]
    archive = zipfile.ZipFile(io.BytesIO(report_of("data.zip")))
    assert "Hoa" in archive.read("pitches.csv").decode("utf-8-sig")


def _numbers(text: str) -> set[str]:
    return {n.replace(",", ".") for n in NUMBER.findall(text)}


def _stored_texts(report: dict) -> list[str]:
    texts = [report["event"]["title"], report["event"]["venue"]]
    texts += [p["dream"] for p in report["pitches"]] + [d["text"] for d in report["deeds"]]
    texts += [a["agreement"] for a in report["market"]["agreements"]]
    texts += [d["text"] for theme in report["dreams"]["themes"] for d in theme["dreams"]]
    for table in report["tables"]:
        texts += [table["dilemma"]] + [c["text"] for c in table["key_contributions"]]
        texts += [card[key] for card in table["advice_cards"] for key in ("advice", "next_step")]
    return texts


def test_the_draft_account_says_what_the_data_says_and_nothing_else(report_of, evening):
    _, lang = evening
    report = json.loads(report_of("report.json"))
    account = report["account"]
    assert account["edited"] is False
    text = account["text"]
    # every number in it is a number of the report (the account itself left out)
    numbers = _numbers(json.dumps({key: value for key, value in report.items() if key != "account"},
                                  ensure_ascii=False))
    assert _numbers(text) and _numbers(text) <= numbers, _numbers(text) - numbers
    # the counts and names, as stored
    counts = report["counts"]
    for phrase in ({"nl": f"{counts['people']} mensen", "en": f"{counts['people']} people"}[lang],
                   {"nl": f"{counts['dreams']} dromen", "en": f"{counts['dreams']} dreams"}[lang],
                   {"nl": f"{counts['hearts']} hartjes", "en": f"{counts['hearts']} hearts"}[lang],
                   {"nl": f"{counts['pitches']} sprekers", "en": f"{counts['pitches']} speakers"}[lang],
                   {"nl": f"{counts['tables']} ronde tafels", "en": f"{counts['tables']} round tables"}[lang],
                   {"nl": f"{counts['deeds']} gasten", "en": f"{counts['deeds']} guests"}[lang],
                   {"nl": "24 november 2026", "en": "November 24, 2026"}[lang], "Schouwburg Cuijk"):
        assert phrase in text, phrase
    for name, _ in SPEAKERS:
        assert name in text
    for table in report["tables"][:3]:
        assert table["name"] in text
    biggest = sorted((t for t in report["dreams"]["themes"] if t["id"]), key=lambda t: -t["count"])[:3]
    for theme in biggest:
        assert f"{theme['label']} ({theme['count']}" in text
    # every quotation is a text someone wrote, word for word (a closing full stop left to the sentence)
    stored = _stored_texts(report)
    quotations = QUOTED.findall(text)
    assert len(quotations) >= 10
    for quotation in quotations:
        assert any(item == quotation or item.removesuffix(".") == quotation
                   or (quotation.endswith("…") and item.startswith(quotation[:-1])) for item in stored), quotation
    # the average as the event's language writes it
    average = report["evaluation"]["average"]
    assert (f"{average:g}".replace(".", ",") if lang == "nl" else f"{average:g}") in text
    # and it is in every format
    first_sentence = text.split(". ")[0]
    assert first_sentence in report_of("report.md").decode().replace("\\", "")
    assert first_sentence in report_of("report.html").decode().replace("&#39;", "'")
    assert first_sentence in [p.text.split(". ")[0] for p in Document(io.BytesIO(report_of("report.docx"))).paragraphs]


def test_the_organiser_edits_the_account_and_every_download_follows(client, make, evening, tmp_path):
    event_id, lang = evening
    make.facilitate(client, event_id)
    base = f"/console/{event_id}/report/"
    page = client.get(base).get_data(as_text=True)
    draft = json.loads(client.get(base + "report.json").data)["account"]["text"]
    assert 'id="account-text"' in page and draft.split(". ")[0] in page.replace("&#39;", "'")

    own = draft + "\n\nWij gaan hiermee verder in het voorjaar."
    response = client.post(base + "account", data={"csrf_token": csrf_token(client, base), "account": own})
    assert response.status_code == 302 and response.headers["Location"].endswith("#account")
    report = json.loads(client.get(base + "report.json").data)
    assert report["account"] == {"text": own, "edited": True}
    assert "Wij gaan hiermee verder in het voorjaar." in client.get(base + "report.md").get_data(as_text=True)
    assert "Wij gaan hiermee verder in het voorjaar." in pdf_text(client.get(base + "report.pdf").data, tmp_path)

    # too long: a friendly message, the typed text stays in the form, the saved version stays saved
    response = client.post(base + "account", data={"csrf_token": csrf_token(client, base),
                                                   "account": "x" * 30001 + " mijn nieuwe zin"})
    assert response.status_code == 422
    assert ("te lang" if lang == "nl" else "too long") in response.get_data(as_text=True)
    assert "mijn nieuwe zin" in response.get_data(as_text=True)
    assert json.loads(client.get(base + "report.json").data)["account"]["text"] == own

    # throwing the edits away brings the draft back
    client.post(base + "account", data={"csrf_token": csrf_token(client, base), "account": own, "draft_again": "1"})
    assert json.loads(client.get(base + "report.json").data)["account"] == {"text": draft, "edited": False}


def test_the_downloads_can_be_read_by_a_screen_reader_and_found_in_a_pdf_reader(report_of, evening, tmp_path):
    _, lang = evening
    report = json.loads(report_of("report.json"))
    # Word: every picture has a description (alt text) naming what it shows
    document = Document(io.BytesIO(report_of("report.docx")))
    descriptions = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert len(descriptions) == 3 and all(descriptions)
    assert any(report["tables"][0]["name"] in d for d in descriptions)  # the votes chart names the tables
    # PDF: a title, the language and bookmarks for every heading
    data = report_of("report.pdf")
    (tmp_path / "report.pdf").write_bytes(data)
    info = subprocess.run(["pdfinfo", tmp_path / "report.pdf"], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+" + re.escape(report["event"]["title"]), info, re.M)
    assert f"/Lang ({lang})".encode() in data
    from pypdf import PdfReader

    def titles(outline):
        for item in outline:
            yield from titles(item) if isinstance(item, list) else [item.title]

    bookmarks = list(titles(PdfReader(io.BytesIO(data)).outline))
    markdown = report_of("report.md").decode()
    headings = [line.lstrip("#").strip().replace("\\", "") for line in markdown.splitlines()
                if line.startswith(("# ", "## ", "### "))]
    assert len(headings) > 10 and set(headings) <= set(bookmarks), set(headings) - set(bookmarks)
    # HTML: real headings, one h1, no level skipped
    html = report_of("report.html").decode()
    levels = [int(level) for level in re.findall(r"<h([1-6])", html)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    assert "<strong>" + {"nl": "Kernbijdragen", "en": "Key contributions"}[lang] not in html


def test_a_speakers_dream_goes_on_the_wall_marked_as_theirs(client, make, app, lang):
    event_id, code = make.event("Pitches", language=lang)
    make.facilitate(client, event_id)
    console = f"/console/{event_id}/"
    client.post(f"/console/{event_id}/speakers", data={"csrf_token": csrf_token(client, console), "name": "Monique",
                                                        "dream": "Mensen met elkaar in contact brengen."})
    client.post(f"/console/{event_id}/speakers", data={"csrf_token": csrf_token(client, console), "name": "Ingrid"})
    from facilitation.programme.models import Speaker
    from facilitation.extensions import db
    with app.app_context():
        monique, ingrid = db.session.scalars(db.select(Speaker).order_by(Speaker.position))
        monique_id, ingrid_id = monique.id, ingrid.id
    page = client.get(console).get_data(as_text=True)
    name = {"nl": "Zet de droom van Monique op de wolk", "en": "Put the dream of Monique on the wall"}[lang]
    assert name in page and "Ingrid" in page
    response = client.post(f"/console/{event_id}/speakers/{monique_id}/wall",
                           data={"csrf_token": csrf_token(client, console)})
    assert response.status_code == 302
    mark = {"nl": "Pitch van Monique", "en": "Pitch by Monique"}[lang]
    wall = on_the_big_screen(app.test_client(), make.links(event_id)["projector_url"])
    assert "Mensen met elkaar in contact brengen." in wall and mark in wall and "is-pitch" in wall
    phone = app.test_client()
    make.join(phone, code)
    assert mark in phone.get(f"/e/{code}").get_data(as_text=True)
    # twice, a speaker without a dream, another event's speaker: a clear message, nothing doubled
    again = client.post(f"/console/{event_id}/speakers/{monique_id}/wall", data={"csrf_token": csrf_token(client, console)},
                        headers={"HX-Request": "true"})
    assert again.status_code == 409 and {"nl": "staat al op de wolk", "en": "already on the wall"}[lang] in again.get_data(as_text=True)
    empty = client.post(f"/console/{event_id}/speakers/{ingrid_id}/wall", data={"csrf_token": csrf_token(client, console)},
                        headers={"HX-Request": "true"})
    assert empty.status_code == 422
    other = client.post(f"/console/{event_id}/speakers/99999/wall", data={"csrf_token": csrf_token(client, console)},
                        headers={"HX-Request": "true"})
    assert other.status_code == 409
    assert len(make.dream_ids(event_id)) == 1
    assert {"nl": "op de wolk", "en": "on the wall"}[lang] in client.get(console).get_data(as_text=True)


def test_one_vocabulary_in_both_languages():
    """PRODUCT.md: wall is *wolk*, advice card is *advieskaart*, one word everywhere; docs/vocabulary.md lists them."""
    from babel.messages.pofile import read_po

    root = Path(__file__).parents[2]
    catalogue = read_po((root / "facilitation/translations/nl/LC_MESSAGES/messages.po").open("rb"))
    dutch = " ".join(s if isinstance(s, str) else " ".join(s) for s in (m.string for m in catalogue if m.id))
    english = " ".join(m.id if isinstance(m.id, str) else " ".join(m.id) for m in catalogue if m.id)
    for word in ("muur", "adviesformulier", "formulier inleveren", "prikbord"):
        assert word not in dutch.lower(), word
    for word in ("advice form", "bulletin board"):
        assert word not in english.lower(), word
    vocabulary = (root / "docs" / "vocabulary.md").read_text()
    for pair in ("wolk", "advieskaart", "spreker", "verslag"):
        assert pair in vocabulary


def test_every_format_has_the_market_and_never_a_contact_detail(report_of, evening, tmp_path):
    """Issue #16: offers, needs and matches by rubric, the sealed agreement and the unanswered need, in every
    format; the contact details the two guests shared in nothing."""
    _, lang = evening
    report = json.loads(report_of("report.json"))
    Draft202012Validator(SCHEMA, format_checker=FormatChecker()).validate(report)
    market = report["market"]
    assert (market["offers"], market["needs"], market["matches"], market["sealed"]) == (2, 2, 1, 1)
    assert market["agreements"] == [{"rubric": {"nl": "Kennis en advies", "en": "Knowledge and advice"}[lang],
                                     "agreement": AGREEMENT, "language": "nl", "translation": None,
                                     "names": {"nl": "Gast en Gast", "en": "Gast and Gast"}[lang]}]
    assert [item["text"] for item in market["unanswered_needs"]] == [UNANSWERED_NEED]
    assert report["counts"]["matches"] == 1
    texts = {
        "report.md": report_of("report.md").decode(),
        "report.html": report_of("report.html").decode(),
        "report.json": report_of("report.json").decode(),
        "report.docx": "\n".join(p.text for p in Document(io.BytesIO(report_of("report.docx"))).paragraphs),
        "report.pdf": " ".join(pdf_text(report_of("report.pdf"), tmp_path).split()),
    }
    workbook = load_workbook(io.BytesIO(report_of("data.xlsx")))
    texts["data.xlsx"] = " ".join(str(c.value) for sheet in workbook for row in sheet.iter_rows() for c in row if c.value)
    archive = zipfile.ZipFile(io.BytesIO(report_of("data.zip")))
    texts["data.zip"] = " ".join(archive.read(name).decode("utf-8-sig") for name in archive.namelist())
    for name, text in texts.items():
        assert AGREEMENT in text and UNANSWERED_NEED in text, name
        for contact in MARKET_CONTACTS:
            assert contact not in text, name
    assert {"nl": "Markt: vraag en aanbod", "en": "Market: offers and needs"}[lang] in texts["report.md"]
    assert "market_posts.csv" in archive.namelist() and "market_matches.csv" in archive.namelist()
