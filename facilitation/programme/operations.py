"""Moving through the programme. Each function flushes; the route commits once, then broadcasts."""
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from ..dreams.models import Dream
from ..dreams.operations import post_dream
from ..enums import ProjectorView
from ..errors import Refused
from ..events.operations import paper_participant
from ..extensions import db
from ..limits import LIMITS
from ..review import screen
from ..signals import part_started, show_on_screen
from ..tables.queries import has_harvest
from ..text import clean_text
from ..util import utcnow
from . import timer
from .models import Announcement, Deed, Phase, PhaseKind, Rating, Speaker
from .queries import phases, speakers

#: "Inspiratiebijeenkomst: dromen en daden" — the evening of the reference meeting
DEFAULT_PROGRAMME = [
    (PhaseKind.welcome, _l("Welcome"), 10),
    (PhaseKind.pitches, _l("Pitches: dreams of four speakers"), 20),
    (PhaseKind.dreams, _l("Dreams on the wall"), 15),
    (PhaseKind.pause, _l("Break"), 15),
    (PhaseKind.tables, _l("Round tables: dilemmas from practice"), 40),
    (PhaseKind.harvest, _l("Harvest"), 20),
    (PhaseKind.closing, _l("Closing: from dreams to deeds"), 10),
]


#: what the big screen shows when a part starts; the facilitator can switch it in the console
DEFAULT_VIEW = {
    PhaseKind.welcome: ProjectorView.join,
    PhaseKind.pitches: ProjectorView.wall,  # the speaker in front, once the facilitator picks one
    PhaseKind.dreams: ProjectorView.wall,
    PhaseKind.pause: ProjectorView.pause,
    PhaseKind.tables: ProjectorView.tables,
    PhaseKind.harvest: ProjectorView.harvest,
    PhaseKind.plenary: ProjectorView.wall,
    PhaseKind.market: ProjectorView.market,
    PhaseKind.poll: ProjectorView.poll,
    PhaseKind.closing: ProjectorView.wall,  # in the closing part the wall holds the deeds
}


def add_default_programme(event) -> list[Phase]:
    with force_locale(event.language):
        made = [Phase(event_id=event.id, position=n, kind=kind, title=str(title), planned_minutes=minutes)
                for n, (kind, title, minutes) in enumerate(DEFAULT_PROGRAMME, start=1)]
    db.session.add_all(made)
    db.session.flush()
    return made


def copy_programme(source, target) -> list[Phase]:
    """The next evening gets the same parts, titles and minutes; none of them has run yet."""
    made = [Phase(event_id=target.id, position=phase.position, kind=phase.kind, title=phase.title,
                  description=phase.description, planned_minutes=phase.planned_minutes) for phase in phases(source)]
    db.session.add_all(made)
    db.session.flush()
    return made


def add_phase(event, kind: str, title: str, planned_minutes: int = 10, description: str = "") -> Phase:
    phase = Phase(event_id=event.id, position=len(phases(event)) + 1)
    _fill(phase, kind, title, planned_minutes, description)
    db.session.add(phase)
    db.session.flush()
    return phase


def update_phase(phase: Phase, kind: str, title: str, planned_minutes: int = 10, description: str = "") -> None:
    _fill(phase, kind, title, planned_minutes, description)
    db.session.flush()


def _fill(phase, kind, title, planned_minutes, description) -> None:
    try:
        phase.kind = PhaseKind(kind)
    except ValueError:
        raise Refused(_l("Choose what kind of part this is.")) from None
    title = clean_text(title, LIMITS.phase_title)
    if not title:
        raise Refused(_l("Give this part of the programme a title."))
    if not isinstance(planned_minutes, int) or not 1 <= planned_minutes <= 240:
        raise Refused(_l("Plan between 1 and 240 minutes."))
    phase.title, phase.planned_minutes, phase.description = title, planned_minutes, clean_text(description, LIMITS.phase_description)


def move_phase(phase: Phase, step: int) -> None:
    neighbour = db.session.scalar(db.select(Phase).filter_by(event_id=phase.event_id, position=phase.position + step))
    if neighbour is not None:
        neighbour.position, phase.position = phase.position, neighbour.position
        db.session.flush()


def remove_phase(event, phase: Phase) -> None:
    if event.current_phase_id == phase.id:
        raise Refused(_l("This part is running now. Move to another part first."), status=409)
    db.session.delete(phase)
    db.session.flush()
    for n, other in enumerate(phases(event), start=1):
        other.position = n
    db.session.flush()


