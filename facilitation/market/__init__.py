"""The market: guests' offers and needs, matched by what they share, sealed with an agreement."""
