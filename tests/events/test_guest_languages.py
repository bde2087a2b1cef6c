"""Newcomers' languages (#30): a guest takes part in their own language, the room's screens keep theirs, every
post keeps the language it was written in, and what the screening cannot read waits for the facilitator."""
import json

import pytest

from facilitation.dreams.models import Dream
from facilitation.events.models import Event, Participant
from facilitation.extensions import db, socketio
from tests.conftest import csrf_token
from tests.live.test_sockets import payloads

ARABIC_DREAM = "أحلم ببيت آمن لعائلتي وحديقة يلعب فيها الأطفال"
FARSI_DREAM = "من آرزو دارم که همه همسایه‌ها با هم غذا بخورند"
UKRAINIAN_DREAM = "Я мрію, щоб мої діти ходили до школи без страху"
TURKISH_DREAM = "Herkesin birbirini tanıdığı bir mahalle hayal ediyorum"
DUTCH_DREAM = "Een buurt waar iedereen elkaar groet"


def browser(app, accept_language: str):
    """A phone whose browser asks for this language first."""
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = accept_language
    return client


@pytest.mark.parametrize("accept, lang, direction, words", [
    ("ar,en;q=0.5", "ar", "rtl", "انضم"),
    ("fa-IR,fa;q=0.9", "fa", "rtl", "ورود"),
    ("tr-TR,tr;q=0.9,en;q=0.5", "tr", "ltr", "Katıl"),
    ("pl-PL", "pl", "ltr", "Dołącz"),
    ("uk-UA,uk;q=0.9,ru;q=0.8", "uk", "ltr", "Приєднатися"),
    ("nl-BE,nl;q=0.9", "nl", "ltr", "Doe mee"),
    ("de-DE,de;q=0.9", "nl", "ltr", "Doe mee"),  # a language we do not offer: the event's
    # a Dutch guest whose phone is set to English reads a Dutch evening in Dutch: the browser reads it too
    ("en-US,en;q=0.9,nl;q=0.8", "nl", "ltr", "Doe mee"),
    ("en-US,en;q=0.9", "en", "ltr", "Join"),
])
def test_the_join_page_speaks_the_browsers_language(app, make, accept, lang, direction, words):
    _, code = make.event("Samen sterker", language="nl")
    page = browser(app, accept).get(f"/j/{code}").get_data(as_text=True)
    assert f'<html lang="{lang}" dir="{direction}">' in page
    assert words in page
    assert "Samen sterker" in page


def test_a_guests_choice_beats_the_browser_and_the_room_keeps_its_language(app, make):
    event_id, code = make.event(language="nl")
    phone = browser(app, "ar")
    assert "<html lang=\"ar\"" in phone.get(f"/j/{code}").get_data(as_text=True)
    phone.get("/language/tr", query_string={"next": f"/j/{code}"})
    assert "<html lang=\"tr\"" in phone.get(f"/j/{code}").get_data(as_text=True)
    # the same browser on the facilitator's console: the event's Dutch, not Turkish or the browser's Arabic
    console = make.facilitate(phone, event_id)
    page = phone.get(f"/console/{event_id}/").get_data(as_text=True)
    assert console and '<html lang="nl" dir="ltr">' in page
    # the language menu on a guest's page offers every complete catalog; on the console only Dutch and English
    join = phone.get(f"/j/{code}").get_data(as_text=True)
    for name in ("العربية", "فارسی", "Türkçe", "Polski", "Українська", "Nederlands", "English"):
        assert name in join
    assert "العربية" not in page and "English" in page


def test_a_change_of_language_keeps_what_the_guest_typed(app, make):
    """The join form keeps its fields when the page comes back in another language (the switch is a link to
    the same page; the refused post comes back with its text)."""
    _, code = make.event(language="nl")
    phone = browser(app, "ar")
    make.join(phone, code)
    long_dream = ARABIC_DREAM + " " + "و" * 300
    answer = make.post_dream(phone, code, long_dream)
    page = answer.get_data(as_text=True)
    assert answer.status_code in (200, 422)
    assert "280" in page and "و" * 50 in page  # the refusal is Arabic-page text, and the dream is still there
    assert '<html lang="ar"' in phone.get(f"/e/{code}").get_data(as_text=True)


