"""The data behind "updated since you last looked": each page's version in versions.json, and where
its latest change is described (its entry on the amendments page, one place for the link)."""

from __future__ import annotations

import datetime as dt
import json

from generator.amendments.grouping import entry_anchor
from generator.amendments.history import VersionedDocument
from generator.amendments.site import what_changed
from generator.core.frontmatter import Change
from generator.site.updates import versions_file
from generator.site.views import PageView


def document(page: str, version: int, changes: list[int]) -> VersionedDocument:
    return VersionedDocument(page, page, "procedure", "T", version, dt.date(2026, 1, 1), "published",
                             [Change(v, dt.date(2025, 1, v), f"note {v}") for v in changes])


def test_entry_anchors():
    assert entry_anchor("statutory/referrals.md", 14) == "change-statutory-referrals-v14"
    assert entry_anchor("flowcharts/Front Door.md", 2) == "change-flowcharts-front-door-v2"


def test_what_changed_is_the_entry_of_the_current_version_or_the_amendments_page():
    found = what_changed(
        [document("a.md", 3, [2, 3]), document("b.md", 5, [2]), document("c.md", 1, [])], "amendments/",
    )
    assert found == {
        "a.md": "amendments/#change-a-v3",
        "b.md": "amendments/",  # no entry records version 5
        "c.md": "amendments/#change-c-v1",  # new at version 1: the "New" entry
    }


def test_versions_file_lists_published_pages_with_a_version():
    views = {
        "a.md": PageView(version=3, status="published"),
        "b.md": PageView(version=2, status="archived"),
        "c.md": PageView(version=1, status="draft"),
        "contents.md": PageView(),
        "d.md": PageView(version=7, status="published"),
    }
    urls = {uri: uri[:-3] + "/" for uri in views}
    data = json.loads(versions_file(views, urls, {"a.md": "amendments/#change-a-v3"}))
    assert data == {"pages": {"a/": {"v": 3, "changed": "amendments/#change-a-v3"}, "d/": {"v": 7}}}
