"""Whole builds with --strict of manuals kept in real git repositories: each page's history, its
superseded versions and what changed, withdrawn pages, minor corrections, rewritten history, and
builds without the whole history (a shallow clone, a copy without .git)."""

from __future__ import annotations

import html
import re
import shutil
import tarfile

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import Project
from tests.gitrepo import git, isolate
from tests.history_manual import RELEASES, TITLE, make_history

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    isolate(mp)
    manual = make_history(tmp_path_factory.mktemp("history") / "manual")
    result = manual.project.build()
    mp.undo()
    assert result.returncode == 0, result.output
    return result


def article(built, rel: str) -> str:
    markup = built.html(rel)
    return markup[markup.index("<article"):markup.index("</article>")]


def text_of(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", markup)).split())


PAGE = "statutory/making-referrals"


def test_the_page_says_when_it_was_first_published_and_links_to_all_its_updates(built):
    page = article(built, f"{PAGE}/index.html")
    assert 'First published: <time datetime="2024-03-01">1 March 2024</time>' in page
    assert '<a class="pm-published__link" href="history/">See all updates</a>' in page


def test_the_history_lists_every_version_newest_first_with_links(built):
    page = article(built, f"{PAGE}/history/index.html")
    rows = [text_of(row) for row in re.findall(r"<tr>(.*?)</tr>", page, re.S)][1:]
    assert [re.match(r"Version \d( \(current\)|, minor correction)?", row).group(0) for row in rows] == [
        "Version 4 (current)", "Version 3, minor correction", "Version 3", "Version 2", "Version 1"]
    assert "Added telling your manager &lt;b&gt;first&lt;/b&gt;." in page  # notes are text
    for link in ('href="../v3/">Read version 3', 'href="../v2-to-v3/">What changed in version 3',
                 'href="../">Current version', 'href="../v3-to-v4/">What changed in version 4', 'href="../v1/">Read version 1'):
        assert link in page
    assert "What changed in version 1" not in page  # nothing before it


def test_a_version_finished_over_two_commits_shows_its_final_text(built):
    page = article(built, f"{PAGE}/v2/index.html")
    assert "Call the Front Door on 01234 567890." in page
    assert "Tell your manager." in page


def test_a_minor_correction_is_in_the_version_it_corrected_and_not_on_the_amendments_page(built):
    assert "Practitioners must refer" in article(built, f"{PAGE}/v3/index.html")
    amendments = article(built, "amendments/index.html")
    assert "Corrected a typo." not in amendments
    history = text_of(article(built, f"{PAGE}/history/index.html"))
    assert "Version 3, minor correction 10 January 2026 Corrected a typo." in history


def test_a_superseded_version_has_a_banner_and_is_kept_from_search_engines(built):
    markup = built.html(f"{PAGE}/v1/index.html")
    start = markup.index('<div class="admonition warning pm-banner pm-banner--superseded"')
    banner = text_of(markup[start:markup.index("</div>", start)])
    assert banner.startswith(
        f"Superseded version This is version 1 of {TITLE}, published 1 March 2024. Version 2 replaced it on 1 October 2024. "
        "Read the current version."
    )
    assert '<meta name="robots" content="noindex">' in markup
    assert "&lt;Consent&gt;" in markup and "<Consent>" not in markup
    assert "v1/" not in built.html("sitemap.xml") and "history/" not in built.html("sitemap.xml")
    assert PAGE + "/" in built.html("sitemap.xml")
    index = built.html("search/search_index.json")
    assert "v1-to-v2" not in index and f"{PAGE}/v1/" not in index and f"{PAGE}/history/" not in index


def test_old_links_point_at_todays_site(built):
    page = article(built, f"{PAGE}/v1/index.html")
    assert 'href="../../../supplementary/neglect/#signs"' in page  # the heading is still there
    assert 'href="../../../supplementary/neglect/">a gone heading' in page  # its anchor is not: the page
    assert 'href="../../old-guidance/history/">the old guidance' in page  # withdrawn: its history


def test_the_redline_marks_words_deleted_and_inserted_for_eyes_and_ears(built):
    page = article(built, f"{PAGE}/v1-to-v2/index.html")
    assert (
        'worried <ins class="pm-ins"><span class="pm-sr">inserted: </span>about a child\'s safety'
        '<span class="pm-sr"> (end of insertion)</span></ins>.'
    ) in page
    assert "2 changes: 0 words deleted and 12 words inserted." in text_of(page)
    assert '<a href="#pm-change-1">Change 1, under ‘Purpose’</a>' in page
    assert 'id="pm-change-1"' in page
    v4 = article(built, f"{PAGE}/v3-to-v4/index.html")
    assert '<div class="admonition note" id="pm-change-1"><ins class="pm-ins"><span class="pm-sr">inserted: </span>' in v4


def test_a_renamed_page_keeps_its_history(built):
    history = text_of(article(built, f"{PAGE}/history/index.html"))
    assert "Version 1 1 March 2024 First version." in history
    assert not (built.site / "statutory" / "referrals").exists()


def test_a_withdrawn_page_stays_reachable_from_the_amendments_page(built):
    amendments = article(built, "amendments/index.html")
    assert "Withdrawn in Update 2" in amendments
    assert 'href="../statutory/old-guidance/history/">Old Guidance</a>' in amendments
    history = text_of(article(built, "statutory/old-guidance/history/index.html"))
    assert "This procedure was withdrawn on 1 August 2025" in history
    version = built.html("statutory/old-guidance/v2/index.html")
    assert "The procedure was withdrawn on" in text_of(version)
    assert not (built.site / "statutory" / "old-guidance" / "index.html").exists()


def test_a_flowchart_keeps_its_versions_drawn_as_they_were(built):
    assert 'First published: <time datetime="2024-03-01">' in article(built, "flowcharts/referral/index.html")
    old = article(built, "flowcharts/referral/v1/index.html")
    assert "A practitioner is worried" in old and "<svg" in old
    redline = article(built, "flowcharts/referral/v1-to-v2/index.html")
    assert "<svg" not in redline  # the words are compared, not the drawing
    assert "A practitioner deleted: is worried (end of deletion)inserted: has a concern (end of insertion)" in text_of(redline)
    assert "Refer to the Front Door" in redline and "Front Door (end" not in text_of(redline)  # the same page, moved


def test_procedures_check_agrees_and_says_nothing_of_history(built):
    result = CliRunner().invoke(main, ["-C", str(built.site.parent), "check"])
    assert result.exit_code == 0, result.output
    assert "history-incomplete" not in result.output


# --------------------------------------------------------------------------- without git's whole history

def without_history(tmp_path, monkeypatch, how: str) -> Project:
    isolate(monkeypatch)
    manual = make_history(tmp_path / "manual")
    if how == "shallow clone":
        git(tmp_path, "clone", "-q", "--depth", "1", f"file://{manual.root}", "clone")
        return Project(tmp_path / "clone")
    archive = tmp_path / "manual.tar"
    git(manual.root, "archive", "-o", str(archive), "HEAD")
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "copy", filter="data")
    return Project(tmp_path / "copy")


