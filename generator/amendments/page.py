"""The generated amendments page: Markdown from ``amendments.md.j2``, every source value escaped."""

from __future__ import annotations

from typing import Any, Callable

from ..core.dates import format_date
from ..pages.render import render
from .grouping import Amendment, Group, entry_anchor
from .releases import Releases


def amendments_markdown(
    groups: list[Group],
    releases: Releases,
    *,
    title: str,
    intro: str,
    feed_link: str,
    editions_link: str = "",
    date_format: str,
    link_for: Callable[[str], str | None],
    numbers: dict[str, str],
) -> str:
    """``editions_link``: the Editions page, where the manual as it stood at each release is kept.
    ``link_for(page)`` is the Markdown link target of a page from the amendments page, or
    ``None`` when the page is not part of the site (its entry is then shown without a link)."""

    def row(entry: Amendment) -> dict[str, Any]:
        document = entry.document
        number = numbers.get(document.page, "")
        return {
            "title": f"{number} {document.title}" if number else document.title,
            "link": link_for(document.page),
            "flowchart": document.kind == "flowchart",
            "version": entry.version,
            "date": format_date(entry.date, date_format),
            "iso": entry.date.isoformat(),
            "note": entry.note,
            "anchor": entry_anchor(document.page, entry.version),
        }

    views = []
    for group in groups:
        if group.unreleased:
            where = group.title[0].lower() + group.title[1:]
        elif group.release is not None:
            where = f"in {group.title}"
        else:
            where = ""
        views.append({
            "title": group.title,
            "where": where,
            "unreleased": group.unreleased,
            "date": format_date(group.release.date, date_format) if group.release else "",
            "empty": group.empty,
            "new": [row(e) for e in group.new],
            "changed": [row(e) for e in group.changed],
            "archived": [row(e) for e in group.archived],
            "withdrawn": [row(e) for e in group.withdrawn],
        })
    current = releases.current
    return render(
        "amendments.md.j2",
        title=title,
        intro=intro,
        feed=feed_link,
        editions=editions_link,
        current={"name": current.name, "date": format_date(current.date, date_format)} if current else None,
        groups=views,
    )
