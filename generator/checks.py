"""Every validation the build runs, without building: what `procedures check` reports.

Each feature adds its own check here, so that the command line and the plugin agree on what is
wrong with a manual. The functions called are plain core code; nothing here imports MkDocs.
"""

from __future__ import annotations

from .core.manual import Manual, load_manual
from .core.problems import Problems
from .nav import check_nav
from .project import Project


def check_project(project: Project) -> tuple[Manual, Problems]:
    """Load the manual and run every check; returns the manual and all problems found."""
    manual = load_manual(project.root, project.sections, today=project.today)
    problems = Problems(manual.problems)
    # Feature checks are added below, one call each.
    check_nav(project, manual, problems)  # pages missing from nav, nav lines to missing pages
    return manual, problems
