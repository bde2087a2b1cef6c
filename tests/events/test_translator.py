"""The translator's link (#30): a bilingual volunteer adds a Dutch line under a dream written in Arabic; the big
screen shows it under the original, the facilitator's queue shows it, the themes and the report read it."""
import json

from facilitation.dreams.models import Dream
from facilitation.extensions import db
from tests.conftest import csrf_token, on_the_big_screen
from tests.events.test_guest_languages import ARABIC_DREAM, browser

LINE = "Ik droom van een veilig huis voor mijn gezin en een tuin waar de kinderen spelen"


def evening(app, make, tables: int = 0):
    event_id, code = make.event(language="nl", tables=tables)
    phone = browser(app, "ar")
    make.join(phone, code)
    make.post_dream(phone, code, ARABIC_DREAM)
    links = make.links(event_id)
    volunteer = app.test_client()
    assert volunteer.get(links["translator_url"].replace("http://venue.test:5000", "")).status_code == 302
    return event_id, code, phone, volunteer, links


def dream_id(app, event_id):
    with app.app_context():
        return db.session.scalar(db.select(Dream.id).filter_by(event_id=event_id))


def test_a_volunteer_translates_a_waiting_dream_and_the_room_reads_both(app, make):
    event_id, code, phone, volunteer, links = evening(app, make)
    page = volunteer.get(f"/translate/{event_id}/").get_data(as_text=True)
    assert ARABIC_DREAM in page and "wacht op de gespreksleider" in page and "In het Nederlands" in page
    token = csrf_token(volunteer, f"/translate/{event_id}/")
    answer = volunteer.post(f"/translate/{event_id}/dreams/{dream_id(app, event_id)}",
                            data={"csrf_token": token, "line": LINE}, headers={"HX-Request": "true"})
    assert answer.status_code == 200 and "Opgeslagen" in answer.get_data(as_text=True)
    # the facilitator reads the line in the queue, approves, and the wall shows both
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    queue = laptop.get(f"/console/{event_id}/panels/moderation").get_data(as_text=True)
    assert "Vertaling: " + LINE in queue
    token = csrf_token(laptop, f"/console/{event_id}/")
    laptop.post(f"/console/{event_id}/dreams/{dream_id(app, event_id)}/approve", data={"csrf_token": token},
                headers={"HX-Request": "true"})
    wall = on_the_big_screen(app.test_client(), links["projector_url"])
    assert ARABIC_DREAM in wall and LINE in wall
    assert wall.index(ARABIC_DREAM) < wall.index(LINE)
    # the report quotes the original with its line, and the words of the report read the line
    report = json.loads(laptop.get(f"/console/{event_id}/report/report.json").get_data(as_text=True))
    quoted = [d for theme in report["dreams"]["themes"] for d in theme["dreams"]]
    assert quoted == [{"id": dream_id(app, event_id), "text": ARABIC_DREAM, "hearts": 0, "language": "ar",
                       "translation": LINE}]
    assert {"huis", "tuin", "kind"} & {w["word"] for w in report["dreams"]["words"]}
    assert f"{ARABIC_DREAM} ({LINE})" in laptop.get(f"/console/{event_id}/report/report.md").get_data(as_text=True)


def test_the_translators_link_opens_nothing_else_and_bad_input_loses_nothing(app, make):
    event_id, code, phone, volunteer, links = evening(app, make)
    assert volunteer.get(f"/console/{event_id}/").status_code == 403  # not the console
    assert app.test_client().get(f"/translate/{event_id}/").status_code == 403  # not without the link
    assert app.test_client().get(f"/translate/{event_id}/not-the-token").status_code == 403
    token = csrf_token(volunteer, f"/translate/{event_id}/")
    target = f"/translate/{event_id}/dreams/{dream_id(app, event_id)}"
    too_long = volunteer.post(target, data={"csrf_token": token, "line": "woord " * 80}, headers={"HX-Request": "true"})
    assert too_long.status_code == 422 and "280" in too_long.get_data(as_text=True)
    assert "woord woord" in too_long.get_data(as_text=True)  # what was typed is still in the field
    assert volunteer.post(f"/translate/{event_id}/dreams/999999", data={"csrf_token": token, "line": "x"}).status_code == 404
    # a Dutch dream is not the translator's
    make.post_dream(phone, code, "Een buurt waar iedereen elkaar groet")
    with app.app_context():
        dutch = db.session.scalar(db.select(Dream.id).filter_by(written_in="nl"))
        assert db.session.get(Dream, dream_id(app, event_id)).translation is None
    assert volunteer.post(f"/translate/{event_id}/dreams/{dutch}", data={"csrf_token": token, "line": "x"}).status_code == 404
    # the facilitator's link opens the translator's page too; a rotated facilitator link closes the old one
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    assert laptop.get(f"/translate/{event_id}/").status_code == 200


