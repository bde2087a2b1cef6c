"""Rules for questions to the room: quick polls, stances on the dilemmas, questions for the speakers.
They flush, never commit.

A guest has exactly one answer per poll, one stance per table and moment, one vote per question: a second
tap changes the answer (the last one counts) or is refused with a clear message, never counted twice.
"""
from functools import cache

from flask_babel import lazy_gettext as _l
from sqlalchemy import case
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from ..errors import Refused
from ..events import bursts
from ..events.queries import counts
from ..extensions import db
from ..limits import LIMITS, MAX_OPTIONS
from ..programme.models import PhaseKind
from ..review import Review, screen
from ..signals import part_started
from ..tables.models import Table
from ..tables.queries import seat_of
from ..text import clean_text
from ..util import form_int, utcnow
from .models import (PLENARY, Poll, PollAnswer, PollKind, PollState, QuestionVote, SpeakerQuestion, Stance,
                     StanceMoment)

#: a stance is a place between the dilemma's two sides: 1 (all the way left) to STANCE_MAX (all the way right)
STANCE_MAX = 7


# --- polls: the facilitator ---------------------------------------------------------------------------------

def polls(event) -> list[Poll]:
    return list(db.session.scalars(db.select(Poll).filter_by(event_id=event.id).order_by(Poll.position, Poll.id)))


def poll_in(event, poll_id) -> Poll:
    number = form_int(str(poll_id))
    poll = db.session.get(Poll, number) if number is not None else None
    if poll is None or poll.event_id != event.id:
        raise Refused(_l("That question no longer exists. Reload the page."), status=409)
    return poll


def prepare_poll(event, kind: str, question: str, options: str = "", scale_max=5, low_label: str = "",
                 high_label: str = "", revealed: bool = True) -> Poll:
    """A new question, not asked yet. Options one per line; a scale of 5 or 10 with a word for each end."""
    try:
        kind = PollKind(kind)
    except ValueError:
        raise Refused(_l("Choose the kind of question."), status=422) from None
    question = clean_text(question, LIMITS.poll_question)
    if not question:
        raise Refused(_l("Write the question."), status=422)
    choices = []
    if kind in (PollKind.choice, PollKind.choices):
        choices = list(dict.fromkeys(option for option in (clean_text(line, LIMITS.poll_option)
                                                            for line in (options or "").splitlines()) if option))
        if not 2 <= len(choices) <= MAX_OPTIONS:
            raise Refused(_l("Give from 2 to %(n)s answers to choose from, one per line.", n=MAX_OPTIONS), status=422)
    scale = form_int(str(scale_max)) if kind is PollKind.scale else 5
    if scale not in (5, 10):
        raise Refused(_l("A scale goes from 1 to 5 or from 1 to 10."), status=422)
    poll = Poll(event_id=event.id, position=len(polls(event)) + 1, kind=kind, question=question, options=choices,
                scale_max=scale, low_label=clean_text(low_label, LIMITS.poll_option),
                high_label=clean_text(high_label, LIMITS.poll_option), revealed=revealed)
    db.session.add(poll)
    db.session.flush()
    return poll


@part_started.connect
def _part_started(event, phase, **_) -> None:
    if phase.kind is PhaseKind.poll:
        ask_next(event)


def ask_next(event) -> Poll | None:
    """A part of the kind "quick poll" begins: the first prepared question is asked (if there is one)."""
    poll = next((poll for poll in polls(event) if poll.state is PollState.draft), None)
    if poll is not None:
        ask(event, poll)
    return poll


def ask(event, poll: Poll) -> None:
    """Open the poll on every phone and the big screen; a poll that was open before closes."""
    if event.current_poll is not None and event.current_poll is not poll:
        close(event, event.current_poll)
    poll.state, poll.opened_at, poll.closed_at = PollState.open, poll.opened_at or utcnow(), None
    event.current_poll = poll
    db.session.flush()


def close(event, poll: Poll) -> None:
    """Answers are final; the poll stays in view (with its results, when revealed)."""
    if poll.state is PollState.open:
        poll.state, poll.closed_at = PollState.closed, utcnow()
    db.session.flush()


def reveal(poll: Poll, shown: bool) -> None:
    poll.revealed = shown
    db.session.flush()


def put_away(event) -> None:
    """No poll in view any more (an open one closes)."""
    if event.current_poll is not None:
        close(event, event.current_poll)
    event.current_poll = None
    db.session.flush()


