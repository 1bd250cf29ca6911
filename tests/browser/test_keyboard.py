"""Keyboard use: the skip link first, the menu and the search from the keyboard, focus always
visible, and every glossary term reachable with its definition shown on focus."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from .helpers import (GLOSSARY_LINKS, SEARCH_INPUT, focus_problem, focused, settle, visit,
                      wait_for_results, wait_for_search_index, without_transitions)
from .pages import BY_NAME, PROCEDURE, WIDTHS, pages_and_widths

MAX_TABS = 250  # more stops than any page has; the walk ends when focus comes back round


def tab(page) -> dict | None:
    page.keyboard.press("Tab")
    return focused(page)


@pytest.mark.parametrize(("kind", "width"), pages_and_widths())
def test_skip_link_comes_first_and_focus_is_always_visible(new_page, server, kind, width):
    """The first Tab reaches "Skip to content", which leads to the page's text; then Tab on: every
    stop is on screen, uncovered, with an outline or a box-shadow.

    The header, navigation and table of contents are the same on every page, so the whole round is
    walked on the procedure page only; on other pages the walk covers the text and the footer.
    """
    page = new_page(width)
    visit(page, server, kind)
    first = tab(page)
    assert first is not None, "the first Tab focused nothing"
    assert focus_problem(first) is None, focus_problem(first)
    if kind.skip_link:
        assert "md-skip" in first["cls"], f"the first Tab reached {first['label']!r}, not the skip link"
        assert first["label"] == "Skip to content"
        page.keyboard.press("Enter")
        settle(page)
        assert urlsplit(page.url).fragment == first["href"].lstrip("#")
    else:
        # No headings, so Material adds no skip link: start the walk at the page's text.
        page.locator(".md-content h1").click()

    without_transitions(page)
    whole = kind == PROCEDURE
    problems, seen = [], []
    for _ in range(MAX_TABS):
        info = tab(page)
        if info is None:
            break
        key = (info["tag"], info["cls"], info["label"], info["href"])
        in_text = page.evaluate("() => !!document.activeElement.closest('.md-content, .md-footer')")
        if not seen and kind.skip_link:
            assert in_text, f"after the skip link, Tab went to {info['label']!r}, outside the page's text"
        if seen and key == seen[0]:
            break  # round again
        if not whole and not in_text:
            break  # past the footer
        seen.append(key)
        problem = focus_problem(info)
        if problem:
            problems.append(problem)
    assert len(seen) >= (10 if whole else 1), f"Tab reached only {seen}"
    assert not problems, f"{len(problems)} of {len(seen)} focus stops cannot be seen:\n" + "\n".join(problems)


def tab_to(page, predicate, what: str, limit: int = 40) -> dict:
    for _ in range(limit):
        info = tab(page)
        if info and predicate(info):
            return info
    raise AssertionError(f"Tab never reached {what}")


@pytest.mark.parametrize("width", list(WIDTHS))
def test_search_opens_and_works_from_the_keyboard(new_page, server, width):
    page = new_page(width)
    visit(page, server, BY_NAME["home"])
    if width == "390":
        # On a phone the search box is folded away: Tab to the header's search button and press Enter.
        tab_to(page, lambda i: i["label"] == "Search" and i["tag"] == "label", "the search button")
        page.keyboard.press("Enter")
        settle(page)
    else:
        tab_to(page, lambda i: "md-search__input" in i["cls"], "the search box")
    assert page.evaluate("s => document.activeElement === document.querySelector(s)", SEARCH_INPUT), \
        "the search box does not have focus"
    assert page.locator(SEARCH_INPUT).is_visible()
    wait_for_search_index(page)
    page.keyboard.type("section 47", delay=30)
    pages = wait_for_results(page, "section 47")
    assert pages and pages[0] == "/statutory/section-47-enquiries/", pages

    # Arrow down to the first result, with a visible focus, and open it with Enter.
    page.keyboard.press("ArrowDown")
    settle(page)
    info = focused(page)
    assert info and "md-search-result__link" in info["cls"], info
    assert focus_problem(info) is None, focus_problem(info)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/statutory/section-47-enquiries/"

    # "/" opens the search from anywhere on a page, and Escape closes it.
    page = new_page(width)
    visit(page, server, BY_NAME["home"])
    wait_for_search_index(page)
    page.keyboard.press("/")
    page.wait_for_function("s => document.getElementById('__search').checked && document.activeElement === document.querySelector(s)",
                           arg=SEARCH_INPUT)
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('__search').checked")


def test_menu_opens_and_closes_from_the_keyboard_on_a_phone(new_page, server):
    page = new_page("390")
    visit(page, server, PROCEDURE)
    button = tab_to(page, lambda i: i["label"] == "Menu", "the menu button")
    assert focus_problem(button) is None, focus_problem(button)
    menu = page.locator(".md-header label.md-header__button[for='__drawer']")
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    first = focused(page)
    assert page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"), \
        f"opening the menu moved focus to {first}, not into the menu"
    assert focus_problem(first) is None, focus_problem(first)

    page.keyboard.press("Escape")
    settle(page)
    assert menu.get_attribute("aria-expanded") == "false"
    assert not page.locator(".md-sidebar--primary a.md-nav__link").first.is_visible()
    assert focused(page)["label"] == "Menu", "closing the menu did not give focus back to its button"


def test_whole_menu_is_usable_from_the_keyboard_on_a_phone(new_page, server):
    """Material's phone menu slides panels in and out; every one must be reachable and visible."""
    page = new_page("390")
    visit(page, server, PROCEDURE)
    page.locator(".md-header label.md-header__button[for='__drawer']").focus()
    page.keyboard.press("Enter")

    # Every stop inside the open menu is visible, until Tab leaves it (which closes it).
    problems, stops = [], []
    for _ in range(MAX_TABS):
        info = focused(page)
        if not page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"):
            break
        stops.append(info["label"])
        if focus_problem(info):
            problems.append(focus_problem(info))
        page.keyboard.press("Tab")
    assert len(stops) > 5, stops
    assert not problems, "\n".join(problems)
    assert not page.evaluate("() => document.getElementById('__drawer').checked"), "the menu stayed open behind the focus"

    # Back to the top of the menu, into another section, and on to one of its pages.
    page.locator(".md-header label.md-header__button[for='__drawer']").focus()
    page.keyboard.press("Enter")
    for _ in range(10):
        info = focused(page)
        if info["label"].startswith("Back"):
            break
        page.keyboard.press("Shift+Tab")
    assert info["label"].startswith("Back"), info
    page.keyboard.press("Enter")
    section = tab_to(page, lambda i: "Supplementary" in i["label"], "the Supplementary section")
    if section["tag"] == "label":
        # A section that opens as a panel: focus moves to its first page.
        page.keyboard.press("Enter")
        section = focused(page)
        assert focus_problem(section) is None, focus_problem(section)
        assert re.match(r"\d+\.1 ", section["label"]), f"opening the section moved focus to {section['label']!r}"
    # A link (a closed chapter, or a page in the panel) leads to a supplementary page.
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path.startswith("/supplementary/")


