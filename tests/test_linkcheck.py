"""`make linkcheck`: the real LinkChecker over a site served on 127.0.0.1."""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.request
from pathlib import Path


from generator.amendments import linkcheck
from tests.conftest import REPO, page

PAGE = '<!doctype html><html lang="en"><head><title>{title}</title></head><body><h2 id="purpose">Purpose</h2>{body}</body></html>'


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def site(tmp_path: Path, pages: dict[str, str]) -> Path:
    root = tmp_path / "site"
    for rel, body in {"index.html": '<a href="a/">A</a> <a href="a/#purpose">A purpose</a>', **pages}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(title=rel, body=body), encoding="utf-8")
    return root


def check(root: Path, capfd, **options) -> tuple[int, str]:
    status = linkcheck.run(root, **options)
    out, err = capfd.readouterr()
    return status, out + err


def test_a_clean_site_passes(tmp_path, capfd):
    status, output = check(site(tmp_path, {"a/index.html": '<a href="../">Home</a>'}), capfd)
    assert status == 0, output
    assert "0 warnings found. 0 errors found." in output


def test_a_missing_page_is_an_error(tmp_path, capfd):
    status, output = check(site(tmp_path, {"a/index.html": '<a href="../missing/">Gone</a>'}), capfd)
    assert status == 1
    assert "/missing/" in output and "404" in output


def test_a_missing_anchor_is_an_error(tmp_path, capfd):
    status, output = check(site(tmp_path, {"a/index.html": '<a href="../#no-such-heading">Nowhere</a>'}), capfd)
    assert status == 1
    assert "no-such-heading" in output and "not found" in output


def test_pages_outside_the_navigation_are_checked_too(tmp_path, capfd):
    root = site(tmp_path, {"a/index.html": "ok", "archived/old/index.html": '<a href="../../gone.html">Gone</a>'})
    status, output = check(root, capfd)
    assert status == 1 and "gone.html" in output


def test_external_links_are_left_out_unless_asked_for(tmp_path, capfd):
    other_site = f"http://127.0.0.1:{closed_port()}/elsewhere/"  # another host:port, nothing listening
    root = site(tmp_path, {"a/index.html": f'<a href="{other_site}">Elsewhere</a>'})
    status, output = check(root, capfd)
    assert status == 0, output
    status, output = check(root, capfd, external=True)
    assert status == 1 and "elsewhere" in output
    assert "checkextern=0" in linkcheck.config_text(False) and "checkextern=1" in linkcheck.config_text(True)
    assert "[AnchorCheck]" in linkcheck.config_text(False)


def test_the_server_tells_linkchecker_to_go_fast(tmp_path):
    server, base = linkcheck.start_server(site(tmp_path, {}))
    try:
        with urllib.request.urlopen(base) as response:
            assert response.headers["LinkChecker"]
    finally:
        server.shutdown()
        server.server_close()


def test_no_site_built_yet(tmp_path, capfd):
    status, output = check(tmp_path / "nothing", capfd)
    assert status == 2 and "has no index.html: build the site first (make site)" in output


def test_a_built_manual_with_amendments_passes(project, capfd):
    project.write("statutory/referrals.md", page(changes=[{"version": 14, "date": "2023-04-14", "note": "Changed."}]))
    project.config(release={"name": "Update 15", "date": "2026-11-01"}, releases=[{"name": "Update 14", "date": "2025-11-01"}])
    built = project.build()
    assert built.returncode == 0, built.output
    done = subprocess.run([sys.executable, "-m", "generator.amendments.linkcheck", "--site", "site"], cwd=project.root,
                          capture_output=True, text=True, timeout=300, env={"PYTHONPATH": str(REPO), "PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 warnings found. 0 errors found." in done.stdout


def test_linkcheck_is_a_make_target():
    makefile = (REPO / "Makefile").read_text()
    assert "\nlinkcheck: site\n" in makefile
    assert "-m generator.amendments.linkcheck" in makefile and "--external" in makefile
