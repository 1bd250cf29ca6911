"""Every validation the build runs, without building: what `procedures check` reports.

Each feature adds its own check here, so that the command line and the plugin agree on what is
wrong with a manual. The functions called are plain core code; nothing here imports MkDocs.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any, Iterable

from .amendments import placeholders, review
from .core.manual import Manual, Section as ContentSection, load_manual
from .flowcharts import checks as flowcharts
from .glossary.checks import check_glossary
from .internal_links import check_links, docs_bodies
from .core.problems import Problem, Problems
from .options import check_options, validate as validate_options
from .nav import NavPage, check_nav
from .project import Project
from .topics import Settings as TopicSettings, check_item_keywords, discover_docs_pages
from .topics.checks import check_topics
from .topics.sheets import discover_sheets


def check_project(project: Project) -> tuple[Manual, Problems]:
    """Load the manual and run every check; returns the manual and all problems found."""
    manual = load_manual(project.root, project.sections, today=project.today)
    problems = Problems(manual.problems)
    found, levels = option_problems(project)
    problems.extend(found)
    # Feature checks are added below, one call each.
    topics = check_topics(project, manual)  # .topics: the topic list, for other features' keyword checks
    problems.extend(topics.problems)
    problems.extend(flowcharts.check_project(project.root, project.docs_dir, project.options, manual, today=project.today))
    charts = flowcharts.load_for_project(project.root, project.options, today=project.today)
    if charts is not None:
        check_item_keywords(topics.topics, charts.charts.values(), problems)
    problems.extend(_amendments_checks(project, manual, topics, charts))
    # Pages missing from nav, and nav lines to missing pages: procedures and every other page.
    others, existing = _nav_pages(project, topics, charts)
    check_nav(project, manual, problems, others, existing)
    problems.extend(_link_checks(project, manual, charts.charts.values() if charts is not None else ()))
    problems.extend(_glossary_checks(project, manual, topics))
    return manual, problems.at_levels(levels)


def option_problems(project: Project) -> tuple[list[Problem], dict[str, str]]:
    """The plugin options' types and values, as the build checks them (generator/options.py),
    and the checks' levels they set."""
    values, errors, warnings = validate_options(project.options)
    name, line = project.config_file.name, project.options_line
    found = [Problem.of("unknown-field", name, line, m) for m in warnings]
    if errors:  # the values are checked once their types are right, as in the build
        return [Problem.of("options", name, line, m) for m in errors] + found, {}
    checked = check_options(
        values, root=project.root, docs_dir=project.docs_dir, sections=project.sections, config_file=project.config_file,
    )
    return checked.problems + found, checked.levels


def _glossary_checks(project: Project, manual: Manual, topics: Any) -> Problems:
    sheets = [(uri, sheet.body) for uri, sheet in topics.sheets.items() if sheet.status == "published"]
    pages = [(p.uri, p.body) for p in manual.pages.values() if p.status == "published"] + sheets
    skip = set(manual.pages) | set(topics.sheets)
    pages += [(uri, text) for _, uri, text, _ in docs_bodies(project.docs_dir, project.root, skip=skip)]
    return check_glossary(project.root, project.options, pages, topics.topics)


def _generated_by_option(project: Project) -> dict[str, str]:
    """The site uris of the pages the plugin generates, by the option that configures each."""
    options = project.options

    def page(name: str, default: str, needs: Path | None = None, key: str = "path") -> dict[str, str]:
        settings = options.get(name) or {}
        if settings.get("enabled", True) is False or (needs is not None and not needs.is_file()):
            return {}
        return {name: str(settings.get(key) or default)}

    glossary = options.get("glossary") or {}
    return {
        **page("contents", "contents.md"),
        **page("amendments", "amendments.md"),
        **page("topics_index", "topics.md", None if options.get("topics") else project.root / "topics.yml"),
        **page("glossary", "glossary.md", project.root / str(glossary.get("path") or "glossary.yml"), key="page"),
    }