ARABIC_DEED = "سأزور جارتي المسنة كل أسبوع وأشرب معها القهوة"
DEED_LINE = "Ik ga elke week bij mijn oudere buurvrouw op bezoek en drink koffie met haar"


def test_a_volunteer_translates_a_deed_and_the_deeds_wall_and_the_report_read_both(app, make):
    """A deed in Arabic at the closing part: the translator's page lists it under the dreams, the line goes under
    it on the big screen's deeds wall, in the report (page, report.json, report.md) and in the deeds sheet."""
    from facilitation.programme.models import Deed
    from tests.programme.test_programme import _to_phase

    event_id, code, phone, volunteer, links = evening(app, make)
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    token = _to_phase(laptop, event_id, 7)  # welcome ... closing
    assert phone.post(f"/e/{code}/deed", data={"csrf_token": csrf_token(phone, f"/e/{code}"),
                                               "text": ARABIC_DEED}).status_code == 302
    with app.app_context():
        deed = db.session.scalar(db.select(Deed).filter_by(event_id=event_id))
        deed_id = deed.id
        assert deed.written_in == "ar" and deed.held  # no screening reads Arabic: it waits
    page = volunteer.get(f"/translate/{event_id}/").get_data(as_text=True)
    assert ARABIC_DEED in page and page.index(ARABIC_DREAM) < page.index(ARABIC_DEED)
    answer = volunteer.post(f"/translate/{event_id}/deeds/{deed_id}", headers={"HX-Request": "true"},
                            data={"csrf_token": csrf_token(volunteer, f"/translate/{event_id}/"), "line": DEED_LINE})
    assert answer.status_code == 200 and f'id="deed-{deed_id}"' in answer.get_data(as_text=True)
    queue = laptop.get(f"/console/{event_id}/panels/moderation").get_data(as_text=True)
    assert "Vertaling: " + DEED_LINE in queue
    laptop.post(f"/console/{event_id}/deeds/{deed_id}/approve", data={"csrf_token": token},
                headers={"HX-Request": "true"})
    wall = on_the_big_screen(app.test_client(), links["projector_url"])
    assert ARABIC_DEED in wall and DEED_LINE in wall and wall.index(ARABIC_DEED) < wall.index(DEED_LINE)
    assert 'lang="ar"' in wall
    report = json.loads(laptop.get(f"/console/{event_id}/report/report.json").get_data(as_text=True))
    assert report["deeds"] == [{"id": deed_id, "text": ARABIC_DEED, "language": "ar", "translation": DEED_LINE}]
    assert f"{ARABIC_DEED} ({DEED_LINE})" in laptop.get(f"/console/{event_id}/report/report.md").get_data(as_text=True)
    assert DEED_LINE in laptop.get(f"/console/{event_id}/report/").get_data(as_text=True)
    # a line that is too long keeps the one saved; a Dutch deed and an unknown one are not the translator's
    too_long = volunteer.post(f"/translate/{event_id}/deeds/{deed_id}", headers={"HX-Request": "true"},
                              data={"csrf_token": csrf_token(volunteer, f"/translate/{event_id}/"),
                                    "line": "woord " * 80})
    assert too_long.status_code == 422
    with app.app_context():
        assert db.session.get(Deed, deed_id).translation == DEED_LINE
    assert volunteer.post(f"/translate/{event_id}/deeds/999999",
                          data={"csrf_token": csrf_token(volunteer, f"/translate/{event_id}/"),
                                "line": "x"}).status_code == 404


ARABIC_QUESTION = "كيف يمكن للجيران مساعدة كبار السن في الشتاء؟"
QUESTION_LINE = "Hoe kunnen buren ouderen in de winter helpen?"
ARABIC_OFFER = "أستطيع مساعدة الجيران في ملء الاستمارات"
OFFER_LINE = "Ik kan buren helpen met het invullen van formulieren"
ARABIC_IDEA = "نلتقي مرة في الأسبوع لتناول القهوة مع الجيران الجدد"
IDEA_LINE = "Eens per week koffie drinken met de nieuwe buren"


