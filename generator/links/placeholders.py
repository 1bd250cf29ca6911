"""Placeholder links in Markdown sources: ``[text](#)``, ``[text]()`` and links without text.

Documents converted from Word are full of them: the link looks fine in the editor but goes
nowhere, or a screen reader announces an empty link. They are found in the source, so each one is
reported with its file and the line the link starts on. Links are found by ``scanner``, as
Python-Markdown (and so MkDocs) reads them: in ``[a [b](c.md) d](#)`` the outer brackets are the
link, to ``#``, and the inner ones are text. Code (fenced blocks and `code spans`, which may wrap
too) and HTML comments are skipped.
"""

from __future__ import annotations

import re

from ..core.mdtext import prose
from ..core.frontmatter import SplitError, split
from ..core.problems import Problem
from .scanner import DEFINITION, LINK, links_in

_HTML_A = re.compile(r"<a\s[^>]*?\bhref\s*=\s*(?P<q>[\"'])(?P<target>[^\"']*)(?P=q)", re.IGNORECASE)

FIX = "link it to a page or a web address, or remove the brackets and keep the text"


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:37] + "..."


def find_in_markdown(text: str, path: str, first_line: int = 1) -> list[Problem]:
    """Warnings for placeholder and empty links in Markdown ``text`` starting at ``first_line``."""
    problems: list[Problem] = []
    clean = prose(text.replace("\r\n", "\n"))

    def add(offset: int, message: str) -> None:
        problems.append(Problem.of("placeholder-link", path, first_line + clean.count("\n", 0, offset), message))

    for link in links_in(clean):
        label, target = link.text, link.target
        if link.kind == LINK and target in ("", "#"):
            what = "'#'" if target else "nothing"
            if label.strip():
                add(link.start, f"the link [{_shown(label)}] points to {what}, a placeholder: {FIX}")
            else:
                add(link.start, f"an empty link [] points to {what}: remove it")
        elif link.kind == LINK and not label.strip():
            add(link.start, f"the link to '{_shown(target)}' has no text: write what readers should see between the "
                            f"brackets, e.g. [Referral form]({_shown(target)})")
        elif link.kind == DEFINITION and target == "#":
            add(link.start, f"the link reference [{_shown(label)}] points to #, a placeholder: {FIX}")
    for match in _HTML_A.finditer(clean):
        if match.group("target").strip() in ("", "#"):
            add(match.start(), f"the HTML link <a href=\"{match.group('target')}\"> is a placeholder: {FIX}")
    problems.sort()
    return problems


def find_in_page(text: str, path: str) -> list[Problem]:
    """As ``find_in_markdown`` for a whole page file, skipping its front matter."""
    if text.startswith("---"):
        try:
            parts = split(text)
        except SplitError:
            return find_in_markdown(text, path)
        return find_in_markdown(parts.body, path, parts.body_line)
    return find_in_markdown(text, path)
