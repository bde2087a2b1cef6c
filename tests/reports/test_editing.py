"""The organiser's own words, themes renamed and merged, items left out: kept and used by every download."""
import json

import pytest

from facilitation.dreams.models import Dream
from facilitation.extensions import db
from facilitation.reports.content import attendance
from facilitation.reports.models import Theme
from tests.conftest import csrf_token

from .conftest import HIDDEN_DREAM


@pytest.fixture
def console(client, make, evening):
    event_id, lang = evening
    make.facilitate(client, event_id)
    base = f"/console/{event_id}/report/"

    def post(path, **data):
        return client.post(base + path, data={"csrf_token": csrf_token(client, base), **data})

    def report():
        return json.loads(client.get(base + "report.json").data)

    return post, report, event_id, lang


def test_introduction_and_closing_go_into_every_download(console, client):
    post, report, event_id, _ = console
    response = post("text", introduction="Beste deelnemers,\n\nDank voor jullie dromen.", closing="Tot volgend jaar!")
    assert response.status_code == 302
    assert report()["introduction"] == "Beste deelnemers,\n\nDank voor jullie dromen."
    markdown = client.get(f"/console/{event_id}/report/report.md").get_data(as_text=True)
    assert "Beste deelnemers,\n\nDank voor jullie dromen." in markdown and "Tot volgend jaar!" in markdown


def test_a_too_long_introduction_is_refused_and_kept_on_the_page(console, lang):
    post, report, _, _ = console
    post("text", introduction="Eerste versie.", closing="")
    response = post("text", introduction="x" * 5001 + " mijn lange tekst", closing="slot")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert ("te lang" if lang == "nl" else "too long") in page
    assert "mijn lange tekst" in page  # nothing typed is lost
    assert report()["introduction"] == "Eerste versie."  # nothing saved is lost


def test_rename_and_merge_themes(console, app):
    post, report, event_id, _ = console
    themes = report()["dreams"]["themes"]
    first, second = themes[0], themes[1]
    assert post(f"themes/{first['id']}/rename", label="Jong zijn in de stad").status_code == 302
    assert post(f"themes/{second['id']}/merge", into=str(first["id"])).status_code == 302
    after = {t["label"]: t for t in report()["dreams"]["themes"]}
    assert second["label"] not in after
    merged = after["Jong zijn in de stad"]
    assert len(merged["dreams"]) == len(first["dreams"]) + len(second["dreams"])
    assert set(second["words"]) <= set(merged["words"])


def test_theme_edits_refuse_nonsense_without_a_500(console):
    post, report, _, lang = console
    theme = report()["dreams"]["themes"][0]
    empty = post(f"themes/{theme['id']}/rename", label="   ")
    assert empty.status_code == 422
    assert post(f"themes/{theme['id']}/merge", into=str(theme["id"])).status_code == 422
    assert post("themes/99999/rename", label="x").status_code == 409
    assert post(f"themes/{theme['id']}/merge", into="abc").status_code == 409
    assert report()["dreams"]["themes"][0]["label"] == theme["label"]


def test_finding_themes_again_undoes_the_edits(console):
    post, report, _, _ = console
    theme = report()["dreams"]["themes"][0]
    post(f"themes/{theme['id']}/rename", label="Mijn naam")
    post("themes/again")
    assert "Mijn naam" not in [t["label"] for t in report()["dreams"]["themes"]]


def test_leave_out_and_put_back_a_dream_and_a_contribution(console, client):
    post, report, event_id, _ = console
    before = report()
    dream = before["dreams"]["most_hearted"][0]
    contribution = before["tables"][0]["key_contributions"][0]
    assert post(f"dream/{dream['id']}/leave-out").status_code == 302
    assert post(f"contribution/{contribution['id']}/leave-out").status_code == 302
    after = report()
    assert after["dreams"]["count"] == before["dreams"]["count"] - 1
    assert dream["text"] not in json.dumps(after, ensure_ascii=False)
    assert contribution["id"] not in [c["id"] for c in after["tables"][0]["key_contributions"]]
    assert after["tables"][0]["contributions"] == before["tables"][0]["contributions"] - 1
    workbook = client.get(f"/console/{event_id}/report/data.zip").data
    assert dream["text"].encode() not in workbook
    page = client.get(f"/console/{event_id}/report/").get_data(as_text=True)
    report_part, left_out_part = page.split('id="left-out"')
    assert dream["text"] not in report_part and dream["text"] in left_out_part  # listed, to put it back
    post(f"dream/{dream['id']}/put-back")
    post(f"contribution/{contribution['id']}/put-back")
    assert report()["dreams"]["count"] == before["dreams"]["count"]


def test_items_of_another_event_cannot_be_left_out(console, make, app):
    post, _, _, _ = console
    other, code = make.event("Andere avond")
    with app.app_context():
        foreign = db.session.scalar(db.select(Dream.id).filter_by(event_id=other))
    assert foreign is None or post(f"dream/{foreign}/leave-out").status_code == 409
    assert post("dream/123456/leave-out").status_code == 409


def test_hidden_dreams_are_never_in_the_report(console, client):
    _, report, event_id, _ = console
    everything = json.dumps(report(), ensure_ascii=False)
    assert HIDDEN_DREAM not in everything
    assert HIDDEN_DREAM not in client.get(f"/console/{event_id}/report/").get_data(as_text=True)


def test_a_role_with_fewer_than_three_people_is_counted_as_other(app, make):
    from facilitation.events.models import Event
    from facilitation.events.operations import join_event

    event_id, _ = make.event()
    other_id, _ = make.event("Klein")
    with app.test_request_context():
        event = db.session.get(Event, event_id)
        for role in ["inwoner"] * 3 + ["bestuurder"] * 2 + ["partner"] + [None]:
            join_event(event, role_tag=role)
        result = attendance(event)
        assert [row["count"] for row in result["by_role"]] == [3, 4]
        assert result["total"] == 7
        # two people in one role only, and nobody else: still no role is named
        small = db.session.get(Event, other_id)
        join_event(small, role_tag="bestuurder")
        join_event(small, role_tag="bestuurder")
        assert [row["role"] for row in attendance(small)["by_role"]] != ["Bestuurder"]
        assert len(attendance(small)["by_role"]) == 1 and attendance(small)["by_role"][0]["count"] == 2


def test_themes_are_kept_once_found(console, app):
    _, report, event_id, _ = console
    report()
    with app.app_context():
        first = db.session.scalars(db.select(Theme.id).filter_by(event_id=event_id)).all()
    report()
    with app.app_context():
        assert db.session.scalars(db.select(Theme.id).filter_by(event_id=event_id)).all() == first
