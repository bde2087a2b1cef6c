"""Round tables through the browser's eyes: organiser set-up, phones at tables, console and projector."""
import pytest

from facilitation.extensions import db
from facilitation.tables.models import AdviceCard, Contribution, Seat, Table
from tests.conftest import csrf_token, on_the_big_screen

HX = {"HX-Request": "true"}


def _path(url):
    return url.replace("http://venue.test:5000", "")


def _tables(app, event_id):
    with app.app_context():
        return list(db.session.scalars(db.select(Table.id).filter_by(event_id=event_id).order_by(Table.position)))


@pytest.fixture
def room(app, make, lang):
    """An event in each language with two tables, a facilitator laptop and three phones."""
    event_id, code = make.event(tables=2, language=lang)
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    phones = {}
    for name, role in (("Ann", "inwoner"), ("Bo", "medewerker"), ("Cas", "vrijwilliger")):
        phones[name] = app.test_client()
        make.join(phones[name], code, name=name, role_tag=role)
    return {"event_id": event_id, "code": code, "laptop": laptop, "tables": _tables(app, event_id), **phones}


def _sit(client, code, table_id):
    token = csrf_token(client, f"/e/{code}/tables")
    return client.post(f"/e/{code}/tables/{table_id}/join", data={"csrf_token": token})


def _set_up_form(app, event_id, **changes):
    """The set-up page's form as a browser sends it: every table's fields as they are, then `changes`."""
    from facilitation.tables.operations import TABLE_FIELDS

    data = {}
    with app.app_context():
        for table in db.session.scalars(db.select(Table).filter_by(event_id=event_id).order_by(Table.position)):
            for name in TABLE_FIELDS:
                value = getattr(table, name)
                data[f"t{table.id}-{name}"] = "" if value is None else str(value)
    data.update({f"new-{name}": "" for name in TABLE_FIELDS}, rows="")
    data.update(changes)
    return data


def _saved(app, event_id):
    with app.app_context():
        return [(t.name, t.dilemma, t.capacity) for t in
                db.session.scalars(db.select(Table).filter_by(event_id=event_id).order_by(Table.position))]


def test_organiser_adds_edits_reorders_and_imports_tables(app, make, lang):
    event_id, _ = make.event(language=lang)
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    page = f"/events/{event_id}/tables"
    token = csrf_token(laptop, page)
    response = laptop.post(page, data=_set_up_form(app, event_id, csrf_token=token, action="add", **{
        "new-name": "Vrijwilligers", "new-dilemma": "Visie of geld?", "new-capacity": "6"}))
    assert response.status_code == 302
    laptop.post(page, data=_set_up_form(app, event_id, csrf_token=token, action="import",
                                        rows="Verleiden;Hoe betrekken we de burger?\nBrede opdracht;Doen we het goed?"))
    first, second, third = _tables(app, event_id)
    response = laptop.post(page, data=_set_up_form(app, event_id, csrf_token=token, move=f"{third}:up",
                                                   **{f"t{first}-dilemma": "Waar stopt de vrijwilliger?"}))
    assert response.headers["Location"].endswith(f"#table-{third}")
    assert _saved(app, event_id) == [("Vrijwilligers", "Waar stopt de vrijwilliger?", 6),
                                     ("Brede opdracht", "Doen we het goed?", None),
                                     ("Verleiden", "Hoe betrekken we de burger?", None)]
    cards = laptop.get(f"/events/{event_id}/tables/cards").get_data(as_text=True)
    assert cards.count('<article class="table-card ') == 3 and cards.count("/qr.svg") == 3


def test_one_save_keeps_the_edits_of_every_table(app, make, lang):
    event_id, _ = make.event(language=lang, tables=3)
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    page = f"/events/{event_id}/tables"
    one, two, three = _tables(app, event_id)
    body = laptop.get(page).get_data(as_text=True)
    assert body.count("<form") == body.count('method="post"') and body.count('action="' + page + '"') == 1
    response = laptop.post(page, data=_set_up_form(app, event_id, csrf_token=csrf_token(laptop, page), **{
        f"t{one}-dilemma": "Wie betaalt de koffie?", f"t{three}-name": "Jongeren",
        f"t{three}-dilemma": "Hoe bereiken we jongeren?", f"t{three}-capacity": "8"}))
    assert response.status_code == 302
    follow = laptop.get(response.headers["Location"]).get_data(as_text=True)
    assert {"nl": "Alle tafels zijn opgeslagen.", "en": "All tables are saved."}[lang] in follow
    table = {"nl": "Tafel", "en": "Table"}[lang]
    assert _saved(app, event_id) == [(f"{table} 1", "Wie betaalt de koffie?", None), (f"{table} 2", "", None),
                                     ("Jongeren", "Hoe bereiken we jongeren?", 8)]


