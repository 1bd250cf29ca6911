"""The history pages the site plan adds, and what the theme shows about them.

For each procedure and flowchart of the site (and each withdrawn one):

* ``<page>/history.md``: every version, newest first, with its date and note, and links to each
  version's text and to what changed (``statutory/referrals/history/``);
* ``<page>/v<n>.md``: a superseded version, as it was published (``statutory/referrals/v14/``);
* ``<page>/v<a>-to-v<b>.md``: what changed in version ``b``, against version ``a`` (the one before
  whose text is kept), word by word (``statutory/referrals/v14-to-v15/``).

None of them is in the menu, the search index or the sitemap, and all carry ``noindex``, so that
practitioners land on current text. The addresses depend only on the version numbers, so they stay
the same however often the site is built, and when git's history is rewritten.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping

from ..amendments.history import FLOWCHART_SUFFIXES, VersionedDocument, flowchart_page
from ..core.dates import format_date
from ..core.frontmatter import SplitError, split
from ..core.manual import Manual
from ..core.mdtext import link_to, title_heading, without_heading
from ..core.problems import Problems
from ..flowcharts.model import Flowchart, Library, parse_flowchart
from ..pages.render import render
from ..site.views import HistoryLink, OldVersionBanner, PageView, RedlineBanner
from . import git
from .links import Targets
from .versions import (
    FLOWCHART, PROCEDURE, Chains, Current, DocumentHistory, OldText, Version, decoded, follow, history_of, old_texts, read_header,
)

FULL_HISTORY = (
    "fetch the whole history: 'git fetch --unshallow' in a shallow clone, or in GitHub Actions "
    "'fetch-depth: 0' under 'with:' of actions/checkout"
)


@dataclass(frozen=True)
class HistoryPage:
    """A page the history adds: what it shows, and what the renderer needs for it."""

    uri: str
    kind: str  # history, version or redline
    document: DocumentHistory
    title: str
    markdown: str
    version: Version | None = None
    compared: Version | None = None  # a redline's older version
    redline: tuple[str, str] | None = None  # a redline's two texts (Markdown)
    charts: Mapping[str, Flowchart] = field(default_factory=dict)  # flowcharts shown as they were, by embed name

    @property
    def origin(self) -> str:
        """The page whose text this is: its links were written from there."""
        return self.document.page


@dataclass
class HistoryCache:
    """Git's answers kept across `mkdocs serve` rebuilds: the log by HEAD, blobs by id (a blob
    never changes)."""

    logs: dict[tuple[str, tuple[str, ...]], list[git.Commit]] = field(default_factory=dict)
    blobs: dict[str, str | None] = field(default_factory=dict)


@dataclass
class HistoryPlan:
    enabled: bool = False
    incomplete: str = ""  # why the texts of earlier versions are not all available ("" if git's history is whole)
    documents: dict[str, DocumentHistory] = field(default_factory=dict)  # current pages', by page
    withdrawn: dict[str, DocumentHistory] = field(default_factory=dict)  # by the page they had
    pages: dict[str, HistoryPage] = field(default_factory=dict)
    targets: Targets = field(default_factory=Targets)

    def history_uri(self, page: str) -> str | None:
        uri = history_uri(page)
        return uri if uri in self.pages else None

    def renamed(self) -> dict[str, str]:
        """Where each page that was moved is now: its earlier paths in the site -> its page."""
        out: dict[str, str] = {}
        for page, document in self.documents.items():
            for version in document.versions:
                if version.text is not None:
                    earlier = flowchart_page(version.text.path) if document.kind == FLOWCHART else version.text.path
                    if earlier != page:
                        out.setdefault(earlier, page)
        return out


def history_uri(page: str) -> str:
    return f"{_stem(page)}/history.md"


def version_uri(page: str, number: int) -> str:
    return f"{_stem(page)}/v{number}.md"


def redline_uri(page: str, old: int, new: int) -> str:
    return f"{_stem(page)}/v{old}-to-v{new}.md"


def _stem(page: str) -> str:
    return posixpath.splitext(page)[0]


# --------------------------------------------------------------------------- planning


@dataclass(frozen=True)
class Inputs:
    """What the history needs from the site plan."""

    root: Path
    manual: Manual
    library: Library
    site_pages: Mapping[str, str]  # every page of the site so far: uri -> kind
    docs_files: set[str]  # every file of docs_dir, by its path in the site
    sections: tuple[str, ...]  # content folders
    flowcharts: str | None  # the flowcharts folder, or None when they are off
    date_format: str


def plan_history(inputs: Inputs, cache: HistoryCache, problems: Problems) -> HistoryPlan:
    """Every page's history, from ``changes`` and whatever git holds; the pages it adds."""
    plan = HistoryPlan(enabled=True)
    current = _current(inputs)
    repo, reason = git.open_repository(inputs.root)
    chains = None
    if repo is not None:
        try:
            chains = _chains(repo, inputs, current, cache)
            reason = "the clone is shallow: git holds only its latest commits" if repo.shallow else ""
        except git.GitError as error:  # a damaged repository: the build goes on, from 'changes'
            reason = f"git could not read the manual's history ({error})"
    for page in current:
        texts = old_texts(chains.touches.get(page.source, []), _sources(cache), page.kind) if chains else {}
        plan.documents[page.page] = history_of(page, texts)
    if chains is not None:
        plan.withdrawn = _withdrawn(chains, cache, inputs)
    plan.incomplete = reason
    if reason and any(len(doc.versions) > 1 for doc in plan.documents.values()):
        problems.add(
            "history-incomplete", ".", 0,
            f"page histories list earlier versions from 'changes' only, without their texts and what changed, "
            f"because {reason}; to show them, {FULL_HISTORY}",
        )
    _add_pages(plan, inputs, problems)
    return plan


