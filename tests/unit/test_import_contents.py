"""The old manual's contents list as a nav: reading it, matching titles, and the block to paste."""

from __future__ import annotations

import pytest
import yaml

from generator.importer.contents import (
    ContentsError, ContentsPage, contents_nav, match_key, read_contents,
)


@pytest.mark.parametrize("a, b", [
    ("Underlying Principles", "underlying principles"),  # case
    ("1.2 Underlying Principles", "Underlying Principles"),  # numbering
    ("Chapter 3: Neglect", "Neglect"),
    ("Children & Families", "Children and Families"),  # & and "and"
    ("Children's Social Care", "Childrens Social Care"),  # apostrophes
    ("Children’s Social Care", "Children's social care"),
    ("Referrals – Making a Referral", "Referrals: making a referral"),  # punctuation
    ("Honour-Based Abuse", "Honour Based Abuse"),
    ("Pré-birth Assessment", "Pre-birth assessment"),  # accents
    ("Working  with   Interpreters ", "Working with Interpreters"),  # spaces
    ("What to do if you're worried?", "What to do if youre worried"),
])
def test_titles_that_match(a, b):
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize("a, b", [
    ("Neglect", "Neglect and Abuse"),
    ("Section 47 Enquiries", "Enquiries"),  # "Section 47" is part of the title, not a number
    ("Referrals", "Referral"),
])
def test_titles_that_do_not_match(a, b):
    assert match_key(a) != match_key(b)


def shape(entries, depth=0):
    out = []
    for entry in entries:
        out.append(("  " * depth) + entry.shown + (f" -> {entry.href}" if entry.href else "") + f" @{entry.line}")
        out.extend(shape(entry.children, depth + 1))
    return out


def test_a_numbered_text_contents_list():
    text = (
        "Skip to content\nContents\n\n"
        "1. Policy Framework\n  1.1 Introduction\n  1.2 Underlying Principles\n"
        "2. Statutory Procedures\n2.1 Referrals\n2.1.1 Making a Referral\n2.2 Assessment\n\n"
        "Last Updated: April 14, 2023\nv14\n"
    )
    assert shape(read_contents(text, "text")) == [
        "1. Policy Framework @4",
        "  1.1 Introduction @5",
        "  1.2 Underlying Principles @6",
        "2. Statutory Procedures @7",
        "  2.1 Referrals @8",
        "    2.1.1 Making a Referral @9",
        "  2.2 Assessment @10",
    ]


def test_a_text_contents_list_without_numbers_nests_by_indent():
    text = "Policy Framework\n\t• Introduction\n\t• Principles\nProcedures\n    - Referrals\n        ◦ Making a Referral\n    - Assessment\n"
    assert shape(read_contents(text, "text")) == [
        "Policy Framework @1", "  Introduction @2", "  Principles @3",
        "Procedures @4", "  Referrals @5", "    Making a Referral @6", "  Assessment @7",
    ]


def test_an_html_contents_page():
    html = """<html><head><title>Contents</title></head><body>
<nav><a href="/">Home</a> <a href="/search">Search</a></nav>
<main><h1>Contents</h1>
<h2>1. Policy Framework</h2>
<ul><li><a href="introduction.html">1.1 Introduction</a></li><li><a href="principles.html#top">1.2 Principles</a></li></ul>
<h2>2. Procedures</h2>
<ul><li>Referrals<ul><li>Making a Referral</li></ul></li><li>Neglect</li></ul>
<p>Last updated: 4 May 2023</p>
</main><footer>Copyright</footer></body></html>"""
    assert shape(read_contents(html, "html")) == [
        "1. Policy Framework @4",
        "  1.1 Introduction -> introduction.html @5",
        "  1.2 Principles -> principles.html#top @5",
        "2. Procedures @6",
        "  Referrals @7",
        "    Making a Referral @7",
        "  Neglect @7",
    ]


def test_a_markdown_contents_list():
    text = "# Contents\n\n## 1. Guidance\n\n- [1.1 How to Refer](referrals.md)\n- [1.2 Neglect](neglect.md)\n"
    assert shape(read_contents(text, "markdown")) == [
        "1. Guidance @3", "  1.1 How to Refer -> referrals.md @5", "  1.2 Neglect -> neglect.md @6",
    ]


def test_a_page_linked_twice_is_placed_once():
    entries = read_contents('<ul><li><a href="referrals.html">Referrals</a></li><li><a href="referrals.html">Referrals</a></li></ul>', "html")
    nav = contents_nav(entries, PAGES[3:4], "contents.html")
    assert nav.text == "  - statutory/referrals.md\n  # Referrals: no page\n"


@pytest.mark.parametrize("text, kind", [("", "text"), ("Contents\n\nSkip to content\n", "text"), ("<nav>Menu</nav>", "html")])
def test_a_contents_list_with_no_entries(text, kind):
    with pytest.raises(ContentsError, match="no entries were found"):
        read_contents(text, kind)


