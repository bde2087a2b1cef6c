"""The organiser's brand form (see facilitation/forms.py); branding.images checks the file, colours the colour."""
from flask_wtf.file import FileField

from ..forms import Posted, Text


class BrandForm(Posted):
    """Save the logo and colour, remove the logo ("remove-logo") or go back to the standard colour."""

    action = Text("save")
    accent = Text()
    logo = FileField()
