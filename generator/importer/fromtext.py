"""Read a page saved as plain text (copied from a hosted manual) into an ``ImportedDocument``.

Plain text has no markup, so the reader goes by layout:

* the first line that is not site chrome is the title;
* blank lines separate paragraphs, and lines inside a paragraph are joined (exports wrap lines);
* a line that starts with a bullet (``•``, ``◦``, ``-``) or a paragraph number (``1.``, ``1.1``)
  starts a list item; bullets at the same indent are siblings, and a deeper indent nests;
* a short line on its own, with no full stop at the end, is a heading (``2. Scope`` too), as is a
  line underlined with ``===`` or ``---``;
* a numbered title with its paragraph on the next line (``1. Child-centred`` then ``Some of ...``)
  is a heading that keeps its number, never run into its paragraph;
* web addresses become links;
* the stamp ``Last Updated: April 14, 2023`` then ``v14`` gives ``last_updated`` and ``version``.
"""

from __future__ import annotations

import re

from . import textrules
from .document import Block, Heading, ImportedDocument, Inline, Link, Note, Paragraph, Text
from .lists import group_lists

_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")


def read_text(text: str, source: str) -> ImportedDocument:
    doc = ImportedDocument(source)
    lines = [line.replace("\t", "    ").replace("\u00a0", " ").rstrip() for line in text.splitlines()]
    numbered = list(enumerate(lines, start=1))

    numbered = _drop_chrome(numbered, doc)
    numbered = _read_stamp(numbered, doc)
    numbered = _read_title(numbered, doc)
    doc.blocks = group_lists(_blocks(numbered), doc)
    return doc


def _drop_chrome(lines: list[tuple[int, str]], doc: ImportedDocument) -> list[tuple[int, str]]:
    out = []
    for number, line in lines:
        if line.strip() and textrules.is_chrome_text(line):
            doc.dropped.append(f"'{line.strip()}'")
            continue
        out.append((number, line))
    return out


def _read_stamp(lines: list[tuple[int, str]], doc: ImportedDocument) -> list[tuple[int, str]]:
    """The last "Last updated ..." line and a version in it or just after it, else a lone version
    near the end: ``lines`` without them."""
    content = [(i, n, line.strip()) for i, (n, line) in enumerate(lines) if line.strip()]
    kept = _read_labelled_stamp(lines, content, doc)
    return kept if kept is not None else _read_lone_version(lines, content, doc)


def _read_labelled_stamp(
    lines: list[tuple[int, str]], content: list[tuple[int, int, str]], doc: ImportedDocument
) -> list[tuple[int, str]] | None:
    """The last line with a "Last updated" label and a date, and a version in it or in one of the
    two lines after it: ``lines`` without them (what else the stamp's line holds is kept), or
    ``None`` if there is no such line."""
    for position in range(len(content) - 1, -1, -1):
        index, number, line = content[position]
        if not textrules.LAST_UPDATED.match(line):
            continue
        found, version, rest = textrules.read_stamp(line)
        if found is None:
            continue
        drop = {index}
        if version is None:
            version, later_index = textrules.version_after((i, text) for i, _, text in content[position + 1: position + 3])
            if later_index is not None:
                drop.add(later_index)
        if found.date is None:
            doc.notes.append(Note("date", f"the stamp date '{found.text}' is not a real date: {found.error}", number))
        doc.last_updated, doc.version = found.date, version
        kept = []
        for i, (n, text) in enumerate(lines):
            if i in drop:
                if i == index and not textrules.leftover_is_empty(rest):
                    kept.append((n, " ".join(rest.split())))
                continue
            kept.append((n, text))
        return kept
    return None


def _read_lone_version(
    lines: list[tuple[int, str]], content: list[tuple[int, int, str]], doc: ImportedDocument
) -> list[tuple[int, str]]:
    """No stamp with a label: a lone "v14" in the last five lines still gives the version."""
    for position in range(len(content) - 1, max(-1, len(content) - 6), -1):
        index, _, line = content[position]
        version = textrules.version_only(line)
        if version is not None:
            doc.version = version
            return [item for i, item in enumerate(lines) if i != index]
    return lines


def _read_title(lines: list[tuple[int, str]], doc: ImportedDocument) -> list[tuple[int, str]]:
    for index, (number, line) in enumerate(lines):
        if not line.strip():
            continue
        title, chapter = textrules.strip_title_number(" ".join(line.split()))
        doc.title = title
        if chapter:
            doc.notes.append(Note(
                "title", f"the chapter number '{chapter}' was removed from the title: the site numbers pages from the nav",
                number,
            ))
        rest = lines[index + 1:]
        if rest and _UNDERLINE.match(rest[0][1]):
            rest = rest[1:]
        return rest
    return []


