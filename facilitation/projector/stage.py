"""What the big screen shows now: only what the chosen view needs."""
from flask import current_app
from flask_babel import gettext

from ..dreams.queries import wall_batch, wall_counts, word_cloud
from ..enums import ProjectorView
from ..market.queries import counts as market_counts
from ..market.queries import highlighted, newest_cards, sealed_matches
from ..polls.queries import questions, results, stances
from ..programme import timer
from ..programme.queries import count_deeds, deeds
from ..programme.models import PhaseKind
from ..reports.queries import grouped, reportable_dream_lines
from ..tables.queries import endorsement_counts, harvest_tables, overview, submitted_count, top_contributions
from ..util import public_url, utcnow


#: the theme view shows each theme's newest dreams, so the themes of 2,000 dreams fit one page at 1920×1080, two at
#: 1024×768 (the count says how many there are)
DREAMS_PER_THEME = 3


def short_address() -> str:
    """The address guests type when they cannot scan: the public address without "http://"."""
    return public_url("home.index").split("://", 1)[-1].rstrip("/")


def invitation(event) -> str:
    """What the big screen says when the wall is empty: never an invitation to what is closed."""
    if event.dreams_open:
        return gettext("Scan the code and put your dream on the wall!")
    return gettext("The dreams of this evening will appear here.")


def _tables(event) -> dict:
    rows = overview(event)
    return {"rows": rows, "submitted": submitted_count(rows)}


def _harvest(event) -> dict | None:
    cards = harvest_tables(event)
    if not cards:
        return None  # no card (any more): the wall
    ids = [table.id for table, _ in cards]
    index = ids.index(event.harvest_table_id) if event.harvest_table_id in ids else 0
    table, card = cards[index]
    return {"harvest_table": table, "harvest_card": card, "harvest_position": index + 1, "harvest_total": len(cards),
            "top": top_contributions(table), "endorsements": endorsement_counts(event)[table.id]}


def _market(event) -> dict:
    return {"market": market_counts(event), "cards": newest_cards(event), "sealed": sealed_matches(event),
            "highlighted_need": highlighted(event)}


def _poll(event) -> dict:
    poll = event.current_poll
    return {"poll": poll, "poll_results": results(poll) if poll else None}


def _questions(event) -> dict:
    speaker = event.current_speaker
    return {"speaker": speaker, "spotlight_question": event.spotlight_question,
            "top_questions": questions(event, speaker.id if speaker else None, answered=False, limit=5)}


def _themes(event) -> dict:
    groups, other = grouped(event, reportable_dream_lines(event))
    return {"theme_groups": [(theme, len(members), list(reversed(members))[:DREAMS_PER_THEME])
                             for theme, members in groups], "other_dreams": len(other)}


def _takeaway(event) -> dict:
    return {"harvest_address": public_url("harvest.page", code=event.join_code).split("://", 1)[-1]}


#: what each view of the big screen needs besides the head (join, timer and pause need nothing more);
#: any other view, or one with nothing to show (None), is the wall
VIEWS = {
    ProjectorView.tables: _tables,
    ProjectorView.harvest: _harvest,
    ProjectorView.wordcloud: lambda event: {"words": word_cloud(event)},
    ProjectorView.market: _market,
    ProjectorView.poll: _poll,
    ProjectorView.stances: lambda event: {"stances": stances(event)},
    ProjectorView.questions: _questions,
    ProjectorView.themes: _themes,
    ProjectorView.takeaway: _takeaway,
    ProjectorView.join: lambda event: {},
    ProjectorView.timer: lambda event: {},
    ProjectorView.pause: lambda event: {},
}


def _wall(event, offset: int, dream_count: int) -> dict:
    """The wall's batch from `offset`: the dreams, or in the closing part the deeds, newest first."""
    size = current_app.config["PROJECTOR_WALL_SIZE"]
    phase = event.current_phase.kind if event.current_phase else None
    closing = phase is PhaseKind.closing
    context = {"view": ProjectorView.wall, "spotlight": event.spotlight_dream, "closing": closing}
    if phase is PhaseKind.pitches and event.current_speaker is not None:
        context.update(speaker=event.current_speaker)
    total = count_deeds(event) if closing else dream_count
    offset = offset if offset < total else 0  # past the end (dreams were hidden): the first page
    batch = deeds(event, size, offset) if closing else wall_batch(event, offset, size)
    return {**context, "clouds": batch, "wall_total": total, "wall_offset": offset}


def stage_context(event, offset: int = 0) -> dict:
    """Only what the chosen view needs: the wall, the tables overview or one table's harvest.

    `offset` is where the wall's batch starts (the screen pages through the dreams, newest first).
    """
    context = {"event": event, "now": utcnow(), "short_address": short_address(), "invitation": invitation(event),
               "counts": wall_counts(event), "view": event.projector_view,
               "timer": timer.state(event, utcnow())}
    view = VIEWS.get(event.projector_view)
    shown = view(event) if view else None
    context.update(_wall(event, offset, context["counts"]["dreams"]) if shown is None else shown)
    return context
