"""Front matter: split it from the page, parse it ourselves, and validate it against a schema.

MkDocs silently ignores front matter it cannot parse, which would build a page with no stamp and
no warning. Here every mistake becomes a ``Problem`` naming the file, the line, the field, what
was found and what to write instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any, Sequence

from . import yamlsource
from .mdtext import TitleHeading, same_title, title_heading, without_heading
from .problems import Problems
from .schema import Field, ListOf, Record, Report, TextList, Values, check_fields, date, one_of, shown, text, whole_number
from .schema import parse_iso_date as parse_iso_date  # where other modules have always found it

STATUSES = ("published", "draft", "archived")


# --------------------------------------------------------------------------- splitting


@dataclass
class Split:
    """A page's front matter text and body, with the line the body starts on."""

    yaml_text: str
    body: str
    body_line: int


def split(text: str) -> Split:
    """Separate ``---`` front matter from the Markdown body. Raises ``SplitError``."""
    if not text.strip():
        raise SplitError("the file is empty: start it with front matter (see the authoring guide)", 1)
    lines = text.splitlines(keepends=True)
    if lines[0].rstrip() != "---":
        raise SplitError(
            "the file does not start with front matter: make the first line '---', then the fields "
            "(title, version, last_updated), then a closing '---'",
            1,
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return Split("".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2)
    raise SplitError(
        "the front matter that starts on line 1 is never closed: add a line '---' after the last field",
        1,
    )


class SplitError(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


# --------------------------------------------------------------------------- the schemas


@dataclass(frozen=True)
class Change:
    version: int
    date: dt.date
    note: str
    line: int = 0


# A 'changes' entry: its values are checked against the page after the walk (_check_changes).
CHANGE: Record[Values] = Record(
    (
        Field("version", whole_number, required=True, example="version: 14"),
        Field("date", date, required=True, example="date: 2024-05-01"),
        Field("note", text, required=True, example="note: What changed, in one line"),
    ),
    make=lambda values: values,
    holds="with version, date and note, such as '{version: 14, date: 2024-05-01, note: What changed}'",
    problem_field="changes",
)
CHANGES: ListOf[Values] = ListOf(CHANGE, should="a list of entries, each with version, date and note")

# The schemas: which fields a kind of page may have. Extended by features (info-sheets add topics).
PROCEDURE_FIELDS: tuple[Field, ...] = (
    Field("title", text, required=True, example="title: Neglect", hint="or start the text with '# ' and the title"),
    Field("version", whole_number, required=True, example="version: 1"),
    Field("last_updated", date, required=True, example="last_updated: 2024-05-01"),
    Field("summary", text),
    Field("review_due", date),
    Field("owner", text),
    Field("keywords", TextList()),
    Field("status", one_of(*STATUSES)),
    Field("changes", CHANGES),
    Field("related", TextList(should="a list of page paths", example="[statutory/referrals.md]", item="a page path", lines=True)),
    Field("statutory_basis", TextList(should="a list of keys of legislation.yml", example="[children-act-1989-s47]", item="a key",
                                      lines=True)),
)


def procedure_fields(*names: str) -> tuple[Field, ...]:
    """Fields of a procedure's front matter that another kind of source has too, by name."""
    fields = {f.name: f for f in PROCEDURE_FIELDS}
    return tuple(fields[name] for name in names)


# --------------------------------------------------------------------------- the model


@dataclass
class FrontMatter:
    """Validated front matter of one page. ``lines`` maps each field to its line in the file."""

    path: str
    title: str = ""
    version: int = 0
    last_updated: dt.date | None = None
    summary: str = ""
    review_due: dt.date | None = None
    owner: str = ""
    keywords: list[str] = field(default_factory=list)
    status: str = "published"
    changes: list[Change] = field(default_factory=list)
    related: list[tuple[str, int]] = field(default_factory=list)
    statutory_basis: list[tuple[str, int]] = field(default_factory=list)  # keys of legislation.yml
    extra: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    line: int = 1

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)


def validate(
    data: Any,
    path: str,
    problems: Problems,
    *,
    today: dt.date,
    fields: Sequence[Field] = PROCEDURE_FIELDS,
    start_line: int = 1,
    what: str = "front matter",
    check: str = "front-matter",
    heading: TitleHeading | None = None,
) -> FrontMatter | None:
    """Check parsed YAML against ``fields``; add every problem found, as ``check`` (the name of
    the check for this kind of source). ``None`` if any error.

    ``heading``: the ``# Title`` that opens a page's text, if any; it gives the title when the
    front matter has none."""
    report = Report(path, problems, check)
    if not isinstance(data, dict):
        report.add(start_line, f"the {what} must be a block of fields such as 'title: Neglect', not {shown(data)}")
        return None
    titled = "title" not in data and heading is not None and bool(heading.text)
    if titled:
        fields = [replace(f, required=False) if f.name == "title" else f for f in fields]
    values = check_fields(fields, data, report, line=start_line)
    meta = FrontMatter(path=path, lines=dict(values.lines), line=start_line)
    for name, clean in values.values.items():
        if hasattr(meta, name) and name != "changes":
            setattr(meta, name, clean)
        elif name != "changes":
            meta.extra[name] = clean
    if titled and heading is not None:
        meta.title, meta.lines["title"] = heading.text, heading.line
    _check_dates(meta, values, today)
    meta.changes = _check_changes(values.get("changes") or [], meta, values, today)
    return meta if values.ok else None


def _check_dates(meta: FrontMatter, page: Values, today: dt.date) -> None:
    if meta.last_updated and meta.last_updated > today:
        page.say(
            "last_updated",
            f"'last_updated' {meta.last_updated.isoformat()} is in the future: use today's date "
            f"({today.isoformat()}) or the date the change was approved",
        )
    if meta.review_due and meta.last_updated and meta.review_due <= meta.last_updated:
        page.say(
            "review_due",
            f"'review_due' {meta.review_due.isoformat()} must be after 'last_updated' "
            f"{meta.last_updated.isoformat()}",
        )


def _check_changes(entries: list[Values], meta: FrontMatter, page: Values, today: dt.date) -> list[Change]:
    """The rules between 'changes' entries and the page: no version above the page's, no date in
    the future, newest first (advice)."""
    changes: list[Change] = []
    for entry in entries:
        version, day = entry["version"], entry["date"]
        if meta.version and version > meta.version:
            entry.say(
                "version",
                f"a 'changes' entry is for version {version}, above the page's 'version' {meta.version}: "
                f"set version: {version} or correct the entry",
            )
        if day > today:
            entry.wrong(
                "date",
                f"the date {day.isoformat()} is in the future: use the date the change was approved "
                f"(today is {today.isoformat()})",
            )
        page.ok = page.ok and entry.ok
        changes.append(Change(version, day, entry["note"], entry.line))
    for earlier, later in zip(changes, changes[1:], strict=False):  # each entry with the next
        if (later.version, later.date) > (earlier.version, earlier.date):
            page.report.add(later.line, "'changes' should be listed newest first", "changes", check="changes-order")
            break
    return changes


def parse_page(
    text: str, path: str, problems: Problems, *, today: dt.date, fields: Sequence[Field] = PROCEDURE_FIELDS
) -> tuple[FrontMatter | None, Split | None]:
    """Split and validate one page. Problems go into ``problems``; ``None`` where it failed.

    A ``# Title`` that opens the text is the page's title (MkDocs' own convention, and what
    converters write): it gives the title when the front matter has none, and it is taken out of
    the body (its lines left blank, so that line numbers stay right), because the theme shows the
    title with its number and version stamp."""
    try:
        parts = split(text)
    except SplitError as error:
        problems.add("file-unreadable", path, error.line, error.message)
        return None, None
    heading = title_heading(parts.body, parts.body_line)
    if heading is not None:
        parts = _without_heading(parts, heading)
    try:
        data = yamlsource.load(parts.yaml_text, line_offset=1)
    except yamlsource.YamlError as error:
        problems.add("yaml-syntax", path, error.line, error.described)
        return None, parts
    if data is None:
        if heading is not None and heading.text:
            problems.add("front-matter", path, 1, "the front matter is empty: add version and last_updated")
        else:
            problems.add("front-matter", path, 1, "the front matter is empty: add title, version and last_updated")
        return None, parts
    meta = validate(data, path, problems, today=today, fields=fields, start_line=1, heading=heading)
    if heading is not None:
        _check_heading(data, heading, path, problems)
    return meta, parts


def _without_heading(parts: Split, heading: TitleHeading) -> Split:
    return Split(parts.yaml_text, without_heading(parts.body, heading, parts.body_line), parts.body_line)


def _check_heading(data: Any, heading: TitleHeading, path: str, problems: Problems) -> None:
    """A ``# Title`` heading that is empty, or that says something else than ``title:``."""
    title = data.get("title") if isinstance(data, dict) else None
    if not heading.text:
        problems.add(
            "title-heading", path, heading.line,
            "the heading '#' has no text: write the page's title after '# ', or delete the line",
        )
    elif isinstance(title, str) and title.strip() and not same_title(title, heading.text):
        line = getattr(data, "lines", {}).get("title", 1)
        problems.add(
            "title-heading", path, heading.line,
            f"the heading '# {heading.text}' is not the page's title '{' '.join(title.split())}' (line {line}); "
            "the page shows the title: make the two the same, or delete one of them",
            field="title",
        )
