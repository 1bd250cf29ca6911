"""Whole builds in tmp_path with --strict: stamps, numbers, contents, drafts and archived pages."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import page


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def nav_titles(html: str) -> list[str]:
    return [" ".join(m.split()) for m in re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', html, re.S)]


def test_stamp_number_and_title_on_each_procedure(project):
    project.write("statutory/assessing.md", page("Assessing Need", 3, "2025-06-30"))
    project.config(_mkdocs={"nav": [
        {"Home": "index.md"},
        {"Contents": "contents.md"},
        {"Statutory": ["statutory/referrals.md", "statutory/assessing.md"]},
        {"Supplementary": ["supplementary/neglect.md"]},
    ]})
    built = project.build()
    assert built.returncode == 0, built.output

    referrals = built.html("statutory/referrals/index.html")
    assert "<h1>1.1 Referrals</h1>" in referrals
    assert re.search(r'Last Updated: <time datetime="2023-04-14">14 April 2023</time>', referrals)
    assert '<span class="pm-stamp__version">v14</span>' in referrals
    assert "<title>Referrals - Test Partnership Manual</title>" in referrals

    assessing = built.html("statutory/assessing/index.html")
    assert "<h1>1.2 Assessing Need</h1>" in assessing
    assert "30 June 2025" in assessing and ">v3<" in assessing
    assert "<h1>2.1 Neglect</h1>" in built.html("supplementary/neglect/index.html")

    titles = nav_titles(referrals)
    assert titles.index("1. Statutory") < titles.index("1.1 Referrals") < titles.index("1.2 Assessing Need") < titles.index("2. Supplementary")
    assert "2.1 Neglect" not in titles  # other chapters are closed in the sidebar
    assert "2.1 Neglect" in nav_titles(built.html("supplementary/neglect/index.html"))


def test_contents_page_rows_in_nav_order(project):
    project.write("statutory/assessing.md", page("Assessing Need", 3, "2026-06-30", summary="How needs are assessed."))
    project.config(updated_since="2026-01-01", _mkdocs={"nav": [
        "index.md", "contents.md",
        {"Statutory": ["statutory/assessing.md", "statutory/referrals.md"]},
        {"Supplementary": ["supplementary/neglect.md"]},
    ]})
    built = project.build()
    assert built.returncode == 0, built.output
    contents = text_of(built.html("contents/index.html"))
    assert "1. Statutory Procedures" in contents
    assert "1.1 Assessing Need Updated How needs are assessed. v3 30 June 2026" in contents
    assert "1.2 Referrals | " not in contents
    assert "1.2 Referrals v14 14 April 2023" in contents
    assert "2.1 Neglect v7 1 February 2024" in contents
    assert contents.index("Assessing Need") < contents.index("Referrals") < contents.index("Neglect")
    html = built.html("contents/index.html")
    assert 'href="../statutory/assessing/"' in html


def test_drafts_are_left_out_and_archived_pages_built_with_banner(project):
    project.write("statutory/draft.md", page("Work in Progress", 1, "2026-01-01", status="draft"))
    project.write("statutory/old.md", page("Old Guidance", 2, "2020-01-01", status="archived"))
    built = project.build()
    assert built.returncode == 0, built.output
    assert not (built.site / "statutory" / "draft").exists()
    assert "Work in Progress" not in built.html("contents/index.html")

    old = built.html("statutory/old/index.html")
    assert "pm-banner--archived" in old and "has been archived" in old
    assert "Old Guidance" not in " ".join(nav_titles(built.html("index.html")))
    assert "Old Guidance" not in built.html("contents/index.html")
    index = json.loads((built.site / "search" / "search_index.json").read_text())
    assert not [d for d in index["docs"] if d["location"].startswith("statutory/old/")]
    assert [d for d in index["docs"] if d["location"].startswith("statutory/referrals/")]


def test_drafts_can_be_previewed(project):
    project.write("statutory/draft.md", page("Work in Progress", 1, "2026-01-01", status="draft"))
    project.config(drafts=True)
    built = project.build()
    assert built.returncode == 0, built.output
    assert "pm-banner--draft" in built.html("statutory/draft/index.html")


def test_without_nav_the_order_comes_from_the_folders(project):
    project.write("statutory/assessing.md", page("Assessing Need", 3, "2025-06-30"))
    built = project.build()
    assert built.returncode == 0, built.output
    titles = nav_titles(built.html("statutory/assessing/index.html"))
    assert titles.index("1.1 Assessing Need") < titles.index("1.2 Referrals") < titles.index("2. Supplementary Procedures")
    assert titles.index("1. Statutory Procedures") < titles.index("1.1 Assessing Need")


def test_markup_in_front_matter_shows_as_text(project):
    evil = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    project.write("statutory/referrals.md", page(evil, summary=evil + " [link](javascript:alert(1))"))
    built = project.build()
    assert built.returncode == 0, built.output
    for rel in ("statutory/referrals/index.html", "contents/index.html"):
        html = built.html(rel)
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert 'href="javascript:' not in html
        assert "&lt;script&gt;alert" in html


@pytest.mark.parametrize("numbering", [True, False])
def test_markup_in_chapter_and_nav_titles_shows_as_text(project, numbering):
    """Titles written in nav (chapters, and pages titled there) are text in the menu."""
    project.config(numbering=numbering, _mkdocs={"nav": [
        {"Home": "index.md"},
        {"Contents <b>& co</b>": "contents.md"},
        {'Under <16s & "<script>alert(1)</script>"': ["statutory/referrals.md"]},
        {"Supplementary": ["supplementary/neglect.md"]},
    ]})
    built = project.build()
    assert built.returncode == 0, built.output
    for rel in ("statutory/referrals/index.html", "contents/index.html", "index.html"):
        html = built.html(rel)
        assert "<script>alert" not in html and "<b>& co" not in html, rel
    menu = built.html("statutory/referrals/index.html")
    number = "1. " if numbering else ""
    assert f'{number}Under &lt;16s &amp; &#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34;' in menu
    assert "Contents &lt;b&gt;&amp; co&lt;/b&gt;" in menu


@pytest.mark.parametrize(("source", "h1s"), [
    ("# Local Contacts – Who to Call & When\n\nText.\n", ["3.1 Local Contacts – Who to Call &amp; When"]),
    ("---\ntitle: Local contacts - who to call & when\n---\n\n# Local Contacts – Who to Call & When\n\nText.\n",
     ["3.1 Local contacts - who to call &amp; when"]),
    ("---\ntitle: Contacts\n---\n\nText.\n", ["3.1 Contacts"]),
    # a heading that says something else is part of the text, and stays
    ("---\ntitle: Contacts\n---\n\n# Out of Hours\n\nText.\n", ["Out of Hours"]),
])
def test_a_docs_page_in_a_chapter_shows_its_numbered_title_once(project, source, h1s):
    project.write("docs/local-contacts.md", source)
    project.config(_mkdocs={"nav": [
        "index.md", "contents.md",
        {"Statutory": ["statutory/referrals.md"]},
        {"Supplementary": ["supplementary/neglect.md"]},
        {"About": ["local-contacts.md"]},
    ]})
    built = project.build()
    assert built.returncode == 0, built.output
    page = built.html("local-contacts/index.html")
    assert [re.sub(r"<[^>]+>|¶|&para;", "", h) for h in re.findall(r"<h1\b[^>]*>(.*?)</h1>", page, re.S)] == h1s


def test_a_second_manual_with_other_folders_labels_and_no_numbering(tmp_path):
    """Nothing is tied to the demo: other folder names, labels, date format, numbering off."""
    from tests.conftest import Project

    proj = Project(tmp_path / "other")
    proj.write("site-pages/index.md", "---\ntitle: Start\n---\n\nHello.\n")
    proj.write("policies/children/missing.md", page("Missing Children", 2, "2025-03-09"))
    proj.write("guidance/bullying.md", page("Bullying", 5, "2024-12-25"))
    proj.config(
        sections=[{"folder": "guidance", "label": "Practice Guidance"}, {"folder": "policies", "label": "Core Policies"}],
        numbering=False,
        date_format="%d/%m/%Y",
        contents={"path": "all-procedures.md", "title": "All Procedures"},
        _mkdocs={"docs_dir": "site-pages", "site_name": "Other Board"},
    )
    built = proj.build()
    assert built.returncode == 0, built.output
    missing = built.html("policies/children/missing/index.html")
    assert "<h1>Missing Children</h1>" in missing
    assert "09/03/2025" in missing and ">v2<" in missing
    contents = text_of(built.html("all-procedures/index.html"))
    assert "Practice Guidance" in contents and "Core Policies" in contents
    assert contents.index("Practice Guidance") < contents.index("Core Policies")
    assert "No." not in contents
    titles = nav_titles(missing)
    assert "Practice Guidance" in titles and "Core Policies" in titles and "Missing Children" in titles
    assert "Bullying" in nav_titles(built.html("guidance/bullying/index.html"))
    assert not any(re.match(r"\d", t) for t in titles)


def test_missing_content_folder_is_an_error(project):
    project.config(sections=[{"folder": "statutory", "label": "S"}, {"folder": "nowhere", "label": "N"}])
    built = project.build()
    assert built.returncode != 0
    assert "the content folder 'nowhere' does not exist" in built.output


def test_a_long_chapter_is_windowed_in_the_sidebar_and_complete_in_the_contents(project):
    for n in range(1, 13):
        project.write(f"supplementary/p{n:02d}.md", page(f"Page {n:02d}", 1, "2024-01-01"))
    project.config(nav_limit=5)
    built = project.build()
    assert built.returncode == 0, built.output
    html = built.html("supplementary/p07/index.html")
    titles = nav_titles(html)
    shown = list(dict.fromkeys(t for t in titles if t.startswith("2.") and "Page" in t))  # the active page shows twice
    assert len(shown) == 5 and any("Page 07" in t for t in shown)
    assert "more in this section (see the contents)" in html
    assert re.search(r'href="../../contents/"[^>]*><span class="md-ellipsis">\d+ more in this section', html)
    contents = text_of(built.html("contents/index.html"))
    assert all(f"Page {n:02d}" in contents for n in range(1, 13))


def test_serve_watches_the_content_folders_and_the_topic_list(project):
    """MkDocs watches only docs_dir: the sources beside it must be added, or editing them does nothing."""
    project.write("topics.yml", "neglect: {label: Neglect, description: About neglect.}\n")
    watched = project.watched_by_serve()
    for path in ("statutory", "supplementary", "topics.yml"):
        assert str(project.root / path) in watched, path


def test_a_title_heading_at_the_top_of_the_text_is_the_page_title(project):
    """Real pages start with `# Title` (MkDocs' convention, and what converters write): the heading
    gives the title when front matter has none, and is shown once, with its number and stamp."""
    project.write("statutory/referrals.md", page(title=None, body="# Making a Referral – Who, When & How?\n\n## Purpose\n\nText.\n"))
    project.write("supplementary/neglect.md", page("Neglect", 7, "2024-02-01", body="<!-- imported -->\n# neglect\n\nText.\n"))
    project.write("supplementary/harm.md", page("Children’s Homes – Standards", 1, "2024-02-01",
                                                body="Children's Homes - Standards\n============================\n\nText.\n"))
    project.write("supplementary/script.md", page(title=None, version=1, last_updated="2024-02-01",
                                                  body="# <script>alert(1)</script> & Co\n\nText.\n"))
    built = project.build()
    assert built.returncode == 0, built.output
    assert "WARNING" not in built.output

    referrals = built.html("statutory/referrals/index.html")
    assert referrals.count("<h1") == 1
    assert "<h1>1.1 Making a Referral – Who, When &amp; How?</h1>" in referrals
    assert "<title>Making a Referral – Who, When &amp; How? - Test Partnership Manual</title>" in referrals
    neglect = built.html("supplementary/neglect/index.html")
    assert neglect.count("<h1") == 1 and ">neglect<" not in neglect
    harm = built.html("supplementary/harm/index.html")
    assert harm.count("<h1") == 1 and "Children’s Homes – Standards</h1>" in harm
    script = built.html("supplementary/script/index.html")
    assert "<script>alert(1)</script>" not in script
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</h1>" in script
    contents = built.html("contents/index.html")
    assert "Making a Referral – Who, When &amp; How?" in contents
