"""The site plan: everything the site will hold, computed from a project's settings and sources.

``plan_site`` is plain Python that knows nothing of MkDocs. It reads the content folders, the
pages of ``docs_dir``, the topic list, info-sheets, flowcharts and the glossary; decides which
pages the site has and which are in the menu; numbers them from the nav; writes the generated
pages' Markdown (contents, amendments and its feed, topics, glossary, flowcharts); works out each
page's view for the theme; and runs every check, each problem at the level its check has.

The MkDocs adapter (``generator/plugin.py``) hands this plan to MkDocs, and ``procedures check``
prints its problems: a check exists once, so the build and the command line cannot disagree.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .. import review
from ..amendments import site as amendments
from ..amendments.releases import Releases
from ..core import dates, mdtext, numbering, textfile
from ..core.files import source_files
from ..core.manual import Manual, ParseCache, Section, load_manual
from ..core.numbering import NavNode
from ..core.problems import Problem, Problems
from ..flowcharts import links as flowchart_links, pages as flowchart_pages, svg as flowchart_svg
from ..flowcharts.model import FlowchartCache, Library, check_embeds, check_page_links, load_library
from ..glossary import Glossary, LinkContext, Matcher, acronym_warnings, load_glossary, scan_usage, unused_warnings
from ..glossary.definition import to_plain
from ..glossary.page import glossary_markdown
from ..glossary.usage import body_text
from ..history import editions as manual_editions, site as history
from ..history.editions import BuildContext
from ..history.links import Targets
from ..infosheets import discover_sheets
from ..links import placeholders
from ..links.graph import LinkCache, title_of
from ..links.internal import anchors as heading_anchors, check_links
from ..nav import NavPage, check_nav
from ..options import ACCESSIBILITY_STATEMENT, PRIVACY_PAGE, CheckedOptions, check_options
from ..pages.contents import contents_markdown
from ..pages.render import render
from ..printing import Editions, Printed, Related, plan_editions
from ..printing.edition import edition_markdown, procedure_anchor
from ..project import Project
from ..topics.model import check_item_keywords, check_keywords
from ..topics.sources import TopicSettings, TopicSources, load_sources
from ..topics.views import IndexPage, TopicEntry, Views, build_views, keyword_entries
from . import reference
from .reference import Reference
from .urls import page_url, relative_url
from .updates import versions_file
from .views import (
    CommitView, EditionBanner, EditionView, FeedView, FooterLink, LinkedPage, PageView, ReleaseView, ReviewBanner, SiteView,
    UpdatesView,
)

COLOURS = "assets/procedures/colours.css"
VERSIONS = "assets/procedures/versions.json"  # beside manual.js, which loads it for readers who opted in

# MkDocs' `validation:` levels, as our checks' levels: a partnership's mkdocs.yml keeps its meaning.
_VALIDATION = {
    ("nav", "omitted_files"): "nav-missing",
    ("nav", "not_found"): "nav-unknown-page",
    ("links", "not_found"): "link-broken",
    ("links", "anchors"): "anchor-broken",
}
_MKDOCS_LEVELS = {"warn": "warning", "info": "note", "ignore": "off"}


@dataclass
class Caches:
    """Parsed sources kept across `mkdocs serve` rebuilds, each keyed on its file's mtime and size."""

    pages: ParseCache = field(default_factory=ParseCache)
    links: LinkCache = field(default_factory=LinkCache)
    flowcharts: FlowchartCache = field(default_factory=FlowchartCache)
    history: history.HistoryCache = field(default_factory=history.HistoryCache)


@dataclass
class PlannedPage:
    """A page of the site. ``source`` is its file (``None`` for a generated page); ``markdown`` is
    what is rendered, where the plan writes it (generated pages; content pages without their
    ``# Title`` heading, info-sheets with their lists); ``None``: the file as it is."""

    uri: str
    kind: str  # procedure, info-sheet, flowchart, page (docs_dir), generated
    source: Path | None = None
    markdown: str | None = None
    in_nav: bool = True
    title: str = ""  # from front matter, for pages that have it

    @property
    def generated(self) -> bool:
        return self.source is None


