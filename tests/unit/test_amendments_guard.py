"""The version-bump guard (`procedures check --base`) on real temporary git repositories."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from generator.amendments.guard import GuardError, check_versions, fetch_hint
from generator.cli import main
from generator.core.manual import Section
from generator.options import Settings
from tests.conftest import TODAY, Project, page

SECTIONS = [Section(s.folder, s.label) for s in Settings().sections]
NEGLECT_BODY = "## Purpose\n\nHow practitioners recognise neglect.\n\n## Procedure\n\nRecord what you see.\n"
FLOWCHART = """\
title: Referral
version: 4
last_updated: 2025-11-01
changes:
  - version: 4
    date: 2025-11-01
    note: Added the follow-up step.
steps:
  - id: concern
    text: A practitioner has concerns
    timescale: The same day
    next: decide
  - id: decide
    type: decision
    text: Is the child at risk of significant harm?
    next:
      - {label: "Yes", to: refer}
      - {label: "No, but needs support", to: advice}
  - id: refer
    text: Referral to children's social care
    type: end
  - id: advice
    text: Advice and early help
    type: end
"""


@pytest.fixture(autouse=True)
def isolated_git(monkeypatch):
    """Real git, without the machine's own git configuration."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Officer")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "officer@example.org")


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "init.defaultBranch=main", *args], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def neglect(version=7, last_updated="2025-09-12", body=NEGLECT_BODY, changes=None, **fields) -> str:
    if changes is None:
        changes = [{"version": 7, "date": "2025-09-12", "note": "Added the graded care profile."}]
    return page("Neglect", version, last_updated, body=body, changes=changes, **fields)


def make_repo(root: Path, chart: str = "flowcharts/referral.yml", **options) -> Project:
    """A manual in git: one commit on main with three pages and a flowchart."""
    proj = Project(root)
    proj.write("docs/index.md", "---\ntitle: Home\n---\n\nWelcome.\n")
    proj.write("statutory/referrals.md", page("Referrals", 14, "2023-04-14"))
    proj.write("supplementary/neglect.md", neglect())
    proj.write("supplementary/domestic-abuse.md", page("Domestic Abuse", 3, "2024-01-01", body="## Purpose\n\nText about domestic abuse.\n"))
    proj.write(chart, FLOWCHART)
    proj.config(**options)
    git(proj.root, "init", "-q")
    git(proj.root, "add", "-A")
    git(proj.root, "commit", "-qm", "Base")
    return proj


@pytest.fixture
def repo(tmp_path) -> Project:
    return make_repo(tmp_path / "repo")


def guard(proj: Project, base: str = "main", flowcharts: str | None = "flowcharts"):
    return check_versions(proj.root, SECTIONS, base, today=dt.date.fromisoformat(TODAY), flowcharts=flowcharts)


def messages(result) -> list[str]:
    assert all(p.check in ("version-not-bumped", "minor-correction") for p in result.problems)
    return [f"{p.path}:{p.line}: {p.message}" for p in result.problems]


MINOR_HINT = "; for a typo or a broken link, record a minor correction instead (a changes entry with minor: true)"
BUMP = "set version: 8, last_updated: 2026-11-23, and add a changes entry for version 8" + MINOR_HINT
NEW_BODY = NEGLECT_BODY.replace("Record what you see.", "Record what you see and hear.")
MINOR_7 = [{"version": 7, "date": "2026-11-20", "note": "Corrected a typo.", "minor": True},
           {"version": 7, "date": "2025-09-12", "note": "Added the graded care profile."}]
ENTRY_8 = [{"version": 8, "date": "2026-11-20", "note": "Recording what is heard."}, {"version": 7, "date": "2025-09-12", "note": "x"}]

