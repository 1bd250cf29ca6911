"""Glossary tooltips against WCAG 1.4.13 (content on hover or focus) and reflow:

- dismissible: Escape hides an open definition, shown by hover or by focus, and focus stays put;
- hoverable: the pointer can move from the term onto the definition without it closing;
- on a 390 px phone, a definition opened near the right edge stays on the screen.
"""

from __future__ import annotations

from .helpers import GLOSSARY_LINKS, settle, visit, without_transitions
from .pages import PROCEDURE

TIP = "xpath=following-sibling::*[contains(concat(' ', @class, ' '), ' pm-term__tip ')]"

# The term link furthest to the right on the screen, scrolled into view first.
RIGHTMOST = """s => {
  let best = -1, left = -1;
  document.querySelectorAll(s).forEach((e, i) => {
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.left > left) { best = i; left = r.left; }
  });
  return best;
}"""

BOX = """e => { const r = e.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width,
          viewport: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth}; }"""


def open_procedure(new_page, server, width: str = "1280"):
    server.require_glossary()
    page = new_page(width)
    visit(page, server, PROCEDURE)
    without_transitions(page)
    terms = page.locator(GLOSSARY_LINKS)
    assert terms.count() > 0, f"{PROCEDURE.path} links no glossary term although the site has a glossary"
    return page, terms


def test_escape_dismisses_a_tooltip_opened_by_focus_and_focus_stays(new_page, server):
    page, terms = open_procedure(new_page, server)
    term = terms.first
    tip = term.locator(TIP)
    term.focus()
    settle(page)
    assert tip.is_visible(), "the definition is not shown on focus"
    page.keyboard.press("Escape")
    settle(page)
    assert not tip.is_visible(), "Escape did not hide the definition"
    assert term.evaluate("e => e === document.activeElement"), "Escape moved focus away from the term"
    # Moving focus away and back shows it again.
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    settle(page)
    assert term.evaluate("e => e === document.activeElement")
    assert tip.is_visible(), "the definition did not come back when the term was focused again"


def test_escape_dismisses_a_tooltip_opened_by_hover(new_page, server):
    page, terms = open_procedure(new_page, server)
    term = terms.first
    tip = term.locator(TIP)
    term.scroll_into_view_if_needed()
    term.hover()
    settle(page)
    assert tip.is_visible(), "the definition is not shown on hover"
    page.keyboard.press("Escape")
    settle(page)
    assert not tip.is_visible(), "Escape did not hide the definition shown on hover"
    page.mouse.move(5, 5)
    term.hover()
    settle(page)
    assert tip.is_visible(), "the definition did not come back when the pointer returned"


def test_the_pointer_can_move_onto_the_tooltip(new_page, server):
    page, terms = open_procedure(new_page, server)
    term = terms.first
    tip = term.locator(TIP)
    term.scroll_into_view_if_needed()
    term.hover()
    settle(page)
    link, box = term.evaluate(BOX), tip.evaluate(BOX)
    assert box["top"] >= link["bottom"], "the definition covers the term"
    x = (link["left"] + link["right"]) / 2
    # Straight down from the middle of the term to inside the definition, pixel by pixel.
    page.mouse.move(x, link["bottom"] - 2)
    page.mouse.move(x, box["top"] + 4, steps=max(2, int(box["top"] + 6 - link["bottom"])))
    settle(page)
    assert tip.is_visible(), "the definition closed while the pointer moved from the term onto it"
    assert tip.evaluate("e => e.matches(':hover')"), "the pointer is not over the definition"


def test_a_tooltip_near_the_right_edge_stays_on_a_phone_screen(new_page, server):
    page, terms = open_procedure(new_page, server, "390")
    index = page.evaluate(RIGHTMOST, GLOSSARY_LINKS)
    term = terms.nth(index)
    term.scroll_into_view_if_needed()
    index = page.evaluate(RIGHTMOST, GLOSSARY_LINKS)  # positions are final once scrolled
    term = terms.nth(index)
    link = term.evaluate(BOX)
    assert link["left"] > link["viewport"] / 3, f"no term near the right edge on {PROCEDURE.path}: {link}"
    tip = term.locator(TIP)
    for show in ("focus", "hover"):
        page.mouse.move(1, 1)
        page.locator(".md-content h1").click()
        getattr(term, show)()
        settle(page)
        assert tip.is_visible(), f"the definition is not shown on {show}"
        box = tip.evaluate(BOX)
        assert box["left"] >= 0 and box["right"] <= box["viewport"], \
            f"on {show}, the definition runs off the {box['viewport']} px screen: {box}"
        assert box["scrollWidth"] <= box["viewport"], f"on {show}, the page scrolls sideways: {box}"
