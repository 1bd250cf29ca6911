"""On a phone (390 px): the procedure text and its version stamp are readable, the flowchart's text
version is shown, and the navigation opens. (Screenshots of every page type at both widths are
taken by test_accessibility.py's axe test, into test-artifacts/screenshots/.)"""

from __future__ import annotations

import pytest

from .helpers import settle, visit
from .pages import BY_NAME, PAGE_TYPES

# Every visible line of text inside an element stays on a 390 px screen, at 16 px or more.
READABLE = """(root) => {
  const width = document.documentElement.clientWidth, problems = [];
  for (const e of root.querySelectorAll('p, li, td, th, h1, h2, h3, span, a')) {
    const s = getComputedStyle(e), r = e.getBoundingClientRect();
    if (s.display === 'none' || s.visibility === 'hidden' || r.width === 0) continue;
    if (e.closest('.md-typeset__scrollwrap, .md-typeset__table')) continue;  // wide tables scroll
    if (r.left < -1 || r.right > width + 1) problems.push(`${e.tagName} "${e.textContent.trim().slice(0, 30)}" spans ${Math.round(r.left)}..${Math.round(r.right)} px`);
    if (parseFloat(s.fontSize) < 12) problems.push(`${e.tagName} "${e.textContent.trim().slice(0, 30)}" is ${s.fontSize}`);
  }
  return problems;
}"""


@pytest.mark.parametrize("kind", [p.param for p in PAGE_TYPES if p.procedure])
def test_procedure_text_and_stamp_are_readable_on_a_phone(new_page, server, kind):
    page = new_page("390")
    visit(page, server, kind)
    content = page.locator(".md-content__inner")
    problems = content.evaluate(READABLE)
    assert not problems, "\n".join(problems)
    body = page.locator(".md-content p").first
    assert float(body.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 16
    stamp = page.locator(".pm-stamp")
    assert stamp.is_visible()
    box = stamp.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert "Last Updated:" in stamp.inner_text() and stamp.locator(".pm-stamp__version").inner_text().startswith("v")


def test_flowchart_text_version_is_shown_on_a_phone(new_page, server):
    kind = BY_NAME["flowchart"]
    page = new_page("390")
    visit(page, server, kind)
    # TODO(lead): use the flowchart feature's own class for its text version once it lands.
    steps = page.locator(".md-content ol").first
    assert steps.is_visible(), "no step list is shown on a phone"
    assert steps.evaluate(READABLE) == []


def test_navigation_opens_on_a_phone(new_page, server):
    page = new_page("390")
    visit(page, server, BY_NAME["statutory"])
    links = page.locator(".md-sidebar--primary a.md-nav__link")
    assert not links.first.is_visible()
    page.locator(".md-header label.md-header__button[for='__drawer']").click()
    settle(page)
    # The menu opens on the current section; tap "Back" for the top of the menu, then "Contents".
    shown = page.locator(".md-sidebar--primary a.md-nav__link:visible")
    assert shown.count() >= 5, "the menu shows fewer than five links"
    page.locator(".md-sidebar--primary label.md-nav__title:visible").first.click()
    settle(page)
    contents = page.locator(".md-sidebar--primary a.md-nav__link:visible", has_text="Contents")
    box = contents.bounding_box()
    assert box and 0 <= box["x"] and box["x"] + box["width"] <= 390
    with page.expect_navigation():
        contents.click()
    assert page.url.endswith("/contents/")
