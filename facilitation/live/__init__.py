"""Realtime: the socket rooms and every broadcast. Callers commit before they broadcast."""
