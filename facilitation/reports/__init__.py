"""The report of the evening: its content, themes, charts, the preview the organiser edits, every download."""
