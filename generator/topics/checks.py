"""The topics feature's part of ``procedures check``."""

from __future__ import annotations

from ..core.manual import Manual, ParseCache
from ..project import Project
from .sources import Settings, TopicSources, discover_docs_pages, load_sources


def check_topics(project: Project, manual: Manual, cache: ParseCache | None = None) -> TopicSources:
    """Topic list, info-sheets, keywords and related entries, as the build checks them.

    The problems are in ``.problems``; ``.topics`` is the topic list, for other features'
    keyword checks (flowcharts, glossary terms).
    """
    settings = Settings.from_options(project.options, project.config_file)
    return load_sources(
        project.root, project.docs_dir, manual, discover_docs_pages(project.docs_dir), settings,
        today=project.today, cache=cache,
    )
