"""The print edition without a build: which pages it has, and how a print page lays out its
procedures (ids kept apart, links pointed within the page or to the website)."""

from __future__ import annotations

import re
from collections import Counter

import markdown
import pytest

from generator.core.numbering import NavNode, number
from generator.printing import Printed, Related, plan_editions
from generator.printing.edition import edition_markdown, procedure_anchor, slug
from generator.printing.extension import PrintExtension


def printed(uri: str, title: str, number: str = "", related: tuple[Related, ...] = ()) -> Printed:
    return Printed(uri, procedure_anchor(uri), number, title, 3, "2026-01-02", "2 January 2026", uri[:-3] + "/", related)


NAV = [
    NavNode(None, "index.md"),
    NavNode("Statutory Procedures", children=[NavNode(None, "statutory/referrals.md"), NavNode(None, "statutory/s47.md")]),
    NavNode("Flowcharts", children=[NavNode(None, "flowcharts/referral.md")]),
    NavNode("Allegations & the LADO", children=[NavNode(None, "supplementary/lado.md")]),
    NavNode(None, "supplementary/top-level.md"),
]


def procedures(*uris: str) -> dict[str, Printed]:
    numbers = number(NAV).pages
    return {uri: printed(uri, uri.rsplit("/", 1)[1][:-3].title(), numbers.get(uri, "")) for uri in uris}


def test_chapters_are_the_nav_groups_that_hold_procedures_in_nav_order():
    found = procedures("statutory/s47.md", "statutory/referrals.md", "supplementary/lado.md", "supplementary/top-level.md",
                       "supplementary/unlisted.md")
    editions = plan_editions(NAV, found, group_numbers=number(NAV).groups, folder="print/")
    chapters = editions.whole.chapters
    assert [c.heading for c in chapters] == ["1. Statutory Procedures", "3. Allegations & the LADO", "Other procedures"]
    assert [p.uri for p in chapters[0].procedures] == ["statutory/referrals.md", "statutory/s47.md"]
    # Procedures in no chapter (at the top of the nav, or not in it) make the last part.
    assert [p.uri for p in chapters[2].procedures] == ["supplementary/top-level.md", "supplementary/unlisted.md"]
    assert editions.whole.uri == "print/manual.md"
    assert [e.uri for e in editions.chapters] == [
        "print/statutory-procedures.md", "print/allegations-the-lado.md", "print/other-procedures.md"]
    assert [e.title for e in editions.chapters][0] == "Print edition: 1. Statutory Procedures"
    assert editions.chapters_holding(["supplementary/lado.md"]) == [editions.chapters[1]]


def test_a_manual_without_published_procedures_has_no_print_edition():
    assert plan_editions(NAV, {}, group_numbers={}, folder="print").pages == {}


def test_chapter_pages_keep_clear_of_the_sites_pages_and_of_each_other():
    nav = [NavNode("Manual", children=[NavNode(None, "a/one.md")]), NavNode("Manual!", children=[NavNode(None, "a/two.md")])]
    editions = plan_editions(nav, procedures("a/one.md", "a/two.md"), group_numbers={}, folder="print",
                             taken=["print/manual-2.md"])
    # "manual" is the whole manual's page; "manual-2" is a page of docs_dir.
    assert [e.uri for e in editions.chapters] == ["print/manual-3.md", "print/manual-4.md"]
    assert len({c.anchor for c in editions.whole.chapters}) == 2


@pytest.mark.parametrize(("text", "expected"), [
    ("Statutory Procedures", "statutory-procedures"),
    ("Culture, Faith & ‘Honour’: FGM / Forced Marriage?", "culture-faith-honour-fgm-forced-marriage"),
    ("Café – Équipe", "cafe-equipe"),
    ("&", "chapter"),
    ("Learning & Improvement: Disagreements, Reviews & Child Deaths – What Must Be Notified?",
     "learning-improvement-disagreements-reviews-child"),
])
def test_slugs(text, expected):
    assert slug(text) == expected


# --------------------------------------------------------------------------- laying out a page


TWO = {
    "statutory/referrals.md": "## Purpose\n\nSee [scope](#scope) and [their purpose](s47.md#purpose).\n\n## Scope\n\nText.\n",
    "statutory/s47.md": "## Purpose\n\nBack to [referrals](referrals.md), [its scope](referrals.md#scope), "
                        "[neglect](../supplementary/neglect.md#signs), [a form](https://example.org/form.pdf), "
                        "[mail](mailto:team@example.org).\n\n### Detail {#custom}\n\n[here](#custom)\n\n## Purpose\n\nAgain.\n",
}


