"""``!print-chapter`` and ``!print-procedure``: the print edition's pages, as a Python-Markdown extension.

A chapter's print page (``print.md.j2``) is a marker line for the chapter's heading, then for each
procedure a marker line and the procedure's text. This extension lays them out, all as ElementTree
elements (no HTML strings), with the classes the procedure pages use (``pm-stamp``, ``pm-links``),
so that the same styles apply:

* the block processor (priority 76, beside the flowcharts' 75) makes the chapter's heading, and
  for each procedure an ``<article>`` holding its numbered title, version stamp, web address, its
  text (parsed here, headings moved down under the title) and its "Related procedures" box;
* the treeprocessor (priority 7.5: after ``attr_list`` at 8 has set ids, before the glossary at 7
  and ``toc`` at 5) gives every heading of a procedure the id ``toc`` gives it on the procedure's
  own page, then puts the procedure's anchor before every id in it (``statutory-referrals--purpose``),
  and points its links, ``aria-*`` references and images from the print page: a link to a procedure
  of this page goes to its place in the page (``#statutory-referrals--purpose``), any other link
  to the website, as a relative ``.md`` link that MkDocs turns into an address and checks.

It does not import MkDocs: the adapter sets ``edition`` (``None`` on other pages) and ``page_uri``
before each page is rendered.
"""

from __future__ import annotations

import html
import posixpath
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import unquote, urlsplit

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.extensions.toc import remove_fnrefs, render_inner_html, slugify, strip_tags, unique
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..core import mdtext
from .edition import Edition, Printed

MARKER = re.compile(r"^!print-(chapter|procedure)[ \t]+(.+?)[ \t]*$")
_HEADING = re.compile(r"^h([1-6])$")
CHAPTER_LEVEL = 2  # under the page's title (h1): chapter h2, procedure h3, its own headings from h4
_REFERENCES = ("aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "for", "headers")


@dataclass
class Scope:
    """A procedure on the page being rendered: its ``<article>`` and the elements of its text."""

    printed: Printed
    body: list[ET.Element] = field(default_factory=list)
    chrome: list[ET.Element] = field(default_factory=list)  # the related box: links to point, ids kept


class PrintExtension(Extension):
    def __init__(self, **kwargs: object) -> None:
        self.edition: Edition | None = None
        self.page_uri = ""
        self.scopes: list[Scope] = []
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.parser.blockprocessors.register(PrintProcessor(md.parser, self), "procedures_print", 76)
        md.treeprocessors.register(PrintTreeprocessor(md, self), "procedures_print", 7.5)
        md.registerExtension(self)

    def reset(self) -> None:
        self.scopes = []


def _marker(block: str) -> re.Match[str] | None:
    """The marker that opens ``block`` (after the blank lines a block may start with), if any."""
    return MARKER.match(block.lstrip("\n").split("\n", 1)[0])


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        element.text = AtomicString(text)
    return element


class PrintProcessor(BlockProcessor):
    def __init__(self, parser: BlockParser, extension: PrintExtension) -> None:
        super().__init__(parser)
        self.extension = extension

    def test(self, parent: ET.Element, block: str) -> bool:
        return self.extension.edition is not None and _marker(block) is not None

    def run(self, parent: ET.Element, blocks: list[str]) -> None:
        edition = self.extension.edition
        assert edition is not None
        first, _, rest = blocks.pop(0).lstrip("\n").partition("\n")
        match = MARKER.match(first)
        assert match is not None
        kind, key = match.groups()
        body = [rest] if rest.strip() else []
        while blocks and _marker(blocks[0]) is None:
            body.append(blocks.pop(0))
        if kind == "chapter":
            chapter = edition.chapter(key)
            if chapter is not None:
                _el(parent, f"h{CHAPTER_LEVEL}", chapter.heading, id=chapter.anchor, class_="pm-print-chapter")
            self.parser.parseBlocks(parent, body)
            return
        printed = edition.procedures().get(key)
        if printed is None:  # the plan writes only its own markers; shown as written otherwise
            _el(parent, "p", first)
            self.parser.parseBlocks(parent, body)
            return
        self.extension.scopes.append(self.article(parent, printed, body))

    def article(self, parent: ET.Element, printed: Printed, blocks: list[str]) -> Scope:
        """The procedure's ``<article>``: title, stamp, web address, text, related box."""
        level = CHAPTER_LEVEL + 1
        article = _el(parent, "article", class_="pm-print-procedure")
        title = _el(article, f"h{level}", id=printed.anchor, class_="pm-print-procedure__title")
        if printed.number:
            _el(title, "span", printed.number, class_="pm-print-procedure__number").tail = AtomicString(" ")
        _el(title, "span", printed.title)
        stamp = _el(article, "p", class_="pm-stamp")
        updated = _el(stamp, "span", "Last Updated: ", class_="pm-stamp__updated")
        _el(updated, "time", printed.last_updated_text, datetime=printed.last_updated)
        stamp[-1].tail = AtomicString(" ")
        _el(stamp, "span", f"v{printed.version}", class_="pm-stamp__version")
        address = _el(article, "p", "Web address: ", class_="pm-print-procedure__address")
        own = mdtext.link_to(printed.uri, self.extension.page_uri)  # the website's page, never this one
        link = _el(address, "a", printed.address, href=own)
        if "://" not in printed.address:  # no site_url: manual.js writes the full address it resolves to
            link.set("data-pm-print-href", "")

        holder = ET.Element("div")
        self.parser.parseBlocks(holder, blocks)
        for element in holder.iter():
            heading = _HEADING.match(str(element.tag))
            if heading:
                element.tag = f"h{min(6, int(heading.group(1)) + level - 1)}"
        scope = Scope(printed, body=list(holder))
        article.extend(scope.body)
        if printed.related:
            box = _el(article, "aside", class_="pm-links pm-links--related", aria_labelledby=f"{printed.anchor}--pm-related")
            _el(box, f"h{min(6, level + 1)}", "Related procedures", class_="pm-links__title", id=f"{printed.anchor}--pm-related")
            items = _el(box, "ul", class_="pm-links__list")
            for related in printed.related:
                link = _el(_el(items, "li"), "a", href=mdtext.link_to(related.uri, printed.uri))
                if related.number:
                    _el(link, "span", related.number, class_="pm-links__number").tail = AtomicString(" ")
                _el(link, "span", related.title)
            scope.chrome.append(box)
        return scope


class PrintTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: PrintExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: ET.Element) -> None:
        edition = self.extension.edition
        if edition is None or not self.extension.scopes:
            return
        procedures = edition.procedures()
        name = self._namer()
        for scope in self.extension.scopes:
            ids = _scope_ids(scope, name)
            point = _Pointer(scope.printed, ids, procedures, self.extension.page_uri)
            for element in scope.body:
                point.walk(element, inside_figure=False)
            for element in scope.chrome:
                point.walk(element, inside_figure=False, own_ids=False)

    def _namer(self) -> Callable[[ET.Element], str]:
        """A heading's id as ``toc`` makes it, with the page's own ``toc`` settings."""
        toc = self.md.treeprocessors["toc"] if "toc" in self.md.treeprocessors else None
        make = getattr(toc, "slugify", slugify)
        separator = getattr(toc, "sep", "-")
        return lambda heading: str(make(html.unescape(strip_tags(render_inner_html(remove_fnrefs(heading), self.md))), separator))


