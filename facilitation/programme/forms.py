"""The forms of the programme, its console panel and the closing part (see facilitation/forms.py)."""
from ..forms import Choice, Posted, Text


class PhaseForm(Posted):
    """One part of the programme, new or changed."""

    kind = Text()
    title = Text()
    planned_minutes = Text()
    description = Text()


class StepForm(Posted):
    """Next or previous part: the part the console showed, so two consoles do not step twice."""

    expected_phase = Text()


class AnnouncementForm(Posted):
    table_id = Text()
    text = Text()


class SpeakerForm(Posted):
    name = Text()
    dream = Text()


class DismissForm(Posted):
    """Hide an announcement, then back to the page it was on."""

    next = Choice()


class DeedForm(Posted):
    text = Text()


class RatingForm(Posted):
    score = Choice()
    comment = Text()
