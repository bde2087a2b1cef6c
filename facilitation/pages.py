"""A guest's pages, put together from the parts each feature registers, as the console is from panels.

The dream page shows the guest's seat (tables), deed and rating (programme) and the market's waiting
matches; the table page shows the room's stance question (polls); every guest page shows the part now and
its timer. A page asks for its parts by name; the features that draw them register here at start-up, so a
page never imports the features it shows and the features sit side by side instead of on top of each other.

The pages:

- ``now``: the now bar's timer, on every guest page (the part itself comes with the event);
- ``top``: the top of a full page: ``now`` and the announcements the guest has not dismissed;
- ``phone``: what the dream page shows of the other features;
- ``table``: what a table page (and each of its fragments) shows of the other features, given ``table``.
"""
from collections import defaultdict
from typing import Callable

#: page -> name in the template -> function(event, participant, **page_args)
_PARTS: dict[str, dict[str, Callable]] = defaultdict(dict)
#: pages that include another page's parts
_INCLUDES = {"top": ("now",)}


def register(page: str, **parts: Callable) -> None:
    """Register parts of a page by the names its template uses: ``function(event, participant, **page_args)``."""
    _PARTS[page].update(parts)


def parts(page: str, event, participant, **page_args) -> dict:
    """The names a page's template uses for the other features' parts, each worked out once."""
    found = {}
    for included in (*_INCLUDES.get(page, ()), page):
        found.update({name: function(event, participant, **page_args)
                      for name, function in _PARTS[included].items()})
    return found
