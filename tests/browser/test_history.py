"""Every version kept, in Chromium: a page's history, a superseded version, what changed (the
redline), the Editions page and a page of an edition pass axe at both widths; the redline tells
deletions from insertions without colour, and screen readers hear "deleted" and "inserted"; the
Editions page works without JavaScript.

The site is the manual of tests/history_manual.py (four versions of a procedure, a rename, a minor
correction, a withdrawn page, a flowchart that changed, three releases), kept in a real git
repository and built with `procedures build --editions`."""

from __future__ import annotations

from typing import Any, Iterator

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.gitrepo import isolate
from tests.history_manual import make_history

from .conftest import _serving
from .helpers import BuiltSite, run_axe, settle
from .pages import WIDTHS

PAGE = "/statutory/making-referrals"
PAGES = {
    "history": f"{PAGE}/history/",
    "superseded version": f"{PAGE}/v1/",
    "redline": f"{PAGE}/v1-to-v2/",
    "redline of the current version": f"{PAGE}/v3-to-v4/",
    "withdrawn page's version": "/statutory/old-guidance/v2/",
    "flowchart redline": "/flowcharts/referral/v1-to-v2/",
    "editions": "/editions/",
    "page of an edition": "/editions/update-1/statutory/referrals/",
}


@pytest.fixture(scope="module")
def history_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    mp = pytest.MonkeyPatch()
    isolate(mp)
    manual = make_history(tmp_path_factory.mktemp("history-browser") / "manual")
    result = CliRunner().invoke(main, ["-C", str(manual.root), "build", "--editions"])
    mp.undo()
    assert result.exit_code == 0, result.output
    with _serving(BuiltSite(manual.root / "site", "history", "https://procedures.example.org/")) as served:
        yield served


@pytest.fixture
def open_page(browser: Any, history_server: BuiltSite) -> Iterator[Any]:
    contexts = []

    def opener(path: str, width: str = "1280", **options: Any) -> Any:
        context = browser.new_context(viewport=WIDTHS[width], **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        response = page.goto(history_server.base_url + path)
        assert response is not None and response.status == 200, f"{path}: HTTP {response and response.status}"
        page.wait_for_load_state("load")
        settle(page)
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_violations(open_page, axe_source, name, width):
    page = open_page(PAGES[name], width)
    violations = run_axe(page, axe_source)
    assert not violations, "axe-core found WCAG A/AA violations:\n" + "\n".join(violations)
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth"), "the page is wider than the screen"


def test_deleted_and_inserted_words_are_told_apart_without_colour(open_page):
    page = open_page(PAGES["redline"])
    styles = page.evaluate("""() => ['del.pm-del', 'ins.pm-ins'].map(s => {
        const e = document.querySelector('article ' + s), c = getComputedStyle(e);
        return [c.textDecorationLine, c.textDecorationStyle];
    })""")
    assert styles == [["line-through", "solid"], ["underline", "double"]]


def test_screen_readers_hear_deleted_and_inserted(open_page):
    page = open_page(PAGES["redline of the current version"])
    tree = page.locator("article .pm-redline__text").aria_snapshot()
    assert "inserted:" in tree and "(end of insertion)" in tree
    page = open_page(PAGES["flowchart redline"])
    tree = " ".join(page.locator("article .pm-redline__text").aria_snapshot().split())
    assert "deleted: is worried (end of deletion)" in tree
    assert "inserted: has a concern (end of insertion)" in tree
    # The words for screen readers take no room on the screen.
    box = page.locator("article del.pm-del .pm-sr").first.bounding_box()
    assert box is not None and box["width"] <= 1 and box["height"] <= 1


def test_the_list_of_changes_leads_to_each_change(open_page):
    page = open_page(PAGES["redline"])
    page.get_by_role("link", name="Change 1, under ‘Purpose’").click()
    page.wait_for_function("() => location.hash === '#pm-change-1'")
    assert page.locator("#pm-change-1").is_visible()


def test_the_editions_page_works_without_javascript(open_page):
    page = open_page(PAGES["editions"], java_script_enabled=False)
    table = page.get_by_role("table", name="Editions of the manual, newest first, with the dates each was in force")
    rows = table.get_by_role("row")
    assert rows.count() == 4
    assert rows.nth(1).inner_text().split("\t")[:3] == ["Update 3", "1 June 2026", "Now (the current release)"]
    table.get_by_role("link", name="Update 1").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/editions/update-1/")
    assert "You are reading the manual as it stood at Update 1" in page.locator(".pm-banner--edition").inner_text()


def test_a_superseded_version_sends_readers_to_the_current_one(open_page):
    page = open_page(PAGES["superseded version"])
    banner = page.get_by_role("note").filter(has_text="Superseded version")
    banner.get_by_role("link", name="Read the current version").click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"{PAGE}/")
    assert page.get_by_role("link", name="See all updates").is_visible()


def test_the_line_under_the_stamp_is_laid_out_as_the_stamp(open_page):
    """"First published · See all updates" sits under the stamp in the stamp's small type, not in
    the bordered box of the "updated since you last looked" offer (a class once shared by both)."""
    page = open_page(f"{PAGE}/")
    line = page.locator(".pm-published")
    assert "See all updates" in line.inner_text()
    style = line.evaluate("e => { const s = getComputedStyle(e); return [s.display, s.paddingTop, s.borderTopWidth, s.fontSize]; }")
    stamp_size = page.locator(".pm-stamp").evaluate("e => getComputedStyle(e).fontSize")
    assert style == ["flex", "0px", "0px", stamp_size], style
