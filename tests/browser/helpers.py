"""What the browser tests do to a page: open it, let it settle, run axe, search, and read focus."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from .pages import PageType

REPO = Path(__file__).resolve().parents[2]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@dataclass
class BuiltSite:
    root: Path  # the built site
    kind: str  # "demo", "fixture" (the demo's stand-in) or "realistic"
    site_url: str
    output: str = ""
    base_url: str = ""  # http://127.0.0.1:port, once served

    def has(self, page: PageType) -> bool:
        return page.built is None or (self.root / page.built).is_file()

    def require(self, page: PageType) -> None:
        """Skip a page-type row whose page this build does not have (yet)."""
        if not self.has(page):
            pytest.skip(f"this build has no {page.path} ({page.built}): it comes with {page.feature or 'a later feature'}")

    def url(self, page: PageType | str) -> str:
        path = page if isinstance(page, str) else page.path
        return self.base_url + path

    @property
    def has_glossary(self) -> bool:
        return (self.root / "glossary" / "index.html").is_file()

    def require_glossary(self) -> None:
        if not self.has_glossary:
            pytest.skip("needs the glossary feature (feature/glossary): this build has no glossary page")

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def canonical(self, page: PageType) -> str:
        return self.site_url.rstrip("/") + page.path


# Wait for every running CSS transition and animation (Material slides panels and fades the skip
# link in); capped so that an endless animation cannot hang a test.
_SETTLE = """() => Promise.race([
  Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),
  new Promise(resolve => setTimeout(resolve, 2000)),
])"""


# Links from a page's text to glossary entries (the glossary feature's term links).
# The glossary linker's links (generator/glossary/linker.py).
GLOSSARY_LINKS = ".md-content a.pm-term__link"


def settle(page: Any) -> None:
    page.evaluate(_SETTLE)


def visit(page: Any, site: BuiltSite, kind: PageType) -> Any:
    """Open a page type (skipping the test if this build has no such page) and let it settle."""
    site.require(kind)
    response = page.goto(site.url(kind))
    assert response is not None and response.status == kind.status, f"{kind.path}: HTTP {response and response.status}"
    page.wait_for_load_state("load")
    settle(page)
    return response


# Transitions only delay the final look of a focused element; without them a walk of a hundred
# Tab stops need not wait 125 ms at each (Material fades link colours and permalinks).
NO_TRANSITIONS = """*, *::before, *::after {
  transition-duration: 0s !important; transition-delay: 0s !important;
  animation-duration: 0s !important; animation-delay: 0s !important;
}"""


def without_transitions(page: Any) -> None:
    page.add_style_tag(content=NO_TRANSITIONS)


def run_axe(page: Any, axe_source: str) -> list[str]:
    """axe-core's WCAG 2.0/2.1/2.2 A and AA violations on the page as it is now, one line per element."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    result = page.evaluate("o => axe.run(document, o)", options)
    lines = []
    for violation in result["violations"]:
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"{violation['id']} ({violation['impact']}) at {node['target']}: {summary}")
    return lines


# --- search -------------------------------------------------------------------------------------

SEARCH_INPUT = ".md-search__input"
SEARCH_META = ".md-search-result__meta"
SEARCH_LINKS = "li.md-search-result__item > a.md-search-result__link"


def wait_for_search_index(page: Any) -> None:
    page.wait_for_function(
        "s => { const m = document.querySelector(s); return m && !/Initializing/i.test(m.textContent) }",
        arg=SEARCH_META,
    )


def result_pages(page: Any) -> list[str]:
    """The pages in the search results, in order, as site paths ("/statutory/referrals/")."""
    hrefs = page.locator(SEARCH_LINKS).evaluate_all("els => els.map(e => e.href)")
    pages: list[str] = []
    for href in hrefs:
        path = urlsplit(href).path
        if path not in pages:
            pages.append(path)
    return pages


def wait_for_results(page: Any, query: str) -> list[str]:
    """Wait until the results answer the whole query and stop changing; return their pages."""
    page.wait_for_function(
        """([input, meta, query]) => document.querySelector(input).value === query
             && /match/i.test(document.querySelector(meta).textContent)""",
        arg=[SEARCH_INPUT, SEARCH_META, query],
    )
    previous = None
    for _ in range(20):
        current = (page.locator(SEARCH_META).inner_text(), result_pages(page))
        if current == previous:
            break
        previous = current
        page.wait_for_timeout(100)
    return previous[1] if previous else []


def type_query(page: Any, query: str) -> list[str]:
    """Type a query the way a person does, key by key, into the open search box."""
    box = page.locator(SEARCH_INPUT)
    box.press_sequentially(query, delay=10)
    return wait_for_results(page, query)


def clear_search(page: Any) -> None:
    box = page.locator(SEARCH_INPUT)
    box.press("Control+a")
    box.press("Backspace")


# --- focus --------------------------------------------------------------------------------------

# What is focused, where it is, and whether a focus indicator is drawn (outline or box-shadow).
FOCUSED = """async () => {
  await Promise.race([
    Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),
    new Promise(resolve => setTimeout(resolve, 2000)),
  ]);
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e), r = e.getBoundingClientRect();
  const label = (e.getAttribute('aria-label') || e.innerText || e.value || e.tagName).trim().replace(/\\s+/g, ' ');
  let hidden = false;
  for (let n = e; n; n = n.parentElement) {
    const t = getComputedStyle(n);
    if (t.visibility === 'hidden' || t.display === 'none' || parseFloat(t.opacity) === 0) hidden = true;
  }
  // Covered by something else (a sticky header, another panel)? Ask what is drawn at its centre.
  const cx = r.x + r.width / 2, cy = r.y + r.height / 2;
  let coveredBy = null;
  if (cx >= 0 && cy >= 0 && cx < innerWidth && cy < innerHeight) {
    const hit = document.elementFromPoint(cx, cy);
    if (hit && hit !== e && !e.contains(hit) && !hit.contains(e)) {
      coveredBy = hit.tagName.toLowerCase() + (typeof hit.className === 'string' && hit.className ? '.' + hit.className.split(' ')[0] : '');
    }
  }
  return {
    coveredBy: coveredBy,
    tag: e.tagName.toLowerCase(), cls: typeof e.className === 'string' ? e.className : '',
    label: label.slice(0, 60), href: e.getAttribute('href'),
    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
    shadow: s.boxShadow !== 'none',
    hidden: hidden,
    box: {x: r.x, y: r.y, width: r.width, height: r.height},
    viewport: {width: innerWidth, height: innerHeight},
  };
}"""


def focused(page: Any) -> dict[str, Any] | None:
    """The focused element, once transitions have finished (one round trip to the browser)."""
    return page.evaluate(FOCUSED)


def focus_problem(info: dict[str, Any]) -> str | None:
    """Why a focused element's focus cannot be seen, or None when it can."""
    box, view = info["box"], info["viewport"]
    where = f"<{info['tag']} class='{info['cls']}'> '{info['label']}'"
    if info["hidden"]:
        return f"{where} has focus but is hidden"
    if box["width"] < 1 or box["height"] < 1:
        return f"{where} has focus but no size"
    if box["x"] + box["width"] <= 0 or box["y"] + box["height"] <= 0 or box["x"] >= view["width"] or box["y"] >= view["height"]:
        return f"{where} has focus but is off the screen at {box}"
    if info["coveredBy"]:
        return f"{where} has focus but is covered by <{info['coveredBy']}>"
    if not (info["outline"] or info["shadow"]):
        return f"{where} has focus but no outline or box-shadow"
    return None
