"""The generated glossary page: 0–9 and A to Z, with a jump list, see-also and "Used in" links.

A common term is used on most pages, so the "Used in" lists hold terms x pages links: at 500
pages and 300 terms, 28,000 of them. They are written by the template as one HTML paragraph per
term, with the pages' final addresses, rather than as Markdown links: Python-Markdown then
passes each list through whole instead of parsing every link, and the lists are left out of the
search index, where they would only be noise.
"""

from __future__ import annotations

from itertools import groupby
from ..pages.render import render
from . import definition
from .model import Glossary, letter_anchor


def glossary_markdown(
    glossary: Glossary,
    *,
    title: str,
    intro: str,
    used: dict[str, list[str]],
    titles: dict[str, str],
    urls: dict[str, str],
) -> str:
    """``used``: term anchor -> page uris; ``titles``: page uri -> the title readers see;
    ``urls``: page uri -> its address relative to the glossary page."""
    terms = sorted(glossary.terms, key=lambda t: t.sort_key)
    names = glossary.by_name()
    letters = []
    for heading, group in groupby(terms, key=lambda t: t.group):
        entries = []
        for term in group:
            entries.append({
                "term": term.term,
                "anchor": term.anchor,
                "acronym": term.acronym,
                "aliases": term.aliases,
                "definition": definition.to_markdown(term.definition),
                "see_also": [names[s.casefold()] for s in term.see_also if s.casefold() in names],
                "used_in": [
                    {"title": titles.get(page, page), "url": urls[page]}
                    for page in used.get(term.anchor, [])
                ],
            })
        letters.append({"letter": heading, "anchor": letter_anchor(heading), "terms": entries})
    return render("glossary.md.j2", title=title, intro=intro, letters=letters)
