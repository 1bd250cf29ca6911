"""MkDocs' navigation objects, to and from the core's neutral trees (part of the MkDocs adapter).

The plan numbers chapters and pages (``core/numbering``) and the theme's sidebar is drawn from a
neutral tree (``core/navview``); MkDocs holds its own ``Section`` and ``Page`` objects. These two
functions cross between them, and ``page_nav`` gives the theme each page's sidebar, so that
``plugin.py`` only coordinates.
"""

from __future__ import annotations

from typing import Any, Callable

from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from ..core import navview


def site_entries(items: list[Any]) -> list[navview.SiteNavEntry]:
    """MkDocs' navigation as the core's neutral tree (titles are final by on_env)."""
    entries = []
    for item in items:
        if isinstance(item, Section):
            entries.append(navview.group(item.title, site_entries(item.children)))
        elif isinstance(item, Page):
            entries.append(navview.SiteNavEntry(item.title or item.file.name, item.url))
        else:  # a Link
            entries.append(navview.SiteNavEntry(item.title, item.url, external=True))
    return entries


def number_sections(items: list[Any], groups: dict[tuple[str, ...], str], path: tuple[str, ...] = ()) -> None:
    """Put the plan's chapter numbers (``groups``: titles from the top -> "1", "1.2") on MkDocs' sections."""
    for item in items:
        if isinstance(item, Section):
            here = path + (item.title,)
            number = groups.get(here)
            number_sections(item.children, groups, here)
            if number:
                item.title = f"{number}. {item.title}" if "." not in number else f"{number} {item.title}"


def page_nav(items: list[Any], limit: int, more_url: str | None) -> Callable[[Any], list[navview.ViewItem]]:
    """The theme's ``manual_nav(page)`` (partials/nav.html): each page's bounded sidebar, from a
    tree built once per build. ``more_url`` is the contents page, where "N more" links lead."""
    site = navview.group("", site_entries(items))

    def manual_nav(page: Any) -> list[navview.ViewItem]:
        current = getattr(page, "url", None) if getattr(page, "file", None) is not None else None
        return navview.page_view(site, current, limit=limit, more_url=more_url)

    return manual_nav
