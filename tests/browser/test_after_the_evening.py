"""Issue #17 in real browsers: at the end a guest writes a deed, keeps it in "my evening" and leaves an address;
the big screen shows the harvest page's QR code; weeks later one tap in the check-in mail, opened in another
browser, saves the answer (the page sends it by itself)."""
import email
import email.policy
import re
from datetime import datetime, time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_room_screens import join_live, open_room

pytestmark = pytest.mark.browser

DREAM = "Een buurthuis waar iedereen zomaar binnen kan lopen."
DEED = "Volgende week bel ik de buurtsportcoach over de wandelgroep."


def test_a_guest_keeps_the_evening_and_answers_the_check_in_with_one_tap(server, contexts, screenshot):
    from facilitation.dreams.operations import post_dream
    from facilitation.events.models import Event
    from facilitation.events.operations import join_event
    from facilitation.extensions import db
    from facilitation.followup.models import CheckIn
    from facilitation.programme.models import Phase, PhaseKind

    event = server.set_up_event("Dromen en daden", "nl", 1)
    app = server.app()
    with app.app_context():
        ev = db.session.get(Event, event["event_id"])
        guest, _ = join_event(ev)
        post_dream(ev, guest, DREAM)
        ev.current_phase = db.session.scalar(db.select(Phase).filter_by(event_id=ev.id, kind=PhaseKind.closing))
        checkin_day = ev.checkin_day
        db.session.commit()

    phone = contexts("phone").page()
    join_live(phone, event, "Ann")
    phone.get_by_label("Wat ga jij volgende week doen?").fill(DEED)
    phone.get_by_role("button", name="Zet mijn daad op de wolk").click()
    expect(phone.locator(".flash")).to_contain_text("Je daad staat op de wolk")
    phone.get_by_role("link", name="Mijn avond: bewaar mijn daad en dromen").click()
    expect(phone.locator("main")).to_contain_text(DEED)
    # the box is not ticked: the browser's own check stops the form, nothing is stored
    phone.get_by_label("E-mailadres").fill("ann@example.org")
    phone.get_by_role("button", name="Mail me").click()
    expect(phone.locator("#keep-in-touch")).not_to_contain_text("We mailen ann@example.org")
    phone.get_by_label(re.compile("Ja, jullie mogen me")).check()
    phone.get_by_role("button", name="Mail me").click()
    expect(phone.locator(".flash")).to_contain_text("We mailen je morgenochtend de oogst")
    expect(phone.locator("#keep-in-touch")).to_contain_text("We mailen ann@example.org")
    screenshot(phone, "after-my-evening-390")

    # the end of the evening: the big screen shows where the harvest is; a guest scans it
    console, projector = open_room(contexts, event)
    console.get_by_role("button", name="Oogstpagina voor gasten (QR-code)").click()
    expect(projector.locator(".takeaway img")).to_be_visible(timeout=5_000)
    expect(projector.locator(".takeaway")).to_contain_text(f"/h/{event['join_code']}")
    screenshot(projector, "after-takeaway-projector")
    visitor = contexts("phone").page()
    visitor.goto(f"{server.url}/h/{event['join_code']}")
    expect(visitor.locator("main")).to_contain_text(DREAM)
    expect(visitor.locator("main")).not_to_contain_text("Ann")
    screenshot(visitor, "after-harvest-page-390")

    # four weeks later, cron sends the check-in; Ann opens it on her laptop and taps "Gedaan"
    moment = datetime.combine(checkin_day, time(12, 0)).isoformat()
    assert "Sent 1 mail(s)" in server.flask("followup", "send", "--at", moment)
    [eml] = (Path(server.env["FACILITATION_INSTANCE"]) / "mail").glob("*.eml")
    mail = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    body = mail.get_body(("plain",)).get_content()
    assert DEED in body
    done = re.search(r"Gedaan: (\S+)", body).group(1)
    mail_app = contexts("laptop").page()
    mail_app.goto(done)
    expect(mail_app.locator("#checkin-saved")).to_contain_text("Dank je wel! Je antwoord is bewaard")
    expect(mail_app.get_by_role("button", name="Gedaan")).to_have_attribute("aria-pressed", "true")
    screenshot(mail_app, "after-checkin-saved")
    with app.app_context():
        assert db.session.scalar(db.select(CheckIn.progress)).value == "done"
