"""Everything the report says, gathered once as plain data.

Every format (the preview page, Markdown, HTML, Word, PDF, JSON) is drawn from this one
structure, so they cannot disagree. It is also `report.json` (docs/report-schema.json).
Call it inside `force_locale(event.language)`: the labels are in the event's language.
"""
from collections import Counter
from datetime import datetime, timedelta

from flask_babel import gettext

from ..dreams.words import top_words
from ..dreams.models import Dream
from ..events.models import Participant
from ..events.queries import counts
from ..events.roles import role_label
from ..enums import ParticipantSource
from ..extensions import db
from ..i18n import language_name
from ..limits import ANONYMITY_THRESHOLD
from ..followup.queries import for_report as follow_up_report
from ..market.queries import for_report as market_report
from ..polls.queries import for_report as room_report
from ..programme.labels import phase_kind_label, phase_title
from ..programme.models import Phase
from ..programme.queries import speakers
from ..review import Review
from ..tables.labels import kind_label
from ..tables.models import AdviceCard, CardStatus, Endorsement, Seat, Table
from ..util import utcnow
from . import queries
from .account import draft

FORMAT_VERSION = 1
MOST_HEARTED = 10
KEY_CONTRIBUTIONS = 5
TIMELINE_MINUTES = 10
MAX_BUCKETS = 48


def _iso(moment: datetime | None) -> str | None:
    return moment.replace(microsecond=0).isoformat() + "Z" if moment else None


def gather(event) -> dict:
    dreams = queries.reportable_dreams(event)
    text = queries.report_text(event)
    tables, contributions = _tables(event, queries.reportable_contributions(event))
    report = {
        "format": "facilitation-report",
        "version": FORMAT_VERSION,
        "language": event.language,
        "generated_at": _iso(utcnow()),
        "event": {
            "title": event.title,
            "date": event.starts_on.isoformat() if event.starts_on else None,
            "venue": event.venue or "",
            "purge_on": event.purge_date.isoformat(),
        },
        "introduction": text.introduction,
        "closing": text.closing,
        "programme": _programme(event),
        "attendance": attendance(event),
        "languages": languages(event, dreams),
        "pitches": pitches(event),
        "dreams": _dreams(event, dreams),
        "tables": tables,
        "deeds": [{"id": deed.id, "text": deed.text, "language": deed.written_in, "translation": deed.translation}
                  for deed in queries.reportable_deeds(event)],

        "evaluation": _evaluation(event),
        "timeline": _timeline(dreams, contributions),
        "market": market_report(event),
        "follow_up": follow_up_report(event),
        "room": room_report(event),
    }
    report["counts"] = _counts(report)
    report["account"] = {"text": text.account or draft(report), "edited": bool(text.account)}
    return report


def for_guests(event) -> dict:
    """The harvest page for the guests: the same content as the report, without any name of a guest, the
    deeds, the evaluation or the organiser's numbers. What is hidden or left out of the report is left out."""
    tables, _ = _tables(event, queries.reportable_contributions(event))
    market = market_report(event)
    return {
        "event": {"title": event.title, "date": event.starts_on, "venue": event.venue or ""},
        "pitches": pitches(event),
        "dreams": _dreams(event, queries.reportable_dreams(event)),
        "tables": [table for table in tables if table["advice_cards"] or table["key_contributions"]],
        "agreements": [{"rubric": item["rubric"], "agreement": item["agreement"], "translation": item["translation"]}
                       for item in market["agreements"]],
    }


def _counts(report) -> dict:
    """The evening in numbers, as the account and the summary name them."""
    return {
        "people": report["attendance"]["total"],
        "pitches": len(report["pitches"]),
        "dreams": report["dreams"]["count"],
        "hearts": report["dreams"]["hearts"],
        "themes": sum(1 for theme in report["dreams"]["themes"] if theme["id"] is not None),
        "tables": len(report["tables"]),
        "advice_cards": sum(len(table["advice_cards"]) for table in report["tables"]),
        "deeds": len(report["deeds"]),
        "ratings": report["evaluation"]["count"],
        "matches": report["market"]["matches"],
    }


