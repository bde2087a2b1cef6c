"""A new event with everything the features add to it: numbered tables and the default programme.

Kept out of events.create_event so the events package depends on no feature.
"""
from ..branding.operations import copy_brand
from ..events.operations import copy_settings, create_event, name_series
from ..programme.operations import add_default_programme, copy_programme
from ..tables.operations import add_numbered_tables, copy_tables


def set_up_event(title: str, *, tables: int = 0, **details):
    """Create the event (Refused for a bad title or language), its `tables` tables and its programme."""
    event = create_event(title, **details)
    if tables:
        add_numbered_tables(event, tables)
    add_default_programme(event)
    return event


def duplicate_event(source, title: str, starts_on=None):
    """The start of the next evening: the set-up of `source` (tables and dilemmas, roles, programme, market
    rubrics, branding, moderation words, check-in) and none of its guests' data. Both end up in one series."""
    event = create_event(title, language=source.language, starts_on=starts_on, venue=source.venue,
                         role_tags=list(source.role_tags), organiser=source.organiser)
    if source.series is None and source.organiser is not None:
        source.series = name_series(source.organiser, source.title)
    copy_settings(source, event)
    event.series = source.series
    copy_tables(source, event)
    copy_programme(source, event)
    copy_brand(source, event)
    return event
