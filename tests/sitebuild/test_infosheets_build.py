"""Whole builds of info-sheets: their generated lists, resources, stamps, statuses and mistakes."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import page
from tests.sitebuild.test_topics_build import NAV, article, manual, sheet, text_of  # noqa: F401 (fixture)


def generated_lists(html: str) -> dict[str, list[str]]:
    """The sheet's generated lists: {group heading: [link text, ...]}, in order."""
    body = article(html)
    start = body.index('<h2 id="in-this-manual">')
    end = body.index('<h2 id="resources">') if '<h2 id="resources">' in body else len(body)
    groups: dict[str, list[str]] = {}
    current = None
    for tag, inner in re.findall(r"<(h3|li)\b[^>]*>(.*?)</\1>", body[start:end], re.S):
        if tag == "h3":
            current = text_of(inner)
            groups[current] = []
        else:
            groups[current].append(text_of(re.search(r"<a [^>]*>(.*?)</a>", inner, re.S).group(1)))
    return groups


def test_each_sheet_shows_its_generated_lists(manual):
    built = manual.build()
    assert built.returncode == 0, built.output

    risk = built.html("info-sheets/risk-outside-the-home/index.html")
    assert generated_lists(risk) == {
        "Supplementary Procedures": ["2.1 Child Sexual Exploitation", "2.2 Child Criminal Exploitation",
                                     "2.3 Children Who Go Missing", "2.4 Online Harm"],
    }
    assert generated_lists(built.html("info-sheets/volunteers/index.html")) == {
        "Statutory Procedures": ["1.1 Referrals", "1.3 Managing Allegations"],
        "Supplementary Procedures": ["2.5 Safer Recruitment"],
    }
    assert generated_lists(built.html("info-sheets/education/index.html")) == {
        "Statutory Procedures": ["1.1 Referrals", "1.2 Section 47 Enquiries", "1.3 Managing Allegations"],
        "Supplementary Procedures": ["2.1 Child Sexual Exploitation", "2.4 Online Harm", "2.5 Safer Recruitment"],
    }

    text = text_of(article(risk))
    # Title with its number and stamp, the officer's own text, then the lists with summary and stamp.
    assert text.startswith("3.1 Risk Outside the Home Last Updated: 10 June 2026 v2 What this sheet is for Harm outside")
    assert ("Everything published in this manual on Exploitation, Going missing, Serious violence or Online harm.") in text
    assert ("2.1 Child Sexual Exploitation Recognising and responding to sexual exploitation. "
            "Last updated: 5 May 2025 · v5") in text
    assert 'href="../../supplementary/cse/"' in risk
    # Archived and draft pages are not listed.
    assert "Old Exploitation" not in text and "Missing Protocol" not in text
    # The lists are part of the page's text, so search finds them.
    index = json.loads((built.site / "search/search_index.json").read_text())
    docs = [d for d in index["docs"] if d["location"].startswith("info-sheets/risk-outside-the-home/")]
    assert any("Children Who Go Missing" in d["text"] for d in docs)


def test_resources_are_real_links_to_other_sites(manual):
    built = manual.build()
    assert built.returncode == 0, built.output
    body = article(built.html("info-sheets/risk-outside-the-home/index.html"))
    resources = body[body.index('<h2 id="resources">'):]
    assert '<li><a href="https://www.childline.org.uk/">Childline</a>: Help for children.</li>' in resources


def test_sheets_are_numbered_in_the_nav_and_have_the_page_description(manual):
    built = manual.build()
    assert built.returncode == 0, built.output
    html = built.html("info-sheets/education/index.html")
    assert "<h1>3.3 Education Settings</h1>" in html
    assert '<meta name="description" content="Key messages: Education Settings.">' in html
    assert "3. Info-sheets" in text_of(built.html("index.html"))


def test_a_sheet_with_nothing_published_on_its_topics_says_so(manual):
    manual.write("docs/info-sheets/volunteers.md", sheet("Volunteers and Community Organisations", ["neglect"]))
    manual.write("supplementary/neglect.md", page("Neglect", 7, "2024-02-01", keywords=["neglect"], status="archived"))
    manual.write("statutory/referrals.md", (manual.root / "statutory/referrals.md").read_text().replace(
        "- supplementary/neglect.md\n", ""))
    built = manual.build()
    assert built.returncode == 0, built.output
    assert "Nothing is published on these topics yet." in text_of(built.html("info-sheets/volunteers/index.html"))


