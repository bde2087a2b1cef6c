"""After the evening: the guests' harvest page, "my evening", the summary and check-in mails with their links."""
