"""Procedures' ``statutory_basis``: each entry checked against the register, and who rests on what.

A page cites an entry (``working-together-2023``) or one of its provisions
(``children-act-1989-s47``). A key the register does not have is an error, with the nearest key;
a superseded or withdrawn entry is a warning naming the current edition, so that when guidance
changes ``procedures check`` lists every page to review.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..core.problems import Problems
from .model import CURRENT, WITHDRAWN, Entry, Provision, Register


@dataclass(frozen=True)
class Citation:
    entry: Entry
    provision: Provision | None
    line: int


@dataclass
class Citations:
    """What the pages cite: each page's citations, in order, and the pages citing each key."""

    by_page: dict[str, list[Citation]] = field(default_factory=dict)
    resting: dict[str, list[str]] = field(default_factory=dict)  # cite key -> page uris
    problems: Problems = field(default_factory=Problems)


def check_citations(register: Register | None, pages: Iterable[tuple[str, str, list[tuple[str, int]]]], file: str) -> Citations:
    """``pages``: (uri, shown path, the 'statutory_basis' entries with their lines)."""
    out = Citations()
    cites = register.cites if register is not None else {}
    for uri, shown, written in pages:
        seen: dict[str, int] = {}
        for cite, line in written:
            if cite in seen:
                out.problems.add("listed-twice", shown, line,
                                 f"'statutory_basis': '{cite}' is already listed on line {seen[cite]}", field="statutory_basis")
                continue
            seen[cite] = line
            found = cites.get(cite)
            if found is None:
                _unknown(register, cite, shown, line, file, out.problems)
                continue
            entry, provision = found
            out.by_page.setdefault(uri, []).append(Citation(entry, provision, line))
            out.resting.setdefault(cite, []).append(uri)
            if entry.status != CURRENT and register is not None:
                out.problems.add("legislation-superseded", shown, line, _superseded(register, entry, provision, cite),
                                 field="statutory_basis")
    return out


def _unknown(register: Register | None, cite: str, shown: str, line: int, file: str, problems: Problems) -> None:
    if register is None:
        message = f"'statutory_basis': '{cite}': the manual has no {file}: create it beside mkdocs.yml (see the authoring guide)"
    elif cite in register.written:
        return  # an entry with errors of its own, reported in the register
    else:
        message = f"'statutory_basis': {register.unknown_message(cite)}"
    problems.add("statutory-basis-unknown", shown, line, message, field="statutory_basis")


def _superseded(register: Register, entry: Entry, provision: Provision | None, cite: str) -> str:
    latest = register.current(entry)
    if latest.status == WITHDRAWN or latest is entry:
        return (f"'statutory_basis': '{cite}' cites {entry.full_title}, which has been withdrawn ({register.path}, line "
                f"{entry.line}): review the page, and cite what it now rests on")
    same = next((p for p in latest.provisions if provision is not None and p.key == provision.key), None)
    instead = same.cite if same is not None else latest.key
    return (f"'statutory_basis': '{cite}' cites {entry.full_title}, which {latest.full_title} has replaced ({register.path}, "
            f"line {latest.line}): review the page against it, then cite '{instead}'")
