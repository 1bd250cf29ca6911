"""The plan's part for the two single sources of what goes stale: contacts.yml and legislation.yml.

``load`` reads both files; ``add_pages`` adds the generated Contacts and Statutory framework
pages; ``fill`` works out, from the sources, which pages use which contact and cite which
provision, writes the two pages' Markdown and runs the checks (unknown keys, numbers typed by
hand, stale editions named in text or cited, unused and overdue contacts). ``basis_view`` is a
procedure's "Statutory basis" box. Nothing here knows MkDocs.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from .. import review
from ..review.due import CONTACT
from ..contacts.model import ContactBook, load_contacts
from ..contacts.usage import check_uses, typed_numbers, unused_notes
from ..core import dates
from ..core.problems import Problems
from ..links.graph import title_of
from ..legislation.citations import Citations, check_citations
from ..legislation.model import CURRENT, KINDS, Entry, Register, load_register
from ..legislation.staleness import StaleNames
from ..pages.render import render
from ..project import Project
from .urls import relative_url
from .views import StatuteView

if TYPE_CHECKING:
    from .plan import SitePlan

# (uri, where an officer finds it, Markdown, line of its first line): a page's text, as the checks read it.
Written = tuple[str, str, str, int]



@dataclass
class Reference:
    contacts: ContactBook | None = None
    register: Register | None = None
    broken: set[str] = field(default_factory=set)  # the files that exist but could not be read: uses are not checked
    contact_uses: dict[str, list[str]] = field(default_factory=dict)  # contact key -> page uris
    citations: Citations = field(default_factory=Citations)
    contacts_page: str | None = None  # the generated Contacts page, where contacts link to
    titles: dict[str, str] = field(default_factory=dict)  # page uri -> the title readers see, number and all


def load(project: Project) -> tuple[Reference, Problems]:
    settings, problems = project.settings, Problems()
    out = Reference()
    if settings.contacts.enabled:
        out.contacts, found = load_contacts(project.root / settings.contacts.path, settings.contacts.path)
        problems.extend(found)
        if out.contacts is None and found.errors:
            out.broken.add("contacts")
    if settings.legislation.enabled:
        out.register, found = load_register(project.root / settings.legislation.path, settings.legislation.path)
        problems.extend(found)
        if out.register is None and found.errors:
            out.broken.add("legislation")
    return out, problems


def pages_wanted(project: Project, reference: Reference) -> list[tuple[str, str, str]]:
    """(path, title, what) of the generated pages this part adds: a page for each file there is."""
    settings = project.settings
    wanted = []
    if reference.contacts is not None:
        wanted.append((settings.contacts.page, settings.contacts.title, "contacts"))
    if reference.register is not None:
        wanted.append((settings.legislation.page, settings.legislation.title, "legislation"))
    return wanted


def fill(plan: "SitePlan", written: list[Written]) -> Problems:
    """Uses, citations, the two pages' Markdown, and every problem found on the way."""
    reference, settings = plan.reference, plan.project.settings
    problems = Problems()
    reference.titles = {uri: plan.title(uri, plan.pages[uri].title or title_of(text, uri)) for uri, _, text, _ in written}
    reference.contact_uses, found = check_uses(reference.contacts, written, settings.contacts.path)
    problems.extend(p for p in found if "contacts" not in reference.broken)
    problems.extend(typed_numbers(reference.contacts, written, settings.contacts.path))
    if reference.contacts is not None:
        problems.extend(unused_notes(reference.contacts, reference.contact_uses))
        problems.extend(review.overdue_warnings(reviewables(plan), plan.project.today, settings.date_format))
    procedures = [(p.uri, p.uri, p.meta.statutory_basis) for p in plan.manual.pages.values() if p.uri in plan.pages]
    reference.citations = check_citations(reference.register, procedures, settings.legislation.path)
    problems.extend(p for p in reference.citations.problems if "legislation" not in reference.broken)
    if reference.register is not None:
        problems.extend(_stale_text(plan, StaleNames(reference.register), written))
    _contacts_page(plan)
    _framework_page(plan)
    return problems


def reviewables(plan: "SitePlan") -> list[review.Reviewable]:
    """The contacts, for the review warnings and `procedures report`: each has an owner and a date."""
    book = plan.reference.contacts
    return [review.Reviewable(CONTACT, c.review_meta(book.path)) for c in book.contacts.values()] if book else []


def _stale_text(plan: "SitePlan", names: StaleNames, written: list[Written]) -> Problems:
    """Stale editions named in pages' text, and in the titles and summaries of their front matter."""
    problems = Problems()
    texts = list(written)
    for uri, _, _, _ in written:
        source: Any = plan.manual.pages.get(uri) or plan.sources.sheets.get(uri)
        if source is not None:
            meta = source.meta
            texts += [(uri, meta.path, getattr(meta, name), meta.line_of(name))
                      for name in ("title", "summary") if getattr(meta, name)]
    for _, shown, text, first_line in texts:
        for mention in names.mentions(text):
            problems.add("legislation-stale-text", shown, first_line + mention.line - 1, mention.message)
    return problems


