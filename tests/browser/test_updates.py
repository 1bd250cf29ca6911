""""Updated since you last looked": a reader turns it on from the keyboard, reads a page, the site is
rebuilt with a newer version of that page on the same address, and the page is marked in the
contents, the menu and on itself, with a link to what changed; "Mark all as read" clears the marks.
Nothing is stored before the reader asks, only in local storage, no cookie; without JavaScript
nothing shows; axe finds nothing at either width."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Project, page as source_page

from .conftest import _build, _serving
from .helpers import BuiltSite, run_axe
from .pages import WIDTHS

KEY = "pm-seen:/"
REFERRALS = "/statutory/referrals/"
CONTENTS = "/contents/"


def write_manual(root: Path, referrals: int = 14, neglect: int = 7) -> Project:
    """A small manual; ``referrals`` and ``neglect`` are the versions of its two procedures, each
    with a changes entry for every version after the first."""
    project = Project(root)
    project.write("docs/index.md", "---\ntitle: Home\n---\n\nWelcome.\n")
    project.write("docs/privacy.md", "---\ntitle: Privacy\n---\n\nWhat this website stores.\n")
    for uri, title, version in (("statutory/referrals.md", "Referrals", referrals), ("supplementary/neglect.md", "Neglect", neglect)):
        changes = [{"version": v, "date": f"2024-0{min(v, 9)}-01" if v < 10 else f"2025-0{v - 9}-01", "note": f"Version {v}."}
                   for v in range(2, version + 1)]
        last = changes[-1]["date"] if changes else "2023-04-14"
        project.write(uri, source_page(title, version, last, changes=changes))
    project.config(_mkdocs={"nav": ["index.md", "contents.md", "amendments.md", {"Statutory": ["statutory/referrals.md"]},
                                    {"Supplementary": ["supplementary/neglect.md"]}, {"About": ["privacy.md"]}]})
    return project


class Manual:
    """A manual built into one folder and served from one address, rebuilt in place."""

    def __init__(self, root: Path) -> None:
        self.root, self.out = root, root / "site-out"

    def build(self, **versions: int) -> None:
        project = write_manual(self.root, **versions)
        result = _build(project.root / "mkdocs.yml", self.out)
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def manual(tmp_path):
    built = Manual(tmp_path / "manual")
    built.build()
    with _serving(BuiltSite(built.out, "updates", "")) as served:
        built.site = served
        yield built


def open_page(browser, width: str = "1280", **options):
    context = browser.new_context(viewport=WIDTHS[width], **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


def go(page, manual, path: str) -> None:
    response = page.goto(manual.site.url(path))
    assert response is not None and response.status == 200
    page.wait_for_load_state("load")


def stored(page) -> dict | None:
    value = page.evaluate(f"() => localStorage.getItem({KEY!r})")
    return json.loads(value) if value else None


def status(page) -> str:
    return " ".join(page.locator("[role='status'].pm-visually-hidden").inner_text().split())


def test_turn_on_read_a_page_see_it_marked_when_it_changes(browser, manual):
    context, page = open_page(browser)
    try:
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        go(page, manual, CONTENTS)
        panel = page.locator("[data-pm-updates]")
        assert panel.is_visible()
        assert "nothing is sent to us" in panel.inner_text()
        assert stored(page) is None and not any(u.endswith("versions.json") for u in requests), "nothing before the reader asks"

        # On, from the keyboard.
        page.locator("#pm-updates-on").focus()
        page.keyboard.press("Space")
        page.wait_for_function("() => document.querySelector('[data-pm-updates-summary]').textContent.length > 0")
        assert page.locator("#pm-updates-on").is_checked()
        assert stored(page)["pages"] == {"statutory/referrals/": 14, "supplementary/neglect/": 7}
        page.wait_for_function("() => document.querySelector(\"[role='status'].pm-visually-hidden\").textContent.startsWith('Turned on')")

        go(page, manual, REFERRALS)
        assert not page.locator("[data-pm-seen]").is_visible()

        # A newer version of the page, served from the same address.
        manual.build(referrals=15)
        go(page, manual, CONTENTS)
        row = page.locator("tr", has=page.get_by_role("link", name="Referrals", exact=True))
        row.locator(".pm-seen-mark").wait_for()
        assert "Changed since you last looked" in row.inner_text()
        assert row.get_by_role("link", name="See what changed").get_attribute("href").endswith("/amendments/#change-statutory-referrals-v15")
        assert page.locator("tr", has=page.get_by_role("link", name="Neglect", exact=True)).locator(".pm-seen-mark").count() == 0
        assert "1 page has changed since you last looked" in page.locator("[data-pm-updates-summary]").inner_text()

        go(page, manual, REFERRALS)
        banner = page.locator("[data-pm-seen]")
        banner.wait_for()
        assert "You last read version 14 of this page; this is version 15." in " ".join(banner.inner_text().split())
        page.wait_for_function("() => document.querySelector(\"[role='status'].pm-visually-hidden\").textContent.includes('you read version 14')")
        assert page.locator(".md-nav--primary .md-nav__link--active .pm-seen-mark").first.inner_text().startswith("Changed")
        banner.get_by_role("link", name="See what changed").click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/amendments/#change-statutory-referrals-v15")
        assert page.locator("#change-statutory-referrals-v15").count() == 1

        # Read now: no longer marked.
        go(page, manual, REFERRALS)
        page.wait_for_timeout(300)
        assert not page.locator("[data-pm-seen]").is_visible()
        assert stored(page)["pages"]["statutory/referrals/"] == 15

        # "Mark all as read", from the keyboard.
        manual.build(referrals=15, neglect=8)
        go(page, manual, CONTENTS)
        page.locator(".md-content .pm-seen-mark").first.wait_for()
        page.get_by_role("button", name="Mark all as read").focus()
        page.keyboard.press("Enter")
        page.wait_for_function("() => !document.querySelector('.md-content .pm-seen-mark')")
        assert "No page has changed since you last looked." in page.locator("[data-pm-updates-summary]").inner_text()
        assert stored(page)["pages"]["supplementary/neglect/"] == 8

        # Off: what was kept is deleted.
        page.locator("#pm-updates-on").uncheck()
        assert stored(page) is None
        assert not page.get_by_role("button", name="Mark all as read").is_visible()

        assert context.cookies() == [], "no cookie"
        host = manual.site.base_url
        assert all(u.startswith(host) for u in requests), [u for u in requests if not u.startswith(host)]
    finally:
        context.close()


def test_without_javascript_nothing_shows(browser, manual):
    context, page = open_page(browser, java_script_enabled=False)
    try:
        go(page, manual, CONTENTS)
        assert page.locator("[data-pm-updates]").count() == 1
        assert not page.locator("[data-pm-updates]").is_visible()
        assert "Remember what I have read" not in page.locator("body").inner_text()
        go(page, manual, REFERRALS)
        assert not page.locator("[data-pm-seen]").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_axe_finds_nothing_with_the_marks_shown(browser, manual, axe_source, width):
    context, page = open_page(browser, width)
    try:
        go(page, manual, CONTENTS)
        page.evaluate(f"() => localStorage.setItem({KEY!r}, JSON.stringify({{on: true, pages: {{'statutory/referrals/': 3}}}}))")
        for path in (CONTENTS, REFERRALS):
            go(page, manual, path)
            page.locator(".pm-seen-mark").first.wait_for(state="attached")
            violations = run_axe(page, axe_source)
            assert not violations, "\n".join(violations)
    finally:
        context.close()
