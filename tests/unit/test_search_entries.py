"""The glossary in Material's search entries, and the words the search box's near spellings need."""

from __future__ import annotations

import pytest

from generator.core.searchwords import words
from generator.glossary.model import Glossary, Term
from generator.glossary.search import ENTRY_BOOST, FORMS_CLASS, add_glossary, entry_title

LADO = Term("Local Authority Designated Officer", "Oversees allegations.", acronym="LADO")
CSE = Term("Child Sexual Exploitation", "A form of abuse.", acronym="CSE", aliases=["sexual exploitation"])
CIN = Term("Child in Need", "Needs services.", aliases=["children in need"])
GUARDIAN = Term("Children\u2019s Guardian", "Represents the child.")
GLOSSARY = Glossary("glossary.yml", [LADO, CSE, CIN, GUARDIAN])


@pytest.mark.parametrize(("title", "term", "expected"), [
    ("Local Authority Designated Officer", LADO, "Local Authority Designated Officer \u2013 LADO"),
    ("Child Sexual Exploitation", CSE, "Child Sexual Exploitation \u2013 CSE, also sexual exploitation"),
    ("Child in Need", CIN, "Child in Need \u2013 also children in need"),
    ("Children in Need", CIN, "Children in Need"),  # a form the title already is is not said again
    ("3.9 Children in Need", CIN, "3.9 Children in Need"),
    ("Children\u2019s Guardian", GUARDIAN, "Children's Guardian"),
    ("Children Missing Education (CME)", Term("Children Missing Education (CME)", "x"),
     "Children Missing Education (CME) \u2013 CME"),  # "(cme)" is not a word "cme" starts
    ("Emergency Protection Order (EPO)", Term("Emergency Protection Order (EPO)", "x", acronym="EPO"),
     "Emergency Protection Order (EPO) \u2013 EPO"),
    ("Child &amp; Family", Term("Child & Family", "x", aliases=["<b>kin</b> & co"]), "Child &amp; Family \u2013 also &lt;b&gt;kin&lt;/b&gt; &amp; co"),
])
def test_entry_title_adds_acronym_and_aliases_as_words_of_their_own(title, term, expected):
    assert entry_title(title, term) == expected


def entries():
    return [
        {"location": "", "title": "Home", "text": "Welcome."},
        {"location": "statutory/managing-allegations/", "title": "Managing Allegations", "text": ""},
        {"location": "statutory/managing-allegations/#purpose", "title": "Purpose", "text": "<p>Ask the LADO.</p>"},
        {"location": "supplementary/child-sexual-exploitation/", "title": "Child Sexual Exploitation", "text": ""},
        {"location": "glossary/", "title": "Glossary", "text": "<p>Jump to a letter</p>"},
        {"location": "glossary/#letter-l", "title": "L", "text": ""},
        {"location": "glossary/#local-authority-designated-officer", "title": "Local Authority Designated Officer",
         "text": "<p>Acronym: LADO</p>"},
        {"location": "glossary/#childrens-guardian", "title": "Children\u2019s Guardian", "text": "<p>Represents.</p>"},
    ]


def test_glossary_entries_are_titled_with_their_forms_and_boosted():
    found = entries()
    add_glossary(found, GLOSSARY, page_url="glossary/", forms_by_url={})
    by = {e["location"]: e for e in found}
    assert by["glossary/#local-authority-designated-officer"]["title"] == "Local Authority Designated Officer \u2013 LADO"
    assert by["glossary/#local-authority-designated-officer"]["boost"] == ENTRY_BOOST
    assert by["glossary/#childrens-guardian"] == {
        "location": "glossary/#childrens-guardian", "title": "Children's Guardian", "text": "<p>Represents.</p>",
        "boost": ENTRY_BOOST}
    # The glossary page itself, its letter headings and other pages' sections are left alone.
    for location in ("glossary/", "glossary/#letter-l", "statutory/managing-allegations/#purpose"):
        assert by[location] == next(e for e in entries() if e["location"] == location)
    # A page titled with a term is titled with its acronym too; other pages are not.
    assert by["supplementary/child-sexual-exploitation/"]["title"] == "Child Sexual Exploitation \u2013 CSE, also sexual exploitation"
    assert by["statutory/managing-allegations/"]["title"] == "Managing Allegations"


def test_pages_carry_the_forms_of_the_terms_they_use_hidden_in_the_results():
    found = entries()
    add_glossary(found, GLOSSARY, page_url="glossary/",
                 forms_by_url={"statutory/managing-allegations/": ["Local Authority Designated Officer", "LADO", "<i>x</i>"]})
    page = next(e for e in found if e["location"] == "statutory/managing-allegations/")
    assert page["text"] == f' <span class="{FORMS_CLASS}">Local Authority Designated Officer LADO &lt;i&gt;x&lt;/i&gt;</span>'
    section = next(e for e in found if e["location"] == "statutory/managing-allegations/#purpose")
    assert FORMS_CLASS not in section["text"]  # a page's first entry only


def test_words_are_the_words_of_five_letters_or_more_as_material_splits_them():
    found = words([
        {"location": "a/", "title": "Children&#39;s Social Care", "text": "<p>Neglect, <b>self-harm</b> and</p><p>the LADO.</p>"},
        {"location": "b/", "title": "Radicalisation", "text": "<code>x_y</code> (brackets) 2024 caf\u00e9s", "tags": ["Exploitation"]},
    ])
    assert found == sorted(found) and len(set(found)) == len(found)
    assert found == ["cafés", "children", "exploitation", "neglect", "radicalisation", "social"]


def test_words_follow_the_sites_separator():
    entry = {"location": "a/", "title": "", "text": "neglect/abuse"}
    # Material's English separator splits at spaces and hyphens only: "neglect/abuse" is one
    # word, which "neglect" starts and "abuse" does not.
    assert words([entry]) == ["neglect"]
    assert words([entry], r"[\s\-/]+") == ["abuse", "neglect"]
    assert words([entry], "(?<!") == ["neglect"]  # a separator Python cannot read: Material's own
