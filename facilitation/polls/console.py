"""The console's panel "Questions to the room": prepare and ask quick polls, reveal their results, ask where
guests stand on their dilemma before and after the round, and the speakers' questions by votes."""
from flask import Blueprint

from .. import panels
from ..enums import ProjectorView
from ..events import access
from ..signals import show_on_screen
from . import operations as ops
from . import pushes
from .forms import PlenaryForm, PollForm
from .queries import count_answered, questions, results, room_stances

bp = Blueprint("polls_console", __name__, url_prefix="/console/<int:event_id>/room")

SHOWN_QUESTIONS = 10


@panels.register("room", "polls/_console_panel.html", order=33, column="left", parts=("plenary", "poll"))
def panel(event, args) -> dict:
    poll = event.current_poll
    return {"polls": ops.polls(event), "poll_now": poll, "poll_results": results(poll) if poll else None,
            "room_stances": room_stances(event),
            "speaker_questions": questions(event, answered=False, limit=SHOWN_QUESTIONS),
            "answered_questions": count_answered(event)}


def _act(event, change, tell=pushes.poll_changed):
    return panels.change_and_tell(event, change, tell, "room")


@bp.post("/polls")
@access.of_facilitator
def prepare(event):
    form = PollForm()

    def change():
        poll = ops.prepare_poll(event, form.kind.data, form.question.data, form.options.data, form.scale_max.data,
                                form.low_label.data, form.high_label.data, revealed=not form.hidden.data)
        if form.now.data:
            _ask(event, poll)

    return _act(event, change)


def _ask(event, poll) -> None:
    ops.ask(event, poll)
    show_on_screen.send(event, view=ProjectorView.poll)


@bp.post("/polls/<poll_id>/<any(ask, close, reveal, hide, delete):action>")
@access.of_facilitator
def poll_action(event, poll_id, action):

    def change():
        poll = ops.poll_in(event, poll_id)
        if action == "ask":
            _ask(event, poll)
        elif action == "close":
            ops.close(event, poll)
        elif action in ("reveal", "hide"):
            ops.reveal(poll, action == "reveal")
        else:
            ops.delete_poll(event, poll)

    return _act(event, change)


@bp.post("/polls/put-away")
@access.of_facilitator
def put_away(event):
    return _act(event, lambda: ops.put_away(event))


@bp.post("/stances/<any(before, after, stop):moment>")
@access.of_facilitator
def ask_stances(event, moment):

    def change():
        ops.ask_stances(event, None if moment == "stop" else moment)
        if moment != "stop":
            show_on_screen.send(event, view=ProjectorView.stances)

    return _act(event, change, tell=lambda e: pushes.stances_changed(e, asked=True))


@bp.post("/plenary")
@access.of_facilitator
def plenary(event):
    """The dilemma of the whole room, with its two sides (all empty: none)."""
    form = PlenaryForm()
    return _act(event, lambda: ops.set_plenary_dilemma(event, form.dilemma.data, form.left.data, form.right.data),

                tell=lambda e: pushes.stances_changed(e, asked=True))


@bp.post("/questions/<any(open, close):action>")
@access.of_facilitator
def open_or_close_questions(event, action):
    return _act(event, lambda: ops.open_questions(event, action == "open"))


@bp.post("/questions/<question_id>/<any(answered, screen, unscreen):action>")
@access.of_facilitator
def question_action(event, question_id, action):

    def change():
        question = ops.question_in(event, question_id)
        if action == "answered":
            ops.mark_answered(question)
        elif action == "screen":
            ops.put_on_screen(event, question)
            show_on_screen.send(event, view=ProjectorView.questions)
        else:
            ops.put_on_screen(event, None)

    return _act(event, change, tell=pushes.question_handled)
