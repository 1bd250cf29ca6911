"""Placeholder links in Markdown sources: ``[text](#)``, ``[text]()`` and links without text.

Documents converted from Word are full of them: the link looks fine in the editor but goes
nowhere, or a screen reader announces an empty link. They are found in the source, so each one is
reported with its file and the line the link starts on. Links are found as Python-Markdown (and
so MkDocs) reads them: the text may wrap over the lines of one paragraph and may hold balanced
brackets (``[see [1]](#)``); in ``[a [b](c.md) d](#)`` the outer brackets are the link, to ``#``,
and the inner ones are text. Code (fenced blocks and `code spans`, which may wrap too) and HTML
comments are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..core import textfile
from ..core.mdtext import prose
from ..core.frontmatter import SplitError, split
from ..core.problems import Problem

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_OPENING = re.compile(r"\\.|\[", re.S)  # an escaped character, or a "[" that may open a link
_TITLE = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)", re.S)
# [label]: target, a reference definition; the target may be on the next line.
_REFERENCE = re.compile(r"^ {0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*(?:\n[ \t]*)?(?P<target><[^>\n]*>|\S*)[ \t]*$", re.M)
_HTML_A = re.compile(r"<a\s[^>]*?\bhref\s*=\s*(?P<q>[\"'])(?P<target>[^\"']*)(?P=q)", re.IGNORECASE)

FIX = "link it to a page or a web address, or remove the brackets and keep the text"


@dataclass(frozen=True)
class InlineLink:
    """An inline link ``[text](target)`` found in Markdown: where it starts and ends, its parts."""

    start: int  # offset of its "["
    end: int  # offset just after its ")"
    text: str
    target: str


def _target(raw: str) -> str:
    raw = raw.strip()
    return raw[1:-1].strip() if raw.startswith("<") and raw.endswith(">") else raw


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:37] + "..."


def _skip_space(text: str, at: int) -> int:
    """Past spaces and at most one line break (a blank line ends the paragraph)."""
    end = at
    while end < len(text) and text[end] in " \t":
        end += 1
    if end < len(text) and text[end] == "\n":
        end += 1
        while end < len(text) and text[end] in " \t":
            end += 1
        if end < len(text) and text[end] == "\n":
            return -1
    return end


def _closing_bracket(text: str, at: int) -> int:
    """The offset of the "]" that closes the "[" at ``at``, counting nested brackets; -1 if none
    closes it within the paragraph."""
    depth, index = 0, at
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index
        elif char == "\n" and _BLANK_LINE.match(text, index):
            return -1
        index += 1
    return -1


def _destination(text: str, at: int) -> tuple[str, int] | None:
    """``(target, offset after the closing ")")`` for the "(" at ``at``, or ``None``."""
    index = _skip_space(text, at + 1)
    if index < 0:
        return None
    start = index
    if index < len(text) and text[index] == "<":
        close = text.find(">", index)
        if close < 0 or "\n" in text[index:close]:
            return None
        index = close + 1
    else:
        depth = 0
        while index < len(text) and not text[index].isspace():
            char = text[index]
            if char == "\\":
                index += 2
                continue
            if char == "(":
                depth += 1
            elif char == ")":
                if depth == 0:
                    break
                depth -= 1
            index += 1
    target = text[start:index]
    after = _skip_space(text, index)
    if after < 0:
        return None
    title = _TITLE.match(text, after) if after > index else None
    if title is not None and not _BLANK_LINE.search(title.group(0)):
        after = _skip_space(text, title.end())
        if after < 0:
            return None
    if after < len(text) and text[after] == ")":
        return target, after + 1
    return None


def inline_links(text: str) -> list[InlineLink]:
    """The inline links (not images) of Markdown ``text`` (already blanked by ``prose``)."""
    found: list[InlineLink] = []
    index, end = 0, len(text)
    while index < end:
        opening = _OPENING.search(text, index)  # jump to the next "[" (or escape), not char by char
        if opening is None:
            break
        index = opening.start()
        if opening.group(0) != "[" or (index > 0 and text[index - 1] == "!"):
            index = opening.end()
            continue
        close = _closing_bracket(text, index)
        if close < 0 or close + 1 >= end or text[close + 1] != "(":
            index += 1
            continue
        destination = _destination(text, close + 1)
        if destination is None:
            index += 1
            continue
        # The outermost brackets make the link; any brackets inside are its text, as in Python-Markdown.
        target, after = destination
        found.append(InlineLink(index, after, text[index + 1:close], target))
        index = after
    return found


def find_in_markdown(text: str, path: str, first_line: int = 1) -> list[Problem]:
    """Warnings for placeholder and empty links in Markdown ``text`` starting at ``first_line``."""
    problems: list[Problem] = []
    clean = prose(text.replace("\r\n", "\n"))

    def add(offset: int, message: str) -> None:
        problems.append(Problem.of("placeholder-link", path, first_line + clean.count("\n", 0, offset), message))

    for link in inline_links(clean):
        label, target = link.text, _target(link.target)
        if target in ("", "#"):
            what = "'#'" if target else "nothing"
            if label.strip():
                add(link.start, f"the link [{_shown(label)}] points to {what}, a placeholder: {FIX}")
            else:
                add(link.start, f"an empty link [] points to {what}: remove it")
        elif not label.strip():
            add(link.start, f"the link to '{_shown(target)}' has no text: write what readers should see between the "
                            f"brackets, e.g. [Referral form]({_shown(target)})")
    for reference in _REFERENCE.finditer(clean):
        if _target(reference.group("target")) in ("", "#"):
            add(reference.start(), f"the link reference [{_shown(reference.group('label'))}] points to "
                                   f"{'#' if _target(reference.group('target')) else 'nothing'}, a placeholder: {FIX}")
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
