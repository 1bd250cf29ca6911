"""What readers see: the info-sheets' generated lists, the Topics page, and each page's boxes.

Everything here is computed from the sources once the navigation (and so the numbering) is
known, before any page is rendered. Lists are built from ``TopicEntry`` items: anything that has
topics and a place in the site. Procedures and info-sheets are turned into entries here;
flowcharts and glossary terms are plugged in by passing more entries (see ``TopicEntry``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from ..core import mdtext
from ..core.dates import format_date
from ..core.manual import Manual
from ..pages.render import render
from ..links.graph import LinkCache, ScannedPage
from ..infosheets.model import InfoSheet
from .sources import TopicSources

# The kinds of entry, in the order lists show them, with the label the Topics page puts in front.
KINDS: dict[str, str] = {
    "info-sheet": "Info-sheet",
    "procedure": "",
    "flowchart": "Flowchart",
    "term": "Glossary",
}


@dataclass(frozen=True)
class TopicEntry:
    """One thing with topics that lists can show: a procedure, info-sheet, flowchart or glossary term.

    ``uri`` is the source uri of the page it lives on (``statutory/referrals.md``,
    ``glossary.md``) and ``anchor`` an optional ``#id`` on that page. ``group`` is the heading it is
    listed under on an info-sheet (a section label, "Flowcharts", "Glossary terms"), ordered by
    ``group_order``; inside a group entries are ordered by ``order``, then title. Only published
    things are made into entries, so archived and draft pages drop out of every list.
    """

    kind: str
    uri: str
    title: str
    topics: tuple[str, ...]
    number: str = ""
    summary: str = ""
    version: int | None = None
    last_updated: dt.date | None = None
    anchor: str = ""
    group: str = ""
    group_order: int = 0
    order: int = 0


@dataclass(frozen=True)
class Target:
    """A page shown in a "Related procedures" or "Referred to by" box."""

    uri: str
    number: str
    title: str
    summary: str = ""


@dataclass
class IndexPage:
    path: str = "topics.md"
    title: str = "Topics"
    intro: str = ""


@dataclass
class Views:
    sheet_markdown: dict[str, str] = field(default_factory=dict)  # sheet uri -> Markdown to append
    index_markdown: str | None = None
    related: dict[str, list[Target]] = field(default_factory=dict)
    referred_by: dict[str, list[Target]] = field(default_factory=dict)

    def fingerprints(self, uris: Iterable[str]) -> dict[str, str]:
        """A digest of what is generated for each page, to tell which outputs a change made stale."""
        out = {}
        for uri in uris:
            data = {
                "lists": self.sheet_markdown.get(uri, ""),
                "related": [asdict(t) for t in self.related.get(uri, [])],
                "referred_by": [asdict(t) for t in self.referred_by.get(uri, [])],
            }
            out[uri] = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()
        return out


def procedure_entries(
    manual: Manual, sources: TopicSources, numbers: dict[str, str], nav_order: list[str]
) -> list[TopicEntry]:
    """The published procedures as entries, grouped by section in the sections' order."""
    order = {uri: i for i, uri in enumerate(nav_order)}
    entries = []
    for index, section in enumerate(manual.sections):
        for page in manual.in_section(section):
            entries.append(TopicEntry(
                kind="procedure",
                uri=page.uri,
                title=page.title,
                topics=tuple(sources.keywords.get(page.uri, ())),
                number=numbers.get(page.uri, ""),
                summary=page.meta.summary,
                version=page.meta.version,
                last_updated=page.meta.last_updated,
                group=section.label,
                group_order=index,
                order=order.get(page.uri, len(order)),
            ))
    return entries


def sheet_entries(sources: TopicSources, numbers: dict[str, str], nav_order: list[str]) -> list[TopicEntry]:
    order = {uri: i for i, uri in enumerate(nav_order)}
    return [
        TopicEntry(
            kind="info-sheet", uri=uri, title=sheet.title, topics=tuple(sheet.topics),
            number=numbers.get(uri, ""), summary=sheet.meta.summary, version=sheet.meta.version,
            last_updated=sheet.meta.last_updated, group=sheet.section.label, order=order.get(uri, len(order)),
        )
        for uri, sheet in sources.sheets.items()
        if sheet.status == "published"
    ]


