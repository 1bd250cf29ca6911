"""The old manual's contents list, as a ``nav`` block to paste into mkdocs.yml.

A hosted manual lists its chapters and pages on a contents page: ``1. Policy Framework``, then
``1.1 Introduction``, ``1.2 Underlying Principles`` ... Read from a text or HTML copy of that page,
each entry is matched to an imported page by its title, and the entries become the nav: chapters
in order, each a group of its pages, so that the site numbers its pages as the old manual did.

Matching is tolerant: case, punctuation, accents, "&" or "and", and numbering do not count
(``1.2 Children & Families`` matches a page titled "Children and families"). A link in an HTML
contents list to a page that was imported settles the match by itself.

Nothing here writes mkdocs.yml, which holds the partnership's comments and layout: the nav is
returned as text for the officer to paste, with what could not be matched reported by line.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import unquote

from ..core.numbering import NavNode, number
from ..newpage import yaml_scalar
from . import textrules
from .fromhtml import BLOCK_TAGS, HEADINGS, IGNORED, element_text, is_chrome
from .frommarkdown import render_markdown
from .htmltree import Element, parse

INDENT, STEP = "  ", "    "  # as mkdocs.yml lays out its nav: "  - Group:" then "      - page.md"


@dataclass
class ContentsEntry:
    """One line of the contents list: ``1.2 Underlying Principles`` is number (1, 2)."""

    line: int
    title: str
    number: tuple[int, ...] = ()
    depth: int = 0  # from the layout (indent, list nesting, heading level) when there is no number
    href: str = ""
    children: list["ContentsEntry"] = field(default_factory=list)

    @property
    def shown(self) -> str:
        numbers = ".".join(map(str, self.number)) + ("." if len(self.number) == 1 else "")
        return f"{numbers} {self.title}".strip()


@dataclass
class ContentsPage:
    """A page the nav can point to: one just imported, or one already in the section."""

    title: str
    uri: str
    source: str = ""  # the imported file, relative to the folder imported ("" for an existing page)


@dataclass
class ContentsNav:
    text: str  # the nav block, to paste under "nav:" in mkdocs.yml
    notes: list[str] = field(default_factory=list)  # "contents.txt:7: ..." and pages with no entry
    ambiguous: int = 0  # entries that match more than one page: the import cannot settle them


class ContentsError(Exception):
    """The contents list cannot be read at all."""


# ----------------------------------------------------------------------------- matching titles


def match_key(title: str) -> str:
    """A title reduced to what matching compares: ``1.2 Children & Families'`` -> ``children and families``."""
    text, _ = textrules.strip_title_number(" ".join(title.split()))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['’‘`]", "", text).replace("&", " and ").replace("+", " and ")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


# ----------------------------------------------------------------------------- reading the list


def read_contents(text: str, kind: str) -> list[ContentsEntry]:
    """The entries of a contents list (``kind`` is "html", "markdown" or "text"), as a tree.
    Raises ``ContentsError``."""
    if kind == "markdown":
        flat = _html_entries(render_markdown(text))
        _markdown_lines(flat, text.splitlines())
    else:
        flat = _html_entries(text) if kind == "html" else _text_entries(text)
    if not flat:
        raise ContentsError("no entries were found in it: it should list the chapters and pages, one a line")
    return _tree(flat)


def _entry(line: int, text: str, depth: int, href: str = "") -> ContentsEntry | None:
    text = " ".join(text.split())
    found = textrules.marker(text)
    if found is not None and found.kind == "bullet":
        text = text[found.length:]
    if not text or textrules.is_chrome_text(text) or textrules.read_stamp(text)[0] is not None:
        return None
    if text.casefold().strip(": ") in textrules.CONTENTS_HEADINGS or textrules.version_only(text) is not None:
        return None
    title, number_text = textrules.strip_title_number(text)
    numbers = tuple(int(n) for n in re.findall(r"\d+", number_text))
    return ContentsEntry(line, title or text, numbers, depth, href)


def _text_entries(text: str) -> list[ContentsEntry]:
    """A line per entry; without numbers, a deeper indent (or a nested bullet) is a level down."""
    out: list[ContentsEntry] = []
    indents: list[tuple[int, int]] = []
    for line_number, raw in enumerate(text.splitlines(), start=1):
        line = raw.replace("\t", "    ").replace("\u00a0", " ").rstrip()
        if not line.strip():
            continue
        found = textrules.marker(line.strip())
        place = (len(line) - len(line.lstrip()), found.depth if found and found.kind == "bullet" else 1)
        while indents and indents[-1] > place:
            indents.pop()
        if not indents or indents[-1] < place:
            indents.append(place)
        entry = _entry(line_number, line, len(indents) - 1)
        if entry is not None:
            out.append(entry)
    return out


def _html_entries(text: str) -> list[ContentsEntry]:
    """Headings, list items and paragraphs of the page's content, with the link each holds."""
    root = parse(text)
    body = root.find("body") or root
    content = next((e for e in body.iter() if e.tag in ("main", "article") or e.get("role") == "main"), body)
    reader = _HtmlContents()
    reader.walk(content, 0)
    return reader.entries


class _HtmlContents:
    """The entries of a contents page in page order. A heading (``<h2>`` ...) is an entry at the
    depth of its level, and what follows it goes one level deeper, list items by their nesting."""

    def __init__(self) -> None:
        self.entries: list[ContentsEntry] = []
        self.heading_depth = -1

    def walk(self, element: Element, lists: int) -> None:
        """Read the entries below ``element``, inside ``lists`` lists."""
        for child in element.elements():
            if child.tag in IGNORED or is_chrome(child) or child.tag in ("header", "footer"):
                continue
            if child.tag in HEADINGS:
                if child.tag != "h1":  # the contents page's own title
                    self.heading_depth = HEADINGS[child.tag] - 2
                    self._add(_entry(child.line, _own_text(child), self.heading_depth, _link_of(child)))
            elif child.tag == "li":
                self._add(_entry(child.line, _own_text(child), self.heading_depth + lists, _link_of(child)))
                self.walk(child, lists)
            elif child.tag in ("ul", "ol"):
                self.walk(child, lists + 1)
            elif child.tag in BLOCK_TAGS and not _holds_blocks(child):
                # A paragraph, or the like: an entry per line, the first with its link.
                for offset, part in enumerate(element_text(child).split("\n")):
                    self._add(_entry(child.line, part, self.heading_depth + 1, _link_of(child) if offset == 0 else ""))
            else:
                self.walk(child, lists)

    def _add(self, entry: ContentsEntry | None) -> None:
        if entry is not None:
            self.entries.append(entry)


def _holds_blocks(element: Element) -> bool:
    """Whether a block holds other blocks (a line break does not count)."""
    return any(e.tag in BLOCK_TAGS for e in element.iter() if e is not element and e.tag != "br")


def _own_text(element: Element) -> str:
    """The text of ``element`` without its nested lists."""
    copy = Element(element.tag, element.attrs, [c for c in element.children
                                                if not (isinstance(c, Element) and c.tag in ("ul", "ol"))])
    return " ".join(element_text(copy).split())


def _link_of(element: Element) -> str:
    """The address of the one link in ``element`` outside its nested lists, if it has exactly one."""
    links = [e for e in element.iter() if e.tag == "a" and e.get("href") and not _in_list(e, element)]
    return links[0].get("href") if len(links) == 1 else ""


def _markdown_lines(flat: list[ContentsEntry], lines: list[str]) -> None:
    """The line of each entry in the Markdown source (the reader saw the rendered HTML's lines):
    the first line, after the previous entry's, that holds its title."""
    position = 0
    for entry in flat:
        entry.line = 0
        for index in range(position, len(lines)):
            if entry.title in lines[index]:
                entry.line, position = index + 1, index + 1
                break


def _in_list(element: Element, container: Element) -> bool:
    return any(a.tag in ("ul", "ol") for a in element.ancestors() if a is not container and container in a.ancestors())


def _tree(flat: list[ContentsEntry]) -> list[ContentsEntry]:
    """Nest the entries: by their numbers where they have them (``1.2`` under ``1.``), else by layout."""
    roots: list[ContentsEntry] = []
    stack: list[ContentsEntry] = []
    for entry in flat:
        depth = len(entry.number) - 1 if entry.number else entry.depth
        depth = max(0, min(depth, len(stack)))
        del stack[depth:]
        (stack[-1].children if stack else roots).append(entry)
        stack.append(entry)
    return roots


# ----------------------------------------------------------------------------- the nav


def contents_nav(entries: list[ContentsEntry], pages: list[ContentsPage], contents_name: str) -> ContentsNav:
    """The nav block for ``entries``, each matched to one of ``pages``; and what to look at."""
    writer = _NavWriter(pages, contents_name)
    nodes: list[NavNode] = []
    for entry in entries:
        writer.emit(entry, INDENT, nodes)
    result = writer.result
    result.text = "\n".join(writer.lines) + "\n"
    result.notes.extend(_numbering_notes(entries, nodes, writer.where, contents_name))
    for page in pages:
        if page.uri not in writer.placed and page.uri not in writer.named and page.source:
            result.notes.append(
                f"{page.uri} (from {page.source}) has no entry in the contents list: add it to the nav by hand"
            )
    return result


class _NavWriter:
    """Writes the nav's lines entry by entry, each matched to a page not placed yet, and builds the
    same nav as ``NavNode``s for the numbering check."""

    def __init__(self, pages: list[ContentsPage], contents_name: str) -> None:
        self.by_key: dict[str, list[ContentsPage]] = {}
        for page in pages:
            self.by_key.setdefault(match_key(page.title), []).append(page)
        self.by_source = {posixpath.basename(p.source).casefold(): p for p in pages if p.source}
        self.contents_name = contents_name
        self.result = ContentsNav("")
        self.lines: list[str] = []
        self.placed: set[str] = set()
        self.named: set[str] = set()  # pages named in a message already (two pages for one entry)
        self.where: dict[int, ContentsPage] = {}  # id(entry) -> its page, for the numbering check

    def find(self, entry: ContentsEntry) -> tuple[ContentsPage | None, bool]:
        """The entry's page, and whether it was left unmatched because two pages match it."""
        address = unquote(entry.href.split("#")[0].split("?")[0])
        linked = self.by_source.get(posixpath.basename(address).casefold()) if address and "://" not in address else None
        if linked is not None and linked.uri not in self.placed:
            return linked, False
        matches = [p for p in self.by_key.get(match_key(entry.title), []) if p.uri not in self.placed]
        if len(matches) > 1:
            self.result.ambiguous += 1
            self.named.update(p.uri for p in matches)
            self.result.notes.append(
                f"{_where(self.contents_name, entry)}: '{entry.shown}' matches {len(matches)} pages, "
                f"{_and(sorted(p.uri for p in matches))}: it was left out of the nav; add the right page to it by hand"
            )
            return None, True
        return (matches[0] if matches else None), False

    def emit(self, entry: ContentsEntry, indent: str, siblings: list[NavNode]) -> None:
        """Write ``entry`` (and its children) at ``indent``, adding its node to ``siblings``."""
        page, ambiguous = self.find(entry)
        if page is not None:
            self.placed.add(page.uri)
            self.where[id(entry)] = page
        if entry.children:
            self._chapter(entry, page, indent, siblings)
        elif page is not None:
            self.lines.append(f"{indent}- {page.uri}")
            siblings.append(NavNode(None, page.uri))
        else:
            self.lines.append(f"{indent}# {entry.shown}: {'two pages match, see the report' if ambiguous else 'no page'}")
            if not ambiguous:
                self.result.notes.append(
                    f"{_where(self.contents_name, entry)}: '{entry.shown}' has no imported page with that title: import the "
                    "page, or correct its title or the entry, and import again; or leave it out"
                )

    def _chapter(self, entry: ContentsEntry, page: ContentsPage | None, indent: str, siblings: list[NavNode]) -> None:
        """An entry with children: a group of their pages, its own page first if it has one; a
        comment instead when none of them was imported."""
        children: list[NavNode] = []
        mark = len(self.lines)
        self.lines.append(f"{indent}- {yaml_scalar(entry.title)}:")
        if page is not None:
            self.lines.append(f"{indent}{STEP}- {page.uri}")
            children.append(NavNode(None, page.uri))
            self.result.notes.append(
                f"{_where(self.contents_name, entry)}: '{entry.shown}' is a chapter and a page: the page "
                f"{page.uri} is the first in its chapter; check the numbering"
            )
        for child in entry.children:
            self.emit(child, indent + STEP, children)
        if not children:
            del self.lines[mark:]
            self.lines.append(f"{indent}# {entry.shown}: no page in this chapter was imported")
            return
        siblings.append(NavNode(entry.title, children=children))


def _numbering_notes(
    entries: list[ContentsEntry], nodes: list[NavNode], where: dict[int, ContentsPage], contents_name: str
) -> list[str]:
    """Pages whose number on the site differs from the old manual's (an entry before them had no page)."""
    site = number(nodes).pages
    out = []

    def walk(items: list[ContentsEntry]) -> None:
        for entry in items:
            page = where.get(id(entry))
            old = ".".join(map(str, entry.number))
            if page is not None and old and not entry.children and site.get(page.uri) not in (None, old):
                out.append(
                    f"{_where(contents_name, entry)}: '{entry.title}' was {old} in the old manual and will be "
                    f"{site[page.uri]} on the site (a page before it is missing): check the order"
                )
            walk(entry.children)

    walk(entries)
    return out


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _where(contents_name: str, entry: ContentsEntry) -> str:
    return f"{contents_name}:{entry.line}" if entry.line else contents_name
