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
import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from types import MappingProxyType
from pathlib import Path
from typing import Any, Mapping

from .amendments import site as amendments
from .amendments.releases import Releases, parse_releases
from .core import checklist, dates
from .core.frontmatter import parse_iso_date
from .core.problems import Problem

ACCESSIBILITY_STATEMENT = "accessibility.md"
PRIVACY_PAGE = "privacy.md"
_COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\))$")


@dataclass(frozen=True)
class Option:
    """One option. ``kind``: bool, int, text, date, choice, texts (a list of text), block (a
    group of options, ``fields``), blocks (a list of such groups), levels (check name -> level)
    or any (checked elsewhere). ``doc`` is its line in the README's table of options."""

    kind: str
    default: Any = None
    optional: bool = False  # may be left out or empty (no default)
    choices: tuple[str, ...] = ()
    fields: Mapping[str, "Option"] = field(default_factory=dict)
    doc: str = ""
    shown_default: str = ""  # the default as the README shows it, where it is not the value itself
    item: Any = None  # blocks: the settings class of each block


def _opt(kind: str, default: Any = None, doc: str = "", **more: Any) -> Any:
    """A field of a settings class below: its default, and the ``Option`` that describes it."""
    option = Option(kind, default, doc=doc, **more)
    if isinstance(default, list):
        return field(default=(), metadata={"option": option})
    if isinstance(default, dict):
        return field(default_factory=lambda: MappingProxyType({}), metadata={"option": option})
    return field(default=default, metadata={"option": option})


def _text(default: str | None = None, doc: str = "") -> Any:
    return _opt("text", default, doc, optional=default is None)


def _block(cls: type, doc: str) -> Any:
    return field(default_factory=cls, metadata={"option": Option("block", fields=_fields(cls), doc=doc, item=cls)})


def _blocks(cls: type, doc: str, **more: Any) -> Any:
    return field(default=(), metadata={"option": Option("blocks", [], fields=_fields(cls), doc=doc, item=cls, **more)})


def _fields(cls: type) -> dict[str, Option]:
    return {f.name: f.metadata["option"] for f in dataclasses.fields(cls)}


# --------------------------------------------------------------------------- the settings
# One frozen class per block of options, each option declared once with its default and its line
# of documentation. The plugin and `procedures check` both work from a `Settings`, made by
# `settings_from` from the values that `validate` (or MkDocs, through config.py) checked.


@dataclass(frozen=True)
class SectionOptions:
    folder: str = _text(None, "a content folder beside docs_dir, such as statutory")
    label: str = _text(None, "its label in the menu and on the contents page")


@dataclass(frozen=True)
class ContentsOptions:
    enabled: bool = _opt("bool", True, "generate the contents page")
    path: str = _text("contents.md", "its path in the site")
    title: str = _text("Contents", "its title")
    intro: str = _text("", "a paragraph under the title")


@dataclass(frozen=True)
class FlowchartOptions:
    enabled: bool = _opt("bool", True, "build a page for each flowchart, and read `!flowchart name` lines")
    folder: str = _text(
        "flowcharts",
        "the folder of flowchart sources (`<name>.yml`) beside docs_dir; each gets a page `<folder>/<name>.md`",
    )
    label: str = _text("Flowcharts", "the menu group of the flowchart pages when mkdocs.yml has no nav")


@dataclass(frozen=True)
class GlossaryOptions:
    enabled: bool = _opt("bool", True, "build the glossary page and link terms")
    path: str = _text("glossary.yml", "the glossary, beside mkdocs.yml; no file, no glossary")
    page: str = _text("glossary.md", "the generated glossary page, in the site")
    title: str = _text("Glossary", "its title")
    intro: str = _text("", "a paragraph under the title")
    link: str = _opt(
        "choice",
        "first",
        "link the first use of each term on a page, or every use (`all`)",
        choices=("first", "all"),
    )
    exclude: tuple[str, ...] = _opt(
        "texts",
        [],
        "pages never linked, as glob patterns of their paths, such as `about.md` or `info-sheets/*`",
    )
    ignore_acronyms: tuple[str, ...] = _opt(
        "texts",
        [],
        "capitalised words that are not glossary acronyms and need no note, such as UK",
    )


