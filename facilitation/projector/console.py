"""The projector panel of the console: what the big screen shows, the harvest's table, high contrast,
and a live miniature of the screen."""
from flask import Blueprint, render_template

from .. import panels
from ..enums import ProjectorView
from ..events import access
from ..reports import operations as themes
from ..reports.forms import MergeThemesForm, MoveDreamForm, ThemeNameForm
from ..reports.queries import grouped, reportable_dream_lines, theme_of
from ..tables.queries import harvest_tables
from . import operations as ops
from . import pushes
from .stage import stage_context

bp = Blueprint("projector_console", __name__, url_prefix="/console/<int:event_id>")
#: the newest dreams the console offers to move to another theme (older ones: the report's page)
MOVABLE = 30


@panels.register("projector", "projector/_console_panel.html", order=25, column="right", parts=("welcome", "harvest"))
def panel(event, args) -> dict:
    cards = harvest_tables(event) if event.projector_view == ProjectorView.harvest else []
    ids = [table.id for table, _ in cards]
    now = ids.index(event.harvest_table_id) if event.harvest_table_id in ids else None
    context = {"views": list(ProjectorView), "harvest_now": cards[now][0] if now is not None else None,
               "harvest_position": (now or 0) + 1 if cards else 0, "harvest_total": len(cards)}
    if event.projector_view == ProjectorView.themes:
        dreams = reportable_dream_lines(event)
        groups, other = grouped(event, dreams)
        theme_of_dream = {dream.id: theme for theme, members in groups for dream in members}
        context.update(theme_groups=groups, other_dreams=len(other),
                       movable=[(dream, theme_of_dream.get(dream.id)) for dream in reversed(dreams[-MOVABLE:])])
    return context


def _act(event, change):
    return panels.change_and_tell(event, change, pushes.view_changed, "projector")


@bp.post("/projector/<view>")
@access.of_facilitator
def projector_view(event, view):
    return _act(event, lambda: ops.show_view(event, view))


@bp.post("/harvest/<any(next, previous):direction>")
@access.of_facilitator
def harvest_step(event, direction):
    return _act(event, lambda: ops.step_harvest(event, 1 if direction == "next" else -1))


@bp.post("/projector/contrast")
@access.of_facilitator
def projector_contrast(event):
    return _act(event, lambda: ops.toggle_contrast(event))


@bp.post("/projector/themes/<theme_id>/rename")
@access.of_facilitator
def rename_theme(event, theme_id):
    return _act(event, lambda: themes.rename_theme(theme_of(event, theme_id), ThemeNameForm().label.data))


@bp.post("/projector/themes/<theme_id>/merge")
@access.of_facilitator
def merge_theme(event, theme_id):
    into = MergeThemesForm().into.data
    return _act(event, lambda: themes.merge_themes(theme_of(event, theme_id), theme_of(event, into)))



@bp.post("/projector/themes/move")
@access.of_facilitator
def move_dream(event):
    form = MoveDreamForm()
    return _act(event, lambda: themes.move_dream(event, form.dream_id.data, form.theme_id.data))



@bp.post("/projector/themes/again")
@access.of_facilitator
def themes_again(event):
    return _act(event, lambda: themes.find_themes_again(event))


@bp.get("/projector-mini")
@access.of_facilitator
def projector_mini(event):
    """A live miniature of what the big screen shows, for the console."""
    return render_template("projector/_stage.html", **stage_context(event))
