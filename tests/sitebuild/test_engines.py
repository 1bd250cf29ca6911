"""The demo builds on ProperDocs, MkDocs' maintained fork, as it does on MkDocs 1.6.

Material for MkDocs reaches end of life in May 2027 and MkDocs 1.x is unmaintained; ProperDocs
(a drop-in fork of MkDocs 1.6) loads our plugin unchanged. Both strict builds must give the same
site: the same files, each page the same but for the generator's name in its <meta> tag.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path


from tests.conftest import REPO

_GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def build(engine: str, out: Path) -> dict[str, bytes]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(out)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    files = {}
    for path in sorted(out.rglob("*")):
        if path.is_file() and path.name not in ("sitemap.xml.gz",):
            data = path.read_bytes()
            if path.suffix == ".html":
                data = _GENERATOR.sub("", data.decode("utf-8")).encode("utf-8")
            files[path.relative_to(out).as_posix()] = data
    return files


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    mkdocs = build("mkdocs", tmp_path / "mkdocs")
    properdocs = build("properdocs", tmp_path / "properdocs")
    assert sorted(properdocs) == sorted(mkdocs)
    different = [name for name in mkdocs if mkdocs[name] != properdocs[name]]
    assert different == []
    assert "statutory/referrals/index.html" in mkdocs
