"""The facilitator's console: the live wall, counts and moderation, run from a laptop."""
