"""Every validation the build runs, without building: what `procedures check` reports.

Each feature adds its own check here, so that the command line and the plugin agree on what is
wrong with a manual. The functions called are plain core code; nothing here imports MkDocs.
"""

from __future__ import annotations

from .amendments import placeholders, review
from .core.manual import Manual, load_manual
from .flowcharts import checks as flowcharts
from .core.problems import Problems
from .nav import check_nav
from .project import Project
from .topics import check_item_keywords
from .topics.checks import check_topics


def check_project(project: Project) -> tuple[Manual, Problems]:
    """Load the manual and run every check; returns the manual and all problems found."""
    manual = load_manual(project.root, project.sections, today=project.today)
    problems = Problems(manual.problems)
    # Feature checks are added below, one call each.
    problems.extend(_amendments_checks(project, manual))
    topics = check_topics(project, manual)  # .topics: the topic list, for other features' keyword checks
    problems.extend(topics.problems)
    problems.extend(flowcharts.check_project(project.root, project.docs_dir, project.options, manual, today=project.today))
    charts = flowcharts.load_for_project(project.root, project.options, today=project.today)
    if charts is not None:
        check_item_keywords(topics.topics, charts.charts.values(), problems)
    check_nav(project, manual, problems)  # pages missing from nav, nav lines to missing pages
    return manual, problems


def _amendments_checks(project: Project, manual: Manual) -> Problems:
    """Placeholder links, and overdue reviews when the build warns about them (generator/amendments)."""
    found = Problems(placeholders.find_in_project(
        project.root, project.docs_dir, ((p.uri, p.body, p.body_line) for p in manual.pages.values())
    ))
    settings = review.options(project.options)
    if settings["warn_overdue"]:
        found.extend(review.overdue_warnings(manual, project.today, settings["date_format"]))
    return found
