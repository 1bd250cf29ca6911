"""Placeholder links ([text](#), [text](), links without text), named by file and line."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from markdown import Markdown

from generator.links.placeholders import find_in_markdown, find_in_page
from generator.cli import main
from tests.conftest import Project, page


def found(text: str) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in find_in_markdown(text, "x.md")]


FOUND = [
    ("See [the referral form](#).", 1, "the link [the referral form] points to '#', a placeholder: link it to a page or a web address, or remove the brackets and keep the text"),
    ("Intro\n\nSee [the form]().", 3, "the link [the form] points to nothing, a placeholder"),
    ("See [the form]( # ).", 1, "points to '#'"),
    ("See [the form](<#>).", 1, "points to '#'"),
    ('See [the form](# "Form").', 1, "points to '#'"),
    ("See [](referrals.md).", 1, "the link to 'referrals.md' has no text: write what readers should see between the brackets, e.g. [Referral form](referrals.md)"),
    ("See [  ](https://example.org).", 1, "the link to 'https://example.org' has no text"),
    ("See []().", 1, "an empty link [] points to nothing: remove it"),
    ("- item\n- [Local contacts][contacts]\n\n[contacts]: #", 4, "the link reference [contacts] points to #, a placeholder"),
    ('<a href="#">Click here</a>', 1, "the HTML link <a href=\"#\"> is a placeholder"),
    ("<a class='x' href=''>Click</a>", 1, "the HTML link <a href=\"\"> is a placeholder"),
    ("A [very long link text that goes on and on and on for ever](#)", 1, "the link [very long link text that goes on and ...] points"),
    # Links as Markdown reads them: wrapped over the lines of a paragraph, with brackets inside.
    ("A wrapped [link that spans\ntwo lines](#) here.", 1, "the link [link that spans two lines] points to '#'"),
    ("Intro\n\nSee the\n[referral\n  form]() here.", 4, "the link [referral form] points to nothing"),
    ("See [the form](\n  #\n).", 1, "the link [the form] points to '#'"),
    ('See [the form](#\n  "The form").', 1, "points to '#'"),
    ("[see [1]](#)", 1, "the link [see [1]] points to '#'"),
    ("[nested [deeper [still]]]()", 1, "the link [nested [deeper [still]]] points to nothing"),
    ("[a [b](c.md) d](#)", 1, "the link [a [b](c.md) d] points to '#'"),  # the outer brackets are the link
    ("[![logo](logo.png)](#)", 1, "the link [![logo](logo.png)] points to '#'"),
    ("[see \\] here](#)", 1, "the link [see \\] here] points to '#'"),
    ("`code` and `more\ncode` then\n[x](#)", 3, "the link [x] points to '#'"),
    ('<a class="x"\n   href="#">Click</a>', 1, 'the HTML link <a href="#"> is a placeholder'),
    ("Text\r\n\r\n[form](#)\r\n", 3, "the link [form] points to '#'"),
    ("See [contacts].\n\n[contacts]:\n    #", 3, "the link reference [contacts] points to #"),
]


@pytest.mark.parametrize(("markdown", "line", "message"), FOUND)
def test_placeholders_are_found(markdown, line, message):
    results = found(markdown)
    assert len(results) == 1, results
    assert results[0][0] == line and message in results[0][1]


NOT_FOUND = [
    "See [the form](forms.md#referral) and [top](#purpose).",
    "![](diagram.png) is an image, not a link.",
    "An escaped \\[bracket](#) is text.",
    "Code: `[text](#)` is shown as written.",
    "```\n[text](#)\n[](x)\n```\n",
    "~~~markdown\n[text](#)\n~~~\n",
    "````\n```\n[text](#)\n```\n````\n",
    "A footnote[^1] and [a link](https://example.org/a_(b)).",
    "<a href=\"#purpose\">Purpose</a>",
    "[text that\n\ncrosses a blank line](#)",  # two paragraphs: no link
    "[text]\n\n(#)",
    "[text] (#) with a space is not a link",
    "Code `across\nlines [x](#)` is shown as written.",
    "<!-- [x](#) in a comment -->",
    "<!--\n[x](#)\n-->",
    "[a [b](#) c](page.md)",  # the outer brackets are the link, to page.md; [b](#) is its text
    "![alt [x]](#)",  # an image, not a link
]


@pytest.mark.parametrize("markdown", NOT_FOUND)
def test_real_links_and_code_are_not_reported(markdown):
    assert found(markdown) == []


@pytest.mark.parametrize(("markdown", "flagged"), [(m, True) for m, _, msg in FOUND if "HTML link" not in msg] + [(m, False) for m in NOT_FOUND])
def test_what_is_flagged_is_what_python_markdown_renders_as_an_empty_or_placeholder_link(markdown, flagged):
    """The detection agrees with the renderer MkDocs uses, case by case."""
    # MkDocs always adds toc, tables and fenced_code; the test manuals add attr_list.
    html = Markdown(extensions=["attr_list", "toc", "tables", "fenced_code"]).convert(markdown)
    links = re.findall(r"<a [^>]*?href=\"([^\"]*)\"[^>]*>(.*?)</a>", html, re.S)
    assert any(href in ("", "#") or not re.sub(r"<(?!img)[^>]+>", "", text).strip() for href, text in links) is flagged, html


def test_every_link_is_reported_at_the_line_it_starts_on():
    text = "One [a](#) and [b\nc]() on two lines.\n\n- item [d\n  e](#)\n- [f](ok.md)\n"
    assert found(text) == [
        (1, "the link [a] points to '#', a placeholder: link it to a page or a web address, or remove the brackets and keep the text"),
        (1, "the link [b c] points to nothing, a placeholder: link it to a page or a web address, or remove the brackets and keep the text"),
        (4, "the link [d e] points to '#', a placeholder: link it to a page or a web address, or remove the brackets and keep the text"),
    ]
    assert [p.line for p in find_in_markdown("x\n[wrapped\nlink](#)\n", "p.md", first_line=7)] == [8]


def test_line_numbers_count_from_the_body_start():
    assert [p.line for p in find_in_markdown("a\n[x](#)\n", "p.md", first_line=7)] == [8]
    text = "---\ntitle: Home\n---\n\nWelcome.\n\n[Contact us](#)\n"
    assert [(p.path, p.line) for p in find_in_page(text, "docs/index.md")] == [("docs/index.md", 7)]
    assert [p.line for p in find_in_page("No front matter [x]()\n", "a.md")] == [1]
    assert [p.line for p in find_in_page("---\nnever closed [x](#)\n", "a.md")] == [2]


def test_check_reports_placeholders_in_procedures_and_site_pages(tmp_path):
    proj = Project(tmp_path / "m")
    proj.write("docs/index.md", "---\ntitle: Home\n---\n\nSee [the contacts](#).\n")
    proj.write("docs/.hidden/skip.md", "[x](#)\n")
    proj.write("statutory/referrals.md", page(body="## Purpose\n\nFill in [the form]().\n\n[](https://example.org)\n"))
    proj.write("supplementary/neglect.md", page("Neglect", 7, "2024-02-01"))
    proj.config()
    result = CliRunner().invoke(main, ["-C", str(proj.root), "check"])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.endswith("[placeholder-link]")]
    assert all(line.startswith("warning: ") for line in lines)
    assert [line.split(": ")[1] for line in lines] == ["docs/index.md:5", "statutory/referrals.md:9", "statutory/referrals.md:11"]
    assert "the link [the form] points to nothing, a placeholder" in lines[1]
