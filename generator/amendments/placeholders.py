"""Placeholder links in Markdown sources: ``[text](#)``, ``[text]()`` and links without text.

Documents converted from Word are full of them: the link looks fine in the editor but goes
nowhere, or a screen reader announces an empty link. They are found in the source, so each one is
reported with its file and line. Code (fenced blocks and `code spans`) is skipped.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from ..core import textfile
from ..core.frontmatter import SplitError, split
from ..core.problems import Problem, WARNING

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
# [text](target "title"), not an image (![...]) and not an escaped bracket (\[).
_INLINE = re.compile(
    r"(?<![!\\])\[(?P<text>[^\[\]\n]*)\]\(\s*(?P<target><[^>\n]*>|[^()\s]*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"
)
# [label]: target, a reference definition.
_REFERENCE = re.compile(r"^ {0,3}\[(?P<label>[^\]\n]+)\]:\s*(?P<target><[^>\n]*>|\S*)\s*$")
_HTML_A = re.compile(r"<a\s[^>]*?\bhref\s*=\s*(?P<q>[\"'])(?P<target>[^\"']*)(?P=q)", re.IGNORECASE)

FIX = "link it to a page or a web address, or remove the brackets and keep the text"


def _target(raw: str) -> str:
    raw = raw.strip()
    return raw[1:-1].strip() if raw.startswith("<") and raw.endswith(">") else raw


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:37] + "..."


def find_in_markdown(text: str, path: str, first_line: int = 1) -> list[Problem]:
    """Warnings for placeholder and empty links in Markdown ``text`` starting at ``first_line``."""
    problems: list[Problem] = []
    fence: str | None = None
    for offset, line in enumerate(text.splitlines()):
        number = first_line + offset
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence) and not line.strip().strip(fence[0]):
                fence = None
            continue
        if opened:
            fence = opened.group(1)
            continue
        line = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)

        def add(message: str) -> None:
            problems.append(Problem(path, number, message, WARNING))

        for match in _INLINE.finditer(line):
            label, target = match.group("text"), _target(match.group("target"))
            if target in ("", "#"):
                what = "'#'" if target else "nothing"
                if label.strip():
                    add(f"the link [{_shown(label)}] points to {what}, a placeholder: {FIX}")
                else:
                    add(f"an empty link [] points to {what}: remove it")
            elif not label.strip():
                add(f"the link to '{_shown(target)}' has no text: write what readers should see between the "
                    f"brackets, e.g. [Referral form]({_shown(target)})")
        reference = _REFERENCE.match(line)
        if reference and _target(reference.group("target")) in ("", "#"):
            add(f"the link reference [{_shown(reference.group('label'))}] points to "
                f"{'#' if _target(reference.group('target')) else 'nothing'}, a placeholder: {FIX}")
        for match in _HTML_A.finditer(line):
            if match.group("target").strip() in ("", "#"):
                add(f"the HTML link <a href=\"{match.group('target')}\"> is a placeholder: {FIX}")
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


def find_in_project(root: Path, docs_dir: Path, pages: Iterable[tuple[str, str, int]]) -> list[Problem]:
    """Every placeholder link of a project: the procedures' bodies (``(path, body, first line)``)
    and the Markdown pages of ``docs_dir``, for ``procedures check``."""
    found: list[Problem] = []
    for path, body, first_line in pages:
        found += find_in_markdown(body, path, first_line)
    if docs_dir.is_dir():
        for file in sorted(docs_dir.rglob("*.md")):
            if any(part.startswith(".") for part in file.relative_to(docs_dir).parts):
                continue
            rel = file.relative_to(root).as_posix() if root in file.resolve().parents else file.as_posix()
            try:
                text = textfile.read_text(file)
            except textfile.TextFileError:
                continue  # reported by the build itself
            found += find_in_page(text, rel)
    return found