@dataclass(frozen=True)
class ContactsOptions:
    enabled: bool = _opt("bool", True, "read the contacts, build the Contacts page and `!contact key` lines")
    path: str = _text("contacts.yml", "the contacts, beside mkdocs.yml; no file, no Contacts page")
    page: str = _text("contacts.md", "the generated Contacts page, in the site")
    title: str = _text("Contacts", "its title")
    intro: str = _text(
        "Every service this manual asks you to contact, A to Z, with the pages that use it.", "a paragraph under the title",
    )


@dataclass(frozen=True)
class LegislationOptions:
    enabled: bool = _opt("bool", True, "read the register, build the Statutory framework page and the 'Statutory basis' boxes")
    path: str = _text("legislation.yml", "the register of statutes and statutory guidance, beside mkdocs.yml; no file, no page")
    page: str = _text("statutory-framework.md", "the generated Statutory framework page, in the site")
    title: str = _text("Statutory framework", "its title")
    intro: str = _text(
        "The statutes and statutory guidance this manual rests on, with the procedures that rest on each.",
        "a paragraph under the title",
    )


@dataclass(frozen=True)
class TopicsIndexOptions:
    enabled: bool = _opt("bool", True, "generate the Topics page when there is a topic list")
    path: str = _text("topics.md", "its path in the site")
    title: str = _text("Topics", "its title")
    intro: str = _text(
        "Every topic in this manual, with the info-sheets, procedures and other pages about it.",
        "a paragraph under the title",
    )


@dataclass(frozen=True)
class InfoSheetOptions:
    folder: str = _text("info-sheets", "the folder of info-sheets, inside docs_dir")
    label: str = _text("Info-sheets", "their menu group when mkdocs.yml has no nav")


@dataclass(frozen=True)
class ReleaseOptions:
    name: str | None = _text(None, "its name, such as Update 15")
    date: dt.date | None = _opt("date", None, "its date, YYYY-MM-DD", optional=True)


@dataclass(frozen=True)
class AmendmentsOptions:
    enabled: bool = _opt("bool", True, "generate the amendments page and its feed")
    path: str = _text("amendments.md", "its path in the site")
    title: str = _text("Amendments", "its title")
    intro: str = _text("", "a paragraph under the title")
    feed: str = _text("amendments.xml", 'the Atom feed of changes, a file name ending in .xml; `""` for none')
    feed_entries: int = _opt("int", 50, "how many changes the feed holds")


@dataclass(frozen=True)
class HistoryOptions:
    enabled: bool = _opt(
        "bool", True, "give every procedure and flowchart a history page (`<page>/history/`), its superseded versions "
        "(`<page>/v14/`) and what changed in each (`<page>/v13-to-v14/`), from `changes` and git",
    )


@dataclass(frozen=True)
class PrintOptions:
    enabled: bool = _opt(
        "bool", True, "generate a print edition of each chapter and of the whole manual, linked from the contents page",
    )
    folder: str = _text("print", "the folder of the print edition's pages, in the site")
    serve: bool = _opt(
        "bool", False,
        "build the print edition under `mkdocs serve` too (off: previews stay fast, and its pages say how to see it)",
    )


@dataclass(frozen=True)
class EditionsOptions:
    enabled: bool = _opt(
        "bool", True, "generate the Editions page when there are releases; `procedures build --editions` builds the editions",
    )
    path: str = _text("editions.md", "its path in the site; the editions go in the folder of the same name")
    title: str = _text("Editions", "its title")
    intro: str = _text("", "a paragraph under the title")


