"""`make bench`: what every version kept costs, in build time and in site size.

The synthetic manual (N = 500 pages, 300 glossary terms; benchmarks/synthetic.py) is put in a git
repository and published five times: each page goes from version 1 to version 5, a few words
changed and a sentence added in each, one commit a version, a quarter apart. Four releases fall
between them. It then measures, each in a fresh process:

* the build without history (``history: enabled: false``): the baseline;
* the build with history (every page's history page, its four superseded versions and four
  redlines: 4,500 more pages);
* ``procedures build --editions``: the same site and the four editions, the manual as it stood
  at each release, built from git (the whole, atomic command);

and the size of the built site: the current pages, the history pages, and the editions. Each run's
CPU time (user and system, its child processes included) is reported beside its wall time: on a
machine shared with other work, wall times swing with the load, CPU times much less.

    python -m benchmarks.history_bench            # N = 500, 5 versions, 4 editions (about 10 minutes here)
    python -m benchmarks.history_bench --pages 100
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from .build_bench import ENV, TERMS, Run, timed
from .build_bench import build as mkdocs
from .synthetic import write_manual

VERSIONS = 5
DATES = ("2025-01-15", "2025-04-15", "2025-07-15", "2025-10-15", "2026-01-15")  # one commit per version
RELEASES = (("Update 1", "2025-02-01"), ("Update 2", "2025-05-01"), ("Update 3", "2025-08-01"), ("Update 4", "2026-02-01"))
TARGETS = {"history adds (share of the build without it)": 0.5, "editions, each (share of the build without history)": 1.0}
GIT_ENV = {
    **ENV, "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.org",
}
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def git(root: Path, *args: str, date: str | None = None) -> None:
    env = dict(GIT_ENV)
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00+00:00"
    subprocess.run(["git", "-c", "init.defaultBranch=main", *args], cwd=root, env=env, check=True, capture_output=True)


def revise(text: str, version: int, rng: random.Random) -> str:
    """A page at ``version``: its front matter with that version and every ``changes`` entry up
    to it, and its body with a word changed and a sentence added for each version after the first."""
    match = _FRONT.match(text)
    assert match is not None
    meta, body = yaml.safe_load(match.group(1)), text[match.end():]
    paragraphs = body.split("\n\n")
    for number in range(2, version + 1):
        prose = [i for i, p in enumerate(paragraphs) if p and p[0].isupper() and not p.startswith(("See also", "|"))]
        at = prose[rng.randrange(len(prose))]
        words = paragraphs[at].split(" ")
        spot = rng.randrange(len(words) - 1)
        words[spot] = "practitioners" if words[spot] != "practitioners" else "staff"
        paragraphs[at] = " ".join(words) + f" Since version {number}, the manager records the decision the same day."
    meta["version"] = version
    meta["last_updated"] = DATES[version - 1]
    meta["changes"] = [
        {"version": n, "date": DATES[n - 1], "note": f"Version {n}: a word changed and a sentence added."}
        for n in range(version, 0, -1)
    ]
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, width=1000).strip() + "\n---\n" + "\n\n".join(paragraphs)


def write_history(root: Path, pages: int) -> list[str]:
    """The synthetic manual, committed once a version; returns its pages."""
    manual = write_manual(root, pages, TERMS)
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    options = config["plugins"][1]["procedures"]
    *earlier, (name, date) = RELEASES
    options["release"] = {"name": name, "date": date}
    options["releases"] = [{"name": n, "date": d} for n, d in earlier]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    options["history"] = {"enabled": False}
    (root / "mkdocs-no-history.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (root / ".gitignore").write_text("site*/\nstock-docs/\n", encoding="utf-8")
    for sheet in (root / "docs" / "info-sheets").glob("*.md"):  # published before the first edition
        sheet.write_text(sheet.read_text(encoding="utf-8").replace("2026-01-01", "2025-01-01"), encoding="utf-8")
    originals = {uri: (root / uri).read_text(encoding="utf-8") for uri in manual.pages}
    git(root, "init", "-q")
    for version in range(1, VERSIONS + 1):
        for index, uri in enumerate(manual.pages):
            (root / uri).write_text(revise(originals[uri], version, random.Random(index)), encoding="utf-8")
        git(root, "add", "-A")
        git(root, "commit", "-qm", f"Version {version}", date=DATES[version - 1])
    return manual.pages


def editions(root: Path, site: Path) -> Run:
    shutil.rmtree(site, ignore_errors=True)
    command = ["build", "--no-strict", "--editions", "--site-dir", str(site)]
    return timed([sys.executable, "-m", "generator", "-C", str(root), *command], root)


def size(folder: Path, keep=lambda path: True) -> tuple[int, int]:
    """(bytes, HTML pages) of the files under ``folder`` that ``keep`` accepts."""
    files = [p for p in folder.rglob("*") if p.is_file() and keep(p.relative_to(folder).as_posix())]
    return sum(p.stat().st_size for p in files), sum(1 for p in files if p.suffix == ".html")


_HISTORY_PAGE = re.compile(r"(^|/)(history|v\d+|v\d+-to-v\d+)/index\.html$")


@dataclass
class Result:
    pages: int
    without: Run  # medians
    with_history: Run
    with_editions: Run
    sizes: dict[str, tuple[int, int]]


def median(runs: list[Run]) -> Run:
    def middle(values: list[float]) -> float:
        return sorted(values)[len(values) // 2]

    return Run(
        seconds=middle([r.seconds for r in runs]), peak_mb=middle([r.peak_mb for r in runs]), cpu=middle([r.cpu for r in runs]),
    )


def measure(pages: int, rounds: int, work: Path) -> Result:
    root = work / "manual"
    write_history(root, pages)
    without, with_history = [], []
    for _ in range(rounds):  # A B A B
        without.append(mkdocs(root, "mkdocs-no-history.yml", work / "site-without"))
        with_history.append(mkdocs(root, "mkdocs.yml", work / "site-with"))
    whole = editions(root, work / "site-editions")
    site = work / "site-editions"
    sizes = {
        "current pages and assets": size(site, lambda p: not p.startswith("editions/") and not _HISTORY_PAGE.search(p)),
        "history pages": size(site, lambda p: not p.startswith("editions/") and bool(_HISTORY_PAGE.search(p))),
        "editions (4)": size(site, lambda p: p.startswith("editions/")),
        "whole site": size(site),
    }
    return Result(pages, median(without), median(with_history), whole, sizes)


def report(result: Result) -> int:
    base, history, whole = result.without, result.with_history, result.with_editions
    editions = Run(seconds=(whole.seconds - history.seconds) / 4, peak_mb=0, cpu=(whole.cpu - history.cpu) / 4)
    print("| build | wall (s) | CPU (s) | CPU against the build without history | peak MB |")
    print("|---|---|---|---|---|")
    rows = [
        ("without history", base), ("with history", history),
        ("`procedures build --editions` (the site with history, then 4 editions)", whole),
        ("each edition (the difference, over 4)", editions),
    ]
    for name, run in rows:
        peak = f"{run.peak_mb:.0f}" if run.peak_mb else ""
        wall = f"{run.seconds:.1f}" if run is not editions else ""  # a difference of wall times is load, not cost
        print(f"| {name} | {wall} | {run.cpu:.1f} | {run.cpu / base.cpu:.2f} | {peak} |")
    print()
    print("| part of the site | MB | HTML pages |")
    print("|---|---|---|")
    for name, (count, html) in result.sizes.items():
        print(f"| {name} | {count / 1e6:.1f} | {html:,} |")
    print()
    values = {
        "history adds (share of the build without it)": history.cpu / base.cpu - 1,
        "editions, each (share of the build without history)": editions.cpu / base.cpu,
    }
    failed = False
    for name, value in values.items():
        limit = TARGETS[name]
        about = name.startswith("editions")
        ok = value <= limit * 1.15 if about else value <= limit  # "about one build each"
        failed |= not ok
        print(f"{name}, in CPU time: {value:.2f} (target {'about' if about else 'at most'} {limit}) {'met' if ok else 'NOT MET'}")
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description="History and editions benchmark.")
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=2, help="A B rounds of the two builds (default 2)")
    args = parser.parse_args()
    print(f"History benchmark on {platform.node()} ({os.cpu_count()} cores, Python {platform.python_version()}), "
          f"{time.strftime('%Y-%m-%d')}: N = {args.pages} pages x {VERSIONS} versions, {len(RELEASES)} editions, "
          f"T = {TERMS} glossary terms; medians of {args.rounds} A B rounds.", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-history-") as tmp:
        result = measure(args.pages, args.rounds, Path(tmp))
    print()
    return report(result)


if __name__ == "__main__":
    raise SystemExit(main())
