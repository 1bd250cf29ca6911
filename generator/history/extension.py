"""The Python-Markdown extension behind the history pages: redlines, and old links mended.

It acts only on a page the adapter has given a ``PageContext`` (a superseded version or a
redline); on every other page it does nothing. Its processors:

====================  =========================  ================================================
``pm_redline``        block processor, 76        ``!redline``: both versions parsed into the page
``pm_redline``        treeprocessor, 6           after inline processing (20) and ``attr_list``
                                                 (8), before ``toc`` (5): the two versions become
                                                 one redline, with a list of its changes
``pm_old_links``      treeprocessor, 7           before the redline (so that a link that leads to
                                                 the same page today is no change) and MkDocs'
                                                 own link resolution (0): links written for the
                                                 page's own place, pointed at today's site from
                                                 the page's new address
====================  =========================  ================================================

The redline's two texts do not appear in the page's Markdown: they are handed over in the
context and run through the page's own preprocessors and parser, so that code blocks, raw HTML,
admonitions and tables are read exactly as on the page itself.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Callable

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

from . import redline

MARKER = "!redline"
_FLAG = "data-pm-redline"


@dataclass(frozen=True)
class PageContext:
    """What the extension needs to know about the page being rendered."""

    origin: str  # the page whose text this is, as a path in the site: links were written from there
    here: str  # this page's own path in the site
    retarget: Callable[[str, str, str, bool], str | None]  # (href, origin, here, own anchors) -> href or None
    redline: tuple[str, str] | None = None  # the older and the newer Markdown, for a redline
    between: Callable[[], None] = lambda: None  # called before each version of a redline is parsed


class HistoryExtension(Extension):
    def __init__(self, **kwargs: object) -> None:
        self.context: PageContext | None = None  # set by the adapter before each page
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.parser.blockprocessors.register(RedlineBlocks(md.parser, self), "pm_redline", 76)
        md.treeprocessors.register(RedlineTree(md, self), "pm_redline", 6)
        md.treeprocessors.register(OldLinks(md, self), "pm_old_links", 7)
        md.registerExtension(self)


class RedlineBlocks(BlockProcessor):
    """``!redline`` on a line of its own: both versions, parsed side by side for ``RedlineTree``."""

    def __init__(self, parser: BlockParser, extension: HistoryExtension) -> None:
        super().__init__(parser)
        self.extension = extension

    def test(self, parent: ET.Element, block: str) -> bool:
        context = self.extension.context
        return context is not None and context.redline is not None and block.strip() == MARKER

    def run(self, parent: ET.Element, blocks: list[str]) -> None:
        context = self.extension.context
        assert context is not None and context.redline is not None
        blocks.pop(0)
        holder = ET.SubElement(parent, "div", {_FLAG: ""})
        for text in context.redline:
            context.between()  # e.g. flowcharts give out their element ids afresh for each version
            lines = text.split("\n")
            for preprocessor in self.parser.md.preprocessors:
                lines = preprocessor.run(lines)
            self.parser.parseChunk(ET.SubElement(holder, "div"), "\n".join(lines))


class RedlineTree(Treeprocessor):
    def __init__(self, md: Markdown, extension: HistoryExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: ET.Element) -> None:
        if self.extension.context is None:
            return
        for index, holder in enumerate(list(root)):
            if holder.tag == "div" and _FLAG in holder.attrib and len(holder) == 2:
                root.remove(holder)
                for offset, element in enumerate(self.redline(holder[0], holder[1])):
                    root.insert(index + offset, element)

    def redline(self, old: ET.Element, new: ET.Element) -> list[ET.Element]:
        stash = self.md.htmlStash.rawHtmlBlocks

        def resolve(text: str) -> str:
            return HTML_PLACEHOLDER_RE.sub(lambda m: str(stash[int(m.group(1))]) if int(m.group(1)) < len(stash) else "", text)

        def only_placeholder(text: str) -> bool:
            return HTML_PLACEHOLDER_RE.fullmatch(text) is not None

        result = redline.compare(list(old), list(new), redline.Stash(resolve, only_placeholder))
        text = ET.Element("div", {"class": "pm-redline__text"})
        text.extend(result.blocks)
        return [_summary(result), text]


def _summary(result: redline.Redline) -> ET.Element:
    """The list of changes, each a link to its place in the text, under the heading it comes under."""
    box = ET.Element("nav", {"class": "pm-redline__changes", "aria-labelledby": "pm-redline-changes"})
    title = ET.SubElement(box, "h2", {"id": "pm-redline-changes"})
    title.text = AtomicString("Changes in this version")
    summary = ET.SubElement(box, "p")
    if not result.changes:
        summary.text = AtomicString(
            "The text did not change in this version; only its details (such as its summary or review date) did."
        )
        return box
    count = len(result.changes)
    summary.text = AtomicString(
        f"{count} change{'s' if count != 1 else ''}: {_words(result.deleted_words)} deleted and "
        f"{_words(result.inserted_words)} inserted."
    )
    items = ET.SubElement(box, "ol")
    for number, change in enumerate(result.changes, 1):
        link = ET.SubElement(ET.SubElement(items, "li"), "a", {"href": f"#{change.id}"})
        link.text = AtomicString(f"Change {number}" + (f", under ‘{change.heading}’" if change.heading else ", at the start"))
    return box


def _words(count: int) -> str:
    return f"{count} word{'s' if count != 1 else ''}"


class OldLinks(Treeprocessor):
    """Links and images of an old text, as they should be from the page's new address."""

    def __init__(self, md: Markdown, extension: HistoryExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: ET.Element) -> None:
        context = self.extension.context
        if context is None:
            return
        own_anchors = context.redline is None
        for parent, child in [(holder, child) for holder in root.iter() for child in holder]:
            attribute = "href" if child.tag == "a" else "src" if child.tag == "img" else None
            value = child.get(attribute) if attribute else None
            if attribute is None or value is None or value.startswith("#pm-"):
                continue
            target = context.retarget(value, context.origin, context.here, own_anchors)
            if target is not None:
                child.set(attribute, target)
            else:
                _unlink(parent, list(parent).index(child), child)


def _unlink(parent: ET.Element, index: int, child: ET.Element) -> None:
    """A link that goes nowhere now: its words stay (an image: its description), without the link."""
    replacement = ET.Element("span", {"class": "pm-gone"})
    if child.tag == "img":
        replacement.text = AtomicString(child.get("alt") or "")
    else:
        replacement.text = child.text
        replacement.extend(list(child))
    replacement.tail = child.tail
    parent.remove(child)
    parent.insert(index, replacement)
