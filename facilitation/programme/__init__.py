"""The programme of the evening: phases, the countdown timer and announcements."""