@dataclass(frozen=True)
class UpdatesOptions:
    enabled: bool = _opt(
        "bool", True,
        'offer readers "remember what I have read on this device" (browser storage only), which marks pages changed '
        "since they last looked",
    )
    privacy_page: str | None = _text(
        None, "the page saying what the website stores, in docs_dir; unset, privacy.md when docs_dir has one",
    )


@dataclass(frozen=True)
class ReviewOptions:
    warn_overdue: bool = _opt(
        "bool",
        True,
        "a page past its `review_due` is a warning, so `--strict` fails; `false` makes it a note "
        "(the page still shows its banner)",
    )
    due_soon_days: int = _opt("int", 60, "`procedures report` lists pages due for review within this many days")
    default_owner: str = _text("the partnership", "whom readers should contact when a page has no `owner`")


@dataclass(frozen=True)
class Settings:
    """The procedures plugin's options, checked and typed: what the build and the CLI work from."""

    enabled: bool = _opt("bool", True, "turn the plugin off without removing it")
    sections: tuple[SectionOptions, ...] = field(
        default=(
            SectionOptions("statutory", "Statutory Procedures"), SectionOptions("supplementary", "Supplementary Procedures"),
        ),
        metadata={"option": Option(
            "blocks", [{"folder": "statutory", "label": "Statutory Procedures"},
                       {"folder": "supplementary", "label": "Supplementary Procedures"}],
            fields=_fields(SectionOptions), item=SectionOptions,
            doc="the content folders beside docs_dir, in order, each with `folder` and `label`",
            shown_default='`statutory` "Statutory Procedures", `supplementary` "Supplementary Procedures"',
        )},
    )
    numbering: bool = _opt("bool", True, "chapter and page numbers from the nav")
    nav_limit: int = _opt(
        "int", 50, "the sidebar shows at most this many pages of a chapter, around the current one, with "
        '"N more" links to the contents page (`0`: all); this keeps large manuals building in linear time',
    )
    date_format: str = _text("%-d %B %Y", "how dates are shown (the default gives 14 April 2023)")
    drafts: bool = _opt("bool", False, "build pages with `status: draft`, for previews")
    contents: ContentsOptions = _block(ContentsOptions, "the generated contents page")
    flowcharts: FlowchartOptions = _block(FlowchartOptions, "flowcharts")
    glossary: GlossaryOptions = _block(GlossaryOptions, "the glossary: see [Glossary](#glossary)")
    contacts: ContactsOptions = _block(ContactsOptions, "contacts.yml and the Contacts page: see [Contacts](#contacts)")
    legislation: LegislationOptions = _block(
        LegislationOptions, "legislation.yml and the Statutory framework page: see [Statutory framework](#statutory-framework)",
    )
    updated_since: dt.date | None = _opt(
        "date", None, 'pages updated on or after this date are flagged "Updated" on the contents page; '
        "unset, the pages changed since the previous release", optional=True,
    )
    today: dt.date | None = _opt(
        "date",
        None,
        "fixes today's date, for reproducible builds and tests",
        optional=True,
        shown_default="the real date",
    )
    topics: Any = _opt(
        "any", None, "the topic list itself, instead of topics.yml (one or the other); its mistakes are reported "
        "at their line of mkdocs.yml", optional=True,
    )
    topics_index: TopicsIndexOptions = _block(TopicsIndexOptions, "the generated Topics page")
    info_sheets: InfoSheetOptions = _block(InfoSheetOptions, "info-sheets")
    accessibility_statement: str | None = _text(
        None, "the page linked from every page's footer, in docs_dir; unset, accessibility.md when docs_dir has one",
    )
    primary_colour: str | None = _text(
        None,
        'the partnership\'s main colour, as CSS, such as "#1d4f91"; it must keep a 4.5:1 contrast with white',
    )
    accent_colour: str | None = _text(None, "its accent colour, likewise")
    release: ReleaseOptions = _block(
        ReleaseOptions, 'the current release, such as `{name: "Update 15", date: 2026-11-01}`: shown in the footer and on '
        "the home, contents and amendments pages",
    )
    releases: tuple[ReleaseOptions, ...] = _blocks(
        ReleaseOptions, "the earlier releases, each `{name, date}` as for `release`, that the amendments page groups changes by",
    )
    commit: str | None = _text(
        None,
        "the git commit the site is built from, shown in the footer; the demo uses `!ENV [GITHUB_SHA, null]`",
    )
    amendments: AmendmentsOptions = _block(AmendmentsOptions, "the generated amendments page and its Atom feed")
    history: HistoryOptions = _block(HistoryOptions, "each page's history: see [History and editions](#history-and-editions)")
    editions: EditionsOptions = _block(
        EditionsOptions, "the manual as it stood at each release: see [History and editions](#history-and-editions)",
    )
    print_edition: PrintOptions = _block(PrintOptions, "the print edition: see [Print edition](#print-edition)")
    updates: UpdatesOptions = _block(
        UpdatesOptions,
        'readers\' "updated since you last looked" marks: see [Keeping practitioners informed](#keeping-practitioners-informed)',
    )
    checks: Mapping[str, str] = _opt(
        "levels",
        {},
        "the level of any check, by its name: error, warning, note or off; see [Checks](#checks)",
    )
    review: ReviewOptions = _block(ReviewOptions, "review dates")