def _chains(repo: git.Repository, inputs: Inputs, current: list[Current], cache: HistoryCache) -> Chains:
    """Each page's commits, followed through renames, and the deleted pages; their texts read."""
    folders = [*inputs.sections, *([inputs.flowcharts] if inputs.flowcharts else [])]
    key = (repo.head, tuple(folders))
    if key not in cache.logs:
        cache.logs[key] = git.log(repo, folders)
    chains = follow(
        cache.logs[key], [c.source for c in current], lambda path: _kind(path, inputs) is not None,
        lambda deleted, added: _same_title(repo, deleted, added, inputs, cache),
    )
    _read_blobs(repo, [t.blob for touches in chains.touches.values() for t in touches], cache)
    return chains


def _current(inputs: Inputs) -> list[Current]:
    out = []
    for uri, kind in inputs.site_pages.items():
        if kind == "procedure":
            meta = inputs.manual.pages[uri].meta
            if meta.last_updated is not None:
                out.append(Current(uri, uri, PROCEDURE, meta.title, meta.version, meta.last_updated, tuple(meta.changes)))
        elif kind == "flowchart":
            chart = inputs.library.by_uri[uri]
            meta = chart.meta
            if meta.last_updated is not None:
                out.append(Current(chart.path, uri, FLOWCHART, meta.title, meta.version, meta.last_updated, tuple(meta.changes)))
    return out


def _kind(path: str, inputs: Inputs) -> str | None:
    """Whether a path is a procedure or flowchart source, as the site is configured now."""
    if inputs.flowcharts and path.startswith(inputs.flowcharts + "/") and path.endswith(FLOWCHART_SUFFIXES):
        return FLOWCHART
    if path.endswith(".md") and any(path.startswith(folder + "/") for folder in inputs.sections):
        return PROCEDURE
    return None


