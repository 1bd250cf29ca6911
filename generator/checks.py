"""Every validation the build runs, without building: what `procedures check` reports.

Each feature adds its own check here, so that the command line and the plugin agree on what is
wrong with a manual. The functions called are plain core code; nothing here imports MkDocs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from .amendments import placeholders, review
from .core.manual import Manual, load_manual
from .flowcharts import checks as flowcharts
from .glossary.checks import check_glossary
from .internal_links import check_links, docs_bodies
from .core.problems import WARNING, Problem, Problems
from .options import check_options, validate as validate_options
from .nav import check_nav
from .project import Project
from .topics import check_item_keywords
from .topics.checks import check_topics


def check_project(project: Project) -> tuple[Manual, Problems]:
    """Load the manual and run every check; returns the manual and all problems found."""
    manual = load_manual(project.root, project.sections, today=project.today)
    problems = Problems(manual.problems)
    problems.extend(option_problems(project))
    # Feature checks are added below, one call each.
    problems.extend(_amendments_checks(project, manual))
    topics = check_topics(project, manual)  # .topics: the topic list, for other features' keyword checks
    problems.extend(topics.problems)
    problems.extend(flowcharts.check_project(project.root, project.docs_dir, project.options, manual, today=project.today))
    charts = flowcharts.load_for_project(project.root, project.options, today=project.today)
    if charts is not None:
        check_item_keywords(topics.topics, charts.charts.values(), problems)
    check_nav(project, manual, problems)  # pages missing from nav, nav lines to missing pages
    problems.extend(_link_checks(project, manual, charts.charts.values() if charts is not None else ()))
    problems.extend(_glossary_checks(project, manual, topics))
    return manual, problems


def option_problems(project: Project) -> list[Problem]:
    """The plugin options' types and values, as the build checks them (generator/options.py)."""
    values, errors, warnings = validate_options(project.options)
    if not errors:  # the values are checked once their types are right, as in the build
        errors = check_options(values, root=project.root, docs_dir=project.docs_dir, sections=project.sections).problems
    name, line = project.config_file.name, project.options_line
    return [Problem(name, line, m) for m in errors] + [Problem(name, line, m, WARNING) for m in warnings]


def _glossary_checks(project: Project, manual: Manual, topics: Any) -> Problems:
    sheets = [(uri, sheet.body) for uri, sheet in topics.sheets.items() if sheet.status == "published"]
    pages = [(p.uri, p.body) for p in manual.pages.values() if p.status == "published"] + sheets
    skip = set(manual.pages) | set(topics.sheets)
    pages += [(uri, text) for _, uri, text, _ in docs_bodies(project.docs_dir, project.root, skip=skip)]
    return check_glossary(project.root, project.options, pages, topics.topics)


def _generated_pages(project: Project, charts: Iterable[Any]) -> set[str]:
    """The site uris of the pages the plugin generates, as mkdocs.yml's options configure them."""
    options = project.options

    def page(name: str, default: str, needs: Path | None = None, key: str = "path") -> set[str]:
        settings = options.get(name) or {}
        if settings.get("enabled", True) is False or (needs is not None and not needs.is_file()):
            return set()
        return {str(settings.get(key) or default)}

    glossary = options.get("glossary") or {}
    return (
        page("contents", "contents.md")
        | page("amendments", "amendments.md")
        | page("topics_index", "topics.md", None if options.get("topics") else project.root / "topics.yml")
        | page("glossary", "glossary.md", project.root / str(glossary.get("path") or "glossary.yml"), key="page")
        | {chart.uri for chart in charts}
    )


def _link_checks(project: Project, manual: Manual, charts: Iterable[Any]) -> Problems:
    """Links to missing pages or headings, as the strict build reports them."""
    drafts = bool(project.options.get("drafts", False))
    content = [
        (p.uri, p.uri, p.body, p.body_line) for p in manual.pages.values() if p.status != "draft" or drafts
    ]
    docs = docs_bodies(project.docs_dir, project.root, skip=set(manual.pages))
    return check_links(content + docs, _generated_pages(project, charts))


def _amendments_checks(project: Project, manual: Manual) -> Problems:
    """Placeholder links, and overdue reviews when the build warns about them (generator/amendments)."""
    found = Problems(placeholders.find_in_project(
        project.root, project.docs_dir, ((p.uri, p.body, p.body_line) for p in manual.pages.values())
    ))
    settings = review.options(project.options)
    if settings["warn_overdue"]:
        found.extend(review.overdue_warnings(manual, project.today, settings["date_format"]))
    return found