@pytest.mark.parametrize("how", ["shallow clone", "copy without .git"])
def test_without_the_whole_history_the_build_works_from_changes_and_says_once_how_to_get_the_rest(tmp_path, monkeypatch, how):
    project = without_history(tmp_path, monkeypatch, how)
    result = project.build()
    assert result.returncode == 0, result.output
    assert result.output.count("[history-incomplete]") == 1
    assert "git fetch --unshallow" in result.output and "fetch-depth: 0" in result.output
    history = text_of(article(result, f"{PAGE}/history/index.html"))
    assert "Version 2 1 October 2024 Added telling your manager <b>first</b>. Not available" in history
    assert "built without its full history" in history
    assert not (result.site / PAGE / "v2").exists()
    check = CliRunner().invoke(main, ["-C", str(project.root), "check"])
    assert check.exit_code == 0 and check.output.count("[history-incomplete]") == 1


def test_history_can_be_turned_off(tmp_path, monkeypatch):
    isolate(monkeypatch)
    manual = make_history(tmp_path / "manual")
    manual.project.config(**RELEASES, history={"enabled": False}, _mkdocs={"site_url": "https://procedures.example.org/"})
    result = manual.project.build()
    assert result.returncode == 0, result.output
    assert not (result.site / PAGE / "history").exists()
    assert "See all updates" not in result.html(f"{PAGE}/index.html")


