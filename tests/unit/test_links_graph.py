"""Tables for reading links from Markdown sources: what counts as a link, where it goes, titles."""

from __future__ import annotations

import os

import pytest

from generator.links.graph import LinkCache, markdown_links, resolve_link, title_of


@pytest.mark.parametrize("text, expected", [
    ("See [referrals](referrals.md).", ["referrals.md"]),
    ("[a](a.md) and [b](../b.md#part)", ["a.md", "../b.md#part"]),
    ('[titled](a.md "The title")', ["a.md"]),
    ("[titled](a.md 'single')", ["a.md"]),
    ("[spaces](<a b.md>)", ["a b.md"]),
    ("[parens](a_(b).md)", ["a_(b).md"]),
    ("[nested [brackets]](a.md)", ["a.md"]),
    ("![an image](picture.png) and ![img](x.md)", []),
    ("[external](https://example.org/a.md)", ["https://example.org/a.md"]),
    ("[ref][r]\n\n[r]: ref.md\n", ["ref.md"]),
    ("[r]: <ref.md> \"title\"\n", ["ref.md"]),
    ("[r]: <ref with space.md>\n", []),  # Python-Markdown reads no definition with a space in it
    ("`[code](a.md)` but [real](b.md)", ["b.md"]),
    ("``[two `ticks`](a.md)`` [c](c.md)", ["c.md"]),
    ("```\n[fenced](a.md)\n```\n[after](b.md)", ["b.md"]),
    ("~~~yaml\n[fenced](a.md)\n```\nstill code [x](x.md)\n~~~\n[after](b.md)", ["b.md"]),
    ("  ```\n  [indented fence](a.md)\n  ```\n", []),
    ("<!-- [commented](a.md)\n[still](b.md) -->\n[c](c.md)", ["c.md"]),
    ("[not closed](a.md", []),
    ("[empty]()", [""]),
])
def test_markdown_links(text, expected):
    assert [target for target, _line in markdown_links(text)] == expected


def test_link_lines_are_lines_of_the_file():
    text = "Intro\n\n```\n[x](x.md)\n```\n\nSee [a](a.md)\nand\n[b](b.md)\n"
    assert markdown_links(text, first_line=7) == [("a.md", 13), ("b.md", 15)]


@pytest.mark.parametrize("target, source, expected", [
    ("referrals.md", "statutory/neglect.md", "statutory/referrals.md"),
    ("../supplementary/neglect.md#signs", "statutory/referrals.md", "supplementary/neglect.md"),
    ("./a.md?x=1", "statutory/b.md", "statutory/a.md"),
    ("x%20y.md", "statutory/b.md", "statutory/x y.md"),
    ("../statutory/referrals.md", "info-sheets/sheet.md", "statutory/referrals.md"),
    ("statutory/referrals.md", "index.md", "statutory/referrals.md"),
    ("#part", "statutory/b.md", None),
    ("", "statutory/b.md", None),
    ("https://example.org/a.md", "statutory/b.md", None),
    ("mailto:someone@example.org", "statutory/b.md", None),
    ("/statutory/a.md", "statutory/b.md", None),
    ("../../outside.md", "statutory/b.md", None),
    ("picture.png", "statutory/b.md", None),
    ("folder/", "statutory/b.md", None),
])
def test_resolve_link(target, source, expected):
    assert resolve_link(target, source) == expected


@pytest.mark.parametrize("text, uri, expected", [
    ("---\ntitle: About this Manual\n---\n\n# Other\n", "about.md", "About this Manual"),
    ("# Heading Title\n\nText\n", "about.md", "Heading Title"),
    ("---\nsummary: x\n---\n\n```\n# not a heading\n```\n# Real ##\n", "a.md", "Real"),
    ("Just text.\n", "authoring-guide.md", "Authoring guide"),
    ("Just text.\n", "index.md", "Home"),
    ("Just text.\n", "help/index.md", "Help"),
    ("---\ntitle: [broken\n---\n# Fallback\n", "a.md", "Fallback"),
    ("", "empty_page.md", "Empty page"),
])
def test_title_of(text, uri, expected):
    assert title_of(text, uri) == expected


def test_link_cache_reads_again_only_when_the_file_changes(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: A\n---\n\n[b](b.md) [self](a.md#x) [c](sub/c.md)\n", encoding="utf-8")
    cache = LinkCache()
    first = cache.scan(path, "a.md")
    assert first.title == "A"
    assert first.links == (("b.md", 5), ("sub/c.md", 5))  # a link to the page itself is not a reference
    assert cache.scan(path, "a.md") is first

    path.write_text("---\ntitle: A\n---\n\n[d](d.md)\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    second = cache.scan(path, "a.md")
    assert second.links == (("d.md", 5),)


def test_link_cache_uses_a_body_already_read(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("whatever is on disk", encoding="utf-8")
    page = LinkCache().scan(path, "statutory/a.md", body="[n](../supplementary/n.md)\n", body_line=9, title="A")
    assert page.links == (("supplementary/n.md", 9),)
    assert page.title == "A"


def test_a_page_that_cannot_be_read_has_no_links(tmp_path):
    path = tmp_path / "bad.md"
    path.write_bytes(b"[a](a.md) caf\xe9")
    assert LinkCache().scan(path, "bad.md").links == ()
    assert LinkCache().scan(tmp_path / "missing.md", "missing.md").links == ()
