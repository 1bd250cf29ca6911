"""Front matter: split it from the page, parse it ourselves, and validate it against a schema.

MkDocs silently ignores front matter it cannot parse, which would build a page with no stamp and
no warning. Here every mistake becomes a ``Problem`` naming the file, the line, the field, what
was found and what to write instead.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from . import yamlsource
from .mdtext import TitleHeading, same_title, title_heading, without_heading
from .problems import Problems
from .yamlsource import LocatedDict, LocatedList

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


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class Change:
    version: int
    date: dt.date
    note: str
    line: int = 0


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_iso_date(value: Any) -> dt.date | None:
    """A ``YYYY-MM-DD`` date, or ``None``. ``datetime.date`` passes through. Other ISO forms
    that Python accepts (``2023-W15-5``, ``20230414``) are refused: officers write one form."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return "nothing"
    if isinstance(value, (LocatedDict, dict)):
        return "a block of fields"
    if isinstance(value, (LocatedList, list)):
        return "a list"
    return repr(str(value)) if isinstance(value, str) else str(value)


# A checker returns (clean value, error message or None).
Checker = Callable[[Any, str], "tuple[Any, str | None]"]


def check_text(value: Any, name: str) -> tuple[Any, str | None]:
    if isinstance(value, str) and value.strip():
        return value.strip(), None
    if isinstance(value, str):
        return None, f"'{name}' is empty: write some text after '{name}:'"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value), None
    return None, f"'{name}' must be text, not {_shown(value)} (put the text in quotes if it looks like something else)"


def check_whole(value: Any, name: str) -> tuple[Any, str | None]:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value, None
    if isinstance(value, int) and not isinstance(value, bool):
        return None, f"'{name}' must be a whole number of 1 or more, not {value}"
    return None, f"'{name}' must be a whole number such as 14, not {_shown(value)}"


def check_date(value: Any, name: str) -> tuple[Any, str | None]:
    parsed = parse_iso_date(value)
    if parsed is not None:
        return parsed, None
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, f"'{name}' is empty: write a date after '{name}:' as YYYY-MM-DD, for example 2023-04-14"
    shown = value.strip() if isinstance(value, str) else _shown(value)
    return None, f"'{name}' {shown} is not a date (use YYYY-MM-DD, for example 2023-04-14)"


def check_text_list(value: Any, name: str) -> tuple[Any, str | None]:
    if isinstance(value, str):
        return None, f"'{name}' must be a list such as [{value}], not plain text"
    if not isinstance(value, list):
        return None, f"'{name}' must be a list such as [first, second], not {_shown(value)}"
    out = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            return None, f"every item of '{name}' must be text; {_shown(item)} is not"
        out.append(item.strip())
    return out, None


def check_status(value: Any, name: str) -> tuple[Any, str | None]:
    if isinstance(value, str) and value.strip().lower() in STATUSES:
        return value.strip().lower(), None
    return None, f"'{name}' must be one of {', '.join(STATUSES)}, not {_shown(value)}"


@dataclass(frozen=True)
class Field:
    name: str
    check: Checker
    required: bool = False


# The schemas: which fields a kind of page may have. Extended by features (info-sheets add topics).
PROCEDURE_FIELDS: tuple[Field, ...] = (
    Field("title", check_text, required=True),
    Field("version", check_whole, required=True),
    Field("last_updated", check_date, required=True),
    Field("summary", check_text),
    Field("review_due", check_date),
    Field("owner", check_text),
    Field("keywords", check_text_list),
    Field("status", check_status),
    Field("changes", lambda v, n: (v, None)),  # checked as a whole by _check_changes
    Field("related", lambda v, n: (v, None)),  # checked as a whole by _check_related
)

