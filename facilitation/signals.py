"""What happened, for the features that act on it: a lower layer sends, the features above connect.

As in Flask and indico (blinker): the programme does not open polls nor switch the big screen itself; it
says that a part began, and the polls and the projector, which sit above it, do what belongs to them. Every
receiver runs inside the same action (actions.act): a refusal rolls the whole change back.
"""
from blinker import Namespace

_signals = Namespace()

part_started = _signals.signal("part-started", doc="""A part of the programme began.

sender: the event; ``phase``: the part (a part of the kind "quick poll" asks its first prepared question).""")

show_on_screen = _signals.signal("show-on-screen", doc="""A feature asks the big screen to show one of its views.

sender: the event; ``view``: a ProjectorView (a poll that is asked, a question put on screen).""")
