"""Every catalog a guest can choose is complete and keeps what the code fills in (#30).

A missing translation would show an English sentence in the middle of an Arabic page; a lost `%(num)s` would
raise while the page renders; a lost tag would break the markup. These tests read the catalogs as the
translators left them."""
import gettext
import re
from pathlib import Path

import pytest
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from facilitation.config import GUEST_LANGUAGES

CATALOGS = Path(__file__).resolve().parents[1] / "facilitation" / "translations"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%%|\{[a-z_]*\}")
TAG = re.compile(r"</?([a-z]+)[^>]*>")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")


def _entries(language):
    with open(CATALOGS / language / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalog = read_po(handle)
    return catalog, [message for message in catalog if message.id]


def _forms(message):
    return list(message.string) if isinstance(message.id, (list, tuple)) else [message.string]


def _sources(message):
    return list(message.id) if isinstance(message.id, (list, tuple)) else [message.id]


TRANSLATED = [language for language in GUEST_LANGUAGES if language != "en"]


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_is_translated_and_none_is_fuzzy(language):
    catalog, entries = _entries(language)
    assert catalog.num_plurals == get_plural(language).num_plurals
    missing = [message.id for message in entries if not all(_forms(message))]
    fuzzy = [message.id for message in entries if message.fuzzy]
    assert missing == [] and fuzzy == []
    assert len(entries) > 1000  # the whole catalog, not a stub


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_every_placeholder_and_tag(language):
    _, entries = _entries(language)
    broken = []
    for message in entries:
        wanted = set(PLACEHOLDER.findall(" ".join(_sources(message))))
        tags = sorted(TAG.findall(_sources(message)[0]))
        for form in _forms(message):
            got = set(PLACEHOLDER.findall(form))
            # a plural form may leave the number out where the language says it in words ("one dream")
            if not (got <= wanted and (wanted - got) <= {"%(num)s", "%(n)s"}) or sorted(TAG.findall(form)) != tags:
                broken.append((message.id, form))
            if BIDI_CONTROLS.search(form):
                broken.append((message.id, "bidi control character"))
    assert broken == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_plural_form_keeps_its_number(language):
    """Only a form used for exactly one thing may say the number in words ("één droom"); the others show it."""
    catalog, entries = _entries(language)
    form_of = gettext.c2py(catalog.plural_expr)
    only_one = {index for index in range(catalog.num_plurals) if [n for n in range(200) if form_of(n) == index] == [1]}
    lost = []
    for message in entries:
        if not isinstance(message.id, (list, tuple)):
            continue
        number = next((p for p in ("%(num)s", "%(n)s") if p in message.id[1]), None)
        lost += [(message.id[0], index, form) for index, form in enumerate(message.string)
                 if number and number not in form and index not in only_one]
    assert lost == []
