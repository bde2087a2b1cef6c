"""Questions to the room: quick polls, stances on the dilemmas before and after a round, questions for the
speakers with votes."""
