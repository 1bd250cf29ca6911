"""The version-bump guard of ``procedures check --base REF``.

For each procedure or flowchart whose content changed against the base (the pull request's
target branch), ``version`` must have gone up, ``last_updated`` must have changed and there must
be a ``changes`` entry for the new version. Content is a page's body without its front matter, or
a flowchart's ``steps``, with whitespace normalised: a change to front matter alone, or to spacing,
needs no new version. New, deleted and moved pages are reported as notes.

The base is read with git (``git ls-tree`` and one ``git cat-file --batch``), so it works in a
shallow CI clone once the base commit has been fetched; when it has not, the message says how.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from ..core import textfile, yamlsource
from ..core.frontmatter import SplitError, split
from ..core.manual import Section, discover
from ..core.problems import Problems
from .history import FLOWCHART_SUFFIXES, flowchart_sources

PROCEDURE, FLOWCHART = "procedure", "flowchart"


class GuardError(Exception):
    """The comparison cannot be made (no git, not a repository, the base is missing)."""


@dataclass
class Snapshot:
    """What the guard needs from one version of one source file."""

    path: str
    kind: str
    content: str
    readable: bool = True  # front matter parsed
    title: str = ""
    version: int | None = None
    last_updated: str | None = None
    changes: set[int] = field(default_factory=set)
    lines: dict[str, int] = field(default_factory=dict)


@dataclass
class GuardResult:
    problems: Problems = field(default_factory=Problems)
    notes: list[str] = field(default_factory=list)


def _normalised(text: str) -> str:
    return " ".join(text.split())


def _squeezed(value: object) -> object:
    """Flowchart steps with every text's spacing normalised, as the flowchart model reads them
    (a step's text, timescale and branch labels): a change of spacing needs no new version."""
    if isinstance(value, str):
        return _normalised(value)
    if isinstance(value, list):
        return [_squeezed(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _squeezed(item) for key, item in value.items()}
    return value


def _fields(data: object, snapshot: Snapshot) -> None:
    if not isinstance(data, dict):
        snapshot.readable = False
        return
    snapshot.lines = {str(k): v for k, v in getattr(data, "lines", {}).items()}
    title = data.get("title")
    snapshot.title = " ".join(str(title).split()) if title is not None else ""
    version = data.get("version")
    snapshot.version = version if isinstance(version, int) and not isinstance(version, bool) else None
    updated = data.get("last_updated")
    snapshot.last_updated = str(updated).strip() if updated is not None else None
    changes = data.get("changes")
    if isinstance(changes, list):
        snapshot.changes = {
            e["version"] for e in changes
            if isinstance(e, dict) and isinstance(e.get("version"), int) and not isinstance(e.get("version"), bool)
        }
    snapshot.readable = snapshot.version is not None


def snapshot(path: str, kind: str, text: str) -> Snapshot:
    """Parse one version of a source leniently: the guard compares, the other checks validate."""
    if kind == FLOWCHART:
        try:
            data = yamlsource.load(text)
        except yamlsource.YamlError:
            return Snapshot(path, kind, _normalised(text), readable=False)
        steps = data.get("steps") if isinstance(data, dict) else data
        result = Snapshot(path, kind, json.dumps(_squeezed(steps), sort_keys=True, ensure_ascii=False))
        _fields(data, result)
        return result
    try:
        parts = split(text)
    except SplitError:
        return Snapshot(path, kind, _normalised(text), readable=False)
    result = Snapshot(path, kind, _normalised(parts.body))
    try:
        _fields(yamlsource.load(parts.yaml_text, line_offset=1), result)
    except yamlsource.YamlError:
        result.readable = False
    return result


# --------------------------------------------------------------------------- git


def _git(root: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}
    return subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True, env=env)


# Names that say where to go from a commit (HEAD~5, main^, main@{1}), ranges (a..b) and
# git's own pointers: there is nothing by that name to fetch.
_RELATIVE = re.compile(r"[~^:@{}\\\s*?\[]|\.\.")
_POINTERS = ("HEAD", "FETCH_HEAD", "ORIG_HEAD", "MERGE_HEAD")
_HEX = re.compile(r"^[0-9a-fA-F]+$")


def fetch_hint(base: str, remotes: Sequence[str] = ("origin",)) -> tuple[str, str] | None:
    """How to fetch ``base`` into a shallow clone: ``(command, the --base to give afterwards)``.

    ``None`` when there is nothing by that name to fetch: a relative name (``HEAD~5``), a range
    (``a..b``), an abbreviated commit id, or a repository with no remote.
    """
    if not remotes or _RELATIVE.search(base) or base in _POINTERS:
        return None
    if _HEX.match(base):
        # Only a whole commit id can be fetched; an abbreviated one (or a hex-named branch) cannot be told apart.
        return (f"git fetch --depth=1 {remotes[0]} {base}", base) if len(base) in (40, 64) else None
    default = "origin" if "origin" in remotes else remotes[0]
    if base.startswith("refs/remotes/"):
        remote, _, branch = base[len("refs/remotes/"):].partition("/")
        return (f"git fetch --depth=1 {remote} {branch}:{base}", base) if branch else None
    if base.startswith("refs/tags/"):
        return f"git fetch --depth=1 {default} {base}:{base}", base
    if base.startswith("refs/heads/"):
        base = base[len("refs/heads/"):]
    remote, _, branch = base.partition("/")
    if branch and remote in remotes:
        return f"git fetch --depth=1 {remote} {branch}:refs/remotes/{remote}/{branch}", base
    return f"git fetch --depth=1 {default} {base}:refs/remotes/{default}/{base}", f"{default}/{base}"


def _missing_base(base: str, shallow: bool, remotes: Sequence[str]) -> str:
    """Why ``base`` is not found, and what to do: the exact commands, each pasteable on its own."""
    where = "this shallow clone (CI fetches only the commit it tests)" if shallow else "this repository"
    hint = fetch_hint(base, remotes)
    if hint is not None:
        command, use = hint
        then = f", then use --base {use}" if use != base else ""
        return f"the base '{base}' is not in {where}: fetch it first with `{command}`{then}"
    if shallow and remotes and (_RELATIVE.search(base) or base in _POINTERS):
        return (
            f"the base '{base}' is not in {where}, which holds only the latest commits: fetch the whole history "
            "with `git fetch --unshallow`, or give the branch the pull request goes into, such as origin/main"
        )
    if _HEX.match(base) and len(base) not in (40, 64):
        return (
            f"the base '{base}' is not a commit in {where}: an abbreviated commit id cannot be fetched; "
            "give the whole commit id, or a branch such as origin/main"
        )
    return (
        f"the base '{base}' is not a commit in {where}: give the name of a branch (`git branch -a` lists them) "
        "or a commit id"
    )


def resolve_base(root: Path, base: str) -> tuple[str, str]:
    """The base commit and the project's folder inside the repository. Raises ``GuardError``."""
    if not base.strip() or base.startswith("-"):
        raise GuardError(f"'{base}' is not a git reference: give a branch such as origin/main")
    if ".." in base:
        raise GuardError(
            f"'{base}' is a range of commits; --base takes one branch or commit, the one the changes are "
            "compared with, such as origin/main"
        )
    if shutil.which("git") is None:
        raise GuardError("git is not installed, and --base compares the pages with git history: install git")
    top = _git(root, "rev-parse", "--show-prefix")
    if top.returncode != 0:
        raise GuardError(f"{root} is not in a git repository, and --base compares the pages with git history")
    prefix = top.stdout.decode().strip()
    found = _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    if found.returncode != 0:
        shallow = _git(root, "rev-parse", "--is-shallow-repository").stdout.decode().strip() == "true"
        remotes = _git(root, "remote").stdout.decode().split()
        raise GuardError(_missing_base(base, shallow, remotes))
    return found.stdout.decode().strip(), prefix


def _base_files(root: Path, commit: str, prefix: str, folders: Iterable[str]) -> list[str]:
    listed = _git(root, "ls-tree", "-r", "-z", "--name-only", "--full-name", commit, "--", *folders)
    if listed.returncode != 0:
        raise GuardError(f"git could not list the files of {commit[:12]}: {listed.stderr.decode().strip()}")
    names = [n for n in listed.stdout.decode("utf-8", "surrogateescape").split("\0") if n]
    return [n[len(prefix):] for n in names if n.startswith(prefix)]


def _read_blobs(root: Path, commit: str, prefix: str, paths: Sequence[str]) -> dict[str, bytes]:
    """The contents of ``paths`` at ``commit``, in one ``git cat-file --batch`` call."""
    if not paths:
        return {}
    request = "".join(f"{commit}:{prefix}{p}\n" for p in paths).encode("utf-8", "surrogateescape")
    done = _git(root, "cat-file", "--batch", stdin=request)
    if done.returncode != 0:
        raise GuardError(f"git could not read the base files: {done.stderr.decode().strip()}")
    out, data, at = {}, done.stdout, 0
    for path in paths:
        end = data.index(b"\n", at)
        header = data[at:end].split()
        at = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            out[path] = data[at:at + size]
            at += size + 1
    return out


# --------------------------------------------------------------------------- comparing


def _kind_of(path: str, sections: Sequence[Section], flowcharts: str | None) -> str | None:
    parts = path.split("/")
    if any(p.startswith(".") for p in parts):
        return None
    if flowcharts is not None and path.startswith(flowcharts + "/") and path.endswith(FLOWCHART_SUFFIXES):
        return FLOWCHART
    if path.endswith(".md") and any(path.startswith(s.folder + "/") for s in sections):
        return PROCEDURE
    return None


def _what(kind: str) -> str:
    return "the steps changed" if kind == FLOWCHART else "the text changed"


def _compare(old: Snapshot, new: Snapshot, today: dt.date, result: GuardResult) -> None:
    if old.content == new.content:
        return  # front matter or whitespace only: no new version needed
    path = new.path
    if not new.readable:
        result.notes.append(
            f"{path}: {_what(new.kind)}, but its 'version' cannot be read: fix the errors reported for it, then check again"
        )
        return
    assert new.version is not None
    # Each problem is reported on the line of the field to change (the new file always has a
    # readable 'version'), so that a GitHub annotation sits on that line of the pull request.
    version_line = new.lines.get("version", 1)
    if old.version is None:
        result.notes.append(
            f"{path}: {_what(new.kind)}; the base version's front matter could not be read, so 'version' was not compared"
        )
        if new.version not in new.changes:
            _no_entry(new, new.last_updated or today.isoformat(), result)
        return
    if new.version <= old.version:
        step = "is still" if new.version == old.version else f"went down from {old.version} to"
        wanted = old.version + 1
        result.problems.add("version-not-bumped",
            path, version_line,
            f"{_what(new.kind)} but 'version' {step} {new.version}: set version: {wanted}, "
            f"last_updated: {today.isoformat()}, and add a changes entry for version {wanted}",
            field="version",
        )
        return
    dated = new.last_updated is not None and new.last_updated != old.last_updated
    if new.last_updated == old.last_updated:
        result.problems.add("version-not-bumped",
            path, new.lines.get("last_updated", version_line),
            f"'version' went up to {new.version} but 'last_updated' is still {new.last_updated}: "
            f"set last_updated: {today.isoformat()} (the date of this change)",
            field="last_updated",
        )
    if new.version not in new.changes:
        # The entry's date is the date of this change: the new last_updated, or today while
        # last_updated still holds the previous change's date.
        _no_entry(new, new.last_updated if dated and new.last_updated else today.isoformat(), result)


def _no_entry(new: Snapshot, date: str, result: GuardResult) -> None:
    result.problems.add("version-not-bumped",
        new.path, new.lines.get("changes", new.lines.get("version", 1)),
        f"there is no 'changes' entry for version {new.version}: add one under 'changes:' with "
        f"version: {new.version}, date: {date}, and a note saying what changed",
        field="changes",
    )


def check_versions(
    root: Path,
    sections: Sequence[Section],
    base: str,
    *,
    today: dt.date,
    flowcharts: str | None,
) -> GuardResult:
    """Compare the working tree's procedures and flowcharts with ``base``. Raises ``GuardError``.

    ``flowcharts`` is the flowcharts folder mkdocs.yml configures (``flowcharts: folder:``), or
    ``None`` when flowcharts are turned off.
    """
    root = root.resolve()
    flowcharts = flowcharts.strip("/") if flowcharts is not None else None
    commit, prefix = resolve_base(root, base)
    folders = [s.folder for s in sections] + ([flowcharts] if flowcharts is not None else [])
    base_paths = [p for p in _base_files(root, commit, prefix, folders) if _kind_of(p, sections, flowcharts)]
    blobs = _read_blobs(root, commit, prefix, base_paths)

    current: dict[str, Path] = {}
    for section in sections:
        if (root / section.folder).is_dir():
            current.update({p.relative_to(root).as_posix(): p for p in discover(root, section)})
    current.update({p.relative_to(root).as_posix(): p for p in flowchart_sources(root, flowcharts)})

    def read(path: str, data: bytes) -> Snapshot:
        kind = _kind_of(path, sections, flowcharts) or PROCEDURE
        try:
            text = textfile.decode(data)
        except textfile.TextFileError:
            return Snapshot(path, kind, data.hex(), readable=False)
        return snapshot(path, kind, text)

    old = {p: read(p, blobs[p]) for p in base_paths if p in blobs}
    new = {p: read(p, path.read_bytes()) for p, path in current.items() if _kind_of(p, sections, flowcharts)}

    result = GuardResult()
    for path in sorted(set(old) & set(new)):
        _compare(old[path], new[path], today, result)

    added = sorted(set(new) - set(old))
    deleted = sorted(set(old) - set(new))
    moved: list[tuple[str, str]] = []
    same: tuple[Callable[[Snapshot, Snapshot], bool], ...] = (
        lambda a, b: a.content == b.content, lambda a, b: bool(a.title) and a.title.casefold() == b.title.casefold()
    )
    for match in same:
        for path in list(added):
            source = next((d for d in deleted if old[d].kind == new[path].kind and match(old[d], new[path])), None)
            if source is not None:
                moved.append((source, path))
                added.remove(path)
                deleted.remove(source)
    for source, path in moved:
        result.notes.append(f"{path}: moved from {source}")
        _compare(old[source], new[path], today, result)
    for path in added:
        snap = new[path]
        version = f" at version {snap.version}" if snap.version is not None else ""
        result.notes.append(f"{path}: new {snap.kind}{version}")
    for path in deleted:
        snap = old[path]
        version = f" (it was version {snap.version})" if snap.version is not None else ""
        result.notes.append(
            f"{path}: deleted{version}; to keep it on record, set 'status: archived' instead of deleting the file"
        )
    changed = sum(1 for p in set(old) & set(new) if old[p].content != new[p].content)
    result.notes.append(
        f"Compared {len(new)} procedure and flowchart file(s) with {base} ({commit[:12]}): "
        f"{changed} changed, {len(added)} new, {len(deleted)} deleted, {len(moved)} moved."
    )
    return result
