"""Each versioned page's history: its versions, from its ``changes`` records and from git.

A page's ``changes`` entries are the record officers keep: each version's date and note, and the
minor corrections made without a new version. Git holds the texts. The text of a version is the
page as it stood in the last commit of the main line that still had that ``version:`` (a version
finished over two commits, or mended by a minor correction, shows as it was finally published).
Its date is its ``changes`` entry's, or else the date of the first commit that published it.

A page whose file was deleted is *withdrawn*: its history stays, from its last text in git.
Without git (a shallow clone, a tarball), histories come from ``changes`` alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping, Sequence

from ..core import textfile, yamlsource
from ..core.frontmatter import Change, SplitError, parse_iso_date, split
from ..core.mdtext import title_heading
from . import git

PROCEDURE, FLOWCHART = "procedure", "flowchart"


@dataclass(frozen=True)
class OldText:
    """One version's source as git holds it."""

    number: int
    title: str
    text: str  # the whole source file then (front matter and body, or a flowchart's YAML)
    path: str  # the source's path then, from the project's folder
    commit: str  # the last main-line commit with this version: the text shown
    first_commit: str  # the first main-line commit with this version: when it was published
    first_date: dt.date


@dataclass(frozen=True)
class Minor:
    """A correction recorded with ``minor: true``: no new version, no new ``last_updated``."""

    date: dt.date
    note: str


@dataclass(frozen=True)
class Version:
    number: int
    date: dt.date | None
    note: str
    minors: tuple[Minor, ...] = ()
    text: OldText | None = None  # a superseded version whose text git holds
    current: bool = False  # the page's current text


@dataclass
class DocumentHistory:
    """A procedure's or flowchart's versions, newest first."""

    source: str  # the source file, from the project's folder (for a withdrawn page: its last path)
    page: str  # its page in the site ("statutory/referrals.md")
    kind: str  # procedure or flowchart
    title: str
    versions: list[Version] = field(default_factory=list)
    first_published: dt.date | None = None
    withdrawn: dt.date | None = None  # the date its file was deleted
    withdrawn_commit: str = ""
    changes: tuple[Change, ...] = ()  # its 'changes' records (for a withdrawn page, as they last were)

    @property
    def current(self) -> Version | None:
        return next((v for v in self.versions if v.current), None)

    def earlier_text(self, number: int) -> Version | None:
        """The newest version before ``number`` whose text is known: what a redline compares with."""
        return next((v for v in self.versions if v.number < number and v.text is not None), None)


@dataclass(frozen=True)
class Current:
    """A versioned page of the site as it is now: its source, page, kind and front matter."""

    source: str
    page: str
    kind: str
    title: str
    version: int
    last_updated: dt.date
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class _Touch:
    """A main-line commit that left a source file with the blob ``blob`` at ``path``."""

    commit: str
    date: dt.date
    blob: str
    path: str


@dataclass(frozen=True)
class Header:
    """What a version's source says about itself: enough to place it in the history."""

    version: int
    title: str
    status: str
    last_updated: dt.date | None = None
    changes: tuple[Change, ...] = ()


# --------------------------------------------------------------------------- reading sources


def read_header(text: str, kind: str) -> Header | None:
    """The version, title and status of one source text, read leniently (the checks validate
    the current sources; an old one is taken as it was). ``None`` without a whole-number version."""
    try:
        if kind == FLOWCHART:
            data, body = yamlsource.load(text), ""
        else:
            parts = split(text)
            data, body = yamlsource.load(parts.yaml_text, line_offset=1), parts.body
    except (SplitError, yamlsource.YamlError):
        return None
    if not isinstance(data, dict):
        return None
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return None
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        heading = title_heading(body) if body else None
        title = heading.text if heading is not None else ""
    status = data.get("status")
    return Header(
        version, " ".join(str(title).split()), status.strip().lower() if isinstance(status, str) else "published",
        parse_iso_date(data.get("last_updated")), _changes(data.get("changes")),
    )


def _changes(entries: object) -> tuple[Change, ...]:
    """The well-formed entries of an old ``changes`` list (a withdrawn page's last record)."""
    out = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        number, day, note = entry.get("version"), parse_iso_date(entry.get("date")), entry.get("note")
        if isinstance(number, int) and not isinstance(number, bool) and day is not None:
            out.append(Change(number, day, " ".join(str(note or "").split()), minor=entry.get("minor") is True))
    return tuple(out)


def decoded(data: bytes) -> str | None:
    try:
        return textfile.decode(data)
    except textfile.TextFileError:
        return None