PAGES = [
    ContentsPage("Introduction", "statutory/introduction.md", "introduction.txt"),
    ContentsPage("Underlying principles", "statutory/underlying-principles.md", "principles.txt"),
    ContentsPage("Children and Families: Our Approach", "statutory/children-and-families.md", "families.docx"),
    ContentsPage("Referrals", "statutory/referrals.md", "referrals.html"),
    ContentsPage("Neglect", "statutory/neglect.md", "neglect.md"),
]


def test_the_nav_block_follows_the_contents_list():
    entries = read_contents(
        "1. Policy Framework\n1.1 Introduction\n1.2 Underlying Principles\n1.3 Children & Families – our approach\n"
        "2. Procedures: \"What to Do\"\n2.1 Referrals\n2.2 Neglect\n", "text")
    nav = contents_nav(entries, PAGES, "contents.txt")
    assert nav.text == (
        "  - Policy Framework:\n"
        "      - statutory/introduction.md\n"
        "      - statutory/underlying-principles.md\n"
        "      - statutory/children-and-families.md\n"
        "  - 'Procedures: \"What to Do\"':\n"
        "      - statutory/referrals.md\n"
        "      - statutory/neglect.md\n"
    )
    assert nav.notes == [] and nav.ambiguous == 0
    assert yaml.safe_load("nav:\n" + nav.text)["nav"][1] == {
        'Procedures: "What to Do"': ["statutory/referrals.md", "statutory/neglect.md"]
    }


def test_entries_without_pages_and_pages_without_entries_are_reported():
    entries = read_contents("1. Policy Framework\n1.1 Introduction\n1.2 Early Help\n1.3 Underlying Principles\n"
                            "2. Archive\n2.1 Old Forms\n", "text")
    nav = contents_nav(entries, PAGES, "contents.txt")
    assert nav.text == (
        "  - Policy Framework:\n"
        "      - statutory/introduction.md\n"
        "      # 1.2 Early Help: no page\n"
        "      - statutory/underlying-principles.md\n"
        "  # 2. Archive: no page in this chapter was imported\n"
    )
    assert nav.notes == [
        "contents.txt:3: '1.2 Early Help' has no imported page with that title: import the page, or correct its title "
        "or the entry, and import again; or leave it out",
        "contents.txt:6: '2.1 Old Forms' has no imported page with that title: import the page, or correct its title "
        "or the entry, and import again; or leave it out",
        "contents.txt:4: 'Underlying Principles' was 1.3 in the old manual and will be 1.2 on the site (a page before "
        "it is missing): check the order",
        "statutory/children-and-families.md (from families.docx) has no entry in the contents list: add it to the nav by hand",
        "statutory/referrals.md (from referrals.html) has no entry in the contents list: add it to the nav by hand",
        "statutory/neglect.md (from neglect.md) has no entry in the contents list: add it to the nav by hand",
    ]
    assert yaml.safe_load("nav:\n" + nav.text) == {"nav": [{"Policy Framework": [
        "statutory/introduction.md", "statutory/underlying-principles.md"]}]}


def test_an_entry_that_matches_two_pages_is_left_out_and_reported():
    pages = PAGES + [ContentsPage("Children & Families - our approach", "statutory/children-families-our-approach.md", "cf.html")]
    entries = read_contents("1. Policy Framework\n1.1 Introduction\n1.2 Children and Families: Our Approach\n", "text")
    nav = contents_nav(entries, pages, "contents.txt")
    assert nav.ambiguous == 1
    assert nav.notes[0] == (
        "contents.txt:3: '1.2 Children and Families: Our Approach' matches 2 pages, statutory/children-and-families.md "
        "and statutory/children-families-our-approach.md: it was left out of the nav; add the right page to it by hand"
    )
    assert "      # 1.2 Children and Families: Our Approach: two pages match, see the report\n" in nav.text
    assert not any("children-and-families.md (from" in note for note in nav.notes)  # named once, not twice


def test_a_link_in_the_contents_list_settles_the_match():
    entries = read_contents('<h2>1. Guidance</h2><ul><li><a href="guide/referrals.html">1.1 How to Refer</a></li></ul>', "html")
    nav = contents_nav(entries, PAGES, "contents.html")
    assert nav.text == "  - Guidance:\n      - statutory/referrals.md\n"


def test_a_chapter_that_is_also_a_page():
    entries = read_contents("1. Neglect\n1.1 Introduction\n", "text")
    nav = contents_nav(entries, PAGES, "contents.txt")
    assert nav.text == "  - Neglect:\n      - statutory/neglect.md\n      - statutory/introduction.md\n"
    assert "contents.txt:1: '1. Neglect' is a chapter and a page: the page statutory/neglect.md is the first in its chapter" in nav.notes[0]


def test_pages_that_were_there_already_can_be_placed_but_are_not_reported_missing():
    existing = [ContentsPage("Escalation", "statutory/escalation.md")]
    entries = read_contents("1. Procedures\n1.1 Escalation\n1.2 Referrals\n", "text")
    nav = contents_nav(entries, PAGES[3:4] + existing, "contents.txt")
    assert nav.text == "  - Procedures:\n      - statutory/escalation.md\n      - statutory/referrals.md\n"
    assert nav.notes == []