def render(bodies: dict[str, str], *, related: tuple[Related, ...] = ()) -> str:
    found = {
        "statutory/referrals.md": printed("statutory/referrals.md", "Referrals", "1.1", related),
        "statutory/s47.md": printed("statutory/s47.md", "Section 47 & <Enquiries>", "1.2"),
    }
    nav = [NavNode("Statutory", children=[NavNode(None, uri) for uri in found])]
    editions = plan_editions(nav, found, group_numbers={("Statutory",): "1"}, folder="print")
    edition = editions.chapters[0]
    extension = PrintExtension()
    extension.edition, extension.page_uri = edition, edition.uri
    md = markdown.Markdown(extensions=["toc", "attr_list", extension])
    text = edition_markdown(edition, bodies)
    return md.convert(text.split("---\n", 2)[2])


def ids(html: str) -> list[str]:
    return re.findall(r'\bid="([^"]+)"', html)


def hrefs(html: str) -> list[str]:
    return re.findall(r'\bhref="([^"]+)"', html)


def test_each_procedure_has_its_title_stamp_and_address_and_headings_under_its_title():
    html = render(TWO)
    assert '<h2 class="pm-print-chapter" id="chapter-statutory">1. Statutory</h2>' in html
    assert re.search(r'<h3 class="pm-print-procedure__title" id="statutory-referrals"><span[^>]*>1.1</span> <span>Referrals</span>', html)
    # Titles are text, never markup.
    assert "<span>Section 47 &amp; &lt;Enquiries&gt;</span>" in html
    assert '<time datetime="2026-01-02">2 January 2026</time></span> <span class="pm-stamp__version">v3</span>' in html
    # The procedure's own "## Purpose" is a level below its title; "###" one more.
    assert '<h4 id="statutory-referrals--purpose">Purpose</h4>' in html
    assert '<h5 id="statutory-s47--custom">Detail</h5>' in html
    assert html.index("statutory-referrals--scope") < html.index('id="statutory-s47"')


def test_ids_are_unique_however_many_procedures_share_a_heading():
    html = render(TWO)
    counted = Counter(ids(html))
    assert not [i for i, n in counted.items() if n > 1], counted
    # As toc names them on the procedure's own page: the second "Purpose" of s47 is purpose_1.
    assert {"statutory-referrals--purpose", "statutory-s47--purpose", "statutory-s47--purpose_1"} <= set(counted)


def test_links_point_within_the_page_or_to_the_website():
    links = hrefs(render(TWO))
    # Within a procedure, and to another procedure of this page (its place, or a heading in it).
    assert "#statutory-referrals--scope" in links
    assert "#statutory-s47--purpose" in links
    assert "#statutory-referrals" in links
    assert "#statutory-s47--custom" in links
    # Anything else: the website, relative to the print page (MkDocs makes it an address and checks it).
    assert "../supplementary/neglect.md#signs" in links
    assert "https://example.org/form.pdf" in links and "mailto:team@example.org" in links
    # The web address of each procedure links to its own page, never into this one.
    assert "../statutory/referrals.md" in links and "../statutory/s47.md" in links
    assert not [h for h in links if h.startswith("#") and h[1:] not in ids(render(TWO))]


def test_the_related_box_links_within_the_page_or_to_the_website():
    html = render(TWO, related=(Related("1.2", "Section 47", "statutory/s47.md"), Related("3.1", "Neglect", "supplementary/neglect.md")))
    box = html[html.index('<aside aria-labelledby="statutory-referrals--pm-related" class="pm-links pm-links--related"'):]
    box = box[:box.index("</aside>")]
    assert 'id="statutory-referrals--pm-related"' in box
    assert '<h4 class="pm-links__title"' in box
    assert hrefs(box) == ["#statutory-s47", "../supplementary/neglect.md"]


def test_raw_markup_in_a_procedure_stays_in_its_article():
    html = render({**TWO, "statutory/referrals.md": "## Purpose\n\n<div class=\"note\">\n\n!print-procedure x.md\n\n</div>\n\nText.\n"})
    # A marker-like line that is not the plan's, or inside raw HTML, does not open a procedure.
    assert html.count('class="pm-print-procedure"') == 2
