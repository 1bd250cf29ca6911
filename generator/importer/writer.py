"""Write an ``ImportedDocument`` as Markdown with front matter: the one place imported text is escaped.

Text from the old page is always text: Markdown's special characters are escaped, ``<`` becomes
``&lt;`` (so a ``<script>`` in a saved page shows as words and never runs), and characters that
start a block (``-``, ``>``, ``1.``, ``:``) are neutralised at the start of a line. The only markup
in the output is the markup this module writes.

Each paragraph is written on one line, so every note can name the line of the new file where
the officer should look.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterator

from markdown.extensions.toc import slugify, unique

from .document import (
    Block, Break, Code, Emphasis, Heading, Image, ImportedDocument, Inline, Link, ListBlock, Note, Paragraph,
    Preformatted, Quote, Strong, Table, Text, plain,
)

# (href, link text) -> (target or None, message for the officer or None)
Resolver = Callable[[str, str], "tuple[str | None, str | None]"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]#])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_NUMBERED = re.compile(r"^(\d+)\.(\s)")
_URL_UNSAFE = {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", '"': "%22", "\\": "%5C"}
LIST_SEPARATOR = "<!-- end of list -->"  # Markdown would otherwise join two lists of different kinds


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def escape(text: str) -> str:
    """Inline text that Markdown shows exactly as written (control characters are dropped)."""
    text = _ENTITY.sub("&amp;", CONTROL.sub("", text))  # before '#' is escaped, so '&#8226;' stays text
    text = _SPECIAL.sub(r"\\\1", text)
    return text.replace("<", "&lt;")


def guard_line(line: str) -> str:
    """Stop the start of a line being read as a list, quote, heading or fence."""
    if line[:1] in ("-", "+", ">", "!"):
        return "\\" + line
    if line[:1] == ":":
        return "&#58;" + line[1:]
    if line[:1] == "~":
        return "&#126;" + line[1:]
    return _NUMBERED.sub(r"\1\\.\2", line, count=1)


def url(href: str) -> str:
    return "".join(_URL_UNSAFE.get(c, c) for c in href.strip())


def default_resolver(doc: ImportedDocument) -> Resolver:
    """Links of a page imported on its own: web links stay, links to its own headings are mapped."""

    def resolve(href: str, text: str) -> tuple[str | None, str | None]:
        return resolve_common(href, text, doc) or (None, (
            f"link '{text}' to '{href}' points to a page that was not imported: the text is kept without the link; "
            "link it to the right page"
        ))

    return resolve


def resolve_common(href: str, text: str, doc: ImportedDocument) -> tuple[str | None, str | None] | None:
    """What every import does with a link; ``None`` for a link to another page of the old site."""
    stripped = href.strip()
    lowered = stripped.lower()
    if lowered in ("", "#", "#0", "#!") or lowered.startswith("javascript:"):
        return None, (
            f"placeholder link '{text}' ({stripped or 'empty'}): the text is kept without a link; "
            "link it to the right page, or leave it as text"
        )
    if stripped.startswith("#"):
        anchor = doc.anchors.get(stripped[1:])
        if anchor:
            return f"#{anchor}", None
        return None, f"link '{text}' to '{stripped}' on the same page has no heading to go to: the text is kept without the link"
    if re.match(r"^(https?|mailto|tel):", lowered):
        return url(stripped), None
    if re.match(r"^[a-z][a-z0-9+.\-]*:", lowered):
        return None, f"link '{text}' to '{stripped}' cannot work on the website: the text is kept without the link"
    return None


@dataclass
class _Writer:
    doc: ImportedDocument
    resolve: Resolver
    lines: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    prefix: str = ""
    shift: int = 0

    # ------------------------------------------------------------------ lines

    @property
    def next_line(self) -> int:
        return len(self.lines) + 1

    def emit(self, text: str) -> None:
        self.lines.append((self.prefix + text).rstrip() if text else self.prefix.rstrip())

    def note(self, note: Note, line: int | None = None) -> None:
        note.line = line or self.next_line
        self.notes.append(note)

    def add(self, kind: str, message: str, source_line: int, line: int) -> None:
        self.notes.append(Note(kind, message, source_line, line))

    # ------------------------------------------------------------------ blocks

    def blocks(self, blocks: list[Block]) -> None:
        previous: Block | None = None
        for block in blocks:
            mark = len(self.lines)
            if previous is not None:
                self.emit("")
                if isinstance(previous, ListBlock) and isinstance(block, ListBlock) and previous.ordered != block.ordered:
                    self.emit(LIST_SEPARATOR)
                    self.emit("")
            if self.block(block):
                previous = block
            else:
                del self.lines[mark:]  # nothing was written: take back the blank line

    def block(self, block: Block) -> bool:
        """Write one block; False when it turned out to hold nothing."""
        start = self.next_line
        for note in block.notes:
            self.note(note, start)
        if isinstance(block, Heading):
            level = max(2, min(6, block.level + self.shift))
            self.emit(f"{'#' * level} {escape(_one_line(block.text))}")
            return True
        if isinstance(block, Paragraph):
            text = self.inline(block.inlines, block.source_line)
            if not text:
                return False
            self.emit(guard_line(text))
            return True
        if isinstance(block, ListBlock):
            return self.list_block(block)
        if isinstance(block, Table):
            self.table(block)
            return True
        if isinstance(block, Quote):
            saved = self.prefix
            self.prefix += "> "
            self.blocks(block.blocks)
            self.prefix = saved
            return True
        if isinstance(block, Preformatted):
            for line in block.text.splitlines():
                self.emit("    " + line.replace("\t", "    ") if line.strip() else "")
            return True
        return False

    def list_block(self, block: ListBlock) -> bool:
        written = False
        number = 0
        for item in block.items:
            first, rest = (item.blocks[0], item.blocks[1:]) if item.blocks else (None, [])
            text = ""
            if isinstance(first, Paragraph):
                text = self.inline(first.inlines, first.source_line)
                for note in first.notes:
                    self.note(note)
            else:
                rest = item.blocks
            for note in item.notes:
                self.note(note)
            if not text and not rest:
                continue
            number += 1
            marker = f"{number}. " if block.ordered else "- "
            self.emit(marker + (guard_line(text) if text else ""))
            written = True
            saved = self.prefix
            self.prefix += "    "
            previous: Block | None = first if text else None
            for inner in rest:
                mark = len(self.lines)
                if previous is not None and not (isinstance(inner, ListBlock) and isinstance(previous, Paragraph)):
                    self.emit("")
                if isinstance(previous, ListBlock) and isinstance(inner, ListBlock) and previous.ordered != inner.ordered:
                    self.emit(LIST_SEPARATOR)
                    self.emit("")
                if self.block(inner):
                    previous = inner
                else:
                    del self.lines[mark:]
            self.prefix = saved
        return written

    def table(self, block: Table) -> None:
        width = max(len(row) for row in block.rows)

        def row(cells: list[list[Inline]], source_line: int) -> str:
            texts = [self.inline(c, source_line).replace("|", "\\|") for c in cells]
            texts += [""] * (width - len(texts))
            return "| " + " | ".join(texts) + " |"

        self.emit(row(block.rows[0], block.source_line))
        self.emit("| " + " | ".join(["---"] * width) + " |")
        for cells in block.rows[1:]:
            self.emit(row(cells, block.source_line))

    # ------------------------------------------------------------------ inline content

    def inline(self, inlines: list[Inline], source_line: int) -> str:
        text = self._inline(_merge(inlines), source_line, strong=False, em=False)
        return re.sub(r"[ \t\n\r\f\v\u00a0]+", " ", text).strip()

    def _inline(self, items: list[Inline], source_line: int, *, strong: bool, em: bool) -> str:
        out: list[str] = []
        for item in items:
            if isinstance(item, Text):
                out.append(escape(re.sub(r"\s+", " ", CONTROL.sub("", item.text))))
            elif isinstance(item, Break):
                out.append(" ")
            elif isinstance(item, Code):
                out.append(_code(item.text))
            elif isinstance(item, Strong):
                inner = self._inline(item.children, source_line, strong=True, em=em)
                out.append(inner if strong else _wrap(inner, "**"))
            elif isinstance(item, Emphasis):
                inner = self._inline(item.children, source_line, strong=strong, em=True)
                out.append(inner if em else _wrap(inner, "*"))
            elif isinstance(item, Link):
                out.append(self._link(item, source_line, strong=strong, em=em))
            elif isinstance(item, Image):
                out.append(self._image(item))
        return "".join(out)

    def _link(self, link: Link, source_line: int, *, strong: bool, em: bool) -> str:
        inner = self._inline(link.children, link.source_line or source_line, strong=strong, em=em)
        label = " ".join(plain(link.children).split())
        if not inner.strip():
            return inner
        target, message = self.resolve(link.href, label)
        if message:
            kind = "placeholder-link" if message.startswith("placeholder") else "link"
            self.add(kind, message, link.source_line or source_line, self.next_line)
        if not target:
            return inner
        core = inner.strip()
        lead = " " if inner[:1].isspace() else ""
        trail = " " if inner[-1:].isspace() else ""
        return f"{lead}[{core}]({target}){trail}"

    def _image(self, image: Image) -> str:
        src = image.src or "no address"
        if image.alt:
            self.add("image", f"image '{src}' was not copied: its description is kept as text; add the image "
                     "file to the site if it is needed", image.source_line, self.next_line)
            return " " + escape(f"[Image: {image.alt}]") + " "
        self.add("image", f"image '{src}' has no alt text and was left out: add it back with a description "
                 "if it carries information", image.source_line, self.next_line)
        return ""


def _one_line(text: str) -> str:
    return " ".join(CONTROL.sub("", text).split())


def _wrap(inner: str, marker: str) -> str:
    core = inner.strip()
    if not core:
        return inner
    lead = " " if inner[:1].isspace() else ""
    trail = " " if inner[-1:].isspace() else ""
    return f"{lead}{marker}{core}{marker}{trail}"


def _code(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _merge(items: list[Inline]) -> list[Inline]:
    """Join neighbouring bold (or italic) runs, so that ``<b>a</b><b>b</b>`` is ``**ab**``."""
    out: list[Inline] = []
    for item in items:
        if isinstance(item, (Strong, Emphasis)):
            item = type(item)(_merge(item.children))
            if out and type(out[-1]) is type(item):
                out[-1].children.extend(item.children)
                continue
        elif isinstance(item, Link):
            item = Link(item.href, _merge(item.children), item.source_line)
        out.append(item)
    return out


def prepare(doc: ImportedDocument) -> int:
    """Give each heading the id our site will give it, map the old page's anchors to it, and
    return the shift that makes the body's top heading level 2."""
    used: set[str] = set()
    levels = []
    for heading in _headings(doc.blocks):
        heading.anchor = unique(slugify(_one_line(heading.text), "-"), used)
        for old in heading.ids:
            doc.anchors.setdefault(old, heading.anchor)
        levels.append(heading.level)
    return 2 - min(levels) if levels else 0


def _headings(blocks: list[Block]) -> Iterator[Heading]:
    for block in blocks:
        if isinstance(block, Heading):
            yield block
        elif isinstance(block, Quote):
            yield from _headings(block.blocks)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from _headings(item.blocks)


def body(doc: ImportedDocument, resolve: Resolver | None = None, shift: int | None = None) -> tuple[str, list[Note]]:
    """The Markdown body of ``doc`` and the notes made while writing it (lines in the body)."""
    if shift is None:
        shift = prepare(doc)
    writer = _Writer(doc, resolve or default_resolver(doc), shift=shift)
    writer.blocks(doc.blocks)
    while writer.lines and not writer.lines[-1]:
        writer.lines.pop()
    return "\n".join(writer.lines) + "\n", writer.notes