@dataclass
class SitePlan:
    project: Project
    manual: Manual
    sources: TopicSources
    library: Library
    glossary: Glossary | None
    releases: Releases
    caches: Caches
    pages: dict[str, PlannedPage] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # generated files that are not pages (SVG, CSS, feed)
    nav: list[NavNode] = field(default_factory=list)
    numbers: dict[str, str] = field(default_factory=dict)
    group_numbers: dict[tuple[str, ...], str] = field(default_factory=dict)
    views: dict[str, PageView] = field(default_factory=dict)
    site: SiteView = field(default_factory=SiteView)
    topic_views: Views = field(default_factory=Views)
    flowchart_numbers: dict[str, int] = field(default_factory=dict)  # chart name -> "Flowchart 2"
    editions: Editions = field(default_factory=Editions)  # the print edition's pages
    what_changed: dict[str, str] = field(default_factory=dict)  # page uri -> where its latest change is described
    matcher: Matcher | None = None
    reference: Reference = field(default_factory=Reference)  # contacts.yml and legislation.yml (site/reference.py)
    levels: dict[str, str] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)  # at the levels mkdocs.yml sets
    history: history.HistoryPlan = field(default_factory=history.HistoryPlan)
    context: BuildContext | None = None  # from `procedures build --editions`: the editions, or the edition this is

    @property
    def nav_order(self) -> list[str]:
        return numbering.page_order(self.nav)

    def url(self, uri: str) -> str:
        return page_url(uri, self.project.use_directory_urls)

    def title(self, uri: str, title: str | None = None) -> str:
        """The title readers see, with its number: "1.2 Making a Referral" (text, not markup)."""
        title = title if title is not None else self.pages[uri].title
        number = self.numbers.get(uri, "")
        return f"{number} {title}" if number else title

    def fingerprints(self, uris: Iterable[str]) -> dict[str, str]:
        """A digest of what each page shows from other sources (boxes, lists, contacts), to tell
        which outputs a change elsewhere made stale under `serve --dirty`."""
        uris = list(uris)
        topics, more = self.topic_views.fingerprints(uris), reference.fingerprints(self, uris)
        return {uri: topics[uri] + more[uri] for uri in uris}

    def glossary_context(self, uri: str) -> LinkContext | None:
        """What the glossary linker needs on the page ``uri``: ``None`` where terms are not linked."""
        if self.matcher is None or not self.glossary_linked(uri):
            return None
        options = self.project.settings.glossary
        base = mdtext.link_to(options.page, uri)
        return LinkContext(self.matcher, href=lambda term: f"{base}#{term.anchor}", mode=options.link)

    def glossary_linked(self, uri: str) -> bool:
        """Whether the glossary links terms on the page ``uri``."""
        options = self.project.settings.glossary
        if self.matcher is None or uri == options.page or uri in self.history.pages:  # old texts: as they were
            return False
        return not any(fnmatch.fnmatch(uri, p) for p in options.exclude)

    @property
    def edition(self) -> manual_editions.ReleaseEdition | None:
        """The release this site is an edition of, when `procedures build --editions` builds one."""
        return self.context.edition if self.context is not None else None


def plan_site(
    project: Project, *, docs_files: Iterable[str] | None = None, caches: Caches | None = None,
    context: BuildContext | None = None,
) -> SitePlan:
    """The whole site, from ``project``. ``docs_files``: the files of docs_dir (their paths in
    the site), when the engine has listed them; otherwise they are found here. ``context``: what
    `procedures build --editions` says about this build. Never raises for bad input: every
    mistake is a problem in ``plan.problems``."""
    caches = caches or Caches()
    root, settings, today = project.root, project.settings, project.today
    problems = Problems()

    checked = check_options(
        settings, root=root, docs_dir=project.docs_dir, config_name=project.config_file.name,
        line=project.options_line, check_lines=project.option_lines("checks"),
    )
    problems.extend(option_problems(project, checked))

    manual = load_manual(root, project.sections, today=today, cache=caches.pages)
    every = sorted(docs_files) if docs_files is not None else _docs_files(project.docs_dir)
    docs = [uri for uri in every if uri.endswith(".md")]
    library = (
        load_library(root, settings.flowcharts.folder, today=today, cache=caches.flowcharts)
        if settings.flowcharts.enabled else Library(settings.flowcharts.folder.strip("/"))
    )
    glossary: Glossary | None = None
    if settings.glossary.enabled:
        glossary, found = load_glossary(root / settings.glossary.path, settings.glossary.path)
        problems.extend(found)
    # A `related` entry may name any page of the site, the generated ones included.
    sources = load_sources(
        root, project.docs_dir, manual, docs + list(_generated_titles(project, library, glossary)),
        TopicSettings(
            topics=settings.topics, sheets_folder=settings.info_sheets.folder.strip("/"),
            sheets_label=settings.info_sheets.label, config_name=project.config_file.name,
            config_file=project.config_file if project.config_file.is_file() else None,
        ),
        today=today, cache=caches.pages,
    )
    problems.extend(manual.problems)
    problems.extend(sources.problems)

    plan = SitePlan(project, manual, sources, library, glossary, checked.releases, caches, context=context)
    plan.reference, found = reference.load(project)
    problems.extend(found)
    plan.levels = _levels(project, checked.levels)
    if plan.edition is not None:
        plan.levels = manual_editions.lenient(plan.levels)
    plan.matcher = Matcher(glossary) if glossary is not None else None
    _plan_pages(plan, docs, set(every), problems)
    _plan_history(plan, set(every), problems)

    hidden = {uri for uri, page in plan.pages.items() if not page.in_nav}
    plan.nav = _navigation(plan, hidden)
    if settings.numbering:
        result = numbering.number(plan.nav)
        plan.numbers, plan.group_numbers = result.pages, result.groups
    order = plan.nav_order
    chart_order = [uri for uri in order if uri in library.by_uri]
    plan.flowchart_numbers = {library.by_uri[uri].name: i for i, uri in enumerate(chart_order, 1)}

    _site_view(plan, checked.commit)
    _fill_amendments(plan)
    _fill_editions(plan)
    topic_problems = Problems()
    _fill_glossary(plan, topic_problems)
    _fill_topics(plan, topic_problems)
    problems.extend(topic_problems)
    problems.extend(reference.fill(plan, [(uri, _shown_path(plan, uri), text, line) for uri, text, line in _written(plan)]))
    _plan_print(plan, set(every), problems)
    _fill_contents(plan)
    _page_views(plan)

    problems.extend(_checks(plan))
    plan.problems = problems.at_levels(plan.levels)
    # The prose of every page was read several times above; it is not needed again, and on a
    # large manual it is tens of megabytes. (The parsed sources stay in the caches, on purpose.)
    mdtext.prose.cache_clear()
    body_text.cache_clear()
    return plan


