"""Printing: a page printed to A4 in Chromium, read back with pdftotext, carries the text, the version
stamp, the "uncontrolled" notice, the page's web address and the date printed, and none of the
screen's header, search or navigation."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from .helpers import GLOSSARY_LINKS, visit
from .pages import PAGE_TYPES, PROCEDURE

NOTICE = "Uncontrolled when printed: check the website for the current version"
PRINTED = [p.param for p in PAGE_TYPES if p.status == 200]


def printed_text(page, pdftotext: str, path) -> str:
    page.pdf(path=str(path), format="A4", print_background=True)
    text = subprocess.run([pdftotext, "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def today_en_gb() -> list[str]:
    # The browser writes the date when the page loads and again as it prints; allow for midnight.
    days = [dt.date.today(), dt.date.today() - dt.timedelta(days=1)]
    return [f"{d.day} {d:%B %Y}" for d in days]


@pytest.mark.parametrize("kind", PRINTED)
def test_printout_carries_notice_address_and_date(pdftotext, new_page, server, artifacts, kind):
    page = new_page("1280")
    visit(page, server, kind)
    folder = artifacts / "print"
    folder.mkdir(exist_ok=True)
    text = printed_text(page, pdftotext, folder / f"{kind.name}.pdf")

    assert NOTICE in text, text[:400]
    # A long address wraps on paper, and pdftotext joins a line ending in "-" to the next: compare
    # without spaces and hyphens.
    squeeze = lambda s: s.replace(" ", "").replace("-", "")  # noqa: E731
    assert squeeze(f"Web address: {server.canonical(kind)}") in squeeze(text), text[:400]
    assert any(f"Date printed: {day}" in text for day in today_en_gb()), text[:400]
    title = page.locator(".md-content h1").inner_text().strip()
    assert " ".join(title.replace("¶", "").split()) in text
    if kind.procedure:
        stamp = " ".join(page.locator(".pm-stamp").inner_text().split())
        assert stamp.startswith("Last Updated:") and stamp in text, (stamp, text[:400])

    # Nothing of the screen's chrome: header, search, navigation, table of contents, footer (unless
    # the page's own text uses the same words).
    own = " ".join(page.locator(".md-content").inner_text().split())
    for chrome in ("Skip to content", "Table of contents", "Type to start searching", "Back to top",
                   "Accessibility statement", "Initializing search"):
        if chrome not in own:
            assert chrome not in text, f"the printout of {kind.path} shows {chrome!r}"
    for selector in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
        assert page.locator(selector).count() > 0  # the screen has it, so its absence above means something


def test_printout_leaves_out_the_navigation(pdftotext, new_page, server, artifacts):
    page = new_page("1280")
    visit(page, server, PROCEDURE)
    own_text = " ".join(page.locator(".md-content").inner_text().split())
    nav = {" ".join(t.split()) for t in page.locator(".md-sidebar--primary .md-nav__link").all_inner_texts()}
    # Navigation entries that the page's own text does not mention.
    only_in_nav = [t for t in nav if len(t) > 12 and t.split(" ", 1)[-1] not in own_text]
    assert len(only_in_nav) > 5
    text = printed_text(page, pdftotext, artifacts / "print-navigation.pdf")
    shown = [t for t in only_in_nav if t in text]
    assert not shown, f"the printout shows navigation entries {shown}"
    # And the site's name from the header.
    assert page.locator(".md-header__topic").first.inner_text().strip() not in text


def test_glossary_links_print_as_text(new_page, server):
    server.require_glossary()
    page = new_page("1280")
    visit(page, server, PROCEDURE)
    terms = page.locator(GLOSSARY_LINKS)
    assert terms.count() > 0
    page.emulate_media(media="print")
    looks = terms.first.evaluate("""e => { const s = getComputedStyle(e), p = getComputedStyle(e.parentElement);
        return {line: s.textDecorationLine, colour: s.color, text: p.color, border: s.borderBottomStyle}; }""")
    assert looks["line"] == "none" and looks["border"] in ("none", "hidden"), looks
    assert looks["colour"] == looks["text"], looks
    assert page.locator("[role='tooltip']:visible").count() == 0


def test_date_printed_is_written_when_the_page_prints(new_page, server):
    page = new_page("1280")
    visit(page, server, PROCEDURE)
    date = page.locator("[data-pm-print-date]")
    assert date.inner_text().strip() in today_en_gb()
    page.evaluate("() => { document.querySelector('[data-pm-print-date]').textContent = ''; "
                  "window.dispatchEvent(new Event('beforeprint')); }")
    assert date.inner_text().strip() in today_en_gb()
    assert not page.locator(".pm-print").is_visible(), "the print notice shows on screen"
