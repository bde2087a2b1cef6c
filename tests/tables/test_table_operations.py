import pytest

from facilitation.errors import Refused
from facilitation.events.operations import join_event
from facilitation.organiser.setup import set_up_event
from facilitation.extensions import db
from facilitation.tables import operations as ops
from facilitation.tables import queries
from facilitation.tables.models import Contribution, Seat


@pytest.fixture
def evening(app):
    with app.app_context():
        event = set_up_event("Van dromen naar daden", tables=2)
        people = [join_event(event, name, role)[0] for name, role in
                  [("Ann", "inwoner"), ("Bo", "medewerker"), ("Cas", "vrijwilliger"), ("Dee", "inwoner")]]
        db.session.commit()
        yield event, ops.event_tables(event), people


def test_add_edit_and_reorder_tables(evening):
    event, (one, two), _ = evening
    three = ops.add_table(event, "Vrijwilligers", dilemma="Visie of geld?", capacity=6)
    assert [t.name for t in ops.event_tables(event)] == ["Tafel 1", "Tafel 2", "Vrijwilligers"]
    ops.move_table(three, -1)
    assert [t.name for t in ops.event_tables(event)] == ["Tafel 1", "Vrijwilligers", "Tafel 2"]
    ops.move_table(one, -1)  # already first: nothing happens
    ops.update_table(two, "Brede opdracht", dilemma="Hoe weet je dat je het goed doet?")
    assert two.dilemma == "Hoe weet je dat je het goed doet?"
    with pytest.raises(Refused):
        ops.update_table(two, "  ")
    with pytest.raises(Refused):
        ops.update_table(two, "X", capacity=0)


def _typed(table, **changes):
    return {"name": table.name, "theme": table.theme, "dilemma": table.dilemma, "context": table.context,
            "capacity": str(table.capacity or ""), **changes}


def test_the_set_up_page_saves_every_table_adds_pastes_and_moves_at_once(evening):
    event, (one, two), _ = evening
    added = ops.save_set_up(event, {one.id: _typed(one, dilemma="Wie betaalt?"), two.id: _typed(two, capacity="6")},
                            new={"name": "Jongeren"}, rows="Verleiden; Hoe betrekken we de burger?", move=(two.id, -1))
    assert [t.name for t in added] == ["Jongeren", "Verleiden"]
    assert [(t.name, t.dilemma, t.capacity) for t in ops.event_tables(event)] == [
        ("Tafel 2", "", 6), ("Tafel 1", "Wie betaalt?", None), ("Jongeren", "", None),
        ("Verleiden", "Hoe betrekken we de burger?", None)]


def test_the_set_up_page_names_every_bad_field_and_changes_nothing(evening):
    event, (one, two), _ = evening
    with pytest.raises(Refused) as refused:
        ops.save_set_up(event, {one.id: _typed(one, name=" ", capacity="0"), two.id: _typed(two, dilemma="Blijft?")},
                        new={"name": "", "capacity": "²"})
    assert set(refused.value.fields) == {f"t{one.id}-name", f"t{one.id}-capacity", "new-name", "new-capacity"}
    assert refused.value.status == 422 and two.dilemma == ""
    with pytest.raises(Refused) as refused:
        ops.save_set_up(event, {}, rows="Tafel;Dilemma;;;veel")
    assert set(refused.value.fields) == {"rows"}


@pytest.mark.parametrize("text, expected", [
    ("Hoe betrekken we de burger?\nWaar stopt de vrijwilliger?", [("Tafel 3", "Hoe betrekken we de burger?"),
                                                                   ("Tafel 4", "Waar stopt de vrijwilliger?")]),
    ("naam;dilemma;context;thema;plaatsen\nVerleiden;Hoe betrekken we de burger?;Gebiedsgericht;Buurt;8",
     [("Verleiden", "Hoe betrekken we de burger?")]),
    ("Vrijwilligers\tVisie of geld?", [("Vrijwilligers", "Visie of geld?")]),
])
def test_import_tables_from_text_or_csv(evening, text, expected):
    event, _, _ = evening
    made = ops.import_tables(event, text)
    assert [(t.name, t.dilemma) for t in made] == expected


def test_import_reports_a_bad_number_of_seats(evening):
    event, _, _ = evening
    with pytest.raises(Refused):
        ops.import_tables(event, "Tafel;Dilemma;;;veel")
    with pytest.raises(Refused):
        ops.import_tables(event, "   \n ")


def test_join_table_moves_and_respects_capacity(evening):
    event, (one, two), (ann, bo, cas, dee) = evening
    one.capacity = 2
    ops.join_table(ann, one)
    ops.join_table(bo, one)
    with pytest.raises(Refused) as refused:
        ops.join_table(cas, one)
    assert refused.value.status == 409
    ops.join_table(ann, two)
    assert ops.seat_of(ann).table_id == two.id
    ops.join_table(cas, one)
    assert [p.name for p in queries.table_members(one, 1)] == ["Bo", "Cas"]


def test_assign_spreads_roles_and_keeps_seated(evening):
    event, (one, two), (ann, bo, cas, dee) = evening
    ops.join_table(ann, one)
    moved = ops.assign_tables(event, keep_seated=True)
    assert moved == 3
    assert ops.seat_of(ann).table_id == one.id
    residents = {ops.seat_of(ann).table_id, ops.seat_of(dee).table_id}
    assert residents == {one.id, two.id}  # the two residents are spread
    assert sorted(len(queries.table_members(t, 1)) for t in (one, two)) == [2, 2]