def _entry_key(entry: TopicEntry) -> tuple[int, int, str, int, str, str]:
    kinds = list(KINDS)
    kind = kinds.index(entry.kind) if entry.kind in kinds else len(kinds)
    return (kind, entry.group_order, entry.group, entry.order, entry.title.casefold(), entry.anchor)


def _row(entry: TopicEntry, from_uri: str, date_format: str) -> dict[str, str]:
    stamp = ""
    if entry.last_updated is not None and entry.version:
        stamp = f"Last updated: {format_date(entry.last_updated, date_format)} · v{entry.version}"
    elif entry.version:
        stamp = f"v{entry.version}"
    return {
        "kind": KINDS.get(entry.kind, entry.kind.capitalize()),
        "number": entry.number,
        "title": entry.title,
        "link": mdtext.link_to(entry.uri, from_uri) + (f"#{entry.anchor}" if entry.anchor else ""),
        "summary": entry.summary,
        "stamp": stamp,
    }


def sheet_markdown(sheet: InfoSheet, entries: list[TopicEntry], sources: TopicSources, date_format: str) -> str:
    """The Markdown appended to an info-sheet: its lists by group, then its resources."""
    wanted = set(sheet.topics)
    groups: list[dict[str, Any]] = []  # {'label': the group's heading, 'rows': its rows}
    for entry in sorted((e for e in entries if e.kind != "info-sheet" and wanted & set(e.topics)), key=_entry_key):
        if not groups or groups[-1]["label"] != entry.group:
            groups.append({"label": entry.group, "rows": []})
        groups[-1]["rows"].append(_row(entry, sheet.uri, date_format))
    assert sources.topics is not None or not wanted
    labels = [sources.topics.topics[k].label for k in sheet.topics] if sources.topics else []
    return render(
        "info-sheet-lists.md.j2",
        topics=labels,
        groups=groups,
        resources=[{"title": r.title, "url": markdown_url(r.url), "description": r.description} for r in sheet.resources],
    )


def index_markdown(page: IndexPage, entries: list[TopicEntry], sources: TopicSources, date_format: str) -> str:
    assert sources.topics is not None
    topics = []
    for topic in sources.topics.sorted():
        rows = [_row(e, page.path, date_format) for e in sorted(entries, key=_entry_key) if topic.key in e.topics]
        topics.append({"label": topic.label, "description": topic.description, "rows": rows})
    return render("topics.md.j2", title=page.title, intro=page.intro, topics=topics)


