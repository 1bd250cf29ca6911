"""The MkDocs adapter: hands MkDocs the site plan, and nothing else.

Everything the site holds (pages, nav, numbers, generated pages, each page's view, every problem)
is computed by ``generator.site.plan_site``, which knows nothing of MkDocs; ``procedures check``
runs the same plan. This module only turns MkDocs' events into calls to it: it adds the plan's
files, applies its nav and titles, gives each page its Markdown and its view
(``page.meta["manual"]``, shown by the partials in ``theme/``), and reports the plan's problems
through the plugin logger, so that ``--strict`` counts its warnings. It works on ProperDocs, the
maintained fork of MkDocs 1.6, unchanged.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from typing import Any, Iterable

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .config import ProceduresConfig
from .adapter import nav as mkdocsnav
from .adapter.extensions import PageExtensions
from .adapter.search import complete_index
from .core import mdtext, numbering
from .core.problems import ManualError, Problem, Problems
from .glossary.search import term_forms
from .history.editions import edition_settings, read_context
from .printing.edition import preview_markdown
from .options import settings_from
from .project import ProjectError, load_project
from .site import COLOURS, Caches, SitePlan, plan_site
from .site.plan import watched

log = get_plugin_logger("procedures")

THEME_DIR = Path(__file__).parent / "theme"
STYLESHEET = "assets/procedures/manual.css"
FLOWCHART_STYLESHEET = "assets/procedures/flowcharts.css"
GLOSSARY_STYLESHEET = "assets/procedures/glossary.css"
SCRIPT = "assets/procedures/manual.js"


class ProceduresPlugin(BasePlugin[ProceduresConfig]):  # type: ignore[no-untyped-call]  # MkDocs leaves __init_subclass__ untyped
    """``plugins: [procedures]`` in mkdocs.yml."""

    def __init__(self) -> None:
        # Kept across `mkdocs serve` rebuilds on purpose: parsed sources, keyed on mtime, and
        # digests of each output's generated parts, to find outputs a change made stale.
        self.caches = Caches()
        self.generated_seen: dict[str, str] = {}
        # The Markdown extensions, told the page they are on as MkDocs renders it.
        self.extensions = PageExtensions()
        self.plan: SitePlan | None = None
        self.notes = 0
        self.glossary_forms: dict[str, list[str]] = {}  # page url -> glossary forms, for search
        self.nav: Navigation | None = None
        self.command = "build"

    # Defining on_startup keeps this plugin instance alive across `serve` rebuilds (MkDocs >= 1.4),
    # so the caches survive; everything else is reset in on_config.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.plan, self.notes, self.glossary_forms, self.nav = None, 0, {}, None
        if not self.config["enabled"]:
            return None
        config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
        settings = settings_from(self.config)  # MkDocs has checked the types, and resolved !ENV
        # `procedures build --editions` says which editions the site has, or which one this build is.
        self.context = read_context()
        if self.context is not None and self.context.edition is not None:
            settings = edition_settings(settings, self.context.edition)
            config.site_url = self.context.site_url or config.site_url
        try:
            project = load_project(config_file.parent, config_file.name, today=settings.today or dt.date.today())
        except ProjectError as error:
            raise PluginError(str(error)) from None
        self.project = project.with_build_values(
            settings=settings, docs_dir=Path(config.docs_dir), site_name=config.site_name,
            site_url=config.site_url, use_directory_urls=config.use_directory_urls,
        )
        # The plan checks links, anchors and the nav itself, at the levels its checks have (and
        # MkDocs' `validation:` settings give them): MkDocs' own reports would say it twice.
        for group, name in (("links", "not_found"), ("links", "anchors"), ("nav", "omitted_files"), ("nav", "not_found")):
            levels = getattr(config.validation, group)
            setattr(levels, name, min(getattr(levels, name), logging.INFO))
        # Our partials sit between the partnership's custom_dir and the theme itself.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        config.extra_css.insert(0, STYLESHEET)
        if settings.primary_colour or settings.accent_colour:
            config.extra_css.insert(1, COLOURS)
        if settings.flowcharts.enabled:
            config.extra_css.insert(1, FLOWCHART_STYLESHEET)
        if settings.glossary.enabled:
            config.extra_css.insert(1, GLOSSARY_STYLESHEET)
        edition = self.context is not None and self.context.edition is not None
        for extension in self.extensions.wanted(settings, edition=edition):
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)  # MkDocs takes Extension objects too
        config.extra_javascript.insert(0, SCRIPT)
        return config

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config["enabled"]:
            for path in watched(self.project):
                server.watch(str(path))
        return server

    # Run before other plugins' on_files (search, tags...) so they see our pages.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config["enabled"]:
            return None
        docs = [f.src_uri for f in files if not f.generated_by]
        plan = self.plan = plan_site(self.project, docs_files=docs, caches=self.caches, context=self.context)
        self._report(plan.problems)
        for file in list(files.documentation_pages()):
            page = plan.pages.get(file.src_uri)
            if page is None:
                files.remove(file)  # an info-sheet draft, not previewed
            elif not page.in_nav:
                file.inclusion = InclusionLevel.NOT_IN_NAV
        for uri, page in plan.pages.items():
            if page.kind == "procedure":
                file = File(uri, str(self.project.root), config.site_dir, config.use_directory_urls)
            elif page.generated:
                file = File.generated(config, uri, content=page.markdown or "")
            else:
                continue
            if not page.in_nav:
                file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(file)
        for uri, content in plan.files.items():
            files.append(File.generated(config, uri, content=content))
        config.nav = numbering.to_config(plan.nav)
        self.extensions.use(plan)
        self._drop_stale_outputs(plan, files)
        return files

    def _drop_stale_outputs(self, plan: SitePlan, files: Files) -> None:
        """`--dirty` rebuilds only pages whose source is newer than their output. A page whose boxes
        or lists changed because of another page has stale output: remove it so it is rebuilt."""
        built = {uri for uri, page in plan.pages.items() if page.kind in ("procedure", "info-sheet")}
        for uri, digest in plan.fingerprints(built).items():
            file = files.get_file_from_path(uri)
            if file is None:
                continue
            dest = file.abs_dest_path
            if self.generated_seen.get(dest) != digest:
                if os.path.isfile(dest):
                    os.remove(dest)
                self.generated_seen[dest] = digest

    def _report(self, found: Iterable[Problem]) -> None:
        """Warnings through the plugin logger (so --strict counts them), notes at INFO (counted
        for on_post_build's one line); errors stop the build."""
        problems = Problems(found)
        for problem in problems.warnings:
            log.warning(str(problem))
        for problem in problems.notes:
            log.info(f"note: {problem}")
        self.notes += len(problems.notes)
        if problems.errors:
            raise PluginError(ManualError(problems.errors).render())

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if self.plan is None:
            return None
        # Titles come from the plan, so the nav is right even for pages that a `serve --dirty`
        # rebuild does not read again. They are text: escaped here, as the theme prints them.
        for page in nav.pages:
            planned = self.plan.pages.get(page.file.src_uri)
            if planned is not None and planned.title and planned.kind != "generated":
                page.title = escape(self.plan.title(page.file.src_uri))
        if self.project.settings.numbering:
            mkdocsnav.number_sections(nav.items, self.plan.group_numbers)
        self.nav = nav
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.plan is None:
            return None
        uri = page.file.src_uri
        edition = self.extensions.enter(self.plan, uri, generated=bool(page.file.generated_by))
        planned, view = self.plan.pages.get(uri), self.plan.views.get(uri)
        if edition is not None and self.command == "serve" and not self.project.settings.print_edition.serve:
            self.extensions.printing.edition = None  # previews stay quick: a note instead of the print edition
            return preview_markdown(edition)
        if view is not None:
            page.meta["manual"] = view
        if planned is not None and uri in self.plan.history.pages:  # titles from officers' text: text, not markup
            page.title = page.meta["title"] = escape(planned.title)
        if planned is None or planned.kind in ("page", "generated"):
            if view is None or not view.number:
                return None
            # A page of docs_dir in a chapter: its title shows with its number, and once.
            title, markdown = mdtext.titled(markdown, page.meta.get("title"))
            page.title = f"{view.number} {title or page.title}"
            return markdown
        # A procedure, info-sheet or flowchart: its title is text, never markup.
        page.title = escape(self.plan.title(uri))
        page.meta["title"] = escape(planned.title)
        if view is not None and view.summary and "description" not in page.meta:
            page.meta["description"] = escape(view.summary)
        if view is not None and view.status == "archived":
            page.meta.setdefault("search", {})["exclude"] = True
        # Procedures and info-sheets as the plan read them: without a `# Title` heading that
        # opens the text (the theme shows the title with its number and stamp), with their lists.
        return planned.markdown if planned.kind != "flowchart" and planned.markdown is not None else markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        self._record_glossary_use(page)
        # The plan checked every `!flowchart` line it could see; this catches any other. An old
        # version may embed a flowchart since withdrawn: it shows the line as it was written.
        flowcharts = self.extensions.flowcharts
        if flowcharts.missing and not (self.plan and page.file.src_uri in self.plan.history.pages):
            names = ", ".join(sorted(set(flowcharts.missing)))
            folder = flowcharts.library.folder
            raise PluginError(f"{page.file.src_uri}: '!flowchart {names}': there is no such flowchart in {folder}/")
        return None

    def _record_glossary_use(self, page: Page) -> None:
        """The glossary forms of the terms linked on ``page``, for its search entry."""
        context, glossary = self.extensions.glossary.context, self.plan.glossary if self.plan else None
        if context is not None and glossary is not None:
            by_anchor = {t.anchor: t for t in glossary.terms}
            self.glossary_forms[page.url] = [form for anchor in sorted(context.used) for form in term_forms(by_anchor[anchor])]
        self.extensions.glossary.context = None

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        # Site-wide values for the theme partials (release in the footer, feed link in <head>).
        if self.plan is not None:
            env.globals["manual_site"] = self.plan.site
            env.globals["manual_nav"] = self._nav_view()
            # The whole manual's print page shows its chapters' pages (theme/partials/procedures/print-parts.html).
            env.globals["manual_print_part"] = lambda uri: _content_of(files, uri)
        return env

    def _nav_view(self) -> Any:
        """The per-page navigation for partials/nav.html: its tree is built once per build."""
        assert self.plan is not None
        contents = self.project.settings.contents
        more_url = self.plan.url(contents.path) if contents.enabled and contents.path in self.plan.pages else None
        return mkdocsnav.page_nav(self.nav.items if self.nav is not None else [], self.project.settings.nav_limit, more_url)

    # Before the search plugin writes its index (its on_post_build runs at the default priority, 0).
    @event_priority(50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The count of notes, then the glossary and the near spellings in Material's search index
        (adapter/search.py)."""
        if self.notes:
            log.info(
                f"{self.notes} note{'s' if self.notes != 1 else ''} (advice that does not fail the build): "
                "run 'procedures check' to list them"
            )
        if self.plan is not None:
            glossary_url = self.plan.url(self.project.settings.glossary.page) if self.plan.glossary is not None else ""
            complete_index(config, self.plan.glossary, glossary_url, self.glossary_forms)


def _content_of(files: Files, uri: str) -> Markup:
    """The rendered text of the page ``uri`` (every page's Markdown is rendered before any template)."""
    file = files.get_file_from_path(uri)
    return Markup(file.page.content or "" if file is not None and file.page is not None else "")
