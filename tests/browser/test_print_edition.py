"""The print edition printed to A4 in Chromium and read back with pdftotext: every procedure of the
chapter (or the manual) in order, each on a new sheet with its number, title and version stamp;
the "uncontrolled" notice, the web address and the date printed; no menu or search."""

from __future__ import annotations

import re
import subprocess

import pytest

from .helpers import visit
from .pages import BY_NAME, PageType
from .test_print import NOTICE, today_en_gb

WHOLE = PageType("print-manual", "/print/manual/", "print/manual/index.html", feature="the print edition (feat/informed)")
CHAPTER = BY_NAME["print-chapter"]


def printed_pages(page, pdftotext: str, path) -> list[str]:
    """The text of each printed sheet, its white space squeezed."""
    page.pdf(path=str(path), format="A4", print_background=True)
    text = subprocess.run([pdftotext, "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(sheet.split()) for sheet in text.split("\f") if sheet.strip()]


def listed(page) -> list[tuple[str, str]]:
    """The edition's contents list: (procedure heading, its stamp on the page), in order."""
    out = []
    for anchor in page.locator(".pm-print-contents__procedures a").evaluate_all("els => els.map(e => e.hash.slice(1))"):
        title = page.locator(f"[id='{anchor}']")
        heading = " ".join(title.inner_text().replace("¶", "").split())
        stamp = " ".join(page.locator(f"[id='{anchor}'] + .pm-stamp").inner_text().split())
        out.append((heading, stamp))
    return out


@pytest.mark.parametrize("kind", [WHOLE.param, CHAPTER.param])
def test_the_print_edition_prints_every_procedure_in_order_each_on_a_new_sheet(pdftotext, new_page, server, artifacts, kind):
    page = new_page("1280")
    visit(page, server, kind)
    procedures = listed(page)
    assert len(procedures) >= 5
    sheets = printed_pages(page, pdftotext, artifacts / f"{kind.name}.pdf")
    whole = " ".join(sheets)

    # The notice, the web address and the date at the top; the notice and the page number on every sheet.
    assert whole.startswith(NOTICE), whole[:300]
    squeeze = lambda s: s.replace(" ", "").replace("-", "")  # noqa: E731
    assert squeeze(f"Web address: {server.canonical(kind)}") in squeeze(whole[:400])
    assert any(f"Date printed: {day}" in whole[:400] for day in today_en_gb())
    for number, sheet in enumerate(sheets, 1):
        assert NOTICE in sheet and f"Page {number} of {len(sheets)}" in sheet, sheet[-200:]

    # Every procedure, in the order of the contents list, at the top of a sheet of its own, with its stamp.
    at = 0
    for heading, stamp in procedures:
        assert re.match(r"^\d+\.\d+ ", heading), heading
        assert stamp.startswith("Last Updated: ") and re.search(r" v\d+$", stamp), stamp
        found = next((i for i in range(at, len(sheets)) if f"{heading} {stamp}" in sheets[i]), None)
        assert found is not None, f"{heading!r} with {stamp!r} is not printed after sheet {at + 1}"
        top = sheets[found].split(heading)[0]
        assert len(top) < 60, f"{heading!r} does not start its sheet: {top!r}"  # a chapter's heading may come first
        at = found + 1

    # The same procedures, in the same order, as the contents page lists them.
    contents = new_page("1280")
    visit(contents, server, BY_NAME["contents"])
    tables = ".md-typeset table:has(th:text-is('Procedure')) tbody tr"  # not the flowcharts, shown in their procedures
    rows = [" ".join(t.split()) for t in contents.locator(f"{tables} td:nth-child(1)").all_inner_texts()]
    titles = [" ".join(t.split()) for t in contents.locator(f"{tables} td:nth-child(2) a").all_inner_texts()]
    expected = [f"{n} {t}" for n, t in zip(rows, titles, strict=True)]
    if kind is CHAPTER:
        expected = [e for e in expected if e.startswith(procedures[0][0].split(".")[0] + ".")]
    assert [h for h, _ in procedures] == expected

    for chrome in ("Skip to content", "Type to start searching", "Back to top", "Accessibility statement"):
        assert chrome not in whole


def test_the_contents_page_links_to_the_print_edition(new_page, server):
    page = new_page("1280")
    visit(page, server, BY_NAME["contents"])
    server.require(WHOLE)
    page.get_by_role("link", name="print the whole manual").click()
    page.wait_for_load_state("load")
    assert page.url.endswith(WHOLE.path)
    page.go_back()
    page.get_by_role("link", name="Print this chapter").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(CHAPTER.path)
