"""Where pages use contacts: ``!contact key`` lines and ``[[contact:key]]`` in sentences.

Read from the sources (their prose, code blanked out), never from rendered pages, so that the
Contacts page's "Used on" lists, the unused-contact note and the checks are right on every build,
``serve --dirty`` included. The same patterns are the Markdown extension's (``extension.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..core import mdtext
from ..core.problems import Problems
from .model import ContactBook
from .phones import numbers_in

# `!contact front-door` on a line of its own (the extension reads a block's lines, dedented).
BLOCK = re.compile(r"^!contact[ \t]+(?P<key>\S+)[ \t]*$")
_BLOCK_LIKE = re.compile(r"^[ \t]*!contact\b(?P<rest>.*)$")
# `[[contact:front-door]]`, `[[contact:front-door:phone]]` within a sentence.
INLINE = r"\[\[contact:(?P<key>[^\]\s:]*)(?::(?P<part>[^\]\s]*))?\]\]"
_INLINE = re.compile(INLINE)
PARTS = ("name", "phone", "email")


@dataclass(frozen=True)
class ContactUse:
    """A use of a contact in a page's text: its line (from 1 in the text), the key, and what
    is wrong with how it is written (``""`` when nothing is)."""

    line: int
    key: str
    written: str
    problem: str = ""


def uses_in(text: str) -> Iterator[ContactUse]:
    """Every ``!contact`` line and ``[[contact:...]]`` in ``text``, outside code."""
    if "contact" not in text:
        return
    for number, line in enumerate(mdtext.prose(text).split("\n"), 1):
        if "contact" not in line:
            continue
        block = _BLOCK_LIKE.match(line)
        if block is not None:
            yield _block_use(number, line.strip(), block.group("rest").split())
        for match in _INLINE.finditer(line):
            part = match.group("part")
            problem = ""
            if not match.group("key"):
                problem = "has no contact key: write it such as [[contact:front-door]]"
            elif part is not None and part not in PARTS:
                problem = (f"asks for '{part}', which is not one of {', '.join(PARTS)}: write it such as "
                           f"[[contact:{match.group('key')}:phone]]")
            yield ContactUse(number, match.group("key"), match.group(0), problem)


def _block_use(number: int, written: str, words: list[str]) -> ContactUse:
    if len(words) == 1:
        return ContactUse(number, words[0], written)
    problem = "is not a contact: write '!contact <key>' on a line of its own, such as '!contact front-door'"
    return ContactUse(number, words[0] if words else "", written, problem)


def check_uses(
    book: ContactBook | None, pages: Iterable[tuple[str, str, str, int]], contacts_file: str
) -> tuple[dict[str, list[str]], Problems]:
    """Which pages use each contact (key -> page uris, in the order given), and every use that
    names no contact or is written wrongly. ``pages``: (uri, shown path, Markdown, line of its
    first line)."""
    used: dict[str, list[str]] = {}
    problems = Problems()
    for uri, shown, text, first_line in pages:
        for use in uses_in(text):
            line = first_line + use.line - 1
            if use.problem:
                problems.add("contact-unknown", shown, line, f"'{use.written}' {use.problem}")
            elif book is None:
                problems.add("contact-unknown", shown, line,
                             f"'{use.written}': the manual has no {contacts_file}: create it beside mkdocs.yml, with this "
                             "contact (see the authoring guide)")
            elif use.key not in book.written:
                problems.add("contact-unknown", shown, line, f"'{use.written}': {book.unknown_message(use.key)}")
            elif uri not in used.setdefault(use.key, []):
                used[use.key].append(uri)
    return used, problems


def unused_notes(book: ContactBook, used: dict[str, list[str]]) -> Problems:
    """A contact no page uses: listed on the Contacts page only. Advice: it may be kept for that."""
    problems = Problems()
    for contact in book.contacts.values():
        if not used.get(contact.key):
            problems.add("contact-unused", book.path, contact.line,
                         f"contact '{contact.key}' ({contact.name}) is used on no page, only listed on the Contacts page: "
                         f"embed it where readers need it with '!contact {contact.key}', or delete it if the service has closed")
    return problems


def typed_numbers(book: ContactBook | None, pages: Iterable[tuple[str, str, str, int]], contacts_file: str) -> Problems:
    """Telephone numbers typed by hand in pages' text. A contact's number is a warning: when it
    changes, the page will not; another number is a note, since it may belong in the contacts."""
    owners = {line.phone.tel: contact for contact in (book.contacts.values() if book else ()) for line in contact.phones}
    problems = Problems()
    for _, shown, text, first_line in pages:
        for found in numbers_in(mdtext.prose(text)):
            line = first_line + found.line - 1
            contact = owners.get(found.phone.tel)
            if contact is not None:
                problems.add("contact-number-typed", shown, line,
                             f"the number {found.written} is typed by hand, and it is the number of '{contact.name}' in "
                             f"{contacts_file}: write '!contact {contact.key}' on a line of its own (or "
                             f"[[contact:{contact.key}]] in a sentence), so that the page changes when the number does")
            else:
                problems.add("phone-number-typed", shown, line,
                             f"the number {found.written} is typed by hand: if it is a service readers call, add the service "
                             f"to {contacts_file} and write '!contact <key>' here, so that the number is kept up to date "
                             "in one place")
    return problems
