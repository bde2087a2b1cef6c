"""The console and the big screen cost the same at 10 and at 2,000 dreams (SQL statements and bytes)."""
import pytest
from sqlalchemy import event as sa_event

from facilitation.dreams.models import Dream
from facilitation.events.models import Participant
from facilitation.extensions import db
from facilitation.market.models import MarketPost, PostKind
from facilitation.market.rubrics import DEFAULT_RUBRICS
from facilitation.organiser.setup import set_up_event
from facilitation.review import Review
from tests.conftest import csrf_token, stage_path

MAX_STATEMENTS = 30
#: the console page draws every panel at once (programme, queue, dreams, tables, projector, announcements, market,
#: questions to the room)
MAX_PAGE_STATEMENTS = 48
MAX_BYTES = 150_000

def _evening(app, dreams: int) -> tuple[int, str]:
    """An event with 8 tables and `dreams` dreams by as many guests, a few held and hidden, some hearts."""
    with app.app_context():
        event = set_up_event("Grote avond", tables=8)
        people = [Participant(event_id=event.id, key_hash=Participant.hash_key(f"{event.id}-{n}"), name=f"Gast {n}",
                              role_tag="inwoner") for n in range(dreams)]
        db.session.add_all(people)
        db.session.flush()
        # the market as busy as the wall: one offer or need per guest, the first few connected
        db.session.add_all([
            MarketPost(event_id=event.id, participant_id=person.id, kind=(PostKind.offer, PostKind.need)[n % 2],
                       rubric=DEFAULT_RUBRICS[n % 7], text=f"Ik kan helpen met klus {n} in de buurt.",
                       stems=f"klus{n % 40} buurt") for n, person in enumerate(people)])
        db.session.add_all([
            Dream(event_id=event.id, participant_id=person.id,
                  text=f"Droom nummer {n}: een buurt waar iedereen elkaar kent en helpt, jong en oud samen.",
                  review=Review.held if n % 50 == 1 else Review.hidden if n % 50 == 2
                  else Review.visible, heart_count=n % 7)
            for n, person in enumerate(people)])
        db.session.commit()
        return event.id, event.join_code

class StatementCounter:
    def __init__(self, engine):
        self.engine, self.count = engine, 0

    def __enter__(self):
        sa_event.listen(self.engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *exc):
        sa_event.remove(self.engine, "before_cursor_execute", self._seen)

    def _seen(self, *args):
        self.count += 1

def _cost(app, client, path) -> tuple[int, int]:
    with app.app_context():
        engine = db.engine
    with StatementCounter(engine) as counter:
        response = client.get(path)
    assert response.status_code == 200, path
    return counter.count, len(response.get_data())

PANELS = ["programme", "moderation", "dreams", "tables", "projector", "announcements", "market"]

def _measure(app, make, dreams: int) -> dict:
    event_id, _ = _evening(app, dreams)
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    projector = make.links(event_id)["projector_url"].replace("http://venue.test:5000", "")
    screen = app.test_client()
    screen.get(projector)
    costs = {name: _cost(app, laptop, f"/console/{event_id}/panels/{name}") for name in PANELS}
    costs["console page"] = _cost(app, laptop, f"/console/{event_id}/")
    costs["projector stage"] = _cost(app, screen, stage_path(projector))
    costs["projector page"] = _cost(app, screen, stage_path(projector).removesuffix("stage"))
    return costs

def test_every_panel_and_the_stage_cost_the_same_at_10_and_2000_dreams(app, make):
    small, large = _measure(app, make, 10), _measure(app, make, 2000)
    for name, (statements, size) in large.items():
        limit = MAX_PAGE_STATEMENTS if name == "console page" else MAX_STATEMENTS
        assert statements <= limit, f"{name}: {statements} statements at 2,000 dreams"
        assert statements == small[name][0], f"{name}: {small[name][0]} statements at 10, {statements} at 2,000"
        if name != "console page":  # the page holds every panel at once
            assert size <= MAX_BYTES, f"{name}: {size} bytes at 2,000 dreams"
    assert large["console page"][1] <= 2 * MAX_BYTES

def test_the_dream_panel_pages_searches_and_filters(app, make):
    event_id, _ = _evening(app, 120)
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    first = laptop.get(f"/console/{event_id}/panels/dreams").get_data(as_text=True)
    assert first.count('id="console-dream-') == 50 and "Droom nummer 119:" in first and "Droom nummer 60:" not in first
    more = laptop.get(f"/console/{event_id}/panels/dreams?limit=100").get_data(as_text=True)
    assert more.count('id="console-dream-') == 100
    found = laptop.get(f"/console/{event_id}/panels/dreams?q=nummer 7:").get_data(as_text=True)
    assert found.count('id="console-dream-') == 1 and "Droom nummer 7:" in found
    waiting = laptop.get(f"/console/{event_id}/panels/dreams?filter=waiting").get_data(as_text=True)
    assert waiting.count('id="console-dream-') == 3  # dreams 1, 51 and 101
    odd = laptop.get(f"/console/{event_id}/panels/dreams?filter=nonsense&limit=-5&q=%25").get_data(as_text=True)
    assert odd.count('id="console-dream-') == 0  # nobody wrote a literal % sign

@pytest.mark.parametrize("dreams", [10, 300])
def test_a_phones_post_answer_renders_only_what_it_shows(app, make, dreams):
    """The answer to a post is the form and the guest's own dreams: it does not grow with the wall."""
    event_id, code = _evening(app, dreams)
    phone = app.test_client()
    make.join(phone, code)
    with app.app_context():
        engine = db.engine

    token = csrf_token(phone, f"/e/{code}")
    with StatementCounter(engine) as counter:
        response = phone.post(f"/e/{code}/dreams", headers={"HX-Request": "true", "X-CSRFToken": token},
                              data={"text": "Een moestuin in elke straat."})
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "Een moestuin in elke straat." in body
    assert "Droom nummer" not in body and len(body) < 6_000
    assert counter.count <= 20
