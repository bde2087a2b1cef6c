"""Issue #27 item 3, in Chromium: the big screen's theme view grows as dreams arrive, the facilitator moves a dream
from the console, and the report follows the facilitator's grouping."""
import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations
from tests.browser.test_walking_skeleton import live
from tests.browser.waiting import LIVE

pytestmark = pytest.mark.browser

DREAMS = ["Betaalbare woningen voor jonge gezinnen", "Woningen waar jong en oud samen wonen",
          "Meer woningen voor starters", "Geen eenzaamheid meer bij ouderen", "Eenzaamheid bespreekbaar maken",
          "Een maatje tegen eenzaamheid", "Groen in elke straat", "Meer groen op het schoolplein",
          "Groen en bomen bij de flat"]


def tile(page, label):
    return page.locator(f".theme-tile[data-theme-label='{label}']")


@pytest.mark.parametrize("size", ["projector", "projector-1024"])
def test_dreams_arrive_under_their_theme_the_facilitator_moves_one_and_the_report_follows(server, contexts,
                                                                                           screenshot, size):
    from facilitation.dreams.operations import post_dream
    from facilitation.events.models import Event
    from facilitation.events.operations import join_event
    from facilitation.extensions import db

    event = server.set_up_event("Dromen per thema", "nl", 2)
    with server.app().app_context():  # the first dreams, through the real operations
        row = db.session.get(Event, event["event_id"])
        guest, _ = join_event(row)
        for text in DREAMS:
            post_dream(row, guest, text, by_facilitator=True)
        db.session.commit()
    console = contexts("laptop-768", bypass_csp=True).page()  # axe is injected below
    console.goto(event["facilitator_url"])
    live(console)
    projector = contexts(size).page()
    projector.goto(event["projector_url"])
    live(projector)
    console.get_by_role("button", name="Dromen per thema").click()
    expect(tile(projector, "Woningen")).to_contain_text("Meer woningen voor starters", timeout=LIVE)
    expect(tile(projector, "Groen")).to_contain_text("Groen en bomen bij de flat")
    expect(tile(projector, "Eenzaamheid")).to_contain_text("Een maatje tegen eenzaamheid")

    # a guest's new dream appears under its theme while the room watches
    phone = contexts("phone").page()
    phone.goto(event["join_url"])
    phone.get_by_label("Je voornaam").fill("Ann")
    phone.get_by_role("button", name="Doe mee").click()
    live(phone)
    phone.get_by_label("Mijn droom", exact=True).fill("Sociale woningen dicht bij de winkels")
    phone.get_by_role("button", name="Zet op de wolk").click()
    expect(tile(projector, "Woningen")).to_contain_text("Sociale woningen dicht bij de winkels", timeout=LIVE)

    # the facilitator moves the dream about the flat's green to housing, from the console
    panel = console.locator("#console-themes")
    expect(panel).to_be_visible(timeout=LIVE)
    live(console)  # the panel redrawn for the new view has settled (a redraw resets what is selected)
    move = panel.get_by_label("Verplaats een droom")
    move.select_option(label=move.locator("option", has_text="Groen en bomen bij de flat").inner_text())
    panel.get_by_label("Naar het thema").select_option(label="Woningen")
    panel.get_by_role("button", name="Verplaatsen").click()
    expect(panel.locator("#move-dream option", has_text="Groen en bomen bij de flat")).to_contain_text("Woningen")
    expect(tile(projector, "Woningen")).to_contain_text("Groen en bomen bij de flat", timeout=LIVE)
    expect(tile(projector, "Groen")).not_to_contain_text("Groen en bomen bij de flat")
    screenshot(projector, f"theme-view-after-a-move-{size}")
    screenshot(console, "console-themes-1366x768")
    # the console's theme controls, as a keyboard or screen reader finds them
    assert axe_violations(console) == []

    # the report uses the facilitator's grouping
    report = console.context.request.get(f"{server.url}/console/{event['event_id']}/report/report.json").json()
    themes = {theme["label"]: [d["text"] for d in theme["dreams"]] for theme in report["dreams"]["themes"]}
    assert "Groen en bomen bij de flat" in themes["Woningen"]
    assert "Sociale woningen dicht bij de winkels" in themes["Woningen"]


def test_two_thousand_dreams_by_theme_fit_both_screens_and_every_theme_is_named(server, contexts, screenshot):
    """A real evening's size: 85 guests, 2,000 dreams. The view shows every theme with its count and its newest
    dreams, whole and readable on both projector sizes, on as few pages as the themes need."""
    import random

    from facilitation.dreams.operations import post_dream
    from facilitation.events.models import Event
    from facilitation.events.operations import join_event
    from facilitation.extensions import db
    from facilitation.projector.operations import show_view
    from tests.browser.test_big_screen import check_screen, on_each_screen
    from tests.reports.test_themes import ALL, read_set

    texts = [text for name in ("care_nl", "youth_nl", "street_nl") for _, text in read_set(ALL[name][0])[0]]
    rng = random.Random(2000)
    event = server.set_up_event("Tweeduizend dromen", "nl", 8)
    with server.app().app_context():
        row = db.session.get(Event, event["event_id"])
        guests = [join_event(row)[0] for _ in range(85)]
        for n in range(2000):
            post_dream(row, guests[n % 85], rng.choice(texts), by_facilitator=True)
        show_view(row, "themes")
        db.session.commit()
    for kind, projector in on_each_screen(contexts, event):
        tiles = projector.locator(".theme-tile")
        assert tiles.count() >= 5
        check_screen(projector, kind, "2,000 dreams by theme")
        pages = int(projector.locator("[data-fit=themes]").get_attribute("data-pages") or 1)
        assert pages <= 2, f"{kind}: {pages} pages for {tiles.count()} themes"
        screenshot(projector, f"theme-view-2000-dreams-{kind}")
