"""Page weight: a procedure page's HTML, CSS and JS, as Chromium downloads them, stay within the
budget recorded in the README. The search index is counted apart (benchmarks/page_weight.py, which
`make bench` runs, prints both)."""

from __future__ import annotations

import gzip
import importlib.util
import sys
from urllib.parse import urlsplit

from .helpers import REPO, visit, wait_for_search_index
from .pages import PROCEDURE

# The budget (see "Page weight" in the README). Measured: 345 KB raw and 81 KB gzipped on the
# stand-in manual, 366 KB and 87 KB on the demo with its flowcharts; Material's own CSS and JS are
# 296 KB and 70 KB of that.
BUDGET_RAW = 450 * 1024
BUDGET_GZIPPED = 100 * 1024
COUNTED = {"document", "stylesheet", "script"}


def page_weight_module():
    spec = importlib.util.spec_from_file_location("page_weight", REPO / "benchmarks" / "page_weight.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_procedure_page_stays_within_its_budget(new_page, server):
    page = new_page("1280")
    loaded: dict[str, bytes] = {}

    def on_response(response):
        path = urlsplit(response.url).path
        if response.request.resource_type in COUNTED and response.ok and not path.endswith("search_index.json"):
            loaded[path] = response.body()

    page.on("response", on_response)
    visit(page, server, PROCEDURE)
    wait_for_search_index(page)  # the search worker has been loaded and has fetched the index

    raw = sum(len(body) for body in loaded.values())
    gzipped = sum(len(gzip.compress(body, compresslevel=6, mtime=0)) for body in loaded.values())
    listing = "\n".join(f"{len(body):>9,} {path}" for path, body in loaded.items())
    assert raw <= BUDGET_RAW, f"{raw:,} bytes is over the budget of {BUDGET_RAW:,}:\n{listing}"
    assert gzipped <= BUDGET_GZIPPED, f"{gzipped:,} bytes gzipped is over the budget of {BUDGET_GZIPPED:,}:\n{listing}"

    # The benchmark script counts exactly what the browser loaded.
    counted = page_weight_module().page_assets(server.root, PROCEDURE.built)
    assert {"/" + a.path.removesuffix("index.html") for a in counted} == set(loaded), listing
    assert sum(a.raw for a in counted) == raw
