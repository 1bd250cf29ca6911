"""Changes grouped by release: what is new, what changed and what was archived in each.

* **New**: a document whose version 1 was published in the release (its ``changes`` entry for
  version 1, or ``last_updated`` while it is still at version 1).
* **Changed**: every other ``changes`` entry, under the release its date falls in.
* **Archived**: a document with ``status: archived``, under the release its ``last_updated`` (the
  date it was archived) falls in, with the note of its ``changes`` entry for that version if any.
* **Withdrawn**: a document whose file was deleted (found in git by ``generator/history``), under
  the release its deletion falls in; its history page keeps every version.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable

from .history import VersionedDocument
from .releases import Release, Releases

NEW, CHANGED, ARCHIVED, WITHDRAWN = "new", "changed", "archived", "withdrawn"


@dataclass(frozen=True)
class Amendment:
    """One row of the amendments page and one entry of the feed: a document made new, changed or
    archived (``kind``) at ``version`` on ``date``."""

    kind: str
    document: VersionedDocument
    version: int
    date: dt.date
    note: str
    release: str = ""  # the group's title, for the feed

    @property
    def sort_key(self) -> tuple[int, str, int]:
        return (-self.date.toordinal(), self.document.title.casefold(), -self.version)


@dataclass
class Group:
    title: str  # "Update 15", "Since Update 15" or "All changes"
    release: Release | None = None
    unreleased: bool = False
    new: list[Amendment] = field(default_factory=list)
    changed: list[Amendment] = field(default_factory=list)
    archived: list[Amendment] = field(default_factory=list)
    withdrawn: list[Amendment] = field(default_factory=list)

    @property
    def entries(self) -> list[Amendment]:
        return sorted(self.new + self.changed + self.archived + self.withdrawn, key=lambda e: e.sort_key)

    @property
    def empty(self) -> bool:
        return not (self.new or self.changed or self.archived or self.withdrawn)


def entry_anchor(page: str, version: int) -> str:
    """The id of a page's entry for ``version`` on the amendments page: ``change-statutory-referrals-v14``."""
    stem = page[:-3] if page.endswith(".md") else page
    return "change-" + "".join(c if c.isalnum() else "-" for c in stem.lower()) + f"-v{version}"


def entries_of(document: VersionedDocument) -> list[Amendment]:
    out = []
    first = document.first_published
    if first is not None:
        change = document.change_for(1)
        note = change.note if change else ""
        out.append(Amendment(NEW, document, 1, first, note))
    archived_change = document.change_for(document.version) if document.status == "archived" else None
    for change in document.changes:
        # Minor corrections (minor: true) are in the page's own history, not on the amendments page.
        if change.minor or change.version == 1 or change is archived_change:
            continue
        out.append(Amendment(CHANGED, document, change.version, change.date, change.note))
    if document.status == "archived":
        note = archived_change.note if archived_change else ""
        out.append(Amendment(ARCHIVED, document, document.version, document.last_updated, note))
    if document.status == WITHDRAWN:
        out.append(Amendment(WITHDRAWN, document, document.version, document.last_updated, ""))
    return out


def group_by_release(documents: Iterable[VersionedDocument], releases: Releases) -> list[Group]:
    """Groups newest first: changes since the current release, then each release back in time."""
    groups: dict[Release | None, Group]
    if releases.current is None:
        groups = {None: Group("All changes")}
    else:
        groups = {None: Group(f"Since {releases.current.name}", unreleased=True)}
        groups.update((r, Group(r.name, r)) for r in reversed(releases.all))
    for document in documents:
        for entry in entries_of(document):
            release = releases.release_for(entry.date) if releases.current else None
            group = groups[release]
            entry = Amendment(entry.kind, entry.document, entry.version, entry.date, entry.note, group.title)
            lists = {NEW: group.new, CHANGED: group.changed, ARCHIVED: group.archived, WITHDRAWN: group.withdrawn}
            lists[entry.kind].append(entry)
    for group in groups.values():
        for items in (group.new, group.changed, group.archived, group.withdrawn):
            items.sort(key=lambda e: e.sort_key)
    return [g for g in groups.values() if not (g.unreleased and g.empty)]


def latest_entries(groups: Iterable[Group], limit: int) -> list[Amendment]:
    entries = [e for g in groups for e in g.entries]
    return sorted(entries, key=lambda e: e.sort_key)[: max(limit, 0)]
