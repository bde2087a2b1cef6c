"""Console panels: each feature registers its own; the console shell shows them side by side.

A panel is a template and a function that gathers what it shows. It refreshes on its own signal
(`live.broadcast.panels(event, name)`), and an action on a panel answers with that panel again.
"""
from dataclasses import dataclass
from typing import Callable

from flask import render_template, request, url_for

from .actions import act, fragment_or_back, refusal_or_back


@dataclass(frozen=True)
class Panel:
    name: str
    template: str
    #: context(event, args) -> the names the template uses (unique across panels)
    context: Callable
    order: int
    #: where the console shows it: "top" (stays in sight while scrolling), "left" or "right"
    column: str = "left"
    #: the kinds of part (PhaseKind values) whose own controls this panel holds: while one runs, the panel
    #: comes first, at the top of the wide column
    parts: tuple[str, ...] = ()


PANELS: dict[str, Panel] = {}


def register(name: str, template: str, order: int, column: str = "left", parts: tuple[str, ...] = ()):
    def decorate(context):
        PANELS[name] = Panel(name, template, context, order, column, parts)
        return context
    return decorate


def ordered() -> list[Panel]:
    return sorted(PANELS.values(), key=lambda panel: panel.order)


def part_kind(event) -> str:
    """The kind of the part that runs now ("" before the first)."""
    return event.current_phase.kind.value if event.current_phase else ""


def now_panel(event) -> str:
    """The panel of the part that runs now ("" when the programme bar is all it needs)."""
    kind = part_kind(event)
    return next((panel.name for panel in ordered() if kind and kind in panel.parts), "")


def arranged(event) -> dict[str, list[Panel]]:
    """The console's columns: the part's own panel first in the wide (left) column, the rest in their order.
    static/js/live.js arranges them the same way when the part changes."""
    now = now_panel(event)
    columns = {"top": [], "left": [], "right": []}
    for panel in ordered():
        columns[panel.column].append(panel)
    if now:
        mine = PANELS[now]
        columns[mine.column].remove(mine)
        columns["left"].insert(0, mine)
    return columns


def page_context(event, args) -> dict:
    """Every panel's names together, for the console page that includes them all."""
    merged = {"event": event}
    for panel in ordered():
        merged.update(panel.context(event, args))
    return merged


def render(name: str, event, args=None, error=None) -> str:
    panel = PANELS[name]
    return render_template(panel.template, event=event, panel_error=error,
                           **panel.context(event, args if args is not None else {}))


def _answering(default: str) -> str:
    """The panel the request came from (its htmx target), else the feature's own."""
    target = (request.headers.get("HX-Target") or "").removeprefix("panel-")
    return target if target in PANELS else default


def change_and_tell(event, change, tell, panel: str):
    """A console button's action: the change, then what the room hears of it (sent after the commit), answered
    with the panel the button sits in."""
    def operation():
        change()
        tell(event)
    return act_on(event, operation, panel)


def act_on(event, operation, panel: str, message=None):
    """The action path for a console button: the answering panel again, or back to the console."""
    name = _answering(panel)
    back = url_for("facilitator.console", event_id=event.id) + f"#panel-{name}"
    return act(operation,
               answer=lambda _: fragment_or_back(lambda: render(name, event, request.args), back, message),
               refused=refusal_or_back(lambda error: render(name, event, request.args, error), back))
