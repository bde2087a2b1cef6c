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
from ..reports.queries import grouped, reportable_dreams
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


def stage_context(event, offset: int = 0) -> dict:
    """Only what the chosen view needs: the wall, the tables overview or one table's harvest.

    `offset` is where the wall's batch starts (the screen pages through the dreams, newest first).
    """
    context = {"event": event, "now": utcnow(), "short_address": short_address(), "invitation": invitation(event),
               "counts": wall_counts(event), "view": event.projector_view,
               "timer": timer.state(event, utcnow())}
    if event.projector_view == ProjectorView.tables:
        rows = overview(event)
        context.update(rows=rows, submitted=submitted_count(rows))
    elif event.projector_view == ProjectorView.harvest and (cards := harvest_tables(event)):
        ids = [table.id for table, _ in cards]
        index = ids.index(event.harvest_table_id) if event.harvest_table_id in ids else 0
        table, card = cards[index]
        context.update(harvest_table=table, harvest_card=card, harvest_position=index + 1,
                       harvest_total=len(cards), top=top_contributions(table),
                       endorsements=endorsement_counts(event)[table.id])
    elif event.projector_view == ProjectorView.wordcloud:
        context.update(words=word_cloud(event))
    elif event.projector_view == ProjectorView.market:
        context.update(market=market_counts(event), cards=newest_cards(event), sealed=sealed_matches(event),
                       highlighted_need=highlighted(event))
    elif event.projector_view == ProjectorView.poll:
        poll = event.current_poll
        context.update(poll=poll, poll_results=results(poll) if poll else None)
    elif event.projector_view == ProjectorView.stances:
        context.update(stances=stances(event))
    elif event.projector_view == ProjectorView.questions:
        speaker = event.current_speaker
        context.update(speaker=speaker, spotlight_question=event.spotlight_question,
                       top_questions=questions(event, speaker.id if speaker else None, answered=False, limit=5))
    elif event.projector_view == ProjectorView.themes:
        groups, other = grouped(event, reportable_dreams(event))
        context.update(theme_groups=[(theme, len(members), list(reversed(members))[:DREAMS_PER_THEME])
                                     for theme, members in groups], other_dreams=len(other))
    elif event.projector_view == ProjectorView.takeaway:
        context.update(harvest_address=public_url("followup.harvest", code=event.join_code).split("://", 1)[-1])
    elif event.projector_view in (ProjectorView.join, ProjectorView.timer, ProjectorView.pause):
        pass
    else:
        size = current_app.config["PROJECTOR_WALL_SIZE"]
        phase = event.current_phase.kind if event.current_phase else None
        context.update(view=ProjectorView.wall, spotlight=event.spotlight_dream, closing=phase is PhaseKind.closing)
        if phase is PhaseKind.pitches and event.current_speaker is not None:
            context.update(speaker=event.current_speaker)
        # from dreams to deeds: in the closing part the wall holds the deeds
        total = count_deeds(event) if context["closing"] else context["counts"]["dreams"]
        offset = offset if offset < total else 0  # past the end (dreams were hidden): the first page
        batch = deeds(event, size, offset) if context["closing"] else wall_batch(event, offset, size)
        context.update(clouds=batch, wall_total=total, wall_offset=offset)
    return context
