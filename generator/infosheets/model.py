"""Info-sheets: pages in ``docs_dir/info-sheets/`` that gather everything on a few topics.

A sheet is written by hand (title, version, free text, external resources) and the build adds
the lists of procedures, flowcharts and glossary terms for its ``topics``. Its front matter is
validated with the same machinery as a procedure's, against ``INFO_SHEET_FIELDS``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..core.files import source_files
from ..core.frontmatter import FrontMatter, procedure_fields
from ..core.manual import ParseCache, Section, SourcePage
from ..core.problems import Problems
from ..core.schema import Field, ListOf, Record, TextList, text
from ..topics.model import TopicList, check_keywords


@dataclass(frozen=True)
class Resource:
    title: str
    url: str
    description: str = ""
    line: int = 0
    url_line: int = 0
    number: int = 0  # its place in the sheet's 'resources', from 1


RESOURCE: Record[Resource] = Record(
    (
        Field("title", text, required=True, example="title: Childline"),
        Field("url", text, required=True, example="url: https://www.childline.org.uk/"),
        Field("description", text),
    ),
    make=lambda values: Resource(
        values["title"], values["url"], values.get("description", ""), values.line, values.line_of("url"), values.number
    ),
    holds="with 'title:', 'url:' and 'description:'",
    problem_field="resources",
)
RESOURCES: ListOf[Resource] = ListOf(RESOURCE, should="a list of entries, each with 'title:', 'url:' and 'description:'")

INFO_SHEET_FIELDS: tuple[Field, ...] = (
    *procedure_fields("title", "version", "last_updated", "summary", "review_due", "owner", "status", "changes"),
    Field(
        "topics",
        TextList(example="[neglect, early help]", item="a topic such as 'neglect'", at_least=1, noun="topic", lines=True),
        required=True,
        example="topics: [neglect, early help]",
        hint="the topics this info-sheet is about, from the topic list",
    ),
    Field("resources", RESOURCES),
)


@dataclass
class InfoSheet(SourcePage):
    """A sheet is a source page like a procedure (same stamp, banners, title handling) plus topics."""

    topics: list[str] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)


def discover_sheets(docs_dir: Path, folder: str) -> list[Path]:
    return source_files(docs_dir / folder)


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
    """The sheet's topics (checked by the schema: a list of text) against the topic list."""
    path, line = meta.path, meta.line_of("topics")
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
    return check_keywords(topics, path, meta.extra["topics"], problems, field_name="topics", check="info-sheet-topic")


def _check_resources(meta: FrontMatter, problems: Problems) -> list[Resource]:
    """The sheet's resources (each entry checked by the schema) whose addresses are whole web
    addresses; an address listed twice is advice."""
    out: list[Resource] = []
    seen: dict[str, int] = {}
    resource: Resource
    for resource in meta.extra.get("resources", []):
        where = f"'resources' entry {resource.number}"
        message = check_url(resource.url)
        if message:
            problems.add("resource-invalid", meta.path, resource.url_line, f"{where}: {message}", field="resources")
            continue
        first = seen.setdefault(resource.url, resource.number)
        if first != resource.number:
            problems.add("listed-twice", meta.path, resource.url_line,
                         f"{where}: the address {resource.url} is already listed as entry {first}", field="resources")
        out.append(resource)
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