def test_a_volunteer_translates_a_question_a_market_post_and_a_contribution_and_each_screen_shows_the_line(app, make):
    """The translator's page lists what a guest wrote in Arabic under each kind's heading; each line shows under
    the original where the room reads it: the questions on another guest's phone and on the console, the market
    on the console, the contribution in the table's stream."""
    from facilitation.events.models import Event, Participant
    from facilitation.market.models import MarketPost
    from facilitation.market.operations import set_market
    from facilitation.polls.models import SpeakerQuestion
    from facilitation.polls.operations import ask_speaker, open_questions
    from facilitation.market.rubrics import rubrics
    from facilitation.market.operations import post as post_on_the_market
    from facilitation.tables.models import Contribution
    from facilitation.tables.operations import join_table, post_contribution
    from facilitation.tables.queries import event_tables

    event_id, code, phone, volunteer, links = evening(app, make, tables=1)
    neighbour = app.test_client()
    make.join(neighbour, code)
    with app.app_context():
        event = db.session.get(Event, event_id)
        event.unchecked_languages_pass = True
        event.contributions_open = True
        open_questions(event, True)
        set_market(event, True)
        amal = db.session.scalar(db.select(Participant).filter_by(event_id=event_id, language="ar"))
        table = event_tables(event)[0]
        join_table(amal, table)
        ask_speaker(event, amal, ARABIC_QUESTION)
        post_on_the_market(event, amal, "offer", rubrics(event)[0], ARABIC_OFFER)
        post_contribution(table, amal, "idea", ARABIC_IDEA)
        db.session.commit()
        ids = {"questions": db.session.scalar(db.select(SpeakerQuestion.id)),
               "market": db.session.scalar(db.select(MarketPost.id)),
               "contributions": db.session.scalar(db.select(Contribution.id))}
        table_id = table.id
    page = volunteer.get(f"/translate/{event_id}/").get_data(as_text=True)
    for heading, text in (("Vragen voor de spreker", ARABIC_QUESTION), ("Markt", ARABIC_OFFER),
                          ("Bijdragen", ARABIC_IDEA)):
        assert heading in page and text in page and page.index(heading) < page.index(text)
    for kind, line in (("questions", QUESTION_LINE), ("market", OFFER_LINE), ("contributions", IDEA_LINE)):
        answer = volunteer.post(f"/translate/{event_id}/{kind}/{ids[kind]}", headers={"HX-Request": "true"},
                                data={"csrf_token": csrf_token(volunteer, f"/translate/{event_id}/"), "line": line})
        assert answer.status_code == 200 and "Opgeslagen" in answer.get_data(as_text=True)
    asked = neighbour.get(f"/e/{code}/ask").get_data(as_text=True)
    assert ARABIC_QUESTION in asked and QUESTION_LINE in asked and asked.index(ARABIC_QUESTION) < asked.index(QUESTION_LINE)
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    room = laptop.get(f"/console/{event_id}/panels/room").get_data(as_text=True)
    assert QUESTION_LINE in room
    market = laptop.get(f"/console/{event_id}/panels/market").get_data(as_text=True)
    assert ARABIC_OFFER in market and OFFER_LINE in market
    stream = phone.get(f"/e/{code}/t/{table_id}").get_data(as_text=True)
    assert ARABIC_IDEA in stream and IDEA_LINE in stream and stream.index(ARABIC_IDEA) < stream.index(IDEA_LINE)
    with app.app_context():
        assert db.session.get(Contribution, ids["contributions"]).translation == IDEA_LINE


ARABIC_ADVICE = "ننصح بتنظيم لقاء شهري بين الجيران القدامى والجدد في المكتبة"
CARD_LINE = "Wij raden een maandelijkse ontmoeting aan tussen oude en nieuwe buren in de bibliotheek"
ARABIC_AGREEMENT = "سنلتقي يوم السبت في المكتبة لملء الاستمارات معا"
AGREEMENT_LINE = "We zien elkaar zaterdag in de bibliotheek om samen de formulieren in te vullen"
ARABIC_WORD = "الأمل"
WORD_LINE = "hoop"
ARABIC_COMMENT = "شكرا على هذه الأمسية الجميلة، شعرت بالترحيب من الجميع"
COMMENT_LINE = "Dank voor deze mooie avond, iedereen heette me welkom"
ARABIC_CHECKIN = "زرت جارتي ثلاث مرات وأصبحنا صديقتين"
CHECKIN_LINE = "Ik ben drie keer bij mijn buurvrouw geweest en we zijn vriendinnen geworden"


