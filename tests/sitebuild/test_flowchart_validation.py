"""Every mistake an officer can make in a flowchart source, or in a `!flowchart` line.

Each case is checked as an officer meets it: by `procedures check` and by a real
`mkdocs build --strict`. Both must fail, name the file and line, and show no traceback.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import page

CHART = "flowcharts/referral.yml"

# Line numbers in the expected messages refer to this text.
GOOD = """\
title: Action taken when a child is referred
summary: From a practitioner's concern to a decision.
version: 3
last_updated: 2024-05-01
steps:
  - id: concern
    text: A practitioner has concerns
    next: decide
  - id: decide
    type: decision
    text: Is the child in need of immediate protection?
    next:
      - {label: "Yes", to: protect}
      - {label: "No", to: assess}
  - id: protect
    text: Immediate protection
    link: statutory/referrals.md
    type: end
  - id: assess
    text: Assessment
    type: end
"""


def edit(old: str, new: str) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


def without_line(number: int) -> str:
    lines = GOOD.splitlines(keepends=True)
    return "".join(lines[: number - 1] + lines[number:])


def with_line(after: int, line: str) -> str:
    lines = GOOD.splitlines(keepends=True)
    return "".join(lines[:after] + [line + "\n"] + lines[after:])


CASES = [
    # id, {path: content}, expected text (with file:line)
    ("unknown-next", {CHART: edit("next: decide", "next: decid")},
     f"{CHART}:8: step 'concern': 'next: decid' does not match the id of any step: did you mean 'decide'?"),
    ("unknown-to", {CHART: edit("to: assess}", "to: asses}")},
     f"{CHART}:14: branch 'No' of step 'decide': 'to: asses' does not match the id of any step: did you mean 'assess'?"),
    ("duplicate-id", {CHART: edit("id: assess", "id: protect")},
     f"{CHART}:19: the id 'protect' is used by two steps (first on line 15): give each step its own id"),
    ("unreachable", {CHART: GOOD + "  - id: orphan\n    text: Nobody leads here\n    type: end\n"},
     f"{CHART}:22: step 'orphan' cannot be reached from the first step 'concern'"),
    ("decision-one-branch", {CHART: without_line(14)},
     f"{CHART}:12: step 'decide' is a decision with only 1 branch: a decision needs at least two"),
    ("decision-single-next", {CHART: edit('next:\n      - {label: "Yes", to: protect}\n      - {label: "No", to: assess}', "next: protect")},
     f"{CHART}:12: step 'decide' is a decision with 'next: protect': a decision needs at least two labelled branches"),
    ("decision-no-next", {CHART: edit('    next:\n      - {label: "Yes", to: protect}\n      - {label: "No", to: assess}\n', "")},
     f"{CHART}:9: step 'decide' is a decision with no 'next'"),
    ("branch-without-label", {CHART: edit('{label: "No", to: assess}', "{to: assess}")},
     f"{CHART}:14: branch 2 of step 'decide' has no 'label': add a line such as 'label: \"Yes\"'"),
    ("branch-label-unquoted-yes", {CHART: edit('{label: "Yes", to: protect}', "{label: Yes, to: protect}")},
     f"{CHART}:13: branch 1 of step 'decide': 'label' must be text, not yes (put the text in quotes"),
    ("branch-not-a-block", {CHART: edit('{label: "No", to: assess}', "assess")},
     f"{CHART}:14: branch 2 of step 'decide' must be a block of fields with 'label' and 'to', such as "
     "'{label: \"Yes\", to: protect}', not 'assess'"),
    ("branch-unknown-field", {CHART: edit('{label: "No", to: assess}', '{label: "No", to: assess, too: protect}')},
     f"{CHART}:14: unknown field 'too' in branch 2 of step 'decide' is ignored: did you mean 'to'?"),
    ("branch-to-not-an-id", {CHART: edit('{label: "No", to: assess}', '{label: "No", to: [assess]}')},
     f"{CHART}:14: branch 2 of step 'decide': 'to' must be the id of a step, such as 'to: assess', not a list"),
    ("branch-label-twice", {CHART: edit('{label: "No", to: assess}', '{label: "yes", to: assess}')},
     f"{CHART}:14: step 'decide': the branch label 'yes' is used twice (first on line 13)"),
    ("missing-text", {CHART: without_line(7)},
     f"{CHART}:6: step 'concern' has no 'text': add a line such as 'text: "),
    ("empty-text", {CHART: edit("text: A practitioner has concerns", "text: ''")},
     f"{CHART}:7: step 'concern': 'text' is empty"),
    ("text-not-text", {CHART: edit("text: A practitioner has concerns", "text: [a, b]")},
     f"{CHART}:7: step 'concern': 'text' must be text, not a list"),
    ("missing-id", {CHART: edit("  - id: assess\n    text: Assessment", "  - text: Assessment")},
     f"{CHART}:19: step 4 has no 'id'"),
    ("unknown-type", {CHART: edit("type: decision", "type: desicion")},
     f"{CHART}:10: step 'decide': 'type' must be one of step, decision, end, not 'desicion': did you mean 'decision'?"),
    ("end-with-next", {CHART: with_line(18, "    next: assess")},
     f"{CHART}:19: step 'protect' is an end ('type: end'), so it has no 'next'"),
    ("step-without-next", {CHART: without_line(8)},
     f"{CHART}:6: step 'concern' has no 'next': add 'next:' with the id of the step that follows, or 'type: end'"),
    ("step-with-branches", {CHART: edit("next: decide", "next: [decide, assess]")},
     f"{CHART}:8: step 'concern' has a list under 'next': a step leads to one step"),
    ("leads-to-itself", {CHART: edit("next: decide", "next: concern")},
     f"{CHART}:8: step 'concern' leads to itself"),
    ("link-missing-page", {CHART: edit("link: statutory/referrals.md", "link: statutory/referals.md")},
     f"{CHART}:17: step 'protect': 'link' statutory/referals.md is not a page of this site: did you mean 'statutory/referrals.md'?"),
    ("link-missing-flowchart", {CHART: edit("link: statutory/referrals.md", "link: flowcharts/protection.yml")},
     f"{CHART}:17: step 'protect': 'link' flowcharts/protection.yml is not a flowchart: there is no flowcharts/protection.yml"),
    ("link-flowchart-outside-folder", {CHART: edit("link: statutory/referrals.md", "link: referral.yml")},
     f"{CHART}:17: step 'protect': 'link' referral.yml is not in the flowcharts folder; write 'flowcharts/referral.yml'"),
    ("link-web-address", {CHART: edit("link: statutory/referrals.md", "link: https://example.org/")},
     f"{CHART}:17: step 'protect': 'link' must be a page of this manual, such as statutory/referrals.md, or a flowchart"),
    ("link-wrong-kind", {CHART: edit("link: statutory/referrals.md", "link: statutory/referrals.html")},
     f"{CHART}:17: step 'protect': 'link' must end in .md (a page, such as statutory/referrals.md) or .yml"),
    ("link-to-draft", {CHART: edit("link: statutory/referrals.md", "link: statutory/draft.md"),
                       "statutory/draft.md": page("Draft page", status="draft")},
     f"{CHART}:17: step 'protect': 'link' statutory/draft.md is not a page of this site"),
    ("unknown-field", {CHART: edit("next: decide", "nxt: decide\n    next: decide")},
     f"{CHART}:8: unknown field 'nxt' in step 'concern' is ignored: did you mean 'next'?"),
    ("title-missing", {CHART: without_line(1)},
     f"{CHART}:1: 'title' is missing"),
    ("title-empty", {CHART: edit("title: Action taken when a child is referred", "title: ''")},
     f"{CHART}:1: 'title' is empty"),
    ("version-not-number", {CHART: edit("version: 3", "version: three")},
     f"{CHART}:3: 'version' must be a whole number such as 14, not 'three'"),
    ("version-zero", {CHART: edit("version: 3", "version: 0")},
     f"{CHART}:3: 'version' must be a whole number of 1 or more, not 0"),
    ("version-missing", {CHART: without_line(3)},
     f"{CHART}:1: 'version' is missing"),
    ("impossible-date", {CHART: edit("last_updated: 2024-05-01", "last_updated: 2024-13-45")},
     f"{CHART}:4: 'last_updated' 2024-13-45 is not a date (use YYYY-MM-DD"),
    ("date-in-future", {CHART: edit("last_updated: 2024-05-01", "last_updated: 2030-01-01")},
     f"{CHART}:4: 'last_updated' 2030-01-01 is in the future"),
    ("change-above-version", {CHART: with_line(4, "changes:\n  - {version: 4, date: 2024-05-01, note: New step}")},
     f"{CHART}:6: a 'changes' entry is for version 4, above the page's 'version' 3"),
    ("bad-yaml", {CHART: edit("text: A practitioner has concerns", "text: Referral: a guide")},
     f"{CHART}:7: the YAML is not valid (mapping values are not allowed here)"),
    ("bad-yaml-column", {CHART: edit("text: A practitioner has concerns", "text: Referral: a guide")},
     "put text that contains ': ' in quotes (column 19)"),
    ("bad-yaml-indent", {CHART: edit("    text: Assessment", "      text: Assessment")},
     f"{CHART}:20: the YAML is not valid"),
    ("duplicate-key", {CHART: edit("    text: Assessment", "    text: Assessment\n    text: Again")},
     f"{CHART}:21: 'text' is given twice in the same block (first on line 20)"),
    ("empty-file", {CHART: ""},
     f"{CHART}:1: the file is empty"),
    ("not-utf8", {CHART: edit("A practitioner has concerns", "A caf\xe9 worker has concerns").encode("latin-1")},
     f"{CHART}:7: the file is not UTF-8 text (byte 0xe9 on this line)"),
    ("top-level-list", {CHART: "- title\n- steps\n"},
     f"{CHART}:1: the flowchart file must be a block of fields"),
    ("steps-missing", {CHART: GOOD.split("steps:")[0]},
     f"{CHART}:1: 'steps' is missing: add a line such as 'steps:' (followed by the steps, each starting with '- id:')"),
    ("steps-not-a-list", {CHART: GOOD.split("steps:")[0] + "steps: concern, decide\n"},
     f"{CHART}:5: 'steps' must be a list of steps, each starting with '- id:', not 'concern, decide'"),
    ("steps-empty", {CHART: GOOD.split("steps:")[0] + "steps: []\n"},
     f"{CHART}:5: 'steps' is empty"),
    ("step-not-a-block", {CHART: GOOD + "  - just a line\n"},
     f"{CHART}:22: step 5 must be a block of fields"),
    ("bad-file-name", {"flowcharts/Referral Flow.yml": GOOD},
     "flowcharts/Referral Flow.yml: the file name 'Referral Flow.yml' may use only lowercase letters, digits and hyphens"),
    ("unknown-embed", {"statutory/referrals.md": page(body="## Purpose\n\nText.\n\n!flowchart referal\n")},
     "statutory/referrals.md:11: '!flowchart referal': there is no flowchart flowcharts/referal.yml: did you mean 'referral'?"),
    ("embed-without-name", {"statutory/referrals.md": page(body="## Purpose\n\n!flowchart\n")},
     "statutory/referrals.md:9: '!flowchart' is not a flowchart embed: write '!flowchart <name>' on a line of its own"),
    ("embed-misspelt", {"statutory/referrals.md": page(body="## Purpose\n\n!flowcharts referral\n")},
     "statutory/referrals.md:9: '!flowcharts referral' is not a flowchart embed"),
    ("unknown-embed-in-docs", {"docs/index.md": "---\ntitle: Home\n---\n\n!flowchart nothing\n"},
     "docs/index.md:5: '!flowchart nothing': there is no flowchart flowcharts/nothing.yml; the flowcharts are referral"),
]


@pytest.mark.parametrize("files, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_flowchart_is_reported_by_check_and_build(project, files, expected):
    project.write(CHART, GOOD)
    for rel, content in files.items():
        project.write(rel, content)

    result = CliRunner().invoke(main, ["-C", str(project.root), "check"])
    assert result.exit_code == 1, result.output
    assert expected in result.output
    assert "Traceback" not in result.output

    built = project.build()
    assert built.returncode != 0
    assert expected in built.output
    assert "Traceback" not in built.output


def test_good_flowchart_passes_check_and_build(project):
    project.write(CHART, GOOD)
    result = CliRunner().invoke(main, ["-C", str(project.root), "check"])
    assert result.exit_code == 0, result.output
    built = project.build()
    assert built.returncode == 0, built.output


def test_every_flowchart_problem_is_listed_at_once(project):
    project.write(CHART, edit("version: 3", "version: three").replace("next: decide", "next: decid"))
    project.write("flowcharts/second.yml", "")
    project.write("statutory/referrals.md", page(version="fourteen"))
    built = project.build()
    assert built.returncode != 0
    assert "The manual has 4 errors to fix" in built.output
    for text in (f"{CHART}:3: 'version'", f"{CHART}:8: step 'concern'", "flowcharts/second.yml:1: the file is empty",
                 "statutory/referrals.md:3: 'version'"):
        assert text in built.output


def test_a_page_in_docs_dir_at_a_flowcharts_address_is_an_error(project):
    project.write(CHART, GOOD)
    project.write("docs/flowcharts/referral.md", "# Clash\n")
    built = project.build()
    assert built.returncode != 0
    assert "flowcharts/referral.md: docs_dir 'docs' also has a file at this path, the page of flowcharts/referral.yml" in built.output
    assert "Traceback" not in built.output