def test_a_bad_field_keeps_every_typed_value_and_says_which(app, make, lang):
    event_id, _ = make.event(language=lang, tables=2)
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    page = f"/events/{event_id}/tables"
    one, two = _tables(app, event_id)
    before = _saved(app, event_id)
    typed = {f"t{one}-dilemma": "Een dilemma dat blijft staan", f"t{two}-name": " ",
             f"t{two}-dilemma": "Ook dit blijft", f"t{two}-capacity": "veel",
             "new-name": "Nieuwe tafel", "new-context": "Achtergrond", "rows": "Geplakt; dilemma"}
    for button in ({"action": "save"}, {"action": "add"}, {"action": "import"}, {"move": f"{two}:up"}):
        response = laptop.post(page, data=_set_up_form(app, event_id, csrf_token=csrf_token(laptop, page),
                                                       **typed, **button))
        assert response.status_code == 422
        body = response.get_data(as_text=True)
        for value in ("Een dilemma dat blijft staan", "Ook dit blijft", 'value="veel"', 'value="Nieuwe tafel"',
                      "Achtergrond", "Geplakt; dilemma"):
            assert value in body
        assert {"nl": "Nog niets opgeslagen", "en": "Nothing is saved yet"}[lang] in body
        # the message sits next to the field, and the field says so to a screen reader
        assert f'id="t{two}-name-error"' in body and f'id="t{two}-capacity-error"' in body
        assert {"nl": "Geef de tafel een naam", "en": "Give the table a name"}[lang] in body
        assert f'aria-describedby="t{two}-name-error" aria-invalid="true" autofocus' in body
        assert _saved(app, event_id) == before  # nothing half-saved
    response = laptop.post(page, data=_set_up_form(app, event_id, csrf_token=csrf_token(laptop, page),
                                                   action="import", rows="Tafel;Dilemma;;;veel"))
    assert response.status_code == 422 and 'id="rows-error"' in response.get_data(as_text=True)
    response = laptop.post(page, data=_set_up_form(app, event_id, csrf_token=csrf_token(laptop, page), action="add"))
    assert response.status_code == 422 and 'id="new-name-error"' in response.get_data(as_text=True)


def test_every_table_with_its_longest_texts_saves_at_once(app, make):
    """Far more than the 64 KB other forms may send: forty tables with the longest dilemma and context."""
    from facilitation.limits import LIMITS

    event_id, _ = make.event(tables=40)
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    page = f"/events/{event_id}/tables"
    long = {f"t{table}-{name}": ("é" * getattr(LIMITS, limit))
            for table in _tables(app, event_id) for name, limit in (("dilemma", "dilemma"), ("context", "table_context"))}
    response = laptop.post(page, data=_set_up_form(app, event_id, csrf_token=csrf_token(laptop, page), **long))
    assert response.status_code == 302
    assert all(dilemma == "é" * LIMITS.dilemma for _, dilemma, _ in _saved(app, event_id))
    elsewhere = laptop.post(f"/events/{event_id}/words", data={"held_words": "x" * 70_000})
    assert elsewhere.status_code == 413  # other forms keep the small limit


def test_table_pages_are_for_facilitators(app, make):
    event_id, code = make.event(tables=1)
    phone = app.test_client()
    make.join(phone, code)
    assert phone.get(f"/events/{event_id}/tables").status_code == 403
    assert phone.get(f"/events/{event_id}/tables/cards").status_code == 403


def test_participant_picks_a_table_and_sees_its_dilemma(room, app, lang):
    code, (one, _) = room["code"], room["tables"]
    ann = room["Ann"]
    choose = ann.get(f"/e/{code}/tables").get_data(as_text=True)
    assert {"nl": "Tafel 1", "en": "Table 1"}[lang] in choose
    response = _sit(ann, code, one)
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/e/{code}/t/{one}")
    page = ann.get(f"/e/{code}/t/{one}").get_data(as_text=True)
    assert {"nl": "Tafel 1", "en": "Table 1"}[lang] in page and "contribution-form" in page
    assert f"/e/{code}/t/{one}" in ann.get(f"/e/{code}").get_data(as_text=True)  # the phone shows the seat


def test_table_qr_joins_the_event_and_the_table_in_one_go(app, make):
    event_id, code = make.event(tables=2)
    table = _tables(app, event_id)[1]
    phone = app.test_client()
    page = phone.get(f"/j/{code}/t/{table}").get_data(as_text=True)
    assert "Tafel 2" in page
    token = csrf_token(phone, f"/j/{code}/t/{table}")
    response = phone.post(f"/j/{code}/t/{table}", data={"csrf_token": token, "name": "Ingrid", "role_tag": "inwoner"})
    assert response.headers["Location"].endswith(f"/e/{code}/t/{table}")
    assert phone.get(f"/e/{code}/t/{table}").status_code == 200
    assert phone.get(f"/j/{code}/t/9999").status_code == 404
    assert app.test_client().get(f"/j/{code}/t/{table}/qr.svg").content_type.startswith("image/svg+xml")


