"""The one reader of Markdown links: it finds them where Python-Markdown (and so MkDocs) does.

The link graph, the internal-link check, the placeholder check, headings' anchors, the glossary's
prose and glossary definitions all need the links of Markdown text, with their lines, before
anything is rendered. They all read them here, so they agree with each other and with the page:

* Brackets and parentheses are read by Python-Markdown's own code (``LinkInlineProcessor``'s
  ``getText`` and ``getLink``): a link's text may wrap over the lines of a paragraph and hold
  nested brackets, ``[see [1]](#)``; its address may be ``<in angle brackets>``, hold spaces or
  balanced parentheses, and be followed by a ``"title"``.
* The link patterns run in Python-Markdown's order: ``[text][id]`` references, inline links,
  images, image references, then ``[id]`` shortcuts. What one pattern takes, the later ones do
  not see; a link's text is read again by the later ones only. So in ``[a [b](c.md) d](#)`` the
  outer brackets are the link, to ``#``; ``[![logo](l.png)](x.md)`` is a link holding an image;
  and in ``![alt [x](y.md)](i.png)`` the link is lost in the image's alt text.
* Backslash escapes (``\\[``) are not brackets. A reference whose id no definition names is
  text. Definitions, ``[id]: target``, are read with Python-Markdown's own pattern.

Callers blank what must be skipped first: ``core.mdtext.prose`` blanks code and HTML comments,
line for line. Not read: links in raw HTML blocks and autolinks ``<https://...>``.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Callable, Optional

from markdown import Markdown
from markdown.blockprocessors import ReferenceProcessor
from markdown.inlinepatterns import IMAGE_LINK_RE, LINK_RE, LinkInlineProcessor

LINK, IMAGE, REFERENCE, DEFINITION = "link", "image", "reference", "definition"


@dataclass(frozen=True)
class MarkdownLink:
    """A link, image, reference link or reference definition found in Markdown text.

    Offsets are into the text scanned. ``text`` is the link's text (an image's alt text, a
    definition's id) as written; ``target`` the address as Python-Markdown reads it (without
    ``<>``, escapes removed; for a reference, its definition's).
    """

    kind: str  # LINK, IMAGE, REFERENCE ([text][id] or [id] with a definition) or DEFINITION ([id]: target)
    start: int  # offset of its "[" (an image's "!")
    end: int  # offset just after it
    text_end: int  # offset of the "]" that closes its text
    line: int  # line of its start, 1 for the text's first line
    text: str
    target: str
    title: Optional[str] = None


class _LinkReader(LinkInlineProcessor):
    """Python-Markdown's inline-link reader, for its ``getText`` and ``getLink``. It reads text
    outside a conversion, so there are no stashed elements to restore."""

    def unescape(self, text: str) -> str:
        return text


@functools.cache
def _processor() -> _LinkReader:
    return _LinkReader(LINK_RE, Markdown())


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_ESCAPE = re.compile(r"\\(.)", re.S)
# Python-Markdown stashes escaped characters before it reads links, and each link it reads; the
# stashed text is put back where an address holds it. Here an escaped character becomes two
# characters that no pattern reads, the second saying which it was; what a pattern took becomes
# as many characters as it had, a different one for each thing taken.
_MARK, _ESCAPED_BASE, _TAKEN_BASE = "\x02", 0xE000, 0xF0000
_MASKED = re.compile(_MARK + "([\ue000-\ue0ff])")
_TAKEN = re.compile("([\U000F0000-\U000FFFFD])\\1*")
_TAIL = re.compile("[\U000F0000-\U000FFFFD]([^\U000F0000-\U000FFFFD]+)")
_OPEN_LINK = re.compile(LINK_RE)
_OPEN_IMAGE = re.compile(IMAGE_LINK_RE)
_REFERENCE_ID = re.compile(r"\s?\[([^\]]*)\]", re.S)  # as ReferenceInlineProcessor.RE_LINK
_SPACES = re.compile(r"\s+")
_LINE_BREAK = re.compile("\n")
_QUOTE_MARKS = re.compile(r"^(?:[ ]{0,3}>[ ]?)+", re.M)
# An ATX heading line, as HashHeaderProcessor reads one: no space is needed after the marks, and a
# line ending in an unescaped backslash is not one.
_HEADING = re.compile(r"#{1,6}(?:\\.|[^\\\n])*$")
_HEADING_WORDS = re.compile(r"[ ]*#{1,6}[ \t]*(.*?)[ \t]*#*$", re.M)  # closing marks end the line
_LIST_ITEM = re.compile(r"[ ]*(?:[*+-]|\d+\.)[ ]+")


def _mask(text: str) -> str:
    escaped = _processor().md.ESCAPED_CHARS
    return _ESCAPE.sub(
        lambda m: _MARK + chr(_ESCAPED_BASE + ord(m.group(1))) if m.group(1) in escaped else m.group(0), text)


@dataclass
class _Found:
    """What a pattern read: offsets in the data it read."""

    start: int
    end: int
    text_start: int = 0
    text_end: int = 0
    kind: str = ""  # "" for a reference to no definition: text, read on after it
    target: str = ""
    title: Optional[str] = None


# What a scan found, in the order MarkdownLink takes it: (kind, start, end, text_end, target, title).
_Row = tuple[str, int, int, int, str, Optional[str]]


class _Scan:
    """The state of one scan: the reference definitions, what was found, what was taken."""

    def __init__(self, references: dict[str, tuple[str, Optional[str]]]) -> None:
        self.references = references
        self.found: list[_Row] = []
        self.taken: list[str] = []  # the text put back for each thing taken, by number

    def plain(self, data: str) -> str:
        """``data`` as an address or title holds it: escapes and taken things put back."""
        data = _TAKEN.sub(lambda m: self.taken[ord(m.group(1)) - _TAKEN_BASE], data)
        return _MASKED.sub(lambda m: chr(ord(m.group(1)) - _ESCAPED_BASE), data)

    def inline(self, data: str, match: re.Match[str], kind: str) -> _Found | None:
        processor = _processor()
        _, index, handled = processor.getText(data, match.end())
        if not handled:
            return None
        target, title, end, handled = processor.getLink(data, index)
        if end < 0:  # an unclosed title: Python-Markdown ends the link before the last character
            end += len(data)
        if not handled or end <= match.start():
            return None
        return _Found(match.start(), end, match.end(), index - 1, kind, self.plain(target), title and self.plain(title))

    def reference(self, data: str, match: re.Match[str], kind: str, short: bool) -> _Found | None:
        text, index, handled = _processor().getText(data, match.end())
        if not handled:
            return None
        if short:
            name, end = text.lower(), index
        else:
            given = _REFERENCE_ID.match(data, index)
            if given is None:
                return None
            name, end = given.group(1).lower() or text.lower(), given.end()
        name = _SPACES.sub(" ", name)
        if name not in self.references:
            return _Found(match.start(), end)
        target, title = self.references[name]
        return _Found(match.start(), end, match.end(), index - 1, kind, target, title)

    def read(self, data: str, base: int, first: int = 0) -> str:
        """Run the patterns from number ``first`` over ``data`` (at offset ``base`` of the text),
        as Python-Markdown's inline processor does: each pattern over the whole of it, in turn.
        Returns ``data`` with what they took marked."""
        for number in range(first, len(_PATTERNS)):
            opening, read = _PATTERNS[number]
            position = 0
            while True:
                result = None
                for match in opening.finditer(data, position):
                    result = read(self, data, match)
                    if result is not None:
                        break
                if result is None:
                    break
                position = result.end
                if not result.kind:
                    continue
                start, end = base + result.start, base + result.end
                if result.kind == IMAGE:  # links read earlier in its alt text are links no more
                    self.found = [f for f in self.found if not start < f[1] < end]
                self.found.append((result.kind, start, end, base + result.text_end, result.target, result.title))
                label = data[result.text_start:result.text_end]
                if result.kind != IMAGE:
                    label = self.read(label, base + result.text_start, number + 1)
                    # The text after each thing inside a link is read again, by every pattern.
                    for tail in _TAIL.finditer(label):
                        self.read(tail.group(1), base + result.text_start + tail.start(1))
                self.taken.append("" if result.kind == IMAGE else self.plain(label))
                mark = chr(_TAKEN_BASE + len(self.taken) - 1)
                data = data[:result.start] + mark * (result.end - result.start) + data[result.end:]
        return data


# Python-Markdown's link patterns, in the order it runs them (priorities 170 to 125).
_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[_Scan, str, re.Match[str]], Optional[_Found]]], ...] = (
    (_OPEN_LINK, functools.partial(_Scan.reference, kind=REFERENCE, short=False)),
    (_OPEN_LINK, functools.partial(_Scan.inline, kind=LINK)),
    (_OPEN_IMAGE, functools.partial(_Scan.inline, kind=IMAGE)),
    (_OPEN_IMAGE, functools.partial(_Scan.reference, kind=IMAGE, short=False)),
    (_OPEN_LINK, functools.partial(_Scan.reference, kind=REFERENCE, short=True)),
    (_OPEN_IMAGE, functools.partial(_Scan.reference, kind=IMAGE, short=True)),
)


def _blocks(text: str, plain: str) -> list[tuple[int, int, bool]]:
    """``(start, end, heading)`` of each run of text that Python-Markdown reads links in as one:
    a paragraph ends at a blank line, a heading line is one on its own, a quote starts a new one
    (``plain`` is ``text`` with quote markers blanked), and so does each item of a list."""
    blocks: list[tuple[int, int, bool]] = []
    start, offset, previous_end = -1, 0, 0
    in_quote = in_list = after_heading = False
    for raw, line in zip(text.split("\n"), plain.split("\n"), strict=True):  # blanking keeps every line
        end = offset + len(line)
        if not line.strip():
            if start >= 0:
                blocks.append((start, previous_end, after_heading))
            start, after_heading = -1, False
        else:
            quoted = raw != line
            heading = bool(_HEADING.match(line, len(line) - len(line.lstrip(" ")) if quoted else 0))
            item = bool(_LIST_ITEM.match(line))
            if start >= 0 and (heading or after_heading or (quoted and not in_quote) or (in_list and item)):
                blocks.append((start, previous_end, after_heading))
                start = -1
            if start < 0:
                start, in_quote, in_list = offset, quoted, item
            after_heading = heading
        previous_end, offset = end, end + 1
    if start >= 0:
        blocks.append((start, previous_end, after_heading))
    return blocks


@functools.lru_cache(maxsize=4096)  # the link graph, the checks and the glossary read each page
def links_in(text: str) -> tuple[MarkdownLink, ...]:
    """Every link, image, reference link and reference definition in ``text``, in order."""
    found: list[_Row] = []
    references: dict[str, tuple[str, Optional[str]]] = {}
    plain = _QUOTE_MARKS.sub(lambda m: " " * len(m.group(0)), text)
    runs: list[tuple[int, int]] = []
    for start, end, heading in _blocks(text, plain):
        if heading:  # the words after the marks, without closing marks
            words = _HEADING_WORDS.match(plain, start, end)
            runs.append(words.span(1) if words else (start, end))
            continue
        # Definitions take their lines out of the paragraph, and split it.
        for definition in ReferenceProcessor.RE.finditer(plain, start, end):
            runs.append((start, max(start, definition.start() - 1)))  # without its line break
            name = definition.group(1).strip().lower()
            references[name] = (definition.group(2).lstrip("<").rstrip(">"), definition.group(5) or definition.group(6))
            opening = plain.index("[", definition.start())
            found.append((DEFINITION, opening, definition.end(), plain.index("]", opening), *references[name]))
            start = definition.end()
        runs.append((start, end))
    masked = _mask(plain)
    scan = _Scan(references)
    scan.found = found
    for start, end in runs:
        data = masked[start:end]
        if "[" in data:
            stripped = data.lstrip()  # as a paragraph's text, which starts at its first word
            scan.taken = []  # marks are numbered afresh in each paragraph
            scan.read(stripped, start + len(data) - len(stripped))
    found = scan.found
    breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
    links = []
    for kind, start, end, text_end, target, title in sorted(found, key=lambda f: (f[1], -f[2])):
        text_start = start + (2 if kind == IMAGE else 1)
        links.append(MarkdownLink(kind, start, end, text_end, bisect.bisect_left(breaks, start) + 1,
                                  text[text_start:text_end], target, title))
    return tuple(links)


def link_text(text: str) -> str:
    """``text`` as its words read once rendered: each link by its text, images left out (an image
    has no text, only an alt attribute). For a heading's anchor, which is made from its words."""
    keep = [True] * len(text)
    for link in links_in(text):
        if link.kind == IMAGE:
            keep[link.start:link.end] = [False] * (link.end - link.start)
        elif link.kind in (LINK, REFERENCE):
            keep[link.start] = False
            keep[link.text_end:link.end] = [False] * (link.end - link.text_end)
    return "".join(char for char, kept in zip(text, keep, strict=True) if kept)
