"""Issue #27 item 3: the big screen's theme view — the dreams under their themes, growing as dreams arrive — with
the facilitator renaming, merging and moving from the console, and the report following the same grouping."""
import json

from facilitation.extensions import db
from tests.conftest import csrf_token, on_the_big_screen

DREAMS = ["Betaalbare woningen voor jonge gezinnen", "Woningen waar jong en oud samen wonen",
          "Meer woningen voor starters", "Geen eenzaamheid meer bij ouderen", "Eenzaamheid bespreekbaar maken",
          "Een maatje tegen eenzaamheid", "Groen in elke straat", "Meer groen op het schoolplein",
          "Groen en bomen bij de flat"]


def room(app, make, lang="nl"):
    event_id, code = make.event(language=lang)
    laptop, phone = app.test_client(), app.test_client()
    make.facilitate(laptop, event_id)
    make.join(phone, code)
    for text in DREAMS:
        assert make.post_dream(phone, code, text).status_code == 302
    token = csrf_token(laptop, f"/console/{event_id}/")
    assert laptop.post(f"/console/{event_id}/projector/themes", data={"csrf_token": token}).status_code == 302
    return event_id, code, laptop, phone, token, make.links(event_id)["projector_url"]


def themes_on_screen(app, projector) -> dict[str, list[str]]:
    """The big screen's theme tiles as a reader sees them: each label with its dreams."""
    import re

    html = on_the_big_screen(app.test_client(), projector)
    tiles = re.findall(r'data-theme-label="([^"]+)">.*?<ul class="theme-tile-dreams">(.*?)</ul>', html, re.S)
    return {label: [re.sub(r"\s+", " ", d).strip() for d in re.findall(r"<li>(.*?)</li>", dreams, re.S)]
            for label, dreams in tiles}


def report_themes(laptop, event_id) -> dict[str, list[str]]:
    report = json.loads(laptop.get(f"/console/{event_id}/report/report.json").get_data(as_text=True))
    return {theme["label"]: [d["text"] for d in theme["dreams"]] for theme in report["dreams"]["themes"]}


def test_the_theme_view_shows_each_theme_with_its_dreams(app, make):
    event_id, code, laptop, phone, token, projector = room(app, make)
    shown = themes_on_screen(app, projector)
    assert {"Woningen", "Eenzaamheid", "Groen"} <= set(shown), shown
    assert "Meer woningen voor starters" in shown["Woningen"]
    assert "Groen en bomen bij de flat" in shown["Groen"]


def test_a_new_dream_joins_its_theme_on_the_screen_and_in_the_report(app, make):
    event_id, code, laptop, phone, token, projector = room(app, make)
    make.post_dream(phone, code, "Sociale woningen dicht bij de winkels")
    assert "Sociale woningen dicht bij de winkels" in themes_on_screen(app, projector)["Woningen"]
    assert "Sociale woningen dicht bij de winkels" in report_themes(laptop, event_id)["Woningen"]


def test_the_facilitator_renames_merges_and_moves_and_the_report_follows(app, make):
    from facilitation.dreams.models import Dream
    from facilitation.reports.models import Theme

    event_id, code, laptop, phone, token, projector = room(app, make)
    with app.app_context():
        ids = {t.label: t.id for t in db.session.scalars(db.select(Theme).filter_by(event_id=event_id))}
        flat = db.session.scalar(db.select(Dream.id).filter_by(text="Groen en bomen bij de flat"))
    panel = laptop.get(f"/console/{event_id}/panels/projector").get_data(as_text=True)
    assert "Move a dream" in panel or "Verplaats een droom" in panel
    # move: the dream about the flat's green goes to housing
    laptop.post(f"/console/{event_id}/projector/themes/move",
                data={"csrf_token": token, "dream_id": flat, "theme_id": ids["Woningen"]})
    shown = themes_on_screen(app, projector)
    assert "Groen en bomen bij de flat" in shown["Woningen"] and "Groen en bomen bij de flat" not in shown["Groen"]
    # rename, then merge
    laptop.post(f"/console/{event_id}/projector/themes/{ids['Woningen']}/rename",
                data={"csrf_token": token, "label": "Wonen"})
    laptop.post(f"/console/{event_id}/projector/themes/{ids['Eenzaamheid']}/merge",
                data={"csrf_token": token, "into": ids["Groen"]})
    shown = themes_on_screen(app, projector)
    assert "Wonen" in shown and "Woningen" not in shown and "Eenzaamheid" not in shown
    assert "Een maatje tegen eenzaamheid" in shown["Groen"]
    reported = report_themes(laptop, event_id)
    assert "Groen en bomen bij de flat" in reported["Wonen"]
    assert "Een maatje tegen eenzaamheid" in reported["Groen"]


