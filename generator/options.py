"""The plugin's options in ``mkdocs.yml``: their table, and the checks on what officers write.

``SCHEMA`` lists every option a partnership may set (name, sections, labels, numbering, date
format, colours ...), so nothing about the demo manual is hard-coded in the package. It is plain
data: ``generator/config.py`` turns it into MkDocs' ``Config`` schema for the build, and
``procedures check`` validates mkdocs.yml against it without starting MkDocs. Both use
:func:`type_problem` for the types and :func:`check_options` for what a type cannot say (a date
format with no codes, a colour that is not one, a content folder inside ``docs_dir``, releases
out of order), so the build and the check agree.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

from .amendments import site as amendments
from .amendments.releases import Releases, parse_releases
from .core import checklist, dates
from .core.frontmatter import parse_iso_date
from .core.manual import Section
from .core.problems import Problem
from .project import located_option, plugin_line

ACCESSIBILITY_STATEMENT = "accessibility.md"
_COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\))$")


@dataclass(frozen=True)
class Option:
    """One option. ``kind``: bool, int, text, date, choice, texts (a list of text), block (a
    group of options, ``fields``), blocks (a list of such groups) or any (checked elsewhere)."""

    kind: str
    default: Any = None
    optional: bool = False  # may be left out or empty (no default)
    choices: tuple[str, ...] = ()
    fields: Mapping[str, "Option"] = field(default_factory=dict)


def _block(**fields: Option) -> Option:
    return Option("block", fields=fields)


def _text(default: str | None = None) -> Option:
    return Option("text", default, optional=default is None)


_RELEASE = {"name": _text(), "date": Option("date", optional=True)}

SCHEMA: dict[str, Option] = {
    "enabled": Option("bool", True),
    # Content folders outside docs_dir, in the order they appear when mkdocs.yml has no nav.
    "sections": Option("blocks", [], fields={"folder": Option("text"), "label": Option("text")}),
    "numbering": Option("bool", True),
    # The sidebar shows at most this many items of one chapter, around the current page (0: all);
    # the contents page always lists everything. Keeps large manuals building in linear time.
    "nav_limit": Option("int", 50),
    "date_format": _text("%-d %B %Y"),
    # Include pages with `status: draft` (for previews); they are left out by default.
    "drafts": Option("bool", False),
    "contents": _block(enabled=Option("bool", True), path=_text("contents.md"), title=_text("Contents"), intro=_text("")),
    "flowcharts": _block(
        enabled=Option("bool", True),
        # The folder of flowchart sources (`<name>.yml`), beside docs_dir; each gets a page <folder>/<name>.md.
        folder=_text("flowcharts"),
        # The nav group of the flowchart pages when mkdocs.yml has no nav.
        label=_text("Flowcharts"),
    ),
    "glossary": _block(
        enabled=Option("bool", True),
        path=_text("glossary.yml"),  # beside mkdocs.yml; no file: no glossary
        page=_text("glossary.md"),  # the generated glossary page, in the site
        title=_text("Glossary"),
        intro=_text(""),
        # Link the first use of each term on a page, or every use.
        link=Option("choice", "first", choices=("first", "all")),
        # Pages never linked, as glob patterns of their paths (e.g. "about.md", "info-sheets/*").
        exclude=Option("texts", []),
        # Capitalised words that are not glossary acronyms and need no warning (e.g. UK).
        ignore_acronyms=Option("texts", []),
    ),
    # Pages last updated on or after this date are flagged "Updated" on the contents page.
    "updated_since": Option("date", optional=True),
    # Fixes "today" for reproducible builds and tests; the real date when unset.
    "today": Option("date", optional=True),
    # The topic list, when it is not in topics.yml beside mkdocs.yml (one or the other); the
    # topics module checks it and names the fix.
    "topics": Option("any", optional=True),
    "topics_index": _block(
        enabled=Option("bool", True),
        path=_text("topics.md"),
        title=_text("Topics"),
        intro=_text("Every topic in this manual, with the info-sheets, procedures and other pages about it."),
    ),
    "info_sheets": _block(folder=_text("info-sheets"), label=_text("Info-sheets")),  # folder: inside docs_dir
    # The accessibility statement, linked from the footer of every page: a page in docs_dir.
    # Unset: accessibility.md, when docs_dir has one.
    "accessibility_statement": _text(),
    # The partnership's colours, as CSS colours; they must keep a 4.5:1 contrast with white.
    "primary_colour": _text(),
    "accent_colour": _text(),
    # Releases and amendments (generator/amendments): the current release, the earlier ones,
    # and the git commit the site is built from (e.g. `commit: !ENV [GITHUB_SHA, null]`).
    "release": Option("block", fields=_RELEASE),
    "releases": Option("blocks", [], fields=_RELEASE),
    "commit": _text(),
    "amendments": _block(
        enabled=Option("bool", True),
        path=_text("amendments.md"),
        title=_text("Amendments"),
        intro=_text(""),
        feed=_text("amendments.xml"),  # the Atom feed, "" for none
        feed_entries=Option("int", 50),
    ),
    # The level of any check, by its name: error, warning, note or off (README: "Checks").
    "checks": Option("levels", {}),
    "review": _block(
        # Warn (so `mkdocs build --strict` fails) for every page past its review_due; false: banner only.
        warn_overdue=Option("bool", True),
        # `procedures report` lists pages due for review within this many days.
        due_soon_days=Option("int", 60),
        # Who readers should contact when a page has no `owner`.
        default_owner=_text("the partnership"),
    ),
}

_KINDS = {
    "bool": "true or false",
    "int": "a whole number",
    "text": "text (in quotes if it looks like something else)",
    "texts": "a list of text, such as [first, second]",
    "block": "a block of settings",
    "blocks": "a list of blocks of settings",
    "levels": "a block of check names and levels, such as {glossary-unused-term: off}",
}


def _shown(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a block of settings"
    if isinstance(value, list):
        return "a list"
    return repr(value) if isinstance(value, str) else str(value)


def type_problem(option: Option, value: Any) -> tuple[Any, str | None]:
    """The value as the build uses it, or a message saying what to write instead. Blocks are
    checked field by field by the caller; only their shape is checked here."""
    if value is None:  # left out, or written with nothing after the colon
        if option.default is not None or option.optional or option.kind in ("block", "any"):
            return option.default, None
        return None, f"must be {_KINDS.get(option.kind, 'set')}, not nothing"
    if option.kind == "any":
        return value, None
    if option.kind == "date":
        parsed = parse_iso_date(value)
        return (parsed, None) if parsed else (None, f"must be a date such as 2026-11-01, not {_shown(value)}")
    if option.kind == "choice":
        if value in option.choices:
            return value, None
        return None, f"must be one of {', '.join(option.choices)}, not {_shown(value)}"
    expected = {"bool": bool, "int": int, "text": str, "texts": list, "block": dict, "blocks": list, "levels": dict}[option.kind]
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        return None, f"must be {_KINDS[option.kind]}, not {_shown(value)}"
    if option.kind == "texts" and not all(isinstance(item, str) for item in value):
        return None, f"must be {_KINDS['texts']}; every item must be text"
    if option.kind == "blocks" and not all(isinstance(item, dict) for item in value):
        return None, f"must be {_KINDS['blocks']}, each such as {{name: value}}"
    return value, None


def validate(raw: Mapping[str, Any], schema: Mapping[str, Option] = SCHEMA, where: str = "") -> tuple[dict[str, Any], list[str], list[str]]:
    """Every option's value (defaults filled in), every type error and every unknown option, for
    ``procedures check``; MkDocs itself stops at the first error."""
    values: dict[str, Any] = {}
    errors: list[str] = []
    warnings: list[str] = []
    for name, option in schema.items():
        label = f"{where}{name}"
        value, message = type_problem(option, raw.get(name))
        if message:
            errors.append(f"procedures plugin: option '{label}' {message}")
            continue
        if option.kind == "block":
            value, more_errors, more_warnings = validate(value or {}, option.fields, f"{label}: ")
            errors += more_errors
            warnings += more_warnings
        elif option.kind == "blocks":
            checked = [validate(item, option.fields, f"{label}: ") for item in value]
            value = [v for v, _, _ in checked]
            errors += [e for _, es, _ in checked for e in es]
            warnings += [w for _, _, ws in checked for w in ws]
        values[name] = value
    for name in sorted(set(raw) - set(schema)):
        close = difflib.get_close_matches(str(name), list(schema), n=1)
        hint = f": did you mean '{close[0]}'?" if close else f"; the options here are {', '.join(schema)}"
        warnings.append(f"procedures plugin: unknown option '{where}{name}' is ignored{hint}")
    return values, errors, warnings


@dataclass
class CheckedOptions:
    """What the checks found, and the values they parsed on the way: ``levels`` is the level of
    every check whose level is not its default (``checks:``, and ``review: warn_overdue``)."""

    problems: list[Problem] = field(default_factory=list)
    releases: Releases = field(default_factory=Releases)
    commit: dict[str, str] | None = None
    levels: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def check_options(
    options: Mapping[str, Any], *, root: Path, docs_dir: Path, sections: Sequence[Section], config_file: Path,
) -> CheckedOptions:
    """Every problem with the option values, at the line of mkdocs.yml it is on (the plugin's
    entry, or the ``checks:`` entry); each message says what to write instead."""
    result = CheckedOptions()
    messages: list[str] = []
    problems = messages
    message = dates.check_format(options["date_format"])
    if message:
        problems.append(f"procedures plugin: {message}")
    for name in ("primary_colour", "accent_colour"):
        value = options[name]
        if value and not _COLOUR.match(value.strip()):
            problems.append(f"procedures plugin: {name} {value!r} must be a colour such as '#1d4f91'")
    docs_dir = docs_dir.resolve()
    statement = options["accessibility_statement"]
    if statement and not (docs_dir / statement).is_file():
        where = os.path.relpath(docs_dir / statement, root)
        problems.append(
            f"procedures plugin: accessibility_statement '{statement}' is not a page: there is no {where}; "
            "write the statement there, or correct the option in mkdocs.yml"
        )
    folders = [section.folder for section in sections]
    if options["flowcharts"]["enabled"]:
        folders.append(options["flowcharts"]["folder"].strip("/"))
    for name in folders:
        folder = (root / name).resolve()
        if folder == docs_dir or docs_dir in folder.parents or folder in docs_dir.parents:
            problems.append(
                f"procedures plugin: the section folder '{name}' overlaps docs_dir; "
                "content folders live beside docs_dir, not inside it"
            )

    result.releases, release_problems = parse_releases(options["release"], options["releases"])
    problems += release_problems
    result.commit, message = amendments.commit_view(options["commit"])
    problems += [message] if message else []
    if options["review"]["due_soon_days"] < 0:
        problems.append("procedures plugin: review: due_soon_days must be 0 or more")
    if options["amendments"]["feed_entries"] < 1:
        problems.append("procedures plugin: amendments: feed_entries must be 1 or more")
    feed = options["amendments"]["feed"]
    if feed and not feed.endswith(".xml"):
        problems.append(f"procedures plugin: amendments: feed {feed!r} must be a file name ending in .xml, or \"\" for no feed")
    name, line = config_file.name, plugin_line(config_file)
    result.problems = [Problem.of("options", name, line, message) for message in messages]
    if not options["review"]["warn_overdue"]:
        result.levels["review-overdue"] = checklist.NOTE
    levels, level_problems = checklist.level_problems(options["checks"])
    result.levels.update(levels)
    if level_problems:
        located = located_option(config_file, "checks")
        lines = located[0].lines if located is not None and hasattr(located[0], "lines") else {}
        for check, message, is_error in level_problems:
            result.problems.append(Problem.of(
                "options" if is_error else "unknown-field", name, lines.get(check, line), f"procedures plugin: {message}"
            ))
    return result
