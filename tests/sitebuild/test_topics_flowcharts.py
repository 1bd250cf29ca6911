"""Flowcharts with `keywords` join the topic lists, like procedures."""

from __future__ import annotations

import re

from click.testing import CliRunner

from generator.cli import main
from tests.conftest import page

TOPICS = "neglect:\n  label: Neglect\n  description: Persistent failure to meet a child's basic needs.\n"
SHEET = """---
title: Neglect Sheet
version: 1
last_updated: 2026-01-01
topics: [neglect]
---

## About

Everything on neglect.
"""


def chart(keywords: str) -> str:
    return f"""title: Neglect route
version: 2
last_updated: 2025-01-01
keywords: {keywords}
steps:
  - id: start
    text: A worry about neglect
    type: end
"""


def setup(project, keywords: str) -> None:
    project.write("topics.yml", TOPICS)
    project.write("docs/info-sheets/neglect.md", SHEET)
    project.write("statutory/referrals.md", page(keywords=["neglect"]))
    project.write("flowcharts/neglect-route.yml", chart(keywords))


def test_a_flowchart_with_a_topic_is_listed_on_the_sheet_and_topics_page(project):
    setup(project, "[neglect]")
    built = project.build()
    assert built.returncode == 0, built.output
    sheet = built.html("info-sheets/neglect/index.html")
    assert re.search(r'href="../../flowcharts/neglect-route/"[^>]*>[^<]*Neglect route', sheet)
    assert "Neglect route" in built.html("topics/index.html")


def test_a_flowchart_keyword_outside_the_list_is_a_warning(project):
    setup(project, "[neglectt]")
    built = project.build()
    assert built.returncode != 0
    assert "flowcharts/neglect-route.yml:4:" in built.output and "neglectt" in built.output
    result = CliRunner().invoke(main, ["-C", str(project.root), "check"])
    assert result.exit_code == 1
    assert "flowcharts/neglect-route.yml:4:" in result.output


def test_a_glossary_term_with_a_topic_is_listed_on_the_sheet(project):
    setup(project, "[neglect]")
    project.write("glossary.yml", "terms:\n  - term: Neglect\n    definition: Persistent failure to meet needs.\n    topics: [neglect]\n")
    project.write("statutory/referrals.md", page(keywords=["neglect"], body="## Purpose\n\nAbout neglect.\n"))
    built = project.build()
    assert built.returncode == 0, built.output
    sheet = built.html("info-sheets/neglect/index.html")
    assert re.search(r'href="../../glossary/#neglect"[^>]*>Neglect</a>', sheet)
    assert "Glossary terms" in sheet


def test_a_glossary_topic_outside_the_list_is_a_warning(project):
    setup(project, "[neglect]")
    project.write("glossary.yml", "terms:\n  - term: Neglect\n    definition: Persistent failure.\n    topics: [negelct]\n")
    project.write("statutory/referrals.md", page(keywords=["neglect"], body="## Purpose\n\nAbout neglect.\n"))
    built = project.build()
    assert built.returncode != 0
    assert "glossary.yml:4:" in built.output and "negelct" in built.output
    result = CliRunner().invoke(main, ["-C", str(project.root), "check"])
    assert result.exit_code == 1 and "glossary.yml:4:" in result.output
