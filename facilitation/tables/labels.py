from flask_babel import lazy_gettext as _l

KIND_LABELS = {"idea": _l("Idea"), "advice": _l("Advice"), "question": _l("Question")}


def kind_label(kind) -> str:
    value = getattr(kind, "value", kind)
    return str(KIND_LABELS.get(value, value))
