from flask_babel import lazy_gettext as _l
from flask import current_app
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from ..forms import Choice, Posted, Text
from ..limits import LIMITS
from .models import DEFAULT_ROLE_TAGS
from .roles import role_label


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class EventForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(_l("Give the event a title.")), Length(max=LIMITS.event_title)])
    starts_on = DateField(_l("Date"), validators=[Optional()])
    venue = StringField(_l("Venue"), validators=[Length(max=LIMITS.venue)])
    language = SelectField(_l("Language on the phones"), choices=lambda: [
        SelectChoice(code, current_app.config["LANGUAGE_NAMES"][code]) for code in current_app.config["LANGUAGES"]])
    role_tags = CheckboxesField(_l("Roles guests can choose"))
    extra_role_tags = StringField(
        _l("Other roles"), description=_l("Separate them with commas, e.g. student, neighbour."),
        validators=[Length(max=400)],
    )
    tables = IntegerField(
        _l("Number of round tables"), default=8,
        validators=[Optional(), NumberRange(0, 200, _l("Choose between 0 and 200 tables."))],
    )
    expected_guests = IntegerField(
        _l("Expected guests"),
        description=_l("About how many guests you expect. Far more new guests from one address in a minute "
                       "than this wait for the facilitator before their votes count."),
        validators=[Optional(), NumberRange(1, 20000, _l("Choose between 1 and 20,000 guests."))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.role_tags.choices = [SelectChoice(tag, role_label(tag)) for tag in DEFAULT_ROLE_TAGS]
        if self.role_tags.data is None:
            self.role_tags.data = list(DEFAULT_ROLE_TAGS)

    def chosen_role_tags(self) -> list[str]:
        extra = [tag.strip() for tag in (self.extra_role_tags.data or "").split(",")]
        return list(self.role_tags.data or []) + [tag for tag in extra if tag]


class DetailsForm(FlaskForm):
    """The event's details, changed after it was made."""

    title = EventForm.title
    starts_on = EventForm.starts_on
    venue = EventForm.venue
    expected_guests = EventForm.expected_guests


class WordsForm(FlaskForm):
    """The organiser's own words for the abuse filter of one event."""

    held_words = TextAreaField(
        _l("Also hold posts with these words"),
        description=_l("Separate them with commas, e.g. a nickname that hurts here. A held post waits for "
                       "the facilitator."), validators=[Length(max=2000)])
    allowed_words = TextAreaField(
        _l("Do not hold posts for these words of our list"),
        description=_l("Separate them with commas. Illnesses such as kanker never hold a post on their own; "
                       "only curses with them do."), validators=[Length(max=2000)])


class NextEveningForm(FlaskForm):
    """The next evening, made from this one's set-up."""

    title = StringField(_l("Title of the next evening"),
                        validators=[DataRequired(_l("Give the event a title.")), Length(max=LIMITS.event_title)])
    starts_on = DateField(_l("Date"), validators=[Optional()])


class JoinForm(Posted):
    """A guest's name (may be empty) and role, from the join page or a table card's QR."""

    name = Text()
    role_tag = Choice()


class SeriesChoiceForm(Posted):
    """The series an event belongs to: one of the organiser's, a new one by name, or none."""

    series_id = Choice()
    new_series = Text()
