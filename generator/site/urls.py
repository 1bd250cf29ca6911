"""The address of each page of the site, as MkDocs gives it, worked out without MkDocs.

The plan needs addresses before MkDocs has made its files (the related boxes, the glossary's
"Used in" lists, the amendments feed). These follow MkDocs 1.6's rules for ``use_directory_urls``;
``tests/unit/test_site_urls.py`` holds them equal to MkDocs' own for a table of paths.
"""

from __future__ import annotations

import functools
import posixpath
from urllib.parse import quote

_MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


def page_url(uri: str, directory_urls: bool = True) -> str:
    """The address of the page or file ``uri`` from the site's root: ``statutory/referrals.md`` ->
    ``statutory/referrals/`` (or ``statutory/referrals.html``), ``index.md`` -> ``./``."""
    dest = uri
    if uri.lower().endswith(_MARKDOWN):
        parent, filename = posixpath.split(uri)
        stem = posixpath.splitext(filename)[0]
        stem = "index" if stem == "README" else stem
        if not directory_urls or stem == "index":
            dest = posixpath.join(parent, stem + ".html")
        else:
            dest = posixpath.join(parent, stem, "index.html")
    dirname, filename = posixpath.split(dest)
    if directory_urls and filename == "index.html":
        dest = (dirname or ".") + "/"
    return quote(dest)


def relative_url(url: str, other: str) -> str:
    """``url`` as seen from the page at ``other`` (both from the site's root), as MkDocs'
    ``get_relative_url`` makes it."""
    dirname, _, basename = other.rpartition("/")
    if "." in basename:
        other = dirname
    other_parts, dest_parts = _parts(other), _parts(url)
    common = 0
    for a, b in zip(other_parts, dest_parts, strict=False):  # the shorter path ends the common part
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(other_parts) - common) + dest_parts[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


@functools.lru_cache(maxsize=None)
def _parts(path: str) -> list[str]:
    path = posixpath.normpath("/" + path.lstrip("/"))[1:]
    return path.split("/") if path else []
