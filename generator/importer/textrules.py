"""Rules on plain text shared by the HTML and plain-text readers.

* the footer that hosted manuals print under every page, ``Last Updated: April 14, 2023`` then
  ``v14``, with the other date forms such sites use (``14 April 2023``, ``14/04/2023``);
* site chrome recognised by its words ("Skip to content", "Print", breadcrumbs ...);
* bullets (``•``) and numbered paragraphs (``1.``, ``1.1``) at the start of a paragraph;
* chapter numbers in titles (``1.2 Referrals``), which our site adds by itself.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable, TypeVar

T = TypeVar("T")

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
DATE_FORMS = [
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}"),  # April 14, 2023
    re.compile(rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"),  # 14 April 2023, 14th of April 2023
    re.compile(r"(?P<day>\d{1,2})[/.\-](?P<mon>\d{1,2})[/.\-](?P<year>\d{4}|\d{2})\b"),  # 14/04/2023 (UK: day first)
    re.compile(r"(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})"),  # 2023-04-14
]
LAST_UPDATED = re.compile(
    r"(?:(?:this\s+)?(?:page|chapter|procedure|section|document)\s+(?:was\s+)?)?"
    r"(?:last\s+(?:updated|reviewed|amended|modified|revised)|updated|date\s+of\s+(?:last\s+)?(?:update|review))"
    r"\s*(?:on)?\s*[:\-–]?\s*",
    re.IGNORECASE,
)
VERSION = re.compile(r"(?<![\w.])(?:v|ver\.?|version)\s*[:.]?\s*(?P<number>\d{1,4})(?![\w.])", re.IGNORECASE)


@dataclass
class FoundDate:
    date: dt.date | None
    text: str  # as written, for messages
    start: int
    end: int
    error: str = ""


def find_date(text: str) -> FoundDate | None:
    """The first date in ``text`` in any of the forms hosted manuals use."""
    best: FoundDate | None = None
    for form in DATE_FORMS:
        match = form.search(text)
        if not match or (best is not None and match.start() >= best.start):
            continue
        found = _to_date(match)
        best = FoundDate(found[0], match.group(0), match.start(), match.end(), found[1])
    return best


def _to_date(match: re.Match[str]) -> tuple[dt.date | None, str]:
    parts = match.groupdict()
    if parts.get("month"):
        month = MONTHS.get(parts["month"].lower())
        if month is None:
            return None, f"'{parts['month']}' is not a month"
    else:
        month = int(parts["mon"])
    year = int(parts["year"])
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, int(parts["day"])), ""
    except ValueError:
        return None, "there is no such date"


def read_stamp(text: str) -> tuple[FoundDate | None, int | None, str]:
    """A "Last updated" date and version in one piece of text, and the text left over."""
    label = LAST_UPDATED.search(text)
    if not label:
        return None, None, text
    found = find_date(text[label.end():])
    if found is None or found.start > 3:
        return None, None, text
    start, end = label.start(), label.end() + found.end
    rest = text[:start] + " " + text[end:]
    version_match = VERSION.search(rest)
    version = int(version_match.group("number")) if version_match else None
    if version_match:
        rest = rest[: version_match.start()] + rest[version_match.end():]
    found = FoundDate(found.date, found.text, start, end, found.error)
    return found, version, rest


def version_only(text: str) -> int | None:
    """A version number when ``text`` is nothing but a version such as ``v14`` or ``Version 14``."""
    match = VERSION.fullmatch(text.strip(" .|-–·"))
    return int(match.group("number")) if match else None


def version_after(lines: Iterable[tuple[T, str]]) -> tuple[int | None, T | None]:
    """The version of the first of ``lines`` that is nothing but a version (the line after a
    stamp), and what came with that line (its block, its index)."""
    for where, line in lines:
        version = version_only(line)
        if version is not None:
            return version, where
    return None, None


def leftover_is_empty(text: str) -> bool:
    return not re.sub(r"[\s|·•,;:./\-–—()\[\]]+", "", text)  # "April 14, 2023 / v14"


# ----------------------------------------------------------------------------- chrome

CHROME_PHRASES = {
    "skip to content", "skip to main content", "skip to the main content", "skip navigation",
    "skip to navigation", "skip to menu", "skip to search", "jump to content", "jump to navigation",
    "print", "print this page", "print page", "print this chapter", "printer friendly version",
    "printable version", "share", "share this page", "share on facebook", "share on twitter", "tweet",
    "email", "email this page", "email a link", "send to a friend", "back to top", "return to top",
    "top of page", "go to top", "top", "accept", "accept cookies", "accept all cookies", "reject cookies",
    "reject all cookies", "cookie settings", "manage cookies", "cookie policy", "menu", "main menu",
    "close", "close menu", "search", "search this site", "toggle navigation", "breadcrumb", "you are here",
    "contents", "on this page", "in this chapter", "show all", "hide all", "previous", "next",
    "previous page", "next page", "javascript is disabled", "bookmark this page", "subscribe",
}
_SEPARATORS = re.compile(r"\s*[|·•/]\s*")
_BREADCRUMB = re.compile(r"^(?:you are here:?\s*)?home\s*(?:[>»›/]|&gt;)\s*\S", re.IGNORECASE)
_COOKIES = re.compile(r"\b(?:we use|this (?:site|website) uses) cookies\b", re.IGNORECASE)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s|·•/]", " ", text.casefold()).split())


def is_chrome_text(text: str) -> bool:
    """True when a whole paragraph is site chrome: "Skip to content", "Print | Share", breadcrumbs."""
    stripped = " ".join(text.split())
    if not stripped:
        return False
    if _BREADCRUMB.match(stripped) or (_COOKIES.search(stripped) and len(stripped) < 400):
        return True
    words = _norm(stripped).split()
    if words and len(stripped) < 120 and (words[-1] == "logo" or words[0] == "logo"):
        return True  # a logo's alt text, left in the page by a text export
    parts = [p for p in _SEPARATORS.split(_norm(stripped)) if p]
    return bool(parts) and all(p in CHROME_PHRASES for p in parts)


# Headings after which an old page listed its own contents: dropped with their list.
CONTENTS_HEADINGS = {"contents", "on this page", "in this chapter", "contents of this chapter", "page contents"}


# ----------------------------------------------------------------------------- lists and titles

BULLETS = "•·▪●■◦○▫□➢►‣⁃–-*"
NESTED_BULLETS = "◦○▫□"
_BULLET = re.compile(rf"^[{re.escape(BULLETS)}]\s+(?=\S)")
_NUMBER = re.compile(r"^(?P<number>\d{1,3}(?:\.\d{1,3})*)(?P<end>[.)])?\s+(?=\S)")


@dataclass(frozen=True)
class Marker:
    """A list marker at the start of a paragraph: a bullet or a paragraph number."""

    kind: str  # "bullet" or "number"
    depth: int  # 1 for "•" or "3.", 2 for "◦" or "3.1", ...
    number: tuple[int, ...]  # (3, 1) for "3.1"; () for bullets
    length: int  # characters to remove from the start of the text


def marker(text: str) -> Marker | None:
    match = _BULLET.match(text)
    if match:
        return Marker("bullet", 2 if text[0] in NESTED_BULLETS else 1, (), match.end())
    match = _NUMBER.match(text)
    if match:
        parts = tuple(int(p) for p in match.group("number").split("."))
        following = text[match.end():match.end() + 1]
        if match.group("end") or (len(parts) > 1 and not following.islower()):
            # "1.1 Write ..." is a numbered paragraph; "1.5 million children ..." is not.
            return Marker("number", len(parts), parts, match.end())
    return None


TITLE_LIMIT = 80


def looks_like_title(text: str) -> bool:
    """A short line that reads as a title: no closing punctuation, a capital after any number
    (``Purpose``, ``2. Scope``, ``1. Child-centred``), never a bullet."""
    text = " ".join(text.split())
    if not text or len(text) > TITLE_LIMIT or text[-1] in ".,;:!?":
        return False
    found = marker(text)
    if found is not None and found.kind == "bullet":
        return False
    words = text[found.length:] if found else text
    return bool(words) and words[0].isalpha() and words[0].isupper()


def is_numbered_title(line: str, following: str) -> bool:
    """``1. Child-centred`` with its text, a sentence and not a list item, on the next line."""
    following = following.strip()
    found = marker(" ".join(line.split()))
    return (
        found is not None and found.kind == "number" and looks_like_title(line)
        and bool(following) and following[0].isupper() and marker(following) is None
    )


_TITLE_NUMBER = re.compile(
    r"^(?:(?:chapter|part|section)\s+\d{1,3}(?:\.\d{1,3})*\.?\s*[:.\-–]\s*|\d{1,3}(?:\.\d{1,3})*\.?\s+)(?=\S)",
    re.IGNORECASE,
)


def strip_title_number(title: str) -> tuple[str, str]:
    """``("Referrals", "1.2")`` for ``"1.2 Referrals"``: our site numbers pages from the nav."""
    match = _TITLE_NUMBER.match(title)
    if not match:
        return title, ""
    return title[match.end():].strip(), match.group(0).strip(" :.-–")


def title_from_html_title(text: str) -> str:
    """``Referrals`` from ``<title>Referrals | Exampleshire Procedures</title>``."""
    for separator in (" | ", " - ", " – ", " — ", " :: "):
        if separator in text:
            return text.split(separator)[0].strip()
    return text.strip()
