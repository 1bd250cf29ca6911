"""``procedures linkcheck`` (``make linkcheck``): serve the built site on 127.0.0.1 and run LinkChecker over it, and check
every #anchor of every link in the built files (``anchors.py``).

A link to a missing page, or to a missing #anchor, is an error. LinkChecker checks the pages;
the anchors are checked from the files, not by LinkChecker's AnchorCheck plugin, which LinkChecker
can silently fail to load (see ``anchors.py``). Links to other sites are left out by default,
because CI and this machine have no internet; ``--external`` (``make linkcheck EXTERNAL=1``)
checks them too.

The server sends a ``LinkChecker`` response header: without it LinkChecker limits itself to 10
requests a second. Every page is a start URL, so pages outside the navigation (archived ones) are
checked too.

    procedures linkcheck [--site site] [--external]
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from . import anchors

CONFIG = """\
[checking]
threads=4
maxrequestspersecond=100

[filtering]
checkextern={external}
"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site quietly and tells LinkChecker it may go fast."""

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


def config_text(external: bool) -> str:
    return CONFIG.format(external=1 if external else 0)


def start_server(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``site`` on a free port of 127.0.0.1 in a background thread; returns its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def start_urls(site: Path, base: str) -> list[str]:
    """The home page and every other page, so pages outside the nav (archived) are checked too."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")
    urls = [base]
    for page in pages:
        if page == "index.html":
            continue
        urls.append(base + (page[: -len("index.html")] if page.endswith("/index.html") else page))
    return urls


def linkchecker_program() -> str:
    """The LinkChecker installed with this Python (pinned in pyproject.toml), else the one on PATH."""
    beside = Path(sys.executable).parent / "linkchecker"
    return str(beside) if beside.is_file() else shutil.which("linkchecker") or str(beside)


def report_anchors(site: Path) -> int:
    """Print every broken #anchor of ``site``; returns how many there are."""
    broken = anchors.broken_anchors(site)
    for anchor in broken:
        print(f"Broken anchor: {anchor.message()}")
    print(f"linkcheck: {len(broken)} broken #anchor(s) in the built files", file=sys.stderr)
    return len(broken)


def run(site: Path, *, external: bool = False, linkchecker: str | None = None) -> int:
    """Check ``site``; returns 0 when no link or #anchor is broken, else LinkChecker's exit status
    (1 for broken links, 2 for its own errors), or 1 when only anchors are broken."""
    site = site.resolve()
    if not (site / "index.html").is_file():
        print(f"linkcheck: {site} has no index.html: build the site first (make site)", file=sys.stderr)
        return 2
    program = linkchecker or linkchecker_program()
    server, base = start_server(site)
    # LinkChecker drops root to 'nobody' after reading its config: keep the file world-readable.
    folder = tempfile.mkdtemp(prefix="linkcheck-")
    try:
        os.chmod(folder, 0o755)
        config = Path(folder) / "linkcheckerrc"
        config.write_text(config_text(external), encoding="utf-8")
        config.chmod(0o644)
        urls = start_urls(site, base)
        print(f"linkcheck: checking {len(urls)} page(s) at {base} (external links {'on' if external else 'off'})",
              file=sys.stderr)
        command = [program, "--config", str(config), "--no-status", *(["--check-extern"] if external else []), *urls]
        status = subprocess.run(command, cwd=folder).returncode
    finally:
        server.shutdown()
        server.server_close()
        shutil.rmtree(folder, ignore_errors=True)
    broken = report_anchors(site)
    return status or (1 if broken else 0)
