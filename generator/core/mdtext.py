"""Markdown text helpers: escaping front-matter text for generated pages, relative links, the
prose of a page (its text without code and comments), and a page's own top-level headings.

Generated pages (contents, glossary, amendments ...) are Markdown rendered from Jinja templates.
A title such as ``Alcohol & <Drugs> [2024]`` must show as written and never become markup.
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|>~-])")
# At the start of a line, "1. text" would begin a numbered list and ": text" a definition.
_LIST_START = re.compile(r"^(\d+)\.")


def inline(text: str) -> str:
    """Text that Markdown shows literally: specials escaped, ``<`` and ``&`` as entities."""
    return line_start(escape(" ".join(str(text).split())))


def escape(text: str, keep: str = "") -> str:
    """``text`` with Markdown's specials backslash-escaped, except those in ``keep``, and ``<`` and
    ``&`` as entities. White space is left as it is, so that pieces can be joined."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _SPECIAL.sub(lambda m: m.group(1) if m.group(1) in keep else "\\" + m.group(1), text)


def line_start(text: str) -> str:
    """Escaped text that is to start a line: "1. text" and ": text" would begin a list or a definition."""
    text = _LIST_START.sub(r"\1\\.", text)
    return "&#58;" + text[1:] if text.startswith(":") else text


@functools.lru_cache(maxsize=65536)  # the glossary page links each page from every term it uses
def link_to(target_uri: str, from_uri: str) -> str:
    """A relative Markdown link target from one source page to another (MkDocs turns it into a URL)."""
    base = posixpath.dirname(from_uri)
    rel = posixpath.relpath(target_uri, base or ".")
    return rel.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# Backticks that may open a code span: any run, unless an odd number of backslashes escapes it.
_TICKS = re.compile(r"(\\*)(`+)")
_NOT_LINE_BREAK = re.compile(r"[^\n]")


def _code_span(text: str, begin: int) -> tuple[int, int | None]:
    """Where the code span opened by the backticks at ``begin`` ends, as Python-Markdown finds
    it (``BacktickInlineProcessor.find_code_spans``): at the next run of as many backticks, else
    at the longest shorter run, some of the opening backticks then being text. Returns ``(where
    to read on, end of the span)``, the end ``None`` when nothing closes it."""
    last, start = len(text), begin
    while start < last and text[start] == "`":
        start += 1
    ticks, longest, end, index = start - begin, 0, 0, start
    while index < last:
        run = 0
        while index < last and text[index] == "`":
            run, index = run + 1, index + 1
        if not run:
            index += 1
        elif run == ticks:
            return index, index
        elif run > longest:
            longest, end = run, index
    if 0 < longest < ticks:
        return end, end
    return start + ticks, None  # (Python-Markdown reads on this far past the backticks, too)


def _code_spans(text: str) -> list[tuple[int, int]]:
    """The code spans of a paragraph's text, as ``(start, end)``."""
    spans: list[tuple[int, int]] = []
    position = 0
    while True:
        match = _TICKS.search(text, position)
        if match is None:
            return spans
        if len(match.group(1)) % 2:  # an escaped backtick is text
            position = match.start(2) + 1
            continue
        position, end = _code_span(text, match.start(2))
        if end is not None:
            spans.append((match.start(2), end))


def _blank(match: re.Match[str]) -> str:
    """The match with everything but its line breaks turned into spaces, so lines stay."""
    return _NOT_LINE_BREAK.sub(" ", match.group(0))


@functools.lru_cache(maxsize=4096)
def prose(text: str) -> str:
    """``text`` with HTML comments, fenced code blocks and code spans (which may wrap within a
    paragraph) blanked out, line for line, so that line numbers found in it stay right.

    Links, glossary terms, placeholders and anchors are all looked for in it; it is cached
    because one check or build asks for the prose of each page several times.
    """
    lines: list[str] = []
    fence: str | None = None
    for line in _COMMENT.sub(_blank, text).split("\n"):
        opened = _FENCE.match(line)
        if fence is not None:
            closes = opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence)
            if closes and not line.strip().strip(fence[0]):
                fence = None
            lines.append("")
        elif opened:
            fence = opened.group(1)
            lines.append("")
        else:
            lines.append(line)
    text = "\n".join(lines)
    if "`" not in text:
        return text
    chars, start = list(text), 0
    for gap in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = gap.start() if gap else len(text)
        for span_start, span_end in _code_spans(text[start:end]):
            chars[start + span_start:start + span_end] = _NOT_LINE_BREAK.sub(" ", text[start + span_start:start + span_end])
        start = gap.end() if gap else end
    return "".join(chars)
