"""legislation.yml: the statutory framework, one register of statutes and statutory guidance.

Each entry is a block under its key, checked against one schema (``generator/core/schema.py``)::

    children-act-1989:
      title: Children Act 1989
      kind: act
      year: 1989
      url: https://www.legislation.gov.uk/ukpga/1989/41/contents
      provisions:
        s47:
          title: "Section 47: Local authority's duty to investigate"
          url: https://www.legislation.gov.uk/ukpga/1989/41/section/47

    working-together-2018:
      title: Working Together to Safeguard Children
      kind: guidance
      year: 2018
      also_known_as: [Working Together]
      url: https://www.gov.uk/government/publications/working-together-to-safeguard-children--2
      superseded_by: working-together-2023

Procedures cite an entry or one of its provisions in front matter, by its key or by
``<entry>-<provision>``: ``statutory_basis: [children-act-1989-s47, working-together-2023]``.
When guidance is replaced, an officer adds the new edition and marks the old one
``superseded_by`` it, once; every page that cites the old one, or names it in its text
(``staleness.py``), is then reported for review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.addresses import https_problem
from ..core.problems import Problems
from ..core.schema import Field, ListOf, Record, TextList, Values, did_you_mean, one_of, phrase, text, whole_number
from ..core.yamlfile import read_keyed_file

KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KINDS = {"act": "Acts of Parliament", "regulations": "Regulations", "guidance": "Statutory guidance", "other": "Other"}
STATUSES = ("current", "superseded", "withdrawn")
CURRENT, SUPERSEDED, WITHDRAWN = STATUSES
EXAMPLE = "children-act-1989: {title: Children Act 1989, year: 1989, url: https://www.legislation.gov.uk/ukpga/1989/41}"


@dataclass(frozen=True)
class Provision:
    key: str  # "s47"
    cite: str  # "children-act-1989-s47": how pages cite it
    title: str
    url: str
    summary: str = ""
    line: int = 0


@dataclass
class Entry:
    key: str
    title: str
    year: int
    url: str
    kind: str = "other"
    edition: str = ""  # shown after the title: "September 2025"
    status: str = CURRENT
    superseded_by: str = ""
    also_known_as: tuple[str, ...] = ()
    summary: str = ""
    provisions: tuple[Provision, ...] = ()
    line: int = 0
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)

    @property
    def dated(self) -> bool:
        """An edition of guidance that is named with its year ("Working Together to Safeguard
        Children 2023"), rather than a statute whose year is in its title ("Children Act 1989")."""
        return str(self.year) not in self.title

    @property
    def full_title(self) -> str:
        """The title readers see: "Working Together to Safeguard Children 2023"."""
        return f"{self.title} {self.year}" if self.dated else self.title

    @property
    def names(self) -> tuple[str, ...]:
        return (self.title, *self.also_known_as)


@dataclass
class Register:
    """The entries of legislation.yml by key, and every key pages may cite. ``written``: every
    entry and citation key the file has, those with errors too."""

    path: str
    entries: dict[str, Entry] = field(default_factory=dict)
    written: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)  # every entry key written

    @property
    def cites(self) -> dict[str, tuple[Entry, Provision | None]]:
        out: dict[str, tuple[Entry, Provision | None]] = {}
        for entry in self.entries.values():
            out.setdefault(entry.key, (entry, None))
            for provision in entry.provisions:
                out.setdefault(provision.cite, (entry, provision))
        return out

    def current(self, entry: Entry) -> Entry:
        """The end of ``entry``'s chain of ``superseded_by``: the edition in force (or the last
        one, when that was withdrawn). Loops are refused when the file is read."""
        seen = {entry.key}
        while entry.superseded_by and entry.superseded_by in self.entries and entry.superseded_by not in seen:
            entry = self.entries[entry.superseded_by]
            seen.add(entry.key)
        return entry

    def unknown_message(self, cite: str) -> str:
        keys = sorted(self.written)
        close = did_you_mean(cite, keys)
        entry = next((e for e in self.entries.values() if cite.startswith(e.key + "-")), None)
        if entry is not None and not close:
            provisions = ", ".join(p.cite for p in entry.provisions) or "none yet"
            close = f": {entry.key} has the provisions {provisions} (add the one you need to {self.path})"
        return f"'{cite}' is not an entry or provision of {self.path}{close or ': add it there, or correct the key'}"


