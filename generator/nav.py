"""Where pages sit in the ``nav`` of mkdocs.yml, with the line numbers of the file.

Two users: ``procedures new`` tells the officer the exact line to add to ``nav`` (we never rewrite
mkdocs.yml, which holds the partnership's comments and layout), and ``procedures check`` reports
the nav mistakes the build would warn about: a published page missing from ``nav``, or a ``nav``
line naming a page that does not exist. Plain YAML reading; nothing here imports MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from .core.manual import Manual, Section
from .core.problems import Problems
from .project import Project


@dataclass
class ConfigNavEntry:
    """A page (``uri``) or a group (``children``) of the nav, with where it is in mkdocs.yml."""

    title: str | None
    uri: str | None
    line: int  # 1-based line of the entry in mkdocs.yml
    indent: str | None  # the text before the entry's "- ", or None for a flow-style list
    children: list["ConfigNavEntry"] | None = None

    @property
    def last_line(self) -> int:
        """The last line the entry (with all its children) takes up."""
        if self.children:
            return max(self.line, self.children[-1].last_line)
        return self.line

    def pages(self) -> list["ConfigNavEntry"]:
        out: list[ConfigNavEntry] = []
        for child in self.children or []:
            if child.children is not None:
                out.extend(child.pages())
            elif child.uri:
                out.append(child)
        return out


@dataclass
class NavFile:
    """The nav of one mkdocs.yml: its top-level entries and the lines of the file."""

    entries: list[ConfigNavEntry]
    line: int  # the line of "nav:"
    lines: list[str] = field(default_factory=list)

    def pages(self) -> list[ConfigNavEntry]:
        return ConfigNavEntry(None, None, self.line, None, self.entries).pages()

    def groups(self) -> list[ConfigNavEntry]:
        found: list[ConfigNavEntry] = []

        def walk(entries: list[ConfigNavEntry]) -> None:
            for entry in entries:
                if entry.children is not None:
                    found.append(entry)
                    walk(entry.children)

        walk(self.entries)
        return found


def read_nav(config_file: Path, text: str | None = None) -> NavFile | None:
    """The nav of ``config_file`` (whose ``text`` may be given, read already) with line numbers,
    or ``None`` when it has no ``nav``."""
    text = config_file.read_text(encoding="utf-8") if text is None else text
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None  # load_project has already reported it
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "nav" and isinstance(value, yaml.SequenceNode):
            lines = text.splitlines()
            return NavFile(_entries(value, lines), key.start_mark.line + 1, lines)
    return None


def _entries(node: yaml.SequenceNode, lines: list[str]) -> list[ConfigNavEntry]:
    out = []
    for item in node.value:
        indent = None if node.flow_style else _indent(item, lines)
        line = item.start_mark.line + 1
        if isinstance(item, yaml.ScalarNode):
            out.append(ConfigNavEntry(None, _page(item.value), line, indent))
        elif isinstance(item, yaml.MappingNode) and len(item.value) == 1:
            key, value = item.value[0]
            title = str(key.value) if isinstance(key, yaml.ScalarNode) else None
            if isinstance(value, yaml.SequenceNode):
                out.append(ConfigNavEntry(title, None, line, indent, _entries(value, lines)))
            elif isinstance(value, yaml.ScalarNode):
                out.append(ConfigNavEntry(title, _page(value.value), line, indent))
    return out


def _indent(item: yaml.Node, lines: list[str]) -> str | None:
    """The spaces before the "- " that introduces ``item`` on its line."""
    before = lines[item.start_mark.line][: item.start_mark.column].rstrip()
    if before.endswith("-") and not before[:-1].strip():
        return before[:-1]
    return None


def _page(value: str) -> str | None:
    value = str(value).strip()
    if "://" in value or value.startswith("/") or not value.endswith(".md"):
        return None
    return value


# --------------------------------------------------------------------------- placing a page


def group_for(nav: NavFile, section: Section) -> ConfigNavEntry | None:
    """The nav group that holds the section's pages: the one with most of them, else by label."""
    prefix = section.folder + "/"
    best, best_count = None, 0
    for group in nav.groups():
        count = sum(1 for child in group.children or [] if child.uri and child.uri.startswith(prefix))
        if count > best_count:
            best, best_count = group, count
    if best is not None:
        return best
    for group in nav.groups():
        if group.title and group.title.casefold() == section.label.casefold():
            return group
    return None


