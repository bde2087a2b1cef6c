"""Editing the programme (organiser or facilitator) and, on the phone, dismissing announcements."""
from flask import Blueprint, flash, redirect, render_template, request, session, url_for

from ..errors import Refused
from ..events import access
from ..extensions import db
from ..live import broadcast
from ..util import form_int, is_local_path
from . import operations as ops
from .models import Announcement, Phase

bp = Blueprint("programme", __name__)


def _phase(event, phase_id) -> Phase:
    return db.first_or_404(db.select(Phase).filter_by(event_id=event.id, id=phase_id))


def _fields(form) -> dict:
    minutes = (form.get("planned_minutes") or "").strip()
    return {"kind": form.get("kind", ""), "title": form.get("title", ""),
            "planned_minutes": form_int(minutes, 10_000) if form_int(minutes, 10_000) is not None else -1,
            "description": form.get("description", "")}


def _back(event, refused: Refused | None = None):
    if refused:
        db.session.rollback()
        flash(refused.message, "error")
    else:
        db.session.commit()
        broadcast.phase_changed(event)
    return redirect(url_for("programme.edit", event_id=event.id))


@bp.get("/events/<int:event_id>/programme")
def edit(event_id):
    event = access.facilitated_event(event_id)
    return render_template("programme/edit.html", event=event, phases=ops.phases(event))


@bp.post("/events/<int:event_id>/programme/new")
def add(event_id):
    event = access.facilitated_event(event_id)
    try:
        ops.add_phase(event, **_fields(request.form))
    except Refused as refused:
        return _back(event, refused)
    return _back(event)


@bp.post("/events/<int:event_id>/programme/<int:phase_id>")
def update(event_id, phase_id):
    event = access.facilitated_event(event_id)
    try:
        ops.update_phase(_phase(event, phase_id), **_fields(request.form))
    except Refused as refused:
        return _back(event, refused)
    return _back(event)


@bp.post("/events/<int:event_id>/programme/<int:phase_id>/move/<any(up, down):direction>")
def move(event_id, phase_id, direction):
    event = access.facilitated_event(event_id)
    ops.move_phase(_phase(event, phase_id), -1 if direction == "up" else 1)
    return _back(event)


@bp.post("/events/<int:event_id>/programme/<int:phase_id>/remove")
def remove(event_id, phase_id):
    event = access.facilitated_event(event_id)
    try:
        ops.remove_phase(event, _phase(event, phase_id))
    except Refused as refused:
        return _back(event, refused)
    return _back(event)


@bp.post("/e/<code>/announcements/<int:announcement_id>/dismiss")
def dismiss(code, announcement_id):
    """Hide an announcement on this phone (remembered in its cookie, so it works without JavaScript)."""
    event = access.event_by_code(code)
    access.participant_or_join(event)
    announcement = db.session.get(Announcement, announcement_id)
    if announcement is not None and announcement.event_id == event.id:
        session["dismissed"] = sorted(set(session.get("dismissed", [])) | {announcement.id})[-50:]
    target = request.form.get("next")
    return redirect(target if is_local_path(target) else url_for("dreams.phone", code=event.join_code))
