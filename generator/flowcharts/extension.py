"""``!flowchart <name>``: a Python-Markdown extension that puts a flowchart in a page.

A line ``!flowchart referral`` (or ``!flowchart referral.yml``) becomes a ``<figure>`` holding
the caption, the SVG diagram and the text version, all built as ElementTree elements: no HTML
strings are spliced in, and every text from the source is an ``AtomicString``, so it shows as
written. Links are relative ``.md`` paths from the page being rendered; MkDocs turns them into
URLs (and checks them) as it does for any link written in Markdown.

The same extension draws each flowchart's own page and the flowcharts embedded in procedures.
It does not import MkDocs: the adapter sets ``library``, ``page_uri``, ``numbers`` and
``date_format`` before each page is rendered.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any, Callable

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.extensions import Extension
from markdown.util import AtomicString

from ..core import mdtext
from ..lineblocks import LineDirectiveProcessor
from ..core.dates import DEFAULT_FORMAT, format_date
from . import svg, text
from .model import EMBED, Flowchart, Library, Step

_SLUG = re.compile(r"[^a-z0-9]+")


class FlowchartExtension(Extension):
    def __init__(self, library: Library | None = None, **kwargs: object) -> None:
        self.library = library or Library("flowcharts")
        self.page_uri = ""  # the page being rendered, as a path in the site ("statutory/referrals.md")
        self.numbers: dict[str, int] = {}  # "Flowchart 2": a flowchart's place in the Flowcharts section
        self.date_format = DEFAULT_FORMAT
        self.missing: list[str] = []  # names not found on the current page, for the adapter to report
        self.used: set[str] = set()  # element ids given out on the current page
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # Before paragraphs (10) and headings (70), after indented code (80): code stays code.
        md.parser.blockprocessors.register(FlowchartProcessor(md.parser, self), "flowchart", 75)
        md.registerExtension(self)

    def reset(self) -> None:
        self.missing = []
        self.used = set()

    def unique(self, wanted: str) -> str:
        """An element id not used yet on this page (a flowchart may be shown twice)."""
        candidate, count = wanted, 1
        while candidate in self.used:
            count += 1
            candidate = f"{wanted}-{count}"
        self.used.add(candidate)
        return candidate

    def figure(self, chart: Flowchart) -> ET.Element:
        return figure(
            chart,
            page_uri=self.page_uri,
            number=self.numbers.get(chart.name),
            date_format=self.date_format,
            unique=self.unique,
        )


class FlowchartProcessor(LineDirectiveProcessor):
    pattern = EMBED

    def __init__(self, parser: BlockParser, extension: FlowchartExtension) -> None:
        super().__init__(parser)
        self.extension = extension

    def element(self, match: re.Match[str]) -> ET.Element | None:
        name = self.extension.library.embed_name(match.group("name"))
        chart = self.extension.library.charts.get(name)
        if chart is None:
            # Reported by the adapter (the build stops); shown as written meanwhile.
            self.extension.missing.append(name)
            return None
        return self.extension.figure(chart)


def _sub(parent: ET.Element, tag: str, content: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()})
    if content is not None:
        element.text = AtomicString(content)
    return element


def figure(
    chart: Flowchart,
    *,
    page_uri: str,
    number: int | None = None,
    date_format: str = DEFAULT_FORMAT,
    unique: Callable[[str], str] = lambda wanted: wanted,
) -> ET.Element:
    """The ``<figure>`` for ``chart`` on the page ``page_uri``: caption, diagram, text version."""
    prefix = unique(f"flowchart-{chart.name}")
    anchors: dict[str, str] = {}
    for step in chart.steps:
        anchors[step.id] = unique(f"{prefix}-{_SLUG.sub('-', step.id.lower()).strip('-') or 'step'}")

    def href(step: Step) -> str | None:
        if not step.link_uri:
            return None
        target = mdtext.link_to(step.link_uri, page_uri)
        return f"{target}#{step.link_anchor}" if step.link_anchor else target

    own_page = page_uri == chart.uri
    root = ET.Element("figure", {"class": "pm-flowchart", "id": prefix})
    caption = _sub(root, "figcaption", class_="pm-flowchart__caption")
    title = _sub(caption, "span", f"Flowchart {number}: " if number else "Flowchart: ", class_="pm-flowchart__title")
    if own_page:
        _sub(title, "span", chart.title)
    else:
        _sub(title, "a", chart.title, href=mdtext.link_to(chart.uri, page_uri))
        assert chart.meta.last_updated is not None
        when = format_date(chart.meta.last_updated, date_format)
        _sub(caption, "span", f"Version {chart.meta.version}, last updated {when}", class_="pm-flowchart__stamp")

    # The diagram is for the eyes (and pointers); screen readers and search get the text version.
    diagram = _sub(root, "div", class_="pm-flowchart__diagram", aria_hidden="true")
    drawing = svg.build(chart, href=href, id_prefix=prefix)
    drawing.set("data-search-exclude", "")
    diagram.append(drawing)

    version = _sub(root, "div", class_="pm-flowchart__text")
    _sub(
        version, "p",
        "Text version: follow the steps in order. At a decision, go to the step for your answer.",
        class_="pm-flowchart__intro",
    )
    version.append(text.build(chart, anchor=anchors.__getitem__, href=href))
    return root


def makeExtension(**kwargs: Any) -> FlowchartExtension:  # pragma: no cover - Python-Markdown's entry point
    return FlowchartExtension(**kwargs)
