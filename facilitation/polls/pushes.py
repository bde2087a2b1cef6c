"""What the room hears about questions to the room. Called inside an action; sent after its commit.

An answer changes counts only: the big screen and the consoles get one signal at most every
PUSH_BATCH_SECONDS, however many phones answer (2,000 answers in 10 s: the big screen fetches its counts
about twice a second, never once per answer). Phones hear when a poll opens, closes or is revealed.
"""
from ..live import rooms
from ..live.broadcast import everyone, panels, stage_changed
from ..live.transport import push, push_soon
from ..programme import pushes as programme_pushes
from .models import PollKind
from .queries import results


def answered(event, poll=None) -> None:
    """A new or changed answer: the counts go to the big screen as they stand after it (the screen shows the
    last counts of a batch, so it never needs to ask); the console's panel is told to fetch itself. Words make a
    cloud the screen cannot draw from counts: it fetches its stage instead."""
    item = {}
    if poll is not None and poll.kind is not PollKind.words:
        found = results(poll)
        item = {"poll": poll.id, "answered": found["answered"], "mean": None, "rows": []}
        if poll.revealed:  # hidden results never leave the server: only how many answered
            item.update(mean=found["mean"], rows=[[row["count"], row["share"], row["bar"]] for row in found["rows"]])
    push_soon("poll:counts", item, to=rooms.projector(event.id))
    push_soon("poll:counts", {}, to=rooms.facilitators(event.id))


def poll_changed(event) -> None:
    """A poll opened, closed, was revealed or put away: every phone's "now" bar, open poll pages, the big screen
    and the consoles."""
    programme_pushes.now_changed(event)
    push("poll:changed", {}, to=everyone(event))
    stage_changed(event)
    panels(event, "room")


def stances_changed(event, asked: bool = False) -> None:
    """A stance came in (or the facilitator asked for them): the big screen, the console; when asked, the
    tables' pages show the line."""
    if asked:
        push("poll:changed", {}, to=everyone(event))
        programme_pushes.now_changed(event)
        stage_changed(event)
        panels(event, "room")
    else:
        push_soon("poll:counts", {}, to=rooms.projector(event.id))
        push_soon("poll:counts", {}, to=rooms.facilitators(event.id))


def questions_to_phones(event) -> None:
    """Phones on the questions page fetch their list (and whose questions they are) again; batched like the
    answers to a poll, so a room voting sends each phone a signal about twice a second, not one per vote."""
    for room in everyone(event):
        push_soon("questions", {}, to=room)


def question_asked(event) -> None:
    """A new question: the console's list (and its moderation queue, when it waits); the big screen's list,
    and the phones' lists."""
    panels(event, "room", "moderation")
    answered(event)
    questions_to_phones(event)


def questions_changed(event) -> None:
    """A vote: the console's list, the big screen and the phones' lists, batched like the answers to a poll."""
    answered(event)
    questions_to_phones(event)


def question_handled(event) -> None:
    """The facilitator approved a question, marked it answered or put it on the big screen: phones' lists
    follow."""
    questions_to_phones(event)
    stage_changed(event)
    panels(event, "room")
