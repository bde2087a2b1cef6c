"""Reads of the questions to the room: results as counts (never the single answers), stances per table and
for the room with their shift, and the speakers' questions by votes. A handful of statements at any size."""
from collections import Counter

from sqlalchemy.orm import joinedload

from ..events.queries import counts
from ..extensions import db
from ..limits import ANONYMITY_THRESHOLD
from ..review import Review
from ..tables.models import Table
from .models import (PLENARY, Poll, PollAnswer, PollKind, PollState, QuestionVote, SpeakerQuestion, Stance,
                     StanceMoment)
from .operations import STANCE_MAX

WORD_CLOUD = 30


def results(poll: Poll) -> dict:
    """How many answered, and the counts: per option, per number of the scale, or per word (the top ones)."""
    if poll.kind is PollKind.choice:
        tally = _by_value(poll)
        answered = sum(tally.values())
        rows = [{"label": option, "count": tally.get(n, 0)} for n, option in enumerate(poll.options)]
    elif poll.kind is PollKind.choices:
        tally = Counter()
        for (choices,) in db.session.execute(db.select(PollAnswer.choices).where(
                PollAnswer.poll_id == poll.id, counts(PollAnswer.participant_id))):
            tally.update(choices)
        answered = _answered(poll)
        rows = [{"label": option, "count": tally[n]} for n, option in enumerate(poll.options)]
    elif poll.kind is PollKind.scale:
        tally = _by_value(poll)
        answered = sum(tally.values())
        rows = [{"label": str(value), "count": tally.get(value, 0)} for value in poll.values]
    else:
        given = db.session.execute(
            db.select(PollAnswer.words, PollAnswer.translation).where(
                PollAnswer.poll_id == poll.id, PollAnswer.review == Review.visible,
                counts(PollAnswer.participant_id))).all()
        words = Counter(words.lower() for words, _ in given)
        # a translator's line under a word: the first one given for it
        lines = {}
        for said, line in given:
            if line:
                lines.setdefault(said.lower(), line)
        answered = _answered(poll)
        rows = [{"label": word, "count": count, "translation": lines.get(word)}
                for word, count in words.most_common(WORD_CLOUD)]
    most = max((row["count"] for row in rows), default=0)
    for row in rows:
        row["share"] = round(100 * row["count"] / answered) if answered else 0
        row["bar"] = round(100 * row["count"] / most) if most else 0
    mean = None
    if poll.kind is PollKind.scale and answered:
        mean = round(sum(int(row["label"]) * row["count"] for row in rows) / answered, 1)
    return {"answered": answered, "rows": rows, "mean": mean}


def _by_value(poll) -> dict:
    """How many chose each number (a scale's, or a single choice's option), in one GROUP BY."""
    return dict(db.session.execute(db.select(PollAnswer.value, db.func.count(PollAnswer.id))
                                   .where(PollAnswer.poll_id == poll.id, counts(PollAnswer.participant_id))
                                   .group_by(PollAnswer.value)).all())


def _answered(poll) -> int:
    return db.session.scalar(db.select(db.func.count(PollAnswer.id)).where(PollAnswer.poll_id == poll.id,
                                                                          counts(PollAnswer.participant_id)))


def my_answer(poll: Poll | None, participant) -> PollAnswer | None:
    if poll is None:
        return None
    return db.session.scalar(db.select(PollAnswer).filter_by(poll_id=poll.id, participant_id=participant.id))


def visible_to_room(poll: Poll | None) -> bool:
    """Phones see the results once the poll is closed and revealed."""
    return poll is not None and poll.revealed and poll.state is PollState.closed


# --- stances ------------------------------------------------------------------------------------------------

def _distribution(values: Counter) -> dict:
    """Counts per place on the line, their mean; hidden (None) when fewer than the anonymity threshold answered."""
    total = sum(values.values())
    if total < ANONYMITY_THRESHOLD:
        return {"count": total, "places": None, "mean": None}
    return {"count": total, "places": [values.get(place, 0) for place in range(1, STANCE_MAX + 1)],
            "mean": round(sum(place * n for place, n in values.items()) / total, 1)}


def _counts_by_dilemma(where) -> dict:
    per = {}
    for key, moment, value, count in db.session.execute(
            db.select(Stance.dilemma, Stance.moment, Stance.value, db.func.count(Stance.id))
            .where(where, counts(Stance.participant_id))
            .group_by(Stance.dilemma, Stance.moment, Stance.value)):
        per.setdefault(key, {m: Counter() for m in StanceMoment})[moment][value] += count
    return per


