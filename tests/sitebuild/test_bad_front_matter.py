"""Every mistake an officer can make in front matter: the message, the file and line, exit status.

Each case is checked twice, as an officer meets it: by `procedures check` and by a real
`mkdocs build --strict`. Neither may show a Python traceback.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import page

GOOD = page()

CASES = [
    # id, {path: content}, expected text (with file:line)
    ("version-not-number", {"statutory/referrals.md": page(version="fourteen")},
     "statutory/referrals.md:3: 'version' must be a whole number such as 14, not 'fourteen'"),
    ("version-zero", {"statutory/referrals.md": page(version=0)},
     "statutory/referrals.md:3: 'version' must be a whole number of 1 or more, not 0"),
    ("version-fraction", {"statutory/referrals.md": page(version=14.5)},
     "statutory/referrals.md:3: 'version' must be a whole number such as 14, not 14.5"),
    ("impossible-date", {"statutory/referrals.md": page(last_updated="2023-13-45")},
     "statutory/referrals.md:4: 'last_updated' 2023-13-45 is not a date (use YYYY-MM-DD"),
    ("date-wrong-format", {"statutory/referrals.md": page(last_updated="14/04/2023")},
     "statutory/referrals.md:4: 'last_updated' 14/04/2023 is not a date (use YYYY-MM-DD"),
    ("date-in-future", {"statutory/referrals.md": page(last_updated="2030-01-01")},
     "statutory/referrals.md:4: 'last_updated' 2030-01-01 is in the future"),
    ("title-missing", {"statutory/referrals.md": page(title=None)},
     "statutory/referrals.md:1: 'title' is missing: add a line such as 'title: Neglect'"),
    ("title-empty", {"statutory/referrals.md": page(title="")},
     "statutory/referrals.md:2: 'title' is empty"),
    ("title-not-text", {"statutory/referrals.md": page(title=["a", "b"])},
     "statutory/referrals.md:2: 'title' must be text, not a list"),
    ("version-missing", {"statutory/referrals.md": page(version=None)},
     "statutory/referrals.md:1: 'version' is missing"),
    ("last-updated-missing", {"statutory/referrals.md": page(last_updated=None)},
     "statutory/referrals.md:1: 'last_updated' is missing"),
    ("review-before-update", {"statutory/referrals.md": page(review_due="2023-01-01")},
     "statutory/referrals.md:5: 'review_due' 2023-01-01 must be after 'last_updated' 2023-04-14"),
    ("bad-status", {"statutory/referrals.md": page(status="live")},
     "statutory/referrals.md:5: 'status' must be one of published, draft, archived, not 'live'"),
    ("keywords-not-list", {"statutory/referrals.md": page(keywords="neglect")},
     "statutory/referrals.md:5: 'keywords' must be a list such as [neglect], not plain text"),
    ("unknown-field", {"statutory/referrals.md": page(sumary="One line")},
     "statutory/referrals.md:5: unknown field 'sumary' is ignored: did you mean 'summary'?"),
    ("change-above-version", {"statutory/referrals.md": page(changes=[{"version": 15, "date": "2023-04-14", "note": "x"}])},
     "statutory/referrals.md:6: a 'changes' entry is for version 15, above the page's 'version' 14"),
    ("change-without-note", {"statutory/referrals.md": page(changes=[{"version": 14, "date": "2023-04-14"}])},
     "statutory/referrals.md:6: 'changes' entry 1 has no 'note': add a line such as 'note: "),
    ("change-bad-date", {"statutory/referrals.md": page(changes=[{"version": 14, "date": "2023-02-30", "note": "x"}])},
     "'date' 2023-02-30 is not a date"),
    ("duplicate-title", {"statutory/referrals.md": GOOD, "statutory/referrals-copy.md": page()},
     "statutory/referrals.md:2: the title 'Referrals' is already used by statutory/referrals-copy.md (line 2)"),
    ("unterminated", {"statutory/referrals.md": "---\ntitle: Referrals\nversion: 14\n\n## Purpose\n"},
     "statutory/referrals.md:1: the front matter that starts on line 1 is never closed"),
    ("empty-file", {"statutory/referrals.md": ""},
     "statutory/referrals.md:1: the file is empty"),
    ("whitespace-file", {"statutory/referrals.md": "\n  \n"},
     "statutory/referrals.md:1: the file is empty"),
    ("no-front-matter", {"statutory/referrals.md": "## Purpose\n\nText.\n"},
     "statutory/referrals.md:1: the file does not start with front matter"),
    ("not-utf8", {"statutory/referrals.md": GOOD.replace("Some text.", "Caf\xe9 text.").encode("latin-1")},
     "statutory/referrals.md:9: the file is not UTF-8 text (byte 0xe9 on this line)"),
    ("bad-yaml", {"statutory/referrals.md": "---\ntitle: Referrals: a guide\nversion: 14\nlast_updated: 2023-04-14\n---\n"},
     "statutory/referrals.md:2: the YAML is not valid (mapping values are not allowed here)"),
    ("bad-yaml-column", {"statutory/referrals.md": "---\ntitle: Referrals: a guide\nversion: 14\nlast_updated: 2023-04-14\n---\n"},
     "put text that contains ': ' in quotes (column 17)"),
    ("bad-yaml-indent", {"statutory/referrals.md": "---\ntitle: Referrals\n  version: 14\nlast_updated: 2023-04-14\n---\n"},
     "statutory/referrals.md:3: the YAML is not valid"),
    ("yaml-list", {"statutory/referrals.md": "---\n- title\n- version\n---\n"},
     "statutory/referrals.md:1: the front matter must be a block of fields"),
    ("duplicate-key", {"statutory/referrals.md": "---\ntitle: A\nversion: 1\ntitle: B\nlast_updated: 2023-04-14\n---\n"},
     "statutory/referrals.md:4: 'title' is given twice in the same block (first on line 2)"),
    ("empty-front-matter", {"statutory/referrals.md": "---\n---\n\nText\n"},
     "statutory/referrals.md:1: the front matter is empty"),
    ("iso-week-date", {"statutory/referrals.md": page(last_updated="2023-W15-5")},
     "statutory/referrals.md:4: 'last_updated' 2023-W15-5 is not a date (use YYYY-MM-DD"),
    ("date-without-hyphens", {"statutory/referrals.md": page(last_updated="20230414")},
     "statutory/referrals.md:4: 'last_updated' 20230414 is not a date (use YYYY-MM-DD"),
    ("date-empty", {"statutory/referrals.md": "---\ntitle: Referrals\nversion: 14\nlast_updated:\n---\n\nText.\n"},
     "statutory/referrals.md:4: 'last_updated' is empty: write a date after 'last_updated:' as YYYY-MM-DD"),
    # An entry missing one field still has its other fields checked: all problems at once.
    ("change-without-note-bad-version", {"statutory/referrals.md": page(changes=[{"version": "two", "date": "2023-04-14"}])},
     "statutory/referrals.md:6: 'changes' entry 1: 'version' must be a whole number such as 14, not 'two'"),
    ("change-in-future", {"statutory/referrals.md": page(changes=[{"version": 14, "date": "2030-01-01", "note": "x"}])},
     "statutory/referrals.md:7: 'changes' entry 1: the date 2030-01-01 is in the future: use the date the change was approved"),
    ("change-unknown-field", {"statutory/referrals.md": page(changes=[{"version": 14, "date": "2023-04-14", "note": "x", "notes": "y"}])},
     "statutory/referrals.md:9: unknown field 'notes' in 'changes' entry 1 is ignored: did you mean 'note'?"),
    ("change-not-a-block", {"statutory/referrals.md": page(changes=["14: first version"])},
     "statutory/referrals.md:6: 'changes' entry 1 must be a block of fields with version, date and note, such as "
     "'{version: 14, date: 2024-05-01, note: What changed}', not '14: first version'"),
    ("changes-not-a-list", {"statutory/referrals.md": page(changes="first version")},
     "statutory/referrals.md:5: 'changes' must be a list of entries, each with version, date and note, not 'first version'"),
    ("related-item-not-text", {"statutory/referrals.md": page(related=["supplementary/neglect.md", 5])},
     "statutory/referrals.md:7: every item of 'related' must be a page path, not 5"),
    ("keywords-item-not-text", {"statutory/referrals.md": page(keywords=[["neglect"]])},
     "statutory/referrals.md:6: every item of 'keywords' must be text, not a list"),
    ("date-a-number", {"statutory/referrals.md": page(last_updated=2023)},
     "statutory/referrals.md:4: 'last_updated' must be a date written YYYY-MM-DD, such as 2023-04-14, not 2023"),
    ("status-typo", {"statutory/referrals.md": page(status="publised")},
     "statutory/referrals.md:5: 'status' must be one of published, draft, archived, not 'publised': did you mean 'published'?"),
    ("python-tag", {"statutory/referrals.md": "---\ntitle: !!python/object/apply:os.system [ls]\nversion: 1\n---\n"},
     "statutory/referrals.md:2: the YAML is not valid (could not determine a constructor for the tag "),
    ("deeply-nested-yaml", {"statutory/referrals.md": page(keywords=None).replace("---\n\n", "keywords: " + "[" * 3000 + "]" * 3000 + "\n---\n\n", 1)},
     "statutory/referrals.md:2: the YAML nests lists or blocks too deeply to read: check for unclosed '[' or '{' brackets"),
    ("heading-in-body", {"statutory/referrals.md": page(body="Intro.\n\n# Referrals\n\nText.\n")},
     "statutory/referrals.md:9: a top-level heading ('# ...') below the page's title: a page has one title"),
    ("setext-heading-in-body", {"statutory/referrals.md": page(body="Intro.\n\nReferrals\n=========\n\nText.\n")},
     "statutory/referrals.md:9: a top-level heading ('# ...') below the page's title"),
    # `# Title` at the top of the text: the title, unless it says something else than `title:`.
    ("title-heading-differs", {"statutory/referrals.md": page(body="# Making a Referral\n\nText.\n")},
     "statutory/referrals.md:7: the heading '# Making a Referral' is not the page's title 'Referrals' (line 2); "
     "the page shows the title: make the two the same, or delete one of them"),
    ("title-heading-bare", {"statutory/referrals.md": page(body="#\n\nText.\n")},
     "statutory/referrals.md:7: the heading '#' has no text: write the page's title after '# ', or delete the line"),
    ("title-heading-bare-no-title", {"statutory/referrals.md": page(title=None, body="#\n\nText.\n")},
     "statutory/referrals.md:1: 'title' is missing: add a line such as 'title: Neglect' (or start the text with '# ' and the title)"),
    ("two-title-headings", {"statutory/referrals.md": page(title=None, body="# Referrals\n# Making a Referral\n\nText.\n")},
     "statutory/referrals.md:7: a top-level heading ('# ...') below the page's title"),
]

# Warnings: a strict build still fails, but only after writing its pages.
WARNINGS = ("unknown field", "top-level heading", "the heading")


@pytest.mark.parametrize("files, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_front_matter_is_reported_by_check_and_build(project, files, expected):
    for rel, content in files.items():
        project.write(rel, content)
    _, built = project.fails_check_and_build(expected)
    if not any(warning in expected for warning in WARNINGS):  # errors stop the build before any page is written
        assert not (built.site / "statutory" / "referrals" / "index.html").exists()


def test_a_page_that_cannot_be_read_is_reported_by_check_and_build(project):
    """A broken symbolic link (or a file without read permission) is a message, not a traceback."""
    (project.root / "statutory" / "gone.md").symlink_to("nowhere.md")
    project.fails_check_and_build("statutory/gone.md: the file cannot be read (No such file or directory): check that it exists")


def test_all_problems_are_listed_at_once(project):
    project.write("statutory/referrals.md", page(version="fourteen", last_updated="2023-13-45"))
    project.write("supplementary/neglect.md", "")
    built = project.build()
    assert built.returncode != 0
    assert "The manual has 3 errors to fix" in built.output
    for text in ("referrals.md:3: 'version'", "referrals.md:4: 'last_updated'", "neglect.md:1: the file is empty"):
        assert text in built.output


def test_unknown_field_is_only_a_warning_without_strict(project):
    project.write("statutory/referrals.md", page(sumary="One line"))
    built = project.build(strict=False)
    assert built.returncode == 0
    assert "unknown field 'sumary' is ignored: did you mean 'summary'?" in built.output


ROUTE = """\
title: Route
version: 1
last_updated: 2024-01-01
steps:
  - id: start
    text: Neglect
    link: supplementary/neglect.md
    type: end
