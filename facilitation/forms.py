"""Every posted form is read through Flask-WTF: one class per form, in its feature's `forms.py`.

A form class names its fields and what each holds (text, a choice that may be missing, a ticked box, a
list); views read `form.<field>.data`, not the raw request form. The rules with their friendly messages
(empty, too long, abusive, a closed wall) stay in the feature's operations, where tests call them directly
and where the socket handlers and the command line meet them too; a form that checks more than its
operation does (the organiser's event form) says so with validators. The CSRF token is checked once for
every POST by CSRFProtect (`extensions.csrf`) before any view runs, so these forms do not check it again.
"""
from flask_wtf import FlaskForm
from wtforms import Field, SelectMultipleField, StringField


class Posted(FlaskForm):
    """A form a guest, the facilitator or an organiser posts (the app's CSRFProtect has checked it)."""

    class Meta:
        csrf = False

    def typed(self) -> dict:
        """What was typed, to show the form again after a refusal."""
        return {name: value for name, value in self.data.items() if value is not None}


def Text(default: str = "", **kwargs) -> StringField:
    """Text as typed (`default` when the field was not sent); the operation trims and checks it."""
    return StringField(default=default, **kwargs)


def Choice(**kwargs) -> StringField:
    """One value of a choice or a hidden id, None when the field was not sent (the operation decides)."""
    return StringField(default=None, **kwargs)


class Ticked(Field):
    """A box or button that counts only with its own value: `Ticked("yes")` is True for "yes" alone."""

    def __init__(self, value: str = "yes", **kwargs):
        super().__init__(default=False, **kwargs)
        self.value = value

    def process_formdata(self, valuelist):
        self.data = bool(valuelist) and valuelist[0] == self.value


def Values(**kwargs) -> SelectMultipleField:
    """Every value sent under one name (the boxes of a poll); the operation checks them against its options."""
    return SelectMultipleField(choices=[], validate_choice=False, default=list, **kwargs)
