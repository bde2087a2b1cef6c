"""The evening's harvest for the guests: the report's content without names, read-only, for anyone with the
code (the big screen shows its QR code at the end; the follow-up mails link to it)."""
from flask import Blueprint, render_template

from ..events import access
from ..util import public_url, qr_svg_response
from .content import for_guests

bp = Blueprint("harvest", __name__)


@bp.get("/h/<code>")
@access.of_event
def page(event):
    return render_template("reports/harvest.html", event=event, brand_event=event, harvest=for_guests(event),
                           joined=access.current_participant(event) is not None)


@bp.get("/h/<code>/qr.svg")
@access.of_event
def qr(event):
    return qr_svg_response(public_url("harvest.page", code=event.join_code))
