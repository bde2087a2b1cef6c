"""The forms of polls, the room's dilemma and questions to a speaker (see facilitation/forms.py)."""
from ..forms import Choice, Posted, Text, Ticked, Values


class PollForm(Posted):
    """A poll the facilitator prepares; "now" asks it at once, "hidden" keeps its counts off the screen."""

    kind = Text()
    question = Text()
    options = Text()
    scale_max = Text("5")
    low_label = Text()
    high_label = Text()
    hidden = Ticked("yes")
    now = Ticked("yes")


class PlenaryForm(Posted):
    """The dilemma of the whole room with its two sides."""

    dilemma = Text()
    left = Text()
    right = Text()


class AnswerForm(Posted):
    """A guest's answer: the options ticked, a value on a scale, or a few words."""

    choice = Values()
    value = Choice()
    words = Choice()


class StanceForm(Posted):
    value = Choice()


class QuestionForm(Posted):
    text = Text()
