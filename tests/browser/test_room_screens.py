"""Issue #14: everyone in the room knows what happens now.

A guest at 320 and 390 px sees the current part and its one action without scrolling, in every part of
the evening, on the dream page and at a table; a change of part reaches the table page too (with the
timer and announcements) and is said in the page's live region; the host line follows; the console on a
1366x768 laptop keeps the programme bar in sight while the facilitator scrolls.
"""
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.browser.test_inclusive import join
from tests.browser.test_walking_skeleton import live
from tests.browser.waiting import LIVE

pytestmark = pytest.mark.browser

#: words of up to 16 letters that the browser broke over two lines (hyphenation would add a "-" and is fine)
SPLIT_WORDS = r"""() => {
  const split = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement || !node.parentElement.offsetParent) continue;
    const hyphenated = getComputedStyle(node.parentElement).hyphens === 'auto';
    for (const match of node.textContent.matchAll(/[\p{L}\p{N}]{2,16}/gu)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (tops.size > 1 && !hyphenated) split.push(match[0]);
    }
  }
  return split;
}"""

ABOVE_THE_FOLD = """(el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }"""


def open_room(contexts, event):
    """The facilitator's console on a laptop and the big screen, both live."""
    console = contexts("laptop").page()
    console.goto(event["facilitator_url"])
    live(console)
    projector = contexts("projector").page()
    projector.goto(event["projector_url"])
    live(projector)
    return console, projector


def join_live(phone, event, name):
    join(phone, event, name)
    live(phone)


def sit_at_table_one(phone, table: str = "Tafel 1"):
    """Choose a table as a guest does, from the dream page, and wait for its live page."""
    choose = phone.get_by_role("link", name="Kies een tafel")
    choose.click()
    seat = phone.get_by_role("button", name=f"Ga zitten aan {table}")
    try:
        seat.wait_for(timeout=5_000)
    except PlaywrightTimeout:
        # the tap landed while the page swapped in its catch-up after connecting (once in a loaded clean-clone
        # run): a guest taps again
        choose.click()
    seat.click()
    expect(phone).to_have_url(re.compile(r"/t/\d+$"))
    live(phone)


@pytest.mark.long
@pytest.mark.parametrize("kind", ["phone-320", "phone"])
def test_the_part_now_and_its_action_are_above_the_fold_in_every_part(server, contexts, screenshot, kind):
    event = server.set_up_event("Wat nu?", "nl", 2)
    console = contexts("laptop").page()
    console.goto(event["facilitator_url"])
    live(console)
    dream_page = contexts(kind).page()
    join_live(dream_page, event, "Ann")
    table_page = contexts(kind).page()
    join_live(table_page, event, "Bo")
    if kind == "phone-320":
        # 200 % text on the smallest phone
        for page in (dream_page, table_page):
            page.get_by_role("button", name="Grotere letters").click()
    sit_at_table_one(table_page)
    parts = 0
    while True:
        before = console.locator("#programme-title").inner_text()
        console.get_by_role("button", name="Volgend onderdeel →").click()
        try:
            expect(console.locator("#programme-title")).not_to_have_text(before, timeout=LIVE)
        except AssertionError:
            break  # the last part
        title = console.locator("#programme-title").inner_text().removeprefix("Nu: ")
        parts += 1
        for page, where in ((dream_page, "dream"), (table_page, "table")):
            bar = page.locator("#now-bar")
            # pushed to the room: no reload, within a second or two even on a busy test machine
            expect(bar.locator("h2")).to_have_text(title, timeout=LIVE)
            assert bar.locator("h2").evaluate(ABOVE_THE_FOLD), f"{title} on the {where} page"
            assert bar.locator("[data-now-text]").evaluate(ABOVE_THE_FOLD), f"{title} on the {where} page"
            action = bar.locator(".now-action")
            if action.count():
                assert action.evaluate(ABOVE_THE_FOLD), f"the action of {title} on the {where} page"
            expect(page.locator("#live-region")).to_contain_text(title, timeout=LIVE)
        # the dream page never says the wall is closed in the part that opens it, nor the reverse
        closed_line = dream_page.locator("[data-posting-closed]")
        if title == "Dromen op de wolk":
            expect(closed_line).to_be_hidden(timeout=LIVE)
        else:
            expect(closed_line).to_be_visible(timeout=LIVE)
        for page in (dream_page, table_page):
            assert page.evaluate(SPLIT_WORDS) == [], f"words broken mid-word in {title}"
        if parts == 3:
            screenshot(dream_page, f"phone-now-{kind}")
            screenshot(table_page, f"phone-table-now-{kind}")
    assert parts >= 6


