"""Editing the programme (organiser or facilitator) and, on the phone, dismissing announcements, writing a
deed and rating the evening; the now bar's timer and the announcements on every guest page."""
from flask import Blueprint, redirect, render_template, session, url_for
from flask_babel import gettext

from .. import pages
from ..actions import act, fragment_or_back, refusal_or_back
from ..dreams.routes import phone_context, phone_page
from ..events import access, flood
from ..util import form_int, is_local_path, utcnow
from . import operations as ops
from . import pushes, timer
from .forms import DeedForm, DismissForm, PhaseForm, RatingForm
from .models import PhaseKind
from .queries import announcement_in, announcements_for, deed_of, phase_or_404, phases, rating_of

bp = Blueprint("programme", __name__)


# on every guest page the now bar's timer; at the top of a full page the announcements not dismissed; on the
# dream page the guest's deed and rating
pages.register("now", timer=lambda event, participant: timer.state(event, utcnow()))
pages.register("top", announcements=lambda event, participant: announcements_for(
    event, participant, set(session.get("dismissed", []))))
pages.register("phone", my_deed=lambda event, participant: deed_of(participant),
               my_rating=lambda event, participant: rating_of(participant))


def _fields() -> dict:
    form = PhaseForm()
    minutes = form.planned_minutes.data.strip()
    return {"kind": form.kind.data, "title": form.title.data,
            "planned_minutes": form_int(minutes, 10_000) if form_int(minutes, 10_000) is not None else -1,
            "description": form.description.data}


def _edit(event, change):
    """A change to the programme: every screen follows, and the editor shows the programme again."""
    def operation():
        change()
        pushes.programme_edited(event)

    back = url_for("programme.edit", event_id=event.id)
    return act(operation, answer=lambda _: redirect(back), refused=refusal_or_back(None, back))


@bp.get("/events/<int:event_id>/programme")
@access.of_facilitator
def edit(event):
    return render_template("programme/edit.html", event=event, phases=phases(event),
                           kinds=[kind.value for kind in PhaseKind])


@bp.post("/events/<int:event_id>/programme/new")
@access.of_facilitator
def add(event):
    return _edit(event, lambda: ops.add_phase(event, **_fields()))


@bp.post("/events/<int:event_id>/programme/<int:phase_id>")
@access.of_facilitator
def update(event, phase_id):
    phase = phase_or_404(event, phase_id)
    return _edit(event, lambda: ops.update_phase(phase, **_fields()))


@bp.post("/events/<int:event_id>/programme/<int:phase_id>/move/<any(up, down):direction>")
@access.of_facilitator
def move(event, phase_id, direction):
    phase = phase_or_404(event, phase_id)
    return _edit(event, lambda: ops.move_phase(phase, -1 if direction == "up" else 1))


@bp.post("/events/<int:event_id>/programme/<int:phase_id>/remove")
@access.of_facilitator
def remove(event, phase_id):
    phase = phase_or_404(event, phase_id)
    return _edit(event, lambda: ops.remove_phase(event, phase))


@bp.post("/e/<code>/announcements/<int:announcement_id>/dismiss")
@access.of_guest
def dismiss(event, participant, announcement_id):
    """Hide an announcement on this phone (remembered in its cookie, so it works without JavaScript)."""
    announcement = announcement_in(event, announcement_id)
    if announcement is not None:
        session["dismissed"] = sorted(set(session.get("dismissed", [])) | {announcement.id})[-50:]
    target = DismissForm().next.data
    return redirect(target if is_local_path(target) else url_for("dreams.phone", code=event.join_code))


@bp.get("/e/<code>/now")
@access.of_phone
def now(event, participant):
    """What a guest page with no live part of its own (choosing a table, endorsing advice, "my evening")
    fetches after (re)connecting: the now bar, out of band, so a change of part reaches it too."""
    return render_template("programme/_now_live.html", event=event, **pages.parts("now", event, participant))


def _on_the_dream_page(event, participant, operation, shown: str, waits: str, error_field: str, **kept):
    """A post of the closing part (a deed, a rating): the answer says whether it is on view or waits for the
    facilitator; a refusal shows the dream page again with the message and what was typed."""
    return act(operation,
               answer=lambda post: fragment_or_back(None, phone_page(event), shown if post.visible else waits),
               refused=lambda refusal: render_template("dreams/phone.html", **phone_context(
                   event, participant, **{error_field: refusal.message}, **kept)))


@bp.post("/e/<code>/deed")
@access.of_guest
def deed(event, participant):
    """Closing part: what will I do next week? It joins the deeds wall beside the dreams."""
    text = DeedForm().text.data

    def operation():
        flood.check("post", f"participant:{participant.id}")
        deed = ops.write_deed(event, participant, text)
        pushes.closing_changed(event, fresh=deed.visible)
        return deed

    return _on_the_dream_page(event, participant, operation, gettext("Your deed is on the wall. Good luck!"),
                              gettext("Your deed waits for the facilitator before it goes on the wall."),
                              "deed_error", deed_text=text)


@bp.post("/e/<code>/rating")
@access.of_guest
def rating(event, participant):

    def operation():
        form = RatingForm()
        rated = ops.rate_evening(event, participant, form.score.data, form.comment.data)

        pushes.closing_changed(event)
        return rated

    return _on_the_dream_page(event, participant, operation, gettext("Thank you for your rating."),
                              gettext("Thank you for your rating. Your comment waits for the facilitator."),
                              "rating_error")
