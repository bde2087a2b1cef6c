"""The addresses of an event, for screens, posters and the command line."""
from ..util import public_url


def event_links(event) -> dict:
    """The addresses of an event, as phones and other laptops reach them."""
    return {
        "event_id": event.id,
        "join_code": event.join_code,
        "join_url": public_url("events.join", code=event.join_code),
        "facilitator_url": public_url("events.facilitator_link", event_id=event.id,
                                      token=event.link_token("facilitator")),
        "projector_url": public_url("projector.link", event_id=event.id, token=event.link_token("projector")),
        "translator_url": public_url("translation.link", event_id=event.id, token=event.link_token("translator")),
    }
