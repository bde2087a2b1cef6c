"""Setting an event's look. Each function flushes; the caller commits once, then the room hears of it."""
from flask_babel import lazy_gettext as _l

from ..errors import Refused
from ..extensions import db
from . import colours, images
from .models import EventBrand


def set_brand(event, accent: str | None, logo: bytes | None = None, remove_logo: bool = False) -> EventBrand:
    """Set the accent colour (None or the standard colour: the standard look) and, when `logo` holds
    uploaded bytes, a new logo (encoded again); `remove_logo` takes the logo away.

    All or nothing: Refused (422) names each bad field (`accent`, `logo`) with its own message.
    """
    problems = {}
    colour = colours.parse(accent) if accent else colours.STANDARD
    if colour is None:
        problems["accent"] = _l("Choose a colour, or type one like #1f5fa8.")
    image = None
    if logo is not None and not remove_logo:
        try:
            image = images.reencode(logo)
        except Refused as error:
            problems["logo"] = error.message
    if problems:
        raise Refused(_l("Nothing is saved yet. Change what is marked below; the rest of the form is kept."),
                      fields=problems)
    brand = event.brand or EventBrand(event=event, version=0)
    db.session.add(brand)
    brand.accent = None if colour == colours.STANDARD else colour
    if remove_logo:
        brand.logo = brand.logo_type = brand.logo_width = brand.logo_height = None
    elif image is not None:
        brand.logo, brand.logo_type = image.data, image.content_type
        brand.logo_width, brand.logo_height = image.width, image.height
    brand.version += 1
    db.session.flush()
    return brand


def copy_brand(source, target) -> None:
    """The next evening wears the same logo and colour."""
    if source.brand is None:
        return
    brand = source.brand
    db.session.add(EventBrand(event=target, accent=brand.accent, logo=brand.logo, logo_type=brand.logo_type,
                              logo_width=brand.logo_width, logo_height=brand.logo_height, version=1))
    db.session.flush()
