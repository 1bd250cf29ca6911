"""UK telephone numbers: checked with Google's libphonenumber (``phonenumbers``), shown in one format.

A number in contacts.yml may be written as officers write it (``020 7946 0000``, ``02079460000``,
``+44 (0)20 7946 0000``); it is shown in the national format, ``020 7946 0000``, and called by a
``tel:+442079460000`` link. Short numbers that work anywhere in the UK (999, 101, 111, 116 123)
are accepted too. A number with letters (``0800 FLOWERS``), a number of another country and one
that cannot be dialled are refused, each with its reason.

``numbers_in`` finds numbers typed by hand in a page's text, so that the checks can say "use the
contact instead".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, shortnumberinfo

REGION = "GB"
# +44 numbers: Great Britain and Northern Ireland, and the Crown Dependencies.
_UK_REGIONS = {"GB", "GG", "JE", "IM"}
_WRITTEN = re.compile(r"^[0-9 +()\-.]+$")
_LETTER = re.compile(r"[^\W\d_]")
EXAMPLE = "020 7946 0000"


@dataclass(frozen=True)
class Phone:
    """A checked number: as readers see it, and the address that calls it."""

    shown: str  # "020 7946 0000"
    tel: str  # "tel:+442079460000"
    short: bool = False  # 999, 116 123: dialled as they are, from anywhere in the UK


def parse_uk(value: Any) -> tuple[Phone | None, str | None]:
    """The number ``value`` (text, as written in contacts.yml), or why it cannot be used."""
    if isinstance(value, int) and not isinstance(value, bool):
        if len(str(value)) > 6:  # YAML read the digits as a number: a leading 0 is lost, and 0 to 7 may be octal
            return None, (f"{value} was read as a whole number, so a leading 0 is lost: write the number with its spaces, "
                          f"such as {EXAMPLE}")
        value = str(value)  # a short number: 999, 101
    if not isinstance(value, str) or not value.strip():
        return None, f"must be a telephone number such as {EXAMPLE}, not {_shown(value)}"
    written = " ".join(value.split())
    if _LETTER.search(written):
        return None, f"'{written}' has letters in it: write the number in digits only, such as {EXAMPLE}"
    if not _WRITTEN.match(written):
        return None, f"'{written}' is not a telephone number: use digits and spaces only, such as {EXAMPLE}"
    try:
        number = phonenumbers.parse(written, REGION)
    except NumberParseException:
        return None, f"'{written}' is not a telephone number: write it such as {EXAMPLE}"
    if number.country_code != 44:
        return None, f"'{written}' is not a UK number (it dials country code +{number.country_code}): give a UK number"
    if phonenumbers.is_valid_number(number) and phonenumbers.region_code_for_number(number) in _UK_REGIONS:
        shown = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
        return Phone(shown, "tel:" + phonenumbers.format_number(number, PhoneNumberFormat.E164)), None
    digits = phonenumbers.national_significant_number(number)
    if not written.startswith("+") and shortnumberinfo.is_valid_short_number_for_region(number, REGION):
        return Phone(_short(digits), f"tel:{digits}", short=True), None
    return None, (
        f"'{written}' is not a valid UK number: check the digits (a UK number has 10 or 11 digits and starts "
        f"with 0, such as {EXAMPLE}; or it is a short number such as 999 or 116 123)"
    )


def _short(digits: str) -> str:
    """A short number as it is written: 999, 101, 116 123."""
    return f"{digits[:3]} {digits[3:]}" if len(digits) == 6 else digits


def _shown(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a block of fields"
    return repr(value) if isinstance(value, str) else str(value)


# A run that may be a UK number: +44 or 0, then digits with single spaces, hyphens or brackets
# between them. phonenumbers decides whether it is one.
_CANDIDATE = re.compile(r"(?<![\w+])(?:\+44[ ]?(?:\(0\)[ ]?)?|\(0|0)\d(?:[ \-]?\)?[ ]?\d){8,10}(?![\w])")


@dataclass(frozen=True)
class FoundNumber:
    """A number typed in text: where (its line, from 1), as written, and in its checked form."""

    line: int
    written: str
    phone: Phone


def numbers_in(text: str) -> Iterator[FoundNumber]:
    """Every valid UK number written in ``text`` (short numbers such as 999 are not looked for:
    they are not stale, and "call 999" is right on every page)."""
    if not any(char.isdigit() for char in text):
        return
    line, position = 1, 0
    for match in _CANDIDATE.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        written = match.group(0)
        written = written[1:] if written.startswith("(") and ")" not in written else written  # "(ring 0113 ...)"
        phone, _ = parse_uk(written)
        if phone is not None and not phone.short:
            yield FoundNumber(line, written, phone)