def _same_title(
    repo: git.Repository, deleted: git.FileChange, added: git.FileChange, inputs: Inputs, cache: HistoryCache,
) -> bool:
    """Whether a file deleted where another was added is the same page, moved and rewritten: the
    same kind, with the same title (as the version-bump guard tells a move)."""
    kind = _kind(deleted.path, inputs)
    if kind is None or kind != _kind(added.path, inputs):
        return False
    _read_blobs(repo, [deleted.old_blob, added.new_blob], cache)
    before, after = cache.blobs.get(deleted.old_blob), cache.blobs.get(added.new_blob)
    old = read_header(before, kind) if before is not None else None
    new = read_header(after, kind) if after is not None else None
    return old is not None and new is not None and bool(old.title) and old.title.casefold() == new.title.casefold()


def _read_blobs(repo: git.Repository, blobs: Iterable[str], cache: HistoryCache) -> None:
    missing = [b for b in dict.fromkeys(blobs) if b not in cache.blobs and not git.is_empty(b)]
    for blob, data in git.read_objects(repo.root, missing).items():
        cache.blobs[blob] = decoded(data)


def _sources(cache: HistoryCache) -> Mapping[str, str]:
    return {blob: text for blob, text in cache.blobs.items() if text is not None}


def _withdrawn(chains: Chains, cache: HistoryCache, inputs: Inputs) -> dict[str, DocumentHistory]:
    """The pages whose files were deleted, each with its history up to its last text."""
    out: dict[str, DocumentHistory] = {}
    sources = _sources(cache)
    for path, (sha, date) in chains.deleted.items():
        kind = _kind(path, inputs)
        page = flowchart_page(path) if kind == FLOWCHART else path
        if kind is None or page in inputs.site_pages or page in inputs.docs_files:
            continue
        texts = old_texts(chains.touches.get(path, []), sources, kind)
        if not texts:
            continue
        last = texts[max(texts)]
        header = read_header(last.text, kind)
        if header is None:
            continue
        when = header.last_updated or last.first_date
        record = Current(path, page, kind, header.title, header.version, when, header.changes)
        out[page] = history_of(record, texts, withdrawn=(sha, date))
    return out


def _add_pages(plan: HistoryPlan, inputs: Inputs, problems: Problems) -> None:
    taken = set(inputs.site_pages) | inputs.docs_files
    for document in [*plan.documents.values(), *plan.withdrawn.values()]:
        for page in _pages_of(document, inputs, plan):
            if page.uri in taken:
                problems.add(
                    "page-clash", page.uri, 0,
                    f"this page is where the history of {document.source} goes ({page.title}): rename or move it, or turn "
                    "the history off with 'history: enabled: false'",
                )
                continue
            plan.pages[page.uri] = page


def _pages_of(document: DocumentHistory, inputs: Inputs, plan: HistoryPlan) -> list[HistoryPage]:
    """The history page of ``document``, its superseded versions and its redlines."""
    pages = [HistoryPage(history_uri(document.page), "history", document, _title(document, "all updates"), "")]
    for version in document.versions:
        if version.text is not None:
            pages.append(_version_page(document, version, inputs))
        earlier = document.earlier_text(version.number)
        if earlier is not None and (version.text is not None or version.current):
            pages.append(_redline_page(document, earlier, version, inputs))
    history = pages[0]
    markdown = history_markdown(document, plan, inputs.date_format)
    pages[0] = HistoryPage(history.uri, history.kind, document, history.title, markdown)
    return pages


def _title(document: DocumentHistory, what: str) -> str:
    return f"{document.title}: {what}"


def _version_page(document: DocumentHistory, version: Version, inputs: Inputs) -> HistoryPage:
    assert version.text is not None
    uri = version_uri(document.page, version.number)
    title = f"{version.text.title or document.title}: version {version.number}"
    charts: dict[str, Flowchart] = {}
    if document.kind == FLOWCHART:
        name, chart = _old_chart(document, version.text, inputs)
        charts = {name: chart} if chart is not None else {}
        body = f"!flowchart {name}" if chart is not None else "The text of this version of the flowchart cannot be read."
        summary = chart.meta.summary if chart is not None else ""
        markdown = render("history-version.md.j2", title=title, summary=summary, body=body)
    else:
        markdown = render("history-version.md.j2", title=title, summary="", body=_body(version.text.text))
    return HistoryPage(uri, "version", document, title, markdown, version=version, charts=charts)


