"""The MkDocs adapter: a thin layer between MkDocs' events and the plain-Python core.

It loads and validates the manual (``generator.core``), adds the content folders and the
generated pages to the site, applies numbering to the nav, and puts each page's data in
``page.meta["manual"]`` for the theme partials in ``theme/`` to display.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .config import ProceduresConfig
from .core import dates, numbering
from .core.manual import DEFAULT_SECTIONS, Manual, ParseCache, Section as ContentSection, load_manual
from .core.problems import ManualError
from .pages.render import render
from .pages.contents import contents_markdown

log = get_plugin_logger("procedures")

THEME_DIR = Path(__file__).parent / "theme"
STYLESHEET = "assets/procedures/manual.css"
COLOURS = "assets/procedures/colours.css"
SCRIPT = "assets/procedures/manual.js"
ACCESSIBILITY_STATEMENT = "accessibility.md"
_COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\))$")


class ProceduresPlugin(BasePlugin[ProceduresConfig]):
    """``plugins: [procedures]`` in mkdocs.yml."""

    def __init__(self) -> None:
        # Kept across `mkdocs serve` rebuilds on purpose: parsed sources, keyed on mtime.
        self.cache = ParseCache()
        self._reset()

    def _reset(self) -> None:
        self.root = Path.cwd()
        self.today = dt.date.today()
        self.sections: list[ContentSection] = []
        self.manual: Manual | None = None
        self.numbers: dict[str, str] = {}
        self.group_numbers: dict[tuple[str, ...], str] = {}
        self.footer_links: list[dict[str, str]] = []

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
        config.extra_javascript.insert(0, SCRIPT)
        return config

    def _check_options(self, config: MkDocsConfig) -> None:
        problems = []
        message = dates.check_format(self.config.date_format)
        if message:
            problems.append(f"procedures plugin: {message}")
        for name in ("primary_colour", "accent_colour"):
            value = self.config[name]
            if value and not _COLOUR.match(value.strip()):
                problems.append(f"procedures plugin: {name} {value!r} must be a colour such as '#1d4f91'")
        docs_dir = Path(config.docs_dir).resolve()
        statement = self.config.accessibility_statement
        if statement and not (docs_dir / statement).is_file():
            where = os.path.relpath(docs_dir / statement, self.root)
            problems.append(
                f"procedures plugin: accessibility_statement '{statement}' is not a page: there is no {where}; "
                "write the statement there, or correct the option in mkdocs.yml"
            )
        for section in self.sections:
            folder = (self.root / section.folder).resolve()
            if folder == docs_dir or docs_dir in folder.parents or folder in docs_dir.parents:
                problems.append(
                    f"procedures plugin: the section folder '{section.folder}' overlaps docs_dir; "
                    "content folders live beside docs_dir, not inside it"
                )
        if problems:
            raise PluginError("\n".join(problems))

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        for section in self.sections:
            folder = self.root / section.folder
            if folder.is_dir():
                server.watch(str(folder))
        return server

    # Run before other plugins' on_files (search, tags...) so they see our pages.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        manual = load_manual(self.root, self.sections, today=self.today, cache=self.cache)
        self.manual = manual
        self._report(manual.problems)

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

        if self.config.primary_colour or self.config.accent_colour:
            css = render("colours.css.j2", primary=self.config.primary_colour, accent=self.config.accent_colour)
            files.append(File.generated(config, COLOURS, content=css))

        contents = self.config.contents
        if contents.enabled:
            files.append(File.generated(config, contents.path, content=""))  # filled in below

        nav_nodes = self._navigation(config, files, drop)
        config.nav = numbering.to_config(nav_nodes)
        result = numbering.number(nav_nodes) if self.config.numbering else numbering.Numbering()
        self.numbers, self.group_numbers = result.pages, result.groups

        if contents.enabled:
            markdown = contents_markdown(
                manual,
                uri=contents.path,
                title=contents.title,
                intro=contents.intro,
                nav_order=numbering.page_order(nav_nodes),
                numbers=self.numbers,
                date_format=self.config.date_format,
                updated_since=self.config.updated_since,
            )
            files.get_file_from_path(contents.path).content_string = markdown

        statement = files.get_file_from_path(self.config.accessibility_statement or ACCESSIBILITY_STATEMENT)
        if statement is not None and statement.is_documentation_page():
            self.footer_links = [{"title": "Accessibility statement", "url": statement.url}]
        return files

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        # Shown on every page, the 404 page included, by theme/partials/copyright.html.
        env.globals["manual_site"] = {"footer_links": self.footer_links}
        return env

    def _navigation(self, config: MkDocsConfig, files: Files, drop: set[str]) -> list[numbering.NavNode]:
        """The nav from mkdocs.yml without drafts and archived pages, or one built from the folders."""
        if config.nav:
            return numbering.prune(numbering.from_config(config.nav), drop)
        assert self.manual is not None
        docs = sorted(
            (f for f in files.documentation_pages() if f.src_uri not in self.manual.pages),
            key=lambda f: (f.src_uri != "index.md", f.src_uri),
        )
        nodes = [numbering.NavNode(None, f.src_uri) for f in docs if f.src_uri == "index.md"]
        for section in self.sections:
            pages = sorted(self.manual.in_section(section), key=lambda p: p.title.casefold())
            if pages:
                nodes.append(numbering.NavNode(section.label, children=[numbering.NavNode(None, p.uri) for p in pages]))
        nodes.extend(numbering.NavNode(None, f.src_uri) for f in docs if f.src_uri != "index.md")
        return nodes

    def _report(self, problems: Any) -> None:
        """Warnings through the plugin logger (so --strict counts them); errors stop the build."""
        for problem in problems.warnings:
            log.warning(str(problem))
        if problems.errors:
            raise PluginError(ManualError(problems.errors).render())

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled or not self.config.numbering:
            return None
        _number_sections(nav.items, (), self.group_numbers)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.manual is None:
            return None
        number = self.numbers.get(page.file.src_uri, "")
        source = self.manual.pages.get(page.file.src_uri)
        if source is None:
            if number:
                page.title = f"{number} {page.meta.get('title') or page.title}"
                page.meta["manual"] = {"number": number}
            return None
        meta = source.meta
        # Titles from front matter are text, never markup: the theme prints page.title as it is.
        page.title = escape(f"{number} {meta.title}" if number else meta.title)
        page.meta["title"] = escape(meta.title)
        assert meta.last_updated is not None
        page.meta["manual"] = {
            "number": number,
            "title": meta.title,
            "section": source.section.label,
            "version": meta.version,
            "last_updated": meta.last_updated.isoformat(),
            "last_updated_text": dates.format_date(meta.last_updated, self.config.date_format),
            "status": meta.status,
            "owner": meta.owner,
            "summary": meta.summary,
        }
        if meta.summary and "description" not in page.meta:
            page.meta["description"] = escape(meta.summary)
        if meta.status == "archived":
            page.meta.setdefault("search", {})["exclude"] = True
        return None


def _number_sections(items: list[Any], path: tuple[str, ...], groups: dict[tuple[str, ...], str]) -> None:
    for item in items:
        if isinstance(item, Section):
            here = path + (item.title,)
            number = groups.get(here)
            _number_sections(item.children, here, groups)
            if number:
                item.title = f"{number}. {item.title}" if "." not in number else f"{number} {item.title}"
