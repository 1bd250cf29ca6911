"""WCAG 2.2 AA: axe-core on every page type at both widths, with the search and a glossary tooltip
open; the accessibility statement, and a link to it from every page."""

from __future__ import annotations

import struct
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from .helpers import GLOSSARY_LINKS, run_axe, settle, type_query, visit, wait_for_search_index
from .pages import BY_NAME, PROCEDURE, REALISTIC_PAGES, WIDTHS, pages_and_widths


def no_violations(lines: list[str]) -> str:
    return "axe-core found WCAG A/AA violations:\n" + "\n".join(lines)


@pytest.mark.parametrize(("kind", "width"), pages_and_widths())
def test_axe_finds_no_violations(axe_source, new_page, server, artifacts, kind, width):
    """axe-core on the page as loaded. The page is also kept as a screenshot to look at, in
    test-artifacts/screenshots/, and must be no wider than the screen."""
    page = new_page(width)
    visit(page, server, kind)
    violations = run_axe(page, axe_source)
    assert not violations, no_violations(violations)
    keep_screenshot(page, artifacts, f"{kind.name}-{width}", width)


@pytest.mark.parametrize(("kind", "width"), pages_and_widths(REALISTIC_PAGES))
def test_axe_finds_no_violations_in_the_realistic_manual(new_realistic_page, realistic_server, axe_source, artifacts, kind, width):
    """The same on the realistic manual (tests/fixtures/realistic): long titles full of "–", "/",
    "&", "?" and ":", pages that start with '# Title', a glossary with a 0–9 group."""
    assert realistic_server.has(kind), f"the realistic manual has no {kind.path} ({kind.built})"
    page = new_realistic_page(width)
    visit(page, realistic_server, kind)
    violations = run_axe(page, axe_source)
    assert not violations, no_violations(violations)
    keep_screenshot(page, artifacts, f"realistic-{kind.name}-{width}", width)


def keep_screenshot(page, artifacts, name: str, width: str) -> None:
    """Keep the whole page as test-artifacts/screenshots/<name>.png, and check that it is no
    wider than the screen."""
    folder = artifacts / "screenshots"
    folder.mkdir(exist_ok=True)
    shot = page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
    shot_width, shot_height = png_size(shot)
    assert shot_width == WIDTHS[width]["width"], "the page is wider than the screen"
    assert shot_height >= WIDTHS[width]["height"]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def open_search_with_results(page, width: str) -> None:
    if width == "390":
        page.locator(".md-header label.md-header__button[for='__search']").click()
    else:
        page.locator(".md-search__input").click()
    wait_for_search_index(page)
    pages = type_query(page, "child protection")
    assert pages, "the search found nothing for 'child protection'"
    settle(page)


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("kind", [BY_NAME["home"].param, PROCEDURE.param])
def test_axe_with_search_open(axe_source, new_page, server, kind, width):
    page = new_page(width)
    visit(page, server, kind)
    open_search_with_results(page, width)
    assert page.locator(".md-search-result__item").first.is_visible()
    violations = run_axe(page, axe_source)
    assert not violations, no_violations(violations)


@pytest.mark.parametrize("width", list(WIDTHS))
def test_axe_with_glossary_tooltip_open(axe_source, new_page, server, width):
    server.require_glossary()
    page = new_page(width)
    visit(page, server, PROCEDURE)
    terms = page.locator(GLOSSARY_LINKS)
    assert terms.count() > 0, f"{PROCEDURE.path} links no glossary term although the site has a glossary"
    terms.first.focus()
    settle(page)
    violations = run_axe(page, axe_source)
    assert not violations, no_violations(violations)


# --- the accessibility statement ---------------------------------------------------------------

STATEMENT = BY_NAME["accessibility"]

# The GOV.UK model accessibility statement's required parts, as headings of our statement.
MODEL_HEADINGS = [
    "How accessible this website is",
    "Feedback and contact information",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Technical information about this website's accessibility",
    "Compliance status",
    "Non-accessible content",
    "Preparation of this accessibility statement",
]


def test_statement_follows_the_gov_uk_model(page, server):
    visit(page, server, STATEMENT)
    headings = [" ".join(h.replace("¶", "").split()) for h in page.locator(".md-content h2, .md-content h3").all_inner_texts()]
    missing = [h for h in MODEL_HEADINGS if h not in headings]
    assert not missing, f"the accessibility statement lacks the GOV.UK model's sections {missing}; it has {headings}"
    text = page.locator(".md-content").inner_text()
    for phrase in ("Web Content Accessibility Guidelines version 2.2 AA", "Equality and Human Rights Commission",
                   "Equality Advisory and Support Service"):
        assert phrase in text


class _FooterLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # > 0 inside <ul class="pm-footer-links">
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "ul" and "pm-footer-links" in (attrs.get("class") or "").split():
            self.depth = 1
        elif self.depth and tag == "ul":
            self.depth += 1
        elif self.depth and tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])

    def handle_endtag(self, tag):
        if self.depth and tag == "ul":
            self.depth -= 1


def test_every_page_links_to_the_statement(site):
    assert site.has(STATEMENT)
    pages = site.html_files()
    assert len(pages) > 10
    without = []
    for file in pages:
        rel = file.relative_to(site.root).as_posix()
        # The address the file is served at, so relative links resolve as in a browser.
        here = "/" + ("" if rel == "index.html" else rel.removesuffix("index.html"))
        if rel == "404.html":
            here = "/no-such-page/"
        parser = _FooterLinks()
        parser.feed(file.read_text(encoding="utf-8"))
        targets = {urlsplit(urljoin(here, href)).path for href in parser.hrefs}
        if STATEMENT.path not in targets:
            without.append(rel)
    assert not without, f"pages whose footer does not link to the accessibility statement: {without}"


def test_statement_link_is_followed_from_the_footer(page, server):
    visit(page, server, BY_NAME["not-found"])
    page.locator(".pm-footer-links a", has_text="Accessibility statement").click()
    page.wait_for_load_state("load")
    assert urlsplit(page.url).path == STATEMENT.path
    assert page.locator("h1").inner_text().strip().endswith("Accessibility Statement")