def test_each_phone_gets_pushes_in_its_own_language_and_only_languages_in_use_are_rendered(app, make):
    event_id, code = make.event(language="nl")
    arabic, dutch = browser(app, "ar"), browser(app, "nl")
    make.join(arabic, code)
    make.join(dutch, code)
    with app.app_context():
        assert db.session.get(Event, event_id).reader_languages == ("nl",)
    arabic_socket = socketio.test_client(app, flask_test_client=arabic, auth={"event": event_id, "as": "participant"},
                                         headers={"Accept-Language": "ar"})
    dutch_socket = socketio.test_client(app, flask_test_client=dutch, auth={"event": event_id, "as": "participant"},
                                        headers={"Accept-Language": "nl"})
    try:
        with app.app_context():
            event = db.session.get(Event, event_id)
            assert event.reader_languages == ("nl", "ar")
            assert sorted(p.language for p in event.participants) == ["ar", "nl"]
        make.post_dream(dutch, code, DUTCH_DREAM)
        arabic_html = payloads(arabic_socket.get_received(), "dream:new")[0]["items"][0]["html"]
        dutch_html = payloads(dutch_socket.get_received(), "dream:new")[0]["items"][0]["html"]
        assert DUTCH_DREAM in arabic_html and DUTCH_DREAM in dutch_html
        assert "Hartje geven" in dutch_html and "أعطِ قلبًا" in arabic_html
    finally:
        arabic_socket.disconnect()
        dutch_socket.disconnect()


def test_two_phones_in_two_new_languages_at_once_both_count(app, make):
    from facilitation.events.operations import note_reader

    event_id, code = make.event(language="nl")
    make.join(app.test_client(), code)
    make.join(app.test_client(), code)
    with app.app_context():
        event = db.session.get(Event, event_id)
        first, second = event.participants
        # two requests that each loaded the event before either wrote
        stale = db.session.get(Event, event_id)
        assert note_reader(event, first, "ar") and note_reader(stale, second, "uk")
        db.session.commit()
        db.session.expire_all()
        assert set(db.session.get(Event, event_id).reader_languages) == {"nl", "ar", "uk"}
        assert not note_reader(db.session.get(Event, event_id), first, "ar")  # nothing new: no write
        assert not note_reader(db.session.get(Event, event_id), first, "xx")  # not a guest language


@pytest.mark.parametrize("text, written_in", [
    (ARABIC_DREAM, "ar"), (FARSI_DREAM, "fa"), (UKRAINIAN_DREAM, "uk"), (TURKISH_DREAM, "tr"),
])
def test_a_dream_in_a_language_the_screening_cannot_read_waits_marked_so(app, make, text, written_in):
    event_id, code = make.event(language="nl")
    phone = browser(app, "ar")
    make.join(phone, code)
    make.post_dream(phone, code, text)
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    with app.app_context():
        dream = db.session.scalar(db.select(Dream).filter_by(event_id=event_id))
        assert (dream.text, dream.written_in, dream.review.value) == (text, written_in, "held")
        assert dream.hold_reason.value == "unchecked_language"
    panel = laptop.get(f"/console/{event_id}/panels/moderation").get_data(as_text=True)
    assert "taal niet gecontroleerd" in panel and text in panel
    # the wall does not show it yet; the guest sees it waiting on their own phone
    assert text not in on_wall(app, make, event_id)


def on_wall(app, make, event_id):
    from tests.conftest import on_the_big_screen

    return on_the_big_screen(app.test_client(), make.links(event_id)["projector_url"])


