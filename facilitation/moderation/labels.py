from flask_babel import lazy_gettext as _l

REASONS = {
    "premoderation": _l("pre-moderation: every post waits"),
    "email": _l("contains an e-mail address"),
    "phone": _l("contains a phone number"),
    "iban": _l("contains a bank account number"),
    "address": _l("contains a postcode and house number"),
    "abuse": _l("contains a word from the list of abusive words"),
}
ACTIONS = {"approve": _l("approved"), "hide": _l("hid"), "restore": _l("restored"), "edit": _l("edited")}


def hold_label(reason: str | None) -> str:
    return str(REASONS.get(reason or "", reason or ""))


def action_label(action: str) -> str:
    return str(ACTIONS.get(action, action))
