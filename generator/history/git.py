"""What the manual's git history holds, read with the ``git`` command (no library).

Everything here is read-only and runs ``git`` with a fixed locale and no prompts. The history of
the content folders is read in one ``git log`` of the main line (``--first-parent``: a pull
request's own commits are not publications; its merge is), with renames found by git (``-M``) and
every file change named by its blob id, so that a page's versions are followed across renames
without one ``git log --follow`` per page. Blobs are then read in one ``git cat-file --batch``.

A folder that is not a git repository (a tarball), a machine without git, and a shallow clone are
all normal: ``open_repository`` says which, and callers fall back on the ``changes`` records.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

_EMPTY = "0" * 40


class GitError(Exception):
    """git failed where it should not have (a damaged repository, a missing object)."""


def run(root: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """``git -C root ARGS``, with output captured, in the C locale and never prompting."""
    env = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}
    return subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True, env=env)


@dataclass(frozen=True)
class Repository:
    """The git repository a project is in. ``prefix`` is the project's folder inside it
    (``""``, or ``manual/`` when mkdocs.yml is not at the top)."""

    root: Path
    prefix: str
    head: str
    shallow: bool


def open_repository(root: Path) -> tuple[Repository | None, str]:
    """The repository holding ``root``, or ``None`` and why not (in words for a message)."""
    if shutil.which("git") is None:
        return None, "git is not installed"
    found = run(root, "rev-parse", "--show-prefix", "--is-shallow-repository", "--verify", "--quiet", "HEAD")
    if found.returncode != 0:
        inside = run(root, "rev-parse", "--is-inside-work-tree")
        if inside.returncode != 0:
            return None, "the project is not in a git repository (a download or a copy of the files)"
        return None, "the git repository has no commits yet"
    prefix, shallow, head = found.stdout.decode("utf-8", "surrogateescape").splitlines()[:3]
    return Repository(root, prefix, head.strip(), shallow.strip() == "true"), ""


# --------------------------------------------------------------------------- the log


@dataclass(frozen=True)
class FileChange:
    """One file's change in one commit, as ``git log --raw`` gives it. Paths are from the
    project's folder; ``old_path`` differs from ``path`` for a rename."""

    status: str  # A (added), M (modified), D (deleted), R (renamed), T (type changed)
    path: str
    old_path: str
    old_blob: str
    new_blob: str


@dataclass(frozen=True)
class Commit:
    sha: str
    date: dt.date  # the committer's date, in the committer's time zone
    changes: tuple[FileChange, ...]


def log(repo: Repository, folders: Sequence[str]) -> list[Commit]:
    """The main line's commits that changed a file in ``folders`` (from the project's folder),
    newest first, with renames detected."""
    if not folders:
        return []
    specs = [f"{repo.prefix}{folder.strip('/')}" for folder in folders]
    done = run(
        repo.root, "log", "--first-parent", "-M", "--raw", "--no-abbrev", "-z", "--no-color",
        "--format=%x01%H %cs", "HEAD", "--", *specs,
    )
    if done.returncode != 0:
        raise GitError(f"git log failed: {done.stderr.decode('utf-8', 'replace').strip()}")
    return _parse_log(done.stdout.decode("utf-8", "surrogateescape"), repo.prefix)


def _parse_log(output: str, prefix: str) -> list[Commit]:
    commits = []
    for record in output.split("\x01")[1:]:
        header, _, raw = record.partition("\0")  # "<sha> <date>", then NUL-separated entries
        sha, _, day = header.strip().partition(" ")
        fields = raw.split("\0")
        changes, index = [], 0
        while index < len(fields):
            meta = fields[index].strip("\n")
            if not meta.startswith(":"):
                index += 1
                continue
            parts = meta[1:].split()
            status = parts[4][0]
            if status in "RC":
                old_path, path, index = fields[index + 1], fields[index + 2], index + 3
            else:
                path, index = fields[index + 1], index + 2
                old_path = path
            if status == "C" or not (path.startswith(prefix) and old_path.startswith(prefix)):
                continue
            changes.append(FileChange(status, path[len(prefix):], old_path[len(prefix):], parts[2], parts[3]))
        commits.append(Commit(sha, dt.date.fromisoformat(day), tuple(changes)))
    return commits


def main_line(repo: Repository) -> list[tuple[str, dt.date]]:
    """Every commit of the main line, newest first, with its committer's date."""
    done = run(repo.root, "log", "--first-parent", "--format=%H %cs", "HEAD")
    if done.returncode != 0:
        raise GitError(f"git log failed: {done.stderr.decode('utf-8', 'replace').strip()}")
    out = []
    for line in done.stdout.decode().splitlines():
        sha, _, day = line.partition(" ")
        out.append((sha, dt.date.fromisoformat(day)))
    return out


# --------------------------------------------------------------------------- objects


def read_objects(root: Path, names: Iterable[str]) -> dict[str, bytes]:
    """The contents of git objects (blob ids, or ``commit:path``), in one ``git cat-file
    --batch``; a name git does not have is left out."""
    wanted = list(dict.fromkeys(names))
    if not wanted:
        return {}
    request = "".join(f"{name}\n" for name in wanted).encode("utf-8", "surrogateescape")
    done = run(root, "cat-file", "--batch", stdin=request)
    if done.returncode != 0:
        raise GitError(f"git could not read the files: {done.stderr.decode('utf-8', 'replace').strip()}")
    out, data, at = {}, done.stdout, 0
    for name in wanted:
        end = data.index(b"\n", at)
        header = data[at:end].split()
        at = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            out[name] = data[at:at + size]
            at += size + 1
    return out


def export(repo: Repository, commit: str, destination: Path) -> None:
    """The project's folder as it was at ``commit``, written into ``destination`` (``git
    archive``: files marked ``export-ignore`` are left out, Git LFS files are their pointers)."""
    tree = f"{commit}:{repo.prefix}" if repo.prefix else commit
    # From the top of the work tree: in a subfolder, git archive would look for that subfolder
    # again inside the tree it is given.
    top = run(repo.root, "rev-parse", "--show-toplevel").stdout.decode("utf-8", "surrogateescape").strip()
    done = run(Path(top) if top else repo.root, "archive", "--format=tar", tree)
    if done.returncode != 0:
        raise GitError(f"git archive failed: {done.stderr.decode('utf-8', 'replace').strip()}")
    destination.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as archive:
        if hasattr(tarfile, "data_filter"):  # Python 3.10.12 and later: no links out, no odd modes
            archive.extractall(destination, filter="data")
        else:  # pragma: no cover - the archive is the repository's own
            archive.extractall(destination)


def is_empty(blob: str) -> bool:
    return blob == _EMPTY
