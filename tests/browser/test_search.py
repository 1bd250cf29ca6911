"""The search a practitioner uses under pressure: each query, typed key by key, must bring its page
into the first three results.

Rows are written against the demo's page titles (the FILE LIST of the demo content spec) and the
repository's own pages, so they hold for the stand-in manual and for the real demo. Rows of kind
"glossary" need the glossary feature, which feeds acronyms and aliases into the search index; they
are skipped, saying so, while the site has no glossary. Rows of kind "entry" want a term's own
entry on the glossary page (its section, "/glossary/#anchor") shown in one of the first three
results, for the term's name, acronym or alias. Rows of kind "contact" and "provision" want a
contact's entry on the Contacts page, or a statute or provision on the Statutory framework page.

Material's search (lunr) completes each word as you type. Rows of kind "near" are slips of one
letter in a word of five letters or more, which the theme's script searches one letter away
(manual.js, "Search for people in a hurry"); a word the manual has is searched as typed, which
the tests at the end check.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from .helpers import SEARCH_INPUT, clear_search, type_query, visit, wait_for_search_index
from .pages import BY_NAME, WIDTHS


@dataclass(frozen=True)
class Query:
    text: str
    page: str  # the site path (with "#anchor" for kind "entry") that must be among the first three results
    kind: str  # title, body, acronym, glossary, entry, near, contact or provision


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
    Query("filtering and monitoring", "/info-sheets/education-settings/", "body"),
    Query("Children's Services Front Door", "/", "body"),
    # Acronyms: written in the text, or fed to the index by the glossary.
    Query("FGM", "/supplementary/female-genital-mutilation/", "acronym"),
    Query("LADO", "/statutory/managing-allegations/", "glossary"),
    Query("CSE", "/supplementary/child-sexual-exploitation/", "glossary"),
    Query("MARAC", "/supplementary/domestic-abuse/", "glossary"),
    # The glossary's own entry, by the term's name, its acronym or an alias.
    Query("LADO", "/glossary/#local-authority-designated-officer", "entry"),
    Query("Local Authority Designated Officer", "/glossary/#local-authority-designated-officer", "entry"),
    Query("CSE", "/glossary/#child-sexual-exploitation", "entry"),
    Query("MARAC", "/glossary/#multi-agency-risk-assessment-conference", "entry"),
    Query("strategy meeting", "/glossary/#strategy-discussion", "entry"),
    Query("children in need", "/glossary/#child-in-need", "entry"),
    Query("child in care", "/glossary/#looked-after-child", "entry"),
    Query("Exploitation", "/glossary/#exploitation", "entry"),
    Query("Neglect", "/glossary/#neglect", "entry"),
    Query("emergency department", "/glossary/#accident-emergency", "entry"),
    Query("Children's Guardian", "/glossary/#childrens-guardian", "entry"),
    Query("Was Not Brought", "/glossary/#was-not-brought", "entry"),
    Query("CME", "/glossary/#children-missing-education-cme", "entry"),  # written "(CME)" in the term
    # A contact's entry on the Contacts page, and a statute or provision on the Statutory framework page.
    Query("Emergency Duty Team", "/contacts/#emergency-duty-team", "contact"),
    Query("Exploitation Hub", "/contacts/#exploitation-hub", "contact"),
    Query("Children Missing Education Officer", "/contacts/#children-missing-education", "contact"),
    Query("section 46", "/statutory-framework/#children-act-1989-s46", "provision"),
    Query("Domestic Abuse Act", "/statutory-framework/#domestic-abuse-act-2021", "provision"),
    Query("Prevent duty guidance", "/statutory-framework/#prevent-duty-guidance-2023", "provision"),
    # A slip of one letter: missed, swapped, or the American spelling.
    Query("neglet", "/supplementary/neglect/", "near"),
    Query("safegaurding", "/statutory/child-safeguarding-practice-reviews/", "near"),
    Query("radicalization", "/supplementary/radicalisation/", "near"),
    Query("exploitaton", "/glossary/#exploitation", "near"),
]


def test_the_table_is_big_enough():
    assert len(QUERIES) >= 15
    assert {q.kind for q in QUERIES} == {"title", "body", "acronym", "glossary", "entry", "near", "contact", "provision"}


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


def search(page, text: str) -> list[str]:
    clear_search(page)
    page.wait_for_function("s => document.querySelector(s).value === ''", arg=SEARCH_INPUT)
    return type_query(page, text)


def result_links(page) -> list[list[str]]:
    """Each result in order, as the addresses it shows ("/glossary/#neglect"): the page, and the
    sections that scored as well as it (those folded under "more" left out)."""
    items = page.locator("li.md-search-result__item").evaluate_all(
        "items => items.map(i => [...i.querySelectorAll(':scope > a.md-search-result__link')].map(a => a.href))"
    )
    return [[urlsplit(h).path + (f"#{urlsplit(h).fragment}" if urlsplit(h).fragment else "") for h in hrefs] for hrefs in items]


@pytest.mark.parametrize("query", [pytest.param(q, id=f"{q.kind}-{q.text}") for q in QUERIES])
def test_query_finds_its_page_in_the_first_three(search_page, server, query):
    if query.kind in ("glossary", "entry") or query.page.startswith("/glossary/"):
        server.require_glossary()
    page = search_page
    pages = search(page, query.text)
    if "#" in query.page:
        first = result_links(page)[:3]
        assert any(query.page in links for links in first), f"searching {query.text!r}: {query.page} is not shown in the first three of {first}"
    else:
        assert query.page in pages[:3], f"searching {query.text!r}: {query.page} is not in the first three of {pages[:6]}"


# A word of the manual is searched as typed, never one letter away: "dental" must not find the
# page about mental health (whose title has "Mental"), nor "shaking" Information Sharing.
EXACT = [("dental", "/supplementary/parental-mental-health/"), ("shaking", "/supplementary/information-sharing/")]


@pytest.mark.parametrize(("word", "other"), EXACT, ids=[w for w, _ in EXACT])
def test_a_word_of_the_manual_is_not_widened(search_page, word, other):
    pages = search(search_page, word)
    assert pages, f"searching {word!r} found nothing: is it still a word of the manual?"
    assert other not in pages, f"searching {word!r} also found {other}, a page with a word one letter away"



def test_a_slip_is_found_on_a_phone_too(new_page, server):
    """On a phone the search opens from the header's button, not by clicking the box."""
    page = new_page("390")
    visit(page, server, BY_NAME["home"])
    page.locator(".md-header label.md-header__button[for='__search']").click()
    wait_for_search_index(page)
    pages = type_query(page, "neglet")
    assert "/supplementary/neglect/" in pages[:3], pages[:6]
