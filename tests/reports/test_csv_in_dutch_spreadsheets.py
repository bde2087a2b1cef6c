"""Issue #13 item 9: the CSV in data.zip opened by a real spreadsheet program split on ";" (Dutch) and ","."""
import io
import shutil
import subprocess
import zipfile

import pytest
from openpyxl import load_workbook

from facilitation.reports.data import neutralise_csv

HOSTILE = [
    "x;=1+1;y",
    "a,=2+2",
    "Zorg dichtbij; =HYPERLINK(\"http://evil.test\";\"klik\")",
    "+31 6;@SUM(1;2);-3+3",
    "Gewoon een droom over zorg dichtbij, zonder formule",
]
#: LibreOffice's CSV import: separator, text delimiter ("), UTF-8, from line 1, ..., evaluate formulas
SEPARATORS = {"semicolon": 59, "comma": 44}


def _as_spreadsheet(csv_bytes: bytes, separator: int, tmp_path) -> list:
    source = tmp_path / "dreams.csv"
    source.write_bytes(csv_bytes)
    options = f"CSV:{separator},34,76,1,,0,false,true,false,false,false,0,true"
    done = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile", f"--infilter={options}",
         "--convert-to", "xlsx", "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    workbook = load_workbook(tmp_path / "dreams.xlsx")  # formulas stay formulas: not data_only
    return [cell for row in workbook.active.iter_rows() for cell in row if cell.value is not None]


@pytest.mark.parametrize("separator", SEPARATORS.values(), ids=SEPARATORS.keys())
def test_no_cell_is_a_formula_when_a_spreadsheet_opens_the_csv(app, client, make, tmp_path, separator):
    assert shutil.which("soffice"), "LibreOffice is needed: `make test` installs libreoffice-calc-nogui"
    event_id, code = make.event()
    guest = app.test_client()
    make.join(guest, code)
    for text in HOSTILE:
        assert make.post_dream(guest, code, text).status_code == 302
    make.facilitate(client, event_id)
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/console/{event_id}/report/data.zip").data))
    cells = _as_spreadsheet(archive.read("dreams.csv"), separator, tmp_path)
    texts = [str(cell.value) for cell in cells]
    assert any("zorg dichtbij" in text for text in texts)  # the file was read
    formulas = [cell.value for cell in cells if cell.data_type == "f" or str(cell.value).startswith("=")]
    assert formulas == []


def test_every_part_that_a_spreadsheet_may_split_off_is_neutralised():
    assert neutralise_csv("x;=1+1;y") == "x;'=1+1;y"
    assert neutralise_csv("a, =2") == "a, '=2"
    assert neutralise_csv("=1;+2,@3") == "'=1;'+2,'@3"
    assert neutralise_csv("Samen, sterker; beter") == "Samen, sterker; beter"
    assert neutralise_csv(12) == 12


def test_a_dutch_spreadsheet_opens_the_csv_in_columns_with_the_venues_times_and_words(app, client, make, tmp_path):
    """Issue #26 item 4: the CSV was comma-separated (a Dutch spreadsheet put each line in one column), its
    times were UTC and its "Soort" columns showed codes."""
    import csv
    from datetime import timedelta

    from facilitation.dreams.models import Dream
    from facilitation.extensions import db
    from facilitation.programme.models import PhaseKind

    event_id, code = make.event("Zorg ontmoet buurt")
    guest = app.test_client()
    make.join(guest, code)
    assert make.post_dream(guest, code, "Een buurt waar zorg dichtbij is").status_code == 302
    make.facilitate(client, event_id)
    response = client.get(f"/console/{event_id}/report/data.zip")
    assert 'filename=zorg-ontmoet-buurt-gegevens.zip' in response.headers["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    cells = _as_spreadsheet(archive.read("dreams.csv"), SEPARATORS["semicolon"], tmp_path)
    header = [cell.value for cell in cells if cell.row == 1]
    assert header == ["id", "Droom", "Hartjes", "Thema", "Tijd", "Taal", "Vertaling"]
    with app.app_context():
        created = db.session.scalar(db.select(Dream.created_at).where(Dream.event_id == event_id))
    venue_time = (created + timedelta(hours=1)).replace(microsecond=0)  # Amsterdam in winter: UTC+1
    [time_cell] = [cell for cell in cells if cell.row == 2 and cell.column == 5]
    assert str(time_cell.value).startswith(venue_time.isoformat(sep=" ")[:16]), time_cell.value
    phases = list(csv.reader(io.StringIO(archive.read("phases.csv").decode("utf-8-sig")), delimiter=";"))
    kinds = [row[2] for row in phases[1:]]
    assert kinds and not set(kinds) & {kind.value for kind in PhaseKind}, kinds
    assert client.get(f"/console/{event_id}/report/report.pdf").headers["Content-Disposition"].endswith(
        "filename=zorg-ontmoet-buurt-verslag.pdf")
