"""The glossary linker's cost: against Python-Markdown's abbr, and as a share of a whole build.

On the synthetic manual (N = 500 pages) with T = 50 and T = 300 terms, it converts every page's
Markdown three times: without either extension (the baseline), with our linker, and with the
`abbr` extension given the same terms. Each extension's cost is its time above the baseline.

    python -m benchmarks.glossary_bench
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import markdown

from generator.core.frontmatter import split
from generator.glossary import GlossaryExtension, LinkContext, Matcher
from generator.glossary.model import Glossary, Term

from .synthetic import write_manual

PAGES = 500
EXTENSIONS = ["tables", "admonition", "attr_list", "toc"]


def convert_all(bodies: list[str], make) -> float:
    """Seconds to convert every body with a fresh Markdown from ``make`` (best of 3)."""
    times = []
    for _ in range(3):
        md = make()
        start = time.perf_counter()
        for body in bodies:
            md.reset()
            md.convert(body)
        times.append(time.perf_counter() - start)
    return min(times)


def measure(terms: int, workdir: Path) -> dict[str, float]:
    root = workdir / f"manual-{terms}"
    manual = write_manual(root, PAGES, terms)
    bodies = [split((root / uri).read_text(encoding="utf-8")).body for uri in manual.pages]
    glossary = Glossary("glossary.yml", [
        Term(t["term"], t["definition"], acronym=t.get("acronym", "")) for t in manual.terms
    ])
    matcher = Matcher(glossary)  # compiled once per build, as in the plugin

    def ours():
        extension = GlossaryExtension()
        extension.context = LinkContext(matcher, href=lambda term: f"glossary.md#{term.anchor}")
        md = markdown.Markdown(extensions=[*EXTENSIONS, extension])
        original = md.reset

        def reset():  # a new page: "first use" starts again
            extension.context.used.clear()
            return original()

        md.reset = reset
        return md

    abbreviations = {t.term: t.definition for t in glossary.terms}
    abbreviations.update({t.acronym: t.definition for t in glossary.terms if t.acronym})
    baseline = convert_all(bodies, lambda: markdown.Markdown(extensions=EXTENSIONS))
    linker = convert_all(bodies, ours) - baseline
    abbr = convert_all(bodies, lambda: markdown.Markdown(extensions=[*EXTENSIONS, "abbr"],
                                                        extension_configs={"abbr": {"glossary": abbreviations}})) - baseline
    result = {"terms": terms, "linker_s": linker, "abbr_s": abbr, "per_page_ms": 1000 * linker / PAGES}
    if terms == 300:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(workdir / "site")], cwd=root, check=True,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True)
        result["build_s"] = time.perf_counter() - start
    return result


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="glossary-bench-") as tmp:
        rows = [measure(t, Path(tmp)) for t in (50, 300)]
    print(f"Glossary linker on {PAGES} synthetic pages (conversion time above plain Markdown, best of 3)")
    print()
    print("| terms | linker (s) | abbr (s) | linker/abbr | linker ms/page |")
    print("|---|---|---|---|---|")
    for r in rows:
        # abbr matches terms only as written (case-sensitively), so with few terms it may find none.
        ratio = f"{r['linker_s'] / r['abbr_s']:.2f}" if r["abbr_s"] > 0.05 else "n/a (abbr found almost nothing)"
        print(f"| {r['terms']} | {r['linker_s']:.2f} | {max(r['abbr_s'], 0):.2f} | {ratio} | {r['per_page_ms']:.2f} |")
    big = rows[-1]
    share = big["linker_s"] / big["build_s"]
    growth = rows[1]["per_page_ms"] / rows[0]["per_page_ms"]
    print()
    checks = [
        (f"linking's share of the whole build at T=300: {100 * share:.1f}% (build {big['build_s']:.1f} s)",
         share <= 0.05, "<= 5%"),
        (f"linker/abbr at T=300: {big['linker_s'] / big['abbr_s']:.2f}", big["linker_s"] / big["abbr_s"] <= 1.5, "<= 1.5"),
        (f"per-page cost T=300 / T=50: {growth:.2f}", growth <= 1.5, "<= 1.5 (does not grow with T)"),
    ]
    for text, ok, target in checks:
        print(f"{text} (target {target}) {'met' if ok else 'NOT MET'}")
    return 0 if all(ok for _, ok, _ in checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
