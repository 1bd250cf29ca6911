"""`procedures check`: every problem at once, sorted, in text, JSON and GitHub formats, exit 0/1/2."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from generator import output
from generator.cli import main
from generator.core.problems import Problem
from tests.conftest import page


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), env=env)


def broken(project):
    """Two pages with problems (two errors and a warning), written out of order."""
    project.write("supplementary/neglect.md", page("Neglect", "seven", "2024-02-01"))
    project.write("statutory/referrals.md", page(last_updated="2023-13-45", sumary="x"))


def test_clean_manual_exits_0(project):
    result = run("-C", str(project.root), "check")
    assert result.exit_code == 0, result.output
    assert result.stdout == "No problems found in 2 pages.\n"
    assert result.stderr == ""


def test_text_lists_every_problem_sorted_by_file_and_line(project):
    broken(project)
    result = run("-C", str(project.root), "check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "error: statutory/referrals.md:4: 'last_updated' 2023-13-45 is not a date (use YYYY-MM-DD, for example 2023-04-14) [front-matter]",
        "warning: statutory/referrals.md:5: unknown field 'sumary' is ignored: did you mean 'summary'? [unknown-field]",
        "error: supplementary/neglect.md:3: 'version' must be a whole number such as 14, not 'seven' [front-matter]",
    ]
    assert "2 errors and 1 warning in 2 pages checked" in result.stderr
    assert "Traceback" not in result.output


def test_a_warning_alone_fails_the_check_as_strict_builds_do(project):
    project.write("statutory/referrals.md", page(sumary="x"))
    result = run("-C", str(project.root), "check")
    assert result.exit_code == 1
    assert "0 errors and 1 warning" in result.stderr


def test_project_option_after_the_subcommand(project):
    broken(project)
    assert run("check", "-C", str(project.root)).exit_code == 1
    assert run("check", "--project", str(project.root)).exit_code == 1


def test_json_format(project):
    broken(project)
    result = run("-C", str(project.root), "check", "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["summary"] == {"errors": 2, "warnings": 1, "notes": 0, "pages": 2, "ok": False}
    assert document["problems"][0] == {
        "file": "statutory/referrals.md",
        "line": 4,
        "level": "error",
        "check": "front-matter",
        "field": "last_updated",
        "message": "'last_updated' 2023-13-45 is not a date (use YYYY-MM-DD, for example 2023-04-14)",
    }
    assert [(p["file"], p["line"], p["level"]) for p in document["problems"]] == [
        ("statutory/referrals.md", 4, "error"),
        ("statutory/referrals.md", 5, "warning"),
        ("supplementary/neglect.md", 3, "error"),
    ]


def test_json_format_when_clean(project):
    result = run("-C", str(project.root), "check", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"problems": [], "summary": {"errors": 0, "warnings": 0, "notes": 0, "pages": 2, "ok": True}}


def test_github_format(project):
    broken(project)
    result = run("-C", str(project.root), "check", "--format", "github", env={"GITHUB_WORKSPACE": str(project.root)})
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::error file=statutory/referrals.md,line=4,title=procedures check%3A front-matter ('last_updated')::"
        "'last_updated' 2023-13-45 is not a date (use YYYY-MM-DD, for example 2023-04-14)",
        "::warning file=statutory/referrals.md,line=5,title=procedures check%3A unknown-field ('sumary')::"
        "unknown field 'sumary' is ignored: did you mean 'summary'?",
        "::error file=supplementary/neglect.md,line=3,title=procedures check%3A front-matter ('version')::"
        "'version' must be a whole number such as 14, not 'seven'",
    ]


def test_github_paths_are_relative_to_the_repository(project):
    """With mkdocs.yml in a sub-folder of the repository, annotations must name the file from the top."""
    broken(project)
    result = run("-C", str(project.root), "check", "--format", "github", env={"GITHUB_WORKSPACE": str(project.root.parent)})
    assert "::error file=manual/supplementary/neglect.md,line=3," in result.stdout


@pytest.mark.parametrize("message, expected", [
    ("plain", "plain"),
    ("100% sure", "100%25 sure"),
    ("two\nlines", "two%0Alines"),
    ("carriage\r\nreturn", "carriage%0D%0Areturn"),
    ("a: b, c", "a: b, c"),  # ':' and ',' are only escaped in properties
])
def test_github_escapes_message_data(message, expected):
    text = output.github([Problem("a.md", 1, message)])
    assert text == f"::error file=a.md,line=1,title=procedures check::{expected}\n"


@pytest.mark.parametrize("path, expected", [
    ("statutory/a,b.md", "file=statutory/a%2Cb.md"),
    ("statutory/a:b.md", "file=statutory/a%3Ab.md"),
    ("statutory/100%.md", "file=statutory/100%25.md"),
    ("statutory/new\nline.md", "file=statutory/new%0Aline.md"),
])
def test_github_escapes_properties(path, expected):
    text = output.github([Problem(path, 2, "m", field="a,b:c")])
    assert text.startswith(f"::error {expected},line=2,title=procedures check ('a%2Cb%3Ac')::m")


def test_whole_file_problems_have_no_line():
    problem = Problem("statutory", 0, "the content folder 'statutory' does not exist")
    assert output.text([problem]) == "error: statutory: the content folder 'statutory' does not exist\n"
    assert json.loads(output.as_json([problem], output.summarise([problem], 0)))["problems"][0]["line"] is None
    assert output.github([problem]).startswith("::error file=statutory,title=procedures check::")


def test_missing_content_folder(project):
    project.config(sections=[{"folder": "statutory", "label": "S"}, {"folder": "guidance", "label": "G"}])
    result = run("-C", str(project.root), "check")
    assert result.exit_code == 1
    assert "guidance: the content folder 'guidance' does not exist" in result.stdout


# --------------------------------------------------------------------------- nav


NAV = [{"Home": "index.md"}, {"Contents": "contents.md"}, {"Statutory": ["statutory/referrals.md"]},
       {"Supplementary": ["supplementary/neglect.md"]}]


def test_page_missing_from_nav_is_reported_with_the_line_to_add(project):
    project.config(_mkdocs={"nav": NAV})
    project.write("statutory/assessing.md", page("Assessing Need"))
    result = run("-C", str(project.root), "check")
    assert result.exit_code == 1
    line = next(line for line in result.stdout.splitlines() if line.startswith("warning: statutory/assessing.md"))
    assert line.startswith("warning: statutory/assessing.md:1: the page is not in 'nav' in mkdocs.yml")
    assert "add the line '- statutory/assessing.md' under 'Statutory', after line " in line
    # The same mistake stops the strict build: check and build agree.
    built = project.build()
    assert built.returncode == 1 and "statutory/assessing.md" in built.output


def test_drafts_need_not_be_in_nav(project):
    project.config(_mkdocs={"nav": NAV})
    project.write("statutory/assessing.md", page("Assessing Need", status="draft"))
    assert run("-C", str(project.root), "check").exit_code == 0


def test_omitted_pages_are_not_reported_when_mkdocs_yml_allows_them(project):
    project.config(_mkdocs={"nav": NAV, "validation": {"omitted_files": "info"}})
    project.write("statutory/assessing.md", page("Assessing Need"))
    assert run("-C", str(project.root), "check").exit_code == 0


def test_nav_line_to_a_missing_page(project):
    nav = [{"Home": "index.md"}, {"Contents": "contents.md"}, {"Statutory": ["statutory/referrals.md", "statutory/renamed.md"]},
           {"Supplementary": ["supplementary/neglect.md"]}]
    project.config(_mkdocs={"nav": nav})
    text = (project.root / "mkdocs.yml").read_text()
    expected_line = text.splitlines().index("  - statutory/renamed.md") + 1
    result = run("-C", str(project.root), "check")
    assert result.exit_code == 1
    assert result.stdout == (
        f"warning: mkdocs.yml:{expected_line}: 'nav' lists statutory/renamed.md, which does not exist: "
        "correct the path, or remove the line [nav-unknown-page]\n"
    )


# --------------------------------------------------------------------------- usage and project errors


def test_folder_without_mkdocs_yml_is_a_usage_error(tmp_path):
    result = run("-C", str(tmp_path), "check")
    assert result.exit_code == 2
    assert f"{tmp_path / 'mkdocs.yml'}: not found; run the command in the folder that holds mkdocs.yml" in result.output


def test_missing_folder_is_a_usage_error(tmp_path):
    result = run("-C", str(tmp_path / "nowhere"), "check")
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_unknown_format_is_a_usage_error(project):
    result = run("-C", str(project.root), "check", "--format", "xml")
    assert result.exit_code == 2
    assert "'xml' is not one of 'text', 'json', 'github'" in result.output


BAD_CONFIGS = [
    ("yaml", "site_name: x\nplugins:\n  - procedures:\n    sections: [\n",
     "mkdocs.yml:5: the YAML is not valid (expected the node content, but found '<stream end>')"),
    ("no-plugin", "site_name: x\nplugins: [search]\n", "mkdocs.yml: the 'procedures' plugin is not listed under 'plugins'"),
    ("list", "- a\n- b\n", "mkdocs.yml: must be a block of settings such as 'site_name: ...'"),
    ("options", "site_name: x\nplugins:\n  - procedures: [a]\n", "mkdocs.yml: the options of the 'procedures' plugin must be a block"),
    ("sections-text", "site_name: x\nplugins:\n  - procedures:\n      sections: [statutory]\n",
     "mkdocs.yml: each entry of 'sections' in the procedures plugin options needs 'folder: ...' and 'label: ...'"),
    ("section-no-label", "site_name: x\nplugins:\n  - procedures:\n      sections:\n        - folder: statutory\n",
     "mkdocs.yml: each entry of 'sections' in the procedures plugin options needs 'folder: ...' and 'label: ...'"),
    ("not-utf8", b"site_name: Caf\xe9\nplugins: [procedures]\n", "mkdocs.yml: cannot be read:"),
]


@pytest.mark.parametrize("config, expected", [c[1:] for c in BAD_CONFIGS], ids=[c[0] for c in BAD_CONFIGS])
def test_bad_mkdocs_yml_is_one_problem_line(project, config, expected):
    project.write("mkdocs.yml", config)
    result = run("-C", str(project.root), "check")
    assert result.exit_code == 1
    assert result.stdout.startswith(f"error: {expected}") and result.stdout.endswith(" [config-file]\n")
    assert len(result.stdout.splitlines()) == 1
    assert "Traceback" not in result.output
    # Other commands stop on it with the same message.
    other = run("-C", str(project.root), "new", "statutory", "Young Carers")
    assert other.exit_code == 1
    assert f"Error: {project.root / 'mkdocs.yml'}" in other.output


def test_bad_mkdocs_yml_in_json_and_github_formats(project):
    project.write("mkdocs.yml", "site_name: x\nplugins:\n  - procedures:\n    sections: [\n")
    result = run("-C", str(project.root), "check", "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["problems"][0]["file"] == "mkdocs.yml" and document["problems"][0]["line"] == 5
    result = run("-C", str(project.root), "check", "--format", "github", env={"GITHUB_WORKSPACE": str(project.root)})
    assert result.stdout.startswith("::error file=mkdocs.yml,line=5,title=procedures check%3A config-file::the YAML is not valid")


def test_mkdocs_tags_in_mkdocs_yml_are_accepted(project):
    text = (project.root / "mkdocs.yml").read_text()
    project.write("mkdocs.yml", text + "extra:\n  analytics: !ENV [ANALYTICS_KEY, 'none']\n")
    assert run("-C", str(project.root), "check").exit_code == 0


OPTION_CASES = [
    # id, plugin options, the message check and build share
    ("bool", {"numbering": "maybe"}, "must be true or false, not 'maybe'"),
    ("int-given-bool", {"nav_limit": True}, "must be a whole number, not true"),
    ("choice", {"glossary": {"link": "every"}}, "must be one of first, all, not 'every'"),
    ("impossible-date", {"release": {"name": "Update 15", "date": "2026-02-30"}},
     "must be a date such as 2026-11-01, not '2026-02-30'"),
    ("date-codes", {"date_format": "no codes"}, "date_format 'no codes' has no %-codes; use for example '%-d %B %Y'"),
    ("colour", {"primary_colour": "blue"}, "primary_colour 'blue' must be a colour such as '#1d4f91'"),
    ("release-without-name", {"release": {"date": "2026-11-01"}}, "'release' needs a 'name', e.g. release: {name:"),
    ("commit", {"commit": "zzz"}, "'commit' 'zzz' is not a git commit id"),
]


@pytest.mark.parametrize("options, expected", [c[1:] for c in OPTION_CASES], ids=[c[0] for c in OPTION_CASES])
def test_plugin_options_are_checked_as_the_build_checks_them(project, options, expected):
    project.config(**options)
    line = next(n for n, text in enumerate((project.root / "mkdocs.yml").read_text().splitlines(), 1) if "procedures:" in text)
    output, _ = project.fails_check_and_build(expected)
    assert output.startswith(f"error: mkdocs.yml:{line}: procedures plugin: "), output


def test_every_option_problem_is_listed_at_once_and_unknown_options_are_named(project):
    """MkDocs stops at the first bad option; the check lists them all, as for pages."""
    project.config(numbering="maybe", nav_limt=10, glossary={"link": "every", "titel": "Terms"})
    result = run("-C", str(project.root), "check")
    assert result.exit_code == 1
    lines = [line.split(": ", 2)[2] for line in result.stdout.splitlines()]
    assert lines == [
        "procedures plugin: option 'glossary: link' must be one of first, all, not 'every' [options]",
        "procedures plugin: option 'numbering' must be true or false, not 'maybe' [options]",
        "procedures plugin: unknown option 'glossary: titel' is ignored: did you mean 'title'? [unknown-field]",
        "procedures plugin: unknown option 'nav_limt' is ignored: did you mean 'nav_limit'? [unknown-field]",
    ]
