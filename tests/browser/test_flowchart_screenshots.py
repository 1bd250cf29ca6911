"""Flowcharts in Chromium: the diagram on wide screens, the text version on narrow ones.

Builds a small manual with the six demo flowcharts, serves it over HTTP on 127.0.0.1 and
drives Debian's Chromium through Playwright. Screenshots go to test-artifacts/ (not in git).
Self-contained on purpose: the shared browser fixtures live in tests/browser/conftest.py.
"""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from tests.conftest import REPO
from tests.sitebuild.test_flowchart_build import demo_project

pytestmark = pytest.mark.browser

ARTIFACTS = REPO / "test-artifacts"
CM = 96 / 2.54  # CSS pixels per centimetre


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory, browser):
    # `browser` first: without Chromium it skips (or on CI fails) before the build.
    project = demo_project(tmp_path_factory.mktemp("flowcharts-browser") / "manual")
    built = project.build()
    assert built.returncode == 0, built.output
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(built.site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    thread.join()
    server.server_close()


# `browser` is the session's shared Chromium (tests/browser/conftest.py): Playwright allows one
# instance per process.


@pytest.fixture
def open_page(browser, site):
    contexts = []

    def opener(path: str, width: int):
        context = browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(f"{site}/{path}", wait_until="load")
        page.wait_for_timeout(300)  # let Material's header settle before screenshots
        page.requests = requests  # type: ignore[attr-defined]
        return page

    yield opener
    for context in contexts:
        context.close()


def _screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


@pytest.mark.parametrize("path", ["flowcharts/referral/", "statutory/referrals/"])
def test_wide_screens_show_the_diagram(open_page, site, path):
    page = open_page(path, 1280)
    figure = page.locator("figure.pm-flowchart").first
    diagram = figure.locator("svg.pm-flowchart__svg")
    text = figure.locator(".pm-flowchart__text")
    assert diagram.is_visible()
    box = diagram.bounding_box()
    assert box["width"] > 600 and box["height"] > 1000
    # The text version is in the page (for screen readers and search) but takes no room.
    assert text.count() == 1
    assert text.bounding_box()["width"] <= 1
    # Text in the diagram is real, selectable text.
    assert figure.locator("svg text", has_text="Referral made to local").count() == 1
    _screenshot(page, f"flowchart-{path.split('/')[1]}-1280.png")
    assert all(url.startswith(site) for url in page.requests), page.requests


@pytest.mark.parametrize("path", ["flowcharts/referral/", "statutory/referrals/"])
def test_narrow_screens_show_the_text_version(open_page, site, path):
    page = open_page(path, 390)
    figure = page.locator("figure.pm-flowchart").first
    assert not figure.locator("svg.pm-flowchart__svg").is_visible()
    text = figure.locator(".pm-flowchart__text")
    assert text.is_visible()
    assert text.bounding_box()["width"] > 300
    steps = text.locator("ol.pm-flowchart__steps > li")
    assert steps.count() == 14
    decision = steps.nth(4)
    assert decision.locator(".pm-flowchart__kind").inner_text() == "Decision:"
    assert decision.locator("a", has_text="step 6").is_visible()
    # "go to step 6" moves to step 6.
    decision.locator("a", has_text="step 6").click()
    assert page.evaluate("location.hash") == "#flowchart-referral-protect"
    page.evaluate("window.scrollTo(0, 0)")
    _screenshot(page, f"flowchart-{path.split('/')[1]}-390.png")
    assert all(url.startswith(site) for url in page.requests), page.requests


def test_keyboard_focus_shows_the_text_version_on_wide_screens(open_page):
    page = open_page("flowcharts/referral/", 1280)
    text = page.locator(".pm-flowchart__text")
    text.locator("a").first.focus()
    assert text.bounding_box()["width"] > 300
    # The diagram's links are for pointers: not in the tab order, and hidden from screen readers.
    assert page.locator(".pm-flowchart__diagram").get_attribute("aria-hidden") == "true"
    assert {a.get_attribute("tabindex") for a in page.locator("svg a").all()} == {"-1"}


def test_the_diagram_fits_an_a4_page_when_printed(open_page):
    page = open_page("flowcharts/referral/", 1280)
    page.emulate_media(media="print")
    diagram = page.locator("svg.pm-flowchart__svg")
    assert diagram.is_visible()
    box = diagram.bounding_box()
    assert box["height"] <= 20 * CM + 1
    assert page.locator(".pm-flowchart__text").bounding_box()["width"] > 300  # printed after it
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "flowchart-referral-print.pdf"), format="A4")
