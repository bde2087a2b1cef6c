"""A new event with everything the features add to it: numbered tables and the default programme.

Kept out of events.create_event so the events package depends on no feature.
"""
from ..events.operations import create_event
from ..programme.operations import add_default_programme
from ..tables.operations import add_numbered_tables


def set_up_event(title: str, *, tables: int = 0, **details):
    """Create the event (Refused for a bad title or language), its `tables` tables and its programme."""
    event = create_event(title, **details)
    if tables:
        add_numbered_tables(event, tables)
    add_default_programme(event)
    return event