def option_problems(project: Project, checked: CheckedOptions | None = None) -> list[Problem]:
    """The plugin options' problems: their types (as written in mkdocs.yml), then their values."""
    if checked is None:
        checked = check_options(
            project.settings, root=project.root, docs_dir=project.docs_dir, config_name=project.config_file.name,
            line=project.options_line, check_lines=project.option_lines("checks"),
        )
    name, line = project.config_file.name, project.options_line
    types = [Problem.of("options" if is_error else "unknown-field", name, line, m) for m, is_error in project.option_problems]
    return types + checked.problems


def review_pages(plan: SitePlan) -> tuple[list[review.Reviewable], list[str]]:
    """For `procedures report`: every procedure, flowchart and info-sheet with its review date, and
    the source files left out because they have errors."""
    left_out = set(plan.manual.files) - set(plan.manual.pages)
    left_out |= set(plan.library.files) - {chart.path for chart in plan.library.charts.values()}
    folder = plan.project.settings.info_sheets.folder.strip("/")
    sheets = {_relative(path, plan.project.root) for path in discover_sheets(plan.project.docs_dir, folder)}
    left_out |= sheets - {sheet.meta.path for sheet in plan.sources.sheets.values()}
    pages = review.reviewables(plan.manual.pages.values(), plan.library.charts.values(), plan.sources.sheets.values())
    pages += reference.reviewables(plan)
    return pages, sorted(left_out)


def _generated_titles(project: Project, library: Library, glossary: Glossary | None) -> dict[str, str]:
    """The pages the plan will generate, with their titles, as far as the settings and sources
    say before the pages are planned (for `related` entries, which may name them)."""
    settings = project.settings
    titles: dict[str, str] = {}
    if settings.contents.enabled:
        titles[settings.contents.path] = settings.contents.title
    if settings.amendments.enabled:
        titles[settings.amendments.path] = settings.amendments.title
    if settings.editions.enabled and settings.release.date is not None:
        titles[settings.editions.path] = settings.editions.title
    if settings.topics_index.enabled and (settings.topics is not None or (project.root / "topics.yml").is_file()):
        titles[settings.topics_index.path] = settings.topics_index.title
    if glossary is not None:
        titles[settings.glossary.page] = settings.glossary.title
    for reference_page in (settings.contacts, settings.legislation):
        if reference_page.enabled and (project.root / reference_page.path).is_file():
            titles[reference_page.page] = reference_page.title
    titles.update({chart.uri: chart.title for chart in library.charts.values()})
    return titles


def watched(project: Project) -> list[Path]:
    """What `mkdocs serve` watches besides docs_dir: the folders and files the plan reads."""
    root, settings = project.root, project.settings
    paths = [root / section.folder for section in project.sections]
    paths.append(root / "topics.yml")
    if settings.flowcharts.enabled:
        paths.append(root / settings.flowcharts.folder.strip("/"))
    if settings.glossary.enabled:
        paths.append(root / settings.glossary.path)
    paths += [root / settings.contacts.path, root / settings.legislation.path]
    return [path for path in paths if path.exists()]


# --------------------------------------------------------------------------- levels


def _levels(project: Project, levels: dict[str, str]) -> dict[str, str]:
    """The level of every check that does not have its default: MkDocs' `validation:` settings
    for links and nav, as mkdocs.yml writes them, then `checks:` (and `review: warn_overdue`)."""
    out: dict[str, str] = {}
    validation = project.config.get("validation")
    if isinstance(validation, dict):
        for (group, name), check in _VALIDATION.items():
            inner = validation.get(group)
            value = inner.get(name) if isinstance(inner, dict) else None
            value = value if isinstance(value, str) else validation.get(name)  # the short form
            if isinstance(value, str) and value in _MKDOCS_LEVELS:
                out[check] = _MKDOCS_LEVELS[value]
    out.update(levels)
    return out


# --------------------------------------------------------------------------- pages


def _docs_files(docs_dir: Path) -> list[str]:
    """Every file of docs_dir that MkDocs takes in, by its path in the site."""
    return [path.relative_to(docs_dir).as_posix() for path in source_files(docs_dir, None)]


class _Clashes:
    """Where the plan would put a page of its own at the path of a file of docs_dir (or of
    another page it planned): each is a ``page-clash`` problem, and the plan's page is left out."""

    def __init__(self, plan: SitePlan, docs_set: set[str], problems: Problems) -> None:
        self.plan, self.docs_set, self.problems = plan, docs_set, problems

    def __call__(self, uri: str, message: str, where: str | None = None) -> bool:
        """Whether ``uri`` is taken; if so the problem is reported on ``where`` (default: the file of docs_dir)."""
        if uri in self.docs_set or uri in self.plan.pages:
            self.problems.add("page-clash", where if where is not None else _shown_docs_path(self.plan.project, uri), 0, message)
            return True
        return False


def _plan_pages(plan: SitePlan, docs: list[str], docs_set: set[str], problems: Problems) -> None:
    """Every page and generated file of the site, and the clashes between them."""
    clash = _Clashes(plan, docs_set, problems)
    _content_pages(plan, docs, clash)
    _generated_pages(plan, clash)
    _amendments_page(plan, docs_set, problems)
    _editions_page(plan, clash)
    _flowchart_pages(plan, clash)


