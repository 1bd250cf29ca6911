"""`procedures new`: a page that passes the checks and a strict build, named from its title."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.core.frontmatter import parse_page
from generator.core.problems import Problems
from generator.newpage import SKELETON, slugify
from tests.conftest import TODAY, page


def run(project, *args: str):
    return CliRunner().invoke(main, ["-C", str(project.root), *args])


def test_new_page_has_valid_front_matter_and_skeleton(project):
    result = run(project, "new", "statutory", "Working with Interpreters")
    assert result.exit_code == 0, result.output
    path = project.root / "statutory" / "working-with-interpreters.md"
    text = path.read_text(encoding="utf-8")
    assert text == (
        "---\n"
        "title: Working with Interpreters\n"
        "version: 1\n"
        f"last_updated: {TODAY}\n"
        "summary: One sentence that tells practitioners what this procedure covers.\n"
        "changes:\n"
        "  - version: 1\n"
        f"    date: {TODAY}\n"
        "    note: First version.\n"
        "---\n"
        "\n" + SKELETON
    )
    for heading in ("## Purpose", "## Scope", "## Procedure", "## Related Procedures"):
        assert f"\n{heading}\n" in text
    problems = Problems()
    meta, _ = parse_page(text, "x.md", problems, today=dt.date.fromisoformat(TODAY))
    assert not list(problems) and meta is not None and meta.version == 1
    assert result.output.splitlines() == [
        f"Created statutory/working-with-interpreters.md (version 1, last updated {TODAY}).",
        "It is in the menu under 'Statutory Procedures', in title order.",
        "Next: replace the summary and the sentences under each heading, then run 'procedures check'.",
    ]


def test_new_page_passes_check_and_a_strict_build(project):
    assert run(project, "new", "supplementary", "Young Carers", "--owner", "Early Help Team").exit_code == 0
    check = run(project, "check")
    assert check.exit_code == 0, check.output
    built = project.build()
    assert built.returncode == 0, built.output
    assert "WARNING" not in built.output
    html = built.html("supplementary/young-carers/index.html")
    assert "Young Carers" in html and "Early Help Team" not in built.output
    text = (project.root / "supplementary/young-carers.md").read_text()
    assert "owner: Early Help Team\n" in text


def test_section_by_label_ignores_case(project):
    result = run(project, "new", "supplementary procedures", "Young Carers")
    assert result.exit_code == 0, result.output
    assert (project.root / "supplementary/young-carers.md").is_file()


def test_options_and_titles_that_need_quotes_in_yaml(project):
    result = run(project, "new", "statutory/", "Referrals: a <script>guide</script> & more",
                 "--summary", "How to refer: step by step.")
    assert result.exit_code == 0, result.output
    path = project.root / "statutory" / "referrals-a-script-guide-script-and-more.md"
    meta = yaml.safe_load(path.read_text().split("---")[1])
    assert meta["title"] == "Referrals: a <script>guide</script> & more"
    assert meta["summary"] == "How to refer: step by step."
    assert run(project, "check").exit_code == 0
    built = project.build()
    assert built.returncode == 0, built.output
    html = built.html("statutory/referrals-a-script-guide-script-and-more/index.html")
    assert "<script>guide" not in html and "&lt;script&gt;guide" in html


def test_with_nav_it_prints_the_line_to_add(project):
    nav = [{"Home": "index.md"}, {"Contents": "contents.md"},
           {"Statutory Procedures": ["statutory/referrals.md"]},
           {"Supplementary Procedures": ["supplementary/neglect.md"]}]
    project.config(_mkdocs={"nav": nav})
    config = project.root / "mkdocs.yml"
    before = config.read_text()
    lines = before.splitlines()
    after = lines.index("  - statutory/referrals.md") + 1

    result = run(project, "new", "statutory", "Assessing Need")
    assert result.exit_code == 0, result.output
    assert config.read_text() == before  # mkdocs.yml is never rewritten
    assert result.output.splitlines()[1:3] == [
        f"mkdocs.yml lists its pages in 'nav': add this line to it under 'Statutory Procedures', after line {after}:",
        "  - statutory/assessing-need.md",
    ]
    # Until the line is added, check says so; once added as printed, check and the build pass.
    assert run(project, "check").exit_code == 1
    lines.insert(after, "  - statutory/assessing-need.md")
    config.write_text("\n".join(lines) + "\n")
    assert run(project, "check").exit_code == 0
    built = project.build()
    assert built.returncode == 0, built.output
    assert "<h1>1.2 Assessing Need</h1>" in built.html("statutory/assessing-need/index.html")


def test_with_nav_but_no_group_for_the_section(project):
    project.config(_mkdocs={"nav": ["index.md", "contents.md", {"Statutory Procedures": ["statutory/referrals.md"]}]})
    (project.root / "supplementary/neglect.md").unlink()
    result = run(project, "new", "supplementary", "Young Carers")
    assert result.exit_code == 0
    config = (project.root / "mkdocs.yml").read_text()
    last = len(config.splitlines())
    assert f"add these lines to it as a new group at the end of nav, after line {last}:" in result.output
    assert "\n- Supplementary Procedures:\n  - supplementary/young-carers.md\n" in result.output
    (project.root / "mkdocs.yml").write_text(config + "- Supplementary Procedures:\n  - supplementary/young-carers.md\n")
    assert run(project, "check").exit_code == 0


def test_refuses_to_overwrite(project):
    existing = project.root / "statutory" / "referrals.md"
    before = existing.read_text()
    project.write("statutory/referrals.md", before)
    result = run(project, "new", "statutory", "Referrals!")
    assert result.exit_code == 1
    assert result.output == (
        "Error: statutory/referrals.md: already exists and was left as it is; choose another title, or edit that page\n"
    )
    assert existing.read_text() == before


def test_refuses_a_title_already_used_in_the_section(project):
    project.write("statutory/old-name.md", page("Assessing Need"))
    result = run(project, "new", "statutory", "assessing  need")
    assert result.exit_code == 1
    assert "Error: statutory/old-name.md:2: the title 'Assessing Need' is already used in Statutory Procedures" in result.output
    assert not (project.root / "statutory/assessing-need.md").exists()


def test_creates_a_missing_section_folder(project):
    project.config(sections=[{"folder": "guidance/local", "label": "Local Guidance"}])
    result = run(project, "new", "guidance/local", "Young Carers")
    assert result.exit_code == 0, result.output
    assert (project.root / "guidance/local/young-carers.md").is_file()


@pytest.mark.parametrize("args, expected", [
    (["new", "guidance", "X"], "there is no section 'guidance' in mkdocs.yml; use one of 'statutory' (Statutory Procedures), 'supplementary' (Supplementary Procedures)"),
    (["new", "statutory", "   "], "the title is empty"),
    (["new", "statutory", "Two\nlines"], "the title must be on one line"),
    (["new", "statutory", "???"], "cannot make a file name from the title '???'"),
    (["new", "statutory", "Bell\x07"], "the title contains a control character"),
    (["new", "statutory", "Young Carers", "--owner", " "], "--owner is empty"),
    (["new", "statutory"], "Missing argument 'TITLE'"),
    (["new", "statutory", "A", "B"], "Got unexpected extra argument (B)"),
    (["new", "--colour", "statutory", "A"], "No such option '--colour'"),
])
def test_usage_mistakes_exit_2(project, args, expected):
    result = run(project, *args)
    assert result.exit_code == 2, result.output
    assert expected in result.output
    assert "Traceback" not in result.output
    assert not any((project.root / "statutory").glob("*.md")) or sorted(p.name for p in (project.root / "statutory").glob("*.md")) == ["referrals.md"]


@pytest.mark.parametrize("title, slug", [
    ("Working with Interpreters", "working-with-interpreters"),
    ("Children's Social Care: Référrals & Assessments", "childrens-social-care-referrals-and-assessments"),
    ("  Section 47 Enquiries  ", "section-47-enquiries"),
    ("Straße, Ærø, Łódź, Þórr", "strasse-aero-lodz-thorr"),
    ("Honour-Based Abuse -- and Forced Marriage", "honour-based-abuse-and-forced-marriage"),
    ("Female Genital Mutilation (FGM)", "female-genital-mutilation-fgm"),
    ("a" * 80, "a" * 60),
    ("Safeguarding children who may have been trafficked or who are at risk of modern slavery",
     "safeguarding-children-who-may-have-been-trafficked-or-who"),
    ("日本語", ""),
])
def test_slug(title, slug):
    assert slugify(title) == slug
    assert len(slugify(title)) <= 60
