"""Info-sheets: pages in ``docs_dir/info-sheets/`` that gather everything on a few topics.

A sheet is written by hand (title, version, free text, external resources) and the build adds
the lists of procedures, flowcharts and glossary terms for its ``topics``. Its front matter is
validated with the same machinery as a procedure's, against ``INFO_SHEET_FIELDS``.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..core.frontmatter import (
    PROCEDURE_FIELDS,
    Field,
    FrontMatter,
    check_date,
    check_status,
    check_text,
    check_whole,
)
from ..core.manual import ParseCache, Section, SourcePage
from ..core.problems import Problems
from ..core.yamlsource import LocatedDict, LocatedList
from .model import TopicList, check_keywords


def _keep(value: Any, name: str) -> tuple[Any, str | None]:
    """Checked as a whole after the schema, where each item's line is known."""
    return value, None


INFO_SHEET_FIELDS: tuple[Field, ...] = (
    Field("title", check_text, required=True),
    Field("version", check_whole, required=True),
    Field("last_updated", check_date, required=True),
    Field("summary", check_text),
    Field("review_due", check_date),
    Field("owner", check_text),
    Field("status", check_status),
    next(f for f in PROCEDURE_FIELDS if f.name == "changes"),
    Field("topics", _keep),
    Field("resources", _keep),
)
RESOURCE_FIELDS = ("title", "url", "description")


@dataclass(frozen=True)
class Resource:
    title: str
    url: str
    description: str = ""
    line: int = 0


@dataclass
class InfoSheet(SourcePage):
    """A sheet is a source page like a procedure (same stamp, banners, title handling) plus topics."""

    topics: list[str] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)


def discover_sheets(docs_dir: Path, folder: str) -> list[Path]:
    base = docs_dir / folder
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(Path(dirpath) / n for n in sorted(filenames) if n.endswith(".md") and not n.startswith("."))
    return found


def load_info_sheets(
    root: Path,
    docs_dir: Path,
    section: Section,
    topics: TopicList | None,
    problems: Problems,
    *,
    today: dt.date,
    cache: ParseCache,
    sheets_folder: str,
    topics_broken: bool = False,
) -> dict[str, InfoSheet]:
    """Every sheet in ``docs_dir/sheets_folder``, keyed by its site uri (``info-sheets/x.md``).

    ``topics_broken`` says the topic list exists but has errors (already reported): the sheets'
    topics are then not checked against it.
    """
    sheets: dict[str, InfoSheet] = {}
    titles: dict[str, InfoSheet] = {}
    for path in discover_sheets(docs_dir, sheets_folder):
        rel = _relative(path, root)
        parsed = cache.parse(path, rel, today, INFO_SHEET_FIELDS)
        problems.extend(parsed.problems)
        if parsed.meta is None:
            continue
        meta: FrontMatter = parsed.meta
        uri = path.relative_to(docs_dir).as_posix()
        sheet = InfoSheet(uri, path, section, meta, parsed.body, parsed.body_line)
        sheet.topics = _check_topics(meta, topics, problems, topics_broken)
        sheet.resources = _check_resources(meta, problems)
        first = titles.setdefault(" ".join(meta.title.casefold().split()), sheet)
        if first is not sheet:
            problems.add("duplicate-title",
                rel, meta.line_of("title"),
                f"the title '{meta.title}' is already used by the info-sheet {_relative(first.abs_path, root)}: "
                "give each info-sheet its own title",
                field="title",
            )
        sheets[uri] = sheet
    return sheets


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _check_topics(meta: FrontMatter, topics: TopicList | None, problems: Problems, topics_broken: bool) -> list[str]:
    path, line = meta.path, meta.line_of("topics")
    if "topics" not in meta.extra:
        problems.add("front-matter",
            path, meta.line,
            "'topics' is missing: an info-sheet lists what it is about, such as 'topics: [neglect, early help]'",
            field="topics",
        )
        return []
    value = meta.extra["topics"]
    if isinstance(value, str):
        problems.add("front-matter", path, line, f"'topics' must be a list such as [{value}], not plain text", field="topics")
        return []
    if not isinstance(value, list) or not value:
        shown = "an empty list" if isinstance(value, list) else "a block of fields" if isinstance(value, dict) else repr(value)
        problems.add("front-matter", path, line, f"'topics' must be a list of one or more topics such as [neglect, early help], not {shown}", field="topics")
        return []
    items: list[tuple[str, int]] = []
    for index, item in enumerate(value):
        item_line = value.line_of(index) if isinstance(value, LocatedList) else line
        if not isinstance(item, str) or not item.strip():
            problems.add("front-matter", path, item_line, f"every item of 'topics' must be a topic such as 'neglect', not {item!r}", field="topics")
            continue
        items.append((item.strip(), item_line))
    if topics is None and topics_broken:
        return []
    if topics is None:
        problems.add("info-sheet-topic",
            path, line,
            "this info-sheet has 'topics' but the manual has no topic list: create topics.yml beside "
            "mkdocs.yml (see the authoring guide)",
            field="topics",
        )
        return []
    return check_keywords(topics, path, items, problems, field_name="topics", check="info-sheet-topic")