def _generated_pages(project: Project, charts: Iterable[Any]) -> set[str]:
    """The site uris of the pages the plugin generates, as mkdocs.yml's options configure them."""
    return set(_generated_by_option(project).values()) | {chart.uri for chart in charts}


def _nav_pages(project: Project, topics: Any, charts: Any) -> tuple[list[NavPage], set[str]]:
    """The site's pages other than procedures that MkDocs expects in nav, as the build makes
    them; and the site paths of every other file that exists (drafts, pages with errors)."""
    pages: list[NavPage] = []
    existing: set[str] = set()
    if charts is not None:
        settings = project.options.get("flowcharts") or {}
        group = ContentSection(charts.folder, str(settings.get("label") or "Flowcharts"))
        pages += [NavPage(chart.uri, chart.path, group, "the flowchart's page") for chart in charts.charts.values()]
        existing |= {posixpath.splitext(path)[0] + ".md" for path in charts.files}
    sheets = TopicSettings.from_options(project.options, project.config_file)
    group = ContentSection(sheets.sheets_folder, sheets.sheets_label)
    pages += [NavPage(uri, sheet.meta.path, group, "the info-sheet") for uri, sheet in topics.sheets.items()
              if sheet.status == "published"]
    docs = discover_docs_pages(project.docs_dir) if project.docs_dir.is_dir() else []
    existing |= set(docs)
    for uri in docs:
        if not uri.startswith(sheets.sheets_folder + "/"):  # info-sheets are listed above, if published
            pages.append(NavPage(uri, _relative(project.docs_dir / uri, project.root)))
    generated = _generated_by_option(project)
    generated.pop("amendments", None)  # the plugin keeps it out of the menu when nav does not list it
    pages += [NavPage(uri, "", None, "the generated page") for uri in generated.values()]
    return pages, existing


def _link_checks(project: Project, manual: Manual, charts: Iterable[Any]) -> Problems:
    """Links to missing pages or headings, as the strict build reports them."""
    drafts = bool(project.options.get("drafts", False))
    content = [
        (p.uri, p.uri, p.body, p.body_line) for p in manual.pages.values() if p.status != "draft" or drafts
    ]
    docs = docs_bodies(project.docs_dir, project.root, skip=set(manual.pages))
    # A page with errors of its own is still a page: links to it are not reported as well.
    broken = set(manual.files) - set(manual.pages)
    return check_links(content + docs, _generated_pages(project, charts) | broken)


def _amendments_checks(project: Project, manual: Manual, topics: Any, charts: Any) -> Problems:
    """Placeholder links, and overdue reviews when the build warns about them (generator/amendments)."""
    found = Problems(placeholders.find_in_project(
        project.root, project.docs_dir, ((p.uri, p.body, p.body_line) for p in manual.pages.values())
    ))
    settings = review.options(project.options)
    pages = review.reviewables(manual.pages.values(), charts.charts.values() if charts is not None else (), topics.sheets.values())
    found.extend(review.overdue_warnings(pages, project.today, settings["date_format"]))
    return found


def review_pages(project: Project) -> tuple[list[review.Reviewable], list[str]]:
    """For `procedures report`: every procedure, flowchart and info-sheet with its review date, as
    the build reads them, and the source files left out because they have errors."""
    manual = load_manual(project.root, project.sections, today=project.today)
    topics = check_topics(project, manual)
    charts = flowcharts.load_for_project(project.root, project.options, today=project.today)
    chart_list = list(charts.charts.values()) if charts is not None else []
    left_out = set(manual.files) - set(manual.pages)
    left_out |= set(charts.files if charts is not None else ()) - {chart.path for chart in chart_list}
    settings = TopicSettings.from_options(project.options, project.config_file)
    sheet_files = {_relative(path, project.root) for path in discover_sheets(project.docs_dir, settings.sheets_folder)}
    left_out |= sheet_files - {sheet.meta.path for sheet in topics.sheets.values()}
    pages = review.reviewables(manual.pages.values(), chart_list, topics.sheets.values())
    return pages, sorted(left_out)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