def test_full_table_is_refused_kindly(room, app, lang):
    code, (one, _) = room["code"], room["tables"]
    with app.app_context():
        db.session.get(Table, one).capacity = 1
        db.session.commit()
    _sit(room["Ann"], code, one)
    response = _sit(room["Bo"], code, one)
    follow = room["Bo"].get(response.headers["Location"]).get_data(as_text=True)
    assert {"nl": "Deze tafel is vol", "en": "This table is full"}[lang] in follow


def test_not_seated_goes_to_choose_and_others_table_redirects(room):
    code, (one, two) = room["code"], room["tables"]
    assert room["Ann"].get(f"/e/{code}/t/{one}").headers["Location"].endswith(f"/e/{code}/tables")
    _sit(room["Ann"], code, two)
    assert room["Ann"].get(f"/e/{code}/t/{one}").headers["Location"].endswith(f"/e/{code}/t/{two}")
    live = room["Ann"].get(f"/e/{code}/t/{one}/live", headers=HX)
    assert live.headers["HX-Redirect"].endswith(f"/e/{code}/t/{two}")


def test_contributions_votes_host_and_card_at_a_table(room, app, lang):
    code, (one, two) = room["code"], room["tables"]
    ann, bo, cas = room["Ann"], room["Bo"], room["Cas"]
    for phone in (ann, bo):
        _sit(phone, code, one)
    _sit(cas, code, two)
    page = f"/e/{code}/t/{one}"
    token = csrf_token(ann, page)
    added = ann.post(f"{page}/contributions", headers={**HX, "X-CSRFToken": token},
                     data={"kind": "advice", "text": "Geef vrijwilligers scholing"})
    assert added.status_code == 200 and "contribution-form" in added.get_data(as_text=True)
    empty = ann.post(f"{page}/contributions", headers={**HX, "X-CSRFToken": token},
                     data={"kind": "idea", "text": "  "})
    assert empty.status_code == 422
    with app.app_context():
        (contribution_id,) = db.session.scalars(db.select(Contribution.id))
    bo_token = csrf_token(bo, page)
    voted = bo.post(f"{page}/contributions/{contribution_id}/vote", headers={**HX, "X-CSRFToken": bo_token})
    assert voted.status_code == 200 and '<span data-vote-count>1</span>' in voted.get_data(as_text=True)
    # someone at another table cannot see or vote on this table's contributions
    assert "Geef vrijwilligers scholing" not in cas.get(f"/e/{code}/t/{two}").get_data(as_text=True)
    cas_token = csrf_token(cas, f"/e/{code}/t/{two}")
    assert cas.post(f"{page}/contributions/{contribution_id}/vote", data={"csrf_token": cas_token}).status_code == 302
    with app.app_context():
        assert db.session.get(Contribution, contribution_id).vote_count == 1
    # Bo claims the host role and fills the card: draft first, then submit
    bo.post(f"{page}/host", data={"csrf_token": bo_token})
    host_page = bo.get(page).get_data(as_text=True)
    assert 'id="card-form"' in host_page
    draft = bo.post(f"{page}/card", headers={**HX, "X-CSRFToken": bo_token},
                    data={"dilemma": "Visie of geld?", "options": "", "advice": "", "next_step": "", "action": "submit"})
    assert draft.status_code == 422 and "Visie of geld?" in draft.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(AdviceCard.dilemma)) == "Visie of geld?"  # the draft is kept
    not_host = ann.post(f"{page}/card", data={"csrf_token": token, "advice": "Ik ben geen host"})
    assert not_host.status_code == 403
    submitted = bo.post(f"{page}/card", headers={**HX, "X-CSRFToken": bo_token},
                        data={"dilemma": "Visie of geld?", "options": "A of B", "advice": "Duidelijke grenzen",
                              "next_step": "Sociom", "action": "submit"})
    assert submitted.status_code == 200
    assert "Duidelijke grenzen" in ann.get(page).get_data(as_text=True)