def _check_resources(meta: FrontMatter, problems: Problems) -> list[Resource]:
    if "resources" not in meta.extra:
        return []
    value = meta.extra["resources"]
    path, line = meta.path, meta.line_of("resources")
    if not isinstance(value, list):
        problems.add("front-matter",
            path, line,
            "'resources' must be a list of entries, each with 'title:', 'url:' and 'description:' (see the authoring guide)",
            field="resources",
        )
        return []
    out: list[Resource] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(value, start=1):
        entry_line = value.line_of(index - 1) if isinstance(value, LocatedList) else line
        where = f"'resources' entry {index}"
        if not isinstance(entry, dict):
            problems.add("front-matter", path, entry_line, f"{where} needs 'title:', 'url:' and 'description:', not {entry!r}", field="resources")
            continue
        lines = entry.lines if isinstance(entry, LocatedDict) else {}
        clean: dict[str, str] = {}
        for name in RESOURCE_FIELDS:
            if name not in entry:
                if name != "description":
                    problems.add("front-matter", path, entry_line, f"{where} has no '{name}': add '{name}:'", field="resources")
                continue
            text, message = check_text(entry[name], name)
            if message:
                problems.add("front-matter", path, lines.get(name, entry_line), f"{where}: {message}", field="resources")
            else:
                clean[name] = text
        for name in entry:
            if name not in RESOURCE_FIELDS:
                problems.add("unknown-field",
                    path, lines.get(name, entry_line),
                    f"unknown field '{name}' in {where} is ignored; an entry has title, url and description",
                    field="resources",
                )
        url = clean.get("url")
        if url is not None:
            message = check_url(url)
            if message:
                problems.add("resource-invalid", path, lines.get("url", entry_line), f"{where}: {message}", field="resources")
                continue
            if url in seen:
                problems.add("listed-twice", path, lines.get("url", entry_line), f"{where}: the address {url} is already listed as entry {seen[url]}", field="resources")
            seen.setdefault(url, index)
        if "title" in clean and url is not None:
            out.append(Resource(clean["title"], url, clean.get("description", ""), entry_line))
    return out


def check_url(url: str) -> str | None:
    """An error message if ``url`` is not a complete web address (http or https)."""
    if any(c.isspace() or ord(c) < 32 for c in url):
        return f"the 'url' {url!r} contains spaces: copy the address from the browser's address bar"
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return f"the 'url' {url!r} is not a web address: copy it from the browser's address bar"
    if parts.scheme.lower() not in ("http", "https"):
        return f"the 'url' {url!r} must be a web address starting with https:// (or http://)"
    if "." not in host:
        return f"the 'url' {url!r} has no site name: write the whole address, such as https://www.example.org.uk/page"
    return None