def test_assign_refuses_without_tables_or_people(app):
    with app.app_context():
        empty = set_up_event("Leeg")
        join_event(empty)
        with pytest.raises(Refused):
            ops.assign_tables(empty)
        nobody = set_up_event("Niemand", tables=3)
        with pytest.raises(Refused):
            ops.assign_tables(nobody)


def test_new_round_keeps_hosts_and_moves_the_rest(evening):
    event, (one, two), (ann, bo, cas, dee) = evening
    ops.assign_tables(event)
    host_one = queries.table_members(one, 1)[0]
    ops.claim_host(one, host_one)
    before = {p.id: ops.seat_of(p, 1).table_id for p in (ann, bo, cas, dee)}
    ops.start_new_round(event)
    assert event.current_round == 2
    after = {p.id: ops.seat_of(p, 2).table_id for p in (ann, bo, cas, dee)}
    assert after[host_one.id] == one.id
    assert all(after[pid] != before[pid] for pid in before if pid != host_one.id)
    assert db.session.scalar(db.select(db.func.count(Seat.id))) == 8


def test_host_claims_and_facilitator_sets_host(evening):
    event, (one, two), (ann, bo, cas, dee) = evening
    ops.join_table(ann, one)
    ops.join_table(bo, one)
    with pytest.raises(Refused):
        ops.claim_host(one, cas)  # not at this table
    ops.claim_host(one, ann)
    with pytest.raises(Refused):
        ops.claim_host(one, bo)
    ops.set_host(one, bo)
    assert one.host_id == bo.id
    ops.join_table(bo, two)  # a host who moves gives up the role
    assert one.host_id is None


def test_contributions_votes_and_key_advice(evening):
    event, (one, two), (ann, bo, cas, dee) = evening
    for person in (ann, bo):
        ops.join_table(person, one)
    ops.join_table(cas, two)
    idea, created = ops.post_contribution(one, ann, "advice", "  Geef vrijwilligers scholing ", "req-key-0001")
    assert created and idea.text == "Geef vrijwilligers scholing" and idea.round == 1
    again, created = ops.post_contribution(one, ann, "advice", "Geef vrijwilligers scholing", "req-key-0001")
    assert not created and again.id == idea.id
    with pytest.raises(Refused):
        ops.post_contribution(one, cas, "idea", "Ik zit hier niet")
    with pytest.raises(Refused):
        ops.post_contribution(one, ann, "grap", "Verkeerde soort")
    with pytest.raises(Refused):
        ops.post_contribution(one, ann, "idea", "x" * 501)
    with pytest.raises(Refused):
        ops.post_contribution(one, ann, "idea", "   ")
    assert ops.toggle_vote(idea, bo) is True and idea.vote_count == 1
    assert ops.toggle_vote(idea, bo) is False and idea.vote_count == 0
    with pytest.raises(Refused):
        ops.toggle_vote(idea, cas)  # another table's contribution
    with pytest.raises(Refused):
        ops.mark_key(idea, bo, True)  # no host yet
    ops.claim_host(one, bo)
    ops.mark_key(idea, bo, True)
    assert idea.is_key
    assert db.session.scalar(db.select(db.func.count(Contribution.id))) == 1


def test_advice_card_draft_then_submit_by_the_host_only(evening):
    event, (one, _), (ann, bo, _, _) = evening
    ops.join_table(ann, one)
    ops.join_table(bo, one)
    ops.claim_host(one, ann)
    with pytest.raises(Refused):
        ops.save_card(one, bo, {"advice": "Ik ben geen host"})
    draft = ops.save_card(one, ann, {"dilemma": "Visie of geld?", "options": "A, B"})
    assert not draft.submitted
    with pytest.raises(Refused):
        ops.save_card(one, ann, {"dilemma": "Visie of geld?"}, submit=True)  # no advice yet
    card = ops.save_card(one, ann, {"dilemma": "Visie of geld?", "options": "A, B",
                                    "advice": "Duidelijke grenzen en scholing", "next_step": "Sociom"},
                         submit=True)
    assert card.submitted and card.submitted_at and card.id == draft.id
    with pytest.raises(Refused):
        ops.save_card(one, ann, {"advice": "Nog een keer"})


def test_endorsement_budget_of_three(app):
    with app.app_context():
        event = set_up_event("Oogst", tables=4)
        tables = ops.event_tables(event)
        host, _ = join_event(event)
        guest, _ = join_event(event)
        for table in tables:
            ops.join_table(host, table)
            ops.set_host(table, host)
            ops.save_card(table, host, {"advice": f"Advies van {table.name}"}, submit=True)
        for table in tables[:3]:
            assert ops.toggle_endorsement(table, guest) is True
        assert ops.endorsements_left(guest) == 0
        with pytest.raises(Refused):
            ops.toggle_endorsement(tables[3], guest)
        assert ops.toggle_endorsement(tables[0], guest) is False
        assert ops.toggle_endorsement(tables[3], guest) is True
        no_card = ops.add_table(event, "Zonder kaart")
        with pytest.raises(Refused):
            ops.toggle_endorsement(no_card, guest)
