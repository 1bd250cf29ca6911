"""Check names and levels: every problem names its check, and `checks:` in mkdocs.yml sets any
check's level, the same way for `procedures check` and the strict build."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.core.checklist import CHECKS, LEVELS
from tests.conftest import page

UNUSED = "glossary.yml:4: the term 'Radicalisation' is used on no page"
GLOSSARY = (
    "terms:\n  - term: Neglect\n    definition: Not meeting a child's basic needs.\n"
    "  - term: Radicalisation\n    definition: Coming to support extremism.\n"
)


@pytest.fixture
def advice(project):
    project.write("statutory/referrals.md", page(body="## Purpose\n\nNeglect is discussed here.\n"))
    project.write("glossary.yml", GLOSSARY)
    return project


def check(project, *args):
    return CliRunner().invoke(main, ["-C", str(project.root), "check", *args])


def test_every_check_has_a_kebab_case_name_a_level_and_a_summary():
    for name, item in CHECKS.items():
        assert name == item.name and name.replace("-", "").isalpha() and name.islower()
        assert item.level in LEVELS[:3]
        assert item.summary.endswith(".")
        assert not item.fixed or item.level == "error"


def test_a_note_fails_only_when_asked(advice):
    assert check(advice).exit_code == 0
    result = check(advice, "--fail-on", "note")
    assert result.exit_code == 1
    assert f"note: {UNUSED}" in result.output


@pytest.mark.parametrize("level, status", [("warning", 1), ("error", 1), ("note", 0)])
def test_checks_option_raises_or_lowers_a_level_in_check_and_build(advice, level, status):
    advice.config(checks={"glossary-unused-term": level})
    result = check(advice)
    assert result.exit_code == status
    assert f"{level}: {UNUSED}" in result.output
    built = advice.build()
    assert built.returncode == status, built.output
    assert f"{UNUSED}" in built.output and "[glossary-unused-term]" in built.output


def test_a_check_turned_off_is_not_reported(advice):
    advice.config(checks={"glossary-unused-term": "off"})
    result = check(advice, "--fail-on", "note")
    assert result.exit_code == 0, result.output
    assert "used on no page" not in result.output
    built = advice.build()
    assert built.returncode == 0 and "used on no page" not in built.output


def test_a_warning_can_be_lowered_to_a_note(project):
    project.write("statutory/referrals.md", page(body="## Purpose\n\nSee [the form](#).\n"))
    project.fails_check_and_build("statutory/referrals.md:9: the link [the form] points to '#', a placeholder")
    project.config(checks={"placeholder-link": "note"})
    project.reports("statutory/referrals.md:9: the link [the form] points to '#', a placeholder", "note")


def test_warn_overdue_false_makes_overdue_reviews_notes(project):
    project.write("statutory/referrals.md", page(review_due="2024-01-01"))
    project.config(review={"warn_overdue": False})
    project.reports("statutory/referrals.md:5: this procedure was due for review on 1 January 2024", "note")


BAD = [
    ("unknown-check", {"glossary-unused-terms": "off"},
     "procedures plugin: 'checks' names no check 'glossary-unused-terms', so it is ignored: did you mean 'glossary-unused-term'?",
     "warning"),
    ("unknown-level", {"glossary-unused-term": "silent"},
     "procedures plugin: 'checks: glossary-unused-term' must be one of error, warning, note, off, not 'silent'", "error"),
    ("level-not-text", {"placeholder-link": False},
     "procedures plugin: 'checks: placeholder-link' must be one of error, warning, note, off, not false", "error"),
    ("fixed-check", {"front-matter": "warning"},
     "procedures plugin: 'checks: front-matter' cannot be changed: a source with this problem cannot be built, "
     "so it is always an error", "error"),
]


@pytest.mark.parametrize("checks, expected, level", [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_mistakes_in_the_checks_option_name_their_line(advice, checks, expected, level):
    advice.config(checks=checks)
    name = next(iter(checks))
    lines = (advice.root / "mkdocs.yml").read_text().splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.strip().startswith(f"{name}:"))
    advice.reports(f"mkdocs.yml:{line}: {expected}", level)


def test_checks_must_be_a_block(advice):
    advice.config(checks=["glossary-unused-term"])
    advice.fails_check_and_build("must be a block of check names and levels, such as {glossary-unused-term: off}, not a list")
