"""Lint the GitHub Actions workflows offline: the official workflow schema (check-jsonschema's
vendored copy), shellcheck on every `run:` script, and our own rules (pinned actions, least
permissions, no untrusted expressions in scripts, the steps CI must run)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from tests.conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.y*ml"))
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$")
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)
# Contexts an attacker can set (titles, branch names, bodies): never expand them inside a script.
UNTRUSTED = re.compile(r"github\.(event\.|head_ref|base_ref)|inputs\.|steps\.[\w-]+\.outputs")


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield name, step


def tool(name: str) -> str:
    found = shutil.which(name, path=f"{BIN}:{shutil.os.environ.get('PATH', '')}")
    if found is None:
        pytest.fail(f"{name} is not installed: run `make install` (it is in the test extras of pyproject.toml)")
    return found


def test_there_is_a_workflow():
    assert [p.name for p in WORKFLOWS] == ["ci.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_matches_the_github_workflow_schema(path):
    done = subprocess.run([tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_run_scripts_pass_shellcheck(path, tmp_path):
    workflow = load(path)
    shell = workflow.get("defaults", {}).get("run", {}).get("shell")
    assert shell == "bash", "set `defaults: run: shell: bash` so every script runs with -eo pipefail"
    scripts = []
    for job, step in steps(workflow):
        if "run" in step:
            # Expressions are replaced by a plain word, as GitHub substitutes them before the shell runs.
            body = EXPRESSION.sub("EXPRESSION", step["run"])
            script = tmp_path / f"{job}-{len(scripts)}.sh"
            script.write_text("#!/usr/bin/env bash\nset -eo pipefail\n" + body, encoding="utf-8")
            scripts.append(str(script))
    assert scripts
    done = subprocess.run([tool("shellcheck"), "--severity=style", *scripts], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_and_permissions_are_least(path):
    workflow = load(path)
    for job, step in steps(workflow):
        uses = step.get("uses")
        if uses and not uses.startswith("./"):
            assert PINNED.match(uses), f"{job}: '{uses}' must be pinned to a version tag (@v4) or a commit SHA"
    assert workflow.get("permissions") == {"contents": "read"}, "the workflow's default token must be read-only"
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"job '{name}' must say which permissions it needs"
        assert "timeout-minutes" in job, f"job '{name}' needs a timeout-minutes"
        writes = {k for k, v in job["permissions"].items() if v == "write"}
        assert writes <= {"pages", "id-token"}, f"job '{name}' asks for write access to {writes}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_untrusted_expressions_in_scripts(path):
    for job, step in steps(load(path)):
        for expression in EXPRESSION.findall(step.get("run", "")):
            assert not UNTRUSTED.search(expression), (
                f"{job}: step '{step.get('name')}' expands '${{{{{expression}}}}}' inside its script; pass it through env: instead"
            )


def test_ci_runs_every_check_and_publishes_only_from_main():
    workflow = load(REPO / ".github" / "workflows" / "ci.yml")
    assert set(workflow["on"]) >= {"pull_request", "push"}
    assert workflow["on"]["push"]["branches"] == ["main"]

    check = workflow["jobs"]["check"]
    runs = [s.get("run", "") for s in check["steps"]]
    order = [
        next(i for i, r in enumerate(runs) if "git fetch" in r and "$BASE_REF:refs/remotes/origin/$BASE_REF" in r),
        next(i for i, r in enumerate(runs) if 'procedures check --base "origin/$BASE_REF"' in r),
        next(i for i, r in enumerate(runs) if r.strip() == "make site EDITIONS=1"),
        next(i for i, r in enumerate(runs) if r.strip() in (".ci/run", "make test")),
        next(i for i, r in enumerate(runs) if "procedures linkcheck" in r or "make linkcheck" in r),
    ]
    assert order == sorted(order), "fetch the base, then check --base, build, test and link-check, in that order"
    # Each page's earlier versions and the editions are built from the whole history.
    checkout = next(s for s in check["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    upload = next(s for s in check["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site" and "refs/heads/main" in upload["if"]

    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "check" and "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"]["cancel-in-progress"] is False
    used = [s["uses"].split("@")[0] for s in deploy["steps"]]
    assert used == ["actions/configure-pages", "actions/deploy-pages"]


def test_the_base_is_fetched_with_the_token_for_that_command_only(tmp_path):
    """persist-credentials: false leaves the checkout without a token, so a plain `git fetch`
    fails on a private repository: the fetch step passes the token to that one command."""
    check = load(REPO / ".github" / "workflows" / "ci.yml")["jobs"]["check"]
    checkout = next(s for s in check["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    fetch = next(s for s in check["steps"] if "git fetch" in s.get("run", ""))
    assert fetch["env"]["TOKEN"] == "${{ github.token }}"
    assert 'GIT_CONFIG_KEY_0="http.$GITHUB_SERVER_URL/.extraheader"' in fetch["run"]
    assert "git config" not in fetch["run"] and "-c " not in fetch["run"]  # not persisted, not in argv
    for step in check["steps"]:
        if step is not fetch:
            assert "github.token" not in str(step.get("env", "")) + str(step.get("run", "")), step.get("name")

    # The script itself, run against a local "origin": it fetches the base and leaves no token behind.
    git = ["git", "-c", "init.defaultBranch=main", "-c", "user.name=CI", "-c", "user.email=ci@example.org"]
    origin, clone = tmp_path / "origin", tmp_path / "clone"
    subprocess.run([*git, "init", "-q", str(origin)], check=True)
    subprocess.run([*git, "-C", str(origin), "commit", "-q", "--allow-empty", "-m", "Base"], check=True)
    subprocess.run([*git, "clone", "-q", f"file://{origin}", str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "update-ref", "-d", "refs/remotes/origin/main"], check=True)
    env = {**os.environ, "BASE_REF": "main", "TOKEN": "secret-token", "GITHUB_SERVER_URL": "https://github.com"}
    done = subprocess.run(["bash", "-eo", "pipefail", "-c", fetch["run"]], cwd=clone, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert subprocess.run(["git", "-C", str(clone), "rev-parse", "--verify", "-q", "refs/remotes/origin/main"]).returncode == 0
    assert "secret-token" not in (clone / ".git" / "config").read_text()


def test_the_site_is_stamped_with_the_commit():
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+commit: !ENV \[GITHUB_SHA, null\]", text, re.M)
    assert re.search(r'^\s+release: \{name: "Update 15", date: 2026-11-01\}', text, re.M)


def test_make_targets_used_by_ci_exist():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([\w-]+):", makefile, re.M))
    for path in WORKFLOWS:
        for _, step in steps(load(path)):
            for target in re.findall(r"\bmake ([\w-]+)", step.get("run", "")):
                assert target in targets, f"the workflow runs `make {target}`, which the Makefile does not define"
    assert (REPO / ".ci" / "run").stat().st_mode & 0o111


@pytest.mark.parametrize(("bad", "rule"), [
    ("actions/checkout@main", "pinned"),
    ("actions/checkout", "pinned"),
    ("actions/checkout@v4", None),
    ("actions/checkout@8e5e7e5ab8b370d6c329ec480221332ada57f0ab", None),
])
def test_the_pin_rule_itself(bad, rule):
    assert bool(PINNED.match(bad)) is (rule is None)


def test_the_untrusted_rule_itself():
    assert UNTRUSTED.search(" github.event.pull_request.title ")
    assert UNTRUSTED.search(" github.head_ref ")
    assert not UNTRUSTED.search(" github.sha ")


@pytest.mark.parametrize("name", ["run", "system-packages"])
def test_ci_scripts_pass_shellcheck(name):
    script = REPO / ".ci" / name
    assert script.stat().st_mode & 0o111, f".ci/{name} must be executable"
    done = subprocess.run([tool("shellcheck"), "--severity=style", str(script)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ci_runs_make_test_and_make_test_installs_the_system_packages():
    """`make test` is the whole set-up: .ci/run only calls it, and it runs .ci/system-packages first
    (what that script decides is tested in tests/test_system_packages.py)."""
    lines = [line for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines[-1] == "make test" and not any("apt-get" in line or "npm" in line for line in lines)
    recipe = re.search(r"^test:.*\n((?:\t.*\n)+)", (REPO / "Makefile").read_text(encoding="utf-8"), re.M)
    assert recipe, "the Makefile has no `test:` target"
    steps = recipe.group(1).splitlines()
    assert ".ci/system-packages" in steps[0], "`make test` must run .ci/system-packages before anything else"
    assert steps[-1].strip() == "$(BIN)/python -m pytest"


QUIET = re.compile(r"""(?<![\w-])(--quiet|-q)(?![\w-])""")


def test_no_mkdocs_build_combines_strict_with_quiet():
    """With MkDocs 1.6.1 `mkdocs build --strict --quiet` passes a site with warnings: --quiet hides
    them from the count that --strict reads. Every build here uses --strict alone."""
    skip = {".git", ".venv", "node_modules", "site", "test-artifacts", "__pycache__"}
    offenders = []
    for folder, dirs, files in os.walk(REPO):
        dirs[:] = [d for d in dirs if d not in skip and not d.startswith(".site-")]
        for name in files:
            path = Path(folder) / name
            if path.suffix not in (".py", ".yml", ".yaml", ".sh", ".toml", ".cfg") and name != "Makefile" and path.parent.name != ".ci":
                continue
            if path == Path(__file__):
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                if "--strict" in line and QUIET.search(line) and not line.lstrip().startswith("#"):
                    offenders.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert not offenders, "drop --quiet (or -q) where --strict is used:\n" + "\n".join(offenders)
