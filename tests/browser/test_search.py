"""The search a practitioner uses under pressure: each query, typed key by key, must bring its page
into the first three results.

Rows are written against the demo's page titles (the FILE LIST of the demo content spec) and the
repository's own pages, so they hold for the stand-in manual and for the real demo. Rows of kind
"glossary" need the glossary feature, which feeds acronyms and aliases into the search index; they
are skipped, saying so, while the site has no glossary.

Material's search (lunr) matches word stems and completes the last word as you type; it does not
correct misspellings unless the reader types lunr's "~1", so the table has no misspelling row.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from .helpers import SEARCH_INPUT, clear_search, type_query, visit, wait_for_search_index
from .pages import BY_NAME, WIDTHS


@dataclass(frozen=True)
class Query:
    text: str
    page: str  # the site path that must be among the first three results
    kind: str  # title, body, acronym or glossary


QUERIES = [
    # Words of a title, as a practitioner remembers them.
    Query("making a referral", "/statutory/referrals/", "title"),
    Query("section 47", "/statutory/section-47-enquiries/", "title"),
    Query("strategy discussion", "/statutory/strategy-discussions/", "title"),
    Query("core group", "/statutory/child-protection-plans/", "title"),
    Query("child death", "/statutory/child-death-review/", "title"),
    Query("missing from care", "/supplementary/children-missing/", "title"),
    Query("county lines", "/supplementary/child-criminal-exploitation/", "title"),
    Query("knife crime", "/supplementary/serious-youth-violence/", "title"),
    Query("unborn baby", "/supplementary/pre-birth-assessment/", "title"),  # singular finds "Babies"
    Query("professional disagreement", "/supplementary/escalation/", "title"),
    Query("bruising", "/supplementary/bruising-non-mobile-babies/", "title"),
    Query("modern slavery", "/supplementary/trafficking-and-modern-slavery/", "title"),
    Query("private fostering", "/supplementary/private-fostering/", "title"),
    Query("suicide", "/supplementary/self-harm/", "title"),  # the title says "Suicidal"
    Query("honour based abuse", "/supplementary/honour-based-abuse/", "title"),
    # Phrases from the text of the repository's own pages.
    Query("Equality Advisory", "/accessibility/", "body"),
    Query("alternative provision", "/info-sheets/education-settings/", "body"),
    Query("Children's Services Front Door", "/", "body"),
    # Acronyms: written in the text, or fed to the index by the glossary.
    Query("FGM", "/supplementary/female-genital-mutilation/", "acronym"),
    Query("LADO", "/statutory/managing-allegations/", "glossary"),
    Query("CSE", "/supplementary/child-sexual-exploitation/", "glossary"),
    Query("MARAC", "/supplementary/domestic-abuse/", "glossary"),
]


def test_the_table_is_big_enough():
    assert len(QUERIES) >= 15
    assert {q.kind for q in QUERIES} == {"title", "body", "acronym", "glossary"}


@pytest.fixture(scope="module")
def search_page(browser, server):
    """One page with the search open for the whole table (loading the index once saves ~1 s a row)."""
    context = browser.new_context(viewport=WIDTHS["1280"])
    page = context.new_page()
    visit(page, server, BY_NAME["home"])
    page.locator(SEARCH_INPUT).click()
    wait_for_search_index(page)
    yield page
    context.close()


@pytest.mark.parametrize("query", [pytest.param(q, id=q.text) for q in QUERIES])
def test_query_finds_its_page_in_the_first_three(search_page, server, query):
    if query.kind == "glossary":
        server.require_glossary()
    page = search_page
    clear_search(page)
    page.wait_for_function("s => document.querySelector(s).value === ''", arg=SEARCH_INPUT)
    pages = type_query(page, query.text)
    assert query.page in pages[:3], f"searching {query.text!r}: {query.page} is not in the first three of {pages[:6]}"
