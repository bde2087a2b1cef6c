"""The links in a guest's mails: signed with the server key, so they open only that guest's check-in."""
from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from ..events.models import Participant
from ..extensions import db
from ..util import public_url

SALT = "follow-up"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def token_for(participant, language: str = "") -> str:
    """The guest and the language of their mails, so the page a link opens speaks it too."""
    return _serializer().dumps([participant.id, language])


def participant_for(token: str) -> tuple[Participant | None, str]:
    """The guest of a link and their language; None for a link we never made, or of an event that was deleted."""
    try:
        participant_id, language = _serializer().loads(token)
    except (BadSignature, TypeError, ValueError):
        return None, ""
    if not isinstance(participant_id, int) or not isinstance(language, str):
        return None, ""
    return db.session.get(Participant, participant_id), language


def mail_links(participant, language: str) -> dict:
    token = token_for(participant, language)
    return {"checkin": public_url("followup.checkin", token=token),
            "answers": {answer: public_url("followup.checkin", token=token, answer=answer)
                        for answer in ("done", "started", "not_yet", "dropped")},
            "stop": public_url("followup.stop", token=token),
            "harvest": public_url("followup.harvest", code=participant.event.join_code)}
