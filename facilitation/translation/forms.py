"""The translator's form (see facilitation/forms.py)."""
from ..forms import Posted, Text


class LineForm(Posted):
    """The line in the event's language under a post."""

    line = Text()
