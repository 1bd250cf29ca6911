"""One compiled pattern for every form of every term, built once per build from a trie.

An alternation of hundreds of terms costs about 13 ms a page; a regex compiled from a trie of
the same terms about 1 ms (see shared/notes/performance.md), because the engine never retries a
prefix it has already matched. Ordinary forms match without case; acronyms, and any other form
written all in capitals (an alias such as DSL), only in capitals. A plural (-s, -es; -ies for a
form ending in a consonant and y, so "Section 47 enquiries" finds "Section 47 Enquiry") or a
possessive ('s) links to the singular entry. Irregular plurals ("children in need") are aliases.
At one position the longest form wins, so "Child Sexual Exploitation" beats "Exploitation".
A straight and a curly apostrophe are the same ("Children’s Guardian" in the glossary finds
"children's guardian" in a page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .model import Glossary, Term

_SUFFIX = r"(?:'s|\u2019s|es|s)?"
_CONSONANT_Y = re.compile(r"[b-df-hj-np-tv-z]y$")


def ies_plural(form: str) -> str | None:
    """The -ies plural of a (case-folded) form ending in a consonant and y: "enquiry" -> "enquiries"."""
    return form[:-1] + "ies" if _CONSONANT_Y.search(form) else None


def _key(text: str) -> str:
    """A form as it is looked up: its words one space apart, a curly apostrophe made straight."""
    return " ".join(text.split()).replace("\u2019", "'")


def capitals_only(form: str) -> bool:
    """A form written all in capitals (LADO, DSL) matches only in capitals, as an acronym does."""
    return form.isupper()


_Trie = dict[str, "_Trie"]  # each character of a word leads to the rest; "" marks a word's end


def _trie_pattern(words: list[str]) -> str:
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: _Trie) -> str:
    ends = "" in node
    branches = [re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def _loose(pattern: str) -> str:
    """A space in a form matches any run of white space (a term may wrap across lines), an
    apostrophe either apostrophe."""
    return pattern.replace("\\ ", r"\s+").replace("'", "['\u2019]")


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term: Term


class Matcher:
    """Finds the terms of a glossary in text. Terms with ``link: false`` are never found."""

    def __init__(self, glossary: Glossary) -> None:
        self.ordinary: dict[str, Term] = {}
        self.acronyms: dict[str, Term] = {}
        for term in glossary.terms:
            if not term.link:
                continue
            for form in term.forms:
                form = _key(form)
                if capitals_only(form):
                    self.acronyms[form] = term
                else:
                    self.ordinary[form.casefold()] = term
            if term.acronym:
                self.acronyms[_key(term.acronym)] = term
        # "enquiries" for "enquiry", in the same trie; a form written in the glossary comes first.
        for form, term in list(self.ordinary.items()):
            plural = ies_plural(form)
            if plural is not None:
                self.ordinary.setdefault(plural, term)
        # No text shorter than the shortest form can hold a term: most tails are "\n" or ", ".
        self.shortest = min((len(f) for f in [*self.ordinary, *self.acronyms]), default=0)
        parts = []
        if self.ordinary:
            parts.append("(?P<o>(?i:" + _loose(_trie_pattern(sorted(self.ordinary))) + "))")
        if self.acronyms:
            parts.append("(?P<a>" + _loose(_trie_pattern(sorted(self.acronyms))) + ")")
        self.pattern = (
            re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?P<s>" + _SUFFIX + r")(?![\w-])") if parts else None
        )

    def find(self, text: str) -> Iterator[Match]:
        if self.pattern is None or len(text) < self.shortest:
            return
        for m in self.pattern.finditer(text):
            if m.group("o") is not None:
                term = self.ordinary.get(_key(m.group("o")).casefold())
            else:
                term = self.acronyms.get(_key(m.group("a")))
            if term is not None:
                yield Match(m.start(), m.end(), term)