def _content_pages(plan: SitePlan, docs: list[str], clash: _Clashes) -> None:
    """Procedures from the content folders, then the pages of docs_dir (info-sheets among them);
    drafts only when previewed, and only published pages in the menu."""
    project, drafts = plan.project, plan.project.settings.drafts
    for page in plan.manual.pages.values():
        if page.status == "draft" and not drafts:
            continue
        message = (
            f"docs_dir '{_docs_name(project)}' also has a file at this path; keep content pages only in their content folder"
        )
        if clash(page.uri, message, page.uri):
            continue
        plan.pages[page.uri] = PlannedPage(
            page.uri, "procedure", page.abs_path, page.body, in_nav=page.status == "published", title=page.title,
        )
    for uri in docs:
        sheet = plan.sources.sheets.get(uri)
        if sheet is not None:
            if sheet.status != "draft" or drafts:
                in_nav = sheet.status == "published"
                plan.pages[uri] = PlannedPage(uri, "info-sheet", sheet.abs_path, sheet.body, in_nav, sheet.title)
        elif uri not in plan.pages:
            plan.pages[uri] = PlannedPage(uri, "page", project.docs_dir / uri)


def _generated_pages(plan: SitePlan, clash: _Clashes) -> None:
    """The partnership's colours, the contents page, the Topics page and the glossary page."""
    settings = plan.project.settings
    if settings.primary_colour or settings.accent_colour:
        plan.files[COLOURS] = render("colours.css.j2", primary=settings.primary_colour, accent=settings.accent_colour)
    pages = [
        (settings.contents.enabled, settings.contents.path, settings.contents.title,
         f"docs_dir already has a file '{settings.contents.path}', where the generated contents page goes: rename that "
         "file, or set another 'path' under 'contents' in mkdocs.yml"),
        (settings.topics_index.enabled and plan.sources.topics is not None,
         settings.topics_index.path, settings.topics_index.title,
         "this page is where the generated Topics page goes; rename it, or set another 'topics_index: path:' in mkdocs.yml"),
        (plan.glossary is not None, settings.glossary.page, settings.glossary.title,
         f"docs_dir already has a file '{settings.glossary.page}', where the generated glossary page goes: rename that "
         "file, or set another 'page' under 'glossary' in mkdocs.yml"),
    ]
    pages += [
        (True, path, title, f"docs_dir already has a file '{path}', where the generated {title} page goes: rename that "
         f"file, or set another 'page' under '{what}' in mkdocs.yml")
        for path, title, what in reference.pages_wanted(plan.project, plan.reference)
    ]
    for wanted, uri, title, message in pages:
        if wanted and not clash(uri, message):
            plan.pages[uri] = PlannedPage(uri, "generated", title=title)


def _amendments_page(plan: SitePlan, docs_set: set[str], problems: Problems) -> None:
    """The amendments page, in the menu only where mkdocs.yml's nav lists it (it is linked from
    the home and contents pages), and its feed; neither may replace a file of docs_dir."""
    project, options = plan.project, plan.project.settings.amendments
    if not options.enabled:
        return
    for path in (options.path, options.feed.strip("/")):
        if path and path in docs_set:
            problems.add(
                "page-clash", _shown_docs_path(project, path), 0,
                f"docs_dir '{_docs_name(project)}' already has a file '{path}', which the amendments page or feed would "
                "replace: rename that file, or set another 'path' or 'feed' under 'amendments'",
            )
    if options.path not in docs_set:
        listed = numbering.page_order(numbering.from_config(project.nav)) if project.nav else None
        in_nav = listed is None or options.path in listed
        plan.pages[options.path] = PlannedPage(options.path, "generated", in_nav=in_nav, title=options.title)


def _editions_page(plan: SitePlan, clash: _Clashes) -> None:
    """The Editions page, when there are releases (not in an edition itself), in the menu only
    where mkdocs.yml's nav lists it: the amendments page links to it."""
    project, options = plan.project, plan.project.settings.editions
    if not options.enabled or plan.releases.current is None or plan.edition is not None:
        return
    message = (
        f"docs_dir already has a file '{options.path}', where the generated Editions page goes: rename that file, "
        "or set another 'path' under 'editions' in mkdocs.yml"
    )
    if not clash(options.path, message):
        listed = numbering.page_order(numbering.from_config(project.nav)) if project.nav else None
        in_nav = listed is None or options.path in listed
        plan.pages[options.path] = PlannedPage(options.path, "generated", in_nav=in_nav, title=options.title)


def _flowchart_pages(plan: SitePlan, clash: _Clashes) -> None:
    """Each flowchart's page and its diagram."""
    settings = plan.project.settings
    for chart in plan.library.charts.values():
        message = (
            f"docs_dir '{_docs_name(plan.project)}' also has a file at this path, the page of {chart.path}; rename one of them"
        )
        if clash(chart.uri, message, chart.uri):
            continue
        plan.pages[chart.uri] = PlannedPage(
            chart.uri, "flowchart", markdown=flowchart_pages.page_markdown(chart, date_format=settings.date_format),
            title=chart.title,
        )
        plan.files[chart.svg_uri] = flowchart_svg.to_string(chart)


