"""Page weight of the built site: what a practitioner's browser downloads for one procedure page.

Counts the page's HTML and every stylesheet and script it loads from the site (Material's search
worker included), raw and gzipped, and, separately, the search index that the worker fetches
and the word list the search box loads for near spellings.
The budget checked by tests/browser/test_page_weight.py is recorded in the README.

    python benchmarks/page_weight.py                 # build the repository's site, then measure
    python benchmarks/page_weight.py --site site/    # measure a site that is already built
    python benchmarks/page_weight.py --fixture       # the browser tests' stand-in manual
    python benchmarks/page_weight.py --synthetic 500 # a synthetic manual of 500 pages (benchmarks/synthetic.py)

It also weighs the print edition: the whole manual's page (print/manual/) and the largest
chapter's, which a reader downloads only to print.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

REPO = Path(__file__).resolve().parent.parent
PAGE = "statutory/referrals/index.html"
SEARCH_INDEX = "search/search_index.json"
SEARCH_WORDS = "assets/procedures/search-words.json"  # loaded when the search box is first used
PRINT_FOLDER = "print"  # the print edition's pages (the print_edition option's default folder)


@dataclass
class Asset:
    path: str  # relative to the site root
    kind: str  # html, css or js
    raw: int
    gzipped: int


class _Assets(HTMLParser):
    """The stylesheets and scripts a page loads, and Material's search worker from its __config."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str]] = []
        self._config = False
        self.config = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.urls.append(("css", attrs["href"]))
        elif tag == "script" and attrs.get("src"):
            self.urls.append(("js", attrs["src"]))
        elif tag == "script" and attrs.get("id") == "__config":
            self._config = True

    def handle_data(self, data):
        if self._config:
            self.config += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._config = False


def _sizes(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=6, mtime=0))


def page_assets(site: Path, page: str = PAGE) -> list[Asset]:
    """The page and what it loads from the site, in the order the page names them."""
    html = site / page
    raw, gz = _sizes(html)
    assets = [Asset(page, "html", raw, gz)]
    parser = _Assets()
    parser.feed(html.read_text(encoding="utf-8"))
    urls = list(parser.urls)
    if parser.config.strip():
        worker = json.loads(parser.config).get("search")
        if worker:
            urls.append(("js", worker))
    here = "/" + page
    seen = set()
    for kind, url in urls:
        if urlsplit(url).netloc:
            continue  # another host: tests/browser/test_privacy.py fails on these
        rel = urlsplit(urljoin(here, url)).path.lstrip("/")
        if rel in seen or rel == SEARCH_INDEX:
            continue
        seen.add(rel)
        raw, gz = _sizes(site / rel)
        assets.append(Asset(rel, kind, raw, gz))
    return assets


def search_index(site: Path) -> tuple[int, int]:
    return _sizes(site / SEARCH_INDEX)


def build(config: Path, out: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    # --strict alone: --quiet would hide the warnings --strict counts (MkDocs 1.6).
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)],
                            cwd=config.parent, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"mkdocs build --strict failed for {config}:\n{result.stdout}{result.stderr}"
                 "(to measure the browser tests' stand-in manual instead, add --fixture)")


def kb(n: int) -> str:
    return f"{n / 1024:,.1f} KB"


def report(site: Path, page: str) -> str:
    assets = page_assets(site, page)
    lines = [f"Page weight of {page} (HTML, CSS and JS; the search index apart)", ""]
    lines.append(f"{'file':<58} {'raw':>11} {'gzipped':>11}")
    for asset in assets:
        lines.append(f"{asset.path:<58} {kb(asset.raw):>11} {kb(asset.gzipped):>11}")
    for kind in ("html", "css", "js"):
        raw = sum(a.raw for a in assets if a.kind == kind)
        gz = sum(a.gzipped for a in assets if a.kind == kind)
        lines.append(f"{'  all ' + kind:<58} {kb(raw):>11} {kb(gz):>11}")
    lines.append(f"{'total':<58} {kb(sum(a.raw for a in assets)):>11} {kb(sum(a.gzipped for a in assets)):>11}")
    raw, gz = search_index(site)
    pages = len(json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8"))["docs"])
    lines += ["", f"{'search index (' + SEARCH_INDEX + f', {pages} entries)':<58} {kb(raw):>11} {kb(gz):>11}"]
    if (site / SEARCH_WORDS).is_file():
        raw, gz = _sizes(site / SEARCH_WORDS)
        lines.append(f"{'search words (' + SEARCH_WORDS + ')':<58} {kb(raw):>11} {kb(gz):>11}")
    return "\n".join(lines)


def print_report(site: Path) -> str:
    """The print edition's pages: the whole manual's, and the largest chapter's."""
    folder = site / PRINT_FOLDER
    whole = folder / "manual" / "index.html"
    if not whole.is_file():
        return "(no print edition in this site)"
    chapters = [p for p in folder.glob("*/index.html") if p.parent.name != "manual"]
    html = whole.read_text(encoding="utf-8")
    procedures = html.count('class="pm-print-procedure"')
    raw, gz = _sizes(whole)
    label = f"print edition: the whole manual ({PRINT_FOLDER}/manual/, {procedures} procedures)"
    lines = [f"{label:<58} {kb(raw):>11} {kb(gz):>11}"]
    if procedures:
        lines.append(f"{'  per procedure':<58} {kb(raw // procedures):>11} {kb(gz // procedures):>11}")
    if chapters:
        largest = max(chapters, key=lambda p: p.stat().st_size)
        raw, gz = _sizes(largest)
        name = largest.parent.relative_to(site).as_posix()
        lines.append(f"{'print edition: largest chapter (' + name + f'/, of {len(chapters)})':<58} {kb(raw):>11} {kb(gz):>11}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site to measure (default: build the repository's)")
    parser.add_argument("--fixture", action="store_true", help="build and measure the browser tests' stand-in manual")
    parser.add_argument("--synthetic", type=int, metavar="N", help="build and measure a synthetic manual of N pages")
    parser.add_argument("--page", default=None, help=f"the page to weigh (default: {PAGE})")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site, page = args.site, args.page or PAGE
        if site is None:
            config = REPO / "mkdocs.yml"
            if args.fixture:
                sys.path.insert(0, str(REPO))
                from tests.browser.fixture_manual import write_fixture_manual

                config = write_fixture_manual(REPO, Path(tmp) / "manual")
            elif args.synthetic:
                sys.path.insert(0, str(REPO))
                from benchmarks.synthetic import write_manual

                manual = write_manual(Path(tmp) / "manual", args.synthetic)
                config, page = manual.root / "mkdocs.yml", args.page or manual.pages[0][:-3] + "/index.html"
            site = Path(tmp) / "site"
            build(config, site)
        print(report(site, page))
        print()
        print(print_report(site))


if __name__ == "__main__":
    main()
