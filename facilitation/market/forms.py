"""The forms of the market (see facilitation/forms.py)."""
from ..forms import Choice, Posted, Text, Ticked


class RubricsForm(Posted):
    rubrics = Text()


class MarketPostForm(Posted):
    """An offer or a need, with its rubric and (optionally) the guest's organisation."""

    kind = Text()
    rubric = Text()
    text = Text()
    organisation = Text()


class ContactForm(Posted):
    contact = Text()


class SealForm(Posted):
    """The line of agreement of a match; "named" puts both names with it, "seen" is the line the guest read."""

    agreement = Text()
    named = Ticked("yes")
    seen = Choice()
