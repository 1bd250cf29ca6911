"""The glossary page's groups: 0–9, then A to Z, whatever a term starts with."""

from __future__ import annotations

import re

import pytest

from generator.glossary.model import DIGITS, Glossary, Term, letter_anchor
from generator.glossary.page import glossary_markdown


@pytest.mark.parametrize(("name", "group"), [
    ("Neglect", "N"),
    ("neglect", "N"),
    ("0-19 Health and Wellbeing Service", DIGITS),
    ("16 Plus Team", DIGITS),
    ("\u2018Was Not Brought\u2019", "W"),  # a quote before the first letter is passed over
    ('"Honour"-Based Abuse', "H"),
    ("(The) Children Act", "T"),
    ("#NoMoreSecrets", "N"),
    ("\u00c9migr\u00e9 Families", "E"),  # without its accent
    ("\u00e9cole", "E"),
])
def test_each_term_has_a_group_with_a_visible_name(name, group):
    assert Term(name, "x").group == group


def test_group_anchors():
    assert letter_anchor(DIGITS) == "letter-0-9"
    assert letter_anchor("N") == "letter-n"


def test_terms_sort_as_readers_expect():
    names = ["Neglect", "16 Plus Team", "\u2018Was Not Brought\u2019", "2 Year Old Offer", "Accident & Emergency",
             "\u00c9migr\u00e9 Families", "Early Help", "0-19 Service", "emergency duty team", "Zero Tolerance"]
    ordered = [t.term for t in sorted((Term(n, "x") for n in names), key=lambda t: t.sort_key)]
    assert ordered == ["0-19 Service", "2 Year Old Offer", "16 Plus Team", "Accident & Emergency", "Early Help",
                       "emergency duty team", "\u00c9migr\u00e9 Families", "Neglect", "\u2018Was Not Brought\u2019",
                       "Zero Tolerance"]


def test_page_has_a_named_heading_and_jump_link_for_every_group():
    glossary = Glossary("glossary.yml", [Term(n, "A definition.") for n in (
        "0-19 Health and Wellbeing Service", "Neglect", "\u2018Was Not Brought\u2019", "Parent/Carer",
        "Accident & Emergency", "Children\u2019s Guardian (Cafcass)",
        "The Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018",
    )])
    markdown = glossary_markdown(glossary, title="Glossary", intro="", used={}, titles={}, urls={})
    headings = re.findall(r"^## (.+) \{#(letter-[^}]+)\}$", markdown, re.M)
    assert headings == [("0\u20139", "letter-0-9"), ("A", "letter-a"), ("C", "letter-c"), ("N", "letter-n"),
                        ("P", "letter-p"), ("T", "letter-t"), ("W", "letter-w")]
    jump = re.search(r"^Jump to a letter: (.*)$", markdown, re.M).group(1)
    assert re.findall(r"\[([^\]]+)\]\(#([^)]+)\)", jump) == [(name, anchor) for name, anchor in headings]
    assert "### 0\\-19 Health and Wellbeing Service {#0-19-health-and-wellbeing-service}" in markdown
    assert "### Accident &amp; Emergency {#accident-emergency}" in markdown
