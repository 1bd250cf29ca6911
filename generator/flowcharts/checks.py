"""The flowchart checks that need the rest of the site: links to pages, and `!flowchart` lines.

Shared by the MkDocs adapter (which knows the site's files) and ``procedures check`` (which
works them out from mkdocs.yml without building).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable

from ..core import textfile
from ..core.files import source_files
from ..core.manual import Manual
from ..core.problems import Problems
from .model import FlowchartCache, Library, check_embeds, check_page_links, load_library


def check_site(library: Library, manual: Manual, *, site_pages: Iterable[str], docs_pages: Iterable[tuple[str, Path]]) -> Problems:
    """Every flowchart problem: in the sources, links to pages that are not in the site, and
    `!flowchart` lines (in procedures and in ``docs_pages``: (path from the root, file)) that
    name no flowchart."""
    problems = Problems(library.problems)
    # A page with errors of its own is still a page: do not report links to it twice.
    broken = set(manual.files) - set(manual.pages)
    problems.extend(check_page_links(library, set(site_pages) | broken))
    sources = [(page.uri, page.body, page.body_line) for page in manual.pages.values()]
    for rel, path in docs_pages:
        try:
            sources.append((rel, textfile.read_text(path), 1))
        except (OSError, textfile.TextFileError):
            continue  # MkDocs reports a page it cannot read
    problems.extend(check_embeds(library, sources))
    return problems


def docs_pages(docs_dir: Path, root: Path) -> list[tuple[str, Path, str]]:
    """The Markdown files in docs_dir: (path as shown in messages, file, path in the site)."""
    found = []
    for path in source_files(docs_dir):
        shown = path.relative_to(root).as_posix() if root in path.parents else str(path)
        found.append((shown, path, path.relative_to(docs_dir).as_posix()))
    return found


def folder_for_project(options: dict) -> str | None:
    """The flowcharts folder mkdocs.yml's options name (``flowcharts: folder:``, default
    ``flowcharts``), or ``None`` when flowcharts are turned off."""
    settings = options.get("flowcharts") or {}
    if not isinstance(settings, dict) or settings.get("enabled", True) is False:
        return None
    return str(settings.get("folder") or "flowcharts").strip("/")


def load_for_project(root: Path, options: dict, *, today: dt.date) -> Library | None:
    """The flowcharts as mkdocs.yml's options configure them; ``None`` when the feature is off."""
    folder = folder_for_project(options)
    if folder is None:
        return None
    return load_library(root, folder, today=today, cache=_CACHE)


# `procedures check` loads the flowcharts for its checks and for their keywords: parse them once.
_CACHE = FlowchartCache()


def check_project(root: Path, docs_dir: Path, options: dict, manual: Manual, *, today: dt.date) -> Problems:
    """For `procedures check`: the same checks as the build, from mkdocs.yml's options."""
    library = load_for_project(root, options, today=today)
    if library is None:
        return Problems()
    docs = docs_pages(docs_dir.resolve(), root) if docs_dir.is_dir() else []
    site_pages = {site for _, _, site in docs}
    drafts = bool(options.get("drafts", False))
    site_pages |= {p.uri for p in manual.pages.values() if p.status != "draft" or drafts}
    contents = options.get("contents") or {}
    if contents.get("enabled", True) is not False:
        site_pages.add(str(contents.get("path") or "contents.md"))
    return check_site(library, manual, site_pages=site_pages, docs_pages=[(shown, path) for shown, path, _ in docs])