def _plan_history(plan: SitePlan, docs_set: set[str], problems: Problems) -> None:
    """Each procedure's and flowchart's history, superseded versions and redlines (generator/history),
    as pages out of the menu; and what old texts' links may point to (in an edition, its own pages:
    a link that was broken when the edition was published leaves its words, not a broken link)."""
    project, settings = plan.project, plan.project.settings
    if settings.history.enabled and plan.edition is None:
        flowcharts = settings.flowcharts.folder.strip("/") if settings.flowcharts.enabled else None
        inputs = history.Inputs(
            project.root, plan.manual, plan.library, {uri: page.kind for uri, page in plan.pages.items()}, docs_set,
            tuple(section.folder for section in project.sections), flowcharts, settings.date_format,
        )
        plan.history = history.plan_history(inputs, plan.caches.history, problems)
        for uri, page in plan.history.pages.items():
            plan.pages[uri] = PlannedPage(uri, "generated", markdown=page.markdown, in_nav=False, title=page.title)
    elif plan.edition is None:
        return
    bodies = {uri: text for uri, text, _ in _written(plan)}
    glossary = {term.anchor for term in plan.glossary.terms} if plan.glossary is not None else set()
    found: dict[str, set[str] | None] = {}

    def anchors(uri: str) -> set[str] | None:
        if uri not in found:
            found[uri] = heading_anchors(bodies[uri]) if uri in bodies else glossary if uri == settings.glossary.page else None
        return found[uri]

    plan.history.targets = Targets(
        pages={uri for uri in plan.pages if uri not in plan.history.pages},
        files={uri for uri in docs_set if not uri.endswith(".md")},
        anchors=anchors,
        withdrawn={uri: history.history_uri(uri) for uri in plan.history.withdrawn},
        renamed=plan.history.renamed(),
    )


def _docs_name(project: Project) -> str:
    return project.docs_dir.name


def _shown_docs_path(project: Project, uri: str) -> str:
    return _relative(project.docs_dir / uri, project.root, uri)


