"""Whole builds with the six demo flowcharts: their pages, the figures in procedures, the nav,
the contents page, links, search, and markup in the sources showing as text."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, Project, page
from tests.unit.test_flowchart_extension import handlers

SVG = "{http://www.w3.org/2000/svg}"
DEMO = sorted((REPO / "flowcharts").glob("*.yml"))
# The order of Working Together's flowcharts, and the procedure that embeds each.
ORDER = ["referral", "immediate-protection", "assessment", "strategy-discussion", "after-conference", "returning-home"]
EMBEDDED_IN = {
    "referral": "statutory/referrals.md",
    "immediate-protection": "statutory/immediate-protection.md",
    "assessment": "statutory/assessing-need.md",
    "strategy-discussion": "statutory/strategy-discussions.md",
    "after-conference": "statutory/child-protection-conferences.md",
    "returning-home": "supplementary/returning-home-from-care.md",
}


def demo_sources() -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in DEMO}


def demo_project(root: Path, *, nav: bool = True) -> Project:
    """A small manual holding the six demo flowcharts, each embedded in its procedure, and a
    stub page for every page a flowchart links to."""
    project = Project(root)
    project.write("docs/index.md", "---\ntitle: Home\n---\n\nWelcome.\n")
    for path in DEMO:
        shutil.copy(path, project.write(f"flowcharts/{path.name}", ""))
    pages = set(EMBEDDED_IN.values())
    for source in demo_sources().values():
        pages |= {s["link"] for s in source["steps"] if str(s.get("link", "")).endswith(".md")}
    for uri in sorted(pages):
        title = Path(uri).stem.replace("-", " ").capitalize()
        embeds = [name for name, where in EMBEDDED_IN.items() if where == uri]
        body = "## Purpose\n\nSome text.\n\n" + "".join(f"## Flowchart\n\n!flowchart {name}\n\nAfter the flowchart.\n" for name in embeds)
        project.write(uri, page(title, 2, "2024-03-01", body=body))
    options = {}
    if nav:
        options["_mkdocs"] = {"nav": [
            "index.md",
            "contents.md",
            {"Statutory": sorted(p for p in pages if p.startswith("statutory/"))},
            {"Flowcharts": [f"flowcharts/{name}.md" for name in ORDER]},
            {"Supplementary": sorted(p for p in pages if p.startswith("supplementary/"))},
        ]}
    project.config(**options)
    return project


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    project = demo_project(tmp_path_factory.mktemp("flowcharts") / "manual")
    built = project.build()
    assert built.returncode == 0, built.output
    return built


def html_page(uri: str) -> str:
    return uri[:-3] + "/index.html"


def svg_in(html: str, name: str) -> ET.Element:
    """The inline <svg> of flowchart ``name`` in a built page, parsed as XML."""
    match = re.search(rf'<figure class="pm-flowchart" id="flowchart-{name}">.*?(<svg .*?</svg>)', html, re.S)
    assert match, f"no diagram of {name}"
    return ET.fromstring(match.group(1))


def text_version(html: str, name: str) -> str:
    match = re.search(rf'<figure class="pm-flowchart" id="flowchart-{name}">.*?<div class="pm-flowchart__text">(.*?)</div>', html, re.S)
    assert match, f"no text version of {name}"
    return match.group(1)


def plain(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def svg_texts(svg: ET.Element) -> list[str]:
    return [" ".join(" ".join(t.itertext()).split()) for t in svg.iter(f"{SVG}text")]


@pytest.mark.parametrize("name", [p.stem for p in DEMO])
def test_each_demo_flowchart_has_its_page_and_renders_in_its_procedure(demo, name):
    source = demo_sources()[name]
    own = demo.html(f"flowcharts/{name}/index.html")
    number = ORDER.index(name) + 1
    assert plain(re.search(r"<h1[^>]*>(.*?)</h1>", own, re.S).group(1)) == f"2.{number} {source['title']}"
    assert f'<span class="pm-flowchart__title">Flowchart {number}: ' in own
    assert f'<span class="pm-stamp__version">v{source["version"]}</span>' in own
    assert "Changes to this flowchart" in own
    for change in source.get("changes", []):
        assert change["note"] in plain(own)

    procedure = demo.html(html_page(EMBEDDED_IN[name]))
    for html in (own, procedure):
        svg = svg_in(html, name)  # parses as XML
        assert svg.find(f"{SVG}title").text == source["title"]
        assert svg.find(f"{SVG}desc").text
        drawn = " | ".join(svg_texts(svg))
        written = plain(text_version(html, name))
        for step in source["steps"]:
            assert step["text"] in drawn, step["id"]
            assert step["text"] in written, step["id"]
            if step.get("timescale"):
                assert step["timescale"] in drawn and step["timescale"] in written
            for branch in step["next"] if isinstance(step.get("next"), list) else []:
                assert branch["label"] in drawn
                assert f"{branch['label']}: go to step" in unescape(re.sub(r"<[^>]+>", "", text_version(html, name)))
    # On the procedure page the caption links to the flowchart's page and gives its version.
    assert re.search(rf'Flowchart {number}: <a href="[./]*flowcharts/{name}/">', procedure)
    assert f'Version {source["version"]}, last updated' in procedure


def test_no_external_references_in_the_diagrams(demo):
    for name in ORDER:
        html = demo.html(f"flowcharts/{name}/index.html")
        for svg in (svg_in(html, name), ET.fromstring((demo.site / f"flowcharts/{name}.svg").read_bytes())):
            tags = {element.tag.removeprefix(SVG) for element in svg.iter()}
            assert not tags & {"image", "use", "script", "style", "foreignObject", "iframe"}, name
            for element in svg.iter():
                for key, value in element.attrib.items():
                    assert "url(" not in value and "://" not in value.replace("http://www.w3.org/2000/svg", ""), (name, key, value)
                    if key.endswith("href"):
                        assert not value.startswith(("//", "/")), (name, value)


def test_step_links_become_working_relative_links(demo):
    html = demo.html("flowcharts/referral/index.html")
    # A link to another flowchart, and to a procedure page: in the text version and the diagram.
    assert html.count('href="../immediate-protection/"') >= 2
    assert html.count('href="../../supplementary/escalation/"') >= 2
    procedure = demo.html("statutory/referrals/index.html")
    assert 'href="../../flowcharts/immediate-protection/"' in procedure
    for href in re.findall(r'href="(\.\./[^"#]*)"', html):
        target = (demo.site / "flowcharts/referral" / href).resolve()
        assert (target / "index.html").is_file() or target.is_file(), href
    # "Go to step N" links point at steps of the same text version.
    for anchor in re.findall(r'href="#(flowchart-referral-[^"]+)"', html):
        assert f'id="{anchor}"' in html


def test_the_diagram_can_be_downloaded(demo):
    html = demo.html("flowcharts/assessment/index.html")
    assert 'href="../assessment.svg"' in html
    svg = ET.fromstring((demo.site / "flowcharts/assessment.svg").read_bytes())
    assert svg.get("viewBox") and svg.find(f"{SVG}title") is not None


def test_nav_and_contents_list_the_flowcharts(demo):
    assert "2. Flowcharts" in demo.html("index.html")  # a closed chapter on other pages
    html = demo.html("flowcharts/referral/index.html")
    assert "2. Flowcharts" in html and "2.1 Action taken when a child is referred" in html
    contents = plain(demo.html("contents/index.html"))
    assert "2. Flowcharts" in contents
    assert contents.index("1. Statutory") < contents.index("2. Flowcharts") < contents.index("3. Supplementary")
    assert "2.1 Action taken when a child is referred to local authority children's social care" in contents
    assert "No. Flowchart Summary Version Last updated" in contents


def test_search_indexes_the_text_version_once(demo):
    index = json.loads((demo.site / "search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("statutory/referrals/"))
    assert "Practitioner discusses the concerns with their manager" in text
    assert text.count("Practitioner discusses the concerns") == 1  # the diagram is left out of search


def test_without_a_nav_the_flowcharts_follow_the_content_sections(tmp_path):
    project = demo_project(tmp_path / "manual", nav=False)
    built = project.build()
    assert built.returncode == 0, built.output
    html = built.html("flowcharts/strategy-discussion/index.html")
    titles = [" ".join(t.split()) for t in re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', html, re.S)]
    assert titles.index("2. Supplementary Procedures") < titles.index("3. Flowcharts")
    assert "3.1 Action following a strategy discussion" in titles  # by title, like procedures


def test_markup_in_a_flowchart_shows_as_text(project):
    project.write("flowcharts/tricky.yml", """\
