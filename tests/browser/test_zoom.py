"""Zoom: nothing spills off the side of the screen
- with text zoomed to 200% at 1280 px (WCAG 1.4.4). Text-only zoom is the browser's default font
  size doubled (16 px to 32 px), set through the DevTools protocol as a reader's "font size"
  setting does; Material's rem sizes and em breakpoints follow it;
- with the whole page zoomed to 400% at 1280 px, which is a 320 px wide screen (WCAG 1.4.10).
"""

from __future__ import annotations

import pytest

from .helpers import settle, visit
from .pages import all_pages

# Elements reaching past the right edge of the viewport, unless a scrolling box (a wide table's
# own scroll bar) holds them. Material hides the page's horizontal scroll bar (overflow-x: hidden on
# <html>), so overflow would be cut off rather than scroll: measure the elements themselves.
SPILLS = """() => {
  const width = document.documentElement.clientWidth, found = [];
  const scrolls = e => { for (let n = e.parentElement; n && n !== document.body; n = n.parentElement) {
      const o = getComputedStyle(n).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
    return false; };
  for (const e of document.querySelectorAll('body *')) {
    const s = getComputedStyle(e);
    if (s.display === 'none' || s.visibility === 'hidden') continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= width + 1) continue;
    if (scrolls(e)) continue;
    found.push(`<${e.tagName.toLowerCase()} class="${e.className}"> right edge at ${Math.round(r.right)} px`);
  }
  return {width, scrollWidth: document.documentElement.scrollWidth, found: found.slice(0, 20),
          rootFont: parseFloat(getComputedStyle(document.documentElement).fontSize)};
}"""


@pytest.mark.parametrize("kind", all_pages())
def test_text_at_200_percent_needs_no_horizontal_scrolling(new_page, server, kind):
    page = new_page("1280")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Page.enable")
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    visit(page, server, kind)
    settle(page)
    result = page.evaluate(SPILLS)
    assert result["rootFont"] >= 2 * 16 * 1.25 - 1, f"the text was not zoomed: root font {result['rootFont']} px"
    assert result["scrollWidth"] <= result["width"], result
    assert not result["found"], f"at 200% text, parts of {kind.path} spill off a {result['width']} px screen:\n" + \
        "\n".join(result["found"])


@pytest.mark.parametrize("kind", all_pages())
def test_page_zoomed_to_400_percent_reflows_into_320_px(browser, server, kind):
    context = browser.new_context(viewport={"width": 320, "height": 256})
    try:
        page = context.new_page()
        visit(page, server, kind)
        result = page.evaluate(SPILLS)
        assert result["width"] == 320
        assert result["scrollWidth"] <= result["width"], result
        assert not result["found"], f"at 400% zoom, parts of {kind.path} spill off the screen:\n" + "\n".join(result["found"])
    finally:
        context.close()
