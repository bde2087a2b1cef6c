"""What the room hears when the organiser changes the event's look: sent after the commit."""
from ..live.broadcast import stage_changed, swap_to_phones, swap_to_projector


def brand_changed(event) -> None:
    """Open phones and the big screen take the new colours and logo (or lose the logo) without a reload."""
    swap_to_phones(event, "brand", "branding/_brand_push.html")
    swap_to_projector(event, "brand", "branding/_brand_push.html", projector=True)
    stage_changed(event)  # the stage shows the logo
