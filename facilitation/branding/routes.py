"""The event's look as the browser fetches it: a stylesheet of colours and the logo, by join code."""
from flask import Blueprint, abort, make_response

from ..events import access
from .colours import palette
from .queries import logo_of

bp = Blueprint("branding", __name__)

#: addresses carry the brand's version (?v=), so a browser may keep these for an hour
KEEP = "private, max-age=3600"


def brand_css(accent: str | None) -> str:
    """CSS variables for the event's colours (app.css uses them; the CSP allows no inline style).

    Only the '#rrggbb' values of colours.palette go in, so nothing typed can reach the stylesheet."""
    if not accent:
        return "/* the standard colours */\n"
    shades = palette(accent)
    return ":root { --accent: %(accent)s; --brand-deep: %(deep)s; --brand-raw: %(raw)s; }\n" % shades


@bp.get("/j/<code>/brand.css")
@access.of_event
def stylesheet(event):
    response = make_response(brand_css(event.brand.accent if event.brand else None))
    response.headers["Content-Type"] = "text/css; charset=utf-8"
    response.headers["Cache-Control"] = KEEP
    return response


@bp.get("/j/<code>/logo")
@access.of_event
def logo(event):
    """The logo as we encoded it again, with its own image type; 404 once it is removed."""
    brand = logo_of(event)
    if brand is None:
        abort(404)
    response = make_response(brand.logo)
    response.headers["Content-Type"] = brand.logo_type
    response.headers["Content-Disposition"] = f'inline; filename="logo.{brand.logo_type.split("/")[1]}"'
    response.headers["Cache-Control"] = KEEP
    return response
