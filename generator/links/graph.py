"""Links between pages, read from the Markdown sources before anything is rendered.

"Referred to by" boxes need every page's outgoing links while the site is still being planned
(``on_files``), so that they are right for pages that a ``serve --dirty`` rebuild does not read
again. The links are found in the source text by ``scanner``: inline links ``[text](target.md#part)``
and reference definitions ``[name]: target.md``, outside fenced code, code spans and HTML comments.
Targets are resolved as MkDocs resolves them: relative to the linking page, in the site's tree.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..core import frontmatter, textfile, yamlsource
from ..core.mdtext import prose
from .scanner import DEFINITION, LINK, links_in

_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$")


def markdown_links(text: str, first_line: int = 1) -> list[tuple[str, int]]:
    """Every link target in Markdown ``text`` (not images), with its line in the file: inline
    links and reference definitions (a reference link counts once, at its definition)."""
    return [
        (link.target, link.line + first_line - 1)
        for link in links_in(prose(text)) if link.kind in (LINK, DEFINITION)
    ]


def resolve_link(target: str, from_uri: str) -> str | None:
    """The site uri of the page a link goes to (``statutory/a.md``), or ``None`` if not a page link.

    External addresses, absolute paths, links to the same page (``#part``) and links to anything
    but Markdown pages are not page links.
    """
    try:
        parts = urlsplit(target)
    except ValueError:
        return None
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path or path.startswith("/") or not path.endswith(".md"):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_uri), path))
    if joined == ".." or joined.startswith("../"):
        return None
    return joined


def title_of(text: str, uri: str) -> str:
    """A page's title as MkDocs finds it: front matter ``title``, else the first ``#`` heading, else its name."""
    body = text
    try:
        parts = frontmatter.split(text)
    except frontmatter.SplitError:
        parts = None
    if parts is not None:
        body = parts.body
        try:
            data = yamlsource.load(parts.yaml_text)
        except yamlsource.YamlError:
            data = None
        title = data.get("title") if isinstance(data, dict) else None
        if isinstance(title, str) and title.strip():
            return title.strip()
    for line in prose(body).split("\n"):
        match = _HEADING.match(line)
        if match:
            return match.group(1)
    stem = posixpath.splitext(posixpath.basename(uri))[0]
    if stem == "index":
        stem = posixpath.basename(posixpath.dirname(uri)) or "Home"
    return stem.replace("-", " ").replace("_", " ").strip().capitalize()


@dataclass(frozen=True)
class ScannedPage:
    """What the link graph needs from one source page."""

    uri: str
    title: str
    links: tuple[tuple[str, int], ...]  # (site uri of the target, line)


class LinkCache:
    """Scanned pages kept across ``serve`` rebuilds, invalidated by modification time and size."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], tuple[tuple[int, int], ScannedPage]] = {}

    def scan(self, path: Path, uri: str, *, body: str | None = None, body_line: int = 1, title: str | None = None) -> ScannedPage:
        """Scan a page; pass ``body`` (and ``title``) when the page was already read and parsed."""
        try:
            stat = path.stat()
        except OSError:
            return ScannedPage(uri, title or uri, ())
        stamp = (stat.st_mtime_ns, stat.st_size)
        key = (str(path), uri)
        entry = self._entries.get(key)
        if entry is not None and entry[0] == stamp and (title is None or entry[1].title == title):
            return entry[1]
        if body is None:
            try:
                text = textfile.read_text(path)
            except (textfile.TextFileError, OSError):
                text = ""  # MkDocs itself reports a page it cannot read
            page_title = title or title_of(text, uri)
            try:
                parts = frontmatter.split(text)
                body, body_line = parts.body, parts.body_line
            except frontmatter.SplitError:
                body, body_line = text, 1
        else:
            page_title = title or uri
        links = []
        for target, line in markdown_links(body, body_line):
            resolved = resolve_link(target, uri)
            if resolved is not None and resolved != uri:
                links.append((resolved, line))
        page = ScannedPage(uri, page_title, tuple(links))
        self._entries[key] = (stamp, page)
        return page
