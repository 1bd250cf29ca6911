"""The site's Python-Markdown extensions, told which page they are on (part of the MkDocs adapter).

Each extension is plain Python-Markdown, so any engine that runs Python-Markdown can run it. What
changes from page to page comes from the site plan: the page's place (links are relative to it),
its glossary context, an old version's links and flowcharts, and its print edition.
``plugin.py`` registers them once per build and calls ``enter`` before MkDocs renders each page.
"""

from __future__ import annotations

from typing import Any

from ..contacts.extension import ContactExtension
from ..flowcharts.extension import FlowchartExtension
from ..glossary import GlossaryExtension
from ..history.extension import HistoryExtension, PageContext
from ..options import Settings
from ..printing import Edition, PrintExtension
from ..site import SitePlan


class PageExtensions:
    """One instance of each extension, kept for the whole build."""

    def __init__(self) -> None:
        self.flowcharts = FlowchartExtension()
        self.glossary = GlossaryExtension()
        self.contacts = ContactExtension()
        self.printing = PrintExtension()
        self.history = HistoryExtension()  # superseded versions and redlines

    def wanted(self, settings: Settings, *, edition: bool) -> list[Any]:
        """The extensions the settings turn on, in the order they run; ``edition``: this build is
        a release's edition, whose links the history extension mends."""
        self.flowcharts.date_format = settings.date_format
        wanted: list[Any] = []
        if settings.flowcharts.enabled:
            wanted.append(self.flowcharts)
        if settings.glossary.enabled:
            wanted.append(self.glossary)
        if settings.contacts.enabled:
            wanted.append(self.contacts)
        if settings.glossary.enabled or settings.legislation.enabled:
            wanted.append("attr_list")  # the glossary's and the statutory framework's headings carry {#anchor}s
        if settings.print_edition.enabled:
            wanted.append(self.printing)
        if settings.history.enabled or edition:
            wanted.append(self.history)
        return wanted

    def use(self, plan: SitePlan) -> None:
        """What every page shares: the flowcharts and contacts of this build."""
        self.flowcharts.library, self.flowcharts.numbers = plan.library, plan.flowchart_numbers
        self.contacts.book, self.contacts.page = plan.reference.contacts, plan.reference.contacts_page

    def enter(self, plan: SitePlan, uri: str, *, generated: bool) -> Edition | None:
        """Tell each extension the page ``uri`` is next; returns its print edition, if it is one."""
        self.flowcharts.page_uri = self.contacts.page_uri = self.printing.page_uri = uri  # links are relative to it
        self.glossary.context = None if generated else plan.glossary_context(uri)
        self._history(plan, uri)
        view = plan.views.get(uri)
        self.printing.edition = view.print_edition if view is not None else None
        return self.printing.edition

    def _history(self, plan: SitePlan, uri: str) -> None:
        """A superseded version or a redline: its links were written from the page's own place,
        and its flowcharts are drawn as they were (generator/history)."""
        old = plan.history.pages.get(uri)
        self.flowcharts.charts, self.flowcharts.diagrams = (old.charts, old.redline is None) if old else ({}, True)
        if plan.edition is not None:  # an edition's links go to its own pages, or are mended
            self.history.context = PageContext(uri, uri, plan.history.targets.retarget)
            return
        if old is None or old.kind == "history":
            self.history.context = None
            return
        self.flowcharts.page_uri = self.contacts.page_uri = old.origin  # as the page had them; the extension moves them
        self.history.context = PageContext(
            old.origin, uri, plan.history.targets.retarget, old.redline, lambda: self.flowcharts.used.clear(),
        )
