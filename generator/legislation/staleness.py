"""Pages that name an edition of guidance that is no longer current, or a statute replaced.

Real manuals cite "Working Together 2015" in chapter titles years after it was replaced. From
the register, each series of editions (entries joined by ``superseded_by``) is known by its
titles and ``also_known_as`` names; a page naming one of them with a year ("Working Together
2018", "Keeping Children Safe in Education (September 2022)") that is not the current edition's
is reported at its line, with the current edition and the fix. A statute whose year is in its
title ("Data Protection Act 1998") is reported when it is superseded or withdrawn. A name
without a year is taken to mean the current edition, and is not reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..core import mdtext
from .model import CURRENT, WITHDRAWN, Entry, Register

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


@dataclass(frozen=True)
class Mention:
    """A name in text that is not the current edition: its line (from 1) and what to say."""

    line: int
    written: str
    message: str


def _words(name: str) -> str:
    """A name as a pattern: its words with any white space between them, any case."""
    return r"\s+".join(re.escape(word) for word in name.split())


class StaleNames:
    """One pattern for every name in the register that can go stale."""

    def __init__(self, register: Register) -> None:
        self.register = register
        self.series: dict[str, Entry] = {}  # a dated name, folded -> the series' current edition
        self.fixed: dict[str, Entry] = {}  # a statute's name (year in it), folded -> that entry
        for entry in register.entries.values():
            latest = register.current(entry)
            for name in entry.names:
                if entry.dated:
                    self.series.setdefault(_fold(name), latest)
                elif entry.status != CURRENT:
                    self.fixed.setdefault(_fold(name), entry)
        dated = sorted(self.series, key=len, reverse=True)
        fixed = sorted(self.fixed, key=len, reverse=True)
        parts = []
        if dated:
            year = r"(?P<year>(?:19|20)\d\d)"
            parts.append(rf"(?P<series>{'|'.join(map(_words, dated))})[ \t]*,?[ \t]*\(?(?:(?:{_MONTHS})[ \t]+)?{year}\)?(?!\d)")
        if fixed:
            parts.append(rf"(?P<fixed>{'|'.join(map(_words, fixed))})(?!\d)")
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE) if parts else None

    def mentions(self, text: str) -> Iterator[Mention]:
        """Every stale name in ``text`` (Markdown: code is passed over), with its line."""
        if self.pattern is None:
            return
        prose = mdtext.prose(text)
        for match in self.pattern.finditer(prose):
            written = " ".join(match.group(0).split())
            message = self._message(match, written)
            if message:
                yield Mention(prose.count("\n", 0, match.start()) + 1, written, message)

    def _message(self, match: re.Match[str], written: str) -> str:
        statute = match.groupdict().get("fixed")
        if statute:
            return self.replaced(self.fixed[_fold(statute)], written)
        latest = self.series[_fold(match.group("series"))]
        year = int(match.group("year"))
        if year == latest.year and latest.status == CURRENT:
            return ""
        if latest.status == WITHDRAWN:
            return (f"'{written}' has been withdrawn ({self.register.path}, line {latest.line}): refer to what replaces it, "
                    "and review the page")
        if year > latest.year:
            return (f"'{written}' is not in {self.register.path}, whose current edition is {latest.full_title} (line "
                    f"{latest.line}): if a newer edition has been published, add it there and mark '{latest.key}' "
                    f"'superseded_by' it; otherwise correct the year")
        return (f"'{written}' is not the current edition: it is {latest.full_title} ({self.register.path}, line "
                f"{latest.line}); name the current edition, or the guidance without a year, and review the page against it")

    def replaced(self, entry: Entry, written: str) -> str:
        latest = self.register.current(entry)
        if latest.status == WITHDRAWN or latest is entry:
            return f"'{written}' has been withdrawn ({self.register.path}, line {entry.line}): review what the page says about it"
        return (f"'{written}' has been replaced by {latest.full_title} ({self.register.path}, line {latest.line}): "
                "name that instead, and review the page against it")


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()
