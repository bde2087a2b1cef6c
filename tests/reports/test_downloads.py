"""Every download, generated from a real evening in both languages and read back with a real reader."""
import csv
import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from jsonschema import Draft202012Validator, FormatChecker
from openpyxl import load_workbook

from .conftest import FORMULA_DREAM, HIDDEN_DREAM, PITCHES_ON_THE_WALL, dream_texts

SCHEMA = json.loads((Path(__file__).parents[2] / "docs" / "report-schema.json").read_text())
HEADINGS = {"nl": ("De avond in woorden", "Programma", "Pitches", "Dromen op de wolk", "Ronde tafels: dilemma’s en advies"),
            "en": ("The evening in words", "Programme", "Pitches", "Dreams on the wall", "Round tables: dilemmas and advice")}


@pytest.fixture
def download(client, make, evening):
    event_id, _ = evening
    make.facilitate(client, event_id)

    def get(name, event=event_id):
        response = client.get(f"/console/{event}/report/{name}")
        assert response.status_code == 200, response.get_data(as_text=True)[:500]
        assert response.headers["Cache-Control"] == "no-store"
        assert "attachment" in response.headers["Content-Disposition"]
        return response.data

    return get


def test_markdown_has_the_evening(download, evening):
    _, lang = evening
    text = download("report.md").decode()
    for heading in HEADINGS[lang]:
        assert f"## {heading}" in text
    assert "Tafel 1" in text or "Table 1" in text
    assert "Begin klein" in text  # the submitted advice card
    assert HIDDEN_DREAM not in text and "Gast 1" not in text  # hidden dreams and names never
    assert "♥ 12" in text  # the most hearted dream


