"""Short tags an organiser picks or types (roles of guests, rubrics of the market): stored lower-case, so
"Student" and "student" are one tag; shown with a translated label, or as typed with a capital."""

#: an abbreviation such as GGZ, OCMW or CAW keeps its capitals
ABBREVIATION_LENGTH = 6


def stored_tag(typed: str, labels: dict) -> str:
    """The stored form of a typed tag: lower-case unless it is an abbreviation; a default's label typed
    again ("Vrijwilliger", "Volunteer") is that default."""
    typed = " ".join(typed.split())
    if typed.isupper() and len(typed) <= ABBREVIATION_LENGTH and " " not in typed:
        return typed
    for tag, label in labels.items():
        if typed.casefold() in (tag, str(label).casefold()):
            return tag
    return typed.lower()


def tag_label(tag: str | None, labels: dict) -> str:
    if not tag:
        return ""
    label = labels.get(tag)
    return str(label) if label is not None else tag[:1].upper() + tag[1:]
