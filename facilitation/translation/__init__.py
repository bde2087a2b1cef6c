"""The translator's link (#30): a bilingual volunteer adds a line in the event's language under a dream written
in another. The wall shows it beneath the original; the themes and the report read it."""