def delete_poll(event, poll: Poll) -> None:
    if event.current_poll is poll:
        event.current_poll = None
    db.session.delete(poll)
    db.session.flush()


# --- polls: the guest ---------------------------------------------------------------------------------------

def answer(poll: Poll, participant, choices: list[str] = (), value=None, words: str | None = None) -> PollAnswer:
    """Store this guest's answer; answering again replaces it. Refused while the poll is not open, or for an
    answer the poll does not have.

    One statement stores it (INSERT ... ON CONFLICT DO UPDATE): two taps that arrive at the same moment, from
    two requests, still leave one answer, the last one. Returns the answer as stored (not attached)."""
    if poll.state is not PollState.open:
        raise Refused(_l("This question is closed. Your earlier answer, if any, still counts."), status=409)
    row = PollAnswer(poll_id=poll.id, participant_id=participant.id, choices=[], value=None, words="",
                     answered_at=utcnow(), written_in=None, translation=None)
    if poll.kind in (PollKind.choice, PollKind.choices):
        picked = sorted({form_int(str(choice)) for choice in choices} - {None})
        if not picked or any(not 0 <= index < len(poll.options) for index in picked) \
                or len(picked) != len(set(choices)):
            raise Refused(_l("Choose one of the answers."), status=422)
        if poll.kind is PollKind.choice and len(picked) > 1:
            raise Refused(_l("Choose one answer only."), status=422)
        # a single choice is its number too, so the counts are one GROUP BY at any size
        row.choices, row.value = picked, picked[0] if poll.kind is PollKind.choice else None
    elif poll.kind is PollKind.scale:
        number = form_int(str(value))
        if number not in poll.values:
            raise Refused(_l("Choose a number from 1 to %(n)s.", n=poll.scale_max), status=422)
        row.value = number
    else:
        text = clean_text(words or "", LIMITS.poll_words)  # refuses a longer text, saying the limit
        if not text:
            raise Refused(_l("Write a few words."), status=422)
        row.words = text
    if row.words:
        screen(row, row.words, poll.event)
    else:
        _on_view(row)
    db.session.execute(_upsert(db.session.get_bind().dialect.name),
                       {name: getattr(row, name) for name in ANSWER_COLUMNS})
    return row


def _on_view(row: PollAnswer) -> None:
    """A number or a choice needs no check: it is on view at once."""
    row.review, row.hold_reason = Review.visible, None


#: what an answer stores; answering again writes all but the first two (the language of new words is theirs; a
#: translator's line stays only under the same words, as review.py keeps it for every other post)
ANSWER_COLUMNS = ("poll_id", "participant_id", "choices", "value", "words", "answered_at", "review", "hold_reason",
                  "written_in", "translation")


@cache
def _upsert(dialect: str):
    """The one statement that stores an answer, made once per database kind (2,000 answers in 10 s)."""
    insert = (postgresql_insert if dialect == "postgresql" else sqlite_insert)(PollAnswer)
    return insert.on_conflict_do_update(
        index_elements=["poll_id", "participant_id"],
        set_={name: insert.excluded[name] for name in ANSWER_COLUMNS[2:]}
        | {"translation": case((PollAnswer.words == insert.excluded.words, PollAnswer.translation), else_=None)})


# --- stances on the dilemmas --------------------------------------------------------------------------------

def ask_stances(event, moment: str | None) -> None:
    """Ask every guest where they stand on their table's dilemma: before the round, after it, or no longer."""
    if moment not in (None, "before", "after"):
        raise Refused(_l("Choose before or after the round."), status=404)
    event.stance_moment = moment
    db.session.flush()


def set_plenary_dilemma(event, dilemma: str, left: str, right: str) -> None:
    """A dilemma for the whole room, with its two sides; all three empty: none."""
    dilemma, left, right = (clean_text(dilemma, LIMITS.dilemma), clean_text(left, LIMITS.pole),
                            clean_text(right, LIMITS.pole))
    if (dilemma or left or right) and not (dilemma and left and right):
        raise Refused(_l("Give the dilemma and both its sides, or leave all three empty."), status=422)
    event.plenary_dilemma, event.plenary_left, event.plenary_right = dilemma, left, right
    db.session.flush()


