"""Every ``#anchor`` that a link in the built site points to, checked against the ids of the page it
points to, from the files themselves (the anchor half of ``make linkcheck``).

LinkChecker's own anchor check (its AnchorCheck plugin) is not used: LinkChecker loads its plugins
after it has dropped root to ``nobody``, so when it runs as root from a folder ``nobody`` cannot
enter (a clone under /root, a ``mktemp -d`` folder) it finds no plugins, says nothing, and passes
every broken anchor with exit status 0. It also fetched a page once for every different anchor
linked on it. This check reads each page once, in one thread, and gives the same answer every time.

Only links a reader follows (``<a href>``, ``<area href>``) to pages of the site are checked; a link
to a page that does not exist is left to LinkChecker, which reports it as a 404.
"""

from __future__ import annotations

import difflib
import html.parser
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Where a browser goes with no element of that id: the top of the page (the HTML standard).
TOP = {"", "top"}
SHOWN_SOURCES = 5


@dataclass
class Page:
    """What the check needs from one HTML file: its ids, and its links with a #fragment."""

    ids: set[str] = field(default_factory=set)
    links: list[tuple[int, str]] = field(default_factory=list)  # (line, href)


class _PageParser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.page.ids.add(values["id"])  # type: ignore[arg-type]
        if tag == "a" and values.get("name"):
            self.page.ids.add(values["name"])  # type: ignore[arg-type]
        href = values.get("href")
        if tag in ("a", "area") and href and "#" in href:
            self.page.links.append((self.getpos()[0], href))

    handle_startendtag = handle_starttag


def read_page(path: Path) -> Page:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser.page


@dataclass(frozen=True)
class BrokenAnchor:
    """An anchor that no element of its page has, and every link to it (page, line, href)."""

    target: str  # the page, relative to the site: "statutory/referrals/index.html"
    anchor: str
    sources: tuple[tuple[str, int, str], ...]
    ids: tuple[str, ...]  # the ids the target page has, sorted

    def message(self) -> str:
        shown = [f"{page}, line {line} ({href})" for page, line, href in self.sources[:SHOWN_SOURCES]]
        more = len(self.sources) - SHOWN_SOURCES
        linked = "; ".join(shown) + (f"; and {more} more" if more > 0 else "")
        close = difflib.get_close_matches(self.anchor, self.ids, n=1)
        if close:
            hint = f"did you mean #{close[0]}?"
        elif self.ids:
            hint = "its anchors: " + ", ".join(self.ids[:8]) + (", ..." if len(self.ids) > 8 else "")
        else:
            hint = "it has no anchors"
        return f"{self.target}: anchor #{self.anchor} not found ({hint}). Linked from {linked}"


def resolve(site: Path, page: str, href: str) -> tuple[str, str] | None:
    """(target page relative to the site, anchor) for a link on ``page``, or None when the link
    leaves the site or points to something that is not a page of it."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    anchor = unquote(parts.fragment)
    if parts.path:
        base = "" if parts.path.startswith("/") else posixpath.dirname(page)
        path = posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/")))
        if path.startswith("../") or path == "..":
            return None
        path = "" if path == "." else path
        candidate = site / path
        if parts.path.endswith("/") or candidate.is_dir():
            path = posixpath.join(path, "index.html") if path else "index.html"
    else:
        path = page
    if not path.endswith((".html", ".htm")) or not (site / path).is_file():
        return None  # not a page, or missing: LinkChecker reports a missing page
    return path, anchor


def broken_anchors(site: Path) -> list[BrokenAnchor]:
    """Every missing anchor in the built ``site``, each once with all the links to it, sorted."""
    site = site.resolve()
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    pages: dict[str, Page] = {}

    def page_at(rel: str) -> Page:
        if rel not in pages:
            pages[rel] = read_page(site / rel)
        return pages[rel]

    links: dict[tuple[str, str], list[tuple[str, int, str]]] = {}
    for rel in files:
        if rel == "404.html":  # its links are written for any address of the site, as linkcheck skips it too
            continue
        for line, href in page_at(rel).links:
            resolved = resolve(site, rel, href)
            if resolved is not None and resolved[1].lower() not in TOP:
                links.setdefault(resolved, []).append((rel, line, href))
    broken = []
    for (target, anchor), sources in sorted(links.items()):
        ids = page_at(target).ids
        if anchor not in ids:
            broken.append(BrokenAnchor(target, anchor, tuple(sources), tuple(sorted(ids))))
    return broken
