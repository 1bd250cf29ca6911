"""The glossary page of a real glossary: terms that start with a digit or a quote, with brackets, an
ampersand, a slash, a curly apostrophe or a name of more than 80 characters (the demo's glossary
has one of each). Every group has a visible name in the jump list and the table of contents, and
axe finds nothing at either width, with the page opened at the 0–9 group."""

from __future__ import annotations

import pytest

from .helpers import run_axe, settle, visit
from .pages import BY_NAME, WIDTHS

GLOSSARY = BY_NAME["glossary"]

# The shapes, by the anchor of a demo term that has each.
SHAPES = {
    "a digit first": "0-19-health-and-wellbeing-service",
    "a quote first": "was-not-brought",
    "brackets": "children-missing-education-cme",
    "an ampersand": "accident-emergency",
    "a slash": "parentcarer",
    "a curly apostrophe": "childrens-guardian",
    "more than 80 characters": "the-child-safeguarding-practice-review-and-relevant-agency-england-regulations-2018",
}

# Every link within the page, with the name a screen reader gives it.
IN_PAGE_LINKS = """() => [...document.querySelectorAll('a[href^="#"]')]
  .filter(a => a.getClientRects().length || a.closest('.md-nav--secondary'))
  .map(a => ({href: a.getAttribute('href'), name: (a.getAttribute('aria-label') || a.textContent).trim(),
              toc: !!a.closest('.md-nav--secondary'), jump: !!a.closest('.pm-glossary-letters')}))"""


@pytest.mark.parametrize("width", list(WIDTHS))
def test_glossary_groups_are_named_and_the_page_passes_axe(new_page, server, axe_source, width):
    server.require_glossary()
    page = new_page(width)
    visit(page, server, GLOSSARY)
    for shape, anchor in SHAPES.items():
        assert page.locator(f'h3[id="{anchor}"]').count() == 1, f"the demo glossary has no term with {shape} (#{anchor})"

    links = page.evaluate(IN_PAGE_LINKS)
    unnamed = [link["href"] for link in links if not link["name"]]
    assert not unnamed, f"links without a name: {unnamed}"
    for where in ("jump", "toc"):
        named = {link["href"]: link["name"] for link in links if link[where]}
        assert named.get("#letter-0-9") == "0–9", f"the 0–9 group in the {where} links: {named}"

    page.locator(".pm-glossary-letters a", has_text="0–9").click()
    settle(page)
    heading = page.locator('h2[id="letter-0-9"]')
    assert heading.inner_text().replace("¶", "").strip() == "0–9"
    assert heading.is_visible()
    violations = run_axe(page, axe_source)
    assert not violations, "axe-core found WCAG A/AA violations:\n" + "\n".join(violations)