def _redline_page(document: DocumentHistory, earlier: Version, version: Version, inputs: Inputs) -> HistoryPage:
    uri = redline_uri(document.page, earlier.number, version.number)
    title = _title(document, f"what changed in version {version.number}")
    markdown = render("history-redline.md.j2", title=title)
    assert earlier.text is not None
    charts: dict[str, Flowchart] = {}
    if document.kind == FLOWCHART:
        texts = []
        for shown in (earlier, version):
            if shown.text is None:  # the current version: the flowchart as the site has it
                texts.append(f"!flowchart {posixpath.splitext(posixpath.basename(document.source))[0]}")
                continue
            name, chart = _old_chart(document, shown.text, inputs)
            if chart is not None:
                charts[name] = chart
            texts.append(f"!flowchart {name}" if chart is not None else "")
        redline = (texts[0], texts[1])
    else:
        new = _body(version.text.text) if version.text is not None else inputs.manual.pages[document.page].body
        redline = (_body(earlier.text.text), new)
    return HistoryPage(
        uri, "redline", document, title, markdown, version=version, compared=earlier, redline=redline, charts=charts,
    )


def _body(text: str) -> str:
    """An old procedure's Markdown without its front matter and without a ``# Title`` that opens it."""
    try:
        parts = split(text)
    except SplitError:
        return text
    heading = title_heading(parts.body, parts.body_line)
    return without_heading(parts.body, heading, parts.body_line) if heading is not None else parts.body


def _old_chart(document: DocumentHistory, text: OldText, inputs: Inputs) -> tuple[str, Flowchart | None]:
    """An old flowchart, parsed as it was, and the name a page embeds it by (``referral@v3``)."""
    name = f"{posixpath.splitext(posixpath.basename(document.source))[0]}@v{text.number}"
    folder = posixpath.dirname(text.path) or (inputs.flowcharts or "")
    chart = parse_flowchart(text.text.encode("utf-8"), text.path, folder, Problems(), today=dt.date.max)
    return name, chart


# --------------------------------------------------------------------------- the history page


def history_markdown(document: DocumentHistory, plan: HistoryPlan, date_format: str) -> str:
    here = history_uri(document.page)
    what = "flowchart" if document.kind == FLOWCHART else "procedure"

    def when(date: dt.date | None) -> str:
        return format_date(date, date_format) if date else "not recorded"

    rows, skipping = [], False  # skipping: a redline compares with a version older than the one before
    for version in document.versions:
        earlier = document.earlier_text(version.number)
        text = (
            link_to(document.page, here) if version.current
            else link_to(version_uri(document.page, version.number), here) if version.text is not None else None
        )
        changes = (
            link_to(redline_uri(document.page, earlier.number, version.number), here)
            if earlier is not None and (version.text is not None or version.current) else None
        )
        skipping = skipping or (changes is not None and earlier is not None and earlier.number < version.number - 1)
        rows.append({
            "number": version.number, "current": version.current, "date": when(version.date), "note": version.note,
            "text": text, "changes": changes, "compared": earlier.number if earlier is not None and changes else None,
            "minors": [{"date": when(m.date), "note": m.note} for m in version.minors],
        })
    missing = [v.number for v in document.versions if v.text is None and not v.current]
    return render(
        "history.md.j2",
        title=_title(document, "all updates"),
        what=what,
        current=link_to(document.page, here) if document.withdrawn is None else None,
        first_published=when(document.first_published) if document.first_published else "",
        withdrawn=when(document.withdrawn) if document.withdrawn else "",
        rows=rows,
        missing=_missing(sorted(missing)),
        compared=skipping,
        incomplete=bool(plan.incomplete),
    )


