"""The action path: every request that changes something goes through `act`.

Run the operation. When a rule refuses it, roll back everything it did, drop the pushes it queued and
answer with the refusal (its message and status). Otherwise commit once, then send the queued pushes,
then answer. Routes never commit or emit by hand (tests/test_architecture.py checks this).
"""
from flask import flash, make_response, redirect

from .errors import Refused
from .extensions import db, htmx
from .live import transport


def act(operation, answer, refused):
    """`answer(result)` and `refused(error)` build the response; a refusal keeps its status."""
    try:
        result = operation()
    except Refused as error:
        _undo()
        response = make_response(refused(error))
        if response.status_code == 200:
            response.status_code = error.status
        return response
    except BaseException:
        _undo()
        raise
    try:
        db.session.commit()
    except BaseException:
        _undo()
        raise
    transport.send_queued()
    return make_response(answer(result))


def record(operation):
    """The action path for a socket handler's small write, which has no response to build: commit once, then
    send what was queued; roll everything back when it fails."""
    try:
        result = operation()
        db.session.commit()
    except BaseException:
        _undo()
        raise
    transport.send_queued()
    return result


def _undo() -> None:
    db.session.rollback()
    transport.discard_queued()


def fragment_or_back(fragment, back: str, message=None):
    """The usual answer: an htmx request gets `fragment()`, a plain form goes back to `back`.

    Pages whose forms are plain (no htmx) pass `fragment=None`.
    """
    if htmx and fragment is not None:
        return fragment()
    if message:
        flash(message)
    return redirect(back)


def refusal_or_back(fragment, back: str):
    """The usual refusal: htmx gets `fragment(error_message)`; a plain form goes back with the message."""
    def answer(error: Refused):
        if htmx and fragment is not None:
            return fragment(error.message)
        flash(error.message, "error")
        return redirect(back)
    return answer
