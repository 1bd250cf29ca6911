"""The manual as data: every procedure page in every content folder, parsed and validated.

``load_manual`` reads the content folders (``statutory/``, ``supplementary/`` by default, or
whatever the partnership configures), validates each page's front matter and returns a
``Manual``. It knows nothing of MkDocs: the plugin, the command line and the benchmarks share it.

Parsing is cached per file, keyed on modification time and size, so that ``mkdocs serve``
re-reads only the pages an officer changed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from . import frontmatter, mdtext, textfile
from .files import source_files
from .frontmatter import PROCEDURE_FIELDS, FrontMatter
from .problems import Problem, Problems
from .schema import Field


@dataclass(frozen=True)
class Section:
    """A content folder and the label readers see for it."""

    folder: str  # relative to the project root, POSIX, e.g. "statutory"
    label: str


@dataclass
class SourcePage:
    uri: str  # "statutory/referrals.md": where the page lives in the site's source tree
    abs_path: Path
    section: Section
    meta: FrontMatter
    body: str
    body_line: int

    @property
    def status(self) -> str:
        return self.meta.status

    @property
    def title(self) -> str:
        return self.meta.title


@dataclass
class _ParsedPage:
    stamp: tuple[int, int]
    meta: FrontMatter | None
    body: str
    body_line: int
    problems: list[Problem]


class ParseCache:
    """Parsed pages kept across ``serve`` rebuilds, invalidated by mtime and size.

    ``today`` is part of the key because "in the future" depends on it.
    """

    def __init__(self) -> None:
        self._entries: dict[tuple[str, dt.date, tuple[str, ...]], _ParsedPage] = {}
        self.hits = 0
        self.misses = 0

    def parse(self, path: Path, rel: str, today: dt.date, fields: Sequence[Field]) -> _ParsedPage:
        stamp = textfile.stamp(path)
        key = (str(path), today, tuple(f.name for f in fields))
        entry = self._entries.get(key)
        if entry is not None and entry.stamp == stamp:
            self.hits += 1
            return entry
        self.misses += 1
        entry = _parse_file(path, rel, stamp, today, fields)
        self._entries[key] = entry
        return entry


def _parse_file(path: Path, rel: str, stamp: tuple[int, int], today: dt.date, fields: Sequence[Field]) -> _ParsedPage:
    problems = Problems()
    try:
        text = textfile.read_text(path)
    except textfile.TextFileError as error:
        problems.add("file-unreadable", rel, error.line, error.message)
        return _ParsedPage(stamp, None, "", 1, list(problems))
    meta, parts = frontmatter.parse_page(text, rel, problems, today=today, fields=fields)
    body, body_line = (parts.body, parts.body_line) if parts else ("", 1)
    for line in mdtext.h1_lines(body, body_line):
        problems.add("heading-top-level",
            rel, line,
            "a top-level heading ('# ...') below the page's title: a page has one title, shown with its number and "
            "version stamp, and its other headings start at '## '; make this heading '## ...'",
        )
    return _ParsedPage(stamp, meta, body, body_line, list(problems))


@dataclass
class Manual:
    root: Path
    sections: list[Section]
    pages: dict[str, SourcePage] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)
    files: list[str] = field(default_factory=list)  # every source file seen, parsed or not

    def in_section(self, section: Section, *, statuses: Iterable[str] = ("published",)) -> list[SourcePage]:
        wanted = set(statuses)
        return [p for p in self.pages.values() if p.section == section and p.status in wanted]

    def with_status(self, *statuses: str) -> list[SourcePage]:
        return [p for p in self.pages.values() if p.status in statuses]


def discover(root: Path, section: Section) -> list[Path]:
    """The Markdown files of a content folder, sorted, following the folder tree."""
    return source_files(root / section.folder)


def load_manual(
    root: Path,
    sections: Sequence[Section],
    *,
    today: dt.date,
    cache: ParseCache | None = None,
    fields: Sequence[Field] = PROCEDURE_FIELDS,
) -> Manual:
    """Read and validate every page of every content folder. Never raises for bad input."""
    cache = cache or ParseCache()
    manual = Manual(root=root, sections=list(sections))
    for section in sections:
        folder = root / section.folder
        if not folder.is_dir():
            manual.problems.add("content-folder",
                section.folder, 0,
                f"the content folder '{section.folder}' does not exist: create it, or correct 'sections' "
                "in the procedures plugin options in mkdocs.yml",
            )
            continue
        for path in discover(root, section):
            rel = path.relative_to(root).as_posix()
            manual.files.append(rel)
            parsed = cache.parse(path, rel, today, fields)
            manual.problems.extend(parsed.problems)
            if parsed.meta is not None:
                manual.pages[rel] = SourcePage(rel, path, section, parsed.meta, parsed.body, parsed.body_line)
    _check_duplicate_titles(manual)
    return manual


def _check_duplicate_titles(manual: Manual) -> None:
    for section in manual.sections:
        seen: dict[str, SourcePage] = {}
        for page in manual.in_section(section, statuses=("published", "draft")):
            key = " ".join(page.title.casefold().split())
            first = seen.setdefault(key, page)
            if first is not page:
                manual.problems.add("duplicate-title",
                    page.uri, page.meta.line_of("title"),
                    f"the title '{page.title}' is already used by {first.uri} (line {first.meta.line_of('title')}) "
                    f"in {section.label}: give each page its own title",
                    field="title",
                )
