"""The page types the browser tests visit: adding a kind of page is one row here.

Every test module that checks "every page type" parametrizes over ``PAGE_TYPES``. A row whose
page is not in the built site is skipped with a message naming the feature that will add it, so
rows for features still on their branches can sit here, ready, until they land.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class PageType:
    name: str
    path: str  # the address on the site, from its root
    built: str | None  # the file in the built site that serves it (None: it must not exist)
    feature: str = ""  # the feature that adds this page, named when the row is skipped
    procedure: bool = False  # carries a version stamp
    status: int = 200
    skip_link: bool = True  # Material adds "Skip to content" only to pages with headings

    @property
    def param(self):  # pytest.param with a readable id
        return pytest.param(self, id=self.name)


PAGE_TYPES: tuple[PageType, ...] = (
    PageType("home", "/", "index.html"),
    PageType("statutory", "/statutory/referrals/", "statutory/referrals/index.html", procedure=True),
    PageType("supplementary", "/supplementary/neglect/", "supplementary/neglect/index.html", procedure=True),
    PageType("contents", "/contents/", "contents/index.html"),
    PageType("glossary", "/glossary/", "glossary/index.html", feature="the glossary (feature/glossary)"),
    # TODO(lead): check the path once the flowcharts land; the row runs by itself when the page is built.
    PageType("flowchart", "/flowcharts/referral/", "flowcharts/referral/index.html",
             feature="the flowcharts (feature/flowcharts)", procedure=True),
    PageType("amendments", "/amendments/", "amendments/index.html", feature="the amendments page (feature/amendments)"),
    PageType("info-sheet", "/info-sheets/risk-outside-the-home/", "info-sheets/risk-outside-the-home/index.html",
             feature="the info-sheets (feature/topics)"),
    PageType("print-chapter", "/print/statutory-procedures/", "print/statutory-procedures/index.html",
             feature="the print edition (feat/informed)"),
    PageType("contacts", "/contacts/", "contacts/index.html", feature="the Contacts page (feat/contacts)"),
    PageType("statutory-framework", "/statutory-framework/", "statutory-framework/index.html",
             feature="the Statutory framework page (feat/contacts)"),
    # contact cards, a contact in a sentence, and a "Statutory basis" box
    PageType("out-of-hours", "/statutory/out-of-hours/", "statutory/out-of-hours/index.html", feature="contacts (feat/contacts)",
             procedure=True),
    PageType("authoring-guide", "/authoring-guide/", "authoring-guide/index.html"),
    PageType("accessibility", "/accessibility/", "accessibility/index.html"),
    PageType("not-found", "/no-such-page/", None, status=404, skip_link=False),
)

# The realistic manual (tests/fixtures/realistic): a handful of its pages, which axe checks too.
# Every one must be built (a missing one fails, it is not skipped).
REALISTIC_PAGES: tuple[PageType, ...] = (
    PageType("home", "/", "index.html"),
    # starts with '# Title' and has no 'title:' in front matter
    PageType("procedure", "/core-procedures/responding-to-concerns/", "core-procedures/responding-to-concerns/index.html",
             procedure=True),
    PageType("glossary", "/glossary/", "glossary/index.html"),
    PageType("contents", "/contents/", "contents/index.html"),
    PageType("flowchart", "/flowcharts/front-door/", "flowcharts/front-door/index.html", procedure=True),
)

BY_NAME = {p.name: p for p in PAGE_TYPES}
PROCEDURE = BY_NAME["statutory"]  # the page used where one procedure stands for all

# Viewports: a council PC and a phone (iPhone 12 to 15 width).
WIDTHS = {"1280": {"width": 1280, "height": 800}, "390": {"width": 390, "height": 844}}


def all_pages():
    return [p.param for p in PAGE_TYPES]


def pages_and_widths(pages: tuple[PageType, ...] = PAGE_TYPES):
    return [pytest.param(p, w, id=f"{p.name}-{w}") for p in pages for w in WIDTHS]
