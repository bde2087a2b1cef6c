"""The detectors that hold a post: true and false positives in Dutch and English."""
import pytest

from facilitation.screening import hold_reason


@pytest.mark.parametrize("text, reason", [
    ("Bel me op 06-12345678 voor koffie", "phone"),
    ("mijn nummer is 06 1234 5678", "phone"),
    ("call +31 6 12345678 tomorrow", "phone"),
    ("Belgisch: +32 470 12 34 56", "phone"),
    ("vast nummer 010-1234567", "phone"),
    ("mail naar anita@sociom.nl", "email"),
    ("write to j.rovers+event@example.org please", "email"),
    ("stort op NL91 ABNA 0417 1643 00", "iban"),
    ("IBAN BE71096123456769", "iban"),
    ("ik woon op 5831 AB 12", "address"),
    ("Dorpsstraat 12, 5831 AB Boxmeer", "address"),
    ("Kerkstraat 12, 3900 Overpelt", "address"),
    ("wat een klootzak is dat", "abuse"),
    ("fuck you, facilitator", "abuse"),
    ("Wat een KANKER idee", "abuse"),
])
def test_held(text, reason):
    assert hold_reason(text) == reason


@pytest.mark.parametrize("text", [
    "In 2025 wil ik dat iedereen meedoet",
    "Ik werk hier al 10 jaar als vrijwilliger",
    "Samen zijn we sterker",
    "We hebben 250 vrijwilligers en 69 medewerkers",
    "Van 17.00 tot 21.00 uur in de schouwburg",
    "Meer dan 88.000 inwoners in 5 gemeenten",
    "Room 1234 on floor 2",
    "Mensen zien zoals ze zijn, dat verrast altijd.",
    "NL is een mooi land en 12 34 is geen rekening",
    "Ik droom van een buurt waar iedereen elkaar groet @ de markt",
    "A classic: scunthorpe and dickens are fine",
    "this is fucking great",  # swearing at no one (issue 28)
])
def test_not_held(text):
    assert hold_reason(text) is None
