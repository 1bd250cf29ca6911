"""The command as a whole: help with examples everywhere, version, exit codes, the pre-commit hook."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main

REPO = Path(__file__).resolve().parent.parent.parent


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_subcommand_has_help_with_an_example(command):
    result = CliRunner().invoke(main, [command, "--help"], prog_name="procedures")
    assert result.exit_code == 0
    assert "Example" in result.output
    examples = result.output.split("Example", 1)[1]
    assert f"procedures {command}" in examples


def test_top_level_help_lists_the_commands_with_examples():
    result = CliRunner().invoke(main, ["-h"], prog_name="procedures")
    assert result.exit_code == 0
    for command in ("check", "new", "import"):
        assert re.search(rf"^\s+{command}\s+\S", result.output, re.M), command
    assert "procedures new statutory" in result.output
    text = " ".join(result.output.split())
    assert "Exit status: 0 when all is well, 1 when problems were found, 2 when the command was used wrongly." in text


def test_version():
    result = CliRunner().invoke(main, ["--version"], prog_name="procedures")
    assert result.exit_code == 0
    assert re.match(r"procedures, version \d+\.\d+", result.output)


def test_unknown_command_is_a_usage_error():
    result = CliRunner().invoke(main, ["chek"], prog_name="procedures")
    assert result.exit_code == 2
    assert "No such command 'chek'" in result.output


def test_installed_command_runs_as_a_module_without_importing_mkdocs(project):
    """`procedures check` must stay fast: the check path never imports MkDocs or the importer."""
    code = (
        "import sys\n"
        "from generator.cli import main\n"
        "try:\n"
        f"    main(['-C', {str(project.root)!r}, 'check'])\n"
        "except SystemExit as exit:\n"
        "    loaded = [m for m in sys.modules if m == 'mkdocs' or m.startswith(('mkdocs.', 'material', 'generator.importer'))]\n"
        "    print('exit', exit.code, 'loaded', loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert "exit 0 loaded []" in result.stdout, result.stdout + result.stderr


def test_pre_commit_hook_definition():
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert isinstance(hooks, list) and len(hooks) == 1
    hook = hooks[0]
    assert hook["id"] == "procedures-check"
    assert hook["entry"] == "procedures check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    for name in ("statutory/referrals.md", "mkdocs.yml", "glossary.yml", "flowcharts/referral.yaml"):
        assert files.search(name), name
    for name in ("site/index.html", "logo.png", "README.txt"):
        assert not files.search(name), name
    # pre-commit appends 'args' after the entry: 'procedures check -C manual' must work.
    assert "-C" in CliRunner().invoke(main, ["check", "--help"]).output
    # The entry is a console script the package installs.
    pyproject = (REPO / "pyproject.toml").read_text()
    assert 'procedures = "generator.cli:main"' in pyproject