def pitches(event) -> list[dict]:
    """Each speaker of the pitches and the dream they pitched; hearts when it went on the wall as a cloud."""
    on_wall = {dream.speaker_id: dream for dream in db.session.scalars(
        db.select(Dream).where(Dream.event_id == event.id, Dream.speaker_id.is_not(None),
                               Dream.review == Review.visible))}
    return [{"position": speaker.position, "speaker": speaker.name, "dream": speaker.dream,
             "on_wall": speaker.id in on_wall,
             "hearts": on_wall[speaker.id].heart_count if speaker.id in on_wall else 0}
            for speaker in speakers(event)]


def _programme(event) -> list[dict]:
    phases = db.session.scalars(db.select(Phase).filter_by(event_id=event.id).order_by(Phase.position))
    return [{
        "position": phase.position,
        "title": phase_title(phase),
        "kind": phase.kind.value,
        "kind_label": phase_kind_label(phase.kind),
        "planned_minutes": phase.planned_minutes,
        "started_at": _iso(phase.started_at),
        "ended_at": _iso(phase.ended_at),
        "minutes": round((phase.ended_at - phase.started_at).total_seconds() / 60)
        if phase.started_at and phase.ended_at else None,
    } for phase in phases]


def attendance(event) -> dict:
    """How many joined, by role; small groups go under "other" so no one stands out.

    The one participant behind the paper cards (and the pitched clouds) is not a person: "paper"
    counts the dreams typed in from paper cards instead.
    """
    rows = db.session.execute(
        db.select(Participant.role_tag, Participant.source, db.func.count(Participant.id))
        .where(Participant.event_id == event.id, Participant.source != ParticipantSource.paper, Participant.counted)
        .group_by(Participant.role_tag, Participant.source)).all()
    by_role, by_way = Counter(), Counter()
    by_way[ParticipantSource.paper] = db.session.scalar(
        db.select(db.func.count(Dream.id)).join(Participant, Dream.participant_id == Participant.id)
        .where(Dream.event_id == event.id, Participant.source == ParticipantSource.paper,
               Dream.speaker_id.is_(None), Dream.review == Review.visible))
    for role_tag, source, count in rows:
        by_role[role_tag or ""] += count
        by_way[source] += count
    other_tags = {"", "anders"}
    shown, other = [], 0
    for tag in event.role_tags + sorted(set(by_role) - set(event.role_tags)):
        count = by_role.pop(tag, 0)
        if tag in other_tags or count < ANONYMITY_THRESHOLD:
            other += count
        else:
            shown.append({"role": role_label(tag), "count": count})
    other += sum(by_role.values())
    if other:
        shown.append({"role": gettext("Other, not given or a small group"), "count": other})
    return {
        "total": sum(item["count"] for item in shown),
        "threshold": ANONYMITY_THRESHOLD,
        "by_role": shown,
        "by_way": {way: by_way.get(way, 0) for way in ("phone", "neighbour", "paper")},
    }


def languages(event, dreams) -> dict:
    """The languages guests read on their phones and wrote their dreams in, most first. Languages of fewer
    than the anonymity threshold of guests are counted together, as small roles are: at an evening with one
    Farsi speaker, "Farsi: 1" would point at them."""
    rows = db.session.execute(
        db.select(Participant.language, db.func.count(Participant.id))
        .where(Participant.event_id == event.id, Participant.source != ParticipantSource.paper, Participant.counted,
               Participant.language.is_not(None))
        .group_by(Participant.language)).all()
    readers = Counter(dict(rows))
    written = Counter(dream.written_in for dream in dreams if dream.written_in)
    shown, other_readers, other_written = [], 0, 0
    for code in sorted(set(readers) | set(written), key=lambda code: (-readers[code], -written[code], code)):
        if readers[code] < ANONYMITY_THRESHOLD and code != event.language:
            other_readers += readers[code]
            other_written += written[code]
        else:
            shown.append({"code": code, "name": language_name(code), "guests": readers[code], "dreams": written[code]})
    if other_readers or other_written:
        shown.append({"code": None, "name": gettext("Other languages"), "guests": other_readers,
                      "dreams": other_written})
    return {"rows": shown, "threshold": ANONYMITY_THRESHOLD}


def _dream(dream) -> dict:
    return {"id": dream.id, "text": dream.text, "hearts": dream.heart_count, "language": dream.written_in,
            "translation": dream.translation}