def test_draft_sheets_are_left_out_and_archived_sheets_kept_out_of_lists(manual):
    manual.write("docs/info-sheets/draft.md", sheet("Draft Sheet", ["neglect"], status="draft"))
    manual.write("docs/info-sheets/old.md", sheet("Old Sheet", ["neglect"], status="archived"))
    built = manual.build()
    assert built.returncode == 0, built.output
    assert not (built.site / "info-sheets/draft").exists()
    old = built.html("info-sheets/old/index.html")
    assert "pm-banner--archived" in old
    assert "2.6 Neglect" in text_of(article(old))  # still a complete page for those who find it
    topics = text_of(article(built.html("topics/index.html")))
    assert "Old Sheet" not in topics and "Draft Sheet" not in topics
    index = json.loads((built.site / "search/search_index.json").read_text())
    assert not [d for d in index["docs"] if d["location"].startswith("info-sheets/old/")]


def test_markup_in_a_sheet_shows_as_text(manual):
    evil = '<script>alert("x")</script> [x](javascript:alert(1))'
    manual.write("docs/info-sheets/education.md", sheet(
        "Education <b>Settings</b>", ["education"], resources=[
            {"title": evil, "url": "https://example.org/?a=<b>&c=\"d\"", "description": evil}]))
    built = manual.build()
    assert built.returncode == 0, built.output
    html = built.html("info-sheets/education/index.html")
    assert "<script>alert" not in html and "<b>Settings" not in html and 'href="javascript:' not in html
    assert "&lt;script&gt;alert" in html
    assert 'href="https://example.org/?a=%3Cb%3E&amp;c=%22d%22"' in html


RESOURCES = [{"title": "Childline", "url": "https://www.childline.org.uk/", "description": "Help."}]
SHEET = "docs/info-sheets/education.md"

