"""The guest's side of questions to the room: the poll page (one tap answers), the stance on their table's
dilemma (on the table page), and questions for the speaker with votes. Plain forms: they work without
JavaScript; a change of poll reaches an open page as a "poll:changed" signal, after which it fetches itself."""
from flask import Blueprint, render_template, url_for
from flask_babel import gettext

from .. import pages
from ..actions import act, fragment_or_back, refusal_or_back
from ..events import access, flood
from ..extensions import db, htmx
from ..limits import ANONYMITY_THRESHOLD
from ..tables.queries import seat_of, table_or_404
from . import operations as ops
from . import pushes
from .forms import AnswerForm, QuestionForm, StanceForm
from .operations import STANCE_MAX
from .queries import my_answer, my_stance, my_votes, questions, results, table_stances, visible_to_room

bp = Blueprint("polls", __name__)


# --- what a table page shows of the room's stance question (pages.py) --------------------------

pages.register(
    "table",
    my_stance=lambda event, participant, table: my_stance(table, participant, event.stance_moment),
    table_stance=lambda event, participant, table: (table_stances(table) if table.pole_left and table.pole_right
                                                    else None),
    stance_max=lambda event, participant, table: STANCE_MAX,
    stance_threshold=lambda event, participant, table: ANONYMITY_THRESHOLD)


def _poll_context(event, participant, **extra) -> dict:
    poll = event.current_poll
    shown = visible_to_room(poll)
    mine = extra.pop("mine") if "mine" in extra else my_answer(poll, participant)
    return {"event": event, "participant": participant, "poll": poll, "mine": mine,
            "results": results(poll) if shown else None, **pages.parts("now", event, participant), "error": None,
            "typed": "", "my_plenary": my_stance(None, participant, event.stance_moment), "stance_max": STANCE_MAX,
            **extra}


@bp.get("/e/<code>/poll")
@access.of_guest
def poll_page(event, participant):
    return render_template("polls/phone.html", **_poll_context(event, participant))


@bp.get("/e/<code>/poll/live")
@access.of_phone
def poll_live(event, participant):
    return render_template("polls/_poll.html", **_poll_context(event, participant))


@bp.post("/e/<code>/polls/<poll_id>/answer")
@access.of_guest
def answer(event, participant, poll_id):
    form = AnswerForm()

    def operation():
        flood.check("mark", f"participant:{participant.id}")
        poll = ops.poll_in(event, poll_id)
        stored = ops.answer(poll, participant, form.choice.data, form.value.data, form.words.data)
        pushes.answered(event, poll)
        return stored

    page = url_for("polls.poll_page", code=event.join_code)
    # the answer's fragment is drawn from what this request holds (its own answer included): 2,000 phones
    # answering in 10 s should not each load the event and the poll again after the commit
    db.session().expire_on_commit = False
    return act(operation, answer=lambda stored: fragment_or_back(
        lambda: render_template("polls/_poll.html", **_poll_context(event, participant, saved=True, mine=stored)),
        page,
        gettext("Thank you, your answer counts. You can change it while the question is open.")),
        refused=lambda error: (render_template(
            "polls/_poll.html" if htmx else "polls/phone.html",
            **_poll_context(event, participant, error=error.message, typed=form.words.data or "")), error.status))


@bp.post("/e/<code>/t/<int:table_id>/stance")
@access.of_guest
def stance(event, participant, table_id):
    """Where I stand on my table's dilemma; the table page comes back with it marked."""
    table = table_or_404(event, table_id)
    seat = seat_of(participant)
    # back to the guest's own table, where the line is (or to choosing one)
    page = (url_for("tables.table", code=event.join_code, table_id=seat.table_id) + "#stance" if seat
            else url_for("tables.choose", code=event.join_code))

    return _take_stance(event, table, participant, page)


@bp.post("/e/<code>/stance")
@access.of_guest
def plenary_stance(event, participant):
    """Where I stand on the dilemma of the whole room; the poll page comes back with it marked."""
    return _take_stance(event, None, participant, url_for("polls.poll_page", code=event.join_code) + "#plenary-stance")


def _take_stance(event, table, participant, page: str):
    """A place on the line of a table's dilemma (or the room's, without a table), then back to `page`."""
    value = StanceForm().value.data

    def operation():
        flood.check("mark", f"participant:{participant.id}")
        ops.take_stance(event, table, participant, value)
        pushes.stances_changed(event)

    return act(operation, answer=lambda _: fragment_or_back(None, page, gettext("Thank you: your place is saved.")),
               refused=refusal_or_back(None, page))


def _ask_context(event, participant, **extra) -> dict:
    speaker = event.current_speaker
    return {"event": event, "participant": participant, "speaker": speaker,
            "questions": questions(event, speaker.id if speaker else None, answered=False),
            "voted": my_votes(participant), **pages.parts("now", event, participant), "error": None, "typed": "",
            **extra}


@bp.get("/e/<code>/ask")
@access.of_guest
def ask_page(event, participant):
    return render_template("polls/ask.html", **_ask_context(event, participant))


@bp.get("/e/<code>/ask/live")
@access.of_phone
def ask_live(event, participant):
    return render_template("polls/_ask.html", **_ask_context(event, participant))


@bp.post("/e/<code>/ask")
@access.of_guest
def ask(event, participant):
    text = QuestionForm().text.data

    def operation():
        flood.check("post", f"participant:{participant.id}")
        question = ops.ask_speaker(event, participant, text)

        pushes.question_asked(event)
        return question

    page = url_for("polls.ask_page", code=event.join_code)
    return act(operation, answer=lambda question: fragment_or_back(None, page, gettext(
        "Your question is in the list. Others can vote for it.") if question.visible else gettext(
        "Your question waits for the facilitator before it goes in the list.")),
        refused=lambda error: (render_template("polls/ask.html", **_ask_context(
            event, participant, error=error.message, typed=text)), error.status))


@bp.post("/e/<code>/questions/<question_id>/vote")
@access.of_guest
def vote(event, participant, question_id):
    page = url_for("polls.ask_page", code=event.join_code) + "#questions"

    def operation():
        flood.check("mark", f"participant:{participant.id}")
        ops.vote(ops.question_in(event, question_id), participant)
        pushes.questions_changed(event)

    return act(operation, answer=lambda _: fragment_or_back(None, page, gettext("Your vote counts.")),
               refused=lambda error: (render_template("polls/ask.html", **_ask_context(
                   event, participant, error=error.message)), error.status))
