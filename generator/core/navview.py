"""The navigation one page shows: its own chapter open, other chapters closed, long chapters windowed.

Material renders the whole navigation tree into every page, so a manual's build time grows with
the square of its size (2,000 pages: every page carries 2,000 links). A practitioner needs the
chapters, and the pages near the one they are reading; the contents page lists everything. So
each page gets a view of the tree with:

* the groups on the path to the page open, every other group closed to a link to its first page
  (as Material's ``navigation.prune`` does);
* in an open group with more than ``limit`` items, only the ``limit`` items around the current
  page, with "N more" entries that lead to the contents page.

That keeps the work per page bounded, so the whole build stays linear in the number of pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SiteNavEntry:
    """The site's navigation, computed once per build: a page, a group or an outside link."""

    title: str
    url: str | None = None  # a page's URL from the site root ("statutory/referrals/"), or a link
    children: list["SiteNavEntry"] | None = None
    external: bool = False
    urls: frozenset[str] = frozenset()  # a group's page URLs, at any depth
    first_url: str | None = None  # a group's first page
    positions: dict[str, int] = field(default_factory=dict)  # a group's page URL -> index of the child holding it

    @property
    def is_group(self) -> bool:
        return self.children is not None


def group(title: str, children: list[SiteNavEntry]) -> SiteNavEntry:
    positions: dict[str, int] = {}
    first = None
    for index, child in enumerate(children):
        if child.is_group:
            positions.update(dict.fromkeys(child.urls, index))
            first = first or child.first_url
        elif child.url is not None and not child.external:
            positions.setdefault(child.url, index)
            first = first or child.url
    return SiteNavEntry(title, children=children, urls=frozenset(positions), first_url=first, positions=positions)


@dataclass
class ViewItem:
    kind: str  # "page", "active", "link", "open" (a group on the path), "closed" (a group), "more"
    title: str
    url: str | None = None
    id: str = ""
    level: int = 1
    count: int = 0
    children: list["ViewItem"] = field(default_factory=list)


def page_view(site: SiteNavEntry, current: str | None, *, limit: int, more_url: str | None) -> list[ViewItem]:
    """The navigation as the page at URL ``current`` shows it (``limit`` 0: no windowing).

    ``site`` is the whole navigation as one group (``group("", entries)``), built once per build.
    """
    return _items(site.children or [], current, limit, more_url, "__nav", 1, site.positions)


def _items(
    entries: list[SiteNavEntry], current: str | None, limit: int, more_url: str | None, prefix: str, level: int,
    positions: dict[str, int] | None,
) -> list[ViewItem]:
    if limit and len(entries) > limit:
        # Only the window is looked at, so a page's work does not grow with its chapter's length.
        here = positions.get(current, 0) if positions is not None and current is not None else 0
        numbered = _window(entries, here, limit)
    else:
        numbered = list(enumerate(entries, 1))
    out: list[ViewItem] = []
    for index, entry in numbered:
        if entry is None:  # a gap left by the window: `index` holds how many items it hides
            out.append(ViewItem("more", f"{index} more in this section", more_url, level=level, count=index))
        elif entry.is_group:
            ident = f"{prefix}_{index}"
            if current is not None and current in entry.urls:
                children = _items(entry.children or [], current, limit, more_url, ident, level + 1, entry.positions)
                out.append(ViewItem("open", entry.title, id=ident, level=level, children=children))
            else:
                out.append(ViewItem("closed", entry.title, entry.first_url, id=ident, level=level))
        elif entry.external:
            out.append(ViewItem("link", entry.title, entry.url, level=level))
        else:
            kind = "active" if entry.url == current else "page"
            out.append(ViewItem(kind, entry.title, entry.url, level=level))
    return out


def _window(entries: list[SiteNavEntry], here: int, limit: int) -> list[tuple[int, SiteNavEntry | None]]:
    """``limit`` items around item ``here``, numbered from 1; each hidden run becomes (count, None)."""
    start = max(0, min(here - limit // 2, len(entries) - limit))
    end = start + limit
    shown: list[tuple[int, SiteNavEntry | None]] = []
    if start:
        shown.append((start, None))
    shown.extend((index, entries[index - 1]) for index in range(start + 1, end + 1))
    if end < len(entries):
        shown.append((len(entries) - end, None))
    return shown
