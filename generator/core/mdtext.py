"""Escaping text from front matter so it can be placed safely in generated Markdown.

Generated pages (contents, glossary, amendments ...) are Markdown rendered from Jinja templates.
A title such as ``Alcohol & <Drugs> [2024]`` must show as written and never become markup.
"""

from __future__ import annotations

import posixpath
import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|>~-])")
# At the start of a line, "1. text" would begin a numbered list and ": text" a definition.
_LIST_START = re.compile(r"^(\d+)\.")


def inline(text: str) -> str:
    """Text that Markdown shows literally: specials escaped, ``<`` and ``&`` as entities."""
    return line_start(escape(" ".join(str(text).split())))


def escape(text: str, keep: str = "") -> str:
    """``text`` with Markdown's specials backslash-escaped, except those in ``keep``, and ``<`` and
    ``&`` as entities. White space is left as it is, so that pieces can be joined."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _SPECIAL.sub(lambda m: m.group(1) if m.group(1) in keep else "\\" + m.group(1), text)


def line_start(text: str) -> str:
    """Escaped text that is to start a line: "1. text" and ": text" would begin a list or a definition."""
    text = _LIST_START.sub(r"\1\\.", text)
    return "&#58;" + text[1:] if text.startswith(":") else text


def link_to(target_uri: str, from_uri: str) -> str:
    """A relative Markdown link target from one source page to another (MkDocs turns it into a URL)."""
    base = posixpath.dirname(from_uri)
    rel = posixpath.relpath(target_uri, base or ".")
    return rel.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
