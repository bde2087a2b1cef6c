"""Organiser accounts: the people who set up events before the evening and report after it."""
