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
from typing import Any

from markdown.extensions.toc import slugify

from ..core import textfile, yamlsource
from ..core.problems import Problems
from ..core.schema import Field, Item, ListOf, Record, Report, TextList, Values, check_fields, entry, phrase, yes_or_no
from ..core.schema import shown as show
from .definition import problems as definition_problems

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
    def sort_key(self) -> tuple[bool, str, list[int | str]]:
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
        problems.add("glossary-entry", shown, 1,
                     "the glossary is empty: start it with 'terms:' and a list of entries (see the authoring guide)")
        return None, problems
    try:
        data = yamlsource.load(text)
    except yamlsource.YamlError as error:
        problems.add("yaml-syntax", shown, error.line, error.described)
        return None, problems
    if not isinstance(data, dict) or "terms" not in data:
        problems.add("glossary-entry", shown, yamlsource.line_of(data, 1),
                     "the glossary must start with 'terms:' followed by a list of entries")
        return None, problems
    report = Report(shown, problems, "glossary-entry")
    terms = check_fields((Field("terms", TERMS),), data, report, line=yamlsource.line_of(data, 1)).get("terms") or []
    glossary = Glossary(shown, list(terms))
    _check_duplicates(glossary, problems)
    _check_anchors(glossary, problems)
    _check_see_also(glossary, problems)
    return (None if problems.errors else glossary), problems


def _term_kind(value: Any, name: str) -> tuple[Any, str | None]:
    if isinstance(value, str) and not value.strip():
        return None, "'term' is empty: write the word or phrase after 'term:'"
    if isinstance(value, str) or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return phrase(value, name)
    return None, (
        f"'term' must be one word or phrase such as 'Significant Harm', not {show(value)}: write it after 'term:' "
        "without brackets, and put other forms in 'aliases'"
    )


def _definition_kind(value: Any, name: str) -> tuple[Any, str | None]:
    if isinstance(value, str) and value.strip():
        return value.strip(), None
    if isinstance(value, str) or value is None:
        return None, "'definition' is empty: write one to three sentences after 'definition:'"
    return None, (
        f"'definition' must be text, not {show(value)}: write one to three sentences after 'definition:', in quotes "
        "if they start with [ or { or hold ': ' (or start them on the next line after 'definition: >-')"
    )


def _acronym_kind(value: Any, name: str) -> tuple[Any, str | None]:
    if isinstance(value, str) and ACRONYM.match(value.strip()):
        return value.strip(), None
    return None, f"'acronym' must be capital letters such as LADO, not {show(value)}"


def _check_term(values: Values) -> None:
    """A term of signs alone cannot be listed A to Z, and a definition is shown as HTML: markup
    that could run script or load something is refused."""
    term = values.get("term")
    if term is not None and not any(char.isalnum() for char in term):
        values.say("term", f"the term '{term}' has no letters or digits: write the word or phrase it stands for, so that it "
                   "can be listed A to Z and linked to", check=NO_LETTERS)
    definition = values.get("definition")
    for message in definition_problems(definition) if definition is not None else []:
        said = (f"the definition of '{values['term']}' {message}" if "term" in values
                else f"{values.where}: the definition {message}")
        values.say("definition", said, check="glossary-unsafe-markup")


def _make_term(values: Values) -> Term:
    return Term(
        values["term"], values["definition"], aliases=values.get("aliases", []), acronym=values.get("acronym", ""),
        see_also=values.get("see_also", []), link=values.get("link", True), topics=values.get("topics", []),
        line=values.line, lines=dict(values.lines),
    )


def _where(item: Item) -> str:
    """A term is named by its 'term' when that is right, else by its place in the list."""
    term, _ = _term_kind(item.value.get("term"), "term") if isinstance(item.value, dict) else (None, None)
    return f"the term '{term}'" if term else entry(item)


TERM: Record[Term] = Record(
    (
        Field("term", _term_kind, required=True, example="term: Significant Harm"),
        Field("definition", _definition_kind, required=True, example="definition: One to three sentences."),
        Field("aliases", TextList(fold=True)),
        Field("acronym", _acronym_kind),
        Field("see_also", TextList(fold=True)),
        Field("link", yes_or_no),
        Field("topics", TextList(fold=True)),
    ),
    make=_make_term,
    holds="starting with 'term:' and 'definition:'",
    rules=_check_term,
)
TERMS: ListOf[Term] = ListOf(TERM, should="a list of entries, each starting with '- term:'", where=_where)


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
