"""The core of the topics feature without MkDocs: sources, lists, boxes and their digests."""

from __future__ import annotations

import datetime as dt
from html import unescape

import markdown
import pytest

from generator.core.manual import Section, load_manual
from generator.options import Settings as Options
from generator.topics import Entry, IndexPage, LinkCache, ScannedPage, Settings, build_views, load_sources
from generator.topics.views import markdown_url
from tests.conftest import Project, page

TODAY = dt.date(2026, 11, 23)
TOPICS = """\
neglect: {label: Neglect, description: Needs not met.}
exploitation: {label: Exploitation, description: Used by others.}
education: {label: Education, description: Schools and colleges.}
"""


@pytest.fixture
def proj(tmp_path) -> Project:
    p = Project(tmp_path)
    p.write("topics.yml", TOPICS)
    p.write("docs/index.md", "---\ntitle: Home\n---\n\nStart with [referrals](statutory/referrals.md).\n")
    p.write("statutory/referrals.md", page("Referrals", 14, "2023-04-14", summary="How to refer.", keywords=["neglect"],
                                           related=["supplementary/neglect.md"], body="See [neglect](../supplementary/neglect.md).\n"))
    p.write("supplementary/neglect.md", page("Neglect", 7, "2024-02-01", keywords=["neglect", "education"],
                                             body="Back to [referrals](../statutory/referrals.md#x).\n"))
    p.write("supplementary/cse.md", page("Child Sexual Exploitation", 3, "2025-01-01", keywords=["exploitation"]))
    p.write("supplementary/old.md", page("Old Neglect Guidance", 1, "2020-01-01", keywords=["neglect"], status="archived",
                                         body="[r](../statutory/referrals.md)\n"))
    p.write("docs/info-sheets/neglect.md", page("Neglect Sheet", 2, "2025-01-01", topics=["neglect"],
                                                resources=[{"title": "Help", "url": "https://example.org/a_(b)"}]))
    return p


def views_for(p: Project, *, extra_entries=(), extra_referrers=(), numbers=None):
    sections = [Section(s.folder, s.label) for s in Options().sections]
    manual = load_manual(p.root, sections, today=TODAY)
    docs = {"index.md": p.root / "docs/index.md", "info-sheets/neglect.md": p.root / "docs/info-sheets/neglect.md"}
    sources = load_sources(p.root, p.root / "docs", manual, list(docs), Settings(), today=TODAY)
    assert not list(sources.problems), [str(x) for x in sources.problems]
    nav = ["index.md", "statutory/referrals.md", "supplementary/neglect.md", "supplementary/cse.md", "info-sheets/neglect.md"]
    numbers = numbers if numbers is not None else {"statutory/referrals.md": "1.1", "supplementary/neglect.md": "2.1", "supplementary/cse.md": "2.2"}
    built = set(manual.pages) | set(sources.sheets)
    views = build_views(
        manual, sources, numbers=numbers, nav_order=nav, date_format="%-d %B %Y", docs_pages=docs,
        link_cache=LinkCache(), built=built, index=IndexPage(), extra_entries=extra_entries, extra_referrers=extra_referrers,
    )
    return views, sources


def html(md: str) -> str:
    return markdown.markdown(md)


def test_a_sheet_lists_published_procedures_on_its_topics_by_section(proj):
    views, _ = views_for(proj)
    md = views.sheet_markdown["info-sheets/neglect.md"]
    assert "### Statutory Procedures" in md and "### Supplementary Procedures" in md
    assert "- [1.1 Referrals](../statutory/referrals.md)  \n  How to refer. *Last updated: 14 April 2023 · v14*\n" in md
    assert "[2.1 Neglect](../supplementary/neglect.md)" in md
    assert "Exploitation" not in md and "Old Neglect" not in md  # other topic; archived
    assert md.index("Statutory Procedures") < md.index("Supplementary Procedures")
    assert "[Help](https://example.org/a_%28b%29)" in md


def test_the_topics_page_lists_every_topic_alphabetically_with_its_pages(proj):
    views, _ = views_for(proj)
    md = views.index_markdown
    assert md.index("## Education") < md.index("## Exploitation") < md.index("## Neglect")
    neglect = md[md.index("## Neglect"):]
    assert neglect.splitlines()[4:7] == [
        "- Info-sheet: [Neglect Sheet](info-sheets/neglect.md)",
        "- [1.1 Referrals](statutory/referrals.md)",
        "- [2.1 Neglect](supplementary/neglect.md)",
    ]
    assert "Old Neglect" not in md


