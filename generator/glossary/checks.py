"""The glossary's part of `procedures check`: the same checks as the build, from the sources."""

from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import Any, Iterable

from ..core.problems import Problems
from ..topics.model import check_keywords
from .matcher import Matcher
from .model import load_glossary
from .usage import acronym_warnings, scan_usage, unused_warnings


def check_glossary(root: Path, options: dict, pages: Iterable[tuple[str, str]], topics: Any = None) -> Problems:
    """``pages``: (site uri, Markdown) of the published pages the linker works on; ``topics``: the
    topic list, to check the terms' ``topics`` against."""
    settings = options.get("glossary") or {}
    if settings.get("enabled", True) is False:
        return Problems()
    shown = str(settings.get("path") or "glossary.yml")
    glossary, problems = load_glossary(root / shown, shown)
    if glossary is None:
        return problems
    page = str(settings.get("page") or "glossary.md")
    exclude = [str(p) for p in settings.get("exclude") or []]
    linked = [(uri, text) for uri, text in pages if uri != page and not any(fnmatch.fnmatch(uri, p) for p in exclude)]
    if topics is not None:
        for term in glossary.terms:
            line = term.line_of("topics")
            check_keywords(topics, glossary.path, [(t, line) for t in term.topics], problems, field_name="topics")
    problems.extend(unused_warnings(glossary, scan_usage(Matcher(glossary), linked)))
    problems.extend(acronym_warnings(glossary, linked, [str(w) for w in settings.get("ignore_acronyms") or []]))
    return problems
