"""The MkDocs adapter: a thin layer between MkDocs' events and the plain-Python core.

It loads and validates the manual (``generator.core``), adds the content folders and the
generated pages to the site, applies numbering to the nav, and puts each page's data in
``page.meta["manual"]`` for the theme partials in ``theme/`` to display.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
from pathlib import Path
from typing import Any, Iterable

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .config import ProceduresConfig
from .options import ACCESSIBILITY_STATEMENT, check_options
from .core import dates, mdtext, navview, numbering, textfile
from .core.manual import DEFAULT_SECTIONS, Manual, ParseCache, Section as ContentSection, load_manual
from .core.problems import ManualError, Problem, Problems
from .flowcharts import checks as flowchart_checks, links as flowchart_links, pages as flowchart_pages, svg as flowchart_svg
from .flowcharts.extension import FlowchartExtension
from .flowcharts.model import FlowchartCache, Library, load_library
from .pages.render import render
from .pages.contents import contents_markdown
from .amendments import placeholders, review, site as amendments
from .amendments.releases import Releases
from .glossary.usage import body_text
from .glossary import GlossaryExtension, LinkContext, Matcher, acronym_warnings, load_glossary, scan_usage, unused_warnings
from .glossary.page import glossary_markdown
from .glossary.definition import to_plain
from .topics.links import title_of
from .topics import Entry, IndexPage, LinkCache, check_item_keywords, check_keywords, keyword_entries, Settings as TopicSettings, TopicSources, Views, build_views, load_sources

log = get_plugin_logger("procedures")

THEME_DIR = Path(__file__).parent / "theme"
STYLESHEET = "assets/procedures/manual.css"
COLOURS = "assets/procedures/colours.css"
FLOWCHART_STYLESHEET = "assets/procedures/flowcharts.css"
GLOSSARY_STYLESHEET = "assets/procedures/glossary.css"
SCRIPT = "assets/procedures/manual.js"


class ProceduresPlugin(BasePlugin[ProceduresConfig]):
    """``plugins: [procedures]`` in mkdocs.yml."""

    def __init__(self) -> None:
        # Kept across `mkdocs serve` rebuilds on purpose: parsed sources, keyed on mtime.
        self.cache = ParseCache()
        self.link_cache = LinkCache()
        # Digests of each output's generated boxes and lists, to find outputs a change made stale.
        self.generated_seen: dict[str, str] = {}
        self.flowchart_cache = FlowchartCache()
        # One Markdown extension for `!flowchart <name>`; it is told the library and page as we go.
        self.flowcharts = FlowchartExtension()
        # The glossary linker; it is told each page's context in on_page_markdown.
        self.glossary_links = GlossaryExtension()
        self._reset()

    def _reset(self) -> None:
        self.root = Path.cwd()
        self.today = dt.date.today()
        self.sections: list[ContentSection] = []
        self.manual: Manual | None = None
        self.numbers: dict[str, str] = {}
        self.group_numbers: dict[tuple[str, ...], str] = {}
        self.nav: Navigation | None = None
        self.glossary: Any = None
        self.glossary_matcher: Matcher | None = None
        self.glossary_forms: dict[str, list[str]] = {}  # page url -> glossary forms, for search
        self.releases = Releases()
        self.site_globals: dict[str, Any] = {}
        self.topic_sources: TopicSources | None = None
        self.topic_views = Views()
        self.flowchart_topics: dict[str, list[str]] = {}
        self.library = Library("flowcharts")
        self.flowcharts.library = self.library
        self.levels: dict[str, str] = {}  # check name -> level, where mkdocs.yml changes it
        self.notes = 0  # notes logged at INFO in this build

    # Defining on_startup keeps this plugin instance alive across `serve` rebuilds (MkDocs >= 1.4),
    # so the parse cache survives; everything else is reset in on_config.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._reset()
        if not self.config.enabled:
            return None
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.today = self.config.today or dt.date.today()
        pairs = [(s.folder, s.label) for s in self.config.sections] or list(DEFAULT_SECTIONS)
        self.sections = [ContentSection(folder.strip("/"), label) for folder, label in pairs]
        self._check_options(config)

        # Our partials sit between the partnership's custom_dir and the theme itself.
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, str(THEME_DIR))
        config.extra_css.insert(0, STYLESHEET)
        if self.config.primary_colour or self.config.accent_colour:
            config.extra_css.insert(1, COLOURS)
        if self.config.flowcharts.enabled:
            config.extra_css.insert(1, FLOWCHART_STYLESHEET)
            config.markdown_extensions.append(self.flowcharts)
            self.flowcharts.date_format = self.config.date_format
        if self.config.glossary.enabled:
            config.extra_css.insert(1, GLOSSARY_STYLESHEET)
            config.markdown_extensions.append(self.glossary_links)
            # The glossary page's headings carry {#anchor}s: make sure attr_list is on.
            if "attr_list" not in config.markdown_extensions:
                config.markdown_extensions.append("attr_list")
        config.extra_javascript.insert(0, SCRIPT)
        return config

    def _check_options(self, config: MkDocsConfig) -> None:
        checked = check_options(
            self.config, root=self.root, docs_dir=Path(config.docs_dir), sections=self.sections,
            config_file=Path(config.config_file_path or "mkdocs.yml"),
        )
        self.releases = checked.releases
        self.levels = checked.levels
        self.site_globals = {"release": None, "commit": checked.commit, "feed": None}
        self._report(checked.problems)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        for section in self.sections:
            folder = self.root / section.folder
            if folder.is_dir():
                server.watch(str(folder))
        if (self.root / "topics.yml").is_file():
            server.watch(str(self.root / "topics.yml"))
        flowcharts = self.root / self.config.flowcharts.folder.strip("/")
        if self.config.flowcharts.enabled and flowcharts.is_dir():
            server.watch(str(flowcharts))
        glossary = self.root / self.config.glossary.path
        if self.config.glossary.enabled and glossary.is_file():
            server.watch(str(glossary))
        return server

    # Run before other plugins' on_files (search, tags...) so they see our pages.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        manual = load_manual(self.root, self.sections, today=self.today, cache=self.cache)
        self.manual = manual
        sources = load_sources(
            self.root, Path(config.docs_dir), manual, [f.src_uri for f in files.documentation_pages()],
            TopicSettings.from_options(self.config, Path(config.config_file_path or "mkdocs.yml")),
            today=self.today, cache=self.cache,
        )
        self.topic_sources = sources
        problems = Problems([*manual.problems, *sources.problems])

        drop = {p.uri for p in manual.pages.values() if p.status == "archived"}
        drop |= {p.uri for p in manual.pages.values() if p.status == "draft" and not self.config.drafts}
        for page in manual.pages.values():
            if page.status == "draft" and not self.config.drafts:
                continue
            if files.get_file_from_path(page.uri) is not None:
                raise PluginError(
                    f"{page.uri}: docs_dir '{config.docs_dir}' also has a file at this path; "
                    "keep content pages only in their content folder"
                )
            file = File(page.uri, str(self.root), config.site_dir, config.use_directory_urls)
            if page.status in ("archived", "draft"):
                file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(file)
        drop |= self._info_sheet_files(files, sources)

        if self.config.primary_colour or self.config.accent_colour:
            css = render("colours.css.j2", primary=self.config.primary_colour, accent=self.config.accent_colour)
            files.append(File.generated(config, COLOURS, content=css))

        contents = self.config.contents
        if contents.enabled:
            files.append(File.generated(config, contents.path, content=""))  # filled in below
        self._add_amendments_page(config, files)
        index = self.config.topics_index
        if index.enabled and sources.topics is not None:
            existing = files.get_file_from_path(index.path)
            if existing is not None:
                where = Path(existing.abs_src_path or index.path)
                raise PluginError(
                    f"{where.relative_to(self.root).as_posix() if where.is_relative_to(self.root) else index.path}: this page is where "
                    "the generated Topics page goes; rename it, or set another 'topics_index: path:' in mkdocs.yml"
                )
            files.append(File.generated(config, index.path, content=""))  # filled in below

        if self.config.flowcharts.enabled:
            problems.extend(self._add_flowcharts(config, files))
        self.flowchart_topics = check_item_keywords(sources.topics, self.library.charts.values(), problems)
        if self.config.glossary.enabled:
            problems.extend(self._load_glossary(config, files))
        self._report(problems)
        # review: warn_overdue: false makes these notes (options.check_options)
        pages = review.reviewables(manual.pages.values(), self.library.charts.values(), sources.sheets.values())
        self._report(review.overdue_warnings(pages, self.today, self.config.date_format))

        nav_nodes = self._navigation(config, files, drop)
        config.nav = numbering.to_config(nav_nodes)
        result = numbering.number(nav_nodes) if self.config.numbering else numbering.Numbering()
        self.numbers, self.group_numbers = result.pages, result.groups

        since, since_label = self.config.updated_since, ""
        if since is None:  # default: flag what changed in the current release
            since, since_label = amendments.updated_since(self.releases, self.config.date_format)
        if contents.enabled:
            markdown = contents_markdown(
                manual,
                uri=contents.path,
                title=contents.title,
                intro=contents.intro,
                nav_order=numbering.page_order(nav_nodes),
                numbers=self.numbers,
                date_format=self.config.date_format,
                updated_since=since,
                updated_since_label=since_label,
                more=[(self.config.flowcharts.label, "Flowchart", list(self.library.charts.values()))]
                if self.library.charts else [],
            )
            files.get_file_from_path(contents.path).content_string = markdown
        self._fill_amendments(config, files)
        self._fill_glossary(files, numbering.page_order(nav_nodes))
        self._topic_views(files, numbering.page_order(nav_nodes))
        # "Flowchart 2": a flowchart's place in the nav's order of flowcharts.
        order = [uri for uri in numbering.page_order(nav_nodes) if uri in self.flowchart_pages]
        self.flowcharts.numbers = {self.flowchart_pages[uri].name: i for i, uri in enumerate(order, 1)}
        statement = files.get_file_from_path(self.config.accessibility_statement or ACCESSIBILITY_STATEMENT)
        if statement is not None and statement.is_documentation_page():
            # Shown on every page, the 404 page included, by theme/partials/copyright.html.
            self.site_globals["footer_links"] = [{"title": "Accessibility statement", "url": statement.url}]
        # The prose of every page was read several times above; it is not needed again, and on a
        # large manual it is tens of megabytes. (The parsed sources stay in self.cache, on purpose.)
        mdtext.prose.cache_clear()
        body_text.cache_clear()
        return files

    # ---- releases, amendments, reviews (logic in generator/amendments) --------------------------

    def _add_amendments_page(self, config: MkDocsConfig, files: Files) -> None:
        options = self.config.amendments
        if not options.enabled:
            return
        for path in (options.path, options.feed.strip("/")):
            if path and files.get_file_from_path(path) is not None:
                raise PluginError(
                    f"procedures plugin: docs_dir '{Path(config.docs_dir).name}' already has a file '{path}', which the amendments "
                    "page or feed would replace: rename that file, or set another 'path' or 'feed' under 'amendments'"
                )
        file = File.generated(config, options.path, content="")  # filled in by _fill_amendments
        if config.nav and options.path not in numbering.page_order(numbering.from_config(config.nav)):
            file.inclusion = InclusionLevel.NOT_IN_NAV  # linked from the home and contents pages
        files.append(file)

    def _fill_amendments(self, config: MkDocsConfig, files: Files) -> None:
        assert self.manual is not None
        options = self.config.amendments
        page_file = files.get_file_from_path(options.path) if options.enabled else None
        self.site_globals["release"] = amendments.release_view(
            self.releases, self.config.date_format, page_file.url if page_file else None
        )
        if page_file is None:
            return

        def url_for(uri: str) -> str | None:
            file = files.get_file_from_path(uri)
            return file.url if file is not None else None

        def link_for(uri: str) -> str | None:
            return mdtext.link_to(uri, options.path) if files.get_file_from_path(uri) is not None else None

        docs = amendments.documents(
            self.manual, self.root, self.today, lambda uri: files.get_file_from_path(uri) is not None,
            flowcharts=self.config.flowcharts.folder.strip("/") if self.config.flowcharts.enabled else None,
        )
        feed_path = options.feed.strip("/")
        markdown, feed = amendments.amendments_outputs(
            docs, self.releases, title=options.title, intro=options.intro, feed_path=feed_path,
            feed_link=mdtext.link_to(feed_path, options.path) if feed_path else "", feed_entries=options.feed_entries,
            date_format=self.config.date_format, numbers=self.numbers, link_for=link_for, url_for=url_for,
            page_url=page_file.url, site_name=config.site_name, site_url=config.site_url, today=self.today,
        )
        page_file.content_string = markdown
        if feed is not None:
            files.append(File.generated(config, feed_path, content=feed))
            self.site_globals["feed"] = {"url": feed_path, "title": f"{config.site_name}: amendments"}

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        # Site-wide values for the theme partials (release in the footer, feed link in <head>).
        env.globals["manual_site"] = self.site_globals
        env.globals["manual_nav"] = self._nav_view(files)
        return env

    def _nav_view(self, files: Files) -> Any:
        """The per-page navigation for partials/nav.html: its tree is built once per build."""
        site = navview.group("", _nav_entries(self.nav.items) if self.nav is not None else [])
        contents = files.get_file_from_path(self.config.contents.path) if self.config.contents.enabled else None
        more_url = contents.url if contents is not None else None
        limit = self.config.nav_limit

        def manual_nav(page: Any) -> list[navview.ViewItem]:
            current = getattr(page, "url", None) if getattr(page, "file", None) is not None else None
            return navview.page_view(site, current, limit=limit, more_url=more_url)

        return manual_nav

    # ---- glossary (logic in generator/glossary) ------------------------------------------------

    def _load_glossary(self, config: MkDocsConfig, files: Files) -> Problems:
        options = self.config.glossary
        path = self.root / options.path
        glossary, problems = load_glossary(path, options.path)
        if glossary is None:
            return problems
        if files.get_file_from_path(options.page) is not None:
            raise PluginError(
                f"procedures plugin: docs_dir already has a file '{options.page}', where the generated glossary "
                "page goes: rename that file, or set another 'page' under 'glossary' in mkdocs.yml"
            )
        self.glossary = glossary
        self.glossary_matcher = Matcher(glossary)
        files.append(File.generated(config, options.page, content=""))  # filled in by _fill_glossary
        return problems

    def _glossary_pages(self, files: Files) -> list[tuple[str, str]]:
        """(uri, Markdown) of every page the linker works on: published, hand-written or info-sheet."""
        assert self.manual is not None
        sheets = self.topic_sources.sheets if self.topic_sources is not None else {}
        pages = [(p.uri, p.body) for p in self.manual.pages.values() if p.status == "published"]
        pages += [(uri, sheet.body) for uri, sheet in sheets.items() if sheet.status == "published"]
        known = set(self.manual.pages) | set(sheets)  # drafts and archived pages are not linked
        for file in files.documentation_pages():
            if file.src_uri in known or file.generated_by or not file.abs_src_path:
                continue
            pages.append((file.src_uri, file.content_string))
        return [(uri, text) for uri, text in pages if self._glossary_linked(uri)]

    def _glossary_linked(self, uri: str) -> bool:
        options = self.config.glossary
        return uri != options.page and not any(fnmatch.fnmatch(uri, pattern) for pattern in options.exclude)

    def _fill_glossary(self, files: Files, nav_order: list[str]) -> None:
        if self.glossary is None or self.glossary_matcher is None:
            return
        options = self.config.glossary
        order = {uri: i for i, uri in enumerate(nav_order)}
        pages = sorted(self._glossary_pages(files), key=lambda p: (order.get(p[0], len(order)), p[0]))
        used = scan_usage(self.glossary_matcher, pages)
        titles = {}
        sheets = self.topic_sources.sheets if self.topic_sources is not None else {}
        for uri, text in pages:
            source = self.manual.pages.get(uri) or sheets.get(uri)  # type: ignore[union-attr]
            title = source.meta.title if source is not None else title_of(text, uri)
            number = self.numbers.get(uri, "")
            titles[uri] = f"{number} {title}" if number else title
        page = files.get_file_from_path(options.page)
        page.content_string = glossary_markdown(
            self.glossary, title=options.title, intro=options.intro, used=used, titles=titles,
            urls={uri: files.get_file_from_path(uri).url_relative_to(page) for uri in titles},
        )
        warnings = unused_warnings(self.glossary, used)
        warnings.extend(acronym_warnings(self.glossary, pages, options.ignore_acronyms))
        self._report(warnings)

    def _glossary_context(self, page: Page) -> LinkContext | None:
        uri = page.file.src_uri
        if self.glossary_matcher is None or page.file.generated_by or not self._glossary_linked(uri):
            return None
        base = mdtext.link_to(self.config.glossary.page, uri)
        return LinkContext(self.glossary_matcher, href=lambda term: f"{base}#{term.anchor}", mode=self.config.glossary.link)

    def _glossary_entries(self) -> list[Entry]:
        """Glossary terms with `topics`, for the info-sheets' lists and the Topics page."""
        if self.glossary is None or self.topic_sources is None or self.topic_sources.topics is None:
            return []
        problems = Problems()
        entries = []
        for term in self.glossary.terms:
            line = term.line_of("topics")
            keys = check_keywords(self.topic_sources.topics, self.glossary.path, [(t, line) for t in term.topics],
                                  problems, field_name="topics")
            if keys:
                entries.append(Entry(
                    kind="term", uri=self.config.glossary.page, anchor=term.anchor, title=term.term,
                    topics=tuple(keys), summary=to_plain(term.definition), group="Glossary terms",
                    group_order=len(self.manual.sections) + 1,
                ))
        self._report(problems)
        return entries

    def _record_glossary_use(self, page: Page) -> None:
        """The glossary forms of the terms linked on ``page``, for its search entry."""
        context = self.glossary_links.context
        if context is not None and self.glossary is not None:
            by_anchor = {t.anchor: t for t in self.glossary.terms}
            forms: list[str] = []
            for anchor in sorted(context.used):
                term = by_anchor[anchor]
                forms += [term.term, *term.aliases] + ([term.acronym] if term.acronym else [])
            self.glossary_forms[page.url] = forms
        self.glossary_links.context = None

    # Before the search plugin writes its index (its on_post_build runs at the default priority, 0).
    @event_priority(50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Add the glossary forms of the terms each page uses to its search entry, so that "CSE"
        finds the pages about Child Sexual Exploitation; the page itself shows nothing extra.

        The entries are Material's search plugin's own, still in memory: reading back and rewriting
        the written index instead doubled the build's peak memory on large manuals."""
        if self.notes:
            log.info(
                f"{self.notes} note{'s' if self.notes != 1 else ''} (advice that does not fail the build): "
                "run 'procedures check' to list them"
            )
        entries = _search_entries(config)
        if not self.glossary_forms or entries is None:
            return
        for entry in entries:
            forms = self.glossary_forms.pop(entry.get("location", ""), None)
            if forms:  # the page's first entry; sections have "#anchor" locations
                # The entry's text is HTML, which Material shows: the forms go in as escaped text.
                entry["text"] = f"{entry.get('text', '')} {escape(' '.join(forms))}"

    def _info_sheet_files(self, files: Files, sources: TopicSources) -> set[str]:
        """Drafts leave the site (unless previewed); archived sheets leave the nav. Returns their uris."""
        hidden = set()
        for uri, sheet in sources.sheets.items():
            file = files.get_file_from_path(uri)
            if file is None or sheet.status == "published":
                continue
            hidden.add(uri)
            if sheet.status == "draft" and not self.config.drafts:
                files.remove(file)
            else:
                file.inclusion = InclusionLevel.NOT_IN_NAV
        return hidden

    def _topic_views(self, files: Files, nav_order: list[str]) -> None:
        """Sheets' lists, the Topics page and the link boxes, computed from the sources (see generator.topics)."""
        assert self.manual is not None and self.topic_sources is not None
        sources, index = self.topic_sources, self.config.topics_index
        pages = files.documentation_pages()
        built = {f.src_uri for f in pages if f.src_uri in self.manual.pages or f.src_uri in sources.sheets}
        views = build_views(
            self.manual, sources,
            numbers=self.numbers, nav_order=nav_order, date_format=self.config.date_format,
            docs_pages={f.src_uri: Path(f.abs_src_path) for f in pages if f.abs_src_path and f.src_uri not in self.manual.pages},
            link_cache=self.link_cache, built=built,
            index=IndexPage(index.path, index.title, index.intro) if index.enabled else None,
            extra_entries=keyword_entries(
                "flowchart", self.library.charts.values(), self.flowchart_topics, self.numbers, nav_order,
                self.config.flowcharts.label, len(self.manual.sections),
            ) + self._glossary_entries(),
            # Flowchart steps' links count too: from the flowchart's page and from pages embedding it.
            extra_referrers=flowchart_links.referrers(self.library),
            extra_links=flowchart_links.embedded_links(self.library, self._markdown_sources(pages)),
        )
        if views.index_markdown is not None:
            files.get_file_from_path(index.path).content_string = views.index_markdown
        self.topic_views = views
        # `--dirty` rebuilds only pages whose source is newer than their output. A page whose boxes
        # or lists changed because of another page has stale output: remove it so it is rebuilt.
        for uri, digest in views.fingerprints(built).items():
            dest = files.get_file_from_path(uri).abs_dest_path
            if self.generated_seen.get(dest) != digest:
                if os.path.isfile(dest):
                    os.remove(dest)
                self.generated_seen[dest] = digest

    def _markdown_sources(self, pages: list[File]) -> list[tuple[str, str, int]]:
        """(uri, Markdown, first line) of every written page: procedures, info-sheets, docs_dir pages."""
        assert self.manual is not None and self.topic_sources is not None
        sources = [(p.uri, p.body, p.body_line) for p in self.manual.pages.values()]
        sources += [(uri, sheet.body, sheet.body_line) for uri, sheet in self.topic_sources.sheets.items()]
        known = set(self.manual.pages) | set(self.topic_sources.sheets)
        for file in pages:
            if file.abs_src_path and not file.generated_by and file.src_uri not in known:
                try:
                    sources.append((file.src_uri, textfile.read_text(Path(file.abs_src_path)), 1))
                except (OSError, textfile.TextFileError):
                    continue  # MkDocs reports a page it cannot read
        return sources

    def _add_flowcharts(self, config: MkDocsConfig, files: Files) -> Problems:
        """Each flowchart's page and SVG file, generated from its source; every flowchart problem."""
        options = self.config.flowcharts
        self.library = load_library(self.root, options.folder, today=self.today, cache=self.flowchart_cache)
        self.flowcharts.library = self.library
        for chart in self.library.charts.values():
            if files.get_file_from_path(chart.uri) is not None:
                raise PluginError(
                    f"{chart.uri}: docs_dir '{Path(config.docs_dir).name}' also has a file at this path, the page of "
                    f"{chart.path}; rename one of them"
                )
            page = flowchart_pages.page_markdown(chart, date_format=self.config.date_format)
            files.append(File.generated(config, chart.uri, content=page))
            files.append(File.generated(config, chart.svg_uri, content=flowchart_svg.to_string(chart)))
        docs = []  # the pages in docs_dir, which may hold `!flowchart` lines too
        for f in files.documentation_pages():
            if f.abs_src_path and f.generated_by is None and f.src_uri not in self.manual.pages:  # type: ignore[union-attr]
                path = Path(f.abs_src_path)
                docs.append((path.relative_to(self.root).as_posix() if self.root in path.parents else f.src_uri, path))
        site_pages = {f.src_uri for f in files.documentation_pages()}
        return flowchart_checks.check_site(self.library, self.manual, site_pages=site_pages, docs_pages=docs)  # type: ignore[arg-type]

    @property
    def flowchart_pages(self) -> dict[str, Any]:
        return self.library.by_uri

    def _navigation(self, config: MkDocsConfig, files: Files, drop: set[str]) -> list[numbering.NavNode]:
        """The nav from mkdocs.yml without drafts and archived pages, or one built from the folders."""
        if config.nav:
            return numbering.prune(numbering.from_config(config.nav), drop)
        assert self.manual is not None
        generated = self.flowchart_pages
        docs = sorted(
            (f for f in files.documentation_pages() if f.src_uri not in self.manual.pages and f.src_uri not in generated),
            key=lambda f: (f.src_uri != "index.md", f.src_uri),
        )
        nodes = [numbering.NavNode(None, f.src_uri) for f in docs if f.src_uri == "index.md"]
        for section in self.sections:
            pages = sorted(self.manual.in_section(section), key=lambda p: p.title.casefold())
            if pages:
                nodes.append(numbering.NavNode(section.label, children=[numbering.NavNode(None, p.uri) for p in pages]))
        charts = sorted(self.library.charts.values(), key=lambda c: c.title.casefold())
        if charts:
            nodes.append(numbering.NavNode(self.config.flowcharts.label, children=[numbering.NavNode(None, c.uri) for c in charts]))
        nodes.extend(numbering.NavNode(None, f.src_uri) for f in docs if f.src_uri != "index.md")
        return nodes

    def _report(self, found: Iterable[Problem]) -> None:
        """Problems at the levels mkdocs.yml sets: warnings through the plugin logger (so --strict
        counts them), notes at INFO (counted for on_post_build's one line); errors stop the build."""
        problems = Problems(found).at_levels(self.levels)
        for problem in problems.warnings:
            log.warning(str(problem))
        for problem in problems.notes:
            log.info(f"note: {problem}")
        self.notes += len(problems.notes)
        if problems.errors:
            raise PluginError(ManualError(problems.errors).render())

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled or self.manual is None:
            return None
        # Titles come from our parsed front matter, so the nav is right even for pages that a
        # `serve --dirty` rebuild does not read again.
        sheets = self.topic_sources.sheets if self.topic_sources is not None else {}
        for page in nav.pages:
            uri = page.file.src_uri
            source = self.manual.pages.get(uri) or sheets.get(uri) or self.flowchart_pages.get(uri)
            if source is not None:
                page.title = self._title(uri, source.meta.title)
        if self.config.numbering:
            _number_sections(nav.items, (), self.group_numbers)
        self.nav = nav
        return nav

    def _title(self, uri: str, title: str) -> str:
        """The numbered title as readers see it; front-matter titles are text, never markup."""
        number = self.numbers.get(uri, "")
        return escape(f"{number} {title}" if number else title)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.manual is None:
            return None
        self.flowcharts.page_uri = page.file.src_uri  # links in a flowchart are relative to this page
        self.glossary_links.context = self._glossary_context(page)
        number = self.numbers.get(page.file.src_uri, "")
        source = self.manual.pages.get(page.file.src_uri)
        self._warn_placeholder_links(page, source)
        if source is None and self.topic_sources is not None:
            source = self.topic_sources.sheets.get(page.file.src_uri)  # info-sheets are stamped alike
        chart = self.flowchart_pages.get(page.file.src_uri)
        if source is None and chart is None:
            if number:
                # A page of docs_dir in a chapter: the theme shows its title with the number, so a
                # `# Title` that opens its text and says the same is not shown a second time.
                heading = mdtext.title_heading(markdown)
                title = page.meta.get("title") or (heading.text if heading is not None and heading.text else page.title)
                if heading is not None and heading.text and mdtext.same_title(title, heading.text):
                    markdown = mdtext.without_heading(markdown, heading)
                page.title = f"{number} {title}"
                page.meta["manual"] = {"number": number}
            if page.is_homepage or page.file.src_uri == self.config.contents.path:
                page.meta.setdefault("manual", {"number": number})["release"] = self.site_globals.get("release")
            return markdown
        if source is not None:
            # Our parse of the page, which leaves out a `# Title` heading that opens the text: the
            # theme shows the title with its number and stamp (frontmatter.parse_page).
            markdown = source.body
        meta = source.meta if source is not None else chart.meta  # type: ignore[union-attr]
        page.title = self._title(page.file.src_uri, meta.title)
        page.meta["title"] = escape(meta.title)
        assert meta.last_updated is not None
        page.meta["manual"] = {
            "number": number,
            "title": meta.title,
            "section": source.section.label if source else self.config.flowcharts.label,
            "version": meta.version,
            "last_updated": meta.last_updated.isoformat(),
            "last_updated_text": dates.format_date(meta.last_updated, self.config.date_format),
            "status": meta.status,
            "owner": meta.owner,
            "summary": meta.summary,
            "review": review.banner(
                meta, self.today, date_format=self.config.date_format, default_owner=self.config.review.default_owner,
                kind=review.PROCEDURE if page.file.src_uri in self.manual.pages
                else review.INFO_SHEET if source is not None else review.FLOWCHART,
            ),
        }
        if meta.summary and "description" not in page.meta:
            page.meta["description"] = escape(meta.summary)
        if meta.status == "archived":
            page.meta.setdefault("search", {})["exclude"] = True
        return self._with_topics(markdown, page, files)

    def _with_topics(self, markdown: str, page: Page, files: Files) -> str:
        """The page's link boxes (URLs from MkDocs' files) and, on an info-sheet, its generated lists."""
        uri, views = page.file.src_uri, self.topic_views
        for name, targets in (("related", views.related.get(uri, [])), ("referred_by", views.referred_by.get(uri, []))):
            page.meta["manual"][name] = [
                {"number": t.number, "title": t.title, "summary": t.summary, "url": file.url}
                for t in targets
                if (file := files.get_file_from_path(t.uri)) is not None
            ]
        lists = views.sheet_markdown.get(uri)
        return f"{markdown.rstrip()}\n\n{lists}" if lists else markdown

    def _warn_placeholder_links(self, page: Page, source: Any) -> None:
        """`[text](#)`, `[text]()` and links without text, named by file and line (a warning)."""
        if page.file.generated_by or not page.file.abs_src_path:
            return
        if source is not None:
            found = placeholders.find_in_markdown(source.body, source.uri, source.body_line)
        else:
            path = Path(page.file.abs_src_path).resolve()
            rel = path.relative_to(self.root).as_posix() if self.root in path.parents else page.file.src_uri
            found = placeholders.find_in_page(page.file.content_string, rel)
        self._report(found)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        self._record_glossary_use(page)
        # on_files checked every `!flowchart` line it could see; this catches any other.
        if self.flowcharts.missing:
            names = ", ".join(sorted(set(self.flowcharts.missing)))
            raise PluginError(f"{page.file.src_uri}: '!flowchart {names}': there is no such flowchart in {self.library.folder}/")
        return None


def _search_entries(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    """The entries of Material's search index (``search_index.entries``), before it writes them."""
    for plugin in config.plugins.values():
        entries = getattr(getattr(plugin, "search_index", None), "entries", None)
        if isinstance(entries, list):
            return entries
    return None


def _nav_entries(items: list[Any]) -> list[navview.NavEntry]:
    """MkDocs' navigation as the core's neutral tree (titles are final by on_env)."""
    entries = []
    for item in items:
        if isinstance(item, Section):
            entries.append(navview.group(item.title, _nav_entries(item.children)))
        elif isinstance(item, Page):
            entries.append(navview.NavEntry(item.title or item.file.name, item.url))
        else:  # a Link
            entries.append(navview.NavEntry(item.title, item.url, external=True))
    return entries


def _number_sections(items: list[Any], path: tuple[str, ...], groups: dict[tuple[str, ...], str]) -> None:
    for item in items:
        if isinstance(item, Section):
            here = path + (item.title,)
            number = groups.get(here)
            _number_sections(item.children, here, groups)
            if number:
                item.title = f"{number}. {item.title}" if "." not in number else f"{number} {item.title}"