def markdown_url(url: str) -> str:
    """An external address that Markdown keeps in one piece as a link target."""
    for char, code in ((" ", "%20"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E"), ('"', "%22"), ("`", "%60")):
        url = url.replace(char, code)
    return url


def build_views(
    manual: Manual,
    sources: TopicSources,
    *,
    numbers: dict[str, str],
    nav_order: list[str],
    date_format: str,
    docs_pages: dict[str, Path],
    link_cache: LinkCache,
    built: set[str],
    index: IndexPage | None = None,
    extra_entries: Iterable[TopicEntry] = (),
    extra_referrers: Iterable[ScannedPage] = (),
    extra_links: Mapping[str, Iterable[tuple[str, int]]] | None = None,
    generated: Mapping[str, str] | None = None,
) -> Views:
    """Compute the sheets' lists, the Topics page and the boxes of every page in ``built``.

    ``docs_pages`` are the hand-written pages of ``docs_dir`` (uri -> file), scanned for links;
    ``extra_referrers`` are generated pages whose links should count (flowcharts' own pages, for
    example); ``extra_links`` are links a page has besides those written in its Markdown (page uri
    -> (target uri, line)), such as the steps of a flowchart it embeds; ``generated`` are the
    pages the plan generates (uri -> title), which a box may show too.
    """
    views = Views()
    _lists(views, manual, sources, numbers, nav_order, date_format, built, index, extra_entries)
    targets = _targets(manual, sources, numbers, docs_pages, link_cache)
    for uri, title in (generated or {}).items():
        targets.setdefault(uri, Target(uri, numbers.get(uri, ""), title))
    for uri in built:
        related = [targets[u] for u in sources.related.get(uri, []) if u in targets]
        if related:
            views.related[uri] = related
    referrers = _published_referrers(manual, sources, docs_pages, link_cache, extra_referrers, numbers)
    _referred_by(views, referrers, extra_links or {}, nav_order, built)
    return views


def _lists(
    views: Views, manual: Manual, sources: TopicSources, numbers: dict[str, str], nav_order: list[str],
    date_format: str, built: set[str], index: IndexPage | None, extra_entries: Iterable[TopicEntry],
) -> None:
    """The info-sheets' lists of procedures and the Topics page, when the manual has topics."""
    if sources.topics is None:
        return
    entries = procedure_entries(manual, sources, numbers, nav_order) + list(extra_entries)
    for uri, sheet in sources.sheets.items():
        if uri in built:
            views.sheet_markdown[uri] = sheet_markdown(sheet, entries, sources, date_format)
    if index is not None:
        everything = entries + sheet_entries(sources, numbers, nav_order)
        views.index_markdown = index_markdown(index, everything, sources, date_format)


def _referred_by(
    views: Views, published: Iterable[tuple[ScannedPage, Target]], extra_links: Mapping[str, Iterable[tuple[str, int]]],
    nav_order: list[str], built: set[str],
) -> None:
    """Each built page's "referred to by" box: the published pages that link to it, in menu order."""
    incoming: dict[str, set[str]] = {}
    referrers: dict[str, Target] = {}
    for page, target in published:
        referrers[page.uri] = target
        for linked, _line in (*page.links, *extra_links.get(page.uri, ())):
            if linked != page.uri:
                incoming.setdefault(linked, set()).add(page.uri)
    order = {uri: i for i, uri in enumerate(nav_order)}

    def key(target: Target) -> tuple[int, str, str]:
        return (order.get(target.uri, len(order)), target.title.casefold(), target.uri)

    for uri in built:
        if uri in incoming:
            views.referred_by[uri] = sorted((referrers[u] for u in incoming[uri]), key=key)


def _targets(
    manual: Manual, sources: TopicSources, numbers: dict[str, str], docs_pages: dict[str, Path], link_cache: LinkCache
) -> dict[str, Target]:
    """Every page a box may show, with its number and title."""
    out: dict[str, Target] = {}
    for uri, path in docs_pages.items():
        out[uri] = Target(uri, numbers.get(uri, ""), link_cache.scan(path, uri).title)
    for pages in (manual.pages, sources.sheets):
        for uri, page in pages.items():
            out[uri] = Target(uri, numbers.get(uri, ""), page.title, page.meta.summary)
    return out


def _published_referrers(
    manual: Manual, sources: TopicSources, docs_pages: dict[str, Path], link_cache: LinkCache,
    extra: Iterable[ScannedPage], numbers: dict[str, str],
) -> Iterator[tuple[ScannedPage, Target]]:
    """(scanned page, how it is shown) for every published page whose links count as references."""
    for uri, page in list(manual.pages.items()) + list(sources.sheets.items()):
        if page.status == "published":
            scanned = link_cache.scan(page.abs_path, uri, body=page.body, body_line=page.body_line, title=page.title)
            yield scanned, Target(uri, numbers.get(uri, ""), page.title, page.meta.summary)
    for uri, path in docs_pages.items():
        if uri not in sources.sheets and uri not in manual.pages:
            scanned = link_cache.scan(path, uri)
            yield scanned, Target(uri, numbers.get(uri, ""), scanned.title)
    for scanned in extra:
        yield scanned, Target(scanned.uri, numbers.get(scanned.uri, ""), scanned.title)


def keyword_entries(
    kind: str,
    items: Iterable[Any],
    keys: dict[str, list[str]],
    numbers: dict[str, str],
    nav_order: list[str],
    group: str,
    group_order: int,
) -> list[TopicEntry]:
    """Entries for other things with ``keywords`` (flowcharts): ``items`` have ``.uri`` and ``.meta``.

    ``keys`` maps each item's uri to its keywords already checked against the topic list.
    """
    order = {uri: i for i, uri in enumerate(nav_order)}
    return [
        TopicEntry(
            kind=kind,
            uri=item.uri,
            title=item.meta.title,
            topics=tuple(keys.get(item.uri, ())),
            number=numbers.get(item.uri, ""),
            summary=item.meta.summary,
            version=item.meta.version,
            last_updated=item.meta.last_updated,
            group=group,
            group_order=group_order,
            order=order.get(item.uri, len(order)),
        )
        for item in items
        if item.meta.status == "published" and keys.get(item.uri)
    ]