def _blocks(lines: list[tuple[int, str]]) -> list[Block]:
    """Paragraphs (blank-line separated), list items (one per marker line) and headings."""
    groups: list[list[tuple[int, str]]] = [[]]
    for number, line in lines:
        if not line.strip():
            if groups[-1]:
                groups.append([])
            continue
        groups[-1].append((number, line))
    groups = [g for g in groups if g]

    blocks: list[Block] = []
    for group in groups:
        # A line underlined with === or --- is a heading.
        if len(group) == 2 and _UNDERLINE.match(group[1][1]) and not _UNDERLINE.match(group[0][1]):
            level = 2 if group[1][1].strip().startswith("=") else 3
            blocks.append(Heading(level, " ".join(group[0][1].split()), group[0][0]))
            continue
        blocks.extend(_group_blocks(group))
    return blocks


WRAP_WIDTH = 60  # exports wrap lines at 60 to 80 characters, or not at all


def _group_blocks(group: list[tuple[int, str]]) -> list[Block]:
    """The headings and paragraphs of one blank-line-separated group of lines.

    The first line is a heading when it reads as one and stands alone (``Purpose``, then its
    text or its bullets). Further in, a numbered title line with its text on the next line
    (``1. Child-centred`` then ``Some of the worst failures ...``) is a heading too, number
    and all: hosted manuals lay out numbered principles and sections that way, and a heading
    keeps the old number as written, where a Markdown list would renumber from 1.
    """
    width = max(WRAP_WIDTH, *(len(line.rstrip()) for _, line in group))
    out: list[Block] = []
    lines = group
    if _is_heading(lines[0][1]) and (len(lines) == 1 or _stands_alone(lines[0][1], lines[1][1], width)):
        out.append(_heading(*lines[0]))
        lines = lines[1:]
    parts: list[tuple[int, int, list[str]]] = []  # (line, indent, texts) of each paragraph
    new_paragraph = True
    for index, (number, line) in enumerate(lines):
        stripped = line.strip()
        found = textrules.marker(stripped)
        following = lines[index + 1][1] if index + 1 < len(lines) else ""
        if found is not None and found.kind == "number" and _is_numbered_title(line, following, width):
            out.extend(_paragraphs(parts))
            parts = []
            out.append(_heading(number, line))
            new_paragraph = True
            continue
        if found is not None or new_paragraph:
            out.extend(_paragraphs(parts))
            parts = [(number, len(line) - len(line.lstrip()), [stripped])]
            new_paragraph = False
        else:
            parts[-1][2].append(stripped)
    out.extend(_paragraphs(parts))
    return out


def _heading(number: int, line: str) -> Heading:
    """A heading line; a numbered one is as deep as its number (``2.`` is ##, ``2.1`` is ###)."""
    text = " ".join(line.split())
    found = textrules.marker(text)
    level = 2 + (found.depth - 1 if found and found.kind == "number" else 0)
    return Heading(min(level, 6), text, number)


def _stands_alone(first: str, second: str, width: int) -> bool:
    """A heading-like line with its paragraph straight under it (no blank line between).

    It is a line of its own, not the start of a wrapped paragraph, when the next line's first
    word would have fitted on it and that next line starts a sentence or a list item.
    """
    first, second = first.strip(), second.strip()
    if _UNDERLINE.match(second) or not (second[0].isupper() or textrules.marker(second) is not None):
        return False
    return len(first) + 1 + len(second.split()[0]) <= width


def _is_numbered_title(line: str, following: str, width: int) -> bool:
    return not line.startswith("  ") and textrules.is_numbered_title(line, following) and _stands_alone(line, following, width)


def _is_heading(line: str) -> bool:
    return not line.startswith("  ") and textrules.looks_like_title(line)


def _paragraphs(parts: list[tuple[int, int, list[str]]]) -> list[Paragraph]:
    return [Paragraph(_links(" ".join(texts)), number, indent=indent) for number, indent, texts in parts]


def _links(text: str) -> list[Inline]:
    """Text with its web addresses made into links."""
    out: list[Inline] = []
    position = 0
    for match in _URL.finditer(text):
        if match.start() > position:
            out.append(Text(text[position:match.start()]))
        out.append(Link(match.group(0), [Text(match.group(0))]))
        position = match.end()
    if position < len(text):
        out.append(Text(text[position:]))
    return out
