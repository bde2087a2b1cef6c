"""The participant's phone: write dreams, see the wall, give hearts. Works without JavaScript."""
import secrets

from flask import Blueprint, abort, render_template, url_for
from flask_babel import gettext

from .. import pages
from ..actions import act, fragment_or_back, refusal_or_back
from ..events import access, flood
from ..events.operations import join_for_neighbour
from ..extensions import htmx
from . import pushes
from .forms import DreamForm, NeighbourForm

from .operations import post_dream, toggle_heart
from .queries import get_dream, hearted_ids, own_dreams, phone_wall

bp = Blueprint("dreams", __name__)


def _form_context(event, participant, **extra) -> dict:
    """What the dream form and the phone's own list need: the answer to a post renders only these."""
    return {
        "event": event,
        "participant": participant,
        "own": own_dreams(participant),
        # a fresh key per form: sending the same form twice stores one dream
        "request_key": secrets.token_urlsafe(16),
        "text": "",
        "error": None,
        **extra,
    }


def phone_context(event, participant, **extra) -> dict:
    """The whole dream page: the guest's own dreams and the wall, with what the other features show there
    (their seat, deed and rating, the market's matches: pages.py)."""
    return _form_context(event, participant, **{
        "wall": phone_wall(event),
        "hearted_ids": hearted_ids(participant),
        **pages.parts("top", event, participant),
        **pages.parts("phone", event, participant),
        **extra,
    })


def phone_page(event):
    return url_for("dreams.phone", code=event.join_code)


@bp.get("/e/<code>")
@access.of_guest
def phone(event, participant):
    return render_template("dreams/phone.html", **phone_context(event, participant))


@bp.get("/e/<code>/live")
@access.of_phone
def live(event, participant):
    """What a phone fetches after (re)connecting, to catch up with the database."""
    return render_template("dreams/_live.html", **phone_context(event, participant))


@bp.post("/e/<code>/dreams")
@access.of_guest
def post(event, participant):
    form = DreamForm()
    text = form.text.data

    def operation():
        flood.check("post", f"participant:{participant.id}")
        dream, created = post_dream(event, participant, text, form.request_key.data)
        if created:
            pushes.dream_posted(dream, event)
        return dream

    def posted(dream):
        message = (gettext("Your dream is on the wall.") if dream.visible
                   else gettext("Your dream waits for the facilitator before it goes on the wall."))
        return fragment_or_back(lambda: render_template(
            "dreams/_posted.html", **_form_context(event, participant, posted=True, posted_dream=dream)),
            phone_page(event), message)

    def refused(error):
        # keep what the person typed, and say why
        if htmx:
            return render_template("dreams/_form.html", **_form_context(event, participant, text=text,
                                                                        error=error.message))
        return render_template("dreams/phone.html", **phone_context(event, participant, text=text,
                                                                     error=error.message))

    return act(operation, answer=posted, refused=refused)


@bp.post("/e/<code>/neighbour")
@access.of_event
def neighbour(event):
    """Write for a guest without a smartphone: they become a participant of their own, with their dream."""
    helper = access.participant_or_join(event)
    form = NeighbourForm()

    def operation():
        flood.check("post", f"participant:{helper.id}")
        guest = join_for_neighbour(helper, form.name.data, form.role_tag.data)
        dream, _ = post_dream(event, guest, form.text.data, form.request_key.data)
        pushes.dream_posted(dream, event)
        return guest

    def written(guest):
        message = (gettext("The dream of %(name)s is on the wall.", name=guest.name) if guest.name
                   else gettext("Their dream is on the wall."))
        return fragment_or_back(None, phone_page(event), message)

    return act(operation, answer=written, refused=lambda error: render_template(
        "dreams/phone.html", **phone_context(event, helper, neighbour_error=error.message,
                                             neighbour_form=form.typed())))


@bp.post("/e/<code>/dreams/<int:dream_id>/heart")
@access.of_guest
def heart(event, participant, dream_id):
    dream = get_dream(event, dream_id)
    if dream is None:
        abort(404)

    def operation():
        flood.check("mark", f"participant:{participant.id}")
        toggle_heart(dream, participant)
        pushes.hearts_changed(dream, event)

    def button(error=None):
        return render_template("dreams/_heart.html", event=event, dream=dream, error=error,
                               hearted=dream.id in hearted_ids(participant))

    back = url_for("dreams.phone", code=event.join_code, _anchor=f"dream-{dream.id}")
    return act(operation, answer=lambda _: fragment_or_back(button, back), refused=refusal_or_back(button, back))
