"""What the big screen shows now: only what the chosen view needs."""
from flask import current_app

from ..dreams.queries import projector_wall, wall_counts, word_cloud
from ..enums import ProjectorView
from ..programme import timer
from ..programme.queries import deeds
from ..programme.models import PhaseKind
from ..tables.queries import endorsement_counts, harvest_tables, overview, submitted_count, top_contributions
from ..util import utcnow


def stage_context(event) -> dict:
    """Only what the chosen view needs: the wall, the tables overview or one table's harvest."""
    context = {"event": event, "counts": wall_counts(event), "view": event.projector_view,
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
    elif event.projector_view in (ProjectorView.join, ProjectorView.timer, ProjectorView.pause):
        pass
    else:
        context.update(view=ProjectorView.wall, clouds=projector_wall(event, current_app.config["PROJECTOR_WALL_SIZE"]),
                       spotlight=event.spotlight_dream)
        phase = event.current_phase.kind if event.current_phase else None
        if phase is PhaseKind.pitches and event.current_speaker is not None:
            context.update(speaker=event.current_speaker)
        elif phase is PhaseKind.closing:
            # from dreams to deeds: the deeds wall beside the dreams
            context.update(deeds=deeds(event), clouds=context["clouds"][:8])
    return context
