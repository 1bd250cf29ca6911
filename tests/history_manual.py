"""A manual kept in a real git repository, with a history worth showing: four versions of a
procedure (one finished over two commits, a rename, a minor correction), a withdrawn page and a
flowchart that changed. The whole builds (tests/sitebuild/test_history_build.py), the editions
(tests/cli/test_build_editions.py) and the browser tests (tests/browser/test_history.py) use it."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Project
from tests.gitrepo import GitManual, procedure

RELEASES = {
    "release": {"name": "Update 3", "date": "2026-06-01"},
    "releases": [{"name": "Update 1", "date": "2025-01-01"}, {"name": "Update 2", "date": "2025-09-01"}],
}
BODY_1 = (
    "## Purpose\n\nPractitioners refer a child when they are worried.\n\n"
    "## Steps\n\n- Call the Front Door.\n- Write it down.\n\n"
    "See [the signs of neglect](../supplementary/neglect.md#signs), [a gone heading](../supplementary/neglect.md#gone) "
    "and [the old guidance](old-guidance.md).\n"
)
# Version 2 was finished over two commits: its text is the second's.
BODY_2A = BODY_1.replace("when they are worried", "when they are worried about a child's safety").replace(
    "- Write it down.", "- Write it down.\n- Tell your manager.")
BODY_2 = BODY_2A.replace("Call the Front Door.", "Call the Front Door on 01234 567890.")
BODY_3 = BODY_2.replace("## Steps", "## What to do").replace(", [a gone heading](../supplementary/neglect.md#gone)", "").replace(
    " and [the old guidance](old-guidance.md)", "")
BODY_3_MINOR = BODY_3.replace("Practitioners refer", "Practitioners must refer")
BODY_4 = BODY_3_MINOR + '\n!!! note "Remember"\n    Record your decision & the reason for it.\n'
CHANGES = [
    {"version": 4, "date": "2026-03-01", "note": "Added a reminder to record the decision."},
    {"version": 3, "date": "2026-01-10", "note": "Corrected a typo.", "minor": True},
    {"version": 3, "date": "2025-08-01", "note": "Renamed the steps heading."},
    {"version": 2, "date": "2024-10-01", "note": "Added telling your manager <b>first</b>."},
    {"version": 1, "date": "2024-03-01", "note": "First version."},
]
TITLE = "Making a Referral & <Consent>"


def referral(version: int, date: str, body: str, *, minor: bool = False) -> str:
    """The referral procedure at ``version``; ``minor``: with the minor correction's record."""
    return procedure(TITLE, version, date, body, [c for c in CHANGES if c["version"] <= version and (minor or not c.get("minor"))])


def chart(version: int, date: str, text: str, link: str = "statutory/making-referrals.md") -> str:
    changes = [{"version": v, "date": d, "note": n} for v, d, n in ((2, "2025-08-01", "Reworded the start."), (1, "2024-03-01", "New."))
               if v <= version]
    return (
        f"title: Referral route\nversion: {version}\nlast_updated: {date}\nchanges:\n"
        + "".join(f"  - {{version: {c['version']}, date: {c['date']}, note: {c['note']}}}\n" for c in changes)
        + f"steps:\n  - id: start\n    text: {text}\n    next: refer\n  - id: refer\n    text: Refer to the Front Door\n"
        f"    link: {link}\n    type: end\n"
    )


def make_history(root: Path) -> GitManual:
    """A manual whose referral procedure went through four versions, a rename, a minor correction,
    whose old guidance was withdrawn and whose flowchart changed once."""
    manual = GitManual(Project(root))
    manual.project.config(**RELEASES, _mkdocs={"site_url": "https://procedures.example.org/"})
    manual.write("docs/index.md", "---\ntitle: Home\n---\n\nWelcome.\n")
    manual.write("supplementary/neglect.md", procedure("Neglect", 1, "2024-03-01", "## Signs\n\nSigns of neglect.\n",
                                                       [{"version": 1, "date": "2024-03-01", "note": "New."}]))
    manual.write("statutory/old-guidance.md", procedure("Old Guidance", 2, "2024-03-01", "## About\n\nThis will go.\n",
                                                        [{"version": 2, "date": "2024-03-01", "note": "Reissued."}]))
    manual.write("statutory/referrals.md", referral(1, "2024-03-01", BODY_1))
    manual.write("flowcharts/referral.yml", chart(1, "2024-03-01", "A practitioner is worried", "statutory/referrals.md"))
    manual.commit("Version 1", "2024-03-01")
    manual.write("statutory/referrals.md", referral(2, "2024-10-01", BODY_2A))
    manual.commit("Version 2, first part", "2024-10-01")
    manual.write("statutory/referrals.md", referral(2, "2024-10-01", BODY_2))
    manual.commit("Version 2, second part", "2024-10-02")
    manual.move("statutory/referrals.md", "statutory/making-referrals.md")
    manual.commit("Rename the referral procedure", "2025-02-01")
    manual.write("statutory/making-referrals.md", referral(3, "2025-08-01", BODY_3))
    manual.write("flowcharts/referral.yml", chart(2, "2025-08-01", "A practitioner has a concern"))
    manual.remove("statutory/old-guidance.md")
    manual.commit("Version 3; the old guidance withdrawn", "2025-08-01")
    manual.write("statutory/making-referrals.md", referral(3, "2025-08-01", BODY_3_MINOR, minor=True))
    manual.commit("A minor correction", "2026-01-10")
    manual.write("statutory/making-referrals.md", referral(4, "2026-03-01", BODY_4, minor=True))
    manual.commit("Version 4", "2026-03-01")
    return manual
