from flask import Blueprint, abort, current_app, render_template

from ..dreams.queries import projector_wall, wall_counts, word_cloud
from ..events import access
from ..programme import operations as programme_ops
from ..programme import timer
from ..tables.queries import (
    endorsement_counts,
    harvest_tables,
    overview,
    submitted_count,
    top_contributions,
)
from ..util import utcnow

bp = Blueprint("projector", __name__, url_prefix="/p/<int:event_id>/<token>")


def _event(event_id, token):
    """The projector link is the credential: it works on every reload until rotated."""
    event = access.event_or_404(event_id)
    if not event.token_matches("projector", token):
        abort(403)
    access.grant_link(event, "projector", token)
    return event


def stage_context(event, token) -> dict:
    """Only what the chosen view needs: the wall, the tables overview or one table's harvest."""
    context = {"event": event, "token": token, "counts": wall_counts(event), "view": event.projector_view,
               "timer": timer.state(event, utcnow())}
    if event.projector_view == "tables":
        rows = overview(event)
        context.update(rows=rows, submitted=submitted_count(rows))
    elif event.projector_view == "harvest" and (cards := harvest_tables(event)):
        ids = [table.id for table, _ in cards]
        index = ids.index(event.harvest_table_id) if event.harvest_table_id in ids else 0
        table, card = cards[index]
        context.update(harvest_table=table, harvest_card=card, harvest_position=index + 1,
                       harvest_total=len(cards), top=top_contributions(table),
                       endorsements=endorsement_counts(event)[table.id])
    elif event.projector_view == "wordcloud":
        context.update(words=word_cloud(event))
    elif event.projector_view in ("join", "timer", "pause"):
        pass
    else:
        context.update(view="wall", clouds=projector_wall(event, current_app.config["PROJECTOR_WALL_SIZE"]),
                       spotlight=event.spotlight_dream)
        phase = event.current_phase.kind.value if event.current_phase else None
        if phase == "pitches" and event.current_speaker is not None:
            context.update(view="speaker", speaker=event.current_speaker)
        elif phase == "closing":
            # from dreams to deeds: the deeds wall beside the dreams
            context.update(deeds=programme_ops.deeds(event), clouds=context["clouds"][:8])
    return context


@bp.get("/")
def show(event_id, token):
    event = _event(event_id, token)
    return render_template("projector/show.html", **stage_context(event, token))


@bp.get("/stage")
def stage(event_id, token):
    event = _event(event_id, token)
    return render_template("projector/_stage.html", **stage_context(event, token))
