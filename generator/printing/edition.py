"""Which print pages the site has, and what each holds: plain data, computed by the site plan.

A chapter is a top-level group of the nav, as the numbering counts them ("1. Statutory
Procedures"). Each chapter that holds a published procedure gets a page of its own,
``<folder>/<chapter>.md``; the whole manual gets ``<folder>/manual.md``. Procedures that are in no
chapter (listed at the top of the nav, or not at all) make a last part, "Other procedures".

Every procedure is printed with an ``anchor``, the id of its title in the page; every id in its
text is that anchor, two hyphens and the id it has on its own page (``statutory-referrals--purpose``),
so that the ids of many procedures never clash and a link to ``referrals.md#purpose`` finds its
heading in the print page too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from ..core.numbering import NavNode, page_order
from ..pages.render import render

WHOLE = "manual"  # the whole manual's page: <folder>/manual.md
OTHERS = "Other procedures"
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Related:
    """A page in a procedure's "Related procedures" box."""

    number: str
    title: str
    uri: str


@dataclass(frozen=True)
class Printed:
    """One procedure as the print edition shows it."""

    uri: str
    anchor: str  # the id of its title in a print page
    number: str
    title: str
    version: int
    last_updated: str  # ISO date
    last_updated_text: str
    address: str  # its web address: in full when site_url is set, otherwise from the site's root
    related: tuple[Related, ...] = ()

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title


@dataclass(frozen=True)
class Chapter:
    anchor: str  # the id of its heading
    number: str
    title: str
    uri: str  # its own print page
    procedures: tuple[Printed, ...]

    @property
    def heading(self) -> str:
        if not self.number:
            return self.title
        return f"{self.number}. {self.title}" if "." not in self.number else f"{self.number} {self.title}"


@dataclass(frozen=True)
class Edition:
    """A print page: one chapter, or the whole manual (``whole``), whose page shows the chapters'
    pages one after another."""

    uri: str
    title: str
    chapters: tuple[Chapter, ...]
    whole: bool = False

    def procedures(self) -> dict[str, Printed]:
        return {p.uri: p for chapter in self.chapters for p in chapter.procedures}

    def chapter(self, anchor: str) -> Chapter | None:
        return next((c for c in self.chapters if c.anchor == anchor), None)


@dataclass
class Editions:
    whole: Edition | None = None
    chapters: tuple[Edition, ...] = ()

    @property
    def pages(self) -> dict[str, Edition]:
        every = ([self.whole] if self.whole else []) + list(self.chapters)
        return {edition.uri: edition for edition in every}

    def chapters_holding(self, uris: Iterable[str]) -> list[Edition]:
        """The chapters' pages that hold any of the procedures ``uris``, in order."""
        wanted = set(uris)
        return [e for e in self.chapters if any(p.uri in wanted for p in e.chapters[0].procedures)]


def slug(text: str, limit: int = 48) -> str:
    """A short path or id made of the words of ``text``: "Allegations & the LADO" -> allegations-the-lado."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(words) > limit:
        words = words[: limit + 1].rsplit("-", 1)[0]
    return words or "chapter"


def _unique(wanted: str, taken: set[str]) -> str:
    candidate, count = wanted, 1
    while candidate in taken:
        count += 1
        candidate = f"{wanted}-{count}"
    taken.add(candidate)
    return candidate


def procedure_anchor(uri: str) -> str:
    """``statutory/referrals.md`` -> ``statutory-referrals``: the procedure's id in a print page."""
    return slug(uri[:-3] if uri.endswith(".md") else uri, limit=200)


def plan_editions(
    nav: Sequence[NavNode],
    procedures: Mapping[str, Printed],
    *,
    group_numbers: Mapping[tuple[str, ...], str],
    folder: str,
    taken: Iterable[str] = (),
) -> Editions:
    """The print pages for ``procedures`` (published, in nav order where the nav lists them), as
    ``nav`` groups them into chapters. ``taken``: the site's other pages, which keep their paths."""
    folder = folder.strip("/")
    paths = {uri[len(folder) + 1:-3] for uri in taken if uri.startswith(folder + "/") and uri.endswith(".md")}
    paths |= {WHOLE, "index", "README"}
    anchors: set[str] = {p.anchor for p in procedures.values()}
    chapters: list[Chapter] = []
    placed: set[str] = set()
    loose: list[str] = []
    for node in nav:
        if node.is_group:
            members = [uri for uri in page_order(node.children or []) if uri in procedures and uri not in placed]
            if members:
                title = node.title or OTHERS
                name = slug(title)
                chapters.append(Chapter(
                    _unique(f"chapter-{name}", anchors), group_numbers.get((node.title or "",), ""), title,
                    f"{folder}/{_unique(name, paths)}.md", tuple(procedures[uri] for uri in members),
                ))
                placed.update(members)
        elif node.uri is not None and node.uri in procedures and node.uri not in placed:
            loose.append(node.uri)
            placed.add(node.uri)
    loose += [uri for uri in procedures if uri not in placed]
    if loose:
        name = slug(OTHERS)
        chapters.append(Chapter(
            _unique(f"chapter-{name}", anchors), "", OTHERS, f"{folder}/{_unique(name, paths)}.md",
            tuple(procedures[uri] for uri in loose),
        ))
    if not chapters:
        return Editions()
    return Editions(
        whole=Edition(f"{folder}/{WHOLE}.md", "Print edition: the whole manual", tuple(chapters), whole=True),
        chapters=tuple(Edition(c.uri, f"Print edition: {c.heading}", (c,)) for c in chapters),
    )


def edition_markdown(edition: Edition, bodies: Mapping[str, str]) -> str:
    """The Markdown of a print page: markers that ``extension.PrintExtension`` lays out, with each
    procedure's text (``bodies``, as its own page renders it). The whole manual's page has none:
    the theme shows the chapters' pages."""
    return render("print.md.j2", title=edition.title, chapters=() if edition.whole else edition.chapters, bodies=bodies)


def preview_markdown(edition: Edition) -> str:
    """What a print page holds under ``mkdocs serve`` (unless ``print_edition: serve`` is on)."""
    return render("print-preview.md.j2", title=edition.title)
