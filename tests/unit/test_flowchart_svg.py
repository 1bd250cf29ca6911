"""The SVG diagram: well-formed XML with a title and description, real text that fits its
boxes, every step and branch label drawn, and no reference to anything outside itself."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from generator.flowcharts import svg
from generator.flowcharts.model import load_library
from tests.conftest import REPO

NS = "{http://www.w3.org/2000/svg}"
DEMO = load_library(REPO, "flowcharts", today=dt.date(2026, 11, 23))
NAMES = sorted(DEMO.charts)


def parsed(name: str) -> ET.Element:
    return ET.fromstring(svg.to_string(DEMO.charts[name]).encode("utf-8"))


def texts(root: ET.Element) -> list[str]:
    return [" ".join(" ".join(t.itertext()).split()) for t in root.iter(f"{NS}text")]


@pytest.mark.parametrize("name", NAMES)
def test_svg_is_xml_with_title_desc_and_viewbox(name):
    root = parsed(name)
    chart = DEMO.charts[name]
    assert root.tag == f"{NS}svg"
    assert root.find(f"{NS}title").text == chart.title
    assert chart.meta.summary in root.find(f"{NS}desc").text
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == f"flowchart-{name}-svg-title flowchart-{name}-svg-desc"
    width, height = root.get("width"), root.get("height")
    assert root.get("viewBox") == f"0 0 {width} {height}"


@pytest.mark.parametrize("name", NAMES)
def test_every_step_and_branch_label_is_real_text(name):
    drawn = texts(parsed(name))
    chart = DEMO.charts[name]
    for step in chart.steps:
        assert step.text in drawn
        if step.timescale:
            assert step.timescale in drawn
        for branch in step.next:
            if branch.label:
                assert branch.label in drawn
    groups = [g for g in parsed(name).iter(f"{NS}g") if "pm-fc-step " in (g.get("class") or "")]
    assert len(groups) == len(chart.steps)
    edges = [p for p in parsed(name).iter(f"{NS}path") if p.get("class") == "pm-fc-edge"]
    assert len(edges) == sum(len(step.next) for step in chart.steps)


@pytest.mark.parametrize("name", NAMES)
def test_no_external_references(name):
    root = parsed(name)
    tags = {element.tag.removeprefix(NS) for element in root.iter()}
    assert not tags & {"image", "use", "script", "style", "foreignObject", "a", "iframe", "feImage"}
    for element in root.iter():
        for key, value in element.attrib.items():
            assert "href" not in key
            assert "url(" not in value
            assert "://" not in value or value == "http://www.w3.org/2000/svg"


def test_linked_steps_are_links_only_pointers_use():
    chart = DEMO.charts["referral"]
    root = svg.build(chart, href=lambda step: f"../{step.link_uri}" if step.link_uri else None)
    links = root.findall(".//a")
    assert [a.get("href") for a in links] == [f"../{s.link_uri}" for s in chart.steps if s.link_uri]
    assert all(a.get("tabindex") == "-1" for a in links)  # the text version holds the keyboard links


@pytest.mark.parametrize("name", NAMES)
def test_text_fits_inside_its_box(name):
    chart = DEMO.charts[name]
    diagram, shapes = svg.diagram_layout(chart)
    for step in chart.steps:
        shape, box = shapes[step.id], diagram.nodes[step.id]
        inner = box.width - 2 * svg.PAD_X - 2 * shape.inset
        for line in shape.lines:
            assert svg.text_width(line, svg.TEXT_SIZE) <= inner + 0.5, line
        lines_height = len(shape.lines) * svg.TEXT_LINE + len(shape.timescale) * svg.SMALL_LINE
        assert lines_height < box.height


@pytest.mark.parametrize("text, width, expected", [
    ("A practitioner has concerns about a child's welfare", 196, ["A practitioner has concerns", "about a child's welfare"]),
    ("Short", 196, ["Short"]),
    ("", 196, [""]),
    ("Supercalifragilisticexpialidocious word", 100, ["Supercalifragilisticexpialidocious", "word"]),
    ("  spaces   collapse  ", 196, ["spaces collapse"]),
])
def test_wrap(text, width, expected):
    assert svg.wrap(text, width, svg.TEXT_SIZE) == expected


def test_text_width_uses_the_font_metrics():
    assert svg.text_width("WWW", 10) > svg.text_width("iii", 10) * 3
    assert svg.text_width("abc", 20) == pytest.approx(2 * svg.text_width("abc", 10))
    assert svg.text_width("é", 10) == svg.text_width("e", 10)  # accents take their letter's width
    assert svg.text_width("安", 10) == 10  # wide characters: a whole em
    assert svg.text_width("Yes", 13, bold=True) > svg.text_width("Yes", 13)