def test_word_document_opens_with_headings_tables_and_charts(download, evening):
    _, lang = evening
    document = Document(io.BytesIO(download("report.docx")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for heading in HEADINGS[lang]:
        assert heading in headings
    assert document.core_properties.language == lang
    assert len(document.inline_shapes) == 3  # roles, timeline, votes
    assert document.tables and document.tables[0].rows[0].cells[0].text
    assert HIDDEN_DREAM not in "\n".join(p.text for p in document.paragraphs)


def test_pdf_is_a4_and_renders(download, evening, tmp_path):
    data = download("report.pdf")
    assert data.startswith(b"%PDF")
    (tmp_path / "report.pdf").write_bytes(data)
    info = subprocess.run(["pdfinfo", tmp_path / "report.pdf"], capture_output=True, text=True, check=True).stdout
    assert "595.28 x 841.89 pts (A4)" in info
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "2", tmp_path / "report.pdf", tmp_path / "page"],
                   check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2 and all(p.read_bytes().startswith(b"\x89PNG") for p in pages)
    text = subprocess.run(["pdftotext", tmp_path / "report.pdf", "-"], capture_output=True, text=True).stdout
    assert "Begin klein" in text and "Schouwburg Cuijk" in text


def test_html_is_one_file_with_styles_and_charts(download, evening):
    _, lang = evening
    html = download("report.html").decode()
    assert "<style>" in html and "@page" in html
    assert html.count('<img src="data:image/svg+xml;base64,') == 3
    assert 'src="http' not in html and "<link" not in html and "<script" not in html  # nothing fetched
    assert f'lang="{lang}"' in html
    assert HIDDEN_DREAM not in html


def test_workbook_has_every_sheet_and_neutralises_formulas(download, evening):
    _, lang = evening
    workbook = load_workbook(io.BytesIO(download("data.xlsx")))
    assert len(workbook.sheetnames) == 15  # the last: the languages guests read and wrote in
    values = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert not [c for c in values if c.data_type == "f"]  # no formula anywhere
    texts = [c.value for c in values if isinstance(c.value, str)]
    assert "'" + FORMULA_DREAM in texts
    assert "'=1+1 is ook een daad" in texts
    assert any(t.startswith("'+ meer waardering") for t in texts)
    assert any(t.startswith("'@iedereen") for t in texts)
    assert any(t.startswith("'-1 euro") for t in texts)
    assert not [t for t in texts if t.startswith(("=", "+", "-", "@", "\t", "\r"))]
    dreams = workbook.worksheets[2]  # after the roles and the pitches
    # the written ones + the formula one + the pitched clouds, not the hidden one
    assert dreams.max_row - 1 == len(dream_texts(lang)) + 1 + PITCHES_ON_THE_WALL
    roles = {row[0]: row[1] for row in workbook.worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert all(count >= 3 for count in roles.values()) and sum(roles.values()) == 40


def test_csv_zip_has_the_same_tables(download, evening):
    _, lang = evening
    archive = zipfile.ZipFile(io.BytesIO(download("data.zip")))
    names = set(archive.namelist())
    assert {"participants_by_role.csv", "dreams.csv", "hearts.csv", "tables.csv", "contributions.csv", "votes.csv",
            "advice_cards.csv", "endorsements.csv", "phases.csv", "languages.csv"} <= names
    separator = {"nl": ";", "en": ","}[lang]  # as a spreadsheet program in the event's language splits it
    rows = list(csv.reader(io.StringIO(archive.read("dreams.csv").decode("utf-8-sig")), delimiter=separator))
    assert len(rows) == 1 + len(dream_texts(lang)) + 1 + PITCHES_ON_THE_WALL
    assert all(len(row) == 7 for row in rows)  # with the language and a translator's line
    cells = [cell for name in names
             for row in csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig")), delimiter=separator)
             for cell in row]
    assert "'" + FORMULA_DREAM in cells
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_json_follows_the_schema(download, evening):
    _, lang = evening
    report = json.loads(download("report.json"))
    Draft202012Validator(SCHEMA, format_checker=FormatChecker()).validate(report)
    assert report["language"] == lang
    assert report["dreams"]["count"] == len(dream_texts(lang)) + 1 + PITCHES_ON_THE_WALL and report["attendance"]["total"] == 40
    assert report["evaluation"]["count"] == 20
    assert len(report["tables"]) == 4 and report["tables"][0]["endorsements"] == 10
    assert report["tables"][0]["advice_cards"][0]["advice"].startswith("Begin klein")


@pytest.mark.parametrize("name", ["report.md", "report.docx", "report.pdf", "report.html", "data.xlsx",
                                  "data.zip", "report.json"])
def test_an_event_with_no_dreams_and_no_tables_gives_every_format(client, make, name):
    event_id, _ = make.event("Lege avond")
    make.facilitate(client, event_id)
    response = client.get(f"/console/{event_id}/report/{name}")
    assert response.status_code == 200
    assert len(response.data) > 100
    if name == "report.json":
        Draft202012Validator(SCHEMA, format_checker=FormatChecker()).validate(json.loads(response.data))
    if name == "report.docx":
        assert "Lege avond" in [p.text for p in Document(io.BytesIO(response.data)).paragraphs]
    if name == "data.xlsx":
        assert len(load_workbook(io.BytesIO(response.data)).sheetnames) == 15


def test_phones_and_projectors_get_403_and_unknown_events_404(client, make, app):
    event_id, code = make.event()
    make.join(client, code)
    assert client.get(f"/console/{event_id}/report/data.xlsx").status_code == 403
    assert client.get(f"/console/{event_id}/report/").status_code == 403
    projector = app.test_client()
    projector.get(make.links(event_id)["projector_url"].replace("http://venue.test:5000", ""))
    assert projector.get(f"/console/{event_id}/report/report.pdf").status_code == 403
    assert app.test_client().get(f"/console/{event_id}/report/report.json").status_code == 403
    make.facilitate(client, event_id)
    assert client.get(f"/console/{event_id + 99}/report/report.json").status_code == 404


def test_the_organiser_downloads_too(client, make, runner, app):
    runner.invoke(args=["user", "create", "--email", "anita@sociom.nl", "--name", "Anita",
                        "--password", "compassie-2016"])
    from facilitation.accounts.operations import find_organiser
    from facilitation.organiser.setup import set_up_event
    from facilitation.extensions import db
    from tests.conftest import csrf_token

    with app.app_context():
        event_id = set_up_event("Onze avond", organiser=find_organiser("anita@sociom.nl")).id
        db.session.commit()

    client.post("/login", data={"csrf_token": csrf_token(client, "/login"), "email": "anita@sociom.nl",
                                "password": "compassie-2016"})
    response = client.get(f"/console/{event_id}/report/report.md")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert client.get(f"/events/{event_id}").get_data(as_text=True).count(f"/console/{event_id}/report/") == 1


@pytest.mark.parametrize("screen", ["nl", "en"])
def test_the_report_speaks_the_events_language_whatever_the_screen_says(client, make, evening, screen):
    """An organiser with an English screen gets a Dutch event's report in Dutch (and the other way round)."""
    event_id, lang = evening
    make.facilitate(client, event_id)
    client.get(f"/language/{screen}")
    other = {"nl": "en", "en": "nl"}[lang]
    markdown = client.get(f"/console/{event_id}/report/report.md").get_data(as_text=True)
    for heading in HEADINGS[lang]:
        assert f"## {heading}" in markdown
    assert not any(f"## {heading}" in markdown for heading in HEADINGS[other] if heading not in HEADINGS[lang])
    assert json.loads(client.get(f"/console/{event_id}/report/report.json").data)["language"] == lang
    docx = Document(io.BytesIO(client.get(f"/console/{event_id}/report/report.docx").data))
    assert HEADINGS[lang][0] in [p.text for p in docx.paragraphs]
    page = client.get(f"/console/{event_id}/report/").get_data(as_text=True)
    assert f'<div lang="{lang}">' in page
    report_part = page.split(f'<div lang="{lang}">', 1)[1]
    assert HEADINGS[lang][0] in report_part
