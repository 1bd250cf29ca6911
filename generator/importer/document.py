"""What an imported page is made of, between reading the old page and writing Markdown.

Every reader (HTML, plain text, Markdown, Word) produces an ``ImportedDocument``: the title, the
dates and version found in the footer, and a list of blocks whose inline content is a small tree. The writer turns it
into Markdown. Keeping this model in between means the escaping rules live in one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterator, Union

# ----------------------------------------------------------------------------- notes


@dataclass
class Note:
    """Something the import could not convert faithfully, for the officer to look at.

    ``source_line`` is the line in the old page; ``line`` the line in the new Markdown file,
    filled in when the page is written (0 when the note is about the whole page).
    """

    kind: str  # placeholder-link, link, anchor, image, table, list, date, version, title, summary
    message: str
    source_line: int = 0
    line: int = 0


# ----------------------------------------------------------------------------- inline content


@dataclass
class Text:
    text: str


@dataclass
class Strong:
    children: list["Inline"]


@dataclass
class Emphasis:
    children: list["Inline"]


@dataclass
class Code:
    text: str


@dataclass
class Link:
    href: str
    children: list["Inline"]
    source_line: int = 0


@dataclass
class Image:
    alt: str
    src: str
    source_line: int = 0


@dataclass
class Break:
    pass


Inline = Union[Text, Strong, Emphasis, Code, Link, Image, Break]


def plain(inlines: list[Inline]) -> str:
    """The text of inline content, without markup, whitespace collapsed."""
    parts: list[str] = []

    def walk(items: list[Inline]) -> None:
        for item in items:
            if isinstance(item, (Text, Code)):
                parts.append(item.text)
            elif isinstance(item, (Strong, Emphasis, Link)):
                walk(item.children)
            elif isinstance(item, Break):
                parts.append(" ")
            elif isinstance(item, Image) and item.alt:
                parts.append(item.alt)

    walk(inlines)
    return " ".join("".join(parts).split())


# ----------------------------------------------------------------------------- blocks


@dataclass
class Heading:
    level: int  # 1..6 as in the old page; the writer demotes so that the body starts at ##
    text: str
    source_line: int = 0
    ids: list[str] = field(default_factory=list)  # the old page's anchors that pointed here
    notes: list[Note] = field(default_factory=list)
    anchor: str = ""  # the id our site gives the heading, set before writing


@dataclass
class Paragraph:
    inlines: list[Inline]
    source_line: int = 0
    notes: list[Note] = field(default_factory=list)
    # Columns of indentation before a plain-text line; None where the source has no layout (HTML).
    # Only list nesting reads it: bullets at the same indent are siblings, deeper ones nest.
    indent: int | None = None


@dataclass
class ListItem:
    blocks: list["Block"]
    source_line: int = 0
    notes: list[Note] = field(default_factory=list)


@dataclass
class ListBlock:
    ordered: bool
    items: list[ListItem]
    source_line: int = 0
    notes: list[Note] = field(default_factory=list)


@dataclass
class Table:
    rows: list[list[list[Inline]]]  # the first row is the header
    source_line: int = 0
    notes: list[Note] = field(default_factory=list)


@dataclass
class Quote:
    blocks: list["Block"]
    source_line: int = 0
    notes: list[Note] = field(default_factory=list)


@dataclass
class Preformatted:
    text: str
    source_line: int = 0
    notes: list[Note] = field(default_factory=list)


Block = Union[Heading, Paragraph, ListBlock, Table, Quote, Preformatted]


@dataclass
class ImportedDocument:
    """One old page, read. ``source`` is the name used in messages (relative to the input)."""

    source: str
    title: str = ""
    last_updated: dt.date | None = None
    version: int | None = None
    summary: str = ""
    blocks: list[Block] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)  # about the page as a whole
    dropped: list[str] = field(default_factory=list)  # site chrome left out, as short quotes
    # Fields kept from the page's own front matter (a Markdown page), written after the summary.
    front_matter: dict[str, Any] = field(default_factory=dict)
    # The old page's anchor ids that point to a heading, filled in by the writer's first pass.
    anchors: dict[str, str] = field(default_factory=dict)


def everything(doc: ImportedDocument) -> Iterator[Any]:
    """Every note, block, list item and inline item of ``doc``, in document order."""
    yield from doc.notes
    yield from _within_blocks(doc.blocks)


def _within_blocks(items: list[Block]) -> Iterator[Any]:
    """Each block, then its notes and everything in it."""
    for block in items:
        yield block
        yield from block.notes
        if isinstance(block, Paragraph):
            yield from _within_inlines(block.inlines)
        elif isinstance(block, ListBlock):
            for entry in block.items:
                yield entry
                yield from entry.notes
                yield from _within_blocks(entry.blocks)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    yield from _within_inlines(cell)
        elif isinstance(block, Quote):
            yield from _within_blocks(block.blocks)


def _within_inlines(items: list[Inline]) -> Iterator[Any]:
    """Each inline item, then the items inside it."""
    for item in items:
        yield item
        if isinstance(item, (Strong, Emphasis, Link)):
            yield from _within_inlines(item.children)


def forget_source_lines(doc: ImportedDocument) -> None:
    """Clear the source lines of a page read through HTML that was made from another format
    (Markdown, Word): they are lines of that HTML, which would mislead the officer."""
    for item in everything(doc):
        if hasattr(item, "source_line"):
            item.source_line = 0
