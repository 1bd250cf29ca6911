"""The atomic `make site`: a failed or incomplete build leaves the previous site/ untouched."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from generator.publish.build import replace_site, sanity_problems
from tests.conftest import REPO, Project, page


def make_site(proj: Project) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "generator", "build", "--site-dir", "site"],
        cwd=proj.root, capture_output=True, text=True, timeout=300, env=env,
    )


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def leftovers(proj: Project) -> list[str]:
    return sorted(p.name for p in proj.root.iterdir() if p.name.startswith(".site-"))


@pytest.fixture
def built_once(project) -> Project:
    done = make_site(project)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "site/ now holds the new build." in done.stderr
    (project.root / "site" / "sentinel.txt").write_text("from the previous build\n")
    return project


def test_a_good_build_replaces_site_and_is_world_readable(built_once):
    proj = built_once
    proj.write("statutory/referrals.md", page(body="## Purpose\n\nRewritten text.\n"))
    done = make_site(proj)
    assert done.returncode == 0, done.stderr
    site = proj.root / "site"
    assert not (site / "sentinel.txt").exists()
    assert "Rewritten text." in (site / "statutory/referrals/index.html").read_text()
    assert leftovers(proj) == []
    for path in (site, site / "statutory", site / "index.html"):
        mode = path.stat().st_mode
        assert mode & stat.S_IROTH, path
        if path.is_dir():
            assert mode & stat.S_IXOTH, path


def test_a_failed_build_leaves_site_untouched(built_once):
    proj = built_once
    before = snapshot(proj.root / "site")
    proj.write("statutory/referrals.md", page(body="## Purpose\n\nSee [the missing page](missing.md).\n"))
    done = make_site(proj)
    assert done.returncode != 0
    assert "Aborted with 1 warnings in strict mode!" in done.stdout + done.stderr
    assert "procedures build: the build failed, so site/ was left as it was." in done.stderr
    assert snapshot(proj.root / "site") == before
    assert leftovers(proj) == []


HOOK = '''\
from pathlib import Path


def on_post_build(config, **kwargs):
    site = Path(config.site_dir)
    Path(config.config_file_path).with_name("hook-saw.txt").write_text(f"{site.name} {(site / 'index.html').is_file()}")
    raise RuntimeError("injected failure after the pages were written")
'''


def test_a_build_that_fails_half_way_leaves_site_untouched(built_once):
    proj = built_once
    before = snapshot(proj.root / "site")
    proj.write("fail_hook.py", HOOK)
    proj.config(_mkdocs={"hooks": ["fail_hook.py"]})
    done = make_site(proj)
    assert done.returncode != 0
    assert "injected failure after the pages were written" in done.stderr
    written_to, had_pages = (proj.root / "hook-saw.txt").read_text().split()
    assert written_to.startswith(".site-tmp-") and had_pages == "True"  # the half-build went aside
    assert snapshot(proj.root / "site") == before
    assert leftovers(proj) == []


def test_an_incomplete_build_is_not_published(built_once):
    proj = built_once
    before = snapshot(proj.root / "site")
    (proj.root / "docs" / "index.md").rename(proj.root / "docs" / "welcome.md")
    done = make_site(proj)
    assert done.returncode == 1
    assert "the build finished but is not complete, so site/ was left as it was" in done.stderr
    assert "there is no home page (index.html): add index.md to docs_dir" in done.stderr
    assert snapshot(proj.root / "site") == before
    assert leftovers(proj) == []


def test_sanity_problems_and_replace_without_a_previous_site(tmp_path):
    new = tmp_path / ".site-tmp-x"
    new.mkdir()
    (new / "index.html").write_text("<html></html>")
    (new / "empty.html").write_text("")
    assert sanity_problems(new) == ["1 page(s) are empty, e.g. empty.html", "sitemap.xml is missing: the build did not finish"]
    (new / "empty.html").write_text("x")
    (new / "sitemap.xml").write_text("<urlset/>")
    assert sanity_problems(new) == []
    replace_site(new, tmp_path / "site")
    assert (tmp_path / "site" / "index.html").is_file() and not new.exists()


def test_an_impossible_date_in_mkdocs_yml_is_explained_without_a_traceback(built_once):
    """MkDocs' own YAML loader raises on 2026-02-30; make site checks mkdocs.yml first."""
    proj = built_once
    before = snapshot(proj.root / "site")
    proj.config(release={"name": "Update 15", "date": "2026-02-30"})
    done = make_site(proj)
    assert done.returncode == 1
    assert "procedures build: mkdocs.yml must be corrected first, so site/ was left as it was:" in done.stderr
    assert "option 'release: date' must be a date such as 2026-11-01, not '2026-02-30'" in done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert snapshot(proj.root / "site") == before
