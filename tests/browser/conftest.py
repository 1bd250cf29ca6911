"""The browser tests' fixtures: one build, one server and one Chromium for the whole session.

- ``site``: the demo manual built once with ``mkdocs build --strict`` into a temporary folder. While
  the demo content (the content folders named in mkdocs.yml) is not in the repository, a stand-in
  with the same structure is built instead (``fixture_manual.py``); the switch is automatic.
  ``PM_BROWSER_SITE=demo`` or ``=fixture`` forces one.
- ``server``: the built site on http://127.0.0.1:<free port>, from a thread. Unknown addresses get
  the site's 404 page, as on GitHub Pages.
- ``realistic_site``, ``realistic_server``, ``new_realistic_page``: the same for the realistic
  manual (tests/fixtures/realistic), shaped like a real partnership's, which axe checks as well.
- ``browser``: Debian's Chromium through Playwright; ``page`` opens a new context per test.

Without Chromium (or axe-core, or pdftotext) the tests are skipped with the command that installs
it, as .ci/system-packages gives it (`make test` runs that script first, and installs them itself
as root on Debian); with CI=true they fail instead, so CI can never pass by skipping them.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import pytest

from generator.project import load_project

from .fixture_manual import write_fixture_manual
from .helpers import REPO, BuiltSite
from .pages import WIDTHS

ARTIFACTS = REPO / "test-artifacts"
SYSTEM_PACKAGES = REPO / ".ci" / "system-packages"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
REALISTIC = REPO / "tests" / "fixtures" / "realistic"  # the realistic manual: see its mkdocs.yml

# Keep Chromium off the network: no updates, sync, field trials or QUIC (see the notes on testing).
CHROMIUM_FLAGS = [
    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def system_install_command() -> str:
    """What .ci/system-packages says installs the missing system packages ("" if none is missing)."""
    try:
        done = subprocess.run(["bash", str(SYSTEM_PACKAGES), "--command"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def missing(what: str, install: str) -> None:
    """Skip (or, on CI, fail) because a tool the browser tests need is not installed."""
    message = f"{what} is not installed: {install}"
    if in_ci():
        pytest.fail(f"{message} (CI=true, so the browser tests may not be skipped)", pytrace=False)
    pytest.skip(message)


def chromium_path() -> str | None:
    wanted = os.environ.get("PM_CHROMIUM")
    if wanted:
        return wanted if Path(wanted).is_file() else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


# --- the site -------------------------------------------------------------------------------


def demo_is_present(repo: Path) -> bool:
    project = load_project(repo)
    return all((project.root / s.folder).is_dir() for s in project.sections)


def _build(config: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return subprocess.run(
        # Never add --quiet: it hides warnings from the count --strict fails on (MkDocs 1.6).
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)],
        cwd=config.parent, env=env, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    choice = os.environ.get("PM_BROWSER_SITE", "auto")
    if choice not in ("auto", "demo", "fixture"):
        pytest.fail(f"PM_BROWSER_SITE={choice!r}: use demo, fixture, or leave it unset", pytrace=False)
    use_demo = demo_is_present(REPO) if choice == "auto" else choice == "demo"
    work = tmp_path_factory.mktemp("browser-site")
    if use_demo:
        config, kind = REPO / "mkdocs.yml", "demo"
    else:
        config, kind = write_fixture_manual(REPO, work / "manual"), "fixture"
    out = work / "site"
    result = _build(config, out)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict of the {kind} manual failed:\n{result.stdout}{result.stderr}", pytrace=False)
    return BuiltSite(out, kind, _site_url(REPO / "mkdocs.yml"), result.stdout + result.stderr)


@pytest.fixture(scope="session")
def realistic_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    out = tmp_path_factory.mktemp("realistic-site") / "site"
    result = _build(REALISTIC / "mkdocs.yml", out)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict of the realistic manual failed:\n{result.stdout}{result.stderr}", pytrace=False)
    return BuiltSite(out, "realistic", _site_url(REALISTIC / "mkdocs.yml"), result.stdout + result.stderr)


def _site_url(config: Path) -> str:
    """site_url from mkdocs.yml, read as generator.project reads it (MkDocs' own tags ignored)."""
    import yaml

    from generator.project import _Loader

    return str((yaml.load(config.read_text(encoding="utf-8"), Loader=_Loader) or {}).get("site_url") or "")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site; unknown paths get 404.html with status 404, as static hosts do."""

    def log_message(self, format: str, *args: Any) -> None:  # keep the test output clean
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that closes a connection mid-response (a page left before it loaded) is normal.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def _serving(site: BuiltSite) -> Iterator[BuiltSite]:
    handler = functools.partial(_Handler, directory=str(site.root))
    httpd = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    site.base_url = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield site
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(site: BuiltSite) -> Iterator[BuiltSite]:
    with _serving(site) as served:
        yield served


@pytest.fixture(scope="session")
def realistic_server(realistic_site: BuiltSite) -> Iterator[BuiltSite]:
    with _serving(realistic_site) as served:
        yield served


# --- the browser ----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        command = system_install_command() or "apt-get install chromium"
        missing("Chromium", f"{command} (or set PM_CHROMIUM to its path)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright", "run `make test`, or `pip install -e '.[test]'` (never `playwright install`)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Requests:
    """Every request a context made, for the privacy checks."""

    site_host: str
    urls: list[str] = field(default_factory=list)

    def foreign(self) -> list[str]:
        return [u for u in self.urls if urlsplit(u).scheme in ("http", "https", "ws", "wss")
                and urlsplit(u).netloc != self.site_host]


@pytest.fixture
def requests(server: BuiltSite) -> Requests:
    return Requests(urlsplit(server.base_url).netloc)


@contextlib.contextmanager
def _page_opener(browser: Any, requests: Requests | None = None) -> Iterator[Any]:
    """A function that opens a page in a fresh context at a viewport width ("1280" or "390");
    every context is closed at the end."""
    contexts = []

    def open_page(width: str = "1280", **options: Any) -> Any:
        context = browser.new_context(viewport=WIDTHS[width], **options)
        if requests is not None:
            context.on("request", lambda request: requests.urls.append(request.url))
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    try:
        yield open_page
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def new_page(browser: Any, server: BuiltSite, requests: Requests) -> Iterator[Any]:
    """Open a page of the demo in a fresh context at a viewport width ("1280" or "390")."""
    with _page_opener(browser, requests) as open_page:
        yield open_page


@pytest.fixture
def new_realistic_page(browser: Any, realistic_server: BuiltSite) -> Iterator[Any]:
    """Open a page of the realistic manual, as ``new_page`` does for the demo."""
    with _page_opener(browser) as open_page:
        yield open_page


@pytest.fixture
def page(new_page: Any) -> Any:
    """A page at 1280 px."""
    return new_page("1280")


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        command = system_install_command()
        missing("axe-core", f"{command}, then `make test`" if command else
                "run `make test`, or `npm install` in the repository (package.json pins it)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pdftotext() -> str:
    found = shutil.which("pdftotext")
    if found is None:
        missing("pdftotext", system_install_command() or "apt-get install poppler-utils")
    return found


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/ in the repository (gitignored): screenshots and printouts to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
