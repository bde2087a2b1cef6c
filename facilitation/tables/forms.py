"""The forms of the round tables (see facilitation/forms.py)."""
from ..forms import Choice, Posted, Text, Ticked
from .models import CARD_FIELDS


class ContributionForm(Posted):
    """An idea, question or experience posted at a table."""

    kind = Text()
    text = Text()
    request_key = Choice()


class KeyForm(Posted):
    """The host marks a contribution as key ("1") or not."""

    key = Ticked("1")


class CardForm(Posted):
    """The host's advice card: saved as a draft, or submitted with the submit button."""

    action = Text()

    @property
    def fields(self) -> dict:
        return {name: self[name].data for name in CARD_FIELDS}

    @property
    def submitted(self) -> bool:
        return self.action.data == "submit"


for _name in CARD_FIELDS:
    setattr(CardForm, _name, Text())


class SeatingForm(Posted):
    """The facilitator seats the room: everyone anew, or keeping who already sits ("1")."""

    keep_seated = Ticked("1")


class HostForm(Posted):
    """The facilitator names a table's host."""

    participant_id = Text()