_ATX_H1 = re.compile(r"^ {0,3}#(?:[ \t]|$)")
_SETEXT_H1 = re.compile(r"^ {0,3}=+[ \t]*$")
_HTML_H1 = re.compile(r"<h1[\s>]", re.IGNORECASE)
# Any line that could be a level-1 heading; most pages have none, and are not walked line by line.
_CANDIDATE = re.compile(r"^ {0,3}(?:#(?:[ \t]|$)|=+[ \t]*$)|<h1[\s>]", re.M | re.IGNORECASE)


def h1_lines(body: str, first_line: int = 1) -> list[int]:
    """The lines of level-1 headings (``# Title``, ``Title`` over ``===``, ``<h1>``) outside code.

    A procedure's title comes from its front matter; the theme shows it with its number and
    stamp only when the text has no heading of its own.
    """
    if not _CANDIDATE.search(body):
        return []
    lines = prose(body).split("\n")
    found = []
    for index, line in enumerate(lines):
        if line.startswith(("    ", "\t")):  # indented code
            continue
        if _ATX_H1.match(line) or _HTML_H1.search(line):
            found.append(first_line + index)
        elif _SETEXT_H1.match(line) and index and lines[index - 1].strip() and not lines[index - 1].startswith(("    ", "\t")):
            found.append(first_line + index - 1)
    return found


@dataclass(frozen=True)
class TitleHeading:
    """A page's ``# Title`` at the top of its text, as converters and MkDocs pages write it."""

    text: str  # the title as plain text ("" for a bare '#')
    line: int  # its line in the file
    lines: int  # the lines it takes: 1, or 2 for a title underlined with '==='


_ATX_TITLE = re.compile(r"^ {0,3}#(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")


def title_heading(body: str, first_line: int = 1) -> TitleHeading | None:
    """The level-1 heading that opens ``body`` (only blank lines or comments before it), or
    ``None``. ``first_line`` is the file line of the body's first line."""
    if not _CANDIDATE.search(body):
        return None
    lines = prose(body).split("\n")
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        atx = _ATX_TITLE.match(line)
        if atx and _ATX_H1.match(line):
            return TitleHeading(_plain(atx.group(1) or ""), first_line + index, 1)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not line.startswith(("    ", "\t")) and _SETEXT_H1.match(following):
            return TitleHeading(_plain(line), first_line + index, 2)
        return None
    return None


def titled(body: str, title: str | None) -> tuple[str, str]:
    """A page's title and the text to show under it: a ``# Title`` that opens ``body`` gives the
    title when there is none, and is left out when it says the same (the theme shows the title)."""
    heading = title_heading(body)
    if heading is None or not heading.text:
        return title or "", body
    title = title or heading.text
    return title, without_heading(body, heading) if same_title(title, heading.text) else body


def without_heading(body: str, heading: TitleHeading, first_line: int = 1) -> str:
    """``body`` with the lines of ``heading`` (found by ``title_heading(body, first_line)``) left
    blank, so that the line numbers of the rest stay right."""
    lines = body.split("\n")
    start = heading.line - first_line
    for index in range(start, start + heading.lines):
        lines[index] = ""
    return "\n".join(lines)


_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def _plain(text: str) -> str:
    """A heading's words without emphasis markers or backslash escapes."""
    return " ".join(_ESCAPED.sub(r"\1", _EMPHASIS.sub(r"\2", text.strip())).split())


_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-",
})


_DASH = re.compile(r"\s*-\s*")


def same_title(a: str, b: str) -> bool:
    """Whether two titles are the same to a reader: case, spacing, curly or straight quotes and
    the kind of dash do not count ("Children's Homes – Standards" = "children’s homes - standards")."""

    def key(text: str) -> str:
        return _DASH.sub("-", " ".join(text.translate(_QUOTES).casefold().split()))

    return key(a) == key(b)
