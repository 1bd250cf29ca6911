"""Internal links and #anchors, checked from the sources, for the build and `procedures check`.

`mkdocs build --strict` stops on a link to a missing page or heading; officers should hear about
it in a second, before CI runs the build. This reads the Markdown links of every page (as the
"Referred to by" boxes do), resolves them as MkDocs does, and looks the targets up among the
pages the site will have, and their headings.
"""

from __future__ import annotations

import re
from typing import Iterable
from urllib.parse import unquote, urlsplit

from markdown.extensions.toc import slugify

from ..core.problems import Problems
from ..core.mdtext import prose
from .graph import markdown_links, resolve_link
from .scanner import link_text

_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.+?)\s*#*\s*$", re.M)
_ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
_HTML_ID = re.compile(r"""\sid=["']([^"']+)["']""")
_EMPHASIS_MARKS = re.compile(r"[*_`]")


def anchors(body: str) -> set[str]:
    """The ids of a page's headings (as the toc extension makes them) and explicit ids."""
    found: set[str] = set()
    counts: dict[str, int] = {}
    text = prose(body)
    for match in _HEADING.finditer(text):
        heading = match.group(2)
        explicit = _ATTR_ID.search(heading)
        if explicit:
            found.add(explicit.group(1))
            continue
        slug = slugify(_EMPHASIS_MARKS.sub("", link_text(heading)), "-")
        n = counts.get(slug, 0)
        counts[slug] = n + 1
        found.add(slug if n == 0 else f"{slug}_{n}")
    found.update(_HTML_ID.findall(text))
    return found


def check_links(
    pages: Iterable[tuple[str, str, str, int]],
    generated: Iterable[str],
) -> Problems:
    """``pages``: (source path shown, site uri, Markdown body, body's first line) for every page
    with text; ``generated``: site uris of generated pages (their anchors are not checked)."""
    pages = list(pages)
    bodies = {uri: body for _, uri, body, _ in pages}
    known = set(bodies) | set(generated)
    heading_ids: dict[str, set[str]] = {}
    problems = Problems()
    for shown, uri, body, first_line in pages:
        for target, line in markdown_links(body, first_line):
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or target.startswith("/"):
                continue
            fragment = unquote(parts.fragment)
            page: str | None = uri  # "#part": a heading on the same page
            if parts.path:
                page = resolve_link(target, uri)
                if page is None:
                    continue  # not a link to a Markdown page: MkDocs checks other files itself
                if page not in known:
                    problems.add("link-broken",
                        shown, line,
                        f"the link '{target}' goes to no page (looked for {page}): correct the path, "
                        "relative to this page",
                    )
                    continue
            if fragment and page in bodies:
                ids = heading_ids.get(page)
                if ids is None:
                    ids = heading_ids[page] = anchors(bodies[page])
                if fragment not in ids:
                    where = "this page" if page == uri else page
                    problems.add("anchor-broken",
                        shown, line,
                        f"the link '{target}' goes to '#{fragment}', but {where} has no heading with that anchor",
                    )
    return problems
