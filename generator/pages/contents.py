"""The contents page: every published procedure, by section, in nav order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from ..core import mdtext
from ..core.dates import format_date
from ..core.manual import Manual, SourcePage
from .render import render


@dataclass
class Row:
    number: str
    title: str
    link: str
    summary: str
    version: int
    last_updated: str
    updated: bool


def page_sort_key(order: dict[str, int]) -> Callable[[Any], tuple[int, str]]:
    """Pages in nav order; pages the nav does not list come after, by title."""
    return lambda page: (order.get(page.uri, len(order)), page.title.casefold())


def contents_markdown(
    manual: Manual,
    *,
    uri: str,
    title: str,
    nav_order: list[str],
    numbers: dict[str, str],
    date_format: str,
    updated_since: dt.date | None,
    intro: str = "",
    updated_since_label: str = "",
    more: Sequence[tuple[str, str, Sequence[Any]]] = (),
    print_whole: str = "",
    print_chapters: Callable[[list[str]], list[tuple[str, str]]] = lambda uris: [],
) -> str:
    """``more``: other sections, as (label, column heading, items with ``.uri`` and ``.meta``).
    ``print_whole``: the whole manual's print page; ``print_chapters(uris)``: the (heading, page)
    of each chapter's print page that holds one of these procedures.

    ``updated_since_label`` replaces the date in the "Updated" note, e.g. "Update 14 (1 November
    2025)" when the flag marks what changed after the previous release.
    """
    order = {u: i for i, u in enumerate(nav_order)}
    groups = [(s.label, "Procedure", manual.in_section(s)) for s in manual.sections] + list(more)
    sections: list[dict[str, Any]] = []
    for label, heading, items in groups:
        pages = sorted(items, key=page_sort_key(order))
        rows = [_row(page, uri, numbers, date_format, updated_since) for page in pages]
        chapters = {row.number.split(".")[0] for row in rows if row.number}
        chapter = chapters.pop() if len(chapters) == 1 else ""
        # An empty section stays after the one before it.
        first = min((order.get(page.uri, len(order)) for page in pages), default=sections[-1]["first"] if sections else -1)
        printed = [{"heading": h, "link": mdtext.link_to(u, uri)} for h, u in print_chapters([p.uri for p in pages])]
        sections.append({
            "label": label, "heading": heading, "chapter": chapter, "rows": rows, "first": first, "print": printed,
        })
    # Sections in nav order, as their chapter numbers are.
    sections.sort(key=lambda section: section["first"])
    since = ""
    if updated_since:
        since = mdtext.inline(updated_since_label) if updated_since_label else format_date(updated_since, date_format)
    return render(
        "contents.md.j2",
        title=title,
        intro=intro,
        sections=sections,
        numbered=bool(numbers),
        print_whole=mdtext.link_to(print_whole, uri) if print_whole else "",
        updated_since=since,
    )


def _row(page: SourcePage | Any, from_uri: str, numbers: dict[str, str], date_format: str, since: dt.date | None) -> Row:
    meta = page.meta
    assert meta.last_updated is not None
    return Row(
        number=numbers.get(page.uri, ""),
        title=meta.title,
        link=mdtext.link_to(page.uri, from_uri),
        summary=meta.summary,
        version=meta.version,
        last_updated=format_date(meta.last_updated, date_format),
        updated=bool(since and meta.last_updated >= since),
    )
