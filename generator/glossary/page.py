"""The generated glossary page: A to Z, with a jump list, see-also and "Used in" links."""

from __future__ import annotations

from itertools import groupby

from ..core import mdtext
from ..pages.render import render
from . import definition
from .model import Glossary, letter_anchor


def glossary_markdown(
    glossary: Glossary,
    *,
    uri: str,
    title: str,
    intro: str,
    used: dict[str, list[str]],
    titles: dict[str, str],
) -> str:
    """``used``: term anchor -> page uris; ``titles``: page uri -> the title readers see."""
    terms = sorted(glossary.terms, key=lambda t: t.term.casefold())
    names = glossary.by_name()
    letters = []
    for letter, group in groupby(terms, key=lambda t: t.letter):
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
                    {"title": titles.get(page, page), "link": mdtext.link_to(page, uri)}
                    for page in used.get(term.anchor, [])
                ],
            })
        letters.append({"letter": letter, "anchor": letter_anchor(letter), "terms": entries})
    return render("glossary.md.j2", title=title, intro=intro, letters=letters)
