"""`make bench`: our full build against stock Material on the same synthetic manual.

For each size N (100, 500 and 2,000 pages; 300 glossary terms) it builds the manual with our
plugin (every feature on) and with stock Material (no plugin of ours), in turn A B A B, each in a
fresh process, and prints one table of medians: build time, ours/stock, per-page cost, peak
memory, the time of `procedures check`, and a `serve --dirty` style rebuild after one page
changes (through MkDocs' own build(dirty=True) path, with the generated pages checked).

    python -m benchmarks.build_bench            # N = 100, 500, 2000 (about 12 minutes here)
    python -m benchmarks.build_bench --quick    # N = 100, 500
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

from .synthetic import write_manual

TERMS = 300
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
REPO = Path(__file__).resolve().parent.parent
ENV["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH", "")]))

TARGETS = {
    "ours/stock at N=500": ("<=", 0.6),
    "t(2000)/t(500)": ("<=", 4.5),
    "peak memory ours/stock at N=2000": ("<=", 1.5),
    "one-page rebuild at N=500 (s)": ("<=", 3.0),
    "procedures check at N=2000 (s)": ("<", 5.0),
}


@dataclass
class Run:
    seconds: float  # wall time
    peak_mb: float
    cpu: float = 0.0  # user and system time, with the child processes'


@dataclass
class Row:
    pages: int
    ours: list[Run] = field(default_factory=list)
    stock: list[Run] = field(default_factory=list)
    check_s: float = 0.0
    rebuild_s: float | None = None
    rebuild_ok: bool | None = None

    def median(self, runs: list[Run], attr: str) -> float:
        return statistics.median(getattr(r, attr) for r in runs)


def timed(cmd: list[str], cwd: Path) -> Run:
    """Run ``cmd``: its wall time, peak resident memory and CPU time. A failure stops the bench
    (exit status 1 is allowed for `procedures check`, which reports problems with it)."""
    start = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    stderr = process.stderr.read().decode() if process.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1) or (code == 1 and "check" not in cmd):
        raise SystemExit(f"{' '.join(cmd)} failed ({code}):\n{stderr[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


def build(root: Path, config: str, site: Path) -> Run:
    shutil.rmtree(site, ignore_errors=True)
    return timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)], root)


REBUILD = textwrap.dedent('''
    import json, sys, time
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root, site = Path(sys.argv[1]), sys.argv[2]
    def get_config():  # as `mkdocs serve` does for every rebuild
        return load_config(str(root / "mkdocs.yml"), site_dir=site)
    config = get_config()
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    page = root / "statutory" / "page-0000.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("title: Synthetic Procedure 0000", "title: Renamed Procedure 0000", 1), encoding="utf-8")
    start = time.perf_counter()
    build(get_config(), dirty=True)
    seconds = time.perf_counter() - start
    page.write_text(text, encoding="utf-8")
    contents = (Path(site) / "contents" / "index.html").read_text(encoding="utf-8")
    topics = (Path(site) / "topics" / "index.html").read_text(encoding="utf-8")
    own = (Path(site) / "statutory" / "page-0000" / "index.html").read_text(encoding="utf-8")
    ok = all("Renamed Procedure 0000" in html for html in (contents, topics, own))
    print(json.dumps({"seconds": seconds, "ok": ok}))
''')


def rebuild(root: Path) -> tuple[float, bool]:
    site = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    try:
        out = subprocess.run([sys.executable, "-c", REBUILD, str(root), str(site)], env=ENV,
                             capture_output=True, text=True, check=True).stdout
    finally:
        shutil.rmtree(site, ignore_errors=True)
    result = json.loads(out.strip().splitlines()[-1])
    return result["seconds"], result["ok"]


def measure(pages: int, rounds: int, workdir: Path, with_rebuild: bool) -> Row:
    root = workdir / f"manual-{pages}"
    write_manual(root, pages, TERMS)
    row = Row(pages)
    for _ in range(rounds):  # A B A B: load drift hits both alike
        row.ours.append(build(root, "mkdocs.yml", workdir / "site-ours"))
        row.stock.append(build(root, "mkdocs-stock.yml", workdir / "site-stock"))
    row.check_s = timed([sys.executable, "-m", "generator", "-C", str(root), "check"], root).seconds
    if with_rebuild:
        row.rebuild_s, row.rebuild_ok = rebuild(root)
    shutil.rmtree(root, ignore_errors=True)
    return row


def table(rows: list[Row]) -> str:
    head = ("pages", "ours (s)", "stock (s)", "ours/stock", "ours ms/page", "stock ms/page",
            "ours MB", "stock MB", "check (s)", "1-page rebuild (s)")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        ours, stock = r.median(r.ours, "seconds"), r.median(r.stock, "seconds")
        rebuild = "" if r.rebuild_s is None else f"{r.rebuild_s:.2f}{'' if r.rebuild_ok else ' (WRONG PAGES)'}"
        lines.append("| " + " | ".join([
            f"{r.pages:,}", f"{ours:.1f}", f"{stock:.1f}", f"{ours / stock:.2f}",
            f"{1000 * ours / r.pages:.0f}", f"{1000 * stock / r.pages:.0f}",
            f"{r.median(r.ours, 'peak_mb'):.0f}", f"{r.median(r.stock, 'peak_mb'):.0f}",
            f"{r.check_s:.2f}", rebuild,
        ]) + " |")
    return "\n".join(lines)


def results(rows: list[Row]) -> dict[str, float]:
    by = {r.pages: r for r in rows}
    out: dict[str, float] = {}
    if 500 in by:
        r = by[500]
        out["ours/stock at N=500"] = r.median(r.ours, "seconds") / r.median(r.stock, "seconds")
        if r.rebuild_s is not None:
            out["one-page rebuild at N=500 (s)"] = r.rebuild_s
    if 500 in by and 2000 in by:
        out["t(2000)/t(500)"] = by[2000].median(by[2000].ours, "seconds") / by[500].median(by[500].ours, "seconds")
        r = by[2000]
        out["peak memory ours/stock at N=2000"] = r.median(r.ours, "peak_mb") / r.median(r.stock, "peak_mb")
        out["procedures check at N=2000 (s)"] = r.check_s
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description="Build benchmark: ours against stock Material.")
    parser.add_argument("--quick", action="store_true", help="N = 100 and 500 only")
    parser.add_argument("--rounds", type=int, default=2, help="A B rounds per size (default 2)")
    args = parser.parse_args()
    sizes = (100, 500) if args.quick else (100, 500, 2000)
    print(f"Build benchmark on {platform.node()} ({os.cpu_count()} cores, Python {platform.python_version()}), "
          f"{time.strftime('%Y-%m-%d')}; T = {TERMS} glossary terms; medians of {args.rounds} A B rounds.", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        rows = []
        for pages in sizes:
            rows.append(measure(pages, args.rounds, Path(tmp), with_rebuild=pages == 500))
            print(f"  N = {pages} done", flush=True)
    print()
    print(table(rows))
    print()
    failed = False
    for name, value in results(rows).items():
        op, limit = TARGETS[name]
        ok = value <= limit if op == "<=" else value < limit
        failed |= not ok
        print(f"{name}: {value:.2f} (target {op} {limit}) {'met' if ok else 'NOT MET'}")
    if any(r.rebuild_ok is False for r in rows):
        print("The one-page rebuild left a generated page wrong.")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
