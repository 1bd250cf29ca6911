"""The anchor half of `make linkcheck` (generator/publish/anchors.py): which link goes where,
and which anchors are missing, read from built HTML files."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.publish.anchors import BrokenAnchor, broken_anchors, read_page, resolve


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write(tmp_path / "site", {
        "index.html": "<h1 id='home'>Home</h1>",
        "statutory/referrals/index.html": "<h2 id='purpose'>Purpose</h2>",
        "statutory/neglect/index.html": "<h2 id='signs'>Signs</h2>",
        "info.html": "<p id='x'>x</p>",
        "files/form.pdf": "%PDF",
    })


@pytest.mark.parametrize(("page", "href", "expected"), [
    ("statutory/referrals/index.html", "#purpose", ("statutory/referrals/index.html", "purpose")),
    ("statutory/referrals/index.html", "../neglect/#signs", ("statutory/neglect/index.html", "signs")),
    ("statutory/referrals/index.html", "../neglect#signs", ("statutory/neglect/index.html", "signs")),  # a folder, no slash
    ("statutory/referrals/index.html", "../../#home", ("index.html", "home")),
    ("statutory/referrals/index.html", "../../info.html#x", ("info.html", "x")),
    ("statutory/referrals/index.html", "/statutory/neglect/#signs", ("statutory/neglect/index.html", "signs")),
    ("statutory/referrals/index.html", "../neglect/?q=child#signs", ("statutory/neglect/index.html", "signs")),
    ("statutory/referrals/index.html", "?q=child#purpose", ("statutory/referrals/index.html", "purpose")),
    ("statutory/referrals/index.html", "../neglect/#caf%C3%A9-%26-co", ("statutory/neglect/index.html", "café-&-co")),
    ("index.html", "statutory/neglect/index.html#signs", ("statutory/neglect/index.html", "signs")),
    # Not a page of the site, or no page there: not this check's business (LinkChecker reports a 404).
    ("index.html", "https://example.org/#x", None),
    ("index.html", "//example.org/page/#x", None),
    ("index.html", "mailto:dsl@example.org#x", None),
    ("index.html", "../outside/#x", None),
    ("index.html", "statutory/missing/#x", None),
    ("index.html", "files/form.pdf#page=2", None),
])
def test_where_a_link_goes(site, page, href, expected):
    assert resolve(site, page, href) == expected


def test_ids_and_links_are_read_from_the_markup(tmp_path):
    path = write(tmp_path, {"p.html": (
        '<h2 id="one">One</h2>\n<a name="two"></a>\n<svg><g id="three"/></svg>\n'
        '<a href="#one">1</a> <area href="x/#four"> <link href="style.css#five"> <a href="plain/">no fragment</a>\n'
        '<p>&lt;a href="#six"&gt; is text, not a link</p>\n<!-- <a href="#seven"> -->'
    )}) / "p.html"
    page = read_page(path)
    assert page.ids == {"one", "two", "three"}
    assert page.links == [(4, "#one"), (4, "x/#four")]


def test_broken_anchors_are_found_once_each_with_every_link_to_them(site):
    write(site, {
        "index.html": "<h1 id='home'>Home</h1><a href='statutory/neglect/#sings'>typo</a><a href='#top'>top</a><a href='#'>top</a>",
        "statutory/referrals/index.html": (
            "<h2 id='purpose'>Purpose</h2>\n<a href='../neglect/#signs'>ok</a>\n"
            "<a href='../neglect/#sings'>typo</a>\n<a href='#nowhere'>gone</a>"
        ),
        "404.html": "<a href='/#not-checked'>404 pages link for any address</a>",
    })
    found = broken_anchors(site)
    assert [(b.target, b.anchor) for b in found] == [
        ("statutory/neglect/index.html", "sings"),
        ("statutory/referrals/index.html", "nowhere"),
    ]
    assert found[0].sources == (("index.html", 1, "statutory/neglect/#sings"),
                                ("statutory/referrals/index.html", 3, "../neglect/#sings"))
    assert found[0].message() == (
        "statutory/neglect/index.html: anchor #sings not found (did you mean #signs?). Linked from "
        "index.html, line 1 (statutory/neglect/#sings); statutory/referrals/index.html, line 3 (../neglect/#sings)"
    )
    assert "its anchors: purpose" in found[1].message()


def test_a_clean_site_has_no_broken_anchor(site):
    write(site, {"index.html": "<h1 id='home'>Home</h1><a href='statutory/referrals/#purpose'>ok</a><a href='#home'>ok</a>"})
    assert broken_anchors(site) == []


@pytest.mark.parametrize(("ids", "hint"), [
    ((), "it has no anchors"),
    (("a", "b"), "its anchors: a, b"),
    (tuple(f"id-{n}" for n in range(10)), "its anchors: id-0, id-1, id-2, id-3, id-4, id-5, id-6, id-7, ..."),
])
def test_the_message_says_what_the_page_has(ids, hint):
    assert f"not found ({hint})" in BrokenAnchor("p.html", "zzz", (("q.html", 1, "p.html#zzz"),), ids).message()


def test_many_links_to_one_missing_anchor_are_listed_in_short():
    sources = tuple((f"page-{n}.html", n, "x.html#gone") for n in range(12))
    message = BrokenAnchor("x.html", "gone", sources, ()).message()
    assert "page-4.html, line 4" in message and "page-5.html" not in message and message.endswith("; and 7 more")
