"""Room names. Only the server puts a socket in a room (see handlers.on_connect)."""


def participants(event_id: int, language: str) -> str:
    # phones get fragments rendered in their own language
    return f"event:{event_id}:participants:{language}"


def participant(participant_id: int) -> str:
    return f"participant:{participant_id}"


def table(event_id: int, table_id: int) -> str:
    # only the people seated at the table in the current round
    return f"event:{event_id}:table:{table_id}"


def projector(event_id: int) -> str:
    return f"event:{event_id}:projector"


def facilitators(event_id: int) -> str:
    return f"event:{event_id}:facilitators"


def all_participants(event_id: int, languages) -> list[str]:
    return [participants(event_id, lang) for lang in languages]
