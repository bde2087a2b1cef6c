"""The forms of the report page and of the themes, which the console's big-screen panel shares
(see facilitation/forms.py)."""
from ..forms import Choice, Posted, Text, Ticked


class OwnWordsForm(Posted):
    """The organiser's introduction and closing words of the report."""

    introduction = Text()
    closing = Text()


class AccountForm(Posted):
    """The account of the evening; the second button throws the edits away for a fresh draft."""

    account = Text()
    draft_again = Text()


class PurgeDateForm(Posted):
    purge_on = Text()


class FollowUpWeeksForm(Posted):
    weeks = Text()


class DeleteForm(Posted):
    confirm = Ticked("yes")


class ThemeNameForm(Posted):
    label = Text()


class MergeThemesForm(Posted):
    into = Choice()


class MoveDreamForm(Posted):
    dream_id = Choice()
    theme_id = Choice()