def test_boxes_related_and_referred_to_by(proj):
    views, _ = views_for(proj)
    assert [(t.uri, t.number, t.title) for t in views.related["statutory/referrals.md"]] == [
        ("supplementary/neglect.md", "2.1", "Neglect")]
    # Home and Neglect link to Referrals; the archived page's link does not count.
    assert [t.title for t in views.referred_by["statutory/referrals.md"]] == ["Home", "Neglect"]
    assert [t.title for t in views.referred_by["supplementary/neglect.md"]] == ["Referrals"]
    assert "supplementary/cse.md" not in views.referred_by


def test_flowcharts_and_glossary_terms_plug_in_as_entries(proj):
    flowchart = Entry(kind="flowchart", uri="flowcharts/referral.md", title="Action on a <referral>", topics=("neglect",),
                      number="3.1", summary="The route a referral takes.", version=4, last_updated=dt.date(2025, 11, 1),
                      group="Flowcharts")
    term = Entry(kind="term", uri="glossary.md", anchor="neglect", title="Neglect", topics=("neglect",),
                 summary="The persistent failure to meet a child's needs.", group="Glossary terms")
    views, _ = views_for(proj, extra_entries=[term, flowchart],
                         extra_referrers=[ScannedPage("flowcharts/referral.md", "Action on a referral", (("supplementary/cse.md", 0),))])
    md = views.sheet_markdown["info-sheets/neglect.md"]
    assert md.index("### Supplementary Procedures") < md.index("### Flowcharts") < md.index("### Glossary terms")
    assert "[3.1 Action on a &lt;referral\\>](../flowcharts/referral.md)" in md
    assert "Last updated: 1 November 2025 · v4" in md
    assert "[Neglect](../glossary.md#neglect)" in md
    assert "- Glossary: [Neglect](glossary.md#neglect)" in views.index_markdown
    assert "- Flowchart: [3.1 Action on a &lt;referral\\>](flowcharts/referral.md)" in views.index_markdown
    assert [t.title for t in views.referred_by["supplementary/cse.md"]] == ["Action on a referral"]


def test_markup_from_the_sources_stays_text(proj):
    evil = '<script>alert(1)</script> [x](javascript:alert(1)) *bold*'
    proj.write("topics.yml", TOPICS.replace("label: Neglect", f"label: '{evil}'"))
    proj.write("statutory/referrals.md", page(evil, 14, "2023-04-14", summary=evil, keywords=["neglect"]))
    views, _ = views_for(proj)
    for md in (views.sheet_markdown["info-sheets/neglect.md"], views.index_markdown):
        out = html(md)
        assert "<script>" not in out and 'href="javascript:' not in out and "<em>bold" not in out
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out


@pytest.mark.parametrize("summary", ["1. Not a list", "2024. A year", ": not a definition", "# not a heading", "- not an item"])
def test_a_summary_never_becomes_markup_of_its_own(proj, summary):
    proj.write("statutory/referrals.md", page("Referrals", 14, "2023-04-14", summary=summary, keywords=["neglect"]))
    views, _ = views_for(proj)
    out = html(views.sheet_markdown["info-sheets/neglect.md"])
    assert f'<li><a href="../statutory/referrals.md">1.1 Referrals</a><br /> {summary} <em>Last updated' in unescape(" ".join(out.split()))
    assert out.count("<li>") == 3 and "<ol>" not in out  # two procedures, one resource and "<dl>" not in out


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a b", "https://example.org/a%20b"),
    ("https://en.wikipedia.org/wiki/A_(b)", "https://en.wikipedia.org/wiki/A_%28b%29"),
    ('https://example.org/"x"<y>', "https://example.org/%22x%22%3Cy%3E"),
    ("https://example.org/?q=1&r=2#top", "https://example.org/?q=1&r=2#top"),
])
def test_markdown_url(url, expected):
    assert markdown_url(url) == expected
    assert f'href="{expected.replace("&", "&amp;")}"' in html(f"[t]({markdown_url(url)})")


def test_digests_change_only_for_pages_whose_boxes_or_lists_change(proj):
    before, _ = views_for(proj)
    uris = ["statutory/referrals.md", "supplementary/neglect.md", "supplementary/cse.md", "info-sheets/neglect.md"]
    first = before.fingerprints(uris)
    again, _ = views_for(proj)
    assert again.fingerprints(uris) == first

    renumbered, _ = views_for(proj, numbers={"statutory/referrals.md": "1.1", "supplementary/neglect.md": "2.5", "supplementary/cse.md": "2.2"})
    second = renumbered.fingerprints(uris)
    changed = {u for u in uris if first[u] != second[u]}
    # Neglect's number is shown on the sheet and in Referrals' boxes; Neglect's own boxes hold Referrals.
    assert changed == {"statutory/referrals.md", "info-sheets/neglect.md"}
