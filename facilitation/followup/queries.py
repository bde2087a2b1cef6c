"""Reads of the follow-up: the check-in's answers for the report, with the anonymity rule of the roles."""
from collections import Counter, defaultdict

from flask_babel import gettext

from ..extensions import db
from ..limits import ANONYMITY_THRESHOLD
from ..market.queries import counts as market_counts
from ..review import Review
from .models import CheckIn, CheckInSent, DeedProgress, MailAddress, MatchCheckIn

#: about 80 % of the matches made at a beursvloer are carried out (the Beursvloer's own follow-up figures)
MATCHES_BENCHMARK = 80


def progress_label(progress: DeedProgress) -> str:
    return {DeedProgress.done: gettext("Done"), DeedProgress.started: gettext("Started"),
            DeedProgress.not_yet: gettext("Not yet"), DeedProgress.dropped: gettext("No longer")}[progress]


def for_report(event) -> dict:
    """What became of the deeds and the matches. An answer given by fewer than ANONYMITY_THRESHOLD guests is
    counted under "other answers"; with fewer answers than that in all, only the number of answers shows."""
    checkins = list(db.session.scalars(db.select(CheckIn).filter_by(event_id=event.id).order_by(CheckIn.id)))
    answered = [c for c in checkins if c.progress is not None]
    shown = len(answered) >= ANONYMITY_THRESHOLD
    by = Counter(c.progress for c in answered)
    rows, other = [], 0
    for progress in DeedProgress if shown else ():
        if by[progress] >= ANONYMITY_THRESHOLD:
            rows.append({"answer": progress.value, "label": progress_label(progress), "count": by[progress]})
        else:
            other += by[progress]
    if other:
        rows.append({"answer": "other", "label": gettext("Other answers (each given by fewer than %(n)s)",
                                                          n=ANONYMITY_THRESHOLD), "count": other})
    per_match = defaultdict(list)
    for answer in db.session.scalars(db.select(MatchCheckIn).filter_by(event_id=event.id)):
        per_match[answer.connection_id].append(answer.carried_out)
    matches_shown = len(per_match) >= ANONYMITY_THRESHOLD
    carried_out = sum(any(answers) for answers in per_match.values()) if matches_shown else None
    lines = [c for c in checkins if c.line and c.review is Review.visible] if shown else []
    return {
        "threshold": ANONYMITY_THRESHOLD,
        "asked": db.session.scalar(db.select(db.func.count()).select_from(CheckInSent).filter_by(event_id=event.id)),
        "waiting": db.session.scalar(db.select(db.func.count(MailAddress.id)).filter_by(event_id=event.id)),
        "answered": len(answered),
        "progress": rows,
        "done": by[DeedProgress.done] if shown else None,
        "lines": [c.line for c in lines],
        "line_translations": [c.translation for c in lines],
        "matches": {
            "total": market_counts(event)["matches"],
            "answered": len(per_match),
            "carried_out": carried_out,
            "share": round(100 * carried_out / len(per_match)) if matches_shown else None,
            "benchmark": MATCHES_BENCHMARK,
        },
    }
