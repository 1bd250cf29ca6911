"""The atomic ``procedures build`` (``make site``): build into a temporary folder, check it, then swap it into place.

``mkdocs build`` writes straight into ``site/``, so a build that fails half-way leaves a broken
mix of old and new pages, which a deploy step could publish. Here the build goes into a hidden
folder beside ``site/`` (``.site-tmp-XXXX``), runs with ``--strict``, and is sanity-checked; only
then does it replace ``site/``, by renaming. A failed build leaves the previous ``site/`` as it was.

    procedures build [--site-dir site] [--no-strict]
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def sanity_problems(site: Path) -> list[str]:
    """What is wrong with a finished build, if anything."""
    problems = []
    index = site / "index.html"
    if not index.is_file() or index.stat().st_size == 0:
        problems.append("there is no home page (index.html): add index.md to docs_dir")
    pages = list(site.rglob("*.html"))
    empty = [p.relative_to(site).as_posix() for p in pages if p.stat().st_size == 0]
    if empty:
        problems.append(f"{len(empty)} page(s) are empty, e.g. {empty[0]}")
    if not (site / "sitemap.xml").is_file():
        problems.append("sitemap.xml is missing: the build did not finish")
    return problems


def _world_readable(folder: Path) -> None:
    """Web servers and LinkChecker (which drops root to 'nobody') must be able to read the site."""
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        path.chmod(mode | (0o555 if path.is_dir() else 0o444))


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2); ``False`` where not supported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return int(renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)) == 0


def replace_site(new: Path, site: Path) -> None:
    """Put the finished build ``new`` at ``site``; the old site is removed afterwards."""
    if not site.exists():
        new.rename(site)
        return
    if _exchange(new, site):
        shutil.rmtree(new)  # now holds the previous site
        return
    old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=site.parent))
    old.rmdir()
    site.rename(old)
    new.rename(site)
    shutil.rmtree(old)


def config_problems(config_file: Path) -> list[str]:
    """Mistakes in mkdocs.yml that MkDocs would report with a Python traceback (an impossible
    date such as 2026-02-30) or one at a time: the same checks as ``procedures check``."""
    from ..project import ProjectError, load_project
    from ..site.plan import option_problems

    try:
        project = load_project(config_file.parent, config_file.name)
    except ProjectError as error:
        return [str(error)]
    return [str(p) for p in option_problems(project) if p.is_error]


def _refuse(reason: str, problems: list[str], site: Path) -> int:
    print(f"procedures build: {reason}, so {site.name}/ was left as it was:", file=sys.stderr)
    for problem in problems:
        print(f"  - {problem}", file=sys.stderr)
    return 1


def build(config_file: Path, site: Path, *, strict: bool = True, mkdocs_args: list[str] | None = None) -> int:
    """Build atomically; returns the exit status (0 when ``site`` was replaced)."""
    problems = config_problems(config_file)
    if problems:
        return _refuse(f"{config_file.name} must be corrected first", problems, site)
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=".site-tmp-", dir=site.parent))
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config_file), "--site-dir", str(temp)]
        command += (["--strict"] if strict else []) + list(mkdocs_args or [])
        status = subprocess.run(command).returncode
        if status != 0:
            print(f"procedures build: the build failed, so {site.name}/ was left as it was.", file=sys.stderr)
            return status
        problems = sanity_problems(temp)
        if problems:
            return _refuse("the build finished but is not complete", problems, site)
        _world_readable(temp)
        replace_site(temp, site)
        print(f"procedures build: {site.name}/ now holds the new build.", file=sys.stderr)
        return 0
    finally:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)