def test_a_volunteer_translates_a_card_an_agreement_words_a_comment_and_a_check_in_and_the_harvest_reads_them(
        app, make):
    """The rest of what a guest writes (#30 item 5: "any post"): an advice card, a market agreement, an answer in
    the word cloud, a rating's comment and a check-in's line, each written in Arabic, each listed on the
    translator's page under its heading; each line shows under the original where it is read: the guests'
    harvest page, the guest's own market, the console's word cloud, and the report (page, report.json, report.md,
    data.xlsx)."""
    import io

    from openpyxl import load_workbook

    from facilitation.events.models import Event, Participant
    from facilitation.followup.models import CheckIn
    from facilitation.followup.operations import answer_checkin
    from facilitation.market.models import Connection
    from facilitation.market.operations import post as post_on_the_market
    from facilitation.market.operations import say_yes, seal, set_market, talk
    from facilitation.market.rubrics import rubrics
    from facilitation.polls.models import PollAnswer
    from facilitation.polls.operations import answer, ask, prepare_poll
    from facilitation.programme.models import Rating
    from facilitation.programme.operations import rate_evening
    from facilitation.tables.models import AdviceCard
    from facilitation.tables.operations import claim_host, join_table, save_card
    from facilitation.tables.queries import event_tables

    event_id, code, phone, volunteer, links = evening(app, make, tables=1)
    for name in ("Bram", "Carla", "Dirk"):
        make.join(app.test_client(), code, name)
    with app.app_context():
        event = db.session.get(Event, event_id)
        event.unchecked_languages_pass = True
        amal = db.session.scalar(db.select(Participant).filter_by(event_id=event_id, language="ar"))
        others = list(db.session.scalars(db.select(Participant).filter(Participant.event_id == event_id,
                                                                       Participant.id != amal.id)))
        table = event_tables(event)[0]
        join_table(amal, table)
        claim_host(table, amal)
        save_card(table, amal, {"dilemma": "", "options": "", "advice": ARABIC_ADVICE, "next_step": ""}, submit=True)
        set_market(event, True)
        rubric = rubrics(event)[0]
        offer = post_on_the_market(event, amal, "offer", rubric, "أستطيع مساعدة الجيران في ملء الاستمارات")
        need = post_on_the_market(event, others[0], "need", rubric, "Hulp bij het invullen van formulieren")
        connection = talk(event, amal, offer, need)
        say_yes(event, others[0], connection)
        seal(event, amal, connection, ARABIC_AGREEMENT, named=False)
        poll = prepare_poll(event, "words", "Wat neem je mee naar huis?")
        ask(event, poll)
        answer(poll, amal, words=ARABIC_WORD)
        answer(poll, others[1], words="verbinding")
        rate_evening(event, amal, 5, ARABIC_COMMENT)
        answer_checkin(amal, "done", ARABIC_CHECKIN)
        for other in others[:2]:  # enough answers for the report to show them
            answer_checkin(other, "started", "")
        db.session.commit()
        ids = {"cards": db.session.scalar(db.select(AdviceCard.id)),
               "agreements": db.session.scalar(db.select(Connection.id)),
               "words": db.session.scalar(db.select(PollAnswer.id).filter_by(participant_id=amal.id)),
               "comments": db.session.scalar(db.select(Rating.id)),
               "checkins": db.session.scalar(db.select(CheckIn.id).filter_by(participant_id=amal.id))}
    page = volunteer.get(f"/translate/{event_id}/").get_data(as_text=True)
    for heading, text in (("Advieskaarten", ARABIC_ADVICE), ("Afspraken op de markt", ARABIC_AGREEMENT),
                          ("Antwoorden in de woordwolk", ARABIC_WORD), ("Opmerkingen bij de avond", ARABIC_COMMENT),
                          ("Regels uit de check-in", ARABIC_CHECKIN)):
        assert heading in page and text in page and page.index(heading) < page.index(text), heading
        assert f'>{heading} (1)</a>' in page, heading  # the page's own list of what waits, with counts
    assert '<a href="#dreams-list">Dromen (1)</a>' in page and '<a href="#cards-heading">Advieskaarten (1)</a>' in page
    lines = {"cards": CARD_LINE, "agreements": AGREEMENT_LINE, "words": WORD_LINE, "comments": COMMENT_LINE,
             "checkins": CHECKIN_LINE}
    for kind, line in lines.items():
        answer_ = volunteer.post(f"/translate/{event_id}/{kind}/{ids[kind]}", headers={"HX-Request": "true"},
                                 data={"csrf_token": csrf_token(volunteer, f"/translate/{event_id}/"), "line": line})
        assert answer_.status_code == 200 and "Opgeslagen" in answer_.get_data(as_text=True), kind
    # where the room reads them: the guests' harvest page, Amal's own market, the console's word cloud
    harvest = app.test_client().get(f"/h/{code}").get_data(as_text=True)
    for original, line in ((ARABIC_ADVICE, CARD_LINE), (ARABIC_AGREEMENT, AGREEMENT_LINE)):
        assert original in harvest and line in harvest and harvest.index(original) < harvest.index(line)
    market = phone.get(f"/e/{code}/market").get_data(as_text=True)
    assert ARABIC_AGREEMENT in market and AGREEMENT_LINE in market
    laptop = app.test_client()
    make.facilitate(laptop, event_id)
    cloud = laptop.get(f"/console/{event_id}/panels/room").get_data(as_text=True)
    assert ARABIC_WORD in cloud and WORD_LINE in cloud and cloud.index(ARABIC_WORD) < cloud.index(WORD_LINE)
    # the report: each original with its line
    report = json.loads(laptop.get(f"/console/{event_id}/report/report.json").get_data(as_text=True))
    card = report["tables"][0]["advice_cards"][0]
    assert (card["advice"], card["language"], card["translation"]) == (ARABIC_ADVICE, "ar", CARD_LINE)
    assert [(a["agreement"], a["translation"]) for a in report["market"]["agreements"]] == [
        (ARABIC_AGREEMENT, AGREEMENT_LINE)]
    assert {"label": ARABIC_WORD, "count": 1, "translation": WORD_LINE} in report["room"]["polls"][0]["results"]
    assert report["evaluation"]["comments"] == [ARABIC_COMMENT]
    assert report["evaluation"]["comment_translations"] == [COMMENT_LINE]
    assert report["follow_up"]["lines"] == [ARABIC_CHECKIN]
    assert report["follow_up"]["line_translations"] == [CHECKIN_LINE]
    markdown = laptop.get(f"/console/{event_id}/report/report.md").get_data(as_text=True)
    for expected in (CARD_LINE, f"{ARABIC_AGREEMENT} ({AGREEMENT_LINE})", f"{ARABIC_WORD} ({WORD_LINE}): 1",
                     f"{ARABIC_COMMENT} ({COMMENT_LINE})", f"{ARABIC_CHECKIN} ({CHECKIN_LINE})"):
        assert expected in markdown, expected
    shown = laptop.get(f"/console/{event_id}/report/").get_data(as_text=True)
    assert all(line in shown for line in lines.values())
    sheets = load_workbook(io.BytesIO(laptop.get(f"/console/{event_id}/report/data.xlsx").data), read_only=True)
    cells = {sheet.title: [cell for row in sheet.iter_rows(values_only=True) for cell in row] for sheet in sheets}
    assert CARD_LINE in cells["Advieskaarten"] and COMMENT_LINE in cells["Evaluatie"]
    assert AGREEMENT_LINE in cells["Matches"]
    # a card's line may be as long as a card; an unknown kind of post is not the translator's
    with app.app_context():
        assert db.session.get(AdviceCard, ids["cards"]).translation == CARD_LINE
    assert volunteer.post(f"/translate/{event_id}/names/1", data={
        "csrf_token": csrf_token(volunteer, f"/translate/{event_id}/"), "line": "x"}).status_code == 404
    # new words lose their line (the agreement sealed anew); the same words sent again keep it (a new score)
    with app.app_context():
        event = db.session.get(Event, event_id)
        amal = db.session.scalar(db.select(Participant).filter_by(event_id=event_id, language="ar"))
        rate_evening(event, amal, 4, ARABIC_COMMENT)
        seal(event, amal, db.session.get(Connection, ids["agreements"]), "سنلتقي يوم الأحد بدلا من السبت", named=False)
        db.session.commit()
        assert db.session.get(Rating, ids["comments"]).translation == COMMENT_LINE
        assert db.session.get(Connection, ids["agreements"]).translation is None
        poll = db.session.get(PollAnswer, ids["words"]).poll  # a word cloud's answer, stored in one statement
        answer(poll, amal, words=ARABIC_WORD)
        db.session.commit()
        assert db.session.get(PollAnswer, ids["words"]).translation == WORD_LINE
        answer(poll, amal, words="السلام")
        db.session.commit()
        assert db.session.get(PollAnswer, ids["words"]).translation is None
    harvest = app.test_client().get(f"/h/{code}").get_data(as_text=True)
    assert "سنلتقي يوم الأحد" in harvest and AGREEMENT_LINE not in harvest