def _dreams(event, dreams) -> dict:
    themes = []
    groups, rest = queries.grouped(event, dreams)
    for theme, members in groups:
        members = sorted(members, key=lambda d: (-d.heart_count, d.id))
        themes.append({"id": theme.id, "label": theme.label, "count": len(members),
                       "words": [w for w in theme.words.split(", ") if w],
                       "dreams": [_dream(d) for d in members]})
    if rest:
        themes.append({"id": None, "label": gettext("Other dreams"), "count": len(rest), "words": [],
                       "dreams": [_dream(d) for d in sorted(rest, key=lambda d: (-d.heart_count, d.id))]})
    hearted = sorted((d for d in dreams if d.heart_count), key=lambda d: (-d.heart_count, d.id))
    return {
        "count": len(dreams),
        "hearts": sum(d.heart_count for d in dreams),
        "themes": themes,
        "most_hearted": [_dream(d) for d in hearted[:MOST_HEARTED]],
        "words": [{"word": word, "count": count}
                  for word, count in top_words((d.readable for d in dreams), 30, event.language, (event.venue or "",))],
    }


def _contribution(contribution) -> dict:
    return {"id": contribution.id, "round": contribution.round, "kind": contribution.kind.value,
            "kind_label": kind_label(contribution.kind), "text": contribution.text,
            "votes": contribution.vote_count, "key": contribution.is_key}


def _tables(event, reportable: list) -> tuple[list[dict], list]:
    """Each table as the report shows it, and all contributions in the report (for the timeline)."""
    result = []
    for table in db.session.scalars(db.select(Table).filter_by(event_id=event.id).order_by(Table.position)):
        contributions = [c for c in reportable if c.table_id == table.id]
        ranked = sorted(contributions, key=lambda c: (not c.is_key, -c.vote_count, c.id))
        key = [c for c in ranked if c.is_key or c.vote_count][:max(KEY_CONTRIBUTIONS, sum(c.is_key for c in ranked))]
        cards = db.session.scalars(db.select(AdviceCard).filter_by(table_id=table.id, status=CardStatus.submitted,
                                                                   review=Review.visible)
                                   .order_by(AdviceCard.round))
        result.append({
            "id": table.id,
            "name": table.name,
            "theme": table.theme,
            "dilemma": table.dilemma,
            "context": table.context,
            "people": db.session.scalar(db.select(db.func.count(db.distinct(Seat.participant_id)))
                                        .filter_by(table_id=table.id)),
            "contributions": len(contributions),
            "votes": sum(c.vote_count for c in contributions),
            "key_contributions": [_contribution(c) for c in key],
            "advice_cards": [{"round": card.round, "dilemma": card.dilemma, "options": card.options,
                              "advice": card.advice, "next_step": card.next_step,
                              "submitted_at": _iso(card.submitted_at), "language": card.written_in,
                              "translation": card.translation} for card in cards],
            "endorsements": db.session.scalar(db.select(db.func.count(Endorsement.id)).where(
                Endorsement.table_id == table.id, counts(Endorsement.participant_id))),
        })
    return result, reportable


def _evaluation(event) -> dict:
    ratings = queries.ratings(event)
    comments = queries.reportable_comments(event)
    scores = Counter(r.score for r in ratings)
    return {
        "count": len(ratings),
        "average": round(sum(r.score for r in ratings) / len(ratings), 1) if ratings else None,
        "scores": {str(score): scores.get(score, 0) for score in range(1, 6)},
        "comments": [r.comment for r in comments],
        "comment_translations": [r.translation for r in comments],
    }


def _timeline(dreams, contributions) -> dict:
    """Dreams and contributions per TIMELINE_MINUTES, from the first to the last one."""
    moments = [(d.created_at, "dreams") for d in dreams] + [(c.created_at, "contributions") for c in contributions]
    if not moments:
        return {"minutes": TIMELINE_MINUTES, "buckets": []}
    first = min(m for m, _ in moments).replace(second=0, microsecond=0)
    first -= timedelta(minutes=first.minute % TIMELINE_MINUTES)
    minutes = TIMELINE_MINUTES
    while (max(m for m, _ in moments) - first) / timedelta(minutes=minutes) >= MAX_BUCKETS:
        minutes *= 2  # a report edited days later, or a long day: wider steps, never thousands of points
    step = timedelta(minutes=minutes)
    count = int((max(m for m, _ in moments) - first) / step) + 1
    buckets = [{"start": _iso(first + i * step), "dreams": 0, "contributions": 0} for i in range(count)]
    for moment, what in moments:
        buckets[int((moment - first) / step)][what] += 1
    return {"minutes": minutes, "buckets": buckets}