def take_stance(event, table: Table | None, participant, value) -> Stance:
    """The guest's place between the two sides of their own table's dilemma (or, without a table, the plenary
    dilemma); again: the last one counts."""
    if event.stance_moment is None:
        raise Refused(_l("The facilitator has not asked where you stand right now."), status=409)
    if table is None:
        if not event.plenary_dilemma:
            raise Refused(_l("There is no dilemma for the whole room."), status=404)
        key = PLENARY
    else:
        seat = seat_of(participant)
        if seat is None or seat.table_id != table.id:
            raise Refused(_l("You can only say where you stand on the dilemma of your own table."), status=403)
        if not (table.pole_left and table.pole_right):
            raise Refused(_l("This table's dilemma has no two sides to stand between."), status=409)
        key = f"t{table.id}"
    number = form_int(str(value))
    if number is None or not 1 <= number <= STANCE_MAX:
        raise Refused(_l("Choose a place on the line."), status=422)
    moment = StanceMoment(event.stance_moment)
    find = db.select(Stance).where(Stance.dilemma == key, Stance.participant_id == participant.id,
                                   Stance.moment == moment)
    stance = db.session.scalar(find)
    if stance is None:
        stance = Stance(event_id=event.id, dilemma=key, table_id=table.id if table else None,
                        participant_id=participant.id, moment=moment, value=number)
        try:
            with db.session.begin_nested():
                db.session.add(stance)
        except IntegrityError:  # a double tap that arrived twice at once: the second changes the first
            stance = db.session.scalar(find)
    stance.value, stance.answered_at = number, utcnow()
    db.session.flush()
    return stance


# --- questions for the speakers -----------------------------------------------------------------------------

def open_questions(event, opened: bool) -> None:
    event.questions_open = opened
    db.session.flush()


def ask_speaker(event, participant, text: str) -> SpeakerQuestion:
    """A question to the speaker on now (or to the room); it goes through the same holds as every text."""
    if not event.questions_open:
        raise Refused(_l("Questions are closed right now. Your text is kept."), status=409)
    text = clean_text(text, LIMITS.speaker_question)  # refuses a longer text, saying the limit
    if not text:
        raise Refused(_l("Write your question."), status=422)
    question = SpeakerQuestion(event_id=event.id, speaker_id=event.current_speaker_id, participant_id=participant.id,
                               text=text)
    screen(question, text, event)
    db.session.add(question)
    db.session.flush()
    return question


def question_in(event, question_id) -> SpeakerQuestion:
    number = form_int(str(question_id))
    question = db.session.get(SpeakerQuestion, number) if number is not None else None
    if question is None or question.event_id != event.id or not question.visible:
        raise Refused(_l("That question is no longer there. Reload the page."), status=409)
    return question


def vote(question: SpeakerQuestion, participant) -> None:
    """One vote per guest and question; voting again is refused and counts nothing."""
    if db.session.scalar(db.select(QuestionVote.id).where(QuestionVote.question_id == question.id,
                                                           QuestionVote.participant_id == participant.id)):
        raise Refused(_l("You already voted for this question."), status=409)
    try:
        with db.session.begin_nested():
            db.session.add(QuestionVote(question_id=question.id, participant_id=participant.id))
    except IntegrityError:
        raise Refused(_l("You already voted for this question."), status=409) from None
    if participant.counted:  # a guest of an unaccepted burst of joins votes, uncounted (events.bursts)
        db.session.execute(db.update(SpeakerQuestion).where(SpeakerQuestion.id == question.id)
                           .values(vote_count=SpeakerQuestion.vote_count + 1))
    db.session.flush()
    db.session.refresh(question)


def mark_answered(question: SpeakerQuestion, answered: bool = True) -> None:
    question.answered = answered
    event = question.event
    if answered and event.spotlight_question_id == question.id:
        event.spotlight_question = None
    db.session.flush()


def put_on_screen(event, question: SpeakerQuestion | None) -> None:
    event.spotlight_question = question
    db.session.flush()


@bursts.recounts
def recount_question_votes(event) -> None:
    """Every speaker question's votes again, from the guests who count (events.bursts)."""
    votes = (db.select(db.func.count(QuestionVote.id)).where(QuestionVote.question_id == SpeakerQuestion.id,
                                                            counts(QuestionVote.participant_id)).scalar_subquery())
    db.session.execute(db.update(SpeakerQuestion).where(SpeakerQuestion.event_id == event.id)
                       .values(vote_count=votes).execution_options(synchronize_session="fetch"))
