"""Pages missing from nav, and nav lines to missing pages: `procedures check` and the strict build
agree, for every kind of page (procedures, flowcharts, info-sheets, docs_dir pages, generated pages)."""

from __future__ import annotations

from typing import Any, Callable

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import Project, page

ROUTE = "title: {title}\nversion: 1\nlast_updated: 2024-01-01\nsteps:\n  - id: a\n    text: Start\n    type: end\n"
NAV: list[Any] = [
    {"Home": "index.md"}, {"Contents": "contents.md"}, {"Topics": "topics.md"}, {"About": "about.md"},
    {"Statutory": ["statutory/referrals.md"]}, {"Supplementary": ["supplementary/neglect.md"]},
    {"Flowcharts": ["flowcharts/route.md"]}, {"Info-sheets": ["info-sheets/neglect.md"]},
]


def sheet(title: str, **fields: Any) -> str:
    return page(title, 1, "2025-01-01", topics=["neglect"], **fields)


@pytest.fixture
def manual(project: Project) -> Project:
    project.write("topics.yml", "neglect: {label: Neglect, description: Needs not met.}\n")
    project.write("docs/about.md", "---\ntitle: About\n---\n\nAbout this manual.\n")
    project.write("docs/info-sheets/neglect.md", sheet("Neglect sheet"))
    project.write("flowcharts/route.yml", ROUTE.format(title="Route"))
    project.config(_mkdocs={"nav": NAV})
    return project


def nav_with(*extra: Any, drop: str = "") -> list[Any]:
    return [entry for entry in NAV if drop not in str(entry) or not drop] + list(extra)


Edit = Callable[[Project], Any]
CASES: list[tuple[str, Edit, list[str]]] = [
    ("complete nav", lambda p: None, []),
    ("new flowchart", lambda p: p.write("flowcharts/new-route.yml", ROUTE.format(title="New route")),
     ["flowcharts/new-route.yml:1: the flowchart's page flowcharts/new-route.md is not in 'nav' in mkdocs.yml, so readers "
      "cannot find it in the menu: add the line '- flowcharts/new-route.md' under 'Flowcharts', after line "]),
    ("new flowchart, no Flowcharts group", lambda p: (p.write("flowcharts/new-route.yml", ROUTE.format(title="New route")),
                                                      p.config(_mkdocs={"nav": nav_with(drop="flowcharts/route.md")})),
     ["flowcharts/new-route.yml:1: the flowchart's page flowcharts/new-route.md is not in 'nav' in mkdocs.yml, so readers "
      "cannot find it in the menu: add a group '- Flowcharts:' at the end of nav, after line ",
      "flowcharts/route.yml:1: the flowchart's page flowcharts/route.md is not in 'nav'"]),
    ("new info-sheet", lambda p: p.write("docs/info-sheets/new.md", sheet("New sheet")),
     ["docs/info-sheets/new.md:1: the info-sheet info-sheets/new.md is not in 'nav' in mkdocs.yml, so readers cannot find it "
      "in the menu: add the line '- info-sheets/new.md' under 'Info-sheets', after line "]),
    ("draft info-sheet", lambda p: p.write("docs/info-sheets/new.md", sheet("New sheet", status="draft")), []),
    ("archived info-sheet", lambda p: p.write("docs/info-sheets/new.md", sheet("New sheet", status="archived")), []),
    ("new docs page", lambda p: p.write("docs/help.md", "# Help\n\nText.\n"),
     ["docs/help.md:1: the page help.md is not in 'nav' in mkdocs.yml, so readers cannot find it in the menu: add the line "
      "'- help.md' at the end of nav, after line ", "or list it under 'not_in_nav' in mkdocs.yml to keep it out of the menu"]),
    ("docs page kept out by not_in_nav", lambda p: (p.write("docs/help.md", "# Help\n\nText.\n"),
                                                    p.config(_mkdocs={"nav": NAV, "not_in_nav": "/help.md\n"})), []),
    ("procedure kept out by not_in_nav", lambda p: (p.write("statutory/later.md", page("Later")),
                                                    p.config(_mkdocs={"nav": NAV, "not_in_nav": "statutory/later.md\n"})), []),
    ("generated page missing", lambda p: p.config(_mkdocs={"nav": nav_with(drop="topics.md")}),
     ["mkdocs.yml:", ": 'nav' does not list the generated page topics.md, so readers cannot find it in the menu: add the "
      "line '- topics.md' at the end of nav"]),
    ("nav lists a deleted flowchart", lambda p: p.config(_mkdocs={"nav": nav_with({"Old": ["flowcharts/gone.md"]})}),
     ["mkdocs.yml:", ": 'nav' lists flowcharts/gone.md, which does not exist: correct the path, or remove the line"]),
    ("omitted pages allowed", lambda p: (p.write("flowcharts/new-route.yml", ROUTE.format(title="New route")),
                                         p.config(_mkdocs={"nav": NAV, "validation": {"omitted_files": "info"}})), []),
]


@pytest.mark.parametrize(("edit", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_check_and_the_strict_build_agree_on_nav(manual, edit, expected):
    edit(manual)
    result = CliRunner().invoke(main, ["-C", str(manual.root), "check"])
    built = manual.build()
    if not expected:
        assert result.exit_code == 0, result.output
        assert built.returncode == 0, built.output
        return
    assert result.exit_code == 1
    for text in expected:
        assert text in result.stdout, result.stdout
    assert built.returncode != 0
    assert "not included in the \"nav\" configuration" in built.output or "which is not found" in built.output


def test_a_nav_line_to_a_page_with_errors_is_not_also_reported(manual):
    manual.write("flowcharts/route.yml", ROUTE.format(title="Route").replace("version: 1", "version: one"))
    manual.write("docs/info-sheets/neglect.md", sheet("Neglect sheet", status="draft"))
    result = CliRunner().invoke(main, ["-C", str(manual.root), "check"])
    assert result.stdout == "error: flowcharts/route.yml:2: 'version' must be a whole number such as 14, not 'one' [flowchart-source]\n"