def test_the_facilitator_lets_unchecked_languages_through_and_dutch_never_waited(app, make):
    event_id, code = make.event(language="nl")
    phone = browser(app, "ar")
    make.join(phone, code)
    make.post_dream(phone, code, DUTCH_DREAM)  # an Arabic reader writing Dutch: screened as Dutch, shown at once
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    token = csrf_token(laptop, f"/console/{event_id}/")
    answer = laptop.post(f"/console/{event_id}/moderation/languages/pass", data={"csrf_token": token},
                         headers={"HX-Request": "true"})
    assert answer.status_code == 200 and "meteen op de wolk" in answer.get_data(as_text=True)
    make.post_dream(phone, code, ARABIC_DREAM)
    wall = on_wall(app, make, event_id)
    assert DUTCH_DREAM in wall and ARABIC_DREAM in wall
    assert f'lang="ar">{ARABIC_DREAM}' in wall
    with app.app_context():
        assert [d.written_in for d in db.session.scalars(db.select(Dream).order_by(Dream.id))] == ["nl", "ar"]
    # personal data is found in any language: a phone number in an Arabic dream still waits
    make.post_dream(phone, code, "اتصلوا بي على 0612345678 من فضلكم")
    with app.app_context():
        last = db.session.scalar(db.select(Dream).order_by(Dream.id.desc()))
        assert last.hold_reason.value == "phone"


@pytest.mark.parametrize("text", [
    "😀🌍🤝",  # emoji only: no language to tell, shown
    "Samen سلام Разом",  # mixed scripts
    "مرحبا 2027 Amsterdam-Oost",  # numbers and Latin words inside Arabic
    "ب" * 280,  # the longest Arabic dream
])
def test_awkward_texts_are_stored_whole(app, make, text):
    event_id, code = make.event(language="nl")
    phone = browser(app, "nl")
    make.join(phone, code)
    assert make.post_dream(phone, code, text).status_code in (200, 201, 302)
    with app.app_context():
        assert db.session.scalar(db.select(Dream.text).filter_by(event_id=event_id)) == text


def test_the_report_counts_languages_and_keeps_small_groups_together(app, make):
    from facilitation.reports.content import gather

    event_id, code = make.event(language="nl")
    for accept, count in (("nl", 6), ("ar", 5), ("fa", 1)):
        for _ in range(count):
            make.join(browser(app, accept), code)
    with app.app_context():
        event = db.session.get(Event, event_id)
        assert sorted(p.language for p in event.participants).count("ar") == 5
        event.unchecked_languages_pass = True
        db.session.commit()
    writer = browser(app, "ar")
    make.join(writer, code)
    make.post_dream(writer, code, ARABIC_DREAM)
    make.post_dream(writer, code, DUTCH_DREAM)
    with app.test_request_context(), app.app_context():
        report = gather(db.session.get(Event, event_id))
    rows = {row["name"]: (row["guests"], row["dreams"]) for row in report["languages"]["rows"]}
    assert rows == {"Nederlands": (6, 1), "Arabisch": (6, 1), "Andere talen": (1, 0)}
    assert report["dreams"]["themes"][-1]["dreams"][0]["language"] in ("ar", "nl")
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    page = laptop.get(f"/console/{event_id}/report/").get_data(as_text=True)
    assert "Talen" in page and "Arabisch" in page and "Farsi" not in page and "Perzisch" not in page
    data = json.loads(laptop.get(f"/console/{event_id}/report/report.json").get_data(as_text=True))
    assert data["languages"]["rows"][0]["code"] in ("nl", "ar")
    # the Word and Markdown downloads have the same table (read back with python-docx)
    import io

    import docx

    markdown = laptop.get(f"/console/{event_id}/report/report.md").get_data(as_text=True)
    word = docx.Document(io.BytesIO(laptop.get(f"/console/{event_id}/report/report.docx").data))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    for name in ("Talen", "Arabisch", "Andere talen"):
        assert name in markdown
    assert "Arabisch" in cells and "Andere talen" in cells
    # and the spreadsheets: a sheet of languages, and each dream's language (read back with openpyxl)
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(laptop.get(f"/console/{event_id}/report/data.xlsx").data))
    spoken = {row[0]: row[1:] for row in workbook["Talen"].iter_rows(min_row=2, values_only=True)}
    assert spoken == {"Nederlands": (6, 1), "Arabisch": (6, 1), "Andere talen": (1, 0)}
    dreams = list(workbook["Dromen"].iter_rows(values_only=True))
    assert dreams[0][-2:] == ("Taal", "Vertaling")
    assert {row[1]: row[-2] for row in dreams[1:]} == {ARABIC_DREAM: "Arabisch", DUTCH_DREAM: "Nederlands"}
