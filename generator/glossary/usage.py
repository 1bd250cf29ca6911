"""Where terms and acronyms appear, read from the Markdown sources (build and `procedures check`).

The glossary page's "Used in" lists, the "term used nowhere" warning and the "acronym not in the
glossary" warning all come from this one scan of each page's prose (headings, code, link
targets and HTML left out), so the build and the command line agree, and the lists stay right
under `mkdocs serve --dirty`, where unchanged pages are not rendered again.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable

from ..core.problems import Problems
from ..core.mdtext import prose
from .matcher import Matcher, capitals_only
from .model import Glossary

_HEADING_LINE = re.compile(r"^ {0,3}#{1,6}\s.*$", re.M)
_LINK_TARGET = re.compile(r"\]\([^)]*\)|^ {0,3}\[[^\]]+\]:.*$|<[^>\n]+>|\{[^}\n]*\}", re.M)
_FLOWCHART_LINE = re.compile(r"^!flowchart\b.*$", re.M)
_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9&]*[A-Z](?:'?s)?(?![\w-])")


@functools.lru_cache(maxsize=4096)  # the "Used in" lists and the acronym warnings read each page
def body_text(markdown: str) -> str:
    """The prose the linker would see: no code, headings, link targets, HTML or attributes."""
    text = prose(markdown)
    text = _HEADING_LINE.sub("", text)
    text = _FLOWCHART_LINE.sub("", text)
    return _LINK_TARGET.sub(" ", text)


def scan_usage(matcher: Matcher, pages: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Term anchor -> the uris of the pages (uri, Markdown) whose prose uses it, in the order given."""
    used: dict[str, list[str]] = {}
    for uri, markdown in pages:
        seen = {m.term.anchor for m in matcher.find(body_text(markdown))}
        for anchor in seen:
            used.setdefault(anchor, []).append(uri)
    return used


def unused_warnings(glossary: Glossary, used: dict[str, list[str]]) -> Problems:
    problems = Problems()
    for term in glossary.terms:
        if term.link and term.anchor not in used:
            problems.add("glossary-unused-term",
                glossary.path, term.line,
                f"the term '{term.term}' is used on no page: remove it, or set 'link: false' if it should "
                "stay in the glossary without links",
            )
    return problems


def acronym_warnings(glossary: Glossary, pages: Iterable[tuple[str, str]], ignore: Iterable[str]) -> Problems:
    """Words of two or more capitals that are not a glossary acronym, with the pages they are on."""
    known = {t.acronym for t in glossary.terms if t.acronym} | set(ignore)
    known |= {form for t in glossary.terms for form in t.forms if capitals_only(form)}  # an alias such as DSL
    # ... and capitals that are part of a term's own name: "Emergency Protection Order (EPO)".
    known |= {match.group(0) for t in glossary.terms for form in t.forms for match in _ACRONYM.finditer(form)}
    found: dict[str, list[str]] = {}
    for uri, markdown in pages:
        for match in _ACRONYM.finditer(body_text(markdown)):
            word = match.group(0)
            if word.endswith("s") and word[:-1].rstrip("'").isupper():  # CSEs, LADO's
                word = word[:-1].rstrip("'")
            if word not in known and uri not in found.setdefault(word, []):
                found[word].append(uri)
    problems = Problems()
    for word, uris in sorted(found.items()):
        shown = ", ".join(uris[:5]) + (f" and {len(uris) - 5} more" if len(uris) > 5 else "")
        problems.add("glossary-unknown-acronym",
            glossary.path, 0,
            f"'{word}' looks like an acronym but is not in the glossary (used in {shown}): add a term with "
            f"'acronym: {word}', or add it to 'ignore_acronyms' under 'glossary' in mkdocs.yml",
        )
    return problems
