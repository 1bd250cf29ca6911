"""Whole builds with --strict: the amendments page and feed, the release stamp, review banners
and placeholder-link warnings, on a fixture manual spread over two releases."""

from __future__ import annotations

import html
import posixpath
import re

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import Project, page
from tests.unit.test_amendments_feed import A, validate_atom

SHA = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432"
RELEASES = {
    "release": {"name": "Update 15", "date": "2026-11-01"},
    "releases": [{"name": "Update 14", "date": "2025-11-01"}],
}
FLOWCHART = """\
title: Referral flowchart
version: 4
last_updated: 2025-11-01
changes:
  - {version: 4, date: 2025-11-01, note: Added the follow-up step.}
steps:
  - id: a
    text: Start
    type: end
"""


def text_of(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", markup)).split())


def article(markup: str) -> str:
    return markup[markup.index("<article"):markup.index("</article>")]


@pytest.fixture
def manual(tmp_path) -> Project:
    proj = Project(tmp_path / "manual")
    proj.write("docs/index.md", "---\ntitle: Home\n---\n\nWelcome.\n")
    proj.write("statutory/referrals.md", page("Referrals", 15, "2026-11-10", changes=[
        {"version": 15, "date": "2026-11-10", "note": "Referrers follow up after three working days."},
        {"version": 14, "date": "2026-03-01", "note": "Clarified consent <script>alert(1)</script> | [form](#) *now*."},
        {"version": 13, "date": "2025-06-01", "note": "Updated the Front Door number."},
    ]))
    proj.write("statutory/alcohol.md", page("Alcohol & <Drugs> [2024]", 2, "2025-01-10", review_due="2026-01-01",
                                            owner="<img src=x onerror=alert(1)>", changes=[
        {"version": 2, "date": "2025-01-10", "note": "Second version."},
    ]))
    proj.write("supplementary/neglect.md", page("Neglect", 1, "2026-02-01", review_due="2026-03-01", owner="Neglect Lead", changes=[
        {"version": 1, "date": "2026-02-01", "note": "New procedure."},
    ]))
    proj.write("supplementary/old.md", page("Old Guidance", 3, "2025-10-01", status="archived", changes=[
        {"version": 3, "date": "2025-10-01", "note": "Archived: replaced by Neglect."},
    ]))
    proj.write("supplementary/draft.md", page("Draft Work", 1, "2026-11-01", status="draft", changes=[
        {"version": 1, "date": "2026-11-01", "note": "Secret draft."},
    ]))
    proj.write("flowcharts/referral.yml", FLOWCHART)
    proj.config(**RELEASES, commit=SHA, review={"warn_overdue": False}, _mkdocs={"site_url": "https://procedures.example.org.uk/"})
    return proj


def test_amendments_page_feed_release_and_banners(manual):
    built = manual.build()
    assert built.returncode == 0, built.output

    # The amendments page: groups newest first, each entry linked with its version and note.
    markup = article(built.html("amendments/index.html"))
    text = text_of(markup)
    headings = [text_of(h) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", markup, re.S)]
    assert headings == ["Since Update 15", "Update 15", "Update 14"]
    since, update15, update14 = re.split(r"<h2[^>]*>", markup)[1:]
    assert "Referrals v15 10 November 2026 Referrers follow up after three working days." in text_of(since)
    assert "New in Update 15" in text_of(update15) and "Neglect v1 1 February 2026 New procedure." in text_of(update15)
    assert "Changed in Update 15" in text_of(update15)
    assert "Referrals v14 1 March 2026 Clarified consent <script>alert(1)</script> | [form](#) *now*." in text_of(update15)
    assert "Published 1 November 2026." in text_of(update15)
    assert "Referrals v13 1 June 2025 Updated the Front Door number." in text_of(update14)
    assert "Alcohol & <Drugs> [2024] v2 10 January 2025 Second version." in text_of(update14)
    assert "Archived in Update 14" in text_of(update14) and "Old Guidance v3 1 October 2025 Archived: replaced by Neglect." in text_of(update14)
    assert "Referral flowchart (flowchart) v4 1 November 2025 Added the follow-up step." in text_of(update14)
    assert "Draft Work" not in text and "Secret draft" not in text
    assert 'href="../statutory/referrals/"' in since and 'href="../supplementary/old/"' in update14
    assert "<script>alert" not in markup and "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert 'href="../amendments.xml"' in markup  # the subscribe link

    # The feed: valid Atom, absolute URLs from site_url, newest first, drafts left out.
    feed = validate_atom((built.site / "amendments.xml").read_text(encoding="utf-8"))
    entries = feed.findall(f"{A}entry")
    assert [e.find(f"{A}title").text for e in entries] == [
        "Referrals: version 15", "Referrals: version 14", "New: Neglect", "Referral flowchart: version 4",
        "Archived: Old Guidance", "Referrals: version 13", "Alcohol & <Drugs> [2024]: version 2"]
    assert entries[0].find(f"{A}link").get("href") == "https://procedures.example.org.uk/statutory/referrals/"
    assert entries[3].find(f"{A}link").get("href") == "https://procedures.example.org.uk/flowcharts/referral/"

    # Every page: the feed in <head>, the release and commit in the footer.
    pages = sorted(built.site.rglob("index.html"))
    assert len(pages) >= 6
    for path in pages:
        markup = path.read_text(encoding="utf-8")
        link = re.search(r'<link rel="alternate" type="application/atom\+xml" title="Test Partnership Manual: amendments" href="([^"]+)">', markup)
        assert link, path
        target = posixpath.normpath(posixpath.join(path.parent.relative_to(built.site).as_posix(), link.group(1)))
        assert target == "amendments.xml", path
        footer = text_of(markup[markup.index('<div class="md-copyright">'):])
        assert "Update 15, 1 November 2026 · built from commit 9f8e7d6" in footer, path

    # Home and contents pages name the release; contents flags what changed since Update 14.
    for rel in ("index.html", "contents/index.html"):
        markup = article(built.html(rel))
        assert "This is Update 15 of the manual, published 1 November 2026. See what has changed." in text_of(markup)
        assert re.search(r'<a href="(\.\./)?amendments/">See what has changed</a>', markup)
    contents = text_of(article(built.html("contents/index.html")))
    assert "Procedures marked Updated have changed since Update 14 (1 November 2025)." in contents
    assert "Referrals Updated" in contents and "Neglect Updated" in contents and "Alcohol & <Drugs> [2024] Updated" not in contents

    # Overdue pages carry the banner; the owner is shown as text.
    neglect = text_of(article(built.html("supplementary/neglect/index.html")))
    assert "Review overdue This procedure was due for review on 1 March 2026. It may be out of date; contact Neglect Lead." in neglect
    alcohol = article(built.html("statutory/alcohol/index.html"))
    assert "contact &lt;img src=x onerror=alert(1)&gt;." in alcohol and "<img src=x" not in alcohol
    assert "pm-banner--review" not in built.html("statutory/referrals/index.html")
    assert "pm-banner--review" not in built.html("supplementary/old/index.html")


def test_flowcharts_come_from_the_configured_folder(manual):
    manual.write("charts/referral.yml", FLOWCHART)
    (manual.root / "flowcharts/referral.yml").unlink()
    manual.config(**RELEASES, flowcharts={"folder": "charts"}, review={"warn_overdue": False},
                  _mkdocs={"site_url": "https://procedures.example.org.uk/"})
    built = manual.build()
    assert built.returncode == 0, built.output
    update14 = re.split(r"<h2[^>]*>", article(built.html("amendments/index.html")))[-1]
    assert "Referral flowchart (flowchart) v4 1 November 2025 Added the follow-up step." in text_of(update14)
    assert 'href="../charts/referral/"' in built.html("amendments/index.html")
    feed = validate_atom((built.site / "amendments.xml").read_text(encoding="utf-8"))
    links = [e.find(f"{A}link").get("href") for e in feed.findall(f"{A}entry")]
    assert "https://procedures.example.org.uk/charts/referral/" in links


def test_overdue_pages_fail_strict_builds_when_configured(manual):
    manual.config(**RELEASES, review={"warn_overdue": True})
    built = manual.build()
    assert built.returncode != 0
    assert "statutory/alcohol.md:5: this procedure was due for review on 1 January 2026 (2026-01-01)" in built.output
    assert "supplementary/neglect.md:5: this procedure was due for review on 1 March 2026" in built.output
    assert "Aborted with 2 warnings in strict mode!" in built.output


def test_overdue_flowcharts_and_info_sheets_are_treated_like_procedures(manual):
    manual.write("flowcharts/referral.yml", FLOWCHART.replace("last_updated: 2025-11-01", "last_updated: 2025-11-01\n"
                                                              "review_due: 2026-05-01\nowner: Front Door Team"))
    manual.write("topics.yml", "neglect: {label: Neglect, description: Needs not met.}\n")
    manual.write("docs/info-sheets/neglect.md", page("Neglect sheet", 1, "2025-01-01", topics=["neglect"], review_due="2026-02-01"))
    manual.config(**RELEASES, review={"warn_overdue": False})
    built = manual.build()
    assert built.returncode == 0, built.output
    chart = text_of(article(built.html("flowcharts/referral/index.html")))
    assert "Review overdue This flowchart was due for review on 1 May 2026. It may be out of date; contact Front Door Team." in chart
    sheet = text_of(article(built.html("info-sheets/neglect/index.html")))
    assert "Review overdue This info-sheet was due for review on 1 February 2026. It may be out of date; contact the partnership." in sheet
    assert "This procedure was due" in text_of(article(built.html("supplementary/neglect/index.html")))

    # With warn_overdue, the build and `procedures check` warn about every kind of page alike.
    manual.config(**RELEASES, review={"warn_overdue": True})
    built = manual.build()
    expected = [
        "docs/info-sheets/neglect.md:7: this info-sheet was due for review on 1 February 2026 (2026-02-01): review it with its owner",
        "flowcharts/referral.yml:4: this flowchart was due for review on 1 May 2026 (2026-05-01): review it with Front Door Team",
        "statutory/alcohol.md:5: this procedure was due for review on 1 January 2026 (2026-01-01)",
        "supplementary/neglect.md:5: this procedure was due for review on 1 March 2026 (2026-03-01)",
    ]
    assert built.returncode != 0 and "Aborted with 4 warnings in strict mode!" in built.output
    result = CliRunner().invoke(main, ["-C", str(manual.root), "check"])
    for message in expected:
        assert message in built.output and message in result.output


def test_placeholder_links_fail_strict_builds_with_file_and_line(project):
    project.write("docs/about.md", "---\ntitle: About\n---\n\nFill in [the form](#).\n")
    project.write("statutory/referrals.md", page(body="## Purpose\n\nSee [](https://example.org) and `[code](#)`.\n"))
    built = project.build()
    assert built.returncode != 0
    assert "docs/about.md:5: the link [the form] points to '#', a placeholder" in built.output
    assert "statutory/referrals.md:9: the link to 'https://example.org' has no text" in built.output
    assert "Aborted with 2 warnings in strict mode!" in built.output  # not the one in `code`


def test_without_releases_or_feed(project):
    project.config(amendments={"feed": ""}, _mkdocs={"nav": ["index.md", "contents.md", {"Statutory": ["statutory/referrals.md"]},
                                                           {"Supplementary": ["supplementary/neglect.md"]}]})
    built = project.build()
    assert built.returncode == 0, built.output  # amendments.md is not in the nav: no "omitted" warning
    assert not (built.site / "amendments.xml").exists()
    markup = built.html("amendments/index.html")
    assert "application/atom+xml" not in markup and "pm-release" not in built.html("index.html")
    text = text_of(article(markup))
    assert "All changes" in text and "subscribe" not in text
    assert "pm-release-stamp" not in markup
    assert "Procedures marked" not in text_of(article(built.html("contents/index.html")))


def test_amendments_can_be_turned_off(project):
    project.config(**RELEASES, amendments={"enabled": False})
    built = project.build()
    assert built.returncode == 0, built.output
    assert not (built.site / "amendments").exists() and not (built.site / "amendments.xml").exists()
    home = built.html("index.html")
    assert "application/atom+xml" not in home
    assert "This is <strong>Update 15</strong>" in home and "See what has changed" not in home


def option_error(proj: Project, **options) -> str:
    """What a strict build says of a bad option: MkDocs' own config loading, then our checks."""
    proj.config(**options)
    built = proj.build()
    assert built.returncode != 0 and "Traceback" not in built.output, built.output
    return " ".join(built.output.split())


@pytest.mark.parametrize(("options", "message"), [
    ({"release": {"name": "Update 15", "date": "2026-13-45"}}, "must be a date such as 2026-11-01, not '2026-13-45'"),
    ({"release": {"name": "Update 15"}}, "'release' 'Update 15' needs a 'date' written YYYY-MM-DD"),
    ({"release": {"date": "2026-11-01"}}, "'release' needs a 'name'"),
    ({"release": {"name": "Update 15", "date": "2026-11-01", "when": "now"}}, "when"),
    ({"releases": [{"name": "Update 14", "date": "2025-11-01"}]}, "also set the current one"),
    ({**RELEASES, "releases": [{"name": "Update 16", "date": "2027-01-01"}]}, "is not before the current release"),
    ({"commit": "not a sha; <b>"}, "'commit' 'not a sha; <b>' is not a git commit id"),
    ({"amendments": {"feed": "feed.html"}}, "feed 'feed.html' must be a file name ending in .xml"),
    ({"amendments": {"feed_entries": 0}}, "feed_entries must be 1 or more"),
    ({"review": {"due_soon_days": -1}}, "due_soon_days must be 0 or more"),
    ({"review": {"warn_overdue": "sometimes"}}, "warn_overdue"),
])
def test_bad_options_are_explained(project, options, message):
    assert message in option_error(project, **options)


@pytest.mark.parametrize("existing", ["docs/amendments.md", "docs/amendments.xml"])
def test_a_page_in_the_way_of_the_amendments_page_is_explained(project, existing):
    project.write(existing, "---\ntitle: Mine\n---\n\nText.\n")
    built = project.build()
    assert built.returncode != 0
    assert f"docs_dir 'docs' already has a file '{existing[5:]}', which the amendments page or feed would replace" in " ".join(built.output.split())
    assert "Traceback" not in built.output
