"""Issue #13 item 2: whatever text comes in or was stored before, every download answers 200 and opens."""
import io
import os
import subprocess
import zipfile

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from facilitation.errors import Refused
from facilitation.extensions import db
from facilitation.text import clean_text

from facilitation.reports.routes import DOWNLOADS as DOWNLOADS_ALL

#: the characters that broke Word and Excel before, mixed into ordinary text
AWKWARD = ["\ufffe", "\uffff", "\ufdd0", "\ufdef", "\U0001fffe", "\U0010ffff", "\ud800", "\udfff",
           "$", "\\", "$\\notacommand$", "=", ";", "\x0b", "\x00", "\x1b", "\u202e", "\n", "\x85", "♥"]
TEXTS = st.lists(st.one_of(st.characters(), st.sampled_from(AWKWARD)), min_size=1, max_size=30).map("".join)


@pytest.fixture
def small_evening(app):
    """One guest who wrote a dream, a deed, a rating comment and a contribution at one table."""
    from facilitation.dreams.operations import post_dream
    from facilitation.events.operations import join_event
    from facilitation.organiser.setup import set_up_event
    from facilitation.programme.operations import rate_evening, step, write_deed
    from facilitation.tables.operations import add_table, join_table, post_contribution, toggle_vote

    with app.app_context():
        event = set_up_event("Tekst", tables=0)
        guest, _ = join_event(event, "Gast")
        dream, _ = post_dream(event, guest, "Een droom")
        table = add_table(event, "Tafel", dilemma="Dilemma")
        join_table(guest, table)
        event.contributions_open = True
        contribution, _ = post_contribution(table, guest, "idea", "Een idee")
        toggle_vote(contribution, guest)  # a votes chart, with the table's name on it
        step(event, +1)
        while event.current_phase.kind.value != "closing":
            step(event, +1)
        deed = write_deed(event, guest, "Een daad")
        rating = rate_evening(event, guest, 4, "Mooi")
        db.session.commit()
        return {"event": event.id, "rows": [(type(r), r.id, attr) for r, attr in
                                            [(dream, "text"), (deed, "text"), (rating, "comment"),
                                             (contribution, "text"), (table, "name")]]}


def _store(app, small_evening, texts):
    """Each text through its real input (the operation the route calls). What an input refuses, such as
    control characters, is written into the row raw, as older versions could have stored it, so the
    writers must cope with it too (only what SQLite cannot hold at all is left out)."""
    from facilitation.dreams.operations import post_dream
    from facilitation.events.models import Event, Participant
    from facilitation.programme.operations import rate_evening, write_deed
    from facilitation.tables.operations import post_contribution, update_table

    with app.app_context():
        event = db.session.get(Event, small_evening["event"])
        guest = db.session.scalar(db.select(Participant).filter_by(event_id=event.id, name="Gast"))
        rows = {attr_model: db.session.get(model, row_id)
                for attr_model, (model, row_id, _) in zip(("dream", "deed", "rating", "contribution", "table"),
                                                         small_evening["rows"])}
        event.contributions_open = True
        inputs = {
            "dream": lambda text: post_dream(event, guest, text, by_facilitator=True),
            "deed": lambda text: write_deed(event, guest, text),
            "rating": lambda text: rate_evening(event, guest, 4, text),
            "contribution": lambda text: post_contribution(rows["table"], guest, "idea", text),
            "table": lambda text: update_table(rows["table"], text, dilemma="Dilemma"),
        }
        for (kind, send), (_, _, attr), raw in zip(inputs.items(), small_evening["rows"], texts):
            try:
                with db.session.begin_nested():
                    send(raw)
            except Refused:
                stored = "".join(ch for ch in raw if not 0xD800 <= ord(ch) <= 0xDFFF) or "x"
                setattr(rows[kind], attr, stored)
        db.session.commit()


@pytest.mark.long
@settings(max_examples=int(os.environ.get("REPORT_TEXT_EXAMPLES", "15")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXTS, min_size=5, max_size=5))
def test_any_text_through_five_inputs_every_download_answers_and_opens(app, client, make, small_evening,
                                                                       tmp_path, texts):
    _store(app, small_evening, texts)
    event_id = small_evening["event"]
    make.facilitate(client, event_id)
    assert client.get(f"/console/{event_id}/report/").status_code == 200
    bodies = {}
    for name in DOWNLOADS_ALL:
        response = client.get(f"/console/{event_id}/report/{name}")
        assert response.status_code == 200, (name, response.get_data(as_text=True)[:300])
        bodies[name] = response.data
    Document(io.BytesIO(bodies["report.docx"]))
    load_workbook(io.BytesIO(bodies["data.xlsx"]))
    zipfile.ZipFile(io.BytesIO(bodies["data.zip"])).testzip()
    (tmp_path / "report.pdf").write_bytes(bodies["report.pdf"])
    done = subprocess.run(["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("ch", ["\ufffe", "\uffff", "\ufdd0", "\ufdef", "\U0001ffff", "\U0010fffe", "\ud800"])
def test_clean_text_drops_noncharacters_and_lone_surrogates(ch):
    assert clean_text(f"Zorg{ch} dichtbij{ch}", 100) == "Zorg dichtbij"


def test_a_dollar_sign_in_a_table_name_is_text_not_mathtext(app, client, make, small_evening):
    """Issue #13 item 8: matplotlib read `$...$` as a formula and the report pages answered 500."""
    from facilitation.tables.models import Table

    with app.app_context():
        for model, row_id, attr in small_evening["rows"]:
            if model is Table:
                db.session.get(Table, row_id).name = r"Budget $\notacommand$ en $x^2$"
        db.session.commit()
    event_id = small_evening["event"]
    make.facilitate(client, event_id)
    assert client.get(f"/console/{event_id}/report/").status_code == 200
    for name in ("report.html", "report.pdf", "report.docx"):
        assert client.get(f"/console/{event_id}/report/{name}").status_code == 200, name
