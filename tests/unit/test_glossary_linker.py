"""The glossary linker: Markdown in, HTML out, and properties that hold for any text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import markdown
import pytest
from hypothesis import given, settings, strategies as st

from generator.glossary import GlossaryExtension, LinkContext, Matcher
from generator.glossary.model import Glossary, Term

GLOSSARY = Glossary("glossary.yml", [
    Term("Exploitation", "Taking advantage of a child."),
    Term("Child Sexual Exploitation", "A form of *sexual* abuse.", acronym="CSE"),
    Term("Significant Harm", "The threshold.", aliases=["harm threshold"]),
    Term("Neglect", "Persistent failure to meet needs."),
    Term("Local Authority Designated Officer", "Oversees allegations.", acronym="LADO"),
    Term("Hidden", "Never linked.", link=False),
    Term("Section 47 Enquiry", "The enquiries the local authority makes."),
    Term("Child in Need", "A child who needs services.", aliases=["children in need"]),
    Term("Designated Safeguarding Lead", "Leads safeguarding in a school.", aliases=["DSL"]),
    Term("Survey", "Questions asked of many people."),
    # Shapes of real glossaries: a curly apostrophe, an ampersand, a slash, brackets, a digit, quotes.
    Term("Children\u2019s Guardian", "Represents the child in court."),
    Term("Accident & Emergency", "The hospital department.", acronym="A&E"),
    Term("Parent/Carer", "Anyone who looks after the child."),
    Term("Emergency Protection Order (EPO)", "A court order."),
    Term("0-19 Health Service", "Health visitors and school nurses."),
    Term("\u2018Was Not Brought\u2019", "A missed appointment."),
])


def render(text: str, mode: str = "first", glossary: Glossary = GLOSSARY) -> str:
    extension = GlossaryExtension()
    md = markdown.Markdown(extensions=["tables", "admonition", "attr_list", extension])
    extension.context = LinkContext(Matcher(glossary), href=lambda t: f"../glossary.md#{t.anchor}", mode=mode)
    return md.convert(text)


def linked(html: str) -> list[tuple[str, str]]:
    """(shown text, anchor) of every term link."""
    return re.findall(r'<a aria-describedby="pm-term-\d+" class="pm-term__link" href="\.\./glossary\.md#([^"]+)">([^<]*)</a>', html) and [
        (text, anchor) for anchor, text in re.findall(r'href="\.\./glossary\.md#([^"]+)">([^<]*)</a>', html)
    ]


CASES = [
    ("plain", "We saw neglect here.", [("neglect", "neglect")]),
    ("start-of-sentence", "Neglect is common.", [("Neglect", "neglect")]),
    ("punctuation", "Signs of neglect, (neglect) and neglect.", [("neglect", "neglect")]),
    ("plural", "Several neglects were seen.", [("neglects", "neglect")]),
    ("plural-es", "Harm thresholdes are odd.", [("Harm thresholdes", "significant-harm")]),
    ("possessive", "The neglect's effects.", [("neglect's", "neglect")]),
    ("curly-possessive", "The neglect\u2019s effects.", [("neglect\u2019s", "neglect")]),
    ("case-insensitive", "SIGNIFICANT HARM matters.", [("SIGNIFICANT HARM", "significant-harm")]),
    ("alias", "Below the harm threshold.", [("harm threshold", "significant-harm")]),
    ("longest-wins", "Child sexual exploitation and exploitation.",
     [("Child sexual exploitation", "child-sexual-exploitation"), ("exploitation", "exploitation")]),
    ("acronym", "Call the LADO today.", [("LADO", "local-authority-designated-officer")]),
    ("acronym-lower-not-matched", "The lado is not an acronym here.", []),
    ("acronym-plural", "Two CSEs.", [("CSEs", "child-sexual-exploitation")]),
    ("whole-words-only", "Neglected and unneglect and neglectful.", []),
    ("heading", "## Neglect\n\nText.", []),
    ("link", "[neglect](other.md) then neglect.", [("neglect", "neglect")]),
    ("code-span", "`neglect` and then neglect.", [("neglect", "neglect")]),
    ("code-block", "    neglect in code\n", []),
    ("emphasis-around", "It was *neglect* again.", [("neglect", "neglect")]),
    ("emphasis-inside", "Child *sexual* exploitation.", [("exploitation", "exploitation")]),
    ("table", "| a |\n| - |\n| neglect |", [("neglect", "neglect")]),
    ("list", "- one neglect\n- two", [("neglect", "neglect")]),
    ("admonition", '!!! note "Neglect"\n    About neglect here.', [("neglect", "neglect")]),
    ("abbr-and-kbd", "<kbd>neglect</kbd> <abbr>neglect</abbr> <dfn>neglect</dfn>", []),
    ("link-false", "Hidden things.", []),
    ("across-lines", "significant\nharm", [("significant\nharm", "significant-harm")]),
    ("first-only", "neglect and neglect.", [("neglect", "neglect")]),
    ("plural-ies", "Two Section 47 enquiries.", [("Section 47 enquiries", "section-47-enquiry")]),
    ("plural-ies-across-lines", "section 47\nENQUIRIES", [("section 47\nENQUIRIES", "section-47-enquiry")]),
    ("plural-ies-not-after-vowel", "Two surveies, two surveys.", [("surveys", "survey")]),
    ("irregular-plural-alias", "All children in need.", [("children in need", "child-in-need")]),
    ("capital-alias", "Ask the DSL.", [("DSL", "designated-safeguarding-lead")]),
    ("capital-alias-lower-not-matched", "Ask the dsl or the Dsl.", []),
    ("capital-alias-plural", "Ask the DSLs.", [("DSLs", "designated-safeguarding-lead")]),
    ("word-across-emphasis", "*un*neglect and **un**neglect.", []),
    ("word-across-emphasis-after", "neglect*ed* and neglect**ful**.", []),
    ("word-across-code-and-link", "`un`neglect and [un](x.md)neglect.", []),
    ("word-across-raw-tags", "<b>un</b>neglect and neglect<i>ed</i>.", []),
    ("hyphen-across-emphasis", "*self*-neglect.", []),
    ("space-across-emphasis", "*un* neglect.", [("neglect", "neglect")]),
    ("punctuation-around-emphasis", "(*neglect*).", [("neglect", "neglect")]),
    ("word-ends-at-a-line-break", "un<br>neglect", [("neglect", "neglect")]),
    ("word-ends-at-a-block", "- un\n- neglect", [("neglect", "neglect")]),
    ("curly-apostrophe-term-in-straight-text", "Ask the children's guardian.", [("children's guardian", "childrens-guardian")]),
    ("curly-apostrophe-term-in-curly-text", "Ask the Children\u2019s Guardian.", [("Children\u2019s Guardian", "childrens-guardian")]),
    ("ampersand-term", "Go to Accident & Emergency.", [("Accident &amp; Emergency", "accident-emergency")]),
    ("ampersand-acronym", "Go to A&E now.", [("A&amp;E", "accident-emergency")]),
    ("slash-term", "Tell the parent/carer first.", [("parent/carer", "parentcarer")]),
    ("brackets-term", "An Emergency Protection Order (EPO) was made.",
     [("Emergency Protection Order (EPO)", "emergency-protection-order-epo")]),
    ("digit-term", "The 0-19 health service visits.", [("0-19 health service", "0-19-health-service")]),
    ("quoted-term", "Record \u2018was not brought\u2019 in the notes.", [("\u2018was not brought\u2019", "was-not-brought")]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_terms_are_linked_where_they_should_be(text, expected):
    assert linked(render(text)) == expected


def test_all_mode_links_every_use():
    assert linked(render("neglect and neglect; neglect.", mode="all")) == [("neglect", "neglect")] * 3


def test_link_carries_an_accessible_tooltip_without_markup():
    glossary = Glossary("g", [Term("Neglect", 'Bad <script>alert(1)</script> [x](javascript:y) *em* onerror="z"')])
    html = render("neglect", glossary=glossary)
    assert '<a aria-describedby="pm-term-1" class="pm-term__link" href="../glossary.md#neglect">neglect</a>' in html
    tip = re.search(r'<span class="pm-term__tip" data-search-exclude="" id="pm-term-1" role="tooltip">(.*?)</span>', html).group(1)
    assert tip == 'Neglect: Bad &lt;script&gt;alert(1)&lt;/script&gt; x em onerror="z"'
    assert "<script>" not in html


@pytest.mark.parametrize("definition, shown", [
    ('![i](x.png){ onerror="alert(1)" }', 'Neglect: i{ onerror="alert(1)" }'),
    ('[p](https://example.org){ onfocus="alert(1)" autofocus="" }', 'Neglect: p{ onfocus="alert(1)" autofocus="" }'),
    ("See [the policy][p]. [p]: javascript:alert(1)", "Neglect: See [the policy][p]. [p]: javascript:alert(1)"),
])
def test_tooltips_stay_plain_text(definition, shown):
    html = render("neglect", glossary=Glossary("g", [Term("Neglect", definition)]))
    root = ET.fromstring(f"<div>{html}</div>")
    tip = next(e for e in root.iter("span") if e.get("class") == "pm-term__tip")
    assert not list(tip) and tip.text == shown
    assert not list(root.iter("img")) and not any(name.startswith("on") for e in root.iter() for name in e.attrib)


def test_no_context_means_no_links():
    extension = GlossaryExtension()
    md = markdown.Markdown(extensions=[extension])
    assert "pm-term" not in md.convert("neglect")


WORDS = st.sampled_from(["neglect", "Neglect", "CSE", "child", "sexual", "exploitation", "harm", "significant",
                         "the", "LADO", "lado", "a", "*em*", "`code`", "[link](x.md)", ",", ".", "'s", "neglects",
                         "*un*neglect", "neglect*ed*", "`un`neglect", "**neglect**", "*neglect*s", "enquiries",
                         "section", "47", "DSL", "dsl"])


def visible_text(html: str, mark: bool = False) -> str:
    """The text a reader sees (tooltips left out); with ``mark``, each term link's text in \x01 ... \x02."""
    root = ET.fromstring(f"<div>{html}</div>")
    for element in root.iter():
        if element.get("class") == "pm-term__tip":
            element.text = ""
        elif mark and element.get("class") == "pm-term__link":
            element.text = f"\x01{element.text}\x02"
    return "".join(root.itertext())


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=25), st.sampled_from(["first", "all"]))
def test_properties_text_unchanged_no_nested_links_well_formed(words, mode):
    text = " ".join(words)
    plain = markdown.markdown(text)
    html = render(text, mode=mode)
    root = ET.fromstring(f"<div>{html}</div>")  # well-formed
    for link in root.iter("a"):
        assert not list(link.iter("a"))[1:], "a link inside a link"
    assert visible_text(html) == "".join(ET.fromstring(f"<div>{plain}</div>").itertext())
    # Whole words only, across element edges too: nothing of the word goes on outside the link.
    assert not re.search(r"[\w-]\x01|\x02[\w-]", visible_text(html, mark=True)), html
