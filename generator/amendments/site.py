"""What the plugin needs from this package, as plain data: the pieces it hands to MkDocs.

The plugin (``generator/plugin.py``) calls these with values from MkDocs (URLs, numbers) and
puts the results in files, ``page.meta["manual"]`` and the theme's globals.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Callable

from ..core.dates import format_date
from ..core.manual import Manual
from .feed import atom_feed
from .grouping import entries_of, entry_anchor, group_by_release, latest_entries
from .history import VersionedDocument, documents_from_flowcharts, documents_from_manual
from .page import amendments_markdown
from .releases import Releases

_SHA = re.compile(r"^[0-9a-fA-F]{7,64}$")


def release_view(releases: Releases, date_format: str, amendments_url: str | None) -> dict[str, Any] | None:
    """The current release for the theme: name, date and where to read what changed."""
    current = releases.current
    if current is None:
        return None
    return {
        "name": current.name,
        "date": current.date.isoformat(),
        "date_text": format_date(current.date, date_format),
        "amendments_url": amendments_url,
    }


def commit_view(commit: str | None) -> tuple[dict[str, str] | None, str | None]:
    """The git commit the site is built from, and a message if it does not look like one."""
    commit = (commit or "").strip()
    if not commit:
        return None, None
    if not _SHA.match(commit):
        return None, f"procedures plugin: 'commit' {commit!r} is not a git commit id (such as the value of GITHUB_SHA)"
    return {"sha": commit.lower(), "short": commit[:7].lower()}, None


def updated_since(releases: Releases, date_format: str) -> tuple[dt.date | None, str]:
    """The contents page's "Updated" flag when ``updated_since`` is unset: everything changed
    after the previous release, i.e. in the current one (and since). Returns (date, label)."""
    previous = releases.last_before_current
    if previous is None:
        return None, ""
    return previous.date + dt.timedelta(days=1), f"{previous.name} ({format_date(previous.date, date_format)})"


def documents(
    manual: Manual, root: Path, today: dt.date, built: Callable[[str], bool], *, flowcharts: str | None
) -> list[VersionedDocument]:
    """Procedures and flowcharts whose pages are part of the site (published or archived).

    ``flowcharts`` is the configured flowcharts folder, or ``None`` when flowcharts are off.
    """
    docs = documents_from_manual(manual) + documents_from_flowcharts(root, today=today, folder=flowcharts)
    return [d for d in docs if built(d.page)]


def amendments_outputs(
    docs: list[VersionedDocument],
    releases: Releases,
    *,
    title: str,
    intro: str,
    feed_path: str,
    feed_link: str,
    editions_link: str = "",
    feed_entries: int,
    date_format: str,
    numbers: dict[str, str],
    link_for: Callable[[str], str | None],
    url_for: Callable[[str], str | None],
    page_url: str,
    site_name: str,
    site_url: str | None,
    today: dt.date,
) -> tuple[str, str | None]:
    """The amendments page (Markdown) and its Atom feed (XML, or ``None`` without a feed)."""
    groups = group_by_release(docs, releases)
    markdown = amendments_markdown(
        groups, releases, title=title, intro=intro, feed_link=feed_link if feed_path else "", editions_link=editions_link,
        date_format=date_format, link_for=link_for, numbers=numbers,
    )
    if not feed_path:
        return markdown, None
    feed = atom_feed(
        latest_entries(groups, feed_entries), releases, site_name=site_name, site_url=site_url,
        feed_path=feed_path, page_url=page_url, url_for=url_for, today=today,
    )
    return markdown, feed


def what_changed(docs: list[VersionedDocument], amendments_url: str) -> dict[str, str]:
    """Where a reader sees what changed in each page's current version, by page: its entry on the
    amendments page (``amendments/#change-statutory-referrals-v14``), or the page itself when no
    entry records that version. The one place that says so: when pages keep their history, this
    can name the redline instead."""
    out = {}
    for document in docs:
        recorded = any(entry.version == document.version for entry in entries_of(document))
        out[document.page] = f"{amendments_url}#{entry_anchor(document.page, document.version)}" if recorded else amendments_url
    return out
