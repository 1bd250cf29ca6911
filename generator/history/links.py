"""Links in an old text, pointed at today's site.

An old version of a page is shown at a new address (``statutory/referrals/v14/``), and its links
were written relative to the page itself and to the site as it was then. Each link is resolved
from the page's own place, then looked up in today's site: a page that is still there is linked
(its ``#anchor`` kept only if the page still has that heading), a page moved since is linked where
it is now, a page withdrawn since is linked to its history, and a page or file that is gone leaves
its words, without a link, so that no old text carries a broken link. Other sites' addresses are left as written.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Callable, Mapping
from urllib.parse import unquote, urlsplit

from ..core.mdtext import link_to


@dataclass
class Targets:
    """Today's site, as old links need it: its pages, its other files, the anchors of each page
    (``None``: not known, kept as written), the history pages of withdrawn pages, and where pages
    that were moved are now."""

    pages: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)
    anchors: Callable[[str], set[str] | None] = lambda uri: None
    withdrawn: Mapping[str, str] = field(default_factory=dict)
    renamed: Mapping[str, str] = field(default_factory=dict)  # a page's earlier path -> where it is now

    def retarget(self, href: str, origin: str, here: str, own_anchors: bool = True) -> str | None:
        """``href``, written on the page ``origin``, as it should be on the page ``here``;
        ``None`` when it should be no link at all. ``own_anchors``: links to the page's own
        headings (``#part``) are kept (a redline, whose headings differ, drops them)."""
        try:
            parts = urlsplit(href)
        except ValueError:
            return None
        if parts.scheme or parts.netloc or href.startswith("/"):
            return href
        if not parts.path:
            return href if own_anchors and parts.fragment else None
        target = posixpath.normpath(posixpath.join(posixpath.dirname(origin), unquote(parts.path)))
        if target == ".." or target.startswith("../"):
            return None
        target = self.renamed.get(target, target) if target not in self.pages else target
        if target.endswith(".md") and target in self.pages:
            known = self.anchors(target)
            keep = parts.fragment and (known is None or unquote(parts.fragment) in known)
            return link_to(target, here) + (f"#{parts.fragment}" if keep else "")
        if target in self.withdrawn:
            return link_to(self.withdrawn[target], here)
        if target in self.files:
            return link_to(target, here) + (f"#{parts.fragment}" if parts.fragment else "")
        return None
