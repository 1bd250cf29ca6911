""".ci/system-packages, the first step of `make test`: what it installs, what it only tells, and when
it fails. Each case runs the real script with a PATH of stand-ins (`id`, `apt-get`, `sudo` and the
tools it looks for), so nothing is installed and every decision can be seen."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO

BASH = shutil.which("bash") or "/bin/bash"
TOOLS = ("chromium", "pdftotext", "node", "npm")
SUDO_CMD = "sudo apt-get update && sudo apt-get install"


class Machine:
    """A fresh clone (no .venv) on a machine whose PATH holds only the stand-ins given."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.bin = root / "bin"
        self.bin.mkdir()
        self.log = root / "apt-get.log"
        self.os_release = root / "os-release"
        (root / "clone" / ".ci").mkdir(parents=True)
        shutil.copy2(REPO / ".ci" / "system-packages", root / "clone" / ".ci" / "system-packages")
        self.tool("python3", "exit 0")  # `import ensurepip, venv` works
        self.debian()
        self.uid(0)
        self.tool("apt-get", f'echo "apt-get $*" >> {self.log}')

    def tool(self, name: str, body: str = "exit 0") -> None:
        path = self.bin / name
        path.write_text(f"#!{BASH}\n{body}\n", encoding="utf-8")
        path.chmod(0o755)

    def remove(self, name: str) -> None:
        (self.bin / name).unlink()

    def uid(self, number: int) -> None:
        self.tool("id", f"echo {number}")

    def debian(self, distro: str = "debian") -> None:
        self.os_release.write_text(f'PRETTY_NAME="Some Linux"\nID={distro}\n', encoding="utf-8")

    def run(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        environment = {"PATH": str(self.bin), "PM_OS_RELEASE": str(self.os_release), **env}
        return subprocess.run([BASH, ".ci/system-packages", *args], cwd=self.root / "clone", env=environment,
                              capture_output=True, text=True, timeout=60)

    def apt_calls(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []


@pytest.fixture
def machine(tmp_path: Path) -> Machine:
    return Machine(tmp_path)


def with_tools(machine: Machine, *names: str) -> Machine:
    for name in names:
        machine.tool(name)
    return machine


def test_nothing_missing_does_nothing_and_says_nothing(machine):
    with_tools(machine, *TOOLS)
    done = machine.run()
    assert (done.returncode, done.stdout, done.stderr, machine.apt_calls()) == (0, "", "", [])
    assert machine.run("--command").stdout == ""


def test_root_on_debian_installs_what_is_missing(machine):
    with_tools(machine, "node", "npm")
    done = machine.run(CI="true")
    assert done.returncode == 0, done.stderr
    assert machine.apt_calls() == ["apt-get update -q", "apt-get install -y -q --no-install-recommends chromium poppler-utils"]
    assert "installing chromium poppler-utils" in done.stderr


def test_a_failed_install_fails(machine):
    machine.tool("apt-get", "echo 'E: Unable to locate package chromium' >&2; exit 100")
    done = machine.run()
    assert done.returncode == 100 and "Unable to locate package chromium" in done.stderr


@pytest.mark.parametrize(("ci", "status"), [("", 0), ("true", 1), ("1", 1), ("false", 0)])
def test_not_root_prints_the_exact_command_and_only_ci_fails(machine, ci, status):
    with_tools(machine, "chromium", "node", "npm")
    machine.uid(1000)
    done = machine.run(CI=ci)
    assert done.returncode == status, done.stderr
    assert machine.apt_calls() == []
    assert f"    {SUDO_CMD} poppler-utils\n" in done.stderr
    assert ("may not be skipped" in done.stderr) == bool(status)
    assert ("will be skipped" in done.stderr) == (not status)


@pytest.mark.parametrize("distro", ["ubuntu", "fedora", ""])
def test_elsewhere_than_debian_it_names_the_packages_and_installs_nothing(machine, distro):
    machine.debian(distro)
    done = machine.run()
    assert done.returncode == 0 and machine.apt_calls() == []
    assert "install chromium poppler-utils nodejs npm with your system's package manager" in done.stderr
    assert machine.run(CI="true").returncode == 1


def test_without_apt_get_nothing_is_installed(machine):
    machine.remove("apt-get")
    done = machine.run()
    assert done.returncode == 0 and "with your system's package manager" in done.stderr


def test_the_command_option_prints_the_command_and_installs_nothing(machine):
    with_tools(machine, "chromium", "pdftotext")
    done = machine.run("--command", CI="true")
    assert (done.returncode, done.stdout, machine.apt_calls()) == (0, "apt-get update && apt-get install nodejs npm\n", [])
    machine.uid(1000)
    assert machine.run("--command").stdout == f"{SUDO_CMD} nodejs npm\n"


@pytest.mark.parametrize(("present", "missing"), [
    (["chromium", "pdftotext", "node"], "nodejs npm"),
    (["chromium", "pdftotext", "npm"], "nodejs npm"),
    (["chromium-browser", "node", "npm"], "poppler-utils"),
])
def test_what_counts_as_present(machine, present, missing):
    with_tools(machine, *present)
    assert machine.run("--command").stdout.endswith(f"install {missing}\n")


def test_pm_chromium_names_the_browser(machine, tmp_path):
    with_tools(machine, *TOOLS)
    assert machine.run("--command", PM_CHROMIUM=str(tmp_path / "nowhere")).stdout.endswith("install chromium\n")
    machine.remove("chromium")
    browser = tmp_path / "my-chromium"
    browser.write_text("")
    assert machine.run("--command", PM_CHROMIUM=str(browser)).stdout == ""


def test_without_the_venv_module_it_fails_even_outside_ci(machine):
    with_tools(machine, *TOOLS)
    machine.tool("python3", "exit 1")  # Debian's python3 without python3-venv: no ensurepip
    machine.uid(1000)
    done = machine.run()
    assert done.returncode == 1 and f"{SUDO_CMD} python3-venv" in done.stderr
    assert ".venv cannot be made without python3-venv" in done.stderr
    (machine.root / "clone" / ".venv" / "bin").mkdir(parents=True)  # once .venv exists it is not needed
    venv_python = machine.root / "clone" / ".venv" / "bin" / "python"
    venv_python.write_text("")
    venv_python.chmod(0o755)
    assert machine.run().returncode == 0


def test_an_unknown_option_is_refused(machine):
    done = machine.run("--install-everything")
    assert done.returncode == 2 and "usage: .ci/system-packages [--command]" in done.stderr
