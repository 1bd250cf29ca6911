"""Whole builds of the print edition: a page per chapter and one for the whole manual, linked from
the contents page, out of the menu and of search, each id once, every link landing somewhere."""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tests.conftest import page
from tests.sitebuild.test_flowchart_build import demo_project


class _Page(HTMLParser):
    """The ids of a built page, and the links and text of its content (the theme's chrome apart)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.articles = 0  # inside <article class="md-content__inner">, how deep in articles
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "article" and (self.articles or "md-content__inner" in (values.get("class") or "")):
            self.articles += 1
        if values.get("id"):
            self.ids.append(values["id"])
        if self.articles and tag == "a" and values.get("href"):
            self.links.append(values["href"])

    def handle_endtag(self, tag):
        if tag == "article" and self.articles:
            self.articles -= 1

    def handle_data(self, data):
        if self.articles:
            self.text.append(data)


def parsed(html: str) -> _Page:
    reader = _Page()
    reader.feed(html)
    return reader


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = demo_project(tmp_path_factory.mktemp("print") / "manual")
    # Two procedures of one chapter with the same headings, linking to each other's headings, and
    # the referral flowchart shown in both.
    project.write("statutory/referrals.md", page("Referrals", 4, "2024-03-01", body=(
        "## Purpose\n\nSee [the scope](#scope) and [strategy's purpose](strategy-discussions.md#purpose).\n\n"
        "## Scope\n\nText.\n\n## Flowchart\n\n!flowchart referral\n"
    ), related=["statutory/strategy-discussions.md"]))
    project.write("statutory/strategy-discussions.md", page("Strategy <Discussions> & You", 2, "2024-03-01", body=(
        "## Purpose\n\nBack to [referrals](referrals.md#scope).\n\n## Scope\n\nText.\n\n!flowchart referral\n\n"
        "!flowchart strategy-discussion\n"
    )))
    result = project.build()
    assert result.returncode == 0, result.output
    return result


def chapters(built) -> list[str]:
    return sorted(p.parent.name for p in (built.site / "print").glob("*/index.html") if p.parent.name != "manual")


def test_a_page_for_each_chapter_and_one_for_the_whole_manual(built):
    # The chapters that hold procedures: "Flowcharts" holds none.
    assert chapters(built) == ["statutory", "supplementary"]
    whole = parsed(built.html("print/manual/index.html"))
    text = " ".join("".join(whole.text).split())
    statutory = text.index("1. Statutory")
    assert statutory < text.index("1.1 Assessing need") < text.index("1.5 Referrals") < text.index("3. Supplementary")
    assert "Last Updated: 1 March 2024 v4" in text
    assert "Web address: statutory/referrals/" in text  # no site_url: from the site's root (manual.js completes it)
    # The chapter's page holds that chapter alone.
    chapter = " ".join("".join(parsed(built.html("print/statutory/index.html")).text).split())
    assert "1.5 Referrals" in chapter and "3. Supplementary" not in chapter
    # Titles stay text.
    assert "Strategy &lt;Discussions&gt; &amp; You" in built.html("print/statutory/index.html")


@pytest.mark.parametrize("uri", ["print/manual/index.html", "print/statutory/index.html"])
def test_every_id_once_and_every_link_lands(built, uri):
    reader = parsed(built.html(uri))
    twice = [i for i, n in Counter(reader.ids).items() if n > 1]
    assert not twice, twice
    here = "/" + uri
    for link in reader.links:
        parts = urlsplit(urljoin(here, link))
        if parts.scheme or parts.netloc:
            continue
        if parts.path == here.removesuffix("index.html"):
            assert parts.fragment in reader.ids, f"{link}: no such id on the page"
            continue
        target = built.site / unquote(parts.path).lstrip("/")
        target = target / "index.html" if target.is_dir() else target
        assert target.is_file(), f"{uri}: {link} goes nowhere"
    # Links between the chapter's procedures jump within the page; the others go to the website.
    assert "#statutory-strategy-discussions--purpose" in reader.links
    assert "#statutory-referrals--scope" in reader.links
    assert "#statutory-strategy-discussions" in reader.links  # the related box
    assert "../../flowcharts/referral/" in reader.links  # the flowchart's own page


def test_the_flowcharts_print_with_their_text_version(built):
    html = built.html("print/statutory/index.html")
    # Shown twice in one chapter: two figures, each id once (checked above), each with a text version.
    assert html.count('id="statutory-referrals--flowchart-referral"') == 1
    assert len(re.findall(r'id="statutory-strategy-discussions--flowchart-referral(-2)?"', html)) == 1
    assert html.count('class="pm-flowchart__text"') >= 3
    # The diagram's accessible name still points at its own title.
    assert re.search(r'aria-labelledby="statutory-referrals--flowchart-referral-svg-title', html)


def test_linked_from_the_contents_page_and_kept_out_of_the_menu_and_search(built):
    contents = built.html("contents/index.html")
    assert re.search(r'<a href="\.\./print/manual/">print the whole manual</a>', contents)
    assert re.search(r'<a href="\.\./print/statutory/">Print this chapter</a>', contents)
    assert re.search(r'<a href="\.\./print/supplementary/">Print this chapter</a>', contents)
    procedure = built.html("statutory/referrals/index.html")
    assert "print/" not in procedure.split('<div class="md-content"')[0], "a print page is in the menu"
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if d["location"].startswith("print/")]
    assert "statutory/referrals/" in {d["location"] for d in index["docs"]}


def test_print_pages_are_not_glossary_linked(project):
    project.write("glossary.yml", "terms:\n  - term: Section 47 enquiry\n    definition: An enquiry by the local authority.\n")
    project.write("statutory/referrals.md", page(body="## Purpose\n\nStart a Section 47 enquiry.\n"))
    result = project.build()
    assert result.returncode == 0, result.output
    assert "pm-term" in result.html("statutory/referrals/index.html")
    printed = result.html("print/manual/index.html")
    assert "Start a Section 47 enquiry." in printed and "pm-term" not in printed.split("md-content")[1]


def test_turned_off_and_under_serve(project, monkeypatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.chdir(project.root)
    config = load_config(str(project.root / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    preview = (project.root / "site" / "print" / "manual" / "index.html").read_text(encoding="utf-8")
    assert "not\nwhile you preview it with <code>mkdocs serve</code>" in preview or "while you preview it" in preview
    assert "1.1 Referrals" not in preview and "Referrals" not in preview.split("md-content")[1]

    project.config(print_edition={"enabled": False})
    result = project.build()
    assert result.returncode == 0, result.output
    assert not (result.site / "print").exists()
    assert "Print this chapter" not in result.html("contents/index.html")


def test_a_page_of_docs_dir_where_the_whole_manual_goes(project):
    project.write("docs/print/manual.md", "# Mine\n")
    project.reports("docs/print/manual.md:", "error")


def test_the_print_folder_option_is_checked(project):
    project.config(print_edition={"folder": "/"})
    project.fails_check_and_build("print_edition: folder must name a folder")


def test_the_privacy_page_option_is_checked(project):
    project.config(updates={"privacy_page": "no-such.md"})
    project.fails_check_and_build("updates: privacy_page 'no-such.md' is not a page: there is no docs/no-such.md")


def test_a_section_over_several_chapters_lists_each_chapter_on_the_contents_page(project):
    from generator.project import load_project
    from generator.site import plan_site

    project.write("statutory/strategy.md", page("Strategy", 2, "2024-01-01"))
    project.config(_mkdocs={"nav": [
        "index.md", "contents.md", {"Front Door & Referrals": ["statutory/referrals.md"]}, {"Assessment": ["statutory/strategy.md"]},
        {"Neglect": ["supplementary/neglect.md"]},
    ]})
    plan = plan_site(load_project(project.root))
    contents = plan.pages["contents.md"].markdown
    assert ("Print a chapter: [1\\. Front Door & Referrals](print/front-door-referrals.md) · "
            "[2\\. Assessment](print/assessment.md)\n") in contents.replace("&amp;", "&")
    assert "[Print this chapter](print/neglect.md)" in contents
    assert "[print the whole manual](print/manual.md)" in contents
    assert [e.uri for e in plan.editions.chapters] == ["print/front-door-referrals.md", "print/assessment.md", "print/neglect.md"]
    assert not plan.problems.errors and not plan.problems.warnings