def step(event, direction: int, expected_phase_id: int | None = None) -> Phase:
    """Move to the next (+1) or previous (-1) part; what phones and the projector need follows.

    `expected_phase_id` is the part the console showed: when another facilitator moved first,
    the move is refused instead of skipping a part.
    """
    programme = phases(event)
    if not programme:
        raise Refused(_l("This event has no programme yet."), status=409)
    if expected_phase_id is not None and expected_phase_id != (event.current_phase_id or 0):
        raise Refused(_l("Another facilitator already moved the programme. Look again and try once more."),
                      status=409)
    ids = [p.id for p in programme]
    # before the first part, "next" starts the programme and "previous" has nowhere to go
    index = ids.index(event.current_phase_id) + direction if event.current_phase_id in ids else min(0, direction)
    if index >= len(programme):
        raise Refused(_l("This is the last part of the programme."), status=409)
    if index < 0:
        raise Refused(_l("This is the first part of the programme."), status=409)
    now = utcnow()
    if event.current_phase is not None:
        event.current_phase.ended_at = now
    phase = programme[index]
    phase.started_at, phase.ended_at = now, None
    event.current_phase = phase
    # each part opens what belongs to it; the facilitator can still override in the console
    event.dreams_open = phase.kind is PhaseKind.dreams
    event.contributions_open = phase.kind is PhaseKind.tables
    event.market_open = phase.kind is PhaseKind.market
    view = DEFAULT_VIEW.get(phase.kind, ProjectorView.wall)
    if view is ProjectorView.harvest and not has_harvest(event):
        view = ProjectorView.tables  # no card yet: the room sees how far the tables are
    show_on_screen.send(event, view=view)
    part_started.send(event, phase=phase)
    event.spotlight_dream = None
    timer.stop(event)
    db.session.flush()
    return phase


def announce(event, text: str, table=None) -> Announcement:
    text = clean_text(text, LIMITS.announcement)
    if not text:
        raise Refused(_l("Write the announcement first."))
    if table is not None and table.event_id != event.id:
        raise Refused(_l("This table belongs to another event."), status=404)
    announcement = Announcement(event_id=event.id, text=text, table_id=table.id if table else None)
    db.session.add(announcement)
    db.session.flush()
    return announcement


# --- closing: from dreams to deeds ------------------------------------------------------------------

def write_deed(event, participant, text: str) -> Deed:
    """One personal deed per participant, in the closing part; writing again replaces it."""
    if event.current_phase is None or event.current_phase.kind is not PhaseKind.closing:
        raise Refused(_l("Deeds are written in the closing part of the evening."), status=409)
    text = clean_text(text, LIMITS.deed)
    if not text:
        raise Refused(_l("Write what you will do next week."))
    deed = db.session.scalar(db.select(Deed).filter_by(participant_id=participant.id))
    if deed is None:
        deed = Deed(event_id=event.id, participant_id=participant.id, text=text)
        db.session.add(deed)
    deed.text = text
    screen(deed, text, event)
    db.session.flush()
    return deed


def rate_evening(event, participant, score, comment: str = "") -> Rating:
    try:
        score = int(score)
    except (TypeError, ValueError):
        score = 0
    if not 1 <= score <= 5:
        raise Refused(_l("Choose 1 to 5 stars."))
    rating = db.session.scalar(db.select(Rating).filter_by(participant_id=participant.id))
    if rating is None:
        rating = Rating(event_id=event.id, participant_id=participant.id, score=score)
        db.session.add(rating)
    rating.score, rating.comment = score, clean_text(comment, LIMITS.rating_comment)
    screen(rating, rating.comment, event)
    db.session.flush()
    return rating


# --- pitches ---------------------------------------------------------------------------------------

def add_speaker(event, name: str, dream: str = "") -> Speaker:
    name = clean_text(name, LIMITS.speaker_name)
    if not name:
        raise Refused(_l("Give the speaker's name."))
    speaker = Speaker(event_id=event.id, position=len(speakers(event)) + 1, name=name, dream=clean_text(dream, LIMITS.speaker_dream))
    db.session.add(speaker)
    db.session.flush()
    return speaker


def step_speaker(event, direction: int) -> Speaker:
    """The next or previous speaker on the projector; stays put at either end."""
    line_up = speakers(event)
    if not line_up:
        raise Refused(_l("Add the speakers first."), status=409)
    ids = [s.id for s in line_up]
    index = ids.index(event.current_speaker_id) + direction if event.current_speaker_id in ids else 0
    event.current_speaker = line_up[max(0, min(len(line_up) - 1, index))]
    db.session.flush()
    return event.current_speaker


def put_pitch_on_the_wall(event, speaker: Speaker):
    """The speaker's dream becomes a cloud on the wall, marked as their pitch (as the speakers of seed 001
    put their clouds on the board first). Returns the dream."""
    if speaker is None or speaker.event_id != event.id:
        raise Refused(_l("That speaker is no longer in the programme. Reload the page."), status=409)
    if not speaker.dream:
        raise Refused(_l("Write down the dream this speaker pitches first."))
    if db.session.scalar(db.select(Dream.id).filter_by(speaker_id=speaker.id)) is not None:
        raise Refused(_l("This speaker's dream is already on the wall."), status=409)
    dream, _ = post_dream(event, paper_participant(event), speaker.dream, by_facilitator=True)
    dream.speaker_id = speaker.id
    db.session.flush()
    return dream


def set_contributions(event, open_: bool) -> None:
    """The facilitator's override: open or close the tables for contributions, whatever the part."""
    event.contributions_open = bool(open_)
    db.session.flush()


def toggle_timer_sound(event) -> None:
    event.timer_sound = not event.timer_sound
    db.session.flush()
