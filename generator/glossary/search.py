"""The glossary in Material's search index, which the adapter edits in memory before it is written.

- A page's first entry gets the forms (term, aliases, acronym) of the terms the page uses, so
  that "CSE" finds the pages about Child Sexual Exploitation; the page itself shows nothing extra,
  and nor does the search result (the forms are in an element glossary.css hides there).
- A page titled with a term ("Child Sexual Exploitation") is titled with the term's acronym and
  aliases as well, "Child Sexual Exploitation – CSE", so that it comes first for "CSE" among
  the many pages that mention CSE.
- A term's own entry on the glossary page (its heading's section) is titled with its acronym and
  aliases too, "Local Authority Designated Officer – LADO", and boosted, so that searching a
  term's name, acronym or alias puts its definition among the first results. Material scores a
  page's first entry 2.5 times a section with the same words (1 + 2² against 1 + 1²), and a
  title 1,000 times the text; the boost of 2 brings a term's entry close to a page whose title
  holds the same words, without putting it above that page.

Entries are Material's: ``location``, ``title`` and ``text`` as HTML (shown as HTML in the
results), and an optional ``boost`` (Material's own, set from a page's ``search: boost:``). What
we add goes in as Material writes text: ``<`` and ``&`` escaped, quotes as they are. A curly
apostrophe is made straight, as readers type it: Material searches words as written, and
"children’s", rare beside the "children's" of the pages, would outrank every other word that
starts with "children".
"""

from __future__ import annotations

import html
import re
from typing import Any, Iterable

from .model import Glossary, Term

ENTRY_BOOST = 2.0
FORMS_CLASS = "pm-search-forms"  # hidden in the results by glossary.css
_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?\s+")  # "3.9 " before a numbered page's title
_BRACKETED = re.compile(r"\(([A-Z][A-Z0-9&]*[A-Z0-9])\)")  # "(CME)" in a term's name


def term_forms(term: Term) -> list[str]:
    """Every form readers may search a term by."""
    return [term.term, *term.aliases] + ([term.acronym] if term.acronym else [])


def entry_title(title: str, term: Term) -> str:
    """A search title (HTML) with the term's acronym and aliases after it, but for a form the
    title already is: "Local Authority Designated Officer – LADO".

    A dash and commas keep each form a word of its own: Material splits words only at spaces and
    hyphens, and matches the start of a word, so "(LADO)" would not be found by "LADO". For the
    same reason an acronym in brackets in the term's name, "Children Missing Education (CME)",
    is said again."""
    shown = _plain(title)
    acronyms = ([term.acronym] if term.acronym else []) + _BRACKETED.findall(term.term)
    aliases = [a for a in term.aliases if a.casefold() != shown]
    extra = list(dict.fromkeys(acronyms)) + (["also " + ", ".join(aliases)] if aliases else [])
    return f"{_straight(title)} \u2013 {_text(', '.join(extra))}" if extra else _straight(title)


def add_glossary(
    entries: Iterable[dict[str, Any]], glossary: Glossary, *, page_url: str, forms_by_url: dict[str, list[str]],
) -> None:
    """Edit Material's entries in place. ``page_url``: the glossary page's URL (entries' locations
    are URLs); ``forms_by_url``: page URL -> the forms of the terms that page uses."""
    terms = {term.anchor: term for term in glossary.terms}
    named = {_straight(form).casefold(): term for term in glossary.terms for form in [term.term, *term.aliases]}
    for entry in entries:
        location = entry.get("location", "")
        path, _, anchor = location.partition("#")
        if not anchor:  # a page's first entry; its sections have "#anchor" locations
            forms = forms_by_url.get(location)
            if forms:
                entry["text"] = f'{entry.get("text", "")} <span class="{FORMS_CLASS}">{_text(" ".join(forms))}</span>'
            term = named.get(_plain(entry.get("title", ""))) if path != page_url else None
            if term is not None:
                entry["title"] = entry_title(entry.get("title", ""), term)
        elif path == page_url and anchor in terms:
            entry["title"] = entry_title(entry.get("title", ""), terms[anchor])
            entry["boost"] = ENTRY_BOOST


def _text(text: str) -> str:
    """Plain text as Material writes it into an entry."""
    return html.escape(_straight(text), quote=False)


def _straight(text: str) -> str:
    return text.replace("\u2019", "'")


def _plain(title: str) -> str:
    """A search title as text to compare with a term: no HTML entities, section number or case."""
    return _straight(_NUMBER.sub("", html.unescape(title)).strip()).casefold()
