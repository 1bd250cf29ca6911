"""Internal links and anchors: `procedures check` finds what the strict build would stop on."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.links.internal import anchors
from tests.conftest import page

BODY = "## Purpose\n\nText.\n\n## Who Does What {#roles}\n\nMore.\n\n## Purpose\n\nAgain.\n"

CASES = [
    ("missing-page", "[x](missing.md)", "statutory/referrals.md:9: the link 'missing.md' goes to no page (looked for statutory/missing.md)"),
    ("missing-anchor", "[x](../supplementary/neglect.md#nowhere)",
     "statutory/referrals.md:9: the link '../supplementary/neglect.md#nowhere' goes to '#nowhere', but supplementary/neglect.md has no heading"),
    ("same-page-anchor", "[x](#not-here)", "statutory/referrals.md:9: the link '#not-here' goes to '#not-here', but this page has no heading"),
    ("draft-page", "[x](draft.md)", "statutory/referrals.md:9: the link 'draft.md' goes to no page"),
]


@pytest.mark.parametrize("link, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_broken_links_are_reported_by_check_and_stop_the_strict_build(project, link, expected):
    project.write("statutory/draft.md", page("Draft", status="draft"))
    project.write("statutory/referrals.md", page(body=f"## Purpose\n\nSee {link} now.\n"))
    result = CliRunner().invoke(main, ["-C", str(project.root), "check"])
    assert result.exit_code == 1
    assert expected in result.output
    built = project.build()
    assert built.returncode != 0 and "Traceback" not in built.output


def test_good_links_anchors_and_code_are_not_reported(project):
    project.write("supplementary/neglect.md", page("Neglect", 7, "2024-02-01", body=BODY))
    body = (
        "## Purpose\n\nSee [a](../supplementary/neglect.md#purpose), [b](../supplementary/neglect.md#roles),\n"
        "[c](../supplementary/neglect.md#purpose_1), [d](#purpose), [e](../contents.md),\n"
        "[f](https://example.org/x.md) and `[g](missing.md)`.\n\n```\n[h](missing.md)\n```\n"
    )
    project.write("statutory/referrals.md", page(body=body))
    result = CliRunner().invoke(main, ["-C", str(project.root), "check"])
    assert result.exit_code == 0, result.output
    assert project.build().returncode == 0


def test_anchor_ids_follow_the_toc_extension():
    assert anchors(BODY) == {"purpose", "roles", "purpose_1"}
    assert anchors("### Section 47 *Enquiries*\n") == {"section-47-enquiries"}
