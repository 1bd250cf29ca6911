"""The code passes the linters pyproject.toml configures, so a style slip fails `make test` where
it is made: ruff (pycodestyle, pyflakes, bugbear, complexity at most 12) over the package, tests and
benchmarks, and mypy over the package (strict on generator.core and generator.site)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

BIN = Path(sys.executable).parent


@pytest.mark.parametrize("command", [["ruff", "check", "--no-cache", "."], ["mypy", "--no-incremental"]], ids=["ruff", "mypy"])
def test_the_code_passes(command):
    result = subprocess.run([str(BIN / command[0]), *command[1:]], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout}{result.stderr}"
