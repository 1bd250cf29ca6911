"""The per-page navigation: the current chapter open, others closed, long chapters windowed."""

from __future__ import annotations

import pytest

from generator.core.navview import SiteNavEntry, group, page_view


def chapter(title: str, prefix: str, count: int) -> SiteNavEntry:
    return group(title, [SiteNavEntry(f"{prefix} {i}", f"{prefix}/{i}/") for i in range(1, count + 1)])


TREE = [
    SiteNavEntry("Home", ""),
    chapter("1. Statutory", "s", 3),
    group("2. Supplementary", [chapter("2.1 Abuse", "a", 2), SiteNavEntry("2.2 Neglect", "n/")]),
    SiteNavEntry("Partner site", "https://example.org/", external=True),
]


def kinds(items):
    return [(i.kind, i.title) for i in items]


def test_the_current_chapter_is_open_and_the_others_closed():
    view = page_view(group("", TREE), "s/2/", limit=0, more_url=None)
    assert kinds(view) == [("page", "Home"), ("open", "1. Statutory"), ("closed", "2. Supplementary"), ("link", "Partner site")]
    assert kinds(view[1].children) == [("page", "s 1"), ("active", "s 2"), ("page", "s 3")]
    assert view[2].url == "a/1/"  # a closed chapter leads to its first page


def test_nested_groups_open_along_the_path_only():
    view = page_view(group("", TREE), "a/2/", limit=0, more_url=None)
    supplementary = view[2]
    assert supplementary.kind == "open" and supplementary.id == "__nav_3"
    assert kinds(supplementary.children) == [("open", "2.1 Abuse"), ("page", "2.2 Neglect")]
    assert supplementary.children[0].id == "__nav_3_1"
    assert kinds(supplementary.children[0].children) == [("page", "a 1"), ("active", "a 2")]
    assert view[1].kind == "closed"


def test_a_page_outside_the_nav_sees_every_chapter_closed():
    view = page_view(group("", TREE), "not-in-nav/", limit=0, more_url=None)
    assert [i.kind for i in view] == ["page", "closed", "closed", "link"]


@pytest.mark.parametrize("current, shown, before, after", [
    ("c/1/", ["c 1", "c 2", "c 3", "c 4"], 0, 6),
    ("c/5/", ["c 3", "c 4", "c 5", "c 6"], 2, 4),
    ("c/10/", ["c 7", "c 8", "c 9", "c 10"], 6, 0),
])
def test_a_long_chapter_is_windowed_around_the_page(current, shown, before, after):
    view = page_view(group("", [chapter("Big", "c", 10)]), current, limit=4, more_url="contents/")
    items = view[0].children
    assert [i.title for i in items if i.kind in ("page", "active")] == shown
    more = [i for i in items if i.kind == "more"]
    assert [m.count for m in more] == [n for n in (before, after) if n]
    assert all(m.url == "contents/" for m in more)
    assert len([i for i in items if i.kind in ("page", "active")]) == 4


def test_a_long_top_level_is_windowed_around_the_page_too():
    site = group("", [SiteNavEntry(f"p {i}", f"p/{i}/") for i in range(1, 11)])
    view = page_view(site, "p/9/", limit=3, more_url=None)
    assert [i.title for i in view if i.kind != "more"] == ["p 8", "p 9", "p 10"]
