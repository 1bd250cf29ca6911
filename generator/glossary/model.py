"""glossary.yml: load it with line numbers and check every entry.

Every mistake is a Problem naming the file, the line, the field and the fix. A duplicate term,
alias or acronym (compared without case) names both places.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from markdown.extensions.toc import slugify

from ..core import textfile, yamlsource
from ..core.problems import Problems
from ..core.yamlsource import LocatedDict, LocatedList
from .definition import problems as definition_problems

FIELDS = ("term", "definition", "aliases", "acronym", "see_also", "link", "topics")
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]*[A-Z0-9]$")
# The glossary page's heading over the terms that start with a digit ("0-19 health service"),
# listed before A.
DIGITS = "0\u20139"
# The check (generator/core/checklist.py) of a term with no letter or digit, such as "&" or "—".
NO_LETTERS = "glossary-term-no-letters"


@dataclass
class Term:
    term: str
    definition: str
    aliases: list[str] = field(default_factory=list)
    acronym: str = ""
    see_also: list[str] = field(default_factory=list)
    link: bool = True
    topics: list[str] = field(default_factory=list)
    line: int = 0
    lines: dict[str, int] = field(default_factory=dict)

    @functools.cached_property  # asked for on every match while pages are scanned
    def anchor(self) -> str:
        """A stable anchor: the slug the toc extension gives the term's heading."""
        return slugify(self.term, "-")

    @property
    def group(self) -> str:
        """The heading the term is listed under on the glossary page: its first letter, past any
        quote or bracket before it and without its accent ("‘Honour’" under H, "Émigré" under E),
        or "0–9" for a term that starts with a digit."""
        first = unicodedata.normalize("NFKD", self.term[_start(self.term)])[0]
        return DIGITS if first.isdigit() else first.upper()

    @property
    def sort_key(self) -> tuple:
        """A to Z as readers expect: the 0–9 group first, signs before the first letter passed
        over, accents ignored, and numbers in order ("2 year olds" before "16 plus")."""
        name = unicodedata.normalize("NFKD", self.term[_start(self.term):].casefold())
        name = "".join(char for char in name if not unicodedata.combining(char))
        # re.split with a group alternates text and digits, so the list compares text with text.
        parts = [int(p) if i % 2 else p for i, p in enumerate(re.split(r"(\d+)", name))]
        return (self.group != DIGITS, self.group, parts)

    @property
    def forms(self) -> list[str]:
        """The ordinary forms that link here (matched without case)."""
        return [self.term, *self.aliases]

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)


@dataclass
class Glossary:
    path: str  # relative to the project root, as shown in messages
    terms: list[Term] = field(default_factory=list)

    def by_name(self) -> dict[str, Term]:
        return {t.term.casefold(): t for t in self.terms}


def _start(name: str) -> int:
    """Where the first letter or digit of ``name`` is (every loaded term has one: NO_LETTERS)."""
    return next((i for i, char in enumerate(name) if char.isalnum()), 0)


def letter_anchor(group: str) -> str:
    """The anchor of a group's heading on the glossary page, where the jump list leads."""
    return "letter-" + ("0-9" if group == DIGITS else group.lower())