@dataclass
class Placement:
    """What to add to nav: ``text`` (one or more lines) after line ``after``, or a hint."""

    text: str
    after: int | None
    group: str | None
    hint: str  # a sentence that says where, for people


def placement(nav: NavFile, section: Section, uri: str) -> Placement:
    """Where a new page of ``section`` goes in ``nav``: after the last entry of its group."""
    group = group_for(nav, section)
    if group is not None and group.children:
        last = group.children[-1]
        if last.indent is not None:
            after = last.last_line
            return Placement(
                f"{last.indent}- {uri}", after, group.title,
                f"under '{group.title}', after line {after}",
            )
        return Placement(f"- {uri}", None, group.title, f"in the list under '{group.title}'")
    step = " " * _child_step(nav)
    if group is not None and group.indent is not None:
        return Placement(
            f"{group.indent}{step}- {uri}", group.line, group.title, f"under '{group.title}', after line {group.line}",
        )
    top = nav.entries[-1] if nav.entries else None
    indent = top.indent if top is not None and top.indent is not None else "  "
    after = top.last_line if top is not None else nav.line
    return Placement(
        f"{indent}- {section.label}:\n{indent}{step}- {uri}", after, None,
        f"as a new group at the end of nav, after line {after}",
    )


def _child_step(nav: NavFile) -> int:
    """How much deeper this mkdocs.yml indents a group's pages than the group (4 if unknown)."""
    for group in nav.groups():
        for child in group.children or []:
            if group.indent is not None and child.indent is not None and len(child.indent) > len(group.indent):
                return len(child.indent) - len(group.indent)
    return 4


# --------------------------------------------------------------------------- checking


@dataclass(frozen=True)
class NavPage:
    """A page the site will have, other than a procedure, that MkDocs expects in ``nav``.

    ``source`` is the file a problem is reported on (from the top of the project), or ``""`` for a
    page the plugin generates (reported on the ``nav:`` line of mkdocs.yml). ``group`` is the nav
    group it belongs in (a folder and its label), or ``None`` for a page at the top level.
    """

    uri: str
    source: str = ""
    group: Section | None = None
    what: str = "the page"


@dataclass
class _NavSettings:
    not_in_nav: Any = None  # a pathspec of mkdocs.yml's `not_in_nav`, or None
    excluded: Any = None  # a pathspec of mkdocs.yml's `exclude_docs`, or None

    def in_menu(self, uri: str) -> bool:
        """Whether MkDocs expects the page in ``nav`` (not excluded, not listed under not_in_nav)."""
        return not any(spec is not None and spec.match_file(uri) for spec in (self.not_in_nav, self.excluded))


def _settings(config: dict[str, Any]) -> _NavSettings:
    """The pages MkDocs keeps out of the menu (``not_in_nav``) or out of the site (``exclude_docs``).
    (How much a page missing from nav matters is its check's level: see site/plan.py.)"""
    settings = _NavSettings()
    for key, attribute in (("not_in_nav", "not_in_nav"), ("exclude_docs", "excluded")):
        patterns = config.get(key)
        if isinstance(patterns, str) and patterns.strip():
            from pathspec.gitignore import GitIgnoreSpec  # MkDocs' own dependency, for its own patterns

            setattr(settings, attribute, GitIgnoreSpec.from_lines(patterns.splitlines()))
    return settings


def _to_add(nav: NavFile, place: Placement, uri: str) -> str:
    """What to add to ``nav``, in words: the line, and the group's line when the group is new."""
    lines = place.text.replace("\0", uri).splitlines()
    if len(lines) > 1:
        where = f", after line {place.after}" if place.after else ""
        return f"add a group '{lines[0].strip()}' at the end of nav{where}, with the line '{lines[-1].strip()}' under it"
    return f"add the line '{lines[-1].strip()}' {place.hint}"


