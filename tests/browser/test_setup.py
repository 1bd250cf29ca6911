"""The suite's own contract: without Chromium, pdftotext or axe-core the tests that need it are
skipped with the command that installs it (from .ci/system-packages), except on CI (CI=true), where
a missing tool must fail the run rather than let it pass by skipping."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from .helpers import REPO

CASES = [("", "1 skipped"), ("true", "1 error")]


def run_one_test(test: str, ci: str, before: str = "", **env: str) -> str:
    """Run one browser test in a new pytest, in this process (-n 0), so that `before` holds for it;
    returns its output, which ends with its exit status."""
    program = f"{before}\nimport sys, pytest\nsys.exit(pytest.main(['-q', '-rs', '-n', '0', '-p', 'no:cacheprovider', {test!r}]))"
    result = subprocess.run([sys.executable, "-c", program], cwd=REPO, env=dict(os.environ, CI=ci, **env),
                            capture_output=True, text=True, timeout=120)
    return f"{result.stdout}{result.stderr}\nexit status {result.returncode}"


def assert_outcome(output: str, ci: str, outcome: str) -> None:
    assert outcome in output, output
    assert output.endswith("exit status 0") == (ci == ""), output
    if ci:
        assert "CI=true" in output, output


@pytest.mark.parametrize(("ci", "outcome"), CASES)
def test_missing_chromium_skips_except_on_ci(ci, outcome):
    output = run_one_test("tests/browser/test_page_weight.py", ci, PM_CHROMIUM="/nonexistent/chromium")
    assert_outcome(output, ci, outcome)
    assert "Chromium is not installed:" in output and "apt-get install chromium" in output, output


@pytest.mark.parametrize(("ci", "outcome"), CASES)
def test_missing_pdftotext_skips_except_on_ci(ci, outcome, tmp_path):
    # A PATH with what .ci/system-packages needs, and the other tools, but no pdftotext.
    for name in ("bash", "id", "apt-get", "node", "npm"):
        found = shutil.which(name)
        if found:
            (tmp_path / name).symlink_to(found)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or "/nonexistent/chromium"
    output = run_one_test("tests/browser/test_print.py::test_printout_leaves_out_the_navigation", ci,
                          PATH=str(tmp_path), PM_CHROMIUM=os.environ.get("PM_CHROMIUM", chromium))
    assert_outcome(output, ci, outcome)
    assert "pdftotext is not installed:" in output and "poppler-utils" in output, output


@pytest.mark.parametrize(("ci", "outcome"), CASES)
def test_missing_axe_core_skips_except_on_ci(ci, outcome):
    hide_axe = f"import tests.browser.conftest as c, pathlib\nc.AXE = pathlib.Path({str(REPO / 'nowhere' / 'axe.min.js')!r})"
    output = run_one_test("tests/browser/test_accessibility.py::test_axe_with_glossary_tooltip_open[1280]", ci, hide_axe)
    assert_outcome(output, ci, outcome)
    assert "axe-core is not installed:" in output and "make test" in output, output


def test_a_tool_is_asked_for_before_the_site_is_built():
    """So that a missing tool skips at once, not after a build of the whole manual."""
    import inspect

    from . import test_accessibility, test_print

    for test in (test_print.test_printout_carries_notice_address_and_date, test_print.test_printout_leaves_out_the_navigation,
                 test_accessibility.test_axe_finds_no_violations, test_accessibility.test_axe_with_search_open,
                 test_accessibility.test_axe_with_glossary_tooltip_open):
        first = next(iter(inspect.signature(test).parameters))
        assert first in ("pdftotext", "axe_source"), f"{test.__name__}: ask for {first!r} after the tool"