def _relative(path: Path, root: Path, otherwise: str | None = None) -> str:
    """``path`` from the project's top, as messages show it."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return otherwise if otherwise is not None else path.as_posix()


def _navigation(plan: SitePlan, hidden: set[str]) -> list[NavNode]:
    """The nav from mkdocs.yml without pages kept out of the menu, or one built from the folders."""
    project, settings = plan.project, plan.project.settings
    if project.nav:
        drop = hidden | {p.uri for p in plan.manual.pages.values() if p.uri not in plan.pages}
        return numbering.prune(numbering.from_config(project.nav), drop)
    docs = sorted(
        (uri for uri, page in plan.pages.items() if page.kind in ("page", "info-sheet", "generated") and page.in_nav),
        key=lambda uri: (uri != "index.md", uri),
    )
    nodes = [NavNode(None, uri) for uri in docs if uri == "index.md"]
    for section in plan.manual.sections:
        pages = sorted(plan.manual.in_section(section), key=lambda p: p.title.casefold())
        pages = [p for p in pages if p.uri in plan.pages]
        if pages:
            nodes.append(NavNode(section.label, children=[NavNode(None, p.uri) for p in pages]))
    charts = sorted((c for c in plan.library.charts.values() if c.uri in plan.pages), key=lambda c: c.title.casefold())
    if charts:
        nodes.append(NavNode(settings.flowcharts.label, children=[NavNode(None, c.uri) for c in charts]))
    nodes.extend(NavNode(None, uri) for uri in docs if uri != "index.md")
    return nodes


# --------------------------------------------------------------------------- generated pages


def _site_view(plan: SitePlan, commit: dict[str, str] | None) -> None:
    settings = plan.project.settings
    amendments_page = settings.amendments.path if settings.amendments.path in plan.pages and settings.amendments.enabled else None
    release = amendments.release_view(plan.releases, settings.date_format, plan.url(amendments_page) if amendments_page else None)
    feed = settings.amendments.feed.strip("/")
    statement = settings.accessibility_statement or ACCESSIBILITY_STATEMENT
    footer: tuple[FooterLink, ...] = ()
    if statement in plan.pages and plan.pages[statement].kind == "page":
        # Shown on every page, the 404 page included, by theme/partials/copyright.html.
        footer = (FooterLink("Accessibility statement", plan.url(statement)),)
    privacy = settings.updates.privacy_page or PRIVACY_PAGE
    privacy_url = plan.url(privacy) if privacy in plan.pages and plan.pages[privacy].kind == "page" else None
    if privacy_url:
        footer += (FooterLink("Privacy", privacy_url),)
    updates = None
    if settings.updates.enabled and settings.contents.path in plan.pages:
        updates = UpdatesView(settings.contents.path, privacy_url)
    plan.site = SiteView(
        release=ReleaseView(**release) if release else None,
        commit=CommitView(**commit) if commit else None,
        feed=FeedView(feed, f"{plan.project.site_name}: amendments") if amendments_page and feed and not plan.edition else None,
        footer_links=footer,
        edition=EditionView(
            plan.edition.name, plan.edition.date.isoformat(), dates.format_date(plan.edition.date, settings.date_format),
            plan.edition.commit[:7],
        ) if plan.edition is not None else None,
        updates=updates,
    )


def _plan_print(plan: SitePlan, docs_set: set[str], problems: Problems) -> None:
    """The print edition (generator/printing): a page per chapter and one for the whole manual,
    each out of the menu and out of search, linked from the contents page."""
    options, project = plan.project.settings.print_edition, plan.project
    if not options.enabled:
        return
    order = {uri: i for i, uri in enumerate(plan.nav_order)}
    published = sorted(
        (uri for uri, p in plan.pages.items() if p.kind == "procedure" and plan.manual.pages[uri].status == "published"),
        key=lambda uri: (order.get(uri, len(order)), plan.pages[uri].title.casefold()),
    )
    base = project.site_url.rstrip("/") + "/" if project.site_url else ""  # else addresses from the site's root
    printed = {}
    for uri in published:
        meta = plan.manual.pages[uri].meta
        assert meta.last_updated is not None
        related = tuple(
            Related(t.number, t.title, t.uri) for t in plan.topic_views.related.get(uri, []) if t.uri in plan.pages
        )
        printed[uri] = Printed(
            uri, procedure_anchor(uri), plan.numbers.get(uri, ""), meta.title, meta.version, meta.last_updated.isoformat(),
            dates.format_date(meta.last_updated, project.settings.date_format), base + plan.url(uri), related,
        )
    editions = plan_editions(plan.nav, printed, group_numbers=plan.group_numbers, folder=options.folder, taken=docs_set)
    bodies = {uri: plan.pages[uri].markdown or "" for uri in published}
    for uri, edition in editions.pages.items():
        if uri in docs_set:
            problems.add(
                "page-clash", _shown_docs_path(project, uri), 0,
                f"docs_dir already has a file '{uri}', where the print edition goes: rename that file, or set another "
                "'folder' under 'print_edition' in mkdocs.yml",
            )
            continue
        markdown = edition_markdown(edition, bodies)
        plan.pages[uri] = PlannedPage(uri, "generated", markdown=markdown, in_nav=False, title=edition.title)
        plan.views[uri] = PageView(print_edition=edition)
    plan.editions = editions


def _fill_contents(plan: SitePlan) -> None:
    settings = plan.project.settings
    contents = settings.contents
    if contents.path not in plan.pages or plan.pages[contents.path].kind != "generated":
        return
    since, label = settings.updated_since, ""
    if since is None:  # the default: flag what changed in the current release
        since, label = amendments.updated_since(plan.releases, settings.date_format)
    charts = [c for c in plan.library.charts.values() if c.uri in plan.pages]
    whole = plan.editions.whole
    plan.pages[contents.path].markdown = contents_markdown(
        plan.manual, uri=contents.path, title=contents.title, intro=contents.intro, nav_order=plan.nav_order,
        numbers=plan.numbers, date_format=settings.date_format, updated_since=since, updated_since_label=label,
        more=[(settings.flowcharts.label, "Flowchart", charts)] if charts else [],
        print_whole=whole.uri if whole is not None and whole.uri in plan.pages else "",
        print_chapters=lambda uris: [
            (e.chapters[0].heading, e.uri) for e in plan.editions.chapters_holding(uris) if e.uri in plan.pages
        ],
    )


def _fill_amendments(plan: SitePlan) -> None:
    project, options = plan.project, plan.project.settings.amendments
    page = plan.pages.get(options.path)
    if not options.enabled or page is None or page.kind != "generated":
        return
    settings = project.settings
    docs = amendments.documents(
        plan.manual, project.root, project.today, lambda uri: uri in plan.pages,
        flowcharts=settings.flowcharts.folder.strip("/") if settings.flowcharts.enabled else None,
    ) + history.withdrawn_documents(plan.history)

    def linked(uri: str) -> str | None:
        """The page, or for a withdrawn one its history."""
        return uri if uri in plan.pages else plan.history.history_uri(uri)

    feed_path = options.feed.strip("/")
    page.markdown, feed = amendments.amendments_outputs(
        docs, plan.releases, title=options.title, intro=options.intro, feed_path=feed_path,
        feed_link=mdtext.link_to(feed_path, options.path) if feed_path else "", feed_entries=options.feed_entries,
        editions_link=mdtext.link_to(settings.editions.path, options.path) if settings.editions.path in plan.pages else "",
        date_format=settings.date_format, numbers=plan.numbers,
        link_for=lambda uri: mdtext.link_to(target, options.path) if (target := linked(uri)) else None,
        url_for=lambda uri: plan.url(target) if (target := linked(uri)) else None,
        page_url=plan.url(options.path), site_name=project.site_name, site_url=project.site_url, today=project.today,
    )
    if feed is not None:
        plan.files[feed_path] = feed
    plan.what_changed = amendments.what_changed(docs, plan.url(options.path))


def _fill_editions(plan: SitePlan) -> None:
    options, settings = plan.project.settings.editions, plan.project.settings
    page = plan.pages.get(options.path)
    if not options.enabled or page is None or page.kind != "generated" or plan.edition is not None:
        return
    amendments_page = settings.amendments.path if settings.amendments.enabled and settings.amendments.path in plan.pages else None
    page.markdown = manual_editions.editions_markdown(
        plan.releases, plan.context.editions if plan.context is not None else None, title=options.title, intro=options.intro,
        page_url=plan.url(options.path), folder=posixpath.splitext(options.path)[0],
        directory_urls=plan.project.use_directory_urls, date_format=settings.date_format,
        amendments=mdtext.link_to(amendments_page, options.path) if amendments_page else None,
    )


def _written(plan: SitePlan) -> list[tuple[str, str, int]]:
    """(uri, Markdown, line of its first line) of every page with a source: procedures and
    info-sheets without their front matter, the other pages of docs_dir whole."""
    out = []
    for uri, page in plan.pages.items():
        if page.generated:
            continue
        if page.kind == "procedure":
            source = plan.manual.pages[uri]
            out.append((uri, source.body, source.body_line))
        elif page.kind == "info-sheet":
            sheet = plan.sources.sheets[uri]
            out.append((uri, sheet.body, sheet.body_line))
        elif page.source is not None:
            try:
                out.append((uri, textfile.read_text(page.source), 1))
            except (OSError, textfile.TextFileError):
                continue  # MkDocs reports a page it cannot read
    return out


def _fill_glossary(plan: SitePlan, problems: Problems) -> None:
    if plan.glossary is None or plan.matcher is None:
        return
    settings, glossary = plan.project.settings, plan.glossary
    options = settings.glossary
    page = plan.pages.get(options.page)
    published = {uri for uri, p in plan.pages.items() if p.kind != "procedure" or plan.manual.pages[uri].status == "published"}
    published -= {uri for uri, sheet in plan.sources.sheets.items() if sheet.status != "published"}
    order = {uri: i for i, uri in enumerate(plan.nav_order)}
    pages = sorted(
        ((uri, text) for uri, text, _ in _written(plan) if uri in published and plan.glossary_linked(uri)),
        key=lambda p: (order.get(p[0], len(order)), p[0]),
    )
    used = scan_usage(plan.matcher, pages)
    if page is not None and page.kind == "generated":
        titles = {}
        for uri, text in pages:
            title = plan.pages[uri].title or title_of(text, uri)
            titles[uri] = plan.title(uri, title)
        here = plan.url(options.page)
        page.markdown = glossary_markdown(
            glossary, title=options.title, intro=options.intro, used=used, titles=titles,
            urls={uri: relative_url(plan.url(uri), here) for uri in titles},
        )
    problems.extend(unused_warnings(glossary, used))
    problems.extend(acronym_warnings(glossary, pages, options.ignore_acronyms))


def _glossary_entries(plan: SitePlan, problems: Problems) -> list[TopicEntry]:
    """Glossary terms with `topics`, for the info-sheets' lists and the Topics page."""
    topics = plan.sources.topics
    if plan.glossary is None or topics is None:
        return []
    entries = []
    for term in plan.glossary.terms:
        line = term.line_of("topics")
        keys = check_keywords(topics, plan.glossary.path, [(t, line) for t in term.topics], problems, field_name="topics")
        if keys:
            entries.append(TopicEntry(
                kind="term", uri=plan.project.settings.glossary.page, anchor=term.anchor, title=term.term,
                topics=tuple(keys), summary=to_plain(term.definition), group="Glossary terms",
                group_order=len(plan.manual.sections) + 1,
            ))
    return entries


