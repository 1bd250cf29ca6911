"""Link glossary terms in a page, with an accessible tooltip, in a Markdown treeprocessor.

It runs after inline processing (so links, code and emphasis are already elements) and walks
only body text: never headings, links, code, keyboard input, abbreviations, definitions, raw
HTML, flowchart figures or text another extension marked atomic. Each link is a real link to
the term's entry on the glossary page (so it works without JavaScript and CSS); the definition
sits in a tooltip element the link points to with aria-describedby, shown on hover and on
keyboard focus by CSS, read by screen readers, and left out of the search index.
"""

from __future__ import annotations

import bisect
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Callable

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .definition import to_plain
from .matcher import Matcher
from .model import Term

SKIP_TAGS = {"a", "code", "pre", "kbd", "samp", "abbr", "dfn", "script", "style", "svg", "button",
             "h1", "h2", "h3", "h4", "h5", "h6", "title", "textarea"}
SKIP_CLASSES = ("pm-flowchart", "pm-term", "headerlink", "admonition-title")
# Elements inside a run of text: a word may go on across their edges ("*un*neglect" is one word).
# Every other element (p, li, td, br, img ...) ends the word before it.
INLINE_TAGS = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark",
               "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"}
# Raw inline HTML is stashed by Python-Markdown and left in the text as placeholders.
_PLACEHOLDER = re.compile("\x02wzxhzdk:(\\d+)\x03")
_RAW_TAG = re.compile(r"^<(/?)([a-zA-Z][a-zA-Z0-9]*)")
# A text we may link: (owner, parent when it is the owner's tail, the text, its stretches inside raw skipped HTML).
_Slot = tuple[ET.Element, "ET.Element | None", str, list[tuple[int, int]]]
# The page's visible text in order: a slot's index, other text (links, code ...), or None at a block's edge.
_Stream = list["str | int | None"]


@dataclass
class LinkContext:
    """What the linker needs for one page; the adapter sets it before each page is rendered."""

    matcher: Matcher
    href: Callable[[Term], str]  # the link to a term's entry, relative to this page
    mode: str = "first"  # "first": only the first use of each term on a page; "all"
    used: set[str] = field(default_factory=set)  # anchors of the terms linked on this page


class GlossaryExtension(Extension):
    """``!`` Python-Markdown extension; ``context`` is None on pages that are not linked."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.context: LinkContext | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        # After inline processing (20), so links and code are elements; before toc (5).
        md.treeprocessors.register(GlossaryTreeprocessor(md, self), "procedures_glossary", 7)
        md.registerExtension(self)


def _in_word(edge: str | None, beyond: str) -> bool:
    """Whether the character next to a match (``edge``, or when None the one ``beyond`` its text
    node) continues the word, as the pattern's ``[\\w-]`` would have seen it."""
    char = beyond if edge is None else edge
    return bool(char) and (char.isalnum() or char in "_-")


class GlossaryTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: GlossaryExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: ET.Element) -> None:
        context = self.extension.context
        if context is None or context.matcher.pattern is None:
            return
        self.context = context
        self.count = 0
        self.raw_depth = 0
        # One pass of the pattern over the page: the text slots, joined with a separator that no
        # form can cross, instead of one search per text node (a page has hundreds).
        slots: list[_Slot] = []
        stream: _Stream = []
        self._collect(root, slots, stream)
        if not slots:
            return
        offsets = []
        position = 0
        for _, _, text, _ in slots:
            offsets.append(position)
            position += len(text) + 1
        before, after = self._neighbours(stream, slots)
        chosen: dict[int, list[tuple[int, int, Term]]] = {}
        for match in context.matcher.find("\x00".join(text for _, _, text, _ in slots)):
            index = bisect.bisect_right(offsets, match.start) - 1
            begin, end = match.start - offsets[index], match.end - offsets[index]
            text = slots[index][2]
            if any(a <= begin < b for a, b in slots[index][3]):
                continue  # inside raw <kbd>, <code>, <a> ... written as HTML
            # The pattern saw a word's edge at the separator or a raw tag: look at the text beyond.
            if text[begin - 1:begin] in ("", "\x03") and _in_word(self._edge(text[:begin], at_end=True), before[index]):
                continue
            if text[end:end + 1] in ("", "\x02") and _in_word(self._edge(text[end:], at_end=False), after[index]):
                continue
            if context.mode == "first" and match.term.anchor in context.used:
                continue
            context.used.add(match.term.anchor)
            chosen.setdefault(index, []).append((begin, end, match.term))
        for index, matches in chosen.items():
            self._apply(*slots[index][:3], matches)

    def _skipped(self, element: ET.Element) -> bool:
        if element.tag in SKIP_TAGS:
            return True
        classes = element.get("class", "")
        return any(name in classes for name in SKIP_CLASSES)

    def _collect(self, element: ET.Element, slots: list[_Slot], stream: _Stream) -> None:
        """Every text we may link, in document order: (owner, parent for a tail, text, raw stretches).

        ``stream`` gets the page's visible text in the same order, so that a word's edges can be
        found across elements: a slot's index, other text (links, code ...), or None where a block
        element begins or ends."""
        self._add_text(element, None, element.text, slots, stream)
        for child in element:
            block = child.tag not in INLINE_TAGS
            if block:
                stream.append(None)
            if not self._skipped(child):
                self._collect(child, slots, stream)
            elif not block:
                stream.append("".join(child.itertext()))
            if block:
                stream.append(None)
            self._add_text(child, element, child.tail, slots, stream)

    def _add_text(
        self, owner: ET.Element, parent: ET.Element | None, text: str | None, slots: list[_Slot], stream: _Stream
    ) -> None:
        if not text:
            return
        if isinstance(text, AtomicString):
            stream.append(text)
        else:
            stream.append(len(slots))
            slots.append((owner, parent, text, self._raw(text)))

    def _neighbours(self, stream: _Stream, slots: list[_Slot]) -> tuple[list[str], list[str]]:
        """For each slot, the visible character just before it and just after it ("" at a block's edge)."""
        before, after = [""] * len(slots), [""] * len(slots)
        for items, edges, at_end in ((stream, before, True), (reversed(stream), after, False)):
            last = ""
            for item in items:
                if item is None:
                    last = ""
                    continue
                if isinstance(item, int):
                    edges[item] = last
                    item = slots[item][2]
                edge = self._edge(item, at_end=at_end)
                if edge is not None:
                    last = edge
        return before, after

    def _edge(self, text: str, *, at_end: bool) -> str | None:
        """The visible character at the end (or start) of ``text``, looking through raw inline tags
        such as ``<b>``; "" when a raw element that ends a word (``<br>``) is there first; None when
        there is nothing visible at all."""
        while text:
            if text[-1 if at_end else 0] != ("\x03" if at_end else "\x02"):
                return text[-1 if at_end else 0]
            placeholder = _PLACEHOLDER.search(text[text.rfind("\x02"):]) if at_end else _PLACEHOLDER.match(text)
            if placeholder is None:
                return text[-1 if at_end else 0]
            blocks = self.md.htmlStash.rawHtmlBlocks
            index = int(placeholder.group(1))
            tag = _RAW_TAG.match(str(blocks[index]) if index < len(blocks) else "")
            if not tag or tag.group(2).lower() not in INLINE_TAGS:
                return ""
            text = text[:text.rfind("\x02")] if at_end else text[placeholder.end():]
        return None

    def _raw(self, text: str) -> list[tuple[int, int]]:
        return self._open_raw(text) if "\x02" in text or self.raw_depth else []

    def _apply(self, owner: ET.Element, parent: ET.Element | None, text: str, matches: list[tuple[int, int, Term]]) -> None:
        """Replace ``text`` (the owner's text, or its tail when ``parent`` is given) by links."""
        nodes: list[ET.Element] = []
        position = 0
        head = text[:matches[0][0]]
        for begin, end, term in matches:
            if nodes:
                nodes[-1].tail = AtomicString(text[position:begin])
            self.count += 1
            nodes.append(self._term_element(text[begin:end], term, f"pm-term-{self.count}"))
            position = end
        nodes[-1].tail = text[position:]
        if parent is None:
            owner.text = head
            for offset, node in enumerate(nodes):
                owner.insert(offset, node)
        else:
            owner.tail = head
            at = list(parent).index(owner) + 1
            for offset, node in enumerate(nodes):
                parent.insert(at + offset, node)

    def _open_raw(self, text: str) -> list[tuple[int, int]]:
        """The stretches of ``text`` inside raw HTML elements we skip (``<kbd>neglect</kbd>``)."""
        stretches = []
        start = 0 if self.raw_depth else None
        for placeholder in _PLACEHOLDER.finditer(text):
            blocks = self.md.htmlStash.rawHtmlBlocks
            index = int(placeholder.group(1))
            raw = str(blocks[index]) if index < len(blocks) else ""
            tag = _RAW_TAG.match(raw)
            if not tag or tag.group(2).lower() not in SKIP_TAGS:
                continue
            if not tag.group(1):
                self.raw_depth += 1
                if self.raw_depth == 1:
                    start = placeholder.end()
            elif self.raw_depth:
                self.raw_depth -= 1
                if self.raw_depth == 0 and start is not None:
                    stretches.append((start, placeholder.start()))
                    start = None
        if start is not None:
            stretches.append((start, len(text)))
        return stretches

    def _term_element(self, shown: str, term: Term, ident: str) -> ET.Element:
        wrapper = ET.Element("span", {"class": "pm-term"})
        link = ET.SubElement(wrapper, "a", {
            "class": "pm-term__link", "href": self.context.href(term), "aria-describedby": ident,
        })
        link.text = AtomicString(shown)
        tip = ET.SubElement(wrapper, "span", {
            "class": "pm-term__tip", "role": "tooltip", "id": ident, "data-search-exclude": "",
        })
        label = f"{term.term} ({term.acronym}): " if term.acronym else f"{term.term}: "
        tip.text = AtomicString(label + to_plain(term.definition))
        return wrapper
