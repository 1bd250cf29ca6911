"""Tables for the flowchart model's pure functions: links, `!flowchart` lines, loading."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.core.problems import Problems
from generator.flowcharts import model

TODAY = dt.date(2026, 11, 23)

CHART = """\
title: Referral
version: 2
last_updated: 2024-05-01
steps:
  - id: start
    text: "  A   practitioner
      has concerns  "
    timescale: Within one day
    next: decide
  - id: decide
    type: Decision
    text: Protect?
    next:
      - {label: "Yes", to: protect}
      - {label: " No ", to: start}
  - id: protect
    text: Protection
    link: flowcharts/immediate.yml#first-step
    type: end
"""


def test_a_flowchart_loads_into_the_model():
    problems = Problems()
    chart = model.parse_flowchart(CHART.encode(), "flowcharts/referral.yml", "flowcharts", problems, today=TODAY)
    assert list(problems) == []
    assert chart is not None
    assert (chart.name, chart.uri, chart.svg_uri) == ("referral", "flowcharts/referral.md", "flowcharts/referral.svg")
    assert [s.id for s in chart.steps] == ["start", "decide", "protect"]
    start, decide, protect = chart.steps
    assert start.text == "A practitioner has concerns"  # white space as one space
    assert start.timescale == "Within one day" and start.line == 5
    assert start.next == [model.Branch("decide", "", 9)]
    assert decide.type == "decision"  # written "Decision"
    assert [(b.label, b.to) for b in decide.next] == [("Yes", "protect"), ("No", "start")]
    assert (protect.link_uri, protect.link_anchor, protect.link_line) == ("flowcharts/immediate.md", "first-step", 18)
    assert chart.number("protect") == 3
    assert chart.meta.version == 2 and chart.meta.last_updated == dt.date(2024, 5, 1)


def test_a_byte_order_mark_is_allowed():
    problems = Problems()
    assert model.parse_flowchart(b"\xef\xbb\xbf" + CHART.encode(), "flowcharts/referral.yml", "flowcharts", problems, today=TODAY)
    assert list(problems) == []


@pytest.mark.parametrize("link, expected", [
    ("statutory/referrals.md", ("statutory/referrals.md", "", None)),
    ("statutory/referrals.md#purpose", ("statutory/referrals.md", "purpose", None)),
    ("flowcharts/assessment.yml", ("flowcharts/assessment.md", "", None)),
    ("flowcharts/../statutory/a.md", ("statutory/a.md", "", None)),
    ("../outside.md", ("", "", "'link' must be a page of this manual")),
    ("/statutory/referrals.md", ("", "", "write 'link' without the leading '/', as 'statutory/referrals.md'")),
    ("https://www.gov.uk/", ("", "", "not a web address")),
    ("mailto:team@example.org", ("", "", "not a web address")),
    ("statutory/referrals", ("", "", "'link' must end in .md")),
    ("#anchor", ("", "", "'link' must be a page of this manual")),
])
def test_parse_link(link, expected):
    uri, anchor, message = model.parse_link(link)
    assert (uri, anchor) == expected[:2]
    if expected[2] is None:
        assert message is None
    else:
        assert expected[2] in message


@pytest.mark.parametrize("text, expected", [
    ("!flowchart referral", [(1, "referral")]),
    ("Intro\n\n!flowchart referral.yml  \n", [(3, "referral.yml")]),
    ("  !flowchart referral", [(1, "referral")]),  # inside a list item or admonition
    ("```\n!flowchart referral\n```\n!flowchart after", [(4, "after")]),
    ("~~~~md\n!flowchart referral\n~~~\n!flowchart x\n~~~~\n", []),
    ("`!flowchart referral` in code", []),
    ("Text !flowchart referral", []),
    ("!flowchart", [(1, None)]),
    ("!flowchart a b", [(1, None)]),
    ("!flowcharts referral", [(1, None)]),
])
def test_find_embeds(text, expected):
    assert [(line, name) for line, _, name in model.find_embeds(text)] == expected


@pytest.mark.parametrize("written, name", [
    ("referral", "referral"),
    ("referral.yml", "referral"),
    ("flowcharts/referral.yml", "referral"),
])
def test_embed_name(written, name):
    assert model.Library("flowcharts").embed_name(written) == name


def test_a_missing_folder_means_no_flowcharts(tmp_path):
    library = model.load_library(tmp_path, "flowcharts", today=TODAY)
    assert library.charts == {} and list(library.problems) == []


def test_other_files_in_the_folder(tmp_path):
    (tmp_path / "flowcharts").mkdir()
    (tmp_path / "flowcharts" / "README.md").write_text("Notes\n")
    (tmp_path / "flowcharts" / "referral.yaml").write_text(CHART)
    library = model.load_library(tmp_path, "flowcharts", today=TODAY)
    assert library.charts == {}
    assert [str(p) for p in library.problems] == [
        "flowcharts/referral.yaml: is ignored: flowchart files end in '.yml'; rename it to referral.yml [flowchart-file-name]"
    ]
    assert library.problems.warnings


def test_the_cache_rereads_a_changed_file(tmp_path):
    cache = model.FlowchartCache()
    path = tmp_path / "flowcharts" / "referral.yml"
    path.parent.mkdir()
    path.write_text(CHART)
    first = model.load_library(tmp_path, "flowcharts", today=TODAY, cache=cache).charts["referral"]
    assert model.load_library(tmp_path, "flowcharts", today=TODAY, cache=cache).charts["referral"] is first
    path.write_text(CHART.replace("title: Referral", "title: Referral changed"))
    assert model.load_library(tmp_path, "flowcharts", today=TODAY, cache=cache).charts["referral"].title == "Referral changed"
