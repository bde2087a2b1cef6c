"""Moderation: posts that must wait for the facilitator, why, and a log of every action."""