def stances(event) -> dict:
    """Per dilemma (tables that share one pooled), per table, and on the plenary dilemma: before, after, and the
    shift of the mean. The room together gets only its counts: one mean over different dilemmas means nothing."""
    per = _counts_by_dilemma(Stance.event_id == event.id)
    empty = {m: Counter() for m in StanceMoment}
    answered = {m: 0 for m in StanceMoment}
    tables, dilemmas = [], {}
    for table in db.session.scalars(db.select(Table).filter_by(event_id=event.id).order_by(Table.position)):
        if not (table.pole_left and table.pole_right):
            continue
        counts = per.get(f"t{table.id}", empty)
        for moment in StanceMoment:
            answered[moment] += sum(counts[moment].values())
        tables.append({"id": table.id, "name": table.name, "dilemma": table.dilemma, "left": table.pole_left,
                       "right": table.pole_right, **_before_after(counts)})
        same = tuple(" ".join(text.split()).casefold() for text in (table.dilemma, table.pole_left, table.pole_right))
        pooled = dilemmas.setdefault(same, {"dilemma": table.dilemma, "left": table.pole_left,
                                            "right": table.pole_right, "tables": [], "table_ids": [],
                                            "counts": {m: Counter() for m in StanceMoment}})
        pooled["tables"].append(table.name)
        pooled["table_ids"].append(table.id)
        for moment in StanceMoment:
            pooled["counts"][moment].update(counts[moment])
    plenary = None
    if event.plenary_dilemma:
        plenary = {"dilemma": event.plenary_dilemma, "left": event.plenary_left, "right": event.plenary_right,
                   **_before_after(per.get(PLENARY, empty))}
    return {"max": STANCE_MAX, "tables": tables, "plenary": plenary, "threshold": ANONYMITY_THRESHOLD,
            "dilemmas": [{**{k: v for k, v in pooled.items() if k != "counts"}, **_before_after(pooled["counts"])}
                         for pooled in dilemmas.values()],
            "room": {moment.value: {"count": answered[moment]} for moment in StanceMoment}}


def table_stances(table) -> dict:
    """One table's stances before and after, for its own page."""
    counts = _counts_by_dilemma(Stance.dilemma == f"t{table.id}").get(f"t{table.id}", {m: Counter() for m in StanceMoment})
    return _before_after(counts)


def _before_after(counts: dict) -> dict:
    before, after = _distribution(counts[StanceMoment.before]), _distribution(counts[StanceMoment.after])
    shift = round(after["mean"] - before["mean"], 1) if before["mean"] is not None and after["mean"] is not None \
        else None
    return {"before": before, "after": after, "shift": shift}


def room_stances(event) -> dict:
    """How many stances the tables gave, before and after (the console's summary; each dilemma's shift is on the
    big screen and in the report)."""
    found = {moment: 0 for moment in StanceMoment}
    for key, per_moment in _counts_by_dilemma(Stance.event_id == event.id).items():
        if key == PLENARY:  # the whole room's own dilemma is shown apart
            continue
        for moment in StanceMoment:
            found[moment] += sum(per_moment[moment].values())
    return {moment.value: {"count": found[moment]} for moment in StanceMoment}


def my_stance(table, participant, moment: str | None) -> int | None:
    """This guest's place on their table's dilemma (or, for table None, the plenary one) at this moment."""
    if moment is None:
        return None
    return db.session.scalar(db.select(Stance.value).where(Stance.dilemma == (f"t{table.id}" if table else PLENARY),
                                                           Stance.participant_id == participant.id,
                                                           Stance.moment == StanceMoment(moment)))


# --- questions for the speakers -----------------------------------------------------------------------------

def questions(event, speaker_id=None, *, answered: bool | None = None, limit: int = 50) -> list[SpeakerQuestion]:
    """The questions on view, most votes first (then the oldest)."""
    query = db.select(SpeakerQuestion).filter_by(event_id=event.id, review=Review.visible)
    if speaker_id is not None:
        query = query.filter_by(speaker_id=speaker_id)
    if answered is not None:
        query = query.filter_by(answered=answered)
    return list(db.session.scalars(query.options(joinedload(SpeakerQuestion.speaker))
                                   .order_by(SpeakerQuestion.vote_count.desc(), SpeakerQuestion.id).limit(limit)))


def count_answered(event) -> int:
    return db.session.scalar(db.select(db.func.count(SpeakerQuestion.id)).where(
        SpeakerQuestion.event_id == event.id, SpeakerQuestion.answered.is_(True)))


def my_votes(participant) -> set[int]:
    return set(db.session.scalars(db.select(QuestionVote.question_id).where(
        QuestionVote.participant_id == participant.id)))


# --- the report ---------------------------------------------------------------------------------------------

def for_report(event) -> dict:
    """Every poll that was asked with its counts, the stances with their shift, and the speakers' questions."""
    asked = [poll for poll in db.session.scalars(db.select(Poll).filter_by(event_id=event.id)
                                                 .order_by(Poll.position, Poll.id)) if poll.opened_at]
    return {
        "polls": [{"question": poll.question, "kind": poll.kind.value, "low_label": poll.low_label,
                   "high_label": poll.high_label, **_report_results(poll)} for poll in asked],
        "stances": stances(event),
        "questions": [{"speaker": question.speaker.name if question.speaker else "", "text": question.text,
                       "votes": question.vote_count, "answered": question.answered}
                      for question in questions(event, limit=500)],
    }


def _report_results(poll) -> dict:
    found = results(poll)
    return {"answered": found["answered"], "mean": found["mean"],
            "results": [{"label": row["label"], "count": row["count"],
                         **({"translation": row["translation"]} if row.get("translation") else {})}
                        for row in found["rows"]]}
