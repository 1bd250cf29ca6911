"""Everything the topics feature reads and checks, before numbering and rendering.

``load_sources`` reads the topic list and the info-sheets, checks every procedure's
``keywords`` and ``related`` entries, and collects the problems. It is shared by the plugin
(``on_files``) and by ``procedures check``, so both report the same mistakes.
"""

from __future__ import annotations

import datetime as dt
import difflib
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..core.manual import Manual, ParseCache, Section
from ..core.problems import Problems
from .model import TopicList, check_keywords, load_topic_list
from ..infosheets.model import InfoSheet, load_info_sheets


@dataclass(frozen=True)
class TopicSettings:
    """The plugin options this feature reads (the same keys in ``mkdocs.yml`` for the CLI)."""

    topics: Any = None  # the `topics:` option: the topic list itself, or None to use topics.yml
    sheets_folder: str = "info-sheets"  # inside docs_dir
    sheets_label: str = "Info-sheets"
    config_name: str = "mkdocs.yml"
    config_file: Path | None = None  # mkdocs.yml itself, to give the lines of the `topics:` option

    @classmethod
    def from_options(cls, options: dict[str, Any], config_file: Path | None = None) -> "TopicSettings":
        """The settings from the plugin options of ``config_file`` (mkdocs.yml)."""
        given = options.get("info_sheets")
        sheets: Any = given if isinstance(given, dict) or hasattr(given, "get") else {}  # a dict, or MkDocs' Config
        return cls(
            topics=options.get("topics"),
            sheets_folder=str(sheets.get("folder") or cls.sheets_folder).strip("/"),
            sheets_label=str(sheets.get("label") or cls.sheets_label),
            config_name=config_file.name if config_file is not None else cls.config_name,
            config_file=config_file if config_file is not None and config_file.is_file() else None,
        )


@dataclass
class TopicSources:
    """The checked sources: topic list, sheets, each procedure's topic keys and related pages."""

    root: Path
    docs_dir: Path
    topics: TopicList | None
    sheets: dict[str, InfoSheet]
    keywords: dict[str, list[str]] = field(default_factory=dict)  # page uri -> topic keys
    related: dict[str, list[str]] = field(default_factory=dict)  # page uri -> related page uris
    problems: Problems = field(default_factory=Problems)

    def statuses(self, manual: Manual) -> dict[str, str]:
        """Every content page and info-sheet, with its status."""
        out = {uri: page.status for uri, page in manual.pages.items()}
        out.update({uri: sheet.status for uri, sheet in self.sheets.items()})
        return out


def load_sources(
    root: Path,
    docs_dir: Path,
    manual: Manual,
    docs_pages: Iterable[str],
    settings: TopicSettings,
    *,
    today: dt.date,
    cache: ParseCache | None = None,
) -> TopicSources:
    """Read and check the topic list, the info-sheets, keywords and related entries. Never raises."""
    problems = Problems()
    topics = load_topic_list(root, settings.topics, problems, config_name=settings.config_name, config_file=settings.config_file)
    topics_broken = bool(problems.errors)
    section = Section(_relative(docs_dir / settings.sheets_folder, root), settings.sheets_label)
    sheets = load_info_sheets(
        root, docs_dir, section, topics, problems,
        today=today, cache=cache or ParseCache(), sheets_folder=settings.sheets_folder, topics_broken=topics_broken,
    )
    sources = TopicSources(root, docs_dir, topics, sheets, problems=problems)
    for uri, page in manual.pages.items():
        line = page.meta.line_of("keywords")
        sources.keywords[uri] = check_keywords(topics, uri, [(k, line) for k in page.meta.keywords], problems)
    _check_related(sources, manual, set(docs_pages))
    return sources


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _check_related(sources: TopicSources, manual: Manual, docs_pages: set[str]) -> None:
    """Resolve every ``related`` entry (a path from the project root) to a page, or report it."""
    docs_prefix = _relative(sources.docs_dir, sources.root).rstrip("/")
    statuses = sources.statuses(manual)
    # A page whose own front matter has errors is still a page: those errors are reported for it,
    # and entries pointing to it are not reported again (nor shown until it is fixed).
    broken = set(manual.files) - set(manual.pages)
    # Where each page lives, as an officer writes it (from the project root) -> its site uri.
    by_path: dict[str, str] = {uri: uri for uri in [*manual.pages, *sorted(broken)]}
    for uri in docs_pages:
        by_path.setdefault(f"{docs_prefix}/{uri}" if docs_prefix not in ("", ".") else uri, uri)
    problems = sources.problems
    for uri, page in manual.pages.items():
        targets: list[str] = []
        for entry, line in page.meta.related:
            target = _resolve(entry, by_path, docs_pages, docs_prefix, uri, line, problems)
            if target is None or target in broken:
                continue
            if target == uri:
                problems.add("related-invalid", uri, line, f"'related': {entry} is this page itself; list other pages only",
                             field="related")
                continue
            status = statuses.get(target, "published")
            if status != "published" and page.status != "archived" and not (status == "draft" and page.status == "draft"):
                why = (
                    "is a draft, so readers cannot see it: remove it from 'related' until it is published"
                    if status == "draft"
                    else "is archived: point to the page that replaced it, or remove the entry"
                )
                problems.add("related-invalid", uri, line, f"'related': {entry} {why}", field="related")
                continue
            if target in targets:
                problems.add("listed-twice", uri, line, f"'related': {entry} is listed twice; keep one", field="related")
                continue
            targets.append(target)
        sources.related[uri] = targets


def _resolve(
    entry: str, by_path: dict[str, str], docs_pages: set[str], docs_prefix: str, uri: str, line: int, problems: Problems
) -> str | None:
    if "\\" in entry:
        problems.add("related-invalid", uri, line,
                     f"'related': {entry} uses '\\': write paths with '/', such as statutory/referrals.md", field="related")
        return None
    path = entry.strip()
    while path.startswith("./"):
        path = path[2:]
    path = posixpath.normpath(path.lstrip("/")) if path.strip("/") else path
    if path in by_path:
        return by_path[path]
    if path in docs_pages:  # written as the site sees it: info-sheets/x.md
        return path
    if "://" in entry:
        message = f"'related': {entry} is a web address; 'related' lists pages of this manual, such as statutory/referrals.md"
    else:
        # Paths share long prefixes ('statutory/'), so only a near miss counts; a page moved to
        # another folder is found by its file name. The page itself is never the suggestion: an
        # entry near its own path is most likely a page that was deleted or renamed.
        others = [p for p, target in by_path.items() if target != uri]
        close = difflib.get_close_matches(path, others, n=1, cutoff=0.85)
        if not close and not path.endswith(".md") and f"{path}.md" in others:
            close = [f"{path}.md"]
        if not close:
            close = sorted(p for p in others if posixpath.basename(p) == posixpath.basename(path))[:1]
        hint = (
            f"did you mean {close[0]}?" if close
            else "write the page's path from the top of the project, such as statutory/referrals.md"
        )
        message = f"'related': {entry} is not a page of this manual: {hint}"
    problems.add("related-invalid", uri, line, message, field="related")
    return None