def _missing(numbers: list[int]) -> str:
    """"text of version 2 is", "texts of versions 2 and 3 are", "" for none."""
    if not numbers:
        return ""
    if len(numbers) == 1:
        return f"text of version {numbers[0]} is"
    return f"texts of versions {', '.join(map(str, numbers[:-1]))} and {numbers[-1]} are"


# --------------------------------------------------------------------------- views


def history_link(plan: HistoryPlan, page: str, url: Callable[[str], str], date_format: str) -> HistoryLink | None:
    """The "See all updates" link under a current page's stamp."""
    document = plan.documents.get(page)
    uri = plan.history_uri(page)
    if document is None or uri is None:
        return None
    first = document.first_published
    return HistoryLink(url(uri), first.isoformat() if first else "", format_date(first, date_format) if first else "")


def page_views(plan: HistoryPlan, url: Callable[[str], str], site_pages: set[str], date_format: str) -> dict[str, PageView]:
    """The views of the pages the history adds: banners on versions and redlines, noindex on all."""
    views = {}
    for uri, page in plan.pages.items():
        if page.kind == "version":
            views[uri] = _version_view(page, url, site_pages, date_format)
        elif page.kind == "redline":
            views[uri] = PageView(title=page.title, redline=_redline_banner(page, url, date_format), noindex=True)
        else:
            views[uri] = PageView(title=page.title, noindex=True)
    return views


def _text(date: dt.date | None, date_format: str) -> tuple[str, str]:
    return (date.isoformat(), format_date(date, date_format)) if date else ("", "")


def _version_view(page: HistoryPage, url: Callable[[str], str], site_pages: set[str], date_format: str) -> PageView:
    document, version = page.document, page.version
    assert version is not None and version.text is not None
    later = [v for v in document.versions if v.number > version.number]
    replaced = later[-1] if later else None
    earlier = document.earlier_text(version.number)
    published, published_text = _text(version.date, date_format)
    replaced_iso, replaced_text = _text(replaced.date if replaced else None, date_format)
    withdrawn, withdrawn_text = _text(document.withdrawn, date_format)
    banner = OldVersionBanner(
        what="flowchart" if document.kind == FLOWCHART else "procedure",
        title=version.text.title or document.title,
        version=version.number,
        published=published, published_text=published_text,
        replaced_by=replaced.number if replaced else None, replaced=replaced_iso, replaced_text=replaced_text,
        withdrawn=withdrawn, withdrawn_text=withdrawn_text,
        current_url=url(document.page) if document.page in site_pages else None,
        history_url=url(history_uri(document.page)),
        changes_url=url(redline_uri(document.page, earlier.number, version.number)) if earlier else None,
        commit=version.text.commit[:7],
    )
    return PageView(
        title=banner.title, version=version.number, last_updated=published, last_updated_text=published_text,
        old_version=banner, noindex=True,
    )


def _redline_banner(page: HistoryPage, url: Callable[[str], str], date_format: str) -> RedlineBanner:
    document, version, compared = page.document, page.version, page.compared
    assert version is not None and compared is not None
    published, published_text = _text(version.date, date_format)
    between = [v for v in document.versions if compared.number < v.number < version.number]
    return RedlineBanner(
        what="flowchart" if document.kind == FLOWCHART else "procedure",
        title=document.title,
        version=version.number, published=published, published_text=published_text,
        compared_with=compared.number, skipped=bool(between) or compared.number < version.number - 1,
        old_url=url(version_uri(document.page, compared.number)),
        new_url=url(document.page) if version.current else url(version_uri(document.page, version.number)),
        current=version.current,
        history_url=url(history_uri(document.page)),
    )


def withdrawn_documents(plan: HistoryPlan) -> list[VersionedDocument]:
    """Withdrawn pages, for the amendments page: each listed as withdrawn on the day its file went."""
    out = []
    for document in plan.withdrawn.values():
        assert document.withdrawn is not None
        out.append(VersionedDocument(
            document.source, document.page, document.kind, document.title, document.versions[0].number,
            document.withdrawn, "withdrawn", list(document.changes),
        ))
    return out