EXAMPLES = {
    "title": "title: Neglect",
    "version": "version: 1",
    "last_updated": "last_updated: 2024-05-01",
}


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
    before = len(problems.errors)
    if not isinstance(data, dict):
        problems.add(check,
            path,
            start_line,
            f"the {what} must be a block of fields such as 'title: Neglect', not {_shown(data)}",
        )
        return None
    lines: dict[str, int] = getattr(data, "lines", {})
    meta = FrontMatter(path=path, lines={str(k): v for k, v in lines.items()}, line=start_line)
    known = {f.name: f for f in fields}

    for key, value in data.items():
        name = str(key)
        line = lines.get(key, start_line)
        spec = known.get(name)
        if spec is None:
            close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
            hint = f": did you mean '{close[0]}'?" if close else f"; the fields are {', '.join(known)}"
            problems.add("unknown-field", path, line, f"unknown field '{name}' is ignored{hint}", field=name)
            continue
        clean, message = spec.check(value, name)
        if message:
            problems.add(check, path, line, message, field=name)
        elif hasattr(meta, name):
            setattr(meta, name, clean)
        else:
            meta.extra[name] = clean

    if "title" not in data and heading is not None and heading.text:
        meta.title, meta.lines["title"] = heading.text, heading.line
    for spec in fields:
        if spec.required and spec.name not in data and not (spec.name == "title" and meta.title):
            example = EXAMPLES.get(spec.name, f"{spec.name}: ...")
            also = " (or start the text with '# ' and the title)" if spec.name == "title" and what == "front matter" else ""
            problems.add(check, path, start_line, f"'{spec.name}' is missing: add a line such as '{example}'{also}", field=spec.name)

    if meta.last_updated and meta.last_updated > today:
        problems.add(check,
            path,
            meta.line_of("last_updated"),
            f"'last_updated' {meta.last_updated.isoformat()} is in the future: use today's date "
            f"({today.isoformat()}) or the date the change was approved",
            field="last_updated",
        )
    if meta.review_due and meta.last_updated and meta.review_due <= meta.last_updated:
        problems.add(check,
            path,
            meta.line_of("review_due"),
            f"'review_due' {meta.review_due.isoformat()} must be after 'last_updated' "
            f"{meta.last_updated.isoformat()}",
            field="review_due",
        )
    if "changes" in data:
        meta.changes = _check_changes(data["changes"], meta, problems, today, check)
    if "related" in data:
        meta.related = _check_related(data["related"], meta, problems, check)

    return meta if len(problems.errors) == before else None


def _check_changes(value: Any, meta: FrontMatter, problems: Problems, today: dt.date, check: str) -> list[Change]:
    path, line = meta.path, meta.line_of("changes")
    if not isinstance(value, list):
        problems.add(check,
            path, line,
            "'changes' must be a list of entries, each with version, date and note (see the authoring guide)",
            field="changes",
        )
        return []
    changes: list[Change] = []
    for index, entry in enumerate(value):
        entry_line = value.line_of(index) if isinstance(value, LocatedList) else line
        if not isinstance(entry, dict):
            problems.add(check, path, entry_line, "each 'changes' entry needs 'version:', 'date:' and 'note:'", field="changes")
            continue
        lines = getattr(entry, "lines", {})
        ok = True
        for name in ("version", "date", "note"):
            if name not in entry:
                problems.add(check, path, entry_line, f"this 'changes' entry has no '{name}': add '{name}:'", field="changes")
                ok = False
        for name in entry:
            if name not in ("version", "date", "note"):
                problems.add("unknown-field", path, lines.get(name, entry_line), f"unknown field '{name}' in a 'changes' entry is ignored", field="changes")
        values = {}
        for name, checker in (("version", check_whole), ("date", check_date), ("note", check_text)):
            if name not in entry:
                continue  # reported above
            values[name], message = checker(entry[name], name)
            if message:
                problems.add(check, path, lines.get(name, entry_line), f"in 'changes': {message}", field="changes")
                ok = False
        if not ok:
            continue
        version, date, note = values["version"], values["date"], values["note"]
        if meta.version and version > meta.version:
            problems.add(check,
                path, lines.get("version", entry_line),
                f"a 'changes' entry is for version {version}, above the page's 'version' {meta.version}: "
                f"set version: {version} or correct the entry",
                field="changes",
            )
        if date > today:
            problems.add(check,
                path, lines.get("date", entry_line),
                f"in 'changes': the date {date.isoformat()} is in the future: use the date the change was approved "
                f"(today is {today.isoformat()})",
                field="changes",
            )
        changes.append(Change(version, date, note, entry_line))
    for earlier, later in zip(changes, changes[1:]):
        if (later.version, later.date) > (earlier.version, earlier.date):
            problems.add("changes-order", path, later.line, "'changes' should be listed newest first", field="changes")
            break
    return changes


def _check_related(value: Any, meta: FrontMatter, problems: Problems, check: str) -> list[tuple[str, int]]:
    line = meta.line_of("related")
    if not isinstance(value, list):
        problems.add(check, meta.path, line, "'related' must be a list of page paths such as [statutory/referrals.md]", field="related")
        return []
    out = []
    for index, item in enumerate(value):
        item_line = value.line_of(index) if isinstance(value, LocatedList) else line
        if not isinstance(item, str) or not item.strip():
            problems.add(check, meta.path, item_line, f"every 'related' entry must be a page path, not {_shown(item)}", field="related")
            continue
        out.append((item.strip(), item_line))
    return out


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
