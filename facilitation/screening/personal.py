"""Personal data in a guest's text: e-mail addresses, phone numbers of any country (phonenumbers), street
addresses in Dutch, Flemish and English forms, IBANs and Dutch citizen service numbers (BSN), each with
its check digits where it has them. They err on the side of letting ordinary sentences through: a year,
an age, a count or a time is no phone number.
"""
import re

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", re.UNICODE)
#: numbers are read as a guest from these countries would write them (an international +xx number from
#: anywhere is found in every one)
REGIONS = ("NL", "BE", "GB", "US", "DE", "FR")
IBAN = re.compile(r"\b([A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?)\b", re.IGNORECASE)
#: 9 digits, also as 1234.56.782 or 123 456 782
BSN = re.compile(r"(?<![\d.,-])(\d{4}[. ]?\d{2}[. ]?\d{3}|\d{3}[. ]\d{3}[. ]\d{3}|\d{8,9})(?![\d,-]|\.\d)")
# Dutch postcode (1234 AB) with a house number before or after it
NL_ADDRESS = re.compile(r"\b[1-9]\d{3}\s?[A-Z]{2}\b(?=.{0,40}\b\d{1,5}\b)|\b\d{1,5}[a-z]?\s*,?\s*[1-9]\d{3}\s?[A-Z]{2}\b")
#: the street words of Dutch and Flemish addresses ("Kerkstraat 12", "Lange Nieuwstraat 5 bus 3")
STREET = (r"straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|dreef|steenweg|lei|baan|hof|pad|plantsoen|"
          r"markt|kaai|vest|wal|burgwal|dwarsstraat|boulevard|park|erf|ring|veld|zijde")
#: a street with a house number, when no unit follows (not "Kerkweg 12 km", "de ring 10 minuten")
NL_STREET = re.compile(
    rf"\b\w{{2,}}(?:{STREET})\s+\d{{1,4}}(?:\s?[a-z]\b|-\d{{1,3}}|\s?bus\s?\d{{1,3}})?\b"
    r"(?!\s*(?:%|procent|jaar|uur|euro|eur|meter|m\b|km|kilometer|keer|x\b|minuten|min\b|mensen|personen|"
    r"deelnemers|bomen|woningen|huizen|stoelen|plaatsen|tafels|kinderen|vrijwilligers|dagen|weken|maanden|"
    r"[.,]\d))", re.IGNORECASE)
# Belgian address: a street with a house number, then a four-digit postcode and a town
BE_ADDRESS = re.compile(rf"\b\w+(?:{STREET})\s+\d{{1,5}}[a-z]?\b.{{0,12}}\b[1-9]\d{{3}}\s+[A-Z]", re.IGNORECASE)
#: English: "221B Baker Street", "10 Downing St", "1600 Pennsylvania Avenue NW"
EN_STREET = re.compile(
    r"\b\d{1,5}[A-Za-z]?,?\s+(?:[A-Z][a-z'’]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|"
    r"Court|Ct|Boulevard|Blvd|Way|Place|Pl|Terrace|Crescent|Square|Sq|Gardens|Grove|Mews|Row|Parade|Hill)\b\.?")
#: a British postcode (SW1A 1AA) or a US ZIP code after a state's two letters (NY 10001)
EN_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b")


def email(text: str) -> bool:
    return bool(EMAIL.search(text))


def phone_number(text: str) -> bool:
    text = IBAN.sub(" ", text)  # the digits of an account number (right or wrong) are no number to call
    for region in REGIONS:
        for match in PhoneNumberMatcher(text, region, leniency=Leniency.VALID):
            number = match.number
            national = phonenumbers.national_significant_number(number)
            if len(national) >= 8 and not _looks_like_a_count(match.raw_string):
                return True
    return False


def _looks_like_a_count(raw: str) -> bool:
    """88.000 inwoners, 17.00-21.00, 1.234.567: thousands and times, not a number to call."""
    return bool(re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+|\d{1,2}[.:]\d{2}\s*-\s*\d{1,2}[.:]\d{2}", raw.strip()))


def iban(text: str) -> bool:
    for match in IBAN.finditer(text):
        compact = match.group(1).replace(" ", "").upper()
        if 15 <= len(compact) <= 34 and _mod97(compact) == 1:
            return True
    return False


def _mod97(iban_code: str) -> int:
    rearranged = iban_code[4:] + iban_code[:4]
    digits = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(digits) % 97


def bsn(text: str) -> bool:
    """A Dutch citizen service number: nine digits that pass the eleven test."""
    for match in BSN.finditer(text):
        digits = re.sub(r"\D", "", match.group(1)).rjust(9, "0")
        if len(digits) == 9 and digits != "000000000" and _eleven_test(digits):
            return True
    return False


def _eleven_test(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0


def address(text: str) -> bool:
    return bool(NL_ADDRESS.search(text) or BE_ADDRESS.search(text) or NL_STREET.search(text)
                or EN_STREET.search(text) or EN_POSTCODE.search(text))
