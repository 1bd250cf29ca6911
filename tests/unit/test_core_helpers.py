"""Tables for the core's pure functions: numbering, escaping, dates, YAML with lines."""

from __future__ import annotations

import datetime as dt

import markdown
import pytest

from generator.core import dates, mdtext, numbering, yamlsource


NAV = [
    {"Home": "index.md"},
    {"Statutory": ["statutory/a.md", {"Sub": ["statutory/b.md", "statutory/c.md"]}, "statutory/d.md"]},
    "about.md",
    {"Supplementary": ["supplementary/e.md", {"External": "https://example.org/"}, "supplementary/f.md"]},
]


def test_numbering_follows_nav_order_and_skips_top_level_pages():
    result = numbering.number(numbering.from_config(NAV))
    assert result.pages == {
        "statutory/a.md": "1.1",
        "statutory/b.md": "1.2.1",
        "statutory/c.md": "1.2.2",
        "statutory/d.md": "1.3",
        "supplementary/e.md": "2.1",
        "supplementary/f.md": "2.2",
    }
    assert result.groups == {("Statutory",): "1", ("Statutory", "Sub"): "1.2", ("Supplementary",): "2"}


def test_numbering_round_trips_and_prunes():
    nodes = numbering.from_config(NAV)
    assert numbering.to_config(nodes) == [
        {"Home": "index.md"},
        {"Statutory": ["statutory/a.md", {"Sub": ["statutory/b.md", "statutory/c.md"]}, "statutory/d.md"]},
        "about.md",
        {"Supplementary": ["supplementary/e.md", {"External": None}, "supplementary/f.md"]},
    ]
    pruned = numbering.prune(nodes, {"statutory/b.md", "statutory/c.md"})
    assert numbering.page_order(pruned) == ["index.md", "statutory/a.md", "statutory/d.md", "about.md", "supplementary/e.md", "supplementary/f.md"]
    assert numbering.number(pruned).pages["statutory/d.md"] == "1.2"


@pytest.mark.parametrize("text", [
    "Alcohol & <Drugs> [2024]",
    "*not emphasis* and _not_ either",
    "a | pipe in a table",
    "<script>alert(1)</script>",
    "1. not a list",
    "# not a heading",
    "`not code`",
    "[not](a link)",
    "back\\slash",
])
def test_inline_escaping_shows_text_as_written(text):
    html = markdown.markdown(f"| a |\n| - |\n| {mdtext.inline(text)} |", extensions=["tables"])
    cell = html.split("<td>")[1].split("</td>")[0]
    assert cell == text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@pytest.mark.parametrize("target, source, expected", [
    ("statutory/a.md", "contents.md", "statutory/a.md"),
    ("statutory/a.md", "statutory/b.md", "a.md"),
    ("supplementary/x y.md", "statutory/b.md", "../supplementary/x%20y.md"),
    ("index.md", "info/sheets/a.md", "../../index.md"),
])
def test_link_to(target, source, expected):
    assert mdtext.link_to(target, source) == expected


@pytest.mark.parametrize("fmt, expected", [
    ("%-d %B %Y", "4 April 2023"),
    ("%d/%m/%Y", "04/04/2023"),
    ("%A %-d %b %Y", "Tuesday 4 Apr 2023"),
])
def test_format_date(fmt, expected):
    assert dates.format_date(dt.date(2023, 4, 4), fmt) == expected


@pytest.mark.parametrize("fmt, problem", [("dd/mm/yyyy", "has no %-codes"), ("%-d %B %Y", None)])
def test_check_date_format(fmt, problem):
    message = dates.check_format(fmt)
    assert (message is None) if problem is None else (problem in message)


def test_yaml_records_lines_and_keeps_dates_as_text():
    data = yamlsource.load("a: 1\nlist:\n  - x\n  - when: 2023-13-45\n", line_offset=1)
    assert data == {"a": 1, "list": ["x", {"when": "2023-13-45"}]}
    assert data.lines == {"a": 2, "list": 3}
    assert data["list"].lines == [4, 5]
    assert data["list"][1].line == 5


@pytest.mark.parametrize("text, line, message", [
    ("a: b: c\n", 1, "mapping values are not allowed"),
    ("a: 1\na: 2\n", 2, "'a' is given twice"),
    ("a: [1, 2\n", 2, "the YAML is not valid"),
    ("a: 'open\n", 1, "the YAML is not valid"),
    ("\ta: 1\n", 1, "tabs"),
])
def test_yaml_errors_have_lines(text, line, message):
    with pytest.raises(yamlsource.YamlError) as caught:
        yamlsource.load(text)
    assert caught.value.line == line
    assert message in caught.value.message
