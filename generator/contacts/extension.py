"""``!contact key`` and ``[[contact:key]]``: a Python-Markdown extension that puts contacts in pages.

=========================  ==================  ========  =========================================
processor                  kind                priority  why there
=========================  ==================  ========  =========================================
``ContactBlockProcessor``  block processor     75        before paragraphs (10) and headings (70),
                                                         after indented code (80): code stays code
``ContactInlineProcessor`` inline pattern      175       after code spans (190) and escapes (180),
                                                         before links (160), which would read the
                                                         brackets
=========================  ==================  ========  =========================================

A line ``!contact front-door`` becomes a card: the contact's name (a link to its entry on the
Contacts page), what to call it for, each number as a ``tel:`` link with its hours, out of hours,
email as a ``mailto:`` link, web page and address. ``[[contact:front-door]]`` in a sentence
becomes the name and main number; ``[[contact:front-door:phone]]``, ``:email`` and ``:name``
give one of them. Everything is built as ElementTree elements, every text an ``AtomicString``:
no HTML string is spliced in, and the glossary does not link words inside a contact.

The extension does not import MkDocs. The adapter gives it the contacts (``book``), the Contacts
page (``page``), and the page being rendered (``page_uri``); it runs on any Python-Markdown.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

from ..core import mdtext
from ..lineblocks import LineDirectiveProcessor
from .model import Contact, ContactBook
from .usage import BLOCK, INLINE

class ContactExtension(Extension):
    def __init__(self, book: ContactBook | None = None, page: str | None = "contacts.md", **kwargs: Any) -> None:
        self.book = book
        self.page = page  # the Contacts page, as a path in the site; None: there is none to link to
        self.page_uri = ""  # the page being rendered ("statutory/referrals.md")
        self.missing: list[str] = []  # keys not found on the current page, for the adapter to report
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.parser.blockprocessors.register(ContactBlockProcessor(md.parser, self), "procedures_contact", 75)
        md.inlinePatterns.register(ContactInlineProcessor(INLINE, md, self), "procedures_contact", 175)
        md.registerExtension(self)

    def reset(self) -> None:
        self.missing = []

    def find(self, key: str) -> Contact | None:
        contact = self.book.get(key) if self.book is not None else None
        if contact is None:
            self.missing.append(key)  # reported by the plan (the build stops); shown as written meanwhile
        return contact

    def entry_href(self, contact: Contact) -> str | None:
        """The link to a contact's entry on the Contacts page, from the page being rendered."""
        if self.page is None:
            return None
        if self.page_uri == self.page:
            return f"#{contact.key}"
        return f"{mdtext.link_to(self.page, self.page_uri)}#{contact.key}"

    @property
    def on_contacts_page(self) -> bool:
        return self.page is not None and self.page_uri == self.page


class ContactBlockProcessor(LineDirectiveProcessor):
    pattern = BLOCK

    def __init__(self, parser: BlockParser, extension: ContactExtension) -> None:
        super().__init__(parser)
        self.extension = extension

    def element(self, match: re.Match[str]) -> ET.Element | None:
        contact = self.extension.find(match.group("key"))
        return card(contact, self.extension) if contact is not None else None


class ContactInlineProcessor(InlineProcessor):
    def __init__(self, pattern: str, md: Markdown, extension: ContactExtension) -> None:
        super().__init__(pattern, md)
        self.extension = extension

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[ET.Element | str, int, int]:  # type: ignore[override]
        contact = self.extension.find(m.group("key"))
        if contact is None:
            return AtomicString(m.group(0)), m.start(0), m.end(0)
        return mention(contact, m.group("part") or "", self.extension), m.start(0), m.end(0)


# --------------------------------------------------------------------------- the elements


def _add(parent: ET.Element, tag: str, content: str = "", css: str = "", **attributes: str) -> ET.Element:
    """A child element with text (an AtomicString: shown as written) and attributes."""
    element = ET.SubElement(parent, tag, {"class": css, **attributes} if css else attributes)
    if content:
        element.text = AtomicString(content)
    return element


def _name(parent: ET.Element, contact: Contact, href: str | None, tag: str = "a") -> ET.Element:
    if href is None:
        return _add(parent, "span", contact.name, "pm-contact__name-text")
    return _add(parent, tag, contact.name, href=href)


def _phone(parent: ET.Element, shown: str, tel: str) -> ET.Element:
    return _add(parent, "a", shown, "pm-contact__tel", href=tel)


def card(contact: Contact, extension: ContactExtension) -> ET.Element:
    """The card for ``contact``: on the Contacts page its entry, with the name as a heading."""
    root = ET.Element("div", {"class": "pm-contact"})
    if extension.on_contacts_page:
        root.set("class", "pm-contact pm-contact--entry")
        _add(root, "h2", contact.name, id=contact.key)
    else:
        _name(_add(root, "p", css="pm-contact__name"), contact, extension.entry_href(contact))
    if contact.purpose:
        _add(root, "p", contact.purpose, "pm-contact__for")
    ways = _add(root, "dl", css="pm-contact__ways")
    for line in contact.phones:
        _add(ways, "dt", line.label or "Telephone")
        value = _add(ways, "dd")
        link = _phone(value, line.phone.shown, line.phone.tel)
        if line.hours:
            link.tail = AtomicString(" ")
            _add(value, "span", line.hours, "pm-contact__hours")
    _out_of_hours(ways, contact, extension)
    if contact.email:
        _add(ways, "dt", "Email")
        _add(_add(ways, "dd"), "a", contact.email, href=f"mailto:{contact.email}")
    if contact.web:
        _add(ways, "dt", "Web")
        _add(_add(ways, "dd"), "a", contact.web.removeprefix("https://").rstrip("/"), href=contact.web)
    if contact.address:
        _add(ways, "dt", "Address")
        _add(ways, "dd", contact.address)
    return root


def _out_of_hours(ways: ET.Element, contact: Contact, extension: ContactExtension) -> None:
    other = extension.book.get(contact.out_of_hours_key) if extension.book and contact.out_of_hours_key else None
    if other is None and not contact.out_of_hours:
        return
    _add(ways, "dt", "Out of hours")
    value = _add(ways, "dd")
    if other is None:
        value.text = AtomicString(contact.out_of_hours)
        return
    previous = _name(value, other, extension.entry_href(other))
    for number, line in enumerate(other.phones):
        previous.tail = AtomicString(", " if number else ": ")
        previous = _phone(value, line.phone.shown, line.phone.tel)


def mention(contact: Contact, part: str, extension: ContactExtension) -> ET.Element:
    """``[[contact:key]]`` in a sentence: the name and main number (or email); or the name,
    number or email alone (``part``)."""
    root = ET.Element("span", {"class": "pm-contact-inline"})
    main = contact.phones[0].phone if contact.phones else None
    if part == "phone" and main is not None:
        _phone(root, main.shown, main.tel)
        return root
    if part == "email" and contact.email:
        _add(root, "a", contact.email, href=f"mailto:{contact.email}")
        return root
    name = _name(root, contact, extension.entry_href(contact))
    if part == "" and (main is not None or contact.email):
        name.tail = AtomicString(" (")
        if main is not None:
            way = _phone(root, main.shown, main.tel)
        else:
            way = _add(root, "a", contact.email, href=f"mailto:{contact.email}")
        way.tail = AtomicString(")")
    return root


def makeExtension(**kwargs: Any) -> ContactExtension:  # pragma: no cover - Python-Markdown's entry point
    return ContactExtension(**kwargs)