def test_nonsense_from_the_console_is_refused_kindly_and_changes_nothing(app, make):
    event_id, code, laptop, phone, token, projector = room(app, make)
    before = themes_on_screen(app, projector)
    for url, data in ((f"/console/{event_id}/projector/themes/move", {"dream_id": "x", "theme_id": "1"}),
                      (f"/console/{event_id}/projector/themes/move", {"dream_id": "1", "theme_id": "999999"}),
                      (f"/console/{event_id}/projector/themes/abc/rename", {"label": "Iets"}),
                      (f"/console/{event_id}/projector/themes/1/rename", {"label": "   "})):
        response = laptop.post(url, data={"csrf_token": token, **data}, headers={"HX-Request": "true"})
        assert response.status_code in (200, 404, 409, 422), (url, response.status_code)
        assert "Traceback" not in response.get_data(as_text=True)
    assert themes_on_screen(app, projector) == before


DREAMS_EN = ["Affordable homes for young families", "Homes where young and old live side by side",
             "More homes for first-time buyers", "No more loneliness among older people",
             "Loneliness talked about openly", "A buddy against loneliness", "Green in every street",
             "More green on the school playground", "Green and trees by the flats"]


def test_an_english_evening_gets_the_same_view_and_controls(app, make):
    from facilitation.dreams.models import Dream
    from facilitation.reports.models import Theme

    event_id, code = make.event(language="en")
    laptop, phone = app.test_client(), app.test_client()
    make.facilitate(laptop, event_id)
    make.join(phone, code)
    for text in DREAMS_EN:
        make.post_dream(phone, code, text)
    token = csrf_token(laptop, f"/console/{event_id}/")
    laptop.post(f"/console/{event_id}/projector/themes", data={"csrf_token": token})
    projector = make.links(event_id)["projector_url"]
    shown = themes_on_screen(app, projector)
    assert {"Homes", "Loneliness", "Green"} <= set(shown), shown
    panel = laptop.get(f"/console/{event_id}/panels/projector").get_data(as_text=True)
    assert "Move a dream" in panel and "Themes on the big screen" in panel
    with app.app_context():
        homes = db.session.scalar(db.select(Theme.id).filter_by(event_id=event_id, label="Homes"))
        flats = db.session.scalar(db.select(Dream.id).filter_by(text="Green and trees by the flats"))
    laptop.post(f"/console/{event_id}/projector/themes/move",
                data={"csrf_token": token, "dream_id": flats, "theme_id": homes})
    assert "Green and trees by the flats" in themes_on_screen(app, projector)["Homes"]
    assert "Green and trees by the flats" in report_themes(laptop, event_id)["Homes"]
    assert "2 themes" not in on_the_big_screen(app.test_client(), projector)  # counted in the room's language
    assert "3 themes" in on_the_big_screen(app.test_client(), projector)


def test_a_theme_renamed_on_the_report_page_reaches_the_big_screen_at_once(app, make, socket_client):
    """The report and the theme view are one grouping: an edit on the report page tells the big screen too."""
    from facilitation.reports.models import Theme

    event_id, code, laptop, phone, token, projector = room(app, make)
    screen = app.test_client()
    screen.get(projector.replace("http://venue.test:5000", ""))
    listening = socket_client(screen, event_id, "projector")
    listening.get_received()
    with app.app_context():
        homes = db.session.scalar(db.select(Theme.id).filter_by(event_id=event_id, label="Woningen"))
    report_token = csrf_token(laptop, f"/console/{event_id}/report/")
    laptop.post(f"/console/{event_id}/report/themes/{homes}/rename", data={"csrf_token": report_token, "label": "Wonen"})
    assert "wall:changed" in [m["name"] for m in listening.get_received()]
    assert "Wonen" in themes_on_screen(app, projector)