# --------------------------------------------------------------------------- the generated pages


def _linked_pages(plan: "SitePlan", uris: list[str], here: str) -> list[dict[str, str]]:
    """Pages as the generated pages link them: the title readers see, and the address from ``here``."""
    order = {uri: i for i, uri in enumerate(plan.nav_order)}
    ordered = sorted((uri for uri in uris if uri in plan.pages), key=lambda uri: (order.get(uri, len(order)), uri))
    at = plan.url(here)
    titles = plan.reference.titles
    return [{"title": titles.get(uri) or plan.title(uri), "url": relative_url(plan.url(uri), at)} for uri in ordered]


def _generated(plan: "SitePlan", path: str) -> bool:
    page = plan.pages.get(path)
    return page is not None and page.kind == "generated"


def _contacts_page(plan: "SitePlan") -> None:
    options, book = plan.project.settings.contacts, plan.reference.contacts
    if book is None or not _generated(plan, options.page):
        return
    plan.reference.contacts_page = options.page
    entries = []
    for contact in book.sorted():
        kept = []
        if contact.owner:
            kept.append(f"Kept up to date by {contact.owner}.")
        if contact.review_due:
            kept.append(f"Next review: {dates.format_date(contact.review_due, plan.project.settings.date_format)}.")
        entries.append({
            "key": contact.key, "kept": " ".join(kept),
            "used_on": _linked_pages(plan, plan.reference.contact_uses.get(contact.key, []), options.page),
        })
    plan.pages[options.page].markdown = render("contacts.md.j2", title=options.title, intro=options.intro, contacts=entries)


def _framework_page(plan: "SitePlan") -> None:
    options, register = plan.project.settings.legislation, plan.reference.register
    if register is None or not _generated(plan, options.page):
        return
    resting = plan.reference.citations.resting

    def rest(cite: str) -> list[dict[str, str]]:
        return _linked_pages(plan, resting.get(cite, []), options.page)

    entries = sorted(register.entries.values(), key=lambda e: (e.title.casefold(), e.year))
    groups = []
    for kind, label in KINDS.items():
        listed = [_entry(e, rest) for e in entries if e.kind == kind and e.status == CURRENT]
        if listed:
            groups.append({"label": label, "anchor": f"kind-{kind}", "entries": listed})
    old = [_entry(e, rest, _replacement(register, e)) for e in entries if e.status != CURRENT]
    titles = {e.key: e.full_title for e in entries}
    plan.pages[options.page].markdown = render(
        "statutory-framework.md.j2", title=options.title, intro=options.intro, groups=groups, old=old, titles=titles,
    )


def _replacement(register: Register, entry: Entry) -> str:
    """The key of the edition that replaced ``entry``, or "" for one withdrawn."""
    latest = register.current(entry)
    return latest.key if latest is not entry else ""


def _entry(entry: Entry, rest: Callable[[str], list[dict[str, str]]], replaced_by: str = "") -> dict[str, Any]:
    return {
        "key": entry.key, "title": entry.full_title, "url": entry.url, "summary": entry.summary, "edition": entry.edition,
        "replaced_by": replaced_by, "pages": rest(entry.key),
        "provisions": [{"key": p.cite, "title": p.title, "url": p.url, "summary": p.summary, "pages": rest(p.cite)}
                       for p in entry.provisions],
    }


# --------------------------------------------------------------------------- views


def basis_view(plan: "SitePlan", uri: str) -> tuple[StatuteView, ...]:
    """A procedure's "Statutory basis" box: what it cites, each with its official text."""
    register = plan.reference.register
    page = plan.project.settings.legislation.page
    framework = plan.url(page) if _generated(plan, page) else None
    out = []
    for citation in plan.reference.citations.by_page.get(uri, []):
        entry, provision = citation.entry, citation.provision
        latest = register.current(entry) if register is not None else entry
        key = provision.cite if provision is not None else entry.key
        out.append(StatuteView(
            title=entry.full_title, provision=provision.title if provision is not None else "",
            url=provision.url if provision is not None else entry.url,
            framework_url=f"{framework}#{key}" if framework is not None else None,
            replaced_by=latest.full_title if latest is not entry else ("withdrawn" if entry.status != CURRENT else ""),
        ))
    return tuple(out)


def fingerprints(plan: "SitePlan", uris: list[str]) -> dict[str, str]:
    """A digest of the contacts and statutory basis a page shows, for `serve --dirty`: a page whose
    contact changed in contacts.yml, or whose guidance in legislation.yml, is built again, though
    its own file did not change."""
    book, uses = plan.reference.contacts, plan.reference.contact_uses
    shown: dict[str, list[str]] = {}
    for key, pages in uses.items():
        contact = book.get(key) if book is not None else None
        other = book.get(contact.out_of_hours_key) if book is not None and contact is not None else None
        for uri in pages:
            shown.setdefault(uri, []).extend((repr(contact), repr(other)))
    for uri in uris:
        shown.setdefault(uri, []).append(repr(basis_view(plan, uri)))
    return {uri: hashlib.sha256(json.dumps(shown[uri]).encode()).hexdigest() for uri in uris}
