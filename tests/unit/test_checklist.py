"""The catalogue of checks and the README's table of it."""

from __future__ import annotations

import re

from generator.core.checklist import CHECKS, level_problems, markdown_table
from tests.conftest import REPO


def test_the_readme_lists_every_check_with_its_default_level():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- checks-table[^\n]*-->\n(.*?)<!-- /checks-table -->", readme, re.S)
    assert table is not None, "README.md has no checks table"
    assert table.group(1) == markdown_table(), "regenerate it: python -c 'from generator.core.checklist import markdown_table; print(markdown_table())'"


def test_levels_are_read_case_insensitively_and_fixed_checks_refuse_a_change():
    levels, problems = level_problems({"glossary-unused-term": "OFF", "front-matter": "error", "yaml-syntax": "note"})
    assert levels == {"glossary-unused-term": "off", "front-matter": "error"}
    assert [(name, is_error) for name, _, is_error in problems] == [("yaml-syntax", True)]


def test_an_unknown_check_far_from_any_name_points_to_the_readme():
    _, problems = level_problems({"zzz": "off"})
    assert problems == [("zzz", "'checks' names no check 'zzz', so it is ignored: the README lists every check", False)]


def test_names_are_unique():
    assert len(CHECKS) == len({c.name for c in CHECKS.values()})
