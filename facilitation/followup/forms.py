"""The guest's opt-in for the follow-up mails (see facilitation/forms.py)."""
from ..forms import Posted, Text, Ticked


class KeepInTouchForm(Posted):
    email = Text()
    consent = Ticked("yes")