# --------------------------------------------------------------------------- history rewritten after publication

def test_history_rewritten_after_publication_keeps_every_address_and_says_what_is_missing(tmp_path, monkeypatch):
    isolate(monkeypatch)
    manual = make_history(tmp_path / "manual")
    before = manual.project.build()
    assert before.returncode == 0, before.output
    kept = {p: (before.site / p).read_text() for p in (f"{PAGE}/v1/index.html", f"{PAGE}/v3/index.html")}
    # Squash the two commits of version 2 and the rename into the commit of version 3, and
    # re-date everything: version 2's text is no longer in git.
    first = manual.git("rev-list", "--max-parents=0", "HEAD").strip()
    manual.git("reset", "-q", "--soft", first)
    manual.git("commit", "-qm", "Everything since version 1, squashed", date="2026-03-02")
    shutil.rmtree(before.site)
    after = manual.project.build()
    assert after.returncode == 0, after.output
    assert not (after.site / PAGE / "v2").exists()
    assert not (after.site / PAGE / "v3").exists()  # squashed away with version 2
    history = text_of(article(after, f"{PAGE}/history/index.html"))
    assert "Version 2 1 October 2024 Added telling your manager <b>first</b>. Not available" in history
    assert "The texts of versions 2 and 3 are not kept in the manual's history" in history
    assert (after.site / PAGE / "v1" / "index.html").read_text() == kept[f"{PAGE}/v1/index.html"]  # same address, same text
    redline = article(after, f"{PAGE}/v1-to-v4/index.html")
    assert "compared with version 1, the latest earlier version whose text is kept" in text_of(after.html(f"{PAGE}/v1-to-v4/index.html"))
    assert '<ins class="pm-ins">' in redline


def test_a_rebase_that_changes_only_commit_ids_changes_only_the_commit_ids_shown(tmp_path, monkeypatch):
    isolate(monkeypatch)
    manual = make_history(tmp_path / "manual")
    before = manual.project.build()
    v1 = before.html(f"{PAGE}/v1/index.html")
    old_commit = re.search(r"text from commit <code>(\w+)</code>", v1).group(1)
    manual.git("rebase", "-q", "--force-rebase", "--root")  # the same commits, committed again today
    shutil.rmtree(before.site)
    after = manual.project.build()
    assert after.returncode == 0, after.output
    new_commit = re.search(r"text from commit <code>(\w+)</code>", after.html(f"{PAGE}/v1/index.html")).group(1)
    assert new_commit != old_commit
    assert after.html(f"{PAGE}/v1/index.html").replace(new_commit, old_commit) == v1


def test_a_damaged_repository_builds_from_changes_and_says_so_once(tmp_path, monkeypatch):
    isolate(monkeypatch)
    manual = make_history(tmp_path / "manual")
    first = manual.git("rev-list", "--max-parents=0", "HEAD").strip()
    (manual.root / ".git" / "objects" / first[:2] / first[2:]).unlink()  # the first commit is gone
    result = manual.project.build()
    assert result.returncode == 0, result.output
    assert result.output.count("[history-incomplete]") == 1
    assert "because git could not read the manual's history (git log failed: " in result.output
    assert "Traceback" not in result.output
    history = text_of(article(result, f"{PAGE}/history/index.html"))
    assert "Version 2 1 October 2024 Added telling your manager <b>first</b>. Not available" in history
