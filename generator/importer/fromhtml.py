"""Read a page saved from a hosted procedures manual (HTML) into an ``ImportedDocument``.

The steps, in order:

1. parse the HTML into a tree (``htmltree``), dropping scripts and styles;
2. read the stamp (``Last Updated: April 14, 2023`` then ``v14``) from anywhere in the page,
   since sites put it in the content or in the footer, and remember where it was;
3. take the title from the first ``<h1>`` (else ``<title>``), without its chapter number;
4. find the content (``<main>``, ``role=main``, ``<article>``, ``#content`` ...) and turn it into
   blocks, leaving out site chrome: navigation, headers and footers outside the content, skip
   links, breadcrumbs, cookie banners, "Print" and "Share" buttons, logos;
5. turn paragraphs that start with ``•`` or a number (``1.``, ``1.1``) into lists, and a numbered
   title with its text after a ``<br>`` (``<b>1. Child-centred</b><br>Some ...``) into a heading;
6. gather footnotes (a list whose items link back to their references in the text) under a
   "Notes" heading, with each reference written ``[1]`` and linked to it.

Every element is read as text: nothing from the old page reaches the Markdown as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from . import textrules
from .document import (
    Block, Break, Code, Emphasis, Heading, Image, ImportedDocument, Inline, Link, ListBlock, ListItem, Note,
    Paragraph, Preformatted, Quote, Strong, Table, Text, plain,
)
from .htmltree import Element, TextNode, parse
from .lists import group_lists

IGNORED = {
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "form", "button", "select", "input", "textarea", "label", "video", "audio", "map", "dialog", "link", "meta",
}
CHROME_TAGS = {"nav", "aside"}
OUTSIDE_CONTENT_CHROME = {"header", "footer"}
CHROME_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary", "menu", "menubar", "toolbar"}
CHROME_WORDS = {
    "skip", "skiplink", "skiplinks", "breadcrumb", "breadcrumbs", "crumbs", "cookie", "cookies", "consent", "gdpr",
    "print", "printing", "share", "sharing", "social", "sharethis", "addthis", "sidebar", "navbar", "navigation", "nav",
    "menu", "toolbar", "search", "pagination", "pager", "masthead", "logo",
}
SCREEN_READER_ONLY = {
    "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "govuk-visually-hidden", "element-invisible",
}
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main",
    "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "body", "html", "caption",
}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
CONTENT_IDS = ("content", "main-content", "maincontent", "main", "page-content", "primary")
_WORDS = re.compile(r"[a-z0-9]+")


def _words(element: Element) -> set[str]:
    return set(_WORDS.findall(f"{element.get('class')} {element.get('id')}".lower()))


def is_chrome(element: Element) -> bool:
    """Site chrome by its tag, role, class or id (not by its words: see ``textrules``)."""
    if element.tag in CHROME_TAGS or element.get("role").lower() in CHROME_ROLES:
        return True
    if "hidden" in element.attrs or element.get("aria-hidden").lower() == "true":
        return True
    style = element.get("style").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    if set(element.get("class").lower().split()) & SCREEN_READER_ONLY:
        return True  # "(opens in a new tab)" and other helper text for screen readers of the old site
    return bool(_words(element) & CHROME_WORDS)


def is_logo(element: Element) -> bool:
    text = " ".join((element.get("alt"), element.get("src"), element.get("class"), element.get("id"))).lower()
    return "logo" in text or "crest" in text or "banner" in text


def _skipped(element: Element) -> bool:
    return element.tag in IGNORED or any(a.tag in IGNORED for a in element.ancestors())


def element_text(element: Element, spaced: bool = False) -> str:
    """The text of ``element``, a line per block; ``spaced`` also separates inline elements
    (for stamps such as ``<span>April 14, 2023</span><span>v14</span>``)."""
    parts: list[str] = []

    def walk(node: Element) -> None:
        for child in node.children:
            if isinstance(child, TextNode):
                parts.append(child.text)
            elif child.tag not in IGNORED:
                if child.tag == "br" or child.tag in BLOCK_TAGS:
                    parts.append("\n")
                elif spaced:
                    parts.append(" ")
                walk(child)
                if child.tag in BLOCK_TAGS:
                    parts.append("\n")
                elif spaced:
                    parts.append(" ")

    walk(element)
    return "".join(parts)


class HtmlReader:
    def __init__(self, text: str, source: str, find_title: bool = True) -> None:
        self.root = parse(text)
        self.doc = ImportedDocument(source)
        self.find_title = find_title  # False when the caller knows the title (Markdown, Word)
        self.consumed: set[int] = set()  # ids of elements already used (title, stamp)
        self.pending_ids: list[str] = []
        self.content: Element | None = None
        self.explicit_content = False  # True when the page marks its content (<main>, <article> ...)
        self.footnotes: dict[str, int] = {}  # id of each footnote's list item -> its number
        self.back_links: set[int] = set()  # the footnotes' links back to the text, left out

    # ------------------------------------------------------------------ the page as a whole

    def read(self) -> ImportedDocument:
        body = self.root.find("body") or self.root
        self._read_stamp(body)
        self._read_head()
        if self.find_title:
            self._read_title(body)
        self.content = self._content_root(body)
        self.explicit_content = self.content is not body
        if self.content is not body:
            where = f"<{self.content.tag}" + (f' id="{self.content.get("id")}"' if self.content.get("id") else "") + ">"
            self.doc.dropped.append(f"everything outside {where} (menus, header, footer)")
        self._find_footnotes(self.content)
        blocks = self._blocks(self.content)
        self.doc.blocks = _notes_heading(_drop_own_contents(blocks, self.doc))
        return self.doc

    def _find_footnotes(self, content: Element) -> None:
        """Footnotes, as Word converters, Python-Markdown and pandoc write them: a list item with
        an id, holding a link back to the reference in the text, which links to the item."""
        by_id = {e.get("id"): e for e in content.iter() if e.get("id")}
        for item in (e for e in content.iter() if e.tag == "li" and e.get("id")):
            for link in (e for e in item.iter() if e.tag == "a" and e.get("href").startswith("#")):
                reference = by_id.get(link.get("href")[1:])
                if reference is None or reference is item or _inside(reference, item):
                    continue
                if any(e.tag == "a" and e.get("href") == "#" + item.get("id") for e in reference.iter()):
                    self.footnotes.setdefault(item.get("id"), len(self.footnotes) + 1)
                    self.back_links.add(id(link))

    def _read_head(self) -> None:
        for meta in (e for e in self.root.iter() if e.tag == "meta"):
            name = (meta.get("name") or meta.get("property")).lower()
            content = " ".join(meta.get("content").split())
            if name in ("description", "og:description", "dcterms.description") and content and not self.doc.summary:
                self.doc.summary = content
            if name in ("dcterms.modified", "last-modified", "article:modified_time", "dc.date.modified", "revised"):
                if self.doc.last_updated is None and content:
                    found = textrules.find_date(content)
                    if found and found.date:
                        self.doc.last_updated = found.date
                        self.doc.notes.append(
                            Note("date", f"'last_updated' taken from the page's <meta name=\"{name}\">", meta.line)
                        )

    def _read_stamp(self, body: Element) -> None:
        """The last "Last updated ..." block of the page, and a version in it or just after it."""
        lines = _block_lines(body)
        if not self._read_labelled_stamp(lines):
            self._read_lone_version(lines)

    def _read_labelled_stamp(self, lines: list[tuple[Element, str]]) -> bool:
        """The last line with a "Last updated" label and a date, and a version in it or in one of
        the two lines after it. The blocks that hold nothing else are left out of the content.
        Whether there was one."""
        for index in range(len(lines) - 1, -1, -1):
            element, line = lines[index]
            if not textrules.LAST_UPDATED.match(line):
                continue
            found, version, rest = textrules.read_stamp(line)
            if found is None:
                continue
            stamp_elements = [element]
            if version is None:
                version, later = textrules.version_after(lines[index + 1: index + 3])
                if later is not None:
                    stamp_elements.append(later)
            if found.date is None:
                message = f"the stamp date '{found.text}' is not a real date: {found.error}"
                self.doc.notes.append(Note("date", message, element.line))
            self.doc.last_updated = found.date
            self.doc.version = version
            for stamped in stamp_elements:
                if textrules.leftover_is_empty(_stamp_leftover(element_text(stamped, spaced=True))):
                    self.consumed.add(id(stamped))
            return True
        return False

    def _read_lone_version(self, lines: list[tuple[Element, str]]) -> None:
        """No stamp with a label: a lone "v14" in the last five lines still gives the version."""
        for element, line in reversed(lines[-5:]):
            version = textrules.version_only(line)
            if version is not None:
                self.doc.version = version
                self.consumed.add(id(element))
                return

    def _read_title(self, body: Element) -> None:
        heading = next((e for e in body.iter() if e.tag == "h1" and not _skipped(e)
                        and not any(is_chrome(a) for a in e.ancestors())), None)
        title = ""
        if heading is not None:
            title = " ".join(element_text(heading).split())
            self.consumed.add(id(heading))
            self.pending_ids.extend(_ids(heading))
        if not title:
            title, heading = self._title_without_h1(body)
        title, number = textrules.strip_title_number(title)
        if number:
            self.doc.notes.append(Note(
                "title", f"the chapter number '{number}' was removed from the title: the site numbers pages from the nav",
                heading.line if heading is not None else 0,
            ))
        self.doc.title = title

    def _title_without_h1(self, body: Element) -> tuple[str, Element | None]:
        """The first heading when it repeats ``<title>`` (or when there is no ``<title>``), else
        ``<title>``."""
        head_title = self.root.find("title")
        from_head = textrules.title_from_html_title(" ".join(element_text(head_title).split())) if head_title else ""
        heading = next((e for e in body.iter() if e.tag in HEADINGS and not _skipped(e)
                        and not any(is_chrome(a) for a in e.ancestors()) and " ".join(element_text(e).split())), None)
        if heading is not None:
            text = " ".join(element_text(heading).split())
            if not from_head or text.casefold() == from_head.casefold():
                self.consumed.add(id(heading))
                self.pending_ids.extend(_ids(heading))
                return text, heading
        if from_head:
            assert head_title is not None
            self.doc.notes.append(
                Note("title", "the page has no <h1> heading: the title was taken from <title>", head_title.line)
            )
        return from_head, None

    def _content_root(self, body: Element) -> Element:
        candidates = [e for e in body.iter() if not _skipped(e)]
        for test in (
            lambda e: e.tag == "main",
            lambda e: e.get("role").lower() == "main",
            lambda e: e.tag == "article",
            lambda e: e.get("id").lower() in CONTENT_IDS,
        ):
            found = next((e for e in candidates if test(e)), None)
            if found is not None:
                return found
        return body

    # ------------------------------------------------------------------ blocks

    def _blocks(self, element: Element, lists: bool = True) -> list[Block]:
        """The blocks inside ``element``; loose inline content becomes paragraphs."""
        out: list[Block] = []
        run = _InlineRun()

        def flush() -> None:
            nonlocal run
            if run.inlines:
                out.extend(self._paragraphs(run.inlines, run.line))
            run = _InlineRun()

        for child in element.children:
            if isinstance(child, TextNode):
                run.add([Text(child.text)], child.line if child.text.strip() else 0)
            elif id(child) in self.consumed or child.tag in IGNORED:
                # Left out; a block still ends the paragraph, unless it is the title or a heading already read.
                if child.tag in BLOCK_TAGS and not (id(child) in self.consumed and child.tag in HEADINGS):
                    flush()
            elif child.tag == "br":
                run.add([Break()], 0)
            elif child.tag not in BLOCK_TAGS:  # inline content, and images (which are never chrome)
                if child.tag == "img" or not self._chrome(child):
                    run.add(self._inlines_of(child), child.line)
            else:
                flush()
                if not self._chrome(child, outside_content=not self.explicit_content or not _inside(child, self.content)):
                    out.extend(self._block(child))
        flush()
        return group_lists(out, self.doc) if lists else out

    def _chrome(self, element: Element, outside_content: bool = False) -> bool:
        if element.tag in OUTSIDE_CONTENT_CHROME and outside_content:
            self.doc.dropped.append(_quote(element_text(element)) or f"<{element.tag}>")
            return True
        if is_chrome(element):
            self.doc.dropped.append(_quote(element_text(element)) or f"<{element.tag}>")
            return True
        return False

    def _block(self, element: Element) -> list[Block]:
        tag = element.tag
        if tag in HEADINGS:
            text = " ".join(element_text(element).split())
            ids = self.pending_ids + _ids(element)
            self.pending_ids = []
            if not text:
                self.pending_ids = ids
                return []
            if textrules.is_chrome_text(text) and text.casefold() not in textrules.CONTENTS_HEADINGS:
                self.doc.dropped.append(_quote(text))
                return []
            return [Heading(HEADINGS[tag], text, element.line, ids)]
        self.pending_ids.extend(_ids(element))
        if tag in ("ul", "ol", "menu"):
            return self._list(element)
        if tag == "table":
            return self._table(element)
        if tag == "blockquote":
            inner = self._blocks(element)
            return [Quote(inner, element.line)] if inner else []
        if tag == "pre":
            text = element_text(element).strip("\n")
            return [Preformatted(text, element.line)] if text.strip() else []
        if tag == "hr":
            return []
        if tag == "dl":
            return self._definitions(element)
        if tag == "p":
            return self._paragraphs(self._inlines(element), element.line)
        return self._blocks(element)

    def _paragraphs(self, inlines: list[Inline], line: int) -> list[Block]:
        """One paragraph per line (``<br>`` ends a line), without chrome-only paragraphs."""
        out: list[Block] = []
        parts = _split_breaks(inlines)
        for index, part in enumerate(parts):
            text = plain(part)
            if not text and not any(isinstance(i, Image) for i in _flatten(part)):
                continue
            if text and textrules.is_chrome_text(text):
                self.doc.dropped.append(_quote(text))
                continue
            following = plain(parts[index + 1]) if index + 1 < len(parts) else ""
            if textrules.is_numbered_title(text, following):
                # "<b>1. Child-centred</b><br>Some of ...": a heading, as in plain text.
                found = textrules.marker(text)
                assert found is not None
                out.append(Heading(min(6, 1 + found.depth), text, line))
                continue
            out.append(Paragraph(part, line))
        if out:
            self.pending_ids = []
        return out

    def _list(self, element: Element) -> list[Block]:
        items = []
        notes = []
        for child in element.elements():
            if child.tag != "li" or id(child) in self.consumed:
                continue
            blocks = self._blocks(child, lists=False)
            if blocks:
                items.append(ListItem(blocks, child.line))
                if child.get("id") in self.footnotes:
                    notes.append(child.get("id"))
        if not items:
            return []
        if len(notes) == len(items):
            # The footnotes: a numbered list under a "Notes" heading, which the references link to.
            return [Heading(0, NOTES_HEADING, element.line, notes), ListBlock(True, items, element.line)]
        return [ListBlock(element.tag == "ol", items, element.line)]

    def _definitions(self, element: Element) -> list[Block]:
        out: list[Block] = []
        for child in element.elements():
            inlines = self._inlines(child)
            if not plain(inlines):
                continue
            out.append(Paragraph([Strong(inlines)] if child.tag == "dt" else inlines, child.line))
        return out

    # ------------------------------------------------------------------ tables

    def _table(self, table: Element) -> list[Block]:
        rows: list[list[Element]] = []
        caption = None
        for element in _own_table_parts(table):
            if element.tag == "caption":
                caption = element
            elif element.tag == "tr":
                cells = [c for c in element.elements() if c.tag in ("td", "th")]
                if cells:
                    rows.append(cells)
        first = rows[0] if rows else []
        has_header = bool(first) and (
            all(c.tag == "th" for c in first) or (first[0].parent is not None and first[0].parent.parent is not None
                                                  and first[0].parent.parent.tag == "thead")
        )
        cells = [c for row in rows for c in row]
        out: list[Block] = []
        if caption is not None and plain(self._inlines(caption)):
            out.append(Paragraph([Strong(self._inlines(caption))], caption.line))
        if not cells:
            return out
        nested = any(e.tag == "table" for c in cells for e in c.iter() if e is not c)
        if len(cells) == 1 or nested or (len(rows[0]) == 1 and all(len(r) == 1 for r in rows)):
            # A layout table: its cells are simply the page's content, in order.
            for cell in cells:
                out.extend(self._blocks(cell))
            return out
        merged = any(_span(c, "colspan") > 1 or _span(c, "rowspan") > 1 for c in cells)
        ragged = len({len(r) for r in rows}) > 1
        blocky = any(e.tag in ("ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dl")
                     for c in cells for e in c.iter() if e is not c)
        if not (merged or ragged or blocky):
            grid = [[_strip_breaks(self._inlines(c)) for c in row] for row in rows]
            return out + [Table(grid, table.line)]
        reason = "merged cells" if merged else "rows of different lengths" if ragged else "lists or headings in its cells"
        return out + [self._flattened(rows, has_header, table, reason)]

    def _flattened(self, rows: list[list[Element]], has_header: bool, table: Element, reason: str) -> ListBlock:
        headers = [plain(self._inlines(c)) for c in rows[0]] if has_header else []
        items = []
        for row in rows[1 if has_header else 0:]:
            inlines: list[Inline] = []
            for index, cell in enumerate(row):
                value = _strip_breaks(self._inlines(cell, block_separator="; "))
                if not plain(value):
                    continue
                if inlines:
                    inlines.append(Text("; "))
                label = headers[index] if index < len(headers) else ""
                if label:
                    inlines.append(Strong([Text(label + ":")]))
                    inlines.append(Text(" "))
                inlines.extend(value)
            if inlines:
                items.append(ListItem([Paragraph(inlines, row[0].line)], row[0].line))
        note = Note(
            "table",
            f"a table with {reason} was flattened into a list, one item per row: check it reads correctly, "
            "or rebuild it as a table",
            table.line,
        )
        return ListBlock(False, items, table.line, notes=[note])

    # ------------------------------------------------------------------ inline content

    def _inlines(self, element: Element, block_separator: str = " ") -> list[Inline]:
        out: list[Inline] = []
        for child in element.children:
            if isinstance(child, TextNode):
                out.append(Text(child.text))
            elif id(child) in self.consumed or child.tag in IGNORED:
                continue
            elif child.tag in BLOCK_TAGS and child.tag not in ("td", "th"):
                if is_chrome(child):
                    continue
                if out:
                    out.append(Text(block_separator) if block_separator.strip() else Break())
                out.extend(self._inlines(child, block_separator))
            else:
                if child.tag != "img" and is_chrome(child):
                    continue
                out.extend(self._inlines_of(child, block_separator))
        return out

    def _inlines_of(self, element: Element, block_separator: str = " ") -> list[Inline]:
        tag = element.tag
        if tag == "br":
            return [Break()]
        if tag == "img":
            if is_logo(element):
                self.doc.dropped.append(f"logo '{element.get('alt') or element.get('src')}'")
                return []
            return [Image(" ".join(element.get("alt").split()), element.get("src"), element.line)]
        children = self._inlines(element, block_separator)
        if tag in ("strong", "b"):
            return [Strong(children)]
        if tag in ("em", "i", "cite", "dfn", "var"):
            return [Emphasis(children)]
        if tag in ("code", "kbd", "samp", "tt"):
            return [Code(plain(children))]
        if tag == "a":
            if id(element) in self.back_links:
                return []
            href = element.get("href").strip()
            number = self.footnotes.get(href[1:]) if href.startswith("#") else None
            if number is not None:  # a footnote reference, written [1] whatever the converter wrote
                return [Link(href, [Text(f"[{number}]")], element.line)]
            if "href" in element.attrs:
                return [Link(element.get("href").strip(), children, element.line)]
            self.pending_ids.extend(_ids(element))
        return children


def _ids(element: Element) -> list[str]:
    out = []
    for name in ("id", "name"):
        value = element.get(name).strip()
        if value and value not in out and (name == "id" or element.tag == "a"):
            out.append(value)
    return out


def _inside(element: Element, container: Element | None) -> bool:
    return container is not None and (element is container or container in element.ancestors())


def _span(cell: Element, name: str) -> int:
    try:
        return int(cell.get(name) or 1)
    except ValueError:
        return 1


def _own_table_parts(table: Element) -> Iterator[Element]:
    """Rows and caption of ``table``, not of tables inside it."""
    for child in table.elements():
        if child.tag in ("thead", "tbody", "tfoot"):
            yield from (c for c in child.elements() if c.tag == "tr")
        elif child.tag in ("tr", "caption"):
            yield child


def _flatten(inlines: list[Inline]) -> list[Inline]:
    out: list[Inline] = []
    for item in inlines:
        out.append(item)
        if isinstance(item, (Strong, Emphasis, Link)):
            out.extend(_flatten(item.children))
    return out


def _split_breaks(inlines: list[Inline]) -> list[list[Inline]]:
    """Split top-level inline content at line breaks (breaks inside emphasis become spaces)."""
    parts: list[list[Inline]] = [[]]
    for item in inlines:
        if isinstance(item, Break):
            parts.append([])
        else:
            parts[-1].append(_strip_breaks([item])[0])
    return [p for p in parts if p]


def _strip_breaks(inlines: list[Inline]) -> list[Inline]:
    out: list[Inline] = []
    for item in inlines:
        if isinstance(item, Break):
            out.append(Text(" "))
        elif isinstance(item, Strong):
            out.append(Strong(_strip_breaks(item.children)))
        elif isinstance(item, Emphasis):
            out.append(Emphasis(_strip_breaks(item.children)))
        elif isinstance(item, Link):
            out.append(Link(item.href, _strip_breaks(item.children), item.source_line))
        else:
            out.append(item)
    return out


def _block_lines(body: Element) -> list[tuple[Element, str]]:
    """Each line of text in the innermost blocks of ``body`` (those holding no other block), with
    its block, in page order; empty lines are left out, spaces are collapsed."""
    blocks = [e for e in body.iter() if e.tag in BLOCK_TAGS and not _skipped(e) and not any(
        c.tag in BLOCK_TAGS for c in e.elements() if c.tag not in ("br",))]
    lines = []
    for element in blocks:
        for line in element_text(element, spaced=True).split("\n"):
            if line.strip():
                lines.append((element, " ".join(line.split())))
    return lines


@dataclass
class _InlineRun:
    """Loose inline content gathered until a block ends it, and the line of its first text."""

    inlines: list[Inline] = field(default_factory=list)
    line: int = 0

    def add(self, inlines: list[Inline], line: int) -> None:
        self.inlines.extend(inlines)
        if not self.line:
            self.line = line


def _stamp_leftover(text: str) -> str:
    rest = " ".join(text.split())
    found, _, rest = textrules.read_stamp(rest)
    if found is None:
        version = textrules.version_only(rest)
        return "" if version is not None else rest
    return rest


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    return f"'{text[:limit]}…'" if len(text) > limit else f"'{text}'"


NOTES_HEADING = "Notes"
NOTES_HEADINGS = {"notes", "footnotes", "endnotes", "references"}


def _notes_heading(blocks: list[Block]) -> list[Block]:
    """Give the footnotes' heading (level 0 until now) the level of the page's top headings, or
    fold it into a heading the page already has just before them ("Footnotes")."""
    levels = [b.level for b in blocks if isinstance(b, Heading) and b.level]
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading) and block.level == 0:
            previous = out[-1] if out else None
            if isinstance(previous, Heading) and previous.text.casefold().strip(": ") in NOTES_HEADINGS:
                previous.ids.extend(block.ids)
                continue
            block.level = min(levels, default=2)
        out.append(block)
    return out


def _drop_own_contents(blocks: list[Block], doc: ImportedDocument) -> list[Block]:
    """Leave out the old page's own list of contents (in-page links): our site makes its own."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, ListBlock) and _is_contents_list(block):
            if out and isinstance(out[-1], Heading) and out[-1].text.casefold().strip(": ") in textrules.CONTENTS_HEADINGS:
                out.pop()
            doc.dropped.append("the page's own list of contents")
            continue
        out.append(block)
    return out


def _is_contents_list(block: ListBlock) -> bool:
    for item in block.items:
        for inner in item.blocks:
            if isinstance(inner, ListBlock):
                if not _is_contents_list(inner):
                    return False
                continue
            if not isinstance(inner, Paragraph):
                return False
            links = [i for i in inner.inlines if isinstance(i, Link)]
            others = [
                i for i in inner.inlines if not isinstance(i, Link) and not (isinstance(i, Text) and not i.text.strip())
            ]
            if len(links) != 1 or others or not links[0].href.startswith("#") or links[0].href == "#":
                return False
    return True


def read_html(text: str, source: str, find_title: bool = True) -> ImportedDocument:
    """``find_title=False`` when the title is known: the first ``<h1>`` is then a heading like any other."""
    return HtmlReader(text, source, find_title).read()
