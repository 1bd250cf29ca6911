"""The rules front matter is held to after the schema walk: dates and 'changes' against the page.
Each wrong value is an error, so ``validate`` gives no front matter at all (the page is not built)."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.core import yamlsource
from generator.core.frontmatter import Change, validate
from generator.core.problems import Problems

TODAY = dt.date(2026, 11, 23)
HEAD = "title: Referrals\nversion: 3\nlast_updated: 2024-05-01\n"


@pytest.mark.parametrize("text, expected", [
    ("title: Referrals\nversion: 3\nlast_updated: 2030-01-01\n",
     "p.md:3: 'last_updated' 2030-01-01 is in the future: use today's date (2026-11-23) or the date the change was approved [front-matter]"),
    (HEAD + "review_due: 2024-01-01\n", "p.md:4: 'review_due' 2024-01-01 must be after 'last_updated' 2024-05-01 [front-matter]"),
    (HEAD + "changes:\n  - {version: 4, date: 2024-05-01, note: New}\n",
     "p.md:5: a 'changes' entry is for version 4, above the page's 'version' 3: set version: 4 or correct the entry [front-matter]"),
    (HEAD + "changes:\n  - version: 3\n    date: 2030-01-01\n    note: New\n",
     "p.md:6: 'changes' entry 1: the date 2030-01-01 is in the future: use the date the change was approved (today is 2026-11-23) [front-matter]"),
    # Minor corrections (minor: true) mend a version that was published, so they come after it.
    (HEAD + "changes:\n  - {version: 3, date: 2024-05-01, note: New}\n  - {version: 3, date: 2024-04-01, note: Typo., minor: true}\n",
     "p.md:6: 'changes' entry 2: this minor correction, dated 2024-04-01, is before version 3 was published (2024-05-01): "
     "correct its date or its version [front-matter]"),
    (HEAD + "changes:\n  - {version: 3, date: 2024-04-30, note: Typo., minor: true}\n", "p.md:5: 'changes' entry 1: this minor correction, dated 2024-04-30, is before 'last_updated' 2024-05-01: it corrects "
     "the version published then, so it comes after it; correct its date or its version [front-matter]"),
    (HEAD + "changes:\n  - {version: 3, date: 2024-06-01, note: Typo., minor: perhaps}\n", "p.md:5: 'changes' entry 1: 'minor' must be true or false, not 'perhaps' [front-matter]"),
])
def test_a_broken_rule_is_an_error_and_gives_no_front_matter(text, expected):
    problems = Problems()
    assert validate(yamlsource.load(text), "p.md", problems, today=TODAY) is None
    assert [str(p) for p in problems] == [expected]


def test_changes_listed_oldest_first_are_advice():
    problems = Problems()
    meta = validate(yamlsource.load(HEAD + "changes:\n  - {version: 2, date: 2023-01-01, note: A}\n  - {version: 3, date: 2024-05-01, note: B}\n"),
                    "p.md", problems, today=TODAY)
    assert meta is not None
    assert meta.changes == [Change(2, dt.date(2023, 1, 1), "A", 5), Change(3, dt.date(2024, 5, 1), "B", 6)]
    assert [(str(p), p.level) for p in problems] == [("p.md:6: 'changes' should be listed newest first [changes-order]", "note")]


def test_a_minor_correction_is_recorded_under_the_version_it_corrects():
    problems = Problems()
    text = HEAD + "changes:\n  - {version: 3, date: 2024-06-01, note: Typo., minor: true}\n  - {version: 3, date: 2024-05-01, note: New}\n"
    meta = validate(yamlsource.load(text), "p.md", problems, today=TODAY)
    assert meta is not None and not problems
    assert meta.changes == [Change(3, dt.date(2024, 6, 1), "Typo.", 5, minor=True), Change(3, dt.date(2024, 5, 1), "New", 6)]
