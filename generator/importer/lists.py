"""Paragraphs that start with ``•`` or a paragraph number become Markdown lists.

Hosted manuals write lists as paragraphs: ``• item``, ``1. step``, ``1.1 sub-step``. A run of
such paragraphs becomes one list. Numbers with more parts nest under the number before them
(``1.1`` under ``1.``), bullets nest by their indent (see ``_levels``), and bullets that follow a
numbered paragraph belong to it, as the old page showed them. Any other paragraph ends the run.

Markdown numbers every list from 1 (Python-Markdown ignores the first number), so a run that
started at another number is reported: its numbers are shown differently from the old page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import textrules
from .document import Block, Emphasis, ImportedDocument, Inline, Link, ListBlock, ListItem, Note, Paragraph, Strong, Text, plain


@dataclass
class _Entry:
    marker: textrules.Marker
    paragraph: Paragraph
    level: int = 0


def group_lists(blocks: list[Block], doc: ImportedDocument) -> list[Block]:
    out: list[Block] = []
    run: list[_Entry] = []
    for block in blocks:
        found = _marker_of(block)
        if found is not None:
            assert isinstance(block, Paragraph)
            run.append(_Entry(found, block))
            continue
        if run:
            out.extend(_build(run, doc))
            run = []
        out.append(block)
    if run:
        out.extend(_build(run, doc))
    return out


def _marker_of(block: Block) -> textrules.Marker | None:
    if not isinstance(block, Paragraph):
        return None
    return textrules.marker(plain(block.inlines))


def _levels(run: list[_Entry]) -> None:
    """The nesting level of each entry of a run.

    Numbers nest by their parts (``1.1`` under ``1.``). Bullets nest by where they stand: a
    bullet indented as far as an open one is its sibling, one indented further (or drawn as a
    nested bullet, ``◦``, at the same indent) goes under it, one indented less closes the
    deeper levels. Only plain text has indents; in HTML every bullet counts as indent 0, so
    its glyph decides. Bullets after a numbered paragraph belong to it.
    """
    numbered = [e.marker.depth for e in run if e.marker.kind == "number"]
    base = min(numbered) if numbered else 1
    previous = -1
    bullet_base = 0  # the level of the first bullets after the last number
    open_bullets: list[tuple[int, int]] = []  # (indent, glyph depth) of each open bullet level
    for entry in run:
        if entry.marker.kind == "number":
            level = entry.marker.depth - base
            bullet_base = level + 1
            open_bullets = []
        else:
            place = (entry.paragraph.indent or 0, entry.marker.depth)
            while open_bullets and open_bullets[-1] > place:
                open_bullets.pop()
            if not open_bullets or open_bullets[-1] < place:
                open_bullets.append(place)
            level = bullet_base + len(open_bullets) - 1
        entry.level = max(0, min(level, previous + 1))
        previous = entry.level


def _build(run: list[_Entry], doc: ImportedDocument) -> list[ListBlock]:
    _levels(run)
    roots: list[ListBlock] = []
    stack: list[ListBlock] = []  # stack[n] is the open list at level n
    for entry in run:
        ordered = entry.marker.kind == "number"
        paragraph = Paragraph(_drop_marker(entry.paragraph.inlines, entry.marker.length), entry.paragraph.source_line,
                              entry.paragraph.notes)
        item = ListItem([paragraph], entry.paragraph.source_line)
        del stack[entry.level + 1:]
        if len(stack) == entry.level + 1 and stack[-1].ordered == ordered:
            stack[-1].items.append(item)
            continue
        new = ListBlock(ordered, [item], entry.paragraph.source_line)
        if len(stack) == entry.level + 1:
            stack.pop()
        if entry.level == 0:
            roots.append(new)
            if ordered and entry.marker.number not in ((), (1,)):
                new.notes.append(Note(
                    "list",
                    f"numbered paragraphs starting at {'.'.join(map(str, entry.marker.number))} became a list, "
                    "which the site numbers from 1: check the numbering reads correctly",
                    entry.paragraph.source_line,
                ))
        else:
            stack[-1].items[-1].blocks.append(new)
        stack.append(new)
    return roots


def _drop_marker(inlines: list[Inline], length: int) -> list[Inline]:
    """``inlines`` without the first ``length`` characters of its text (the marker) and the spaces after it."""
    marker_text = plain(inlines)[:length].strip()
    remaining = [marker_text]  # characters still to remove

    def trim(items: list[Inline]) -> list[Inline]:
        out: list[Inline] = []
        for item in items:
            if not remaining[0] and out:
                out.append(item)
                continue
            if isinstance(item, Text):
                text = item.text.lstrip()
                while remaining[0] and text and text[0] == remaining[0][0]:
                    text = text[1:]
                    remaining[0] = remaining[0][1:].lstrip()
                if not remaining[0]:
                    text = text.lstrip()
                if text:
                    out.append(Text(text))
            elif isinstance(item, (Strong, Emphasis, Link)):
                children = trim(item.children)
                if plain(children) or isinstance(item, Link):
                    out.append(replace(item, children=children))
            else:
                out.append(item)
        return out

    return trim(inlines)
