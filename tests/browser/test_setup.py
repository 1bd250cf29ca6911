"""The suite's own contract: without Chromium it is skipped with the install command, except on CI
(CI=true), where a missing Chromium must fail the run rather than let it pass by skipping."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .helpers import REPO


def run_one_browser_test(ci: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PM_CHROMIUM="/nonexistent/chromium", CI=ci)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
         "tests/browser/test_page_weight.py"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )


@pytest.mark.parametrize(("ci", "outcome"), [("", "1 skipped"), ("true", "1 error")])
def test_missing_chromium_skips_except_on_ci(ci, outcome):
    result = run_one_browser_test(ci)
    output = result.stdout + result.stderr
    assert outcome in output, output
    assert "apt-get install chromium" in output, output
    assert (result.returncode != 0) == (ci == "true"), output
    if ci:
        assert "CI=true" in output