def _fill_topics(plan: SitePlan, problems: Problems) -> None:
    """Sheets' lists, the Topics page and the link boxes, computed from the sources (generator/topics)."""
    settings, sources = plan.project.settings, plan.sources
    index = settings.topics_index
    order = plan.nav_order
    chart_topics = check_item_keywords(sources.topics, plan.library.charts.values(), problems)
    built = {uri for uri, page in plan.pages.items() if page.kind in ("procedure", "info-sheet")}
    docs_pages = {uri: page.source for uri, page in plan.pages.items() if page.kind == "page" and page.source is not None}
    index_page = plan.pages.get(index.path)
    views = build_views(
        plan.manual, sources, numbers=plan.numbers, nav_order=order, date_format=settings.date_format,
        docs_pages=docs_pages, link_cache=plan.caches.links, built=built,
        generated={uri: page.title for uri, page in plan.pages.items() if page.generated or page.kind == "flowchart"},
        index=IndexPage(index.path, index.title, index.intro) if index_page is not None and index_page.generated else None,
        extra_entries=keyword_entries(
            "flowchart", plan.library.charts.values(), chart_topics, plan.numbers, order, settings.flowcharts.label,
            len(plan.manual.sections),
        ) + _glossary_entries(plan, problems),
        # Flowchart steps' links count too: from the flowchart's page and from pages embedding it.
        extra_referrers=flowchart_links.referrers(plan.library),
        extra_links=flowchart_links.embedded_links(plan.library, _written(plan)),
    )
    if views.index_markdown is not None and index_page is not None:
        index_page.markdown = views.index_markdown
    for uri, lists in views.sheet_markdown.items():
        page = plan.pages.get(uri)
        if page is not None and page.markdown is not None:
            page.markdown = f"{page.markdown.rstrip()}\n\n{lists}"
    plan.topic_views = views


