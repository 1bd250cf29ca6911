"""The manual's releases ("Update 15, 1 November 2026"), from the plugin options.

A change belongs to the earliest release whose date is on or after the change's date; changes
after the current release's date are "since" the current release, not yet released.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from ..core.frontmatter import parse_iso_date

EXAMPLE = 'release: {name: "Update 15", date: 2026-11-01}'


@dataclass(frozen=True, order=True)
class Release:
    date: dt.date
    name: str


@dataclass
class Releases:
    """The current release and the earlier ones, oldest first."""

    current: Release | None = None
    previous: list[Release] = field(default_factory=list)

    @property
    def all(self) -> list[Release]:
        return self.previous + ([self.current] if self.current else [])

    @property
    def last_before_current(self) -> Release | None:
        return self.previous[-1] if self.previous else None

    def release_for(self, date: dt.date) -> Release | None:
        """The release a change on ``date`` belongs to; ``None`` when it is after the current one."""
        for release in self.all:
            if date <= release.date:
                return release
        return None


def _get(item: Any, key: str) -> Any:
    if isinstance(item, Mapping) or hasattr(item, "get"):
        return item.get(key)
    return getattr(item, key, None)  # the typed options' ReleaseOptions


def _one(item: Any, where: str, problems: list[str]) -> Release | None:
    if not (isinstance(item, Mapping) or hasattr(item, "get") or hasattr(item, "date")):
        problems.append(f"procedures plugin: '{where}' must be a name and a date, e.g. {EXAMPLE}")
        return None
    name, raw_date = _get(item, "name"), _get(item, "date")
    if name is None and raw_date is None:
        return None
    date = parse_iso_date(raw_date)
    if not isinstance(name, str) or not name.strip():
        problems.append(f"procedures plugin: '{where}' needs a 'name', e.g. {EXAMPLE}")
        return None
    if date is None:
        shown = "nothing" if raw_date is None else repr(str(raw_date))
        problems.append(
            f"procedures plugin: '{where}' {name.strip()!r} needs a 'date' written YYYY-MM-DD, not {shown}"
        )
        return None
    return Release(date, " ".join(name.split()))


def parse_releases(current: Any, previous: Iterable[Any] | None) -> tuple[Releases, list[str]]:
    """Validate the ``release`` and ``releases`` options. Returns the releases and messages."""
    problems: list[str] = []
    releases = Releases(current=_one(current or {}, "release", problems))
    earlier = [r for r in (_one(item, "releases", problems) for item in previous or []) if r is not None]
    if earlier and releases.current is None and not problems:
        problems.append(f"procedures plugin: 'releases' lists earlier releases, so also set the current one: {EXAMPLE}")
    seen: dict[str, Release] = {}
    for release in sorted(earlier):
        if releases.current and release.date >= releases.current.date:
            problems.append(
                f"procedures plugin: the earlier release {release.name!r} ({release.date.isoformat()}) is not "
                f"before the current release {releases.current.name!r} ({releases.current.date.isoformat()}): "
                "list only earlier releases under 'releases'"
            )
        other = seen.get(release.name.casefold()) or next((r for r in seen.values() if r.date == release.date), None)
        if other is not None:
            problems.append(
                f"procedures plugin: the releases {other.name!r} and {release.name!r} "
                + ("have the same name" if other.name.casefold() == release.name.casefold() else "have the same date")
                + ": give each release its own name and date"
            )
        seen[release.name.casefold()] = release
    if releases.current and releases.current.name.casefold() in seen:
        problems.append(f"procedures plugin: the release name {releases.current.name!r} is used twice")
    releases.previous = sorted(earlier)
    return releases, problems
