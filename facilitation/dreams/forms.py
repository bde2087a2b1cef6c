"""The forms of the dream wall (see facilitation/forms.py)."""
from ..events.forms import JoinForm
from ..forms import Choice, Posted, Text


class DreamForm(Posted):
    """A dream, from a guest's phone or typed in from a paper card; the key makes a double tap one dream."""

    text = Text()
    request_key = Choice()


class NeighbourForm(JoinForm):
    """A guest without a smartphone: their name, role and dream, written on a neighbour's phone."""

    text = Text()
    request_key = Choice()
