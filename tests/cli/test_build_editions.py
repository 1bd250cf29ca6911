"""`procedures build --editions` on real git repositories: each release's edition, built from
the last commit on or before its date, with a banner on every page; the Editions page; and what
stops it (a shallow clone, no git, no releases, an edition that cannot be built), each leaving
the previous site as it was."""

from __future__ import annotations

import html
import re
import tarfile

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.publish.linkcheck import run as linkcheck
from tests.conftest import Project
from tests.gitrepo import GitManual, git, isolate, procedure
from tests.history_manual import RELEASES, make_history

SITE_URL = "https://procedures.example.org/"


def text_of(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", markup)).split())


def rows_of(markup: str) -> list[str]:
    """A table's rows, as text with its cells joined by " | "."""
    return [
        " | ".join(text_of(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S))
        for row in re.findall(r"<tr>(.*?)</tr>", markup, re.S)
    ]


def article(markup: str) -> str:
    return markup[markup.index("<article"):markup.index("</article>")]


def build(project: Project, *more: str):
    return CliRunner().invoke(main, ["-C", str(project.root), "build", "--editions", *more])


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    isolate(mp)
    manual = make_history(tmp_path_factory.mktemp("editions") / "manual")
    result = build(manual.project)
    mp.undo()
    assert result.exit_code == 0, result.output
    return manual.root / "site", result.output


def test_each_release_has_its_edition_as_it_stood_on_its_date(published):
    site, output = published
    assert "edition 'Update 1' built from commit" in output
    # Update 1 (1 January 2025): version 2, before the rename; the old guidance still there.
    one = article((site / "editions/update-1/statutory/referrals/index.html").read_text())
    assert "Call the Front Door on 01234 567890." in one and "v2" in one
    assert (site / "editions/update-1/statutory/old-guidance/index.html").is_file()
    # Update 2 (1 September 2025): version 3, without the minor correction of January 2026.
    two = article((site / "editions/update-2/statutory/making-referrals/index.html").read_text())
    assert "Practitioners refer a child" in two and "must refer" not in two
    # Update 3 (1 June 2026): version 4.
    assert "Remember" in (site / "editions/update-3/statutory/making-referrals/index.html").read_text()


def test_every_page_of_an_edition_has_a_banner_with_the_page_today(published):
    site, _ = published
    renamed = (site / "editions/update-1/statutory/referrals/index.html").read_text()
    banner = text_of(renamed[renamed.index("pm-banner--edition"):renamed.index("</div>", renamed.index("pm-banner--edition"))])
    assert "You are reading the manual as it stood at Update 1, 1 January 2025." in banner
    assert '<a href="../../../../statutory/making-referrals/">Read the current version of this page</a>' in renamed
    withdrawn = (site / "editions/update-1/statutory/old-guidance/index.html").read_text()
    assert 'This page has since been withdrawn: <a href="../../../../statutory/old-guidance/history/">see its history</a>' in withdrawn
    home = (site / "editions/update-1/index.html").read_text()
    assert '<a href="../../">Read the current version of this page</a>' in home
    assert '<a href="../">All editions</a>' in home
    for page in (renamed, withdrawn, home):
        assert '<meta name="robots" content="noindex">' in page
    assert f"{SITE_URL}editions/update-1/statutory/referrals/" in renamed  # its own address
    assert "<url>" not in (site / "editions/update-1/sitemap.xml").read_text()
    assert "editions/update-" not in (site / "sitemap.xml").read_text()
    assert "amendments.xml" not in home  # no feed of its own


def test_the_editions_page_says_which_edition_was_in_force_on_any_date(published):
    site, _ = published
    page = article((site / "editions/index.html").read_text())
    rows = rows_of(page)[1:]
    assert rows[0].startswith("Update 3 | 1 June 2026 | Now (the current release) | ")
    assert rows[1].startswith("Update 2 | 1 September 2025 | 31 May 2026 | ")
    assert rows[2].startswith("Update 1 | 1 January 2025 | 31 August 2025 | ")
    assert '<a href="update-2/">Update 2</a>' in page
    assert "What an edition cannot show" in page
    amendments = (site / "amendments/index.html").read_text()
    assert '<a href="../editions/">Editions</a>' in amendments


def test_every_link_and_anchor_of_the_published_site_works(published, capsys):
    site, _ = published
    assert linkcheck(site) == 0, capsys.readouterr().out


# --------------------------------------------------------------------------- what stops it


def test_a_release_before_the_history_starts_is_listed_as_not_available(tmp_path, monkeypatch):
    isolate(monkeypatch)
    manual = make_history(tmp_path / "manual")
    manual.project.config(release=RELEASES["release"], releases=[{"name": "Update 0", "date": "2023-06-01"}, *RELEASES["releases"]])
    manual.commit("An earlier release", "2026-03-02")
    result = build(manual.project)
    assert result.exit_code == 0, result.output
    assert "edition 'Update 0' is not available: the manual's history in git starts on 2024-03-01, after this release" in result.output
    rows = rows_of((manual.root / "site/editions/index.html").read_text())
    assert rows[-1] == "Update 0Not available: the manual's history in git starts on 2024-03-01, after this release | 1 June 2023 | 31 December 2024 | "
    assert not (manual.root / "site/editions/update-0").exists()


def stale(project: Project) -> None:
    (project.root / "site").mkdir(exist_ok=True)
    (project.root / "site/index.html").write_text("the previous site")


def shallow(tmp_path, manual: GitManual) -> Project:
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{manual.root}", "clone")
    return Project(tmp_path / "clone")


def copy_without_git(tmp_path, manual: GitManual) -> Project:
    git(manual.root, "archive", "-o", str(tmp_path / "m.tar"), "HEAD")
    with tarfile.open(tmp_path / "m.tar") as tar:
        tar.extractall(tmp_path / "copy", filter="data")
    return Project(tmp_path / "copy")


def without_releases(tmp_path, manual: GitManual) -> Project:
    manual.project.config()
    return manual.project


def broken_old_edition(tmp_path, manual: GitManual) -> Project:
    """A commit dated back to before Update 1, so that Update 1 and 2 come from it, with a page
    whose front matter cannot be read; mended in the next commit, which the site is built from."""
    manual.write("supplementary/neglect.md", "---\ntitle: [Neglect\n---\n\nText.\n")
    manual.commit("Broken front matter", "2024-03-02")
    manual.write("supplementary/neglect.md", procedure("Neglect", 1, "2024-03-01", "## Signs\n\nSigns of neglect.\n",
                                                       [{"version": 1, "date": "2024-03-01", "note": "New."}]))
    manual.commit("Mended", "2026-03-02")
    return manual.project


CASES = [
    ("shallow clone", shallow, "editions are built from git history, and this clone is shallow", "git fetch --unshallow"),
    ("copy without git", copy_without_git, "editions are built from git history", "not in a git repository"),
    ("no releases", without_releases, "there are no releases to build editions of", "set 'release'"),
    ("an edition that cannot be built", broken_old_edition, "edition 'Update 1' (commit", "the build failed, so site/ was left as it was"),
]


@pytest.mark.parametrize(("setup", "reason", "more"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_what_stops_the_editions_leaves_the_site_as_it_was(tmp_path, monkeypatch, setup, reason, more):
    isolate(monkeypatch)
    project = setup(tmp_path, make_history(tmp_path / "manual"))
    stale(project)
    result = build(project)
    assert result.exit_code == 1, result.output
    assert reason in result.output and more in result.output
    assert "Traceback" not in result.output
    assert (project.root / "site/index.html").read_text() == "the previous site"


def test_an_edition_from_before_the_manual_moved_into_its_folder_is_not_available(tmp_path, monkeypatch):
    """The manual in manual/ of a repository whose first commit, before the first release, did
    not have that folder yet: that release's edition is listed with the reason, the others built."""
    isolate(monkeypatch)
    top = tmp_path / "repo"
    top.mkdir()
    (top / "README.md").write_text("The partnership's repository.\n")
    git(top, "init", "-q")
    git(top, "add", "-A")
    git(top, "commit", "-qm", "Start", date="2023-06-01")
    manual = GitManual(Project(top / "manual"))
    manual.project.config(release={"name": "Update 1", "date": "2024-06-01"}, releases=[{"name": "Update 0", "date": "2023-07-01"}])
    manual.write("docs/index.md", "---\ntitle: Home\n---\n\nWelcome.\n")
    manual.write("statutory/referrals.md", procedure("Referrals", 1, "2024-03-01", "## Purpose\n\nRefer.\n",
                                                     [{"version": 1, "date": "2024-03-01", "note": "New."}]))
    manual.write("supplementary/neglect.md", procedure("Neglect", 1, "2024-03-01", "## Signs\n\nSigns.\n",
                                                       [{"version": 1, "date": "2024-03-01", "note": "New."}]))
    git(top, "add", "-A")
    git(top, "commit", "-qm", "The manual", date="2024-03-01")
    result = build(manual.project)
    assert result.exit_code == 0, result.output
    assert "edition 'Update 0' is not available: the manual was not yet in the folder manual/ at commit" in result.output
    assert "Traceback" not in result.output
    assert (manual.root / "site/editions/update-1/statutory/referrals/index.html").is_file()
    assert not (manual.root / "site/editions/update-0").exists()
