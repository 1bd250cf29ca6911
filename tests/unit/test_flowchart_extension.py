"""`!flowchart <name>` in Markdown: Markdown in, HTML out, with the text version's structure."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import markdown
import pytest

from generator.core.problems import Problems
from generator.flowcharts import model
from generator.flowcharts.extension import FlowchartExtension

CHART = """\
title: Referral & <more>
summary: From concern to decision.
version: 4
last_updated: 2025-11-01
steps:
  - id: concern
    text: A practitioner has concerns
    next: decide
  - id: decide
    type: decision
    text: Does the child need immediate protection?
    next:
      - {label: "Yes", to: protect}
      - {label: "No", to: assess}
  - id: protect
    text: Immediate protection
    link: flowcharts/immediate.yml
    type: end
  - id: assess
    text: Assessment
    timescale: Within 45 working days
    link: statutory/assessing-need.md#timescales
    next: concern-again
  - id: concern-again
    text: Review
    next: concern
"""


def handlers(html: str) -> list[tuple[str, str]]:
    """Every (tag, attribute) pair where the attribute is an event handler such as onerror."""
    found: list[tuple[str, str]] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.extend((tag, name) for name, _ in attrs if name.startswith("on"))

    Parser().feed(html)
    return found


@pytest.fixture
def extension() -> FlowchartExtension:
    problems = Problems()
    chart = model.parse_flowchart(CHART.encode(), "flowcharts/referral.yml", "flowcharts", problems, today=dt.date(2026, 1, 1))
    assert chart is not None, list(problems)
    ext = FlowchartExtension(model.Library("flowcharts", {"referral": chart}))
    ext.page_uri = "statutory/referrals.md"
    ext.numbers = {"referral": 1}
    return ext


def render(ext: FlowchartExtension, text: str, *extensions: str) -> str:
    return markdown.markdown(text, extensions=[ext, *extensions])


@pytest.mark.parametrize("source", [
    "!flowchart referral",
    "!flowchart referral.yml",
    "!flowchart flowcharts/referral.yml",
    "Intro\n\n!flowchart referral\n\nAfter.",
    "## Flowchart\n!flowchart referral",
    "A paragraph line\n!flowchart referral\nand a line after",
    "!!! note\n\n    !flowchart referral",
    "- a list item\n\n    !flowchart referral",
])
def test_the_embed_line_becomes_a_figure(extension, source):
    html = render(extension, source, "admonition")
    assert html.count('<figure class="pm-flowchart" id="flowchart-referral">') == 1
    assert "!flowchart" not in html
    for text in ("Intro", "After.", "A paragraph line", "and a line after"):
        if text in source:
            assert text in html


@pytest.mark.parametrize("source", [
    "```\n!flowchart referral\n```",
    "    !flowchart referral",
    "`!flowchart referral`",
    "Say !flowchart referral in a sentence",
])
def test_code_and_text_are_left_alone(extension, source):
    html = render(extension, source)
    assert "<figure" not in html
    assert "!flowchart referral" in html


def test_an_unknown_name_is_reported_and_shown_as_written(extension):
    html = render(extension, "!flowchart nothing")
    assert extension.missing == ["nothing"]
    assert "<p>!flowchart nothing</p>" in html


def test_the_figure(extension):
    html = render(extension, "!flowchart referral")
    # The caption links to the flowchart's own page, with its version; links are relative .md
    # paths from the page (MkDocs turns them into URLs).
    assert ('<span class="pm-flowchart__title">Flowchart 1: <a href="../flowcharts/referral.md">'
            "Referral &amp; &lt;more&gt;</a></span>") in html
    assert '<span class="pm-flowchart__stamp">Version 4, last updated 1 November 2025</span>' in html
    assert '<div aria-hidden="true" class="pm-flowchart__diagram"><svg ' in html
    assert "data-search-exclude" in html
    svg = re.search(r"<svg .*?</svg>", html, re.S).group(0)
    root = ET.fromstring(svg)
    hrefs = [a.get("href") for a in root.iter("{http://www.w3.org/2000/svg}a")]
    assert hrefs == ["../flowcharts/immediate.md", "assessing-need.md#timescales"]


def test_on_its_own_page_the_caption_has_no_link(extension):
    extension.page_uri = "flowcharts/referral.md"
    html = render(extension, "!flowchart referral")
    assert '<span class="pm-flowchart__title">Flowchart 1: <span>Referral &amp; &lt;more&gt;</span></span>' in html
    assert "pm-flowchart__stamp" not in html  # the page's own stamp says it
    assert 'href="immediate.md"' in html


def test_the_text_version(extension):
    html = render(extension, "!flowchart referral")
    text = html[html.index('<div class="pm-flowchart__text">'):]
    steps = re.findall(r'<li class="pm-flowchart__step pm-flowchart__step--(\w+)" id="([^"]+)">(.*?)</li>\n(?=<li class="pm|</ol>)', text, re.S)
    assert [(kind, anchor) for kind, anchor, _ in steps] == [
        ("step", "flowchart-referral-concern"),
        ("decision", "flowchart-referral-decide"),
        ("end", "flowchart-referral-protect"),
        ("step", "flowchart-referral-assess"),
        ("step", "flowchart-referral-concern-again"),
    ]
    concern, decide, protect, assess, again = (body for _, _, body in steps)
    assert "Go to" not in concern  # the next step follows it
    assert '<span class="pm-flowchart__kind">Decision:</span> <span>Does the child need immediate protection?</span>' in decide
    assert '<li><span class="pm-flowchart__branch">Yes</span>: go to <a href="#flowchart-referral-protect">step 3</a></li>' in decide
    assert '<li><span class="pm-flowchart__branch">No</span>: go to <a href="#flowchart-referral-assess">step 4</a></li>' in decide
    assert '<a href="../flowcharts/immediate.md">Immediate protection</a>' in protect
    assert "This route ends here." in protect
    assert '<span class="pm-flowchart__kind">Timescale:</span> <span>Within 45 working days</span>' in assess
    assert "Go to" not in assess
    # A step that goes back (a merge or a loop) says where.
    assert '<p class="pm-flowchart__next">Go to <a href="#flowchart-referral-concern">step 1</a>.</p>' in again


def test_a_flowchart_twice_on_a_page_has_unique_ids(extension):
    html = render(extension, "!flowchart referral\n\n!flowchart referral")
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert 'id="flowchart-referral-2"' in html
    assert 'href="#flowchart-referral-2-protect"' in html


def test_markup_in_the_source_shows_as_text(extension):
    chart = extension.library.charts["referral"]
    chart.steps[0].text = "<script>alert(1)</script> *x* [y](z) {: onclick=alert(1) }"
    chart.steps[1].next[0] = model.Branch("protect", '<img src=x onerror="alert(2)">', 0)
    html = render(extension, "!flowchart referral", "attr_list", "md_in_html")
    assert "<script" not in html
    assert not handlers(html)  # no event handler attribute in any tag
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *x* [y](z) {: onclick=alert(1) }" in html
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in html or '&lt;img src=x onerror="alert(2)"&gt;' in html
    assert "<img" not in html
