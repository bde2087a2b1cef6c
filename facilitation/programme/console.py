"""The programme panel of the console: the parts, next and previous, the timer, the tables' openness,
announcements, the pitches' speakers and the evening's rating."""
from flask import Blueprint

from .. import panels
from ..dreams import pushes as dream_pushes
from ..events import access
from ..tables import pushes as table_pushes
from ..tables.queries import event_tables, seated_ids, table_in
from ..util import utcnow
from . import operations as ops
from . import pushes, timer
from .forms import AnnouncementForm, SpeakerForm, StepForm
from .queries import phases, pitched_speaker_ids, rating_summary, speaker_in, speakers

bp = Blueprint("programme_console", __name__, url_prefix="/console/<int:event_id>")


@panels.register("programme", "programme/_console_panel.html", order=10, column="top")
def panel(event, args) -> dict:
    return {"phases": phases(event), "timer": timer.state(event, utcnow()), "rating": rating_summary(event),
            "part_kind": panels.part_kind(event), "now_panel": panels.now_panel(event)}


@panels.register("announcements", "programme/_console_announcements.html", order=60, column="right",
                 parts=("pitches",))
def announcements_panel(event, args) -> dict:
    return {"speakers": speakers(event), "pitched": pitched_speaker_ids(event), "tables_list": event_tables(event)}


def _act(event, change, tell_the_room, panel: str = "programme"):
    return panels.change_and_tell(event, change, tell_the_room, panel)


@bp.post("/phase/<any(next, previous):direction>")
@access.of_facilitator
def phase_step(event, direction):
    expected = StepForm().expected_phase.data
    expected_id = int(expected) if expected.isdecimal() and len(expected) < 10 else None
    return _act(event, lambda: ops.step(event, 1 if direction == "next" else -1, expected_id), pushes.phase_changed)


@bp.post("/timer/<any(start, plus, minus, pause, resume, stop):action>")
@access.of_facilitator
def timer_action(event, action):
    """The countdown of the current part: start from its planned time, +1/-1 minute, pause, resume, stop."""
    return _act(event, lambda: timer.apply(event, action, utcnow()), pushes.timer_changed)


@bp.post("/timer/sound")
@access.of_facilitator
def timer_sound(event):
    return _act(event, lambda: ops.toggle_timer_sound(event), pushes.settings_changed)


@bp.post("/contributions/<any(open, close):action>")
@access.of_facilitator
def contributions(event, action):
    return _act(event, lambda: ops.set_contributions(event, action == "open"), _tables_opened)


def _tables_opened(event):
    table_pushes.tables_changed(event)
    table_pushes.contributions_opened(event)
    pushes.settings_changed(event)


@bp.post("/announce")
@access.of_facilitator
def announce(event):
    form = AnnouncementForm()
    table = table_in(event, form.table_id.data)

    def operation():
        made = ops.announce(event, form.text.data, table)
        pushes.announced(event, made, seated_ids(table, event.current_round) if table else [])
    return panels.act_on(event, operation, "announcements")


@bp.post("/speakers")
@access.of_facilitator
def add_speaker(event):
    form = SpeakerForm()
    return _act(event, lambda: ops.add_speaker(event, form.name.data, form.dream.data),

                pushes.pitches_changed, "announcements")


@bp.post("/speakers/<speaker_id>/wall")
@access.of_facilitator
def pitch_on_the_wall(event, speaker_id):

    def operation():
        dream = ops.put_pitch_on_the_wall(event, speaker_in(event, speaker_id))
        dream_pushes.dream_posted(dream, event)
        pushes.pitches_changed(event)
    return panels.act_on(event, operation, "announcements")


@bp.post("/speakers/<any(next, previous):direction>")
@access.of_facilitator
def speaker_step(event, direction):
    return _act(event, lambda: ops.step_speaker(event, 1 if direction == "next" else -1), pushes.pitches_changed,
                "announcements")