SCHEMA: dict[str, Option] = _fields(Settings)


def settings_from(values: Mapping[str, Any]) -> Settings:
    """Typed settings from checked values (``validate``'s, or MkDocs' ``Config``): blocks become
    their classes, lists tuples; what is missing takes its default."""
    result: Settings = _build(Settings, values)
    return result


def _build(cls: Any, values: Mapping[str, Any]) -> Any:
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in values or values[f.name] is None:
            continue
        option: Option = f.metadata["option"]
        value = values[f.name]
        if option.kind == "block":
            kwargs[f.name] = _build(option.item, value)
        elif option.kind == "blocks":
            if value or f.name != "sections":  # `sections: []` keeps the default folders
                kwargs[f.name] = tuple(_build(option.item, v) for v in value)
        elif option.kind == "texts":
            kwargs[f.name] = tuple(value)
        elif option.kind == "levels":
            kwargs[f.name] = MappingProxyType(dict(value))
        else:
            kwargs[f.name] = value
    return cls(**kwargs)


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
    items = value if isinstance(value, list) else []
    if option.kind == "texts" and not all(isinstance(item, str) for item in items):
        return None, f"must be {_KINDS['texts']}; every item must be text"
    if option.kind == "blocks" and not all(isinstance(item, dict) for item in items):
        return None, f"must be {_KINDS['blocks']}, each such as {{name: value}}"
    return value, None


def validate(
    raw: Mapping[str, Any], schema: Mapping[str, Option] = SCHEMA, where: str = "",
) -> tuple[dict[str, Any], list[str], list[str]]:
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
    options: Settings, *, root: Path, docs_dir: Path, config_name: str = "mkdocs.yml", line: int = 0,
    check_lines: Mapping[str, int] | None = None,
) -> CheckedOptions:
    """Every problem with the option values, at the line of mkdocs.yml it is on: ``line`` (the
    plugin's entry), or for a ``checks:`` entry its own line (``check_lines``); each message says
    what to write instead."""
    result = CheckedOptions()
    messages = _value_problems(options) + _folder_problems(options, root, docs_dir.resolve())
    messages += _informing_problems(options, root, docs_dir.resolve())
    result.releases, release_problems = parse_releases(options.release, options.releases)
    messages += release_problems
    result.commit, message = amendments.commit_view(options.commit)
    messages += [message] if message else []
    result.problems = [Problem.of("options", config_name, line, message) for message in messages]
    if not options.review.warn_overdue:
        result.levels["review-overdue"] = checklist.NOTE
    levels, level_problems = checklist.level_problems(options.checks)
    result.levels.update(levels)
    for check, message, is_error in level_problems:
        result.problems.append(Problem.of(
            "options" if is_error else "unknown-field", config_name, (check_lines or {}).get(check, line),
            f"procedures plugin: {message}",
        ))
    return result


