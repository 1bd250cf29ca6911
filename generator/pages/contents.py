"""The contents page: every published procedure, by section, in nav order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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


def page_sort_key(order: dict[str, int]):
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
) -> str:
    """``updated_since_label`` replaces the date in the "Updated" note, e.g. "Update 14 (1 November
    2025)" when the flag marks what changed after the previous release."""
    order = {u: i for i, u in enumerate(nav_order)}
    sections = []
    for section in manual.sections:
        pages = sorted(manual.in_section(section), key=page_sort_key(order))
        rows = [_row(page, uri, numbers, date_format, updated_since) for page in pages]
        chapters = {row.number.split(".")[0] for row in rows if row.number}
        chapter = chapters.pop() if len(chapters) == 1 else ""
        sections.append({"label": section.label, "chapter": chapter, "rows": rows})
    return render(
        "contents.md.j2",
        title=title,
        intro=intro,
        sections=sections,
        numbered=bool(numbers),
        updated_since=(mdtext.inline(updated_since_label) if updated_since_label else format_date(updated_since, date_format)) if updated_since else "",
    )


def _row(page: SourcePage, from_uri: str, numbers: dict[str, str], date_format: str, since: dt.date | None) -> Row:
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
