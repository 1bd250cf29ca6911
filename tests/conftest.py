"""Shared fixtures: write small manuals into tmp_path and build them for real with MkDocs."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"


def page(title: str = "Referrals", version: Any = 14, last_updated: Any = "2023-04-14", body: str = "## Purpose\n\nSome text.\n", **fields: Any) -> str:
    """A content page with front matter; pass a field as None to leave it out."""
    meta: dict[str, Any] = {"title": title, "version": version, "last_updated": last_updated, **fields}
    lines = ["---"]
    for key, value in meta.items():
        if value is None:
            continue
        lines.append(yaml.safe_dump({key: value}, sort_keys=False, allow_unicode=True, width=1000).strip())
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body


@dataclass
class Project:
    root: Path

    def write(self, rel: str, content: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    def config(self, **options: Any) -> None:
        """(Re)write mkdocs.yml; ``options`` are the procedures plugin options."""
        extra = options.pop("_mkdocs", {})
        plugin = {"today": TODAY, **options}
        config = {
            "site_name": "Test Partnership Manual",
            "docs_dir": "docs",
            "theme": {"name": "material", "font": False, "language": "en"},
            "plugins": ["search", {"procedures": plugin}],
            "markdown_extensions": ["admonition", "tables", "attr_list", "toc"],
            "validation": {"omitted_files": "warn", "absolute_links": "warn", "unrecognized_links": "warn", "anchors": "warn"},
            **extra,
        }
        self.write("mkdocs.yml", yaml.safe_dump(config, sort_keys=False))

    def build(self, strict: bool = True) -> "Built":
        """Build in a subprocess, as an officer or CI would run it."""
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build"] + (["--strict"] if strict else []),
            cwd=self.root, capture_output=True, text=True, timeout=300,
        )
        return Built(self.root / "site", result.returncode, result.stdout + result.stderr)

    def fails_check_and_build(self, expected: str) -> tuple[str, "Built"]:
        """Run `procedures check` and a strict build, as an officer and CI would: both must fail
        with ``expected`` in their output and no traceback. Returns (check output, build)."""
        from click.testing import CliRunner

        from generator.cli import main

        result = CliRunner().invoke(main, ["-C", str(self.root), "check"])
        assert result.exit_code == 1, result.output
        assert expected in result.output
        built = self.build()
        assert built.returncode != 0
        assert expected in built.output
        assert "Traceback" not in built.output
        return result.output, built

    def reports(self, expected: str, level: str) -> tuple[str, "Built"]:
        """Run `procedures check` and a strict build: both report ``expected`` at ``level``
        (the check's line starts with it), and fail unless it is a note. Returns (check output, build)."""
        from click.testing import CliRunner

        from generator.cli import main

        result = CliRunner().invoke(main, ["-C", str(self.root), "check"])
        assert result.exit_code == (0 if level == "note" else 1), result.output
        assert expected in result.output
        assert result.output.split(expected)[0].splitlines()[-1].startswith(f"{level}: "), result.output
        built = self.build()
        assert built.returncode == (0 if level == "note" else 1), built.output
        assert expected in built.output
        assert "Traceback" not in built.output
        return result.output, built

    def watched_by_serve(self) -> list[str]:
        """The paths the plugin asks `mkdocs serve` to watch, given a stand-in for its server."""
        from mkdocs.config import load_config

        class Server:
            def __init__(self) -> None:
                self.watched: list[str] = []

            def watch(self, path: str) -> None:
                self.watched.append(path)

        config = load_config(str(self.root / "mkdocs.yml"))
        plugin = config.plugins["procedures"]
        plugin.on_config(config)
        server = Server()
        plugin.on_serve(server, config=config, builder=None)
        return server.watched

    def build_in_process(self, strict: bool = True) -> Path:
        """Build through MkDocs' Python API (faster; raises on errors)."""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        cwd = os.getcwd()
        os.chdir(self.root)
        try:
            config = load_config(str(self.root / "mkdocs.yml"), strict=strict)
            build(config)
        finally:
            os.chdir(cwd)
        return self.root / "site"


@dataclass
class Built:
    site: Path
    returncode: int
    output: str

    def html(self, rel: str) -> str:
        return (self.site / rel).read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A minimal valid manual: a home page, one statutory and one supplementary page."""
    proj = Project(tmp_path / "manual")
    proj.write("docs/index.md", "---\ntitle: Home\n---\n\nWelcome.\n")
    proj.write("statutory/referrals.md", page())
    proj.write("supplementary/neglect.md", page("Neglect", 7, "2024-02-01"))
    proj.config()
    return proj


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")