def _kind(value: object) -> str:
    """What a YAML value is, in words, for messages about a value of the wrong type."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of 'name: value' fields"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return "empty" if value is None else type(value).__name__


def load_glossary(path: Path, shown: str) -> tuple[Glossary | None, Problems]:
    """Read and check ``path``. ``None`` (and no problem) when the file does not exist."""
    problems = Problems()
    if not path.is_file():
        return None, problems
    try:
        text = textfile.read_text(path)
    except textfile.TextFileError as error:
        problems.add("file-unreadable", shown, error.line, error.message)
        return None, problems
    if not text.strip():
        problems.add("glossary-entry", shown, 1, "the glossary is empty: start it with 'terms:' and a list of entries (see the authoring guide)")
        return None, problems
    try:
        data = yamlsource.load(text)
    except yamlsource.YamlError as error:
        problems.add("yaml-syntax", shown, error.line, error.described)
        return None, problems
    if not isinstance(data, dict) or "terms" not in data:
        problems.add("glossary-entry", shown, yamlsource.line_of(data, 1), "the glossary must start with 'terms:' followed by a list of entries")
        return None, problems
    for key in data:
        if key != "terms":
            problems.add("unknown-field", shown, data.line_of(key), f"unknown field '{key}' is ignored; the glossary has only 'terms:'")
    entries = data["terms"]
    if not isinstance(entries, list):
        problems.add("glossary-entry", shown, data.line_of("terms"), "'terms' must be a list of entries, each starting with '- term:'")
        return None, problems
    glossary = Glossary(shown)
    for index, entry in enumerate(entries):
        line = entries.line_of(index) if isinstance(entries, LocatedList) else 1
        term = _term(entry, line, shown, problems)
        if term is not None:
            glossary.terms.append(term)
    _check_duplicates(glossary, problems)
    _check_anchors(glossary, problems)
    _check_see_also(glossary, problems)
    return (None if problems.errors else glossary), problems


def _text_list(value: object) -> list[str] | None:
    if isinstance(value, str):
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        return None
    return [" ".join(v.split()) for v in value]


def _term(entry: object, line: int, shown: str, problems: Problems) -> Term | None:
    if not isinstance(entry, LocatedDict):
        problems.add("glossary-entry", shown, line, "each glossary entry needs 'term:' and 'definition:' (start it with '- term:')")
        return None
    before = len(problems.errors)
    lines = {str(k): v for k, v in entry.lines.items()}
    for key in entry:
        if key not in FIELDS:
            close = difflib.get_close_matches(str(key), FIELDS, n=1)
            hint = f": did you mean '{close[0]}'?" if close else f"; the fields are {', '.join(FIELDS)}"
            problems.add("unknown-field", shown, lines.get(str(key), line), f"unknown field '{key}' is ignored{hint}", field=str(key))
    name = entry.get("term")
    if name is not None and not isinstance(name, str):
        problems.add("glossary-entry",
            shown, lines.get("term", line),
            f"'term' must be one word or phrase such as 'Significant Harm', not {_kind(name)}: write it after 'term:' "
            "without brackets, and put other forms in 'aliases'", field="term",
        )
        return None
    if not isinstance(name, str) or not name.strip():
        problems.add("glossary-entry", shown, lines.get("term", line), "this entry has no 'term': add 'term:' with the word or phrase", field="term")
        return None
    name = " ".join(name.split())
    if not any(char.isalnum() for char in name):
        problems.add(
            NO_LETTERS, shown, lines.get("term", line),
            f"the term '{name}' has no letters or digits: write the word or phrase it stands for, so that it can "
            "be listed A to Z and linked to", field="term",
        )
        return None
    definition = entry.get("definition")
    if definition is not None and not isinstance(definition, str):
        problems.add("glossary-entry",
            shown, lines.get("definition", line),
            f"the definition of '{name}' must be text, not {_kind(definition)}: write one to three sentences after "
            "'definition:', in quotes if they start with [ or { or hold ': ' (or start them on the next line after "
            "'definition: >-')", field="definition",
        )
    elif not isinstance(definition, str) or not definition.strip():
        problems.add("glossary-entry",
            shown, lines.get("definition", line),
            f"the term '{name}' has no definition: add 'definition:' with one to three sentences", field="definition",
        )
    if isinstance(definition, str):
        for message in definition_problems(definition):
            problems.add("glossary-unsafe-markup", shown, lines.get("definition", line), f"the definition of '{name}' {message}", field="definition")
    term = Term(name, definition.strip() if isinstance(definition, str) else "", line=line, lines=lines)
    for key in ("aliases", "see_also", "topics"):
        if key in entry:
            values = _text_list(entry[key])
            if values is None:
                problems.add("glossary-entry", shown, lines.get(key, line), f"'{key}' of '{name}' must be a list such as [first, second]", field=key)
            else:
                setattr(term, key, values)
    if "acronym" in entry:
        acronym = entry["acronym"]
        if not isinstance(acronym, str) or not ACRONYM.match(acronym.strip()):
            problems.add("glossary-entry",
                shown, lines.get("acronym", line),
                f"the acronym of '{name}' must be capital letters such as LADO, not {acronym!r}", field="acronym",
            )
        else:
            term.acronym = acronym.strip()
    if "link" in entry:
        if not isinstance(entry["link"], bool):
            problems.add("glossary-entry", shown, lines.get("link", line), f"'link' of '{name}' must be true or false", field="link")
        else:
            term.link = entry["link"]
    return term if len(problems.errors) == before else None


def _check_duplicates(glossary: Glossary, problems: Problems) -> None:
    seen: dict[str, tuple[str, Term, str]] = {}
    for term in glossary.terms:
        forms = [("term", term.term)] + [("alias", a) for a in term.aliases]
        if term.acronym:
            forms.append(("acronym", term.acronym))
        for kind, form in forms:
            key = form.casefold()
            first = seen.get(key)
            field_name = {"term": "term", "alias": "aliases", "acronym": "acronym"}[kind]
            if first is None:
                seen[key] = (kind, term, field_name)
                continue
            first_kind, first_term, first_field = first
            if first_term is term:
                continue
            problems.add("glossary-duplicate",
                glossary.path, term.line_of(field_name),
                f"the {kind} '{form}' of '{term.term}' is already the {first_kind} of '{first_term.term}' "
                f"(line {first_term.line_of(first_field)}): each term, alias and acronym must be different",
                field=field_name,
            )


def _check_anchors(glossary: Glossary, problems: Problems) -> None:
    """Two entries whose anchors are the same would share one link target on the glossary page:
    different terms with one slug ("Honour Based Abuse", "Honour-Based Abuse"), or a term whose
    slug is a group heading's anchor ("Letter C")."""
    letters: dict[str, Term] = {}  # a group heading's anchor -> the first term under it
    for term in sorted(glossary.terms, key=lambda t: t.sort_key):
        letters.setdefault(letter_anchor(term.group), term)
    anchors: dict[str, Term] = {}
    for term in glossary.terms:
        first = anchors.setdefault(term.anchor, term)
        if first is not term and first.term.casefold() != term.term.casefold():  # same words: a duplicate term
            problems.add("glossary-duplicate",
                glossary.path, term.line_of("term"),
                f"the term '{term.term}' would have the same anchor (#{term.anchor}) on the glossary page as "
                f"'{first.term}' (line {first.line_of('term')}): make them one entry, with the other spelling in its 'aliases'",
                field="term",
            )
        heading = letters.get(term.anchor)
        if heading is not None:
            problems.add("glossary-duplicate",
                glossary.path, term.line_of("term"),
                f"the term '{term.term}' would have the anchor #{term.anchor}, which the glossary page gives to the heading "
                f"{heading.group} (over '{heading.term}', line {heading.line_of('term')}): rename the term",
                field="term",
            )


def _check_see_also(glossary: Glossary, problems: Problems) -> None:
    names = glossary.by_name()
    for term in glossary.terms:
        for other in term.see_also:
            if other.casefold() not in names:
                close = difflib.get_close_matches(other, [t.term for t in glossary.terms], n=1)
                hint = f": did you mean '{close[0]}'?" if close else ": use the 'term' of another entry"
                problems.add("glossary-see-also",
                    glossary.path, term.line_of("see_also"),
                    f"'see_also' of '{term.term}' names '{other}', which is not a term in the glossary{hint}",
                    field="see_also",
                )