# --------------------------------------------------------------------------- loading


def load_register(path: Path, shown: str) -> tuple[Register | None, Problems]:
    """Read and check ``path``. ``None`` (and no problem) when the file does not exist."""
    problems = Problems()
    empty = f"{shown} is empty: list the statutes and guidance, each under its key, such as '{EXAMPLE}' (see the authoring guide)"
    read = read_keyed_file(path, shown, ENTRIES, problems, check="legislation-entry", empty=empty)
    if read is None:
        return None, problems
    register = Register(shown, {entry.key: entry for entry in read.items}, read.keys | _written_provisions(read.data), read.keys)
    _check_chains(register, problems)
    _check_duplicates(register, problems)
    return register, problems


def _written_provisions(data: dict[Any, Any]) -> set[str]:
    """The citation key of every provision the file has, those with errors too."""
    out = set()
    for key, value in data.items():
        provisions = value.get("provisions") if isinstance(value, dict) else None
        if isinstance(provisions, dict):
            out |= {f"{key}-{provision}" for provision in provisions}
    return out


def _url(values: Values) -> None:
    if "url" in values:
        message = https_problem(values["url"])
        if message:
            values.wrong("url", f"'url' {message}")


def _make_provision(values: Values) -> Provision:
    return Provision(values.key, "", values["title"], values.get("url", ""), values.get("summary", ""), values.line)


PROVISION: Record[Provision] = Record(
    (
        Field("title", phrase, required=True, example='title: "Section 47: Local authority\'s duty to investigate"'),
        Field("url", text),
        Field("summary", phrase),
    ),
    make=_make_provision,
    holds="starting with 'title:'",
    rules=_url,
)
PROVISIONS: ListOf[Provision] = ListOf(
    PROVISION, should="a block of provisions, each under its key, such as 's47:'", noun="provision", keyed=True,
    key_example="s47", where=lambda item: f"{item.within}, provision '{item.key}'",
)


def _check_entry(values: Values) -> None:
    """Keys pages can cite; a plausible year; a status that agrees with 'superseded_by'."""
    if values.key and not KEY.match(values.key):
        values.say("title", f"the key '{values.key}' must be lower-case letters, digits and hyphens, such as "
                   "'children-act-1989': it is what pages write in 'statutory_basis'", line=values.line)
    for provision in values.get("provisions", []):
        if not KEY.match(provision.key):
            values.say("provisions", f"{values.where}: the provision key '{provision.key}' must be lower-case letters, digits "
                       "and hyphens, such as 's47'", line=provision.line)
    year = values.get("year")
    if year is not None and not 1200 <= year <= 2100:
        values.wrong("year", f"'year' {year} is not the year of a statute or edition: write it such as 1989")
    _url(values)
    status, replaced = values.get("status"), values.get("superseded_by")
    if status == SUPERSEDED and not replaced:
        values.wrong("status", "is superseded but has no 'superseded_by': add the key of the entry that replaced it, "
                     "such as 'superseded_by: working-together-2023'")
    elif replaced and status in (CURRENT, WITHDRAWN):
        values.wrong("superseded_by", f"has 'superseded_by' but 'status: {status}': write 'status: superseded', or delete "
                     "'superseded_by'")