# --------------------------------------------------------------------------- following files


@dataclass
class Chains:
    """Each current source's main-line commits, newest first, followed across renames; and the
    sources deleted from the main line, with the commit that deleted them."""

    touches: dict[str, list[_Touch]] = field(default_factory=dict)
    deleted: dict[str, tuple[str, dt.date]] = field(default_factory=dict)  # last path -> (commit, date)


def follow(
    commits: Sequence[git.Commit], current: Iterable[str], wanted: Callable[[str], bool],
    same_page: Callable[[git.FileChange, git.FileChange], bool] = lambda deleted, added: False,
) -> Chains:
    """Walk the main line from the newest commit back, following each current source's path
    through renames, until the commit that added it. A file deleted in the commit that added
    one is the same page moved when ``same_page(deleted, added)`` says so (git sees no rename
    when the text changed much as well). A deleted source (one that ``wanted`` accepts) starts a
    chain of its own: a withdrawn page, followed back the same way."""
    chains = Chains()
    tracking: dict[str, str] = {path: path for path in current}  # a path at this point -> its chain
    for path in tracking:
        chains.touches[path] = []
    for commit in commits:
        following = dict(tracking)
        added: list[tuple[git.FileChange, str]] = []
        for change in commit.changes:
            key = tracking.get(change.path)
            if change.status == "D" or key is None:
                continue
            chains.touches[key].append(_Touch(commit.sha, commit.date, change.new_blob, change.path))
            if change.status in "AR" and following.get(change.path) == key:
                del following[change.path]  # before this commit the file was elsewhere, or not at all
            if change.status == "R":
                following[change.old_path] = key
            elif change.status == "A":
                added.append((change, key))
        for change in commit.changes:
            if change.status != "D" or change.path in tracking or change.path in chains.touches or not wanted(change.path):
                continue
            moved = next((key for new, key in added if same_page(change, new)), None)
            if moved is not None:
                following[change.path] = moved
                added = [(new, key) for new, key in added if key != moved]
            else:
                chains.touches[change.path] = []
                chains.deleted[change.path] = (commit.sha, commit.date)
                following[change.path] = change.path
        tracking = following
    return chains


def old_texts(touches: Sequence[_Touch], sources: Mapping[str, str], kind: str) -> dict[int, OldText]:
    """Each version's text among ``touches`` (newest first): the newest commit with that version,
    published first in the oldest. Drafts are not versions; unreadable sources are skipped."""
    texts: dict[int, OldText] = {}
    for touch in touches:
        text = sources.get(touch.blob)
        header = read_header(text, kind) if text is not None else None
        if header is None or header.status == "draft":
            continue
        found = texts.get(header.version)
        if found is None:
            texts[header.version] = OldText(
                header.version, header.title, text or "", touch.path, touch.commit, touch.commit, touch.date,
            )
        else:
            texts[header.version] = OldText(
                found.number, found.title, found.text, found.path, found.commit, touch.commit, touch.date,
            )
    return texts


def history_of(page: Current, texts: Mapping[int, OldText], *, withdrawn: tuple[str, dt.date] | None = None) -> DocumentHistory:
    """``page``'s versions, newest first, from its ``changes`` and the ``texts`` git holds. For a
    withdrawn page, ``page`` describes its last version and every version is superseded."""
    majors: dict[int, Change] = {}
    minors: dict[int, list[Minor]] = {}
    for change in page.changes:
        if change.minor:
            minors.setdefault(change.version, []).append(Minor(change.date, change.note))
        else:
            majors.setdefault(change.version, change)
    shown = {n: t for n, t in texts.items() if n < page.version or (withdrawn is not None and n == page.version)}
    numbers = sorted(set(majors) | set(shown) | {page.version}, reverse=True)
    versions = []
    for number in numbers:
        entry, text = majors.get(number), shown.get(number)
        is_current = number == page.version and withdrawn is None
        date = entry.date if entry else text.first_date if text else page.last_updated if number == page.version else None
        versions.append(Version(
            number, date, entry.note if entry else "",
            tuple(sorted(minors.get(number, []), key=lambda m: m.date, reverse=True)), text, is_current,
        ))
    first = majors.get(1)
    first_published = first.date if first else shown[1].first_date if 1 in shown else (
        page.last_updated if page.version == 1 else None
    )
    return DocumentHistory(
        page.source, page.page, page.kind, page.title, versions, first_published,
        withdrawn=withdrawn[1] if withdrawn else None, withdrawn_commit=withdrawn[0] if withdrawn else "",
        changes=page.changes,
    )
