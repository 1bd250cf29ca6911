"""contacts.yml: every service the manual tells readers to call, written once.

Each contact is a block under its key, checked against one schema (``generator/core/schema.py``)
with the line of every field::

    front-door:
      name: Children's Services Front Door
      for: Any worry about a child's safety or welfare
      phones:
        - number: 020 7946 0000
          hours: Monday to Friday, 9am to 5pm
      out_of_hours: emergency-duty-team     # another contact, or a sentence
      email: frontdoor@example.org.uk
      web: https://www.example.org.uk/front-door
      address: County Hall, Exampletown EX1 1AA
      owner: Children's Social Care
      review_due: 2027-05-01

Pages embed a contact with ``!contact front-door`` on a line of its own, or within a sentence
with ``[[contact:front-door]]`` (``generator/contacts/extension.py``). Numbers must be valid UK
numbers (``phones.py``), and are shown in one format; addresses must be whole ``https`` ones.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.addresses import email_problem, https_problem
from ..core.frontmatter import FrontMatter
from ..core.problems import Problems
from ..core.schema import Field, Item, ListOf, Record, Values, date, did_you_mean, phrase, text
from ..core.yamlfile import read_keyed_file
from .phones import Phone, parse_uk

KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EXAMPLE = "front-door: {name: Children's Services Front Door, phones: [{number: 020 7946 0000}]}"


@dataclass(frozen=True)
class PhoneLine:
    """One number of a contact, with when it is answered."""

    phone: Phone
    hours: str = ""
    label: str = ""  # "Professionals' line"


@dataclass
class Contact:
    key: str
    name: str
    purpose: str = ""  # 'for': what to call it for
    phones: tuple[PhoneLine, ...] = ()
    out_of_hours: str = ""  # a sentence, when it is not another contact
    out_of_hours_key: str = ""  # another contact, when it is one
    email: str = ""
    web: str = ""
    address: str = ""
    owner: str = ""
    review_due: dt.date | None = None
    line: int = 0
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)

    @property
    def sort_key(self) -> tuple[str, str]:
        """A to Z by name, as readers look for it ("The" is not passed over: names are as written)."""
        return (self.name.casefold(), self.key)

    @property
    def letter(self) -> str:
        first = next((char for char in self.name if char.isalnum()), "#")
        return "0\u20139" if first.isdigit() else first.upper()

    def review_meta(self, path: str) -> FrontMatter:
        """The contact as a reviewable source (``generator/review``): its name, owner and date."""
        return FrontMatter(path=path, title=self.name, owner=self.owner, review_due=self.review_due,
                           lines=dict(self.lines), line=self.line)


@dataclass
class ContactBook:
    """The contacts of contacts.yml by key. ``written``: every key the file has, those with
    errors too, so that a page naming one is not reported as well."""

    path: str
    contacts: dict[str, Contact] = field(default_factory=dict)
    written: set[str] = field(default_factory=set)

    def get(self, key: str) -> Contact | None:
        return self.contacts.get(key)

    def sorted(self) -> list[Contact]:
        return sorted(self.contacts.values(), key=lambda c: c.sort_key)

    def unknown_message(self, key: str) -> str:
        """Why ``key`` is not a contact, with the nearest key."""
        keys = sorted(self.written)
        hint = did_you_mean(key, keys) or (f": the contacts are {', '.join(keys)}" if keys else f": {self.path} has no contacts")
        return f"there is no contact '{key}' in {self.path}{hint}"


# --------------------------------------------------------------------------- loading


def load_contacts(path: Path, shown: str) -> tuple[ContactBook | None, Problems]:
    """Read and check ``path``. ``None`` (and no problem) when the file does not exist."""
    problems = Problems()
    empty = f"{shown} is empty: list the contacts, each under its key, such as '{EXAMPLE}' (see the authoring guide)"
    read = read_keyed_file(path, shown, CONTACTS, problems, check="contact-entry", empty=empty)
    if read is None:
        return None, problems
    book = ContactBook(shown, {contact.key: contact for contact in read.items}, read.keys)
    _check_out_of_hours(book, problems)
    _check_names(book, problems)
    return book, problems


def _number_kind(value: Any, name: str) -> tuple[Any, str | None]:
    return value, None  # checked by _check_number, which reports it as contact-phone


def _check_number(values: Values) -> None:
    if "number" not in values:
        return
    phone, message = parse_uk(values["number"])
    if message is not None:
        values.wrong("number", f"'number' {message}", check="contact-phone")
    else:
        values.values["number"] = phone


PHONE: Record[PhoneLine] = Record(
    (
        Field("number", _number_kind, required=True, example="number: 020 7946 0000"),
        Field("hours", phrase),
        Field("label", phrase),
    ),
    make=lambda v: PhoneLine(v["number"], v.get("hours", ""), v.get("label", "")),
    holds="such as '{number: 020 7946 0000, hours: Monday to Friday, 9am to 5pm}'",
    rules=_check_number,
)


def _phone_where(item: Item) -> str:
    return f"{item.within}, 'phones' entry {item.number}"


PHONES: ListOf[PhoneLine] = ListOf(PHONE, should="a list of numbers, each starting with '- number:'", where=_phone_where,
                                   noun="number")


def _check_contact(values: Values) -> None:
    """A key readers can type; an email and a web address that work; some way to reach it."""
    if values.key and not KEY.match(values.key):
        values.say("name", f"the contact key '{values.key}' must be lower-case letters, digits and hyphens, such as "
                   "'front-door': it is what pages write after '!contact'", line=values.line)
    for name, problem in (("email", email_problem), ("web", https_problem)):
        if name in values:
            message = problem(values[name])
            if message:
                values.wrong(name, f"'{name}' {message}", check="contact-address")
    reachable = any(name in values.raw for name in ("phones", "email", "web", "out_of_hours"))
    if not reachable:
        values.say("name", f"{values.where} has no way to reach it: add 'phones' (a list of numbers), 'email', 'web' or "
                   "'out_of_hours'", line=values.line)


def _make_contact(values: Values) -> Contact:
    return Contact(
        key=values.key, name=values["name"], purpose=values.get("for", ""), phones=tuple(values.get("phones", ())),
        out_of_hours=values.get("out_of_hours", ""), email=values.get("email", ""), web=values.get("web", ""),
        address=values.get("address", ""), owner=values.get("owner", ""), review_due=values.get("review_due"),
        line=values.line, lines=dict(values.lines),
    )


CONTACT: Record[Contact] = Record(
    (
        Field("name", phrase, required=True, example="name: Children's Services Front Door"),
        Field("for", phrase),
        Field("phones", PHONES),
        Field("out_of_hours", phrase),
        Field("email", text),
        Field("web", text),
        Field("address", phrase),
        Field("owner", phrase),
        Field("review_due", date),
    ),
    make=_make_contact,
    holds="starting with 'name:', such as 'name: Children's Services Front Door'",
    rules=_check_contact,
)
CONTACTS: ListOf[Contact] = ListOf(
    CONTACT, should="a block of contacts, each under its key, such as 'front-door:'", where=lambda item: f"contact '{item.key}'",
    noun="contact", keyed=True, key_example="front-door",
)


def _check_out_of_hours(book: ContactBook, problems: Problems) -> None:
    """``out_of_hours`` names another contact (by its key) or says what to do in a sentence; a
    word that looks like a key but is none is a mistake."""
    for contact in book.contacts.values():
        written = contact.out_of_hours
        if not written:
            continue
        line = contact.line_of("out_of_hours")
        if written == contact.key:
            problems.add("contact-entry", book.path, line,
                         f"contact '{contact.key}': 'out_of_hours' names the contact itself: name the service that answers "
                         "out of hours, such as emergency-duty-team", field="out_of_hours")
        elif written in book.written:
            contact.out_of_hours_key, contact.out_of_hours = written, ""
        elif KEY.match(written) and "-" in written:
            problems.add("contact-unknown", book.path, line,
                         f"contact '{contact.key}': 'out_of_hours': {book.unknown_message(written)}", field="out_of_hours")


def _check_names(book: ContactBook, problems: Problems) -> None:
    """Two contacts of one name cannot be told apart on the Contacts page or in search."""
    seen: dict[str, Contact] = {}
    for contact in book.contacts.values():
        first = seen.setdefault(" ".join(contact.name.casefold().split()), contact)
        if first is not contact:
            problems.add("contact-duplicate", book.path, contact.line_of("name"),
                         f"contact '{contact.key}' has the name '{contact.name}', as contact '{first.key}' has (line "
                         f"{first.line_of('name')}): make them one contact, or give each a name that tells them apart",
                         field="name")
