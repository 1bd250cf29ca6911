"""What flowcharts link to, for the "Referred to by" boxes: from their own pages and from embeds."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.flowcharts import links
from generator.flowcharts.model import load_library

TODAY = dt.date(2026, 11, 23)

CHART = """\
title: Referral
version: 2
last_updated: 2024-05-01
steps:
  - id: start
    text: Concern
    link: statutory/referrals.md#purpose
    next: decide
  - id: decide
    type: decision
    text: Protect?
    next:
      - {label: "Yes", to: protect}
      - {label: "No", to: assess}
  - id: protect
    text: Immediate protection
    link: charts/immediate.yml
    type: end
  - id: assess
    text: Assessment
    link: statutory/assessing-need.md
    type: end
"""
IMMEDIATE = """\
title: Immediate protection
version: 1
last_updated: 2024-05-01
steps:
  - id: act
    text: Act now
    link: charts/immediate.yml
    type: end
"""


@pytest.fixture
def library(tmp_path):
    (tmp_path / "charts").mkdir()
    (tmp_path / "charts/referral.yml").write_text(CHART, encoding="utf-8")
    (tmp_path / "charts/immediate.yml").write_text(IMMEDIATE, encoding="utf-8")
    library = load_library(tmp_path, "charts", today=TODAY)
    assert list(library.problems) == []
    return library


def test_a_flowchart_page_refers_to_what_its_steps_link_to(library):
    pages = {page.uri: page for page in links.referrers(library)}
    assert pages["charts/referral.md"].title == "Referral"
    assert pages["charts/referral.md"].links == (
        ("statutory/referrals.md", 7), ("charts/immediate.md", 17), ("statutory/assessing-need.md", 21))
    assert pages["charts/immediate.md"].links == ()  # a link to itself is not a reference


EMBEDS = [
    # id, Markdown, first line, the links the page gets
    ("one embed", "Intro\n\n!flowchart referral\n", 10,
     [("statutory/referrals.md", 12), ("charts/immediate.md", 12), ("statutory/assessing-need.md", 12)]),
    ("written with .yml and the folder", "!flowchart charts/referral.yml\n", 1,
     [("statutory/referrals.md", 1), ("charts/immediate.md", 1), ("statutory/assessing-need.md", 1)]),
    ("the embedding page is not its own referrer", "!flowchart referral\n", 1,
     [("charts/immediate.md", 1), ("statutory/assessing-need.md", 1)]),
    ("in a code fence", "```\n!flowchart referral\n```\n", 1, None),
    ("unknown flowchart", "!flowchart nowhere\n", 1, None),
    ("malformed line", "!flowchart\n", 1, None),
    ("a flowchart without links", "!flowchart immediate\n", 1, None),
]


@pytest.mark.parametrize(("markdown", "first_line", "expected"), [e[1:] for e in EMBEDS], ids=[e[0] for e in EMBEDS])
def test_a_page_embedding_a_flowchart_links_where_its_steps_link(library, request, markdown, first_line, expected):
    uri = "statutory/referrals.md" if "own referrer" in request.node.name else "statutory/neglect.md"
    assert links.embedded_links(library, [(uri, markdown, first_line)]).get(uri) == expected
