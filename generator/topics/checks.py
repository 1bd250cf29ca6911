"""The topics feature's part of ``procedures check``."""

from __future__ import annotations

from ..core.manual import Manual, ParseCache
from ..core.problems import Problems
from ..project import Project
from .sources import Settings, discover_docs_pages, load_sources


def check_topics(project: Project, manual: Manual, cache: ParseCache | None = None) -> Problems:
    """Topic list, info-sheets, keywords and related entries, as the build checks them."""
    settings = Settings.from_options(project.options, project.config_file.name)
    sources = load_sources(
        project.root, project.docs_dir, manual, discover_docs_pages(project.docs_dir), settings,
        today=project.today, cache=cache,
    )
    return sources.problems