def _make_entry(values: Values) -> Entry:
    replaced = values.get("superseded_by", "")
    provisions = tuple(
        Provision(p.key, f"{values.key}-{p.key}", p.title, p.url or values["url"], p.summary, p.line)
        for p in values.get("provisions", [])
    )
    return Entry(
        key=values.key, title=values["title"], year=values["year"], url=values["url"], kind=values.get("kind", "other"),
        edition=values.get("edition", ""), status=values.get("status", SUPERSEDED if replaced else CURRENT),
        superseded_by=replaced, also_known_as=tuple(values.get("also_known_as", ())), summary=values.get("summary", ""),
        provisions=provisions, line=values.line, lines=dict(values.lines),
    )


ENTRY: Record[Entry] = Record(
    (
        Field("title", phrase, required=True, example="title: Children Act 1989"),
        Field("year", whole_number, required=True, example="year: 1989", hint="the year of the Act, or of the edition"),
        Field("url", text, required=True, example="url: https://www.legislation.gov.uk/ukpga/1989/41"),
        Field("kind", one_of(*KINDS)),
        Field("edition", phrase),
        Field("status", one_of(*STATUSES)),
        Field("superseded_by", phrase),
        Field("also_known_as", TextList(fold=True)),
        Field("summary", phrase),
        Field("provisions", PROVISIONS),
    ),
    make=_make_entry,
    holds="starting with 'title:', such as 'title: Children Act 1989'",
    rules=_check_entry,
)
ENTRIES: ListOf[Entry] = ListOf(
    ENTRY, should="a block of entries, each under its key, such as 'children-act-1989:'",
    where=lambda item: f"entry '{item.key}'", noun="entry", keyed=True, key_example="children-act-1989",
)


def _check_chains(register: Register, problems: Problems) -> None:
    """Each 'superseded_by' names another entry, and following them never comes back."""
    for entry in register.entries.values():
        target = entry.superseded_by
        if not target:
            continue
        line = entry.line_of("superseded_by")
        if target == entry.key:
            problems.add("legislation-entry", register.path, line,
                         f"entry '{entry.key}': 'superseded_by' names the entry itself: name the entry that replaced it",
                         field="superseded_by")
        elif target not in register.keys:
            hint = did_you_mean(target, sorted(register.entries)) or ": add that entry, or correct the key"
            problems.add("legislation-entry", register.path, line,
                         f"entry '{entry.key}': 'superseded_by' names '{target}', which is not an entry of {register.path}{hint}",
                         field="superseded_by")
        else:
            loop = _loop(register, entry)
            if loop:
                problems.add("legislation-entry", register.path, line,
                             f"entry '{entry.key}': 'superseded_by' goes round in a loop ({' → '.join(loop)}): the newest "
                             "edition must have no 'superseded_by'", field="superseded_by")


def _loop(register: Register, entry: Entry) -> list[str]:
    """The keys of a chain that comes back to ``entry``, or nothing."""
    path, current = [entry.key], entry
    while current.superseded_by in register.entries:
        current = register.entries[current.superseded_by]
        path.append(current.key)
        if current.key == entry.key:
            return path
        if current.key in path[:-1]:
            return []  # a loop further on: reported at its own entries
    return []


def _check_duplicates(register: Register, problems: Problems) -> None:
    """A key pages cite must mean one thing; one edition is one entry."""
    cited: dict[str, str] = {}
    for entry in register.entries.values():
        for cite, line, what in [(entry.key, entry.line, f"entry '{entry.key}'")] + [
            (p.cite, p.line, f"provision '{p.key}' of '{entry.key}'") for p in entry.provisions
        ]:
            first = cited.setdefault(cite, what)
            if first != what:
                problems.add("legislation-duplicate", register.path, line,
                             f"{what} is cited as '{cite}', which is also {first}: rename one of them")
    editions: dict[tuple[str, int], Entry] = {}
    for entry in register.entries.values():
        first_entry = editions.setdefault((" ".join(entry.title.casefold().split()), entry.year), entry)
        if first_entry is not entry:
            problems.add("legislation-duplicate", register.path, entry.line_of("title"),
                         f"entry '{entry.key}' is {entry.full_title}, as entry '{first_entry.key}' is (line "
                         f"{first_entry.line}): keep one entry for each edition", field="title")