def test_console_assigns_rotates_and_drives_the_projector(room, app, make, lang):
    event_id, laptop = room["event_id"], room["laptop"]
    token = csrf_token(laptop, f"/console/{event_id}/")
    assigned = laptop.post(f"/console/{event_id}/tables/assign", headers={**HX, "X-CSRFToken": token},
                           data={"keep_seated": "1"})
    assert assigned.status_code == 200
    with app.app_context():
        seats = dict(db.session.execute(db.select(Seat.participant_id, Seat.table_id)).all())
        assert len(seats) == 3 and len(set(seats.values())) == 2
    overview = laptop.get(f"/console/{event_id}/").get_data(as_text=True)
    assert {"nl": "0 van 2 tafels ingeleverd", "en": "0 of 2 tables submitted"}[lang] in overview
    # no harvest before any card is submitted
    refused = laptop.post(f"/console/{event_id}/projector/harvest", headers={**HX, "X-CSRFToken": token})
    assert refused.status_code == 409
    laptop.post(f"/console/{event_id}/projector/tables", headers={**HX, "X-CSRFToken": token})
    screen = app.test_client()
    projector = _path(make.links(event_id)["projector_url"])
    assert "tables-overview" in screen.get(projector, follow_redirects=True).get_data(as_text=True)
    rotated = laptop.post(f"/console/{event_id}/tables/round", headers={**HX, "X-CSRFToken": token})
    assert rotated.status_code == 200
    with app.app_context():
        second = dict(db.session.execute(db.select(Seat.participant_id, Seat.table_id).filter_by(round=2)).all())
        assert all(second[pid] != seats[pid] for pid in seats)


def test_harvest_on_projector_and_endorsements_on_phones(room, app, make, lang):
    event_id, code, laptop = room["event_id"], room["code"], room["laptop"]
    one, two = room["tables"]
    ann, bo = room["Ann"], room["Bo"]
    _sit(ann, code, one)
    token = csrf_token(ann, f"/e/{code}/t/{one}")
    ann.post(f"/e/{code}/t/{one}/host", data={"csrf_token": token})
    ann.post(f"/e/{code}/t/{one}/card", data={"csrf_token": token, "advice": "Verleiden werkt", "action": "submit"})
    ctoken = csrf_token(laptop, f"/console/{event_id}/")
    assert laptop.post(f"/console/{event_id}/projector/harvest", data={"csrf_token": ctoken}).status_code == 302
    screen = app.test_client()
    projector = _path(make.links(event_id)["projector_url"])
    stage = on_the_big_screen(screen, projector)
    assert "Verleiden werkt" in stage and "1 / 1" in stage
    harvest = bo.get(f"/e/{code}/harvest").get_data(as_text=True)
    assert "Verleiden werkt" in harvest
    btoken = csrf_token(bo, f"/e/{code}/harvest")
    bo.post(f"/e/{code}/harvest/{one}/endorse", data={"csrf_token": btoken})
    assert {"nl": "1 steunbetuiging uit de zaal", "en": "1 endorsement from the room"}[lang] in \
        on_the_big_screen(screen, projector)
    refused = bo.post(f"/e/{code}/harvest/{two}/endorse", data={"csrf_token": btoken}, follow_redirects=True)
    assert {"nl": "nog geen advies", "en": "no advice to endorse yet"}[lang] in refused.get_data(as_text=True)


def test_a_table_page_that_reconnects_catches_up_with_the_part_now(room, app):
    """A phone that was offline during a change of part gets the new part with its stream."""
    from facilitation.events.models import Event
    from facilitation.programme.operations import step

    code, (one, _) = room["code"], room["tables"]
    _sit(room["Ann"], code, one)
    with app.app_context():
        event = db.session.get(Event, room["event_id"])
        step(event, +1)
        title = event.current_phase.title
        db.session.commit()
    live = room["Ann"].get(f"/e/{code}/t/{one}/live", headers=HX).get_data(as_text=True)
    assert 'id="now-bar"' in live and 'hx-swap-oob="true"' in live and title in live
    assert 'id="table-stream"' not in live  # the stream itself goes into #table-stream


def test_a_dilemma_gets_two_sides_or_none(app, make, lang):
    """Issue #18: the two sides guests place themselves between; one side alone is refused next to the field."""
    event_id, _ = make.event(language=lang, tables=1)
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    page = f"/events/{event_id}/tables"
    (one,) = _tables(app, event_id)
    half = laptop.post(page, data=_set_up_form(app, event_id, csrf_token=csrf_token(laptop, page), action="save",
                                               **{f"t{one}-pole_left": "een visie"}))
    assert half.status_code == 422 and f'id="t{one}-pole_right-error"' in half.get_data(as_text=True)
    both = laptop.post(page, data=_set_up_form(app, event_id, csrf_token=csrf_token(laptop, page), action="save",
                                               **{f"t{one}-pole_left": "een visie", f"t{one}-pole_right": "het geld"}))
    assert both.status_code == 302
    with app.app_context():
        table = db.session.get(Table, one)
        assert (table.pole_left, table.pole_right) == ("een visie", "het geld")