# --- glossary terms -----------------------------------------------------------------------------

DESCRIPTION = """e => {
  const ids = (e.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
  const parts = ids.map(id => document.getElementById(id)).filter(Boolean).map(n => n.textContent);
  return (parts.join(' ') || e.getAttribute('aria-description') || e.getAttribute('title') || '').replace(/\\s+/g, ' ').trim();
}"""

SHOWN = """(e, text) => {
  const visible = n => { const r = n.getBoundingClientRect(), s = getComputedStyle(n);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && parseFloat(s.opacity) > 0; };
  const probe = text.slice(0, 40);
  return [...document.querySelectorAll('body *')].some(n => n !== e && !e.contains(n) && !n.contains(e)
    && n.textContent.replace(/\\s+/g, ' ').includes(probe) && visible(n));
}"""


@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_glossary_term_is_reached_by_tab_and_explained(new_page, server, width):
    from playwright.sync_api import expect  # here, so that the suite skips cleanly without Playwright

    server.require_glossary()
    page = new_page(width)
    visit(page, server, PROCEDURE)
    terms = page.locator(GLOSSARY_LINKS)
    count = terms.count()
    assert count > 0, f"{PROCEDURE.path} links no glossary term although the site has a glossary"
    reached = set()
    page.locator(".md-content h1").click()  # start the walk at the page's text
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        settle(page)
        index = page.evaluate(
            "s => [...document.querySelectorAll(s)].indexOf(document.activeElement)", GLOSSARY_LINKS)
        if index < 0:
            if not page.evaluate("() => !!document.activeElement.closest('.md-content')"):
                break
            continue
        reached.add(index)
        term = terms.nth(index)
        description = term.evaluate(DESCRIPTION)
        assert description, f"glossary term {term.inner_text()!r} has no accessible description"
        expect(term).to_have_accessible_description(re.compile(re.escape(description[:40])))
        assert term.evaluate(SHOWN, description), f"the definition of {term.inner_text()!r} is not shown on focus"
        assert focus_problem(focused(page)) is None
    assert reached == set(range(count)), f"Tab reached {len(reached)} of {count} glossary terms"


# Focus a footer link and ask, in the same moment (before any script can react to the scroll that
# focus causes), what is drawn at its centre: null when it is the link itself.
_COVER_AFTER_FOCUS = """(i) => {
  const link = document.querySelectorAll('.md-footer a')[i];
  link.focus();
  const r = link.getBoundingClientRect();
  const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
  return !hit || hit === link || link.contains(hit) ? null : `${link.textContent.trim()} under ${hit.tagName}.${hit.className}`;
}"""


@pytest.mark.parametrize("kind", [BY_NAME["home"], PROCEDURE], ids=lambda k: k.name)
def test_footer_links_are_never_under_a_sidebar(new_page, server, kind):
    """Material shortens the sticky sidebars with JavaScript after the page scrolls. Until that
    script has run, a sidebar reaches over the footer; the walk above met this now and then. Each
    footer link must be on top the moment Tab brings it into view (WCAG 2.4.11)."""
    page = new_page("1280")
    visit(page, server, kind)
    count = page.locator(".md-footer a").count()
    assert count > 0
    for index in range(count):
        visit(page, server, kind)  # from the top again, as a reader tabbing down would come
        assert page.evaluate(_COVER_AFTER_FOCUS, index) is None