def top_level(nav: NavFile, uri: str) -> Placement:
    """Where a page that belongs to no group goes: a line of its own at the end of ``nav``."""
    top = nav.entries[-1] if nav.entries else None
    indent = top.indent if top is not None and top.indent is not None else "  "
    after = top.last_line if top is not None else nav.line
    return Placement(f"{indent}- {uri}", after, None, f"at the end of nav, after line {after}")


def check_nav(
    project: Project, manual: Manual, problems: Problems, others: Iterable[NavPage] = (), existing: Iterable[str] = ()
) -> None:
    """The nav mistakes MkDocs reports, with the file, the line and the fix.

    Procedures come from ``manual``; ``others`` are the site's other pages that belong in the menu
    (flowcharts, published info-sheets, the pages of docs_dir and the generated pages), so that
    every page MkDocs would find missing from ``nav`` is reported, not only procedures.
    ``existing`` are the site paths of other files that exist, even if they are drafts or have
    errors of their own: a ``nav`` line naming one is not reported as naming nothing. How much each
    matters is its check's level (nav-missing, nav-unknown-page), which mkdocs.yml's `validation:` sets.
    """
    if not project.nav:
        return
    nav = read_nav(project.config_file, project.config_text)
    if nav is None:
        return
    others = list(others)
    _missing_from_nav(nav, project.config_file.name, _settings(project.config), manual, others, problems)
    _unknown_in_nav(nav, project.config_file.name, manual, others, set(existing), problems)


def _missing_from_nav(
    nav: NavFile, config_name: str, settings: _NavSettings, manual: Manual, others: list[NavPage], problems: Problems,
) -> None:
    """Published pages the menu does not list, each with the line to add."""
    listed = {entry.uri for entry in nav.pages()}
    templates: dict[Section | None, Placement] = {}  # one search of the nav per group, not per page

    def place(group: Section | None) -> Placement:
        if group not in templates:
            templates[group] = placement(nav, group, "\0") if group is not None else top_level(nav, "\0")
        return templates[group]

    for page in manual.pages.values():
        if page.status != "published" or page.uri in listed or not settings.in_menu(page.uri):
            continue
        problems.add(
            "nav-missing", page.uri, 1,
            f"the page is not in 'nav' in {config_name}, so readers cannot find it in the menu: "
            f"{_to_add(nav, place(page.section), page.uri)}",
        )
    for other in others:
        if other.uri in listed or not settings.in_menu(other.uri):
            continue
        fix = _to_add(nav, place(other.group), other.uri)
        if other.group is None:  # a page of its own, which may be meant to stay out of the menu
            fix += f", or list it under 'not_in_nav' in {config_name} to keep it out of the menu"
        if other.source:
            problems.add(
                "nav-missing", other.source, 1,
                f"{other.what} {other.uri} is not in 'nav' in {config_name}, so readers cannot find it in the menu: {fix}",
            )
        else:
            problems.add(
                "nav-missing", config_name, nav.line,
                f"'nav' does not list {other.what} {other.uri}, so readers cannot find it in the menu: {fix}",
            )


def _unknown_in_nav(
    nav: NavFile, config_name: str, manual: Manual, others: list[NavPage], existing: set[str], problems: Problems,
) -> None:
    """``nav`` lines, in the site's folders, that name a page that does not exist."""
    known = set(manual.files) | {other.uri for other in others} | existing
    folders = tuple(section.folder + "/" for section in manual.sections)
    folders += tuple(sorted({other.group.folder + "/" for other in others if other.group is not None}))
    for entry in nav.pages():
        if entry.uri and entry.uri.startswith(folders) and entry.uri not in known:
            problems.add(
                "nav-unknown-page", config_name, entry.line,
                f"'nav' lists {entry.uri}, which does not exist: correct the path, or remove the line",
            )


def lines_to_add(nav: NavFile, section: Section, uris: list[str]) -> tuple[str, str] | None:
    """For pages of ``section`` not yet in ``nav``: where to add them, and the text to add."""
    listed = {entry.uri for entry in nav.pages()}
    places = [placement(nav, section, uri) for uri in uris if uri not in listed]
    if not places:
        return None
    text = "\n".join([places[0].text] + [p.text.splitlines()[-1] for p in places[1:]])
    return places[0].hint, text
