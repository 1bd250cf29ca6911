"""`make linkcheck`: the real LinkChecker over a site served on 127.0.0.1."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import linkcheck as linkcheck_package  # LinkChecker itself
import pytest

from generator.publish import linkcheck
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
    assert status == 1, output
    assert "Broken anchor: index.html: anchor #no-such-heading not found (its anchors: purpose)." in output
    assert "Linked from a/index.html, line 1 (../#no-such-heading)" in output
    assert "1 broken #anchor(s)" in output


def linkchecker_without_plugins(folder: Path) -> str:
    """The installed LinkChecker, started from a folder that the user `nobody` cannot enter, as a
    clone under /root or in a `mktemp -d` folder is. As root, LinkChecker drops to `nobody` before
    it looks for its plugins, finds none and says nothing: its AnchorCheck never runs."""
    folder.mkdir(mode=0o700)
    (folder / "lib").mkdir()
    (folder / "lib" / "linkcheck").symlink_to(Path(linkcheck_package.__file__).parent)
    program = folder / "linkchecker"
    program.write_text(f"#!{sys.executable}\nimport sys\nsys.path.insert(0, {str(folder / 'lib')!r})\n"
                       "from linkcheck.command.linkchecker import linkchecker\nsys.exit(linkchecker())\n", encoding="utf-8")
    program.chmod(0o700)
    return str(program)


def many_pages(root: Path, pages: int = 30, anchors: int = 8) -> set[tuple[str, str]]:
    """A site where every page links to good and missing anchors on three others and on itself;
    returns the (page, anchor) pairs that are missing."""
    names = [f"p{n}/index.html" for n in range(pages)]
    missing = set()
    for n, name in enumerate(names):
        ids = "".join(f'<h2 id="s{k}">Section {k}</h2>' for k in range(anchors))
        links = ['<a href="../">Home</a>', f'<a href="#s{n % anchors}">here</a>', f'<a href="#gone-{n}">gone</a>']
        missing.add((name, f"gone-{n}"))
        for other in (n + 1, n + 7, n + 13):
            target = f"p{other % pages}"
            links += [f'<a href="../{target}/#s{k}">{target} {k}</a>' for k in range(anchors)]
            links.append(f'<a href="../{target}/#missing-from-{n}">{target} missing</a>')
            missing.add((f"{target}/index.html", f"missing-from-{n}"))
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(title=name, body=ids + " ".join(links)), encoding="utf-8")
    home = "".join(f'<a href="{name[: -len("index.html")]}">{name}</a>' for name in names)
    (root / "index.html").write_text(PAGE.format(title="Home", body=home), encoding="utf-8")
    return missing


@pytest.mark.parametrize("which", ["installed", "without plugins"])
def test_every_missing_anchor_of_many_pages_is_reported_every_time(tmp_path, capfd, which):
    """The regression test for the anchors `make linkcheck` let through: 31 pages, about 900 links,
    120 missing anchors, checked three times with LinkChecker's four threads; and with a LinkChecker
    that cannot load its plugins (as root from a folder `nobody` cannot enter: what let them through)."""
    root = tmp_path / "site"
    missing = many_pages(root)
    program = linkchecker_without_plugins(tmp_path / "private") if which == "without plugins" else None
    for _ in range(3):
        status, output = check(root, capfd, linkchecker=program)
        reported = set(re.findall(r"^Broken anchor: (\S+): anchor #(\S+) not found", output, re.M))
        assert reported == missing, output[-3000:]
        assert status == 1 and f"{len(missing)} broken #anchor(s)" in output
        assert "0 warnings found. 0 errors found." in output  # no page is missing: only anchors


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
    # Anchors are checked from the built files (anchors.py), not by LinkChecker's plugin.
    assert "AnchorCheck" not in linkcheck.config_text(False)


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
    done = subprocess.run([sys.executable, "-m", "generator", "linkcheck", "--site", "site"], cwd=project.root,
                          capture_output=True, text=True, timeout=300, env={"PYTHONPATH": str(REPO), "PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 warnings found. 0 errors found." in done.stdout


def test_linkcheck_is_a_make_target():
    makefile = (REPO / "Makefile").read_text()
    assert "\nlinkcheck: site\n" in makefile
    assert "$(BIN)/procedures linkcheck" in makefile and "--external" in makefile
