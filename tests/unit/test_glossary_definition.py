"""Glossary definitions: Markdown with links and emphasis only, whatever glossary.yml holds."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import markdown
import pytest
from hypothesis import given, settings, strategies as st

from generator.glossary import definition

# The extensions the demo site turns on, and MkDocs' own: each could turn text into markup.
EXTENSIONS = ["toc", "admonition", "attr_list", "def_list", "tables", "md_in_html", "abbr", "footnotes"]


def page_html(text: str) -> str:
    """The definition as the glossary page renders it, after other text (as there)."""
    return markdown.markdown("### Term\n\n" + definition.to_markdown(text), extensions=EXTENSIONS)


def elements(html: str) -> list[ET.Element]:
    root = ET.fromstring(f"<div>{html}</div>")
    return [e for e in root.iter() if e is not root]


ALLOWED = {"h3", "p", "em", "strong", "a"}

RENDERED = [
    # (id, definition, links expected as (text, href), text that must show as written)
    ("emphasis", "The *significant* **threshold**.", [], "The significant threshold."),
    ("web-link", "See [the guidance](https://www.gov.uk/guidance).", [("the guidance", "https://www.gov.uk/guidance")], None),
    ("relative-and-anchor", "[A](../statutory/referrals.md) and [B](#neglect)",
     [("A", "../statutory/referrals.md"), ("B", "#neglect")], None),
    ("mailto-tel", "[mail](mailto:a@example.org) [call](tel:+441234567890)",
     [("mail", "mailto:a@example.org"), ("call", "tel:+441234567890")], None),
    ("parentheses-in-address", "[Act](https://en.wikipedia.org/wiki/Children_Act_(1989))",
     [("Act", "https://en.wikipedia.org/wiki/Children_Act_%281989%29")], None),
    ("query-string", "[q](https://example.org/?a=1&b=2)", [("q", "https://example.org/?a=1&b=2")], None),
    ("image-attributes", '![i](x.png){ onerror="alert(1)" }', [], '![i](x.png){ onerror="alert(1)" }'),
    ("link-attributes", '[p](https://example.org){ onfocus="alert(1)" autofocus="" }',
     [("p", "https://example.org")], '{ onfocus="alert(1)" autofocus="" }'),
    ("paragraph-attributes", "Text.\n{: onclick=alert(1) }", [], "Text. {: onclick=alert(1) }"),
    ("reference-link", "See [the policy][p].\n[p]: javascript:alert(1)\n", [], "[the policy][p]"),
    ("external-image", "![p](https://evil.example/p.png)", [], "![p](https://evil.example/p.png)"),
    ("javascript-link", "[x](javascript:alert(3))", [], "[x](javascript:alert(3))"),
    ("javascript-capitals", "[x](JavaScript:alert(3))", [], None),
    ("data-link", "[x](data:text/html,hi)", [], None),
    ("entity-in-address", "[x](&#106;avascript&#58;alert(1))", [("x", "&#106;avascript&#58;alert%281%29")], None),
    ("raw-html", 'Bad <script>alert(1)</script> <img src=x onerror=alert(2)>', [], "Bad <script>alert(1)</script>"),
    ("autolink", "<https://example.org>", [], "<https://example.org>"),
    ("list-start", "* not a list", [], "* not a list"),
    ("rule", "***", [], "***"),
    ("numbered", "1. not a list", [], "1. not a list"),
    ("definition-list", ": not a definition", [], ": not a definition"),
    ("heading", "# not a heading", [], "# not a heading"),
    ("footnote-and-abbr", "Text[^1].\n\n[^1]: note\n\n*[HTML]: x", [], "Text[^1]."),
    ("admonition", '!!! note "x"\n    body', [], '!!! note "x" body'),
]


@pytest.mark.parametrize("text, links, shown", [c[1:] for c in RENDERED], ids=[c[0] for c in RENDERED])
def test_definitions_render_only_emphasis_and_safe_links(text, links, shown):
    html = page_html(text)
    found = elements(html)
    assert {e.tag for e in found} <= ALLOWED, html
    for element in found:
        assert set(element.attrib) <= ({"href"} if element.tag == "a" else {"id"} if element.tag == "h3" else set()), html
    assert [(a.text, a.get("href")) for a in found if a.tag == "a"] == links
    if shown is not None:
        visible = " ".join("".join(ET.fromstring(f"<div>{html}</div>").itertext()).split())
        assert shown in visible


def test_an_entity_in_an_address_stays_text_in_the_html():
    # The browser decodes &#58; in an attribute: it must reach it as &amp;#58;, never as a colon.
    assert 'href="&amp;#106;avascript&amp;#58;alert%281%29"' in page_html("[x](&#106;avascript&#58;alert(1))")


PROBLEMS = [
    ("attribute-list", '[p](https://example.org){ onfocus="alert(1)" }', ["has '{ onfocus=\"alert(1)\" }': curly braces"]),
    ("image", "See ![p](https://evil.example/p.png).", ["has an image, '![p](https://evil.example/p.png)'"]),
    ("reference-link", "See [the policy][p].", ["has a reference-style link, '[the policy][p]'"]),
    ("reference-line", "Text.\n[p]: https://example.org", ["has a link definition line, '[p]: https://example.org'"]),
    ("unsafe-scheme", "[x](javascript:alert(1))", ["links to 'javascript:alert(1)'"]),
    ("colon-without-scheme", "[x](java%73cript:alert(1))", ["links to 'java%73cript:alert(1)'"]),
    ("link-with-title", '[x](https://example.org "Title")', ["has a link whose address holds a space or a title"]),
    ("link-without-text", "[](https://example.org)", ["has a link without text"]),
    ("fine", "The *threshold*; see [the Act](https://www.legislation.gov.uk/) or [Neglect](#neglect).", []),
    ("raw-html-is-text", "<b>bold</b> & <script>", []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in PROBLEMS], ids=[c[0] for c in PROBLEMS])
def test_forbidden_markup_is_reported(text, expected):
    found = definition.problems(text)
    assert len(found) == len(expected), found
    for message, start in zip(found, expected, strict=True):
        assert message.startswith(start), message


PLAIN = [
    ("links-and-emphasis", "A *form* of [abuse](https://example.org).", "A form of abuse."),
    ("image-and-attributes", '![i](x.png){ onerror="alert(1)" }', 'i{ onerror="alert(1)" }'),
    ("html-stays-text", "<script>alert(1)</script>", "<script>alert(1)</script>"),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in PLAIN], ids=[c[0] for c in PLAIN])
def test_plain_text_for_tooltips(text, expected):
    assert definition.to_plain(text) == expected


PIECES = st.sampled_from([
    "neglect", " ", "*", "_", "[", "]", "(", ")", "!", "{", "}", ":", "#", "<", ">", "&", "\n", "\n\n", "=", "\"",
    "javascript:alert(1)", "https://example.org", "onerror=", "x.png", "[p]: ", "1. ", "- ", "|", "`", "\\",
    "<img src=x onerror=alert(1)>", "&#58;", "{: .x }", "![i](x.png)", "[a](b)",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=30))
def test_any_definition_renders_only_emphasis_and_safe_links(pieces):
    html = page_html("".join(pieces))
    for element in elements(html):
        assert element.tag in ALLOWED, html
        if element.tag == "a":
            assert set(element.attrib) == {"href"}, html
            assert definition.safe_address(element.get("href")), html
        elif element.tag != "h3":
            assert not element.attrib, html
    assert not re.search(r"<(?!/?(?:h3|p|em|strong|a)\b)", html), html