def test_a_table_page_hears_the_timer_announcements_and_a_new_host(server, contexts):
    event = server.set_up_event("Aan tafel", "nl", 1)
    console = contexts("laptop").page()
    console.goto(event["facilitator_url"])
    live(console)
    phones = {}
    for name in ("Ann", "Bo"):
        phone = contexts("phone").page()
        join_live(phone, event, name)
        sit_at_table_one(phone)
        phones[name] = phone
    ann, bo = phones["Ann"], phones["Bo"]
    console.get_by_role("button", name="Volgend onderdeel →").click()
    expect(ann.locator("#now-bar h2")).to_have_text("Welkom", timeout=LIVE)
    console.get_by_role("button", name="Timer starten").click()
    expect(ann.locator("#now-bar [data-timer-text]")).to_have_text(re.compile(r"\d+:\d\d"), timeout=LIVE)
    # a page fetched just before the timer started can arrive after it (a resync's refresh): the now bar it
    # swaps in has no timer, and the phone keeps the newer timer it already heard of. That page may well have
    # been rendered after the timer's push from what the database held before (its clock is later): the
    # countdown's version, not the clock, tells which is newer (a gc-heavy run once lost the timer this way)
    ann.evaluate("""() => { const bar = document.getElementById("now-bar").cloneNode(true);
        const box = bar.querySelector("[data-timer]"); box.dataset.endsAt = "";
        box.dataset.version = String(Number(box.dataset.version) - 1);
        box.dataset.serverNow = String(Number(box.dataset.serverNow) + 5000); box.hidden = true;

        bar.setAttribute("hx-swap-oob", "true"); htmx.swap(document.body, bar.outerHTML, { swapStyle: "none" }); }""")
    expect(ann.locator("#now-bar [data-timer-text]")).to_have_text(re.compile(r"\d+:\d\d"), timeout=LIVE)
    expect(ann.locator("#now-bar [data-timer]")).to_be_visible()
    console.get_by_text("Mededeling naar de telefoons").click()
    console.get_by_label("Bericht (hoogstens 200 tekens)").fill("Nog vijf minuten aan tafel.")
    console.get_by_role("button", name="Versturen").click()
    expect(bo.locator(".announcement", has_text="Nog vijf minuten")).to_be_visible(timeout=LIVE)
    expect(bo.locator("#live-region")).to_contain_text("Nog vijf minuten", timeout=LIVE)
    # Ann becomes host: Bo's page says so without a reload, and Bo can no longer claim it
    ann.get_by_role("button", name="Ik word voorzitter").click()
    expect(bo.locator(".host-line")).to_contain_text("Ann", timeout=LIVE)
    expect(bo.get_by_role("button", name="Ik word voorzitter")).to_have_count(0)


def test_the_console_keeps_the_programme_bar_in_sight_on_a_laptop(server, contexts, screenshot):
    event = server.set_up_event("Laptop", "nl", 8)
    console = contexts("laptop-768").page()
    console.goto(event["facilitator_url"])
    live(console)
    console.get_by_role("button", name="Volgend onderdeel →").click()
    expect(console.locator("#programme-title")).to_have_text("Nu: Welkom")
    # the welcome opens with the join screen on the big screen, and the console's projector panel says so
    expect(console.get_by_role("button", name="Meedoen-scherm")).to_have_attribute("aria-pressed", "true")
    console.mouse.wheel(0, 1500)
    console.wait_for_function("window.scrollY > 0")  # the console is longer than the screen
    for control in (console.locator("#programme-title"), console.get_by_role("button", name="Volgend onderdeel →"),
                    console.get_by_role("button", name="Timer starten")):
        expect(control).to_be_in_viewport()
        assert control.evaluate(ABOVE_THE_FOLD)
    # the panels sit side by side: the welcome's own panel (the big screen's) first in the wide column, the
    # queue beside it
    queue = console.locator("#panel-moderation").bounding_box()
    projector = console.locator("#panel-projector").bounding_box()
    assert queue["x"] > projector["x"] + projector["width"] - 1 and abs(queue["y"] - projector["y"]) < 2
    console.evaluate("window.scrollTo(0, 0)")
    screenshot(console, "console-laptop-1366x768")
    # only timer buttons that make sense now
    expect(console.get_by_role("button", name="Pauze", exact=True)).to_have_count(0)
    console.get_by_role("button", name="Timer starten").click()
    expect(console.get_by_role("button", name="Pauze", exact=True)).to_be_visible()
    expect(console.get_by_role("button", name="Timer starten")).to_have_count(0)


