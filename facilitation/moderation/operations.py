import secrets

from flask import session
from flask_login import current_user

from ..enums import ModerationActionKind, PostKind
from ..extensions import db
from .models import ModerationAction


def console_name() -> str:
    """Which console acted: the organiser's e-mail, or a short id this browser keeps for the evening."""
    if current_user.is_authenticated:
        return current_user.email
    if "console_id" not in session:
        session["console_id"] = secrets.token_hex(3)
    return f"console {session['console_id']}"


def log_action(event, kind: PostKind, post, action: ModerationActionKind, actor: str) -> ModerationAction:
    entry = ModerationAction(event_id=event.id, post_kind=kind, post_id=post.id, action=action, actor=actor,
                             dream_id=post.id if kind is PostKind.dream else None)
    db.session.add(entry)
    db.session.flush()
    return entry