"""
BROKEN = [
    # id, the broken neglect.md, its own error (the only one reported)
    ("version-not-number", page("Neglect", "nine", "2024-02-01", body="## Signs\n\nText.\n"),
     "supplementary/neglect.md:3: 'version' must be a whole number such as 14, not 'nine'"),
    ("bad-yaml", "---\ntitle: Neglect: a guide\nversion: 7\nlast_updated: 2024-02-01\n---\n\n## Signs\n",
     "supplementary/neglect.md:2: the YAML is not valid (mapping values are not allowed here)"),
    ("no-front-matter", "## Signs\n\nText.\n", "supplementary/neglect.md:1: the file does not start with front matter"),
    ("not-utf8", page("Neglect", 7, "2024-02-01", body="## Signs\n\nCaf\xe9.\n").encode("latin-1"),
     "supplementary/neglect.md:9: the file is not UTF-8 text"),
]


@pytest.mark.parametrize(("content", "expected"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_a_broken_page_still_exists_for_the_pages_that_point_to_it(project, content, expected):
    """Only the broken page's own error is reported: not 'related: ... is not a page' or 'goes to no
    page' on every page that points to it."""
    project.write("supplementary/neglect.md", content)
    project.write("statutory/referrals.md", page(
        related=["supplementary/neglect.md"],
        body="## Purpose\n\nSee [neglect](../supplementary/neglect.md) and its [signs](../supplementary/neglect.md#signs).\n"))
    project.write("docs/about.md", "---\ntitle: About\n---\n\nRead about [neglect](supplementary/neglect.md).\n")
    project.write("flowcharts/route.yml", ROUTE)

    result = CliRunner().invoke(main, ["-C", str(project.root), "check"])
    assert result.exit_code == 1
    assert result.stdout.startswith(f"error: {expected}") and len(result.stdout.splitlines()) == 1, result.stdout
    assert "1 error and 0 warnings" in result.stderr

    built = project.build()
    assert built.returncode != 0
    head = "The manual has 1 error to fix before it can be built:"
    assert f"{head}\n  {expected}" in built.output, built.output
    assert "WARNING" not in built.output, built.output
    assert "Traceback" not in built.output