def _value_problems(options: Settings) -> list[str]:
    """What a value's type cannot say: a date format with no codes, a colour that is not one, numbers out of range."""
    problems = []
    message = dates.check_format(options.date_format)
    if message:
        problems.append(f"procedures plugin: {message}")
    for name in ("primary_colour", "accent_colour"):
        value = getattr(options, name)
        if value and not _COLOUR.match(value.strip()):
            problems.append(f"procedures plugin: {name} {value!r} must be a colour such as '#1d4f91'")
    if options.review.due_soon_days < 0:
        problems.append("procedures plugin: review: due_soon_days must be 0 or more")
    if options.amendments.feed_entries < 1:
        problems.append("procedures plugin: amendments: feed_entries must be 1 or more")
    feed = options.amendments.feed
    if feed and not feed.endswith(".xml"):
        problems.append(f"procedures plugin: amendments: feed {feed!r} must be a file name ending in .xml, or \"\" for no feed")
    return problems


def _folder_problems(options: Settings, root: Path, docs_dir: Path) -> list[str]:
    """The accessibility statement must be a page of docs_dir; content folders must lie beside it."""
    problems = []
    statement = options.accessibility_statement
    if statement and not (docs_dir / statement).is_file():
        where = os.path.relpath(docs_dir / statement, root)
        problems.append(
            f"procedures plugin: accessibility_statement '{statement}' is not a page: there is no {where}; "
            "write the statement there, or correct the option in mkdocs.yml"
        )
    folders = [section.folder.strip("/") for section in options.sections]
    if options.flowcharts.enabled:
        folders.append(options.flowcharts.folder.strip("/"))
    for name in folders:
        folder = (root / name).resolve()
        if folder == docs_dir or docs_dir in folder.parents or folder in docs_dir.parents:
            problems.append(
                f"procedures plugin: the section folder '{name}' overlaps docs_dir; "
                "content folders live beside docs_dir, not inside it"
            )
    return problems


def _informing_problems(options: Settings, root: Path, docs_dir: Path) -> list[str]:
    """The privacy note must be a page of docs_dir; the print edition needs a folder."""
    problems = []
    privacy = options.updates.privacy_page
    if privacy and not (docs_dir / privacy).is_file():
        where = os.path.relpath(docs_dir / privacy, root)
        problems.append(
            f"procedures plugin: updates: privacy_page '{privacy}' is not a page: there is no {where}; "
            "write the privacy note there, or correct the option in mkdocs.yml"
        )
    if not options.print_edition.folder.strip("/"):
        problems.append("procedures plugin: print_edition: folder must name a folder, such as print")
    return problems


def options_table() -> str:
    """The README's table of options, one row each (tests/unit/test_options_table.py holds the
    README equal to it): blocks first as a row of their own, then one row per option inside."""
    rows = ["| option | default | meaning |", "| --- | --- | --- |"]

    def shown(option: Option) -> str:
        if option.shown_default:
            return option.shown_default
        if option.kind in ("block", "blocks", "levels", "any") or option.default is None or option.default == []:
            return "none" if option.kind != "block" else ""
        if isinstance(option.default, bool):
            return f"`{str(option.default).lower()}`"
        return f"`{option.default}`" if option.default != "" else '`""`'

    described: set[Any] = set()
    for name, option in SCHEMA.items():
        rows.append(f"| `{name}` | {shown(option)} | {option.doc} |")
        if option.kind in ("block", "blocks") and option.item not in described:
            described.add(option.item)
            for sub, inner in option.fields.items():
                rows.append(f"| `{name}: {sub}` | {shown(inner)} | {inner.doc} |")
    return "\n".join(rows) + "\n"
