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