def _page_views(plan: SitePlan) -> None:
    """Each page's data for the theme: stamp, banners, boxes; a number; the release."""
    settings = plan.project.settings
    homepage = {"index.md", "README.md"}
    for uri in plan.pages:
        source: Any = plan.manual.pages.get(uri) or plan.sources.sheets.get(uri)
        chart = plan.library.by_uri.get(uri)
        number = plan.numbers.get(uri, "")
        if source is None and chart is None:
            release = plan.site.release if uri in homepage or uri == settings.contents.path else None
            if number or release or uri == settings.contents.path:  # the contents page offers "updated since"
                plan.views[uri] = PageView(number=number, release=release)
            continue
        holder: Any = source if source is not None else chart
        meta = holder.meta
        kind = review.PROCEDURE if uri in plan.manual.pages else review.INFO_SHEET if source is not None else review.FLOWCHART
        banner = review.banner(meta, plan.project.today, date_format=settings.date_format,
                               default_owner=settings.review.default_owner, kind=kind)
        plan.views[uri] = PageView(
            number=number,
            title=meta.title,
            section=source.section.label if source is not None else settings.flowcharts.label,
            version=meta.version,
            last_updated=meta.last_updated.isoformat() if meta.last_updated else "",
            last_updated_text=dates.format_date(meta.last_updated, settings.date_format) if meta.last_updated else "",
            status=meta.status,
            owner=meta.owner,
            summary=meta.summary,
            review=ReviewBanner(**banner) if banner else None,
            related=_linked(plan, plan.topic_views.related.get(uri, [])),
            referred_by=_linked(plan, plan.topic_views.referred_by.get(uri, [])),
            what_changed=plan.what_changed.get(uri, ""),
            statutory_basis=reference.basis_view(plan, uri),
            history=history.history_link(plan.history, uri, plan.url, settings.date_format),
        )
    plan.views.update(history.page_views(plan.history, plan.url, set(plan.pages), settings.date_format))
    if plan.edition is not None and plan.context is not None:
        _edition_views(plan, plan.context)
    if plan.site.updates is not None:  # a page's old versions and redlines are not pages to mark
        current = {uri: view for uri, view in plan.views.items() if uri not in plan.history.pages}
        plan.files[VERSIONS] = versions_file(current, {uri: plan.url(uri) for uri in current}, plan.what_changed)


def _edition_views(plan: SitePlan, context: BuildContext) -> None:
    """An edition's pages: each with the edition's banner, a link to the page today, and noindex."""
    for uri in plan.pages:
        here = plan.url(uri)
        current = context.current.get(uri)
        banner = EditionBanner(
            manual_editions.edition_url(current or context.withdrawn.get(uri), context.folder, here),
            withdrawn=current is None and uri in context.withdrawn,
            editions_url=manual_editions.edition_url(context.editions_url, context.folder, here),
        )
        plan.views[uri] = dataclasses.replace(plan.views.get(uri) or PageView(), edition=banner, noindex=True)


def _linked(plan: SitePlan, targets: Iterable[Any]) -> tuple[LinkedPage, ...]:
    return tuple(LinkedPage(t.number, t.title, t.summary, plan.url(t.uri)) for t in targets if t.uri in plan.pages)


# --------------------------------------------------------------------------- checks


def _checks(plan: SitePlan) -> Problems:
    """The checks that need the whole site: flowcharts' links and embeds, links and anchors,
    placeholder links, review dates and the nav."""
    project, settings = plan.project, plan.project.settings
    problems = Problems(plan.library.problems)
    written = _written(plan)
    # A page with errors of its own is still a page: links to it are not reported as well.
    broken = set(plan.manual.files) - set(plan.manual.pages)
    site_pages = set(plan.pages) | broken
    problems.extend(check_page_links(plan.library, site_pages))
    shown = {uri: _shown_path(plan, uri) for uri, _, _ in written}
    if settings.flowcharts.enabled:
        problems.extend(check_embeds(plan.library, [(shown[uri], text, line) for uri, text, line in written]))
    for uri, text, line in written:
        problems.extend(placeholders.find_in_markdown(text, shown[uri], line))
    linked = [(shown[uri], uri, text, line) for uri, text, line in written]
    generated = {uri for uri, page in plan.pages.items() if page.generated} | broken
    problems.extend(check_links(linked, generated))
    pages = review.reviewables(plan.manual.pages.values(), plan.library.charts.values(), plan.sources.sheets.values())
    problems.extend(review.overdue_warnings(pages, project.today, settings.date_format))
    others, existing = _nav_pages(plan)
    check_nav(project, plan.manual, problems, others, existing)
    return problems


def _shown_path(plan: SitePlan, uri: str) -> str:
    """Where an officer finds the page: its path from the project's top."""
    page = plan.pages.get(uri)
    if page is None or page.kind == "procedure":
        return uri
    return _shown_docs_path(plan.project, uri)


def _nav_pages(plan: SitePlan) -> tuple[list[NavPage], set[str]]:
    """The site's pages other than procedures that belong in the menu, and the site paths of
    every other file that exists (drafts, pages with errors), for the nav check."""
    settings = plan.project.settings
    pages: list[NavPage] = []
    existing: set[str] = {posixpath.splitext(path)[0] + ".md" for path in plan.library.files}
    charts = Section(plan.library.folder, settings.flowcharts.label)
    sheets = Section(settings.info_sheets.folder.strip("/"), settings.info_sheets.label)
    for uri, page in plan.pages.items():
        if page.kind == "flowchart":
            pages.append(NavPage(uri, plan.library.by_uri[uri].path, charts, "the flowchart's page"))
        elif page.kind == "info-sheet" and page.in_nav:
            pages.append(NavPage(uri, plan.sources.sheets[uri].meta.path, sheets, "the info-sheet"))
        elif page.kind == "page":
            existing.add(uri)
            if not uri.startswith(sheets.folder + "/"):
                pages.append(NavPage(uri, _shown_docs_path(plan.project, uri)))
        elif page.kind == "generated" and page.in_nav:
            pages.append(NavPage(uri, "", None, "the generated page"))
    existing |= set(plan.sources.sheets)
    return pages, existing
