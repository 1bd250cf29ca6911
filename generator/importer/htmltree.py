"""A forgiving HTML tree from the standard library's ``html.parser``, with source lines.

Saved pages are rarely well formed: paragraphs and list items are left open, end tags are
missing or stray. This builder applies the few implied-end rules that matter for content (a new
block closes an open ``<p>``, a new ``<li>`` closes the previous one, table cells and rows close
each other) and otherwise keeps what it is given. Script and style contents are kept out of the
text entirely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Iterator

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
CLOSES_P = {
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "menu", "nav", "ol", "p",
    "pre", "section", "table", "ul",
}
# A start tag closes an open element of these kinds, unless one of the "stop" tags is met first.
IMPLIED = {
    "li": ({"li"}, {"ul", "ol", "menu"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "tr": ({"tr", "td", "th"}, {"table", "thead", "tbody", "tfoot"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "thead": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "tbody": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "tfoot": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
}
RAW_TEXT = {"script", "style"}
# Deeper elements are kept flat, as browsers do past 512 levels: the converter walks the tree
# recursively, and no real page nests its content this deep.
MAX_DEPTH = 150


@dataclass
class TextNode:
    text: str
    line: int


@dataclass
class Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list["Element | TextNode"] = field(default_factory=list)
    line: int = 0
    parent: "Element | None" = field(default=None, repr=False)

    def get(self, name: str) -> str:
        return self.attrs.get(name) or ""

    def elements(self) -> list["Element"]:
        return [c for c in self.children if isinstance(c, Element)]

    def iter(self) -> Iterator[Element]:
        """This element and every element below it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find(self, tag: str) -> "Element | None":
        return next((e for e in self.iter() if e.tag == tag), None)

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", line=1)
        self.stack: list[Element] = [self.root]

    @property
    def current(self) -> Element:
        return self.stack[-1]

    def _close_until(self, closing: set[str], stops: set[str]) -> None:
        """Close the outermost open element in ``closing`` above the nearest ``stops`` element."""
        found = None
        for index in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[index].tag
            if tag in stops:
                break
            if tag in closing:
                found = index
        if found is not None:
            del self.stack[found:]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in CLOSES_P:
            self._close_until({"p"}, {"td", "th", "li", "div", "section", "article", "blockquote", "body"})
        if tag in IMPLIED:
            self._close_until(*IMPLIED[tag])
        element = Element(tag, {k: (v or "") for k, v in attrs}, line=self.getpos()[0], parent=self.current)
        self.current.children.append(element)
        if tag not in VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.current.tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # </br> is read as <br> by browsers
            self.handle_starttag("br", [])
            return
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if self.current.tag in RAW_TEXT:
            return
        self.current.children.append(TextNode(data, self.getpos()[0]))


def parse(text: str) -> Element:
    builder = _Builder()
    builder.feed(text)
    builder.close()
    return builder.root