BAD = [
    # id, sheet text, expected (file:line: message), only a warning? (or "note": advice that fails nothing)
    ("topic-typo", sheet("Education Settings", ["educaton"]),
     f"{SHEET}:7: 'topics': 'educaton' is not a topic in topics.yml: did you mean 'education' (Education)?", False),
    ("topic-unknown", sheet("Education Settings", ["ofsted"]),
     f"{SHEET}:7: 'topics': 'ofsted' is not a topic in topics.yml: use one of the topics listed in topics.yml", False),
    ("topic-second-line", sheet("Education Settings", ["education", "child protecton"]),
     f"{SHEET}:8: 'topics': 'child protecton' is not a topic in topics.yml: did you mean 'child protection'", False),
    ("topics-missing", page("Education Settings", 2, "2026-06-10"),
     f"{SHEET}:1: 'topics' is missing: add a line such as 'topics: [neglect, early help]' (the topics this info-sheet is about, "
     "from the topic list)", False),
    ("topics-text", page("Education Settings", 2, "2026-06-10", topics="education"),
     f"{SHEET}:5: 'topics' must be a list such as [education], not plain text", False),
    ("topics-empty", page("Education Settings", 2, "2026-06-10", topics=[]),
     f"{SHEET}:5: 'topics' is empty: add at least one topic, such as [neglect, early help]", False),
    ("topics-not-text", page("Education Settings", 2, "2026-06-10", topics=[5]),
     f"{SHEET}:6: every item of 'topics' must be a topic such as 'neglect', not 5", False),
    ("topic-twice", sheet("Education Settings", ["education", "Education"]),
     f"{SHEET}:8: 'topics': 'Education' is listed twice", "note"),
    ("resources-not-list", sheet("Education Settings", ["education"], resources="https://example.org/"),
     f"{SHEET}:8: 'resources' must be a list of entries, each with 'title:', 'url:' and 'description:'", False),
    ("resource-no-url", sheet("Education Settings", ["education"], resources=[{"title": "A", "description": "B"}]),
     f"{SHEET}:9: 'resources' entry 1 has no 'url': add a line such as 'url: https://www.childline.org.uk/'", False),
    ("resource-no-title", sheet("Education Settings", ["education"], resources=RESOURCES + [{"url": "https://example.org/"}]),
     f"{SHEET}:12: 'resources' entry 2 has no 'title': add a line such as 'title: Childline'", False),
    ("resource-javascript", sheet("Education Settings", ["education"], resources=[{"title": "A", "url": "javascript:alert(1)"}]),
     f"{SHEET}:10: 'resources' entry 1: the 'url' 'javascript:alert(1)' must be a web address starting with https://", False),
    ("resource-relative", sheet("Education Settings", ["education"], resources=[{"title": "A", "url": "www.nspcc.org.uk"}]),
     f"{SHEET}:10: 'resources' entry 1: the 'url' 'www.nspcc.org.uk' must be a web address starting with https://", False),
    ("resource-no-host", sheet("Education Settings", ["education"], resources=[{"title": "A", "url": "https://nspcc/"}]),
     f"{SHEET}:10: 'resources' entry 1: the 'url' 'https://nspcc/' has no site name", False),
    ("resource-spaces", sheet("Education Settings", ["education"], resources=[{"title": "A", "url": "https://example.org/a b"}]),
     f"{SHEET}:10: 'resources' entry 1: the 'url' 'https://example.org/a b' contains spaces", False),
    ("resource-text", sheet("Education Settings", ["education"], resources=["https://example.org/"]),
     f"{SHEET}:9: 'resources' entry 1 must be a block of fields with 'title:', 'url:' and 'description:', not 'https://example.org/'", False),
    ("resource-unknown-field", sheet("Education Settings", ["education"], resources=[dict(RESOURCES[0], link="x")]),
     f"{SHEET}:12: unknown field 'link' in 'resources' entry 1 is ignored", True),
    ("resource-title-not-text", sheet("Education Settings", ["education"], resources=[dict(RESOURCES[0], title=["Childline"])]),
     f"{SHEET}:9: 'resources' entry 1: 'title' must be text, not a list", False),
    ("resource-twice", sheet("Education Settings", ["education"], resources=RESOURCES + [dict(RESOURCES[0])]),
     f"{SHEET}:13: 'resources' entry 2: the address https://www.childline.org.uk/ is already listed as entry 1", "note"),
    ("unknown-field", sheet("Education Settings", ["education"], topic=["education"]),
     f"{SHEET}:8: unknown field 'topic' is ignored: did you mean 'topics'?", True),
    ("version-missing", sheet("Education Settings", ["education"]).replace("version: 2\n", ""),
     f"{SHEET}:1: 'version' is missing", False),
    ("date-impossible", sheet("Education Settings", ["education"]).replace("'2026-06-10'", "2026-02-30"),
     f"{SHEET}:4: 'last_updated' 2026-02-30 is not a date", False),
    ("same-title", sheet("Risk Outside the Home", ["education"]),
     "docs/info-sheets/risk-outside-the-home.md:2: the title 'Risk Outside the Home' is already used by the info-sheet "
     f"{SHEET}: give each info-sheet its own title", False),
    ("empty-file", "", f"{SHEET}:1: the file is empty", False),
    ("not-utf8", sheet("Education Settings", ["education"], body="Caf\xe9\n").encode("latin-1"),
     f"{SHEET}:10: the file is not UTF-8 text", False),
]


@pytest.mark.parametrize("content, expected, warning", [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_mistakes_in_a_sheet_are_reported_by_check_and_build(manual, content, expected, warning):
    manual.write(SHEET, content)

    manual.reports(expected, "warning" if warning is True else "error" if warning is False else warning)


def test_a_sheet_with_topics_needs_a_topic_list(manual):
    (manual.root / "topics.yml").unlink()
    manual.config(_mkdocs={"nav": [n for n in NAV if n != {"Topics": "topics.md"}]})
    built = manual.build()
    assert built.returncode != 0
    assert ("docs/info-sheets/education.md:6: this info-sheet has 'topics' but the manual has no topic list: "
            "create topics.yml beside mkdocs.yml") in built.output


def test_a_broken_topic_list_is_reported_once_not_on_every_sheet(manual):
    manual.write("topics.yml", "neglect: Neglect\n")
    built = manual.build()
    assert built.returncode != 0
    assert "The manual has 1 error to fix" in built.output
    assert "topics.yml:1: topic 'neglect' must be a block of fields with a label and a description" in built.output


def test_topics_in_both_places_is_an_error(manual):
    manual.config(topics={"neglect": {"label": "Neglect", "description": "x"}}, _mkdocs={"nav": NAV})
    result = CliRunner().invoke(main, ["-C", str(manual.root), "check"])
    assert result.exit_code == 1
    message = "topics.yml: topics are listed both in topics.yml and under the 'topics' option of the procedures plugin in mkdocs.yml"
    assert message in result.output
    built = manual.build()
    assert built.returncode != 0 and message in built.output