def _scope_ids(scope: Scope, name: Callable[[ET.Element], str]) -> dict[str, str]:
    """Every id of the procedure's text, as its own page has it, to its id in the print page."""
    elements = [e for top in scope.body for e in top.iter()]
    used = {str(e.get("id")) for e in elements if e.get("id")}
    for element in elements:
        if _HEADING.match(str(element.tag)) and not element.get("id"):
            element.set("id", unique(name(element), used))
    prefix = scope.printed.anchor
    ids = {}
    for element in elements:
        own = element.get("id")
        if own:
            ids[own] = f"{prefix}--{own}"
            element.set("id", ids[own])
    return ids


@dataclass
class _Pointer:
    """Points the links, references and images of one procedure from the print page."""

    printed: Printed
    ids: dict[str, str]
    procedures: dict[str, Printed]
    page_uri: str

    def walk(self, element: ET.Element, inside_figure: bool, own_ids: bool = True) -> None:
        # A flowchart's figure is made for the page being rendered: its links are relative to it.
        inside_figure = inside_figure or "pm-flowchart" in str(element.get("class", "")).split()
        base = self.page_uri if inside_figure else self.printed.uri
        if element.tag == "a" and element.get("href"):
            element.set("href", self.href(str(element.get("href")), base))
        elif element.tag == "img" and element.get("src"):
            element.set("src", self.src(str(element.get("src")), base))
        if own_ids:
            for attribute in _REFERENCES:
                value = element.get(attribute)
                if value:
                    element.set(attribute, " ".join(self.ids.get(token, token) for token in value.split()))
        for child in element:
            self.walk(child, inside_figure, own_ids)

    def href(self, href: str, base: str) -> str:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("/"):
            return href
        if not parts.path:
            if not parts.fragment:
                return href
            return "#" + self.ids.get(parts.fragment, f"{self.printed.anchor}--{parts.fragment}")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(base), unquote(parts.path)))
        other = self.procedures.get(target)
        if other is None:
            link = mdtext.link_to(target, self.page_uri)
            return link + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
        if not parts.fragment:
            return f"#{other.anchor}"
        if other is self.printed:
            return "#" + self.ids.get(parts.fragment, f"{other.anchor}--{parts.fragment}")
        return f"#{other.anchor}--{parts.fragment}"

    def src(self, src: str, base: str) -> str:
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or src.startswith("/") or not parts.path:
            return src
        target = posixpath.normpath(posixpath.join(posixpath.dirname(base), unquote(parts.path)))
        return mdtext.link_to(target, self.page_uri)


def makeExtension(**kwargs: object) -> PrintExtension:  # pragma: no cover - Python-Markdown's entry point
    return PrintExtension(**kwargs)