Edit = Callable[[Project], None]
CASES: list[tuple[str, Edit, list[str]]] = [
    ("text changed without a bump", lambda p: p.write("supplementary/neglect.md", neglect(body=NEW_BODY)),
     [f"supplementary/neglect.md:3: the text changed but 'version' is still 7: {BUMP}"]),
    ("text changed, version went down", lambda p: p.write("supplementary/neglect.md", neglect(version=6, body=NEW_BODY, changes=[])),
     [f"supplementary/neglect.md:3: the text changed but 'version' went down from 7 to 6: {BUMP}"]),
    ("bumped but no changes entry", lambda p: p.write("supplementary/neglect.md", neglect(version=8, last_updated="2026-11-20", body=NEW_BODY)),
     ["supplementary/neglect.md:5: there is no 'changes' entry for version 8: add one under 'changes:' with version: 8, "
      "date: 2026-11-20, and a note saying what changed"]),
    ("bumped but last_updated unchanged", lambda p: p.write("supplementary/neglect.md", neglect(version=8, body=NEW_BODY, changes=ENTRY_8)),
     ["supplementary/neglect.md:4: 'version' went up to 8 but 'last_updated' is still 2025-09-12: set last_updated: 2026-11-23 (the date of this change)"]),
    ("bumped with neither", lambda p: p.write("supplementary/neglect.md", neglect(version=9, body=NEW_BODY)),
     ["supplementary/neglect.md:4: 'version' went up to 9 but 'last_updated' is still 2025-09-12: set last_updated: 2026-11-23 (the date of this change)",
      "supplementary/neglect.md:5: there is no 'changes' entry for version 9: add one under 'changes:' with version: 9, date: 2026-11-23, and a note saying what changed"]),
    ("properly recorded", lambda p: p.write("supplementary/neglect.md", neglect(version=8, last_updated="2026-11-20", body=NEW_BODY, changes=ENTRY_8)), []),
    ("front matter only", lambda p: p.write("supplementary/neglect.md", neglect(summary="A new summary.", review_due="2027-09-12")), []),
    ("title changed only", lambda p: p.write("supplementary/neglect.md", neglect().replace("title: Neglect", "title: Neglect and Emotional Abuse")), []),
    ("whitespace only", lambda p: p.write("supplementary/neglect.md", neglect(body=NEGLECT_BODY.replace("How practitioners recognise", "How  practitioners\nrecognise") + "\n\n")), []),
    ("CRLF line endings only", lambda p: p.write("supplementary/neglect.md", neglect().replace("\n", "\r\n")), []),
    ("flowchart steps changed", lambda p: p.write("flowcharts/referral.yml", FLOWCHART.replace("has concerns", "has a concern")),
     ["flowcharts/referral.yml:2: the steps changed but 'version' is still 4: set version: 5, last_updated: 2026-11-23, and add a changes entry for version 5" + MINOR_HINT]),
    ("flowchart re-indented and retitled", lambda p: p.write("flowcharts/referral.yml", FLOWCHART.replace("title: Referral", "title: Referral route")
                                                                .replace("    next: decide", "    next:   decide")), []),
    ("flowchart text with extra spaces", lambda p: p.write("flowcharts/referral.yml", FLOWCHART.replace(
        "text: A practitioner has concerns", "text: A practitioner has  concerns ")), []),
    ("flowchart text wrapped over two lines", lambda p: p.write("flowcharts/referral.yml", FLOWCHART.replace(
        "text: Is the child at risk of significant harm?", "text: >-\n      Is the child at risk\n      of  significant harm?")), []),
    ("flowchart text quoted with a tab", lambda p: p.write("flowcharts/referral.yml", FLOWCHART.replace(
        "text: Advice and early help", 'text: "Advice and\\tearly help "')), []),
    ("flowchart label with extra spaces", lambda p: p.write("flowcharts/referral.yml", FLOWCHART.replace(
        '{label: "No, but needs support", to: advice}', '{label: "No,  but needs support ", to: " advice"}')), []),
    ("flowchart timescale with extra spaces", lambda p: p.write("flowcharts/referral.yml", FLOWCHART.replace(
        "timescale: The same day", "timescale: '  The same  day'")), []),
    ("flowchart label changed", lambda p: p.write("flowcharts/referral.yml", FLOWCHART.replace("No, but needs support", "No, but needs help")),
     ["flowcharts/referral.yml:2: the steps changed but 'version' is still 4: set version: 5, last_updated: 2026-11-23, and add a changes entry for version 5" + MINOR_HINT]),
    # Minor corrections: the text changes under the same version, with a changes entry marked minor: true.
    ("minor correction", lambda p: p.write("supplementary/neglect.md", neglect(body=NEW_BODY, changes=MINOR_7)), []),
    ("minor correction that moved last_updated", lambda p: p.write("supplementary/neglect.md", neglect(
        last_updated="2026-11-20", body=NEW_BODY, changes=MINOR_7)),
     ["supplementary/neglect.md:4: a minor correction does not change 'last_updated': set it back to 2025-09-12 (its date is in the "
      "changes entry), or record a new version if readers need to know of this change"]),
    ("minor correction already on main", lambda p: (p.write("supplementary/neglect.md", neglect(changes=MINOR_7)),
                                                     git(p.root, "commit", "-qam", "An earlier minor correction"),
                                                     p.write("supplementary/neglect.md", neglect(body=NEW_BODY, changes=MINOR_7))),
     [f"supplementary/neglect.md:3: the text changed but 'version' is still 7: {BUMP}"]),
    ("minor entry for an older version", lambda p: p.write("supplementary/neglect.md", neglect(
        body=NEW_BODY, changes=[{"version": 6, "date": "2026-11-20", "note": "Typo.", "minor": True}, *ENTRY_8[1:]])),
     [f"supplementary/neglect.md:3: the text changed but 'version' is still 7: {BUMP}"]),
    ("new version marked minor", lambda p: p.write("supplementary/neglect.md", neglect(
        version=8, last_updated="2026-11-20", body=NEW_BODY,
        changes=[{"version": 8, "date": "2026-11-20", "note": "Recording what is heard.", "minor": True}, *ENTRY_8[1:]])),
     ["supplementary/neglect.md:5: 'version' went up to 8, but its changes entry says minor: true: a new version is not a minor "
      "correction; remove 'minor: true' from it (or, for a minor correction, keep version: 7)"]),
    ("page deleted", lambda p: (p.root / "supplementary/domestic-abuse.md").unlink(), []),
    ("page added", lambda p: p.write("statutory/new.md", page("A New Procedure", 1, "2026-11-20")), []),
    ("page moved unchanged", lambda p: (p.root / "supplementary/neglect.md").rename(p.root / "statutory/neglect.md"), []),
    ("page moved and changed", lambda p: ((p.root / "supplementary/neglect.md").unlink(), p.write("statutory/neglect.md", neglect(body=NEW_BODY))),
     [f"statutory/neglect.md:3: the text changed but 'version' is still 7: {BUMP}"]),
]


