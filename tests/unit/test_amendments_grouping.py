"""Changes grouped by release: new, changed and archived pages, newest first."""

from __future__ import annotations

import datetime as dt

from generator.amendments.grouping import group_by_release, latest_entries
from generator.amendments.history import VersionedDocument
from generator.amendments.releases import Release, Releases
from generator.core.frontmatter import Change

D = dt.date
U14, U15 = Release(D(2025, 11, 1), "Update 14"), Release(D(2026, 11, 1), "Update 15")
RELEASES = Releases(U15, [U14])


def doc(title, version, last_updated, changes=(), status="published", kind="procedure"):
    uri = f"statutory/{title.lower().replace(' ', '-')}.md"
    return VersionedDocument(uri, uri, kind, title, version, last_updated, status, [Change(v, d, n) for v, d, n in changes])


def summary(groups):
    return [
        (g.title, [(e.document.title, e.version) for e in g.new], [(e.document.title, e.version) for e in g.changed],
         [(e.document.title, e.version) for e in g.archived])
        for g in groups
    ]


def test_groups_newest_first_with_new_changed_and_archived():
    docs = [
        doc("Referrals", 15, D(2026, 12, 1), [(15, D(2026, 12, 1), "After the release."), (14, D(2026, 3, 1), "Clarified."), (13, D(2025, 11, 1), "On the day.")]),
        doc("Neglect", 2, D(2026, 2, 1), [(2, D(2026, 2, 1), "Second."), (1, D(2025, 9, 1), "New procedure.")]),
        doc("Fresh Page", 1, D(2026, 10, 31)),  # version 1, no changes entry: new on its last_updated
        doc("Old Guidance", 4, D(2026, 6, 1), [(4, D(2026, 6, 1), "Archived: replaced by Neglect."), (3, D(2024, 1, 1), "Old.")], status="archived"),
        doc("Predates Records", 9, D(2020, 1, 1)),  # no history back to version 1: never "new"
    ]
    groups = group_by_release(docs, RELEASES)
    assert summary(groups) == [
        ("Since Update 15", [], [("Referrals", 15)], []),
        ("Update 15", [("Fresh Page", 1)], [("Referrals", 14), ("Neglect", 2)], [("Old Guidance", 4)]),
        ("Update 14", [("Neglect", 1)], [("Referrals", 13), ("Old Guidance", 3)], []),
    ]
    archived = groups[1].archived[0]
    assert archived.note == "Archived: replaced by Neglect." and archived.date == D(2026, 6, 1)
    assert groups[0].unreleased and not groups[1].unreleased
    assert [e.document.title for e in groups[1].entries] == ["Fresh Page", "Old Guidance", "Referrals", "Neglect"]


def test_empty_releases_are_kept_and_no_unreleased_group_without_changes():
    groups = group_by_release([doc("Neglect", 1, D(2025, 6, 1))], RELEASES)
    assert [(g.title, g.empty) for g in groups] == [("Update 15", True), ("Update 14", False)]


def test_without_releases_everything_is_one_group():
    groups = group_by_release([doc("Neglect", 2, D(2025, 6, 1), [(2, D(2025, 6, 1), "x"), (1, D(2020, 1, 1), "y")])], Releases())
    assert summary(groups) == [("All changes", [("Neglect", 1)], [("Neglect", 2)], [])]


def test_latest_entries_are_newest_first_and_limited():
    docs = [doc(f"Page {i}", 2, D(2026, 1, i), [(2, D(2026, 1, i), "n"), (1, D(2025, 1, i), "first")]) for i in range(1, 6)]
    entries = latest_entries(group_by_release(docs, RELEASES), 3)
    assert [(e.document.title, e.version) for e in entries] == [("Page 5", 2), ("Page 4", 2), ("Page 3", 2)]
    assert entries[0].release == "Update 15"
    assert latest_entries(group_by_release(docs, RELEASES), 0) == []
