"""Issue #26 item 2: a console built around "now", on a facilitator's laptop at 1366x768.

A realistic evening (12 tables of 7 guests, a queue of waiting posts, speakers, a prepared poll, the market's
posts): the console is stepped through every kind of part as a facilitator does, with the Next button. At each
part the programme bar (the part, Next and Previous, the timer) and the part's own panel, with its first
controls, are in the first screen without scrolling; the tables overview fits 12 tables without a side-scroller.
"""
import pytest
from playwright.sync_api import expect

from tests.browser.test_walking_skeleton import live

pytestmark = pytest.mark.browser

#: each kind of part and the panel that holds its own controls (None: the programme bar itself is enough)
PART_PANELS = {"welcome": "projector", "pitches": "announcements", "dreams": "dreams", "break": None,
               "tables": "tables", "harvest": "projector", "plenary": "room", "market": "market", "poll": "room",
               "closing": None}

IN_FIRST_SCREEN = """(el) => { const r = el.getBoundingClientRect();
    return [Math.round(r.top), Math.round(r.bottom), window.innerHeight, window.scrollY]; }"""


def evening(server):
    from facilitation.dreams.operations import post_dream, set_moderation
    from facilitation.events.models import Event
    from facilitation.events.operations import join_event
    from facilitation.extensions import db
    from facilitation.polls.operations import prepare_poll
    from facilitation.programme.models import Phase
    from facilitation.programme.operations import add_phase, add_speaker, remove_phase
    from facilitation.tables.operations import join_table
    from facilitation.tables.queries import event_tables

    event = server.set_up_event("Van dromen naar daden in de regio", "nl", 12)
    with server.app().app_context():
        ev = db.session.get(Event, event["event_id"])
        for phase in list(db.session.scalars(db.select(Phase).filter_by(event_id=ev.id))):
            remove_phase(ev, phase)
        for kind in PART_PANELS:
            add_phase(ev, kind, {"break": "Pauze", "poll": "Even peilen"}.get(kind, kind.capitalize()))
        for name in ("Monique", "Jeroen", "Fatima", "Kees"):
            add_speaker(ev, name, "Een wijk waar iedereen meedoet en niemand alleen staat.")
        prepare_poll(ev, "choice", "Werk jij met vrijwilligers?", "Ja\nNee\nSoms")
        roles = ("inwoner", "vrijwilliger", "medewerker", "bestuurder", "bedrijfsleven", "inwoner", "vrijwilliger")
        for n, table in enumerate(event_tables(ev)):
            for k, role in enumerate(roles):
                guest, _ = join_event(ev, f"Gast {n}-{k}", role)
                join_table(guest, table)
                post_dream(ev, guest, f"Droom {n}-{k}: een buurt waar jong en oud elkaar weer kennen.")
        set_moderation(ev, "premoderated")
        for k in range(6):
            guest, _ = join_event(ev, f"Wachter {k}")
            post_dream(ev, guest, f"Een droom die wacht op de facilitator, nummer {k}.")
        db.session.commit()
    return event


@pytest.mark.long
def test_the_part_now_and_its_own_controls_are_in_the_first_screen_at_1366x768(server, contexts, screenshot):
    event = evening(server)
    console = contexts("laptop-768").page()
    console.goto(event["facilitator_url"])
    live(console)
    overview = console.locator(".console-tables .overview")
    screenshot(console, "console-start-1366x768")
    sizes = overview.evaluate("t => [t.scrollWidth, t.parentElement.clientWidth, t.querySelectorAll('tbody tr').length]")
    assert sizes[2] == 12 and sizes[0] <= sizes[1], f"the tables overview is {sizes[0]} px in a {sizes[1]} px card"
    for kind, panel in PART_PANELS.items():
        console.get_by_role("button", name="Volgend onderdeel →").click()
        expect(console.locator("#panel-programme [data-part-kind]")).to_have_attribute("data-part-kind", kind)
        console.evaluate("window.scrollTo(0, 0)")
        shown = [console.locator("#programme-title"), console.get_by_role("button", name="Volgend onderdeel →"),
                 console.get_by_role("button", name="Timer starten")]
        if panel:
            box = console.locator(f"#panel-{panel}")
            expect(box).to_have_class(__import__("re").compile(r"\bis-now\b"))
            shown += [box.locator("h2").first, box.locator("button").first]
            if kind == "pitches":  # the pitches' own step: the next speaker
                shown.append(box.get_by_role("button", name="Volgende spreker →"))
        for control in shown:
            top, bottom, height, _ = control.evaluate(IN_FIRST_SCREEN)
            assert 0 <= top and bottom <= height, f"{kind}: {control} at {top}-{bottom} px of {height}"
        screenshot(console, f"console-now-{kind}-1366x768")