title: "Tricky <script>alert(1)</script> & co"
summary: "<img src=x onerror=alert(1)> summary"
version: 1
last_updated: 2024-05-01
changes:
  - {version: 1, date: 2024-05-01, note: "<b>bold</b> [link](http://example.org)"}
steps:
  - id: "a<b>"
    text: "<script>alert('step')</script> *not emphasis* [not](a link)"
    timescale: "<i onmouseover=alert(1)>soon</i>"
    next: decide
  - id: decide
    type: decision
    text: "Ask {: onclick=alert(1) }"
    next:
      - {label: "<img src=x onerror=alert(2)>", to: done}
      - {label: "No & <u>never</u>", to: done}
  - id: done
    text: "Done\\n{: onclick=alert(3) }"
    type: end
""")
    project.write("statutory/referrals.md", page(body="## Purpose\n\n!flowchart tricky\n"))
    built = project.build()
    assert built.returncode == 0, built.output
    for html in (built.html("flowcharts/tricky/index.html"), built.html("statutory/referrals/index.html")):
        assert "<script>alert" not in html
        assert not handlers(html)
        assert "<em>not emphasis</em>" not in html and '<a href="a link">' not in html
        assert "&lt;script&gt;alert('step')&lt;/script&gt; *not emphasis* [not](a link)" in html
        assert "&lt;img src=x onerror=alert(2)&gt;" in html
        assert "No &amp; &lt;u&gt;never&lt;/u&gt;" in html
        svg_in(html, "tricky")  # still well-formed XML
    own = built.html("flowcharts/tricky/index.html")
    assert "Tricky &lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in own
    assert "&lt;b&gt;bold&lt;/b&gt; [link](http://example.org)" in own


def test_serve_watches_the_flowcharts_folder(project):
    project.write("flowcharts/referral.yml", "title: x\n")
    assert str(project.root / "flowcharts") in project.watched_by_serve()
