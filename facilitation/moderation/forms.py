"""The facilitator's correction of a waiting post (see facilitation/forms.py)."""
from ..forms import Posted, Text
from .posts import KINDS


class CorrectionForm(Posted):
    """The mended text of a post of any kind (each kind reads its own fields), and the table whose stream the
    facilitator came from, if any."""

    table_id = Text()


for _name in sorted({"text"} | {field.name for kind in KINDS.values() for field in kind.fields}):
    setattr(CorrectionForm, _name, Text())
