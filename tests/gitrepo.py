"""Real git repositories for the tests: a manual in tmp_path, committed version by version.

``GitManual`` wraps the tests' ``Project`` (tests/conftest.py) with ``commit(message, date)``,
which commits everything with that date as both author and committer date, so that histories
and editions can be placed on a calendar. Git runs without the machine's own configuration.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import Project

GIT_ENV = {
    "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Officer", "GIT_AUTHOR_EMAIL": "officer@example.org",
    "GIT_COMMITTER_NAME": "Officer", "GIT_COMMITTER_EMAIL": "officer@example.org",
}


def isolate(monkeypatch: Any) -> None:
    """Real git, without the machine's own git configuration (for the commands the code runs)."""
    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)


def git(cwd: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, **GIT_ENV}
    if date is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00+00:00"
    done = subprocess.run(["git", "-c", "init.defaultBranch=main", *args], cwd=cwd, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


def procedure(title: str, version: int, date: str, body: str, changes: list[dict[str, Any]], **fields: Any) -> str:
    """A procedure's source: front matter (with its changes, newest first) and body."""
    meta = {"title": title, "version": version, "last_updated": date, **fields, "changes": changes}
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n\n" + body


@dataclass
class GitManual:
    project: Project

    @property
    def root(self) -> Path:
        return self.project.root

    def write(self, rel: str, content: str) -> None:
        self.project.write(rel, content)

    def remove(self, rel: str) -> None:
        (self.root / rel).unlink()

    def move(self, old: str, new: str) -> None:
        (self.root / new).parent.mkdir(parents=True, exist_ok=True)
        (self.root / old).rename(self.root / new)

    def commit(self, message: str, date: str) -> str:
        if not (self.root / ".git").exists():
            git(self.root, "init", "-q")
        git(self.root, "add", "-A")
        git(self.root, "commit", "-qm", message, date=date)
        return git(self.root, "rev-parse", "HEAD").strip()

    def git(self, *args: str, date: str | None = None) -> str:
        return git(self.root, *args, date=date)