@pytest.mark.parametrize(("edit", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_guard_cases(repo, edit, expected):
    edit(repo)
    assert messages(guard(repo)) == expected


FOLDERS = [
    # id, plugin options, where the flowchart is, what `check --base main` says about a change to its steps
    ("default folder", {}, "flowcharts/referral.yml", "flowcharts/referral.yml"),
    ("configured folder", {"flowcharts": {"folder": "charts"}}, "charts/referral.yml", "charts/referral.yml"),
    ("configured folder with a slash", {"flowcharts": {"folder": "charts/"}}, "charts/referral.yml", "charts/referral.yml"),
    ("nested folder", {"flowcharts": {"folder": "manual/charts"}}, "manual/charts/referral.yml", "manual/charts/referral.yml"),
    ("flowcharts turned off", {"flowcharts": {"enabled": False}}, "flowcharts/referral.yml", None),
]


@pytest.mark.parametrize(("options", "chart", "reported"), [f[1:] for f in FOLDERS], ids=[f[0] for f in FOLDERS])
def test_the_guard_compares_the_flowcharts_of_the_configured_folder(tmp_path, options, chart, reported):
    proj = make_repo(tmp_path / "repo", chart, **options)
    proj.write(chart, FLOWCHART.replace("has concerns", "has a concern"))
    result = run_check(proj, "--base", "main")
    if reported is None:
        assert result.exit_code == 0, result.output
        assert "Compared 3 procedure and flowchart file(s)" in result.output
    else:
        assert result.exit_code == 1, result.output
        assert f"{reported}:2: the steps changed but 'version' is still 4: set version: 5" in result.output


def test_new_deleted_and_moved_pages_are_reported_as_notes(repo):
    (repo.root / "supplementary/domestic-abuse.md").unlink()
    repo.write("statutory/new.md", page("A New Procedure", 1, "2026-11-20"))
    (repo.root / "supplementary/neglect.md").rename(repo.root / "statutory/neglect.md")
    result = guard(repo)
    assert result.notes == [
        "statutory/neglect.md: moved from supplementary/neglect.md",
        "statutory/new.md: new procedure at version 1",
        "supplementary/domestic-abuse.md: deleted (it was version 3); to keep it on record, set 'status: archived' instead of deleting the file",
        "Compared 4 procedure and flowchart file(s) with main (" + git(repo.root, "rev-parse", "main")[:12] + "): 0 changed, 1 new, 1 deleted, 1 moved.",
    ]


def test_broken_front_matter_is_left_to_the_other_checks(repo):
    repo.write("supplementary/neglect.md", "---\ntitle: [Neglect\n---\n\n" + NEW_BODY)
    result = guard(repo)
    assert messages(result) == []
    assert result.notes[0].startswith("supplementary/neglect.md: the text changed, but its 'version' cannot be read")


def test_an_unreadable_base_version_still_asks_for_the_changes_entry(repo):
    repo.write("supplementary/neglect.md", "---\ntitle: [Neglect\n---\n\n" + NEGLECT_BODY)
    git(repo.root, "commit", "-qam", "Broken front matter on main")
    repo.write("supplementary/neglect.md", neglect(version=8, last_updated="2026-11-20", body=NEW_BODY))
    result = guard(repo)
    assert messages(result) == [
        "supplementary/neglect.md:5: there is no 'changes' entry for version 8: add one under 'changes:' with version: 8, "
        "date: 2026-11-20, and a note saying what changed"]
    assert "the base version's front matter could not be read" in result.notes[0]


def test_a_page_that_is_not_utf8_is_left_to_the_other_checks(repo):
    (repo.root / "supplementary/neglect.md").write_bytes(neglect(body=NEW_BODY).encode("utf-8").replace(b"hear", b"h\xe9ar"))
    result = guard(repo)
    assert messages(result) == []
    assert result.notes[0].startswith("supplementary/neglect.md: the text changed, but its 'version' cannot be read")
    assert run_check(repo, "--base", "main").exit_code == 1  # the encoding error itself comes from `check`


def test_project_in_a_subfolder_of_the_repository(tmp_path):
    proj = Project(tmp_path / "repo" / "manual")
    proj.write("supplementary/neglect.md", neglect())
    proj.write("statutory/referrals.md", page())
    proj.config()
    git(tmp_path / "repo", "init", "-q")
    git(tmp_path / "repo", "add", "-A")
    git(tmp_path / "repo", "commit", "-qm", "Base")
    proj.write("supplementary/neglect.md", neglect(body=NEW_BODY))
    assert messages(guard(proj)) == [f"supplementary/neglect.md:3: the text changed but 'version' is still 7: {BUMP}"]


def run_check(proj: Project, *args: str):
    return CliRunner().invoke(main, ["-C", str(proj.root), "check", *args])


def test_cli_stops_an_unbumped_change_on_a_feature_branch(repo):
    git(repo.root, "checkout", "-qb", "feature")
    repo.write("supplementary/neglect.md", neglect(body=NEW_BODY))
    git(repo.root, "commit", "-qam", "Edit neglect")
    result = run_check(repo, "--base", "main")
    assert result.exit_code == 1
    assert f"error: supplementary/neglect.md:3: the text changed but 'version' is still 7: {BUMP} [version-not-bumped]" in result.output
    assert "note: Compared 4 procedure and flowchart file(s) with main" in result.output
    # On a pull request the annotation sits on the 'version' line of the changed file.
    result = run_check(repo, "--base", "main", "--format", "github")
    assert "::error file=supplementary/neglect.md,line=3,title=procedures check%3A version-not-bumped ('version')::the text changed" in result.output

    repo.write("supplementary/neglect.md", neglect(version=8, last_updated="2026-11-20", body=NEW_BODY, changes=ENTRY_8))
    result = run_check(repo, "--base", "main")
    assert result.exit_code == 0, result.output
    assert run_check(repo).exit_code == 0  # without --base there is no guard


@pytest.fixture
def shallow_clone(repo, tmp_path) -> Project:
    """A shallow clone of a feature branch that changed a page, as CI checks it out."""
    git(repo.root, "checkout", "-qb", "feature")
    repo.write("supplementary/neglect.md", neglect(body=NEW_BODY))
    git(repo.root, "commit", "-qam", "Edit neglect")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth=1", "--branch", "feature", f"file://{repo.root}", str(clone))
    return Project(clone)


def test_shallow_clone_says_how_to_fetch_the_base(shallow_clone):
    result = run_check(shallow_clone, "--base", "origin/main")
    assert result.exit_code == 2
    hint = "git fetch --depth=1 origin main:refs/remotes/origin/main"
    assert "the base 'origin/main' is not in this shallow clone" in result.output and f"`{hint}`" in result.output

    git(shallow_clone.root, *hint.split()[1:])  # the command the message gives, exactly
    result = run_check(shallow_clone, "--base", "origin/main")
    assert result.exit_code == 1
    assert f"supplementary/neglect.md:3: the text changed but 'version' is still 7: {BUMP}" in result.output


BAD_REFS = [
    # id, --base, the message (in a repository with no remote, so nothing can be fetched)
    ("missing branch", "no-such-branch", "the base 'no-such-branch' is not a commit in this repository: give the name of a branch "
                                         "(`git branch -a` lists them) or a commit id"),
    ("relative to a missing commit", "HEAD~5", "the base 'HEAD~5' is not a commit in this repository"),
    ("abbreviated commit", "0123abcd", "the base '0123abcd' is not a commit in this repository: an abbreviated commit id cannot be fetched"),
    ("range", "main..feature", "'main..feature' is a range of commits; --base takes one branch or commit"),
    ("option", "--upload-pack=x", "'--upload-pack=x' is not a git reference"),
    ("empty", "", "'' is not a git reference"),
]


@pytest.mark.parametrize(("base", "message"), [b[1:] for b in BAD_REFS], ids=[b[0] for b in BAD_REFS])
def test_bad_base_refs(repo, base, message):
    result = run_check(repo, "--base", base)
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
    assert "git fetch" not in result.output  # nothing to fetch from: the repository has no remote


SHALLOW = [
    # id, --base, the message in a shallow clone of the feature branch (main is on origin only)
    ("remote branch", "origin/main", "the base 'origin/main' is not in this shallow clone (CI fetches only the commit it tests): "
                                     "fetch it first with `git fetch --depth=1 origin main:refs/remotes/origin/main`"),
    ("local name", "main", "fetch it first with `git fetch --depth=1 origin main:refs/remotes/origin/main`, then use --base origin/main"),
    ("relative", "HEAD~5", "the base 'HEAD~5' is not in this shallow clone (CI fetches only the commit it tests), which holds only "
                           "the latest commits: fetch the whole history with `git fetch --unshallow`, or give the branch"),
    ("reflog", "main@{1}", "`git fetch --unshallow`"),
    ("abbreviated commit", "0123abcd", "an abbreviated commit id cannot be fetched"),
]


@pytest.mark.parametrize(("base", "message"), [b[1:] for b in SHALLOW], ids=[b[0] for b in SHALLOW])
def test_missing_bases_in_a_shallow_clone(shallow_clone, base, message):
    result = run_check(shallow_clone, "--base", base)
    assert result.exit_code == 2
    output = " ".join(result.output.split())
    assert message in output
    for command in re.findall(r"`([^`]*)`", output):
        assert command.startswith("git ") and "," not in command, command  # each command is pasteable as it is


FETCH_HINTS = [
    # id, --base, the repository's remotes, (the command, the --base to use then) or None
    ("remote branch", "origin/main", ["origin"], ("git fetch --depth=1 origin main:refs/remotes/origin/main", "origin/main")),
    ("other remote", "upstream/release/2026", ["origin", "upstream"],
     ("git fetch --depth=1 upstream release/2026:refs/remotes/upstream/release/2026", "upstream/release/2026")),
    ("branch with a slash", "release/2026", ["origin"],
     ("git fetch --depth=1 origin release/2026:refs/remotes/origin/release/2026", "origin/release/2026")),
    ("local name", "main", ["origin"], ("git fetch --depth=1 origin main:refs/remotes/origin/main", "origin/main")),
    ("local name, other remote", "main", ["upstream"], ("git fetch --depth=1 upstream main:refs/remotes/upstream/main", "upstream/main")),
    ("full ref of a remote branch", "refs/remotes/origin/main", ["origin"],
     ("git fetch --depth=1 origin main:refs/remotes/origin/main", "refs/remotes/origin/main")),
    ("full ref of a local branch", "refs/heads/main", ["origin"],
     ("git fetch --depth=1 origin main:refs/remotes/origin/main", "origin/main")),
    ("tag", "refs/tags/update-15", ["origin"], ("git fetch --depth=1 origin refs/tags/update-15:refs/tags/update-15", "refs/tags/update-15")),
    ("whole commit id", "0123abcd" * 5, ["origin"], ("git fetch --depth=1 origin " + "0123abcd" * 5, "0123abcd" * 5)),
    ("abbreviated commit id", "0123abcd", ["origin"], None),
    ("relative", "HEAD~5", ["origin"], None),
    ("relative to a branch", "origin/main~2", ["origin"], None),
    ("parent", "main^", ["origin"], None),
    ("reflog", "main@{1}", ["origin"], None),
    ("range", "main..feature", ["origin"], None),
    ("HEAD", "HEAD", ["origin"], None),
    ("no remote", "origin/main", [], None),
]


@pytest.mark.parametrize(("base", "remotes", "hint"), [f[1:] for f in FETCH_HINTS], ids=[f[0] for f in FETCH_HINTS])
def test_fetch_hints(base, remotes, hint):
    assert fetch_hint(base, remotes) == hint


def test_outside_a_git_repository(project):
    result = run_check(project, "--base", "origin/main")
    assert result.exit_code == 2
    assert "is not in a git repository, and --base compares the pages with git history" in " ".join(result.output.split())


def test_guard_error_is_an_exception_with_the_message(repo):
    with pytest.raises(GuardError, match="not a commit in this repository"):
        guard(repo, "nope")
