"""Editions: the whole manual as it stood at each release, and the page that lists them.

``procedures build --editions`` (generator/publish/editions.py) builds, for each release in
``release`` and ``releases``, the manual from the last commit of the main line on or before the
release's date, into ``editions/<release>/`` of the site. This module holds what that needs and
knows nothing of MkDocs: which commit each edition comes from, the edition's address, what the
build tells the plugin (``BuildContext``, handed over in a JSON file named by the environment
variable ``PROCEDURES_BUILD_CONTEXT``), and the Editions page, which says which edition was in
force on any date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

from ..amendments.releases import Releases
from ..core import checklist
from ..core.dates import format_date
from ..options import Settings
from ..pages.render import render
from . import git

CONTEXT_VARIABLE = "PROCEDURES_BUILD_CONTEXT"


@dataclass(frozen=True)
class ReleaseEdition:
    """One release's edition: where it comes from, or why it cannot be built."""

    name: str
    date: dt.date
    slug: str
    commit: str = ""
    commit_date: dt.date | None = None
    reason: str = ""  # why it is not available ("" when it is)

    @property
    def available(self) -> bool:
        return bool(self.commit) and not self.reason


@dataclass(frozen=True)
class BuildContext:
    """What ``procedures build --editions`` tells the plugin about the build it is running.

    For the current site, ``editions`` lists the editions built with it. For an edition,
    ``edition`` is the release, ``folder`` its place in the current site (``editions/update-14/``),
    ``current`` the address of each page in the current site (its uri -> URL from the site's
    root) and ``withdrawn`` the history pages of pages withdrawn since."""

    editions: tuple[ReleaseEdition, ...] | None = None
    edition: ReleaseEdition | None = None
    folder: str = ""
    current: Mapping[str, str] = field(default_factory=dict)
    withdrawn: Mapping[str, str] = field(default_factory=dict)
    editions_url: str | None = None
    site_url: str | None = None

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), default=str, indent=1)

    @classmethod
    def from_json(cls, text: str) -> "BuildContext":
        data: dict[str, Any] = json.loads(text)

        def edition(value: Mapping[str, Any]) -> ReleaseEdition:
            commit_date = value.get("commit_date")
            return ReleaseEdition(
                value["name"], dt.date.fromisoformat(value["date"]), value["slug"], value.get("commit", ""),
                dt.date.fromisoformat(commit_date) if commit_date else None, value.get("reason", ""),
            )

        editions = data.get("editions")
        return cls(
            editions=tuple(edition(e) for e in editions) if editions is not None else None,
            edition=edition(data["edition"]) if data.get("edition") else None,
            folder=data.get("folder", ""),
            current=dict(data.get("current") or {}),
            withdrawn=dict(data.get("withdrawn") or {}),
            editions_url=data.get("editions_url"),
            site_url=data.get("site_url"),
        )


def read_context(environ: Mapping[str, str] = os.environ) -> BuildContext | None:
    """The context ``procedures build --editions`` left for this build, if any."""
    path = environ.get(CONTEXT_VARIABLE)
    if not path:
        return None
    return BuildContext.from_json(Path(path).read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- which commit


def slug(name: str) -> str:
    """An edition's folder name from its release's name: "Update 14" -> ``update-14``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "edition"


def plan_editions(releases: Releases, repo: git.Repository | None, reason: str) -> list[ReleaseEdition]:
    """Every release's edition, oldest first: the last commit of the main line on or before its
    date, or why there is none."""
    seen: dict[str, int] = {}
    line = git.main_line(repo) if repo is not None else []
    first = line[-1][1] if line else None
    out = []
    for release in releases.all:
        name = slug(release.name)
        seen[name] = seen.get(name, 0) + 1
        folder = name if seen[name] == 1 else f"{name}-{seen[name]}"
        if repo is None:
            why = f"editions are built from git history, and {reason}"
            out.append(ReleaseEdition(release.name, release.date, folder, reason=why))
            continue
        found = next(((sha, day) for sha, day in line if day <= release.date), None)
        if found is None:
            assert first is not None
            out.append(ReleaseEdition(
                release.name, release.date, folder,
                reason=f"the manual's history in git starts on {first.isoformat()}, after this release",
            ))
        else:
            out.append(ReleaseEdition(release.name, release.date, folder, found[0], found[1]))
    return out


def lenient(levels: Mapping[str, str]) -> dict[str, str]:
    """Check levels for an edition: what a strict build of today would stop on, an old edition
    only reports (it was published as it was); a source that cannot be built still stops it."""
    out = dict(levels)
    for name, check in checklist.CHECKS.items():
        if check.level == checklist.ERROR and not check.fixed and out.get(name, check.level) == checklist.ERROR:
            out[name] = checklist.WARNING
    return out


# --------------------------------------------------------------------------- the Editions page


def editions_markdown(
    releases: Releases, editions: Sequence[ReleaseEdition] | None, *, title: str, intro: str, page_url: str, folder: str,
    directory_urls: bool, date_format: str, amendments: str | None,
) -> str:
    """The Editions page: each edition with the dates it was in force, and what editions cannot show.

    ``editions`` is ``None`` when the site was built without them (``procedures build`` alone)."""
    from ..site.urls import relative_url  # here: generator.site's plan imports this module

    built = {e.name: e for e in editions or ()}
    ordered = sorted(releases.all)
    rows = []
    for index, release in enumerate(ordered):
        after = ordered[index + 1] if index + 1 < len(ordered) else None
        edition = built.get(release.name)
        url = None
        if edition is not None and edition.available:
            root = f"{folder}/{edition.slug}/" + ("" if directory_urls else "index.html")
            url = relative_url(root, page_url)
        rows.append({
            "name": release.name,
            "from": format_date(release.date, date_format), "from_iso": release.date.isoformat(),
            "until": format_date(after.date - dt.timedelta(days=1), date_format) if after else "",
            "until_iso": (after.date - dt.timedelta(days=1)).isoformat() if after else "",
            "current": release is releases.current,
            "url": url,
            "reason": edition.reason if edition is not None else "",
            "commit": edition.commit[:7] if edition is not None and edition.available else "",
        })
    current = releases.current
    return render(
        "editions.md.j2", title=title, intro=intro, rows=list(reversed(rows)), built=editions is not None,
        current={"name": current.name, "date": format_date(current.date, date_format)} if current else None,
        first={"name": ordered[0].name, "date": format_date(ordered[0].date, date_format)} if ordered else None,
        amendments=amendments,
    )


def edition_url(current_url: str | None, folder: str, page_url: str) -> str | None:
    """A page of today's site, as a link from a page of an edition (both URLs from their roots)."""
    from ..site.urls import relative_url  # here: generator.site's plan imports this module

    if current_url is None:
        return None
    return relative_url(current_url, folder + page_url)


def edition_settings(settings: Settings, edition: ReleaseEdition) -> Settings:
    """The plugin's settings for building ``edition``: stamped with its commit, as at its date,
    without history pages, an Editions page, a feed, a print edition or "updated since you last
    looked" marks of its own (those are the current site's)."""
    return dataclasses.replace(
        settings,
        today=edition.date,
        commit=edition.commit,
        history=dataclasses.replace(settings.history, enabled=False),
        editions=dataclasses.replace(settings.editions, enabled=False),
        amendments=dataclasses.replace(settings.amendments, feed=""),
        print_edition=dataclasses.replace(settings.print_edition, enabled=False),
        updates=dataclasses.replace(settings.updates, enabled=False),
    )
