"""The one exception operations raise when a person asked for something the rules refuse."""


class Refused(Exception):
    """A friendly refusal; `message` is already translated (or lazily translatable).

    `status` is the HTTP status a view answers with: 422 for bad input,
    409 for a state that forbids it (a closed wall), 403 for missing rights.
    `fields` names the form fields that need a change, each with its own message, for a form that
    shows the message next to the field.
    """

    def __init__(self, message, status: int = 422, fields: dict | None = None):
        super().__init__(str(message))
        self.message = message
        self.status = status
        self.fields = fields or {}
