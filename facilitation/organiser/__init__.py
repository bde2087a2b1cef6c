"""The organiser's pages: their events, a new event with its tables and programme, links and poster."""