@pytest.mark.parametrize("kind", ["laptop", "projector-1024"])
def test_the_console_never_scrolls_sideways(server, contexts, screenshot, kind):
    """A facilitator's laptop at 1366 or 1024 px: the console, with a full room at its tables and the harvest
    page's QR code in the miniature, fits the width; a wide table scrolls inside its own card."""
    from facilitation.events.models import Event
    from facilitation.events.operations import join_event
    from facilitation.extensions import db
    from facilitation.projector.operations import show_view
    from facilitation.tables.operations import join_table
    from facilitation.tables.queries import event_tables

    event = server.set_up_event("Een volle zaal met een lange naam voor de avond", "nl", 8)
    with server.app().app_context():
        ev = db.session.get(Event, event["event_id"])
        for n, table in enumerate(event_tables(ev)):
            for role in ("inwoner", "vrijwilliger", "medewerker", "bestuurder", "bedrijfsleven"):
                guest, _ = join_event(ev, f"Gast{n}{role[:3]}", role)
                join_table(guest, table)
        show_view(ev, "takeaway")
        db.session.commit()
    console = contexts(kind).page()
    console.goto(event["facilitator_url"])
    live(console)
    expect(console.locator("#projector-mini .takeaway")).to_be_attached()
    width = console.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    screenshot(console, f"console-width-{kind}")
    assert width[0] <= width[1], f"the console is {width[0]} px wide in a {width[1]} px window"
    mini = console.evaluate("""() => { const box = document.querySelector('.projector-mini').getBoundingClientRect();
        const card = document.querySelector('.console-projector').getBoundingClientRect();
        return [box.right, card.right]; }""")
    assert mini[0] <= mini[1], "the big screen's miniature runs out of its card"


@pytest.mark.long
def test_no_guest_is_stranded_on_any_page_when_the_part_changes(server, contexts):
    """Issue #26 item 1: a phone parked on each guest page (the wall, choosing a table, the table, endorsing the
    advice, the market, the poll, the questions, "my evening") follows three changes of part without reload."""
    event = server.set_up_event("Niemand blijft achter", "nl", 2)
    console = contexts("laptop").page()
    console.goto(event["facilitator_url"])
    live(console)
    code = event["join_code"]
    parked = {}
    for n, path in enumerate(["", "/tables", None, "/harvest", "/market", "/poll", "/ask", "/me"]):
        phone = contexts("phone").page()
        join_live(phone, event, f"Gast{n}")
        if path is None:
            sit_at_table_one(phone)
            path = "table"
        else:
            phone.goto(f"{server.url}/e/{code}{path}")
            live(phone)
        phone.evaluate("window.parkedHere = location.pathname")  # gone if the page reloads or moves on
        parked[path or "wall"] = phone
    for _ in range(3):
        before = console.locator("#programme-title").inner_text()
        console.get_by_role("button", name="Volgend onderdeel →").click()
        expect(console.locator("#programme-title")).not_to_have_text(before, timeout=LIVE)
        title = console.locator("#programme-title").inner_text().removeprefix("Nu: ")
        for where, phone in parked.items():
            expect(phone.locator("#now-bar h2"), f"the {where} page").to_have_text(title, timeout=LIVE)
    for where, phone in parked.items():  # nobody reloaded or went elsewhere
        assert phone.evaluate("window.parkedHere === location.pathname"), where
