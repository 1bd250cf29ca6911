"""One Markdown link scanner: tricky links, read as Python-Markdown reads them, the same for every use.

Each row is read by the scanner and checked against what Python-Markdown itself renders; then
every reader of links (the link graph, the internal-link check, the placeholder check, headings'
anchors, the glossary's prose and glossary definitions) is held to the same answer.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st
from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from generator.core.mdtext import prose
from generator.glossary import definition
from generator.glossary.usage import body_text
from generator.links.graph import markdown_links
from generator.links.internal import anchors, check_links
from generator.links.placeholders import find_in_markdown
from generator.links.scanner import DEFINITION, IMAGE, LINK, REFERENCE, link_text, links_in

# (id, Markdown, what is found: (kind, text as written, target, line))
TRICKY = [
    ("plain", "See [referrals](referrals.md).", [(LINK, "referrals", "referrals.md", 1)]),
    ("nested-brackets", "[see [1]](a.md)", [(LINK, "see [1]", "a.md", 1)]),
    ("deeply-nested", "[a [b [c]] d](a.md)", [(LINK, "a [b [c]] d", "a.md", 1)]),
    ("outer-brackets-are-the-link", "[a [b](b.md) c](#)", [(LINK, "a [b](b.md) c", "#", 1)]),
    ("escaped-bracket-in-text", "[see \\] here](a.md)", [(LINK, "see \\] here", "a.md", 1)]),
    ("escaped-opening", "An \\[escaped](a.md) bracket.", []),
    ("escaped-in-address", "[a](a\\_b.md)", [(LINK, "a", "a_b.md", 1)]),
    ("angle-brackets", "[a](<my page.md>)", [(LINK, "a", "my page.md", 1)]),
    ("space-in-address", "[a](my page.md)", [(LINK, "a", "my page.md", 1)]),
    ("parentheses-in-address", "[Act](a_(1989).md)", [(LINK, "Act", "a_(1989).md", 1)]),
    ("double-quoted-title", '[a](a.md "The title")', [(LINK, "a", "a.md", 1)]),
    ("single-quoted-title", "[a](a.md 'The title')", [(LINK, "a", "a.md", 1)]),
    ("title-with-parentheses", '[a](a.md "see (1)")', [(LINK, "a", "a.md", 1)]),
    ("text-across-lines", "A [link that\nwraps](a.md) here.", [(LINK, "link that\nwraps", "a.md", 1)]),
    ("address-on-the-next-line", "See [the form](\n  a.md\n).", [(LINK, "the form", "a.md", 1)]),
    ("not-across-a-blank-line", "[text that\n\ncrosses](a.md)", []),
    ("space-before-parenthesis", "[text] (a.md) is no link", []),
    ("unclosed", "[not closed](a.md", []),
    ("empty-address", "[empty]()", [(LINK, "empty", "", 1)]),
    ("placeholder", "[form](#)", [(LINK, "form", "#", 1)]),
    ("image", "![a picture](picture.png)", [(IMAGE, "a picture", "picture.png", 1)]),
    ("image-in-a-link", "[![logo](logo.png)](a.md)", [(LINK, "![logo](logo.png)", "a.md", 1), (IMAGE, "logo", "logo.png", 1)]),
    # Python-Markdown reads the text after an image inside a link again, with every pattern.
    ("link-after-an-image-in-a-link", "[![i](i.png) [a](a.md)](c.md)",
     [(LINK, "![i](i.png) [a](a.md)", "c.md", 1), (IMAGE, "i", "i.png", 1), (LINK, "a", "a.md", 1)]),
    ("link-in-an-image-is-lost", "![alt [x](x.md)](i.png)", [(IMAGE, "alt [x](x.md)", "i.png", 1)]),
    ("code-span", "`[code](a.md)` but [real](b.md)", [(LINK, "real", "b.md", 1)]),
    ("code-span-across-lines", "Code `across\nlines [x](a.md)` here.", []),
    ("escaped-backtick", "\\`[a](a.md)\\`", [(LINK, "a", "a.md", 1)]),
    ("fenced-code", "```\n[fenced](a.md)\n```\n[after](b.md)", [(LINK, "after", "b.md", 4)]),
    ("comment", "<!-- [x](a.md) -->", []),
    ("reference", "[text][r]\n\n[r]: a.md", [(REFERENCE, "text", "a.md", 1), (DEFINITION, "r", "a.md", 3)]),
    ("collapsed-reference", "[Form][]\n\n[FORM]: a.md", [(REFERENCE, "Form", "a.md", 1), (DEFINITION, "FORM", "a.md", 3)]),
    ("shortcut-reference", "See [r].\n\n[r]: <a.md> \"Title\"", [(REFERENCE, "r", "a.md", 1), (DEFINITION, "r", "a.md", 3)]),
    ("reference-to-nothing", "[text][nowhere] and [a](a.md)", [(LINK, "a", "a.md", 1)]),
    ("definition-on-two-lines", "[r]:\n    a.md", [(DEFINITION, "r", "a.md", 1)]),
    ("no-definition-with-a-space", "[r]: <my page.md>", []),
    ("definition-splits-a-paragraph", "[a\n[r]: r.md\nb](a.md)", [(DEFINITION, "r", "r.md", 2)]),
    ("heading", "# [a](a.md) #\n[b](b.md)", [(LINK, "a", "a.md", 1), (LINK, "b", "b.md", 2)]),
    ("quote", "> [a\n> b](a.md)", [(LINK, "a\n> b", "a.md", 1)]),
]

# What MkDocs always turns on, and attr_list, as the test manuals do.
EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list"]


class _Collect(Treeprocessor):
    """The links and images of the rendered tree, in order, as (tag, address)."""

    found: list[tuple[str, str]] = []

    def run(self, root):
        self.found = [(e.tag, e.get("href") if e.tag == "a" else e.get("src")) for e in root.iter() if e.tag in ("a", "img")]


def rendered(markdown: str) -> list[tuple[str, str]]:
    md = Markdown(extensions=EXTENSIONS)
    collect = _Collect(md)
    md.treeprocessors.register(collect, "collect", -1)  # after everything, escapes put back
    md.convert(markdown)
    return collect.found


def scanned(markdown: str) -> list[tuple[str, str]]:
    return [("img" if link.kind == IMAGE else "a", link.target) for link in links_in(prose(markdown)) if link.kind != DEFINITION]


@pytest.mark.parametrize("markdown, expected", [c[1:] for c in TRICKY], ids=[c[0] for c in TRICKY])
def test_the_scanner_reads_tricky_links(markdown, expected):
    assert [(link.kind, link.text, link.target, link.line) for link in links_in(prose(markdown))] == expected


@pytest.mark.parametrize("markdown", [c[1] for c in TRICKY], ids=[c[0] for c in TRICKY])
def test_the_scanner_finds_what_python_markdown_renders(markdown):
    assert scanned(markdown) == rendered(markdown)


@pytest.mark.parametrize("markdown, expected", [c[1:] for c in TRICKY], ids=[c[0] for c in TRICKY])
def test_every_reader_of_links_agrees(markdown, expected):
    links = [(kind, text, target, line) for kind, text, target, line in expected if kind in (LINK, DEFINITION)]
    # The link graph, and so "Referred to by": inline links and definitions.
    assert markdown_links(markdown, first_line=10) == [(target, line + 9) for _, _, target, line in links]
    # The internal-link check: a link to a page the site does not have, at its line.
    broken = check_links([("p.md", "p.md", markdown, 10)], generated=[])
    assert sorted(p.line for p in broken) == sorted(
        line + 9 for _, _, target, line in links if target.endswith(".md"))
    # Placeholders: links to '#' or nothing, or without text.
    flagged = [p.line for p in find_in_markdown(markdown, "p.md", first_line=10)]
    assert flagged == [line + 9 for kind, text, target, line in links
                       if target in ("", "#") or (kind == LINK and not text.strip())]
    # The glossary's prose holds links' text, never their addresses.
    prose_words = body_text(markdown)
    for kind, _, target, _ in expected:
        if kind != IMAGE and target not in ("", "#"):
            assert target not in prose_words
    # Glossary definitions: their links and images are the top-level ones.
    if not any(kind in (REFERENCE, DEFINITION) for kind, *_ in expected):
        parts = [(p.kind, p.target) for p in definition.parse(markdown) if p.kind != "text"]
        outer = [link for link in links_in(markdown) if link.kind in (LINK, IMAGE)]
        outer = [link for link in outer if not any(o.start < link.start < o.end for o in outer)]
        assert [target for _, target in parts] == [link.target for link in outer]


@pytest.mark.parametrize("heading, anchor", [
    ("## See [the form](a.md)", "see-the-form"),
    ("## See [the [new] form](a.md)", "see-the-new-form"),
    ("## [![logo](l.png) Contacts](a.md)", "contacts"),
    ("## The *first* step", "the-first-step"),
])
def test_anchors_are_made_from_a_headings_words(heading, anchor):
    assert anchors(heading) == {anchor}
    html = Markdown(extensions=["toc"]).convert(heading)
    assert f'id="{anchor}"' in html


def test_link_text_keeps_words_and_drops_images():
    assert link_text("A [b [c]](d.md) ![e](e.png) f") == "A b [c]  f"


PIECES = st.sampled_from([
    "[", "]", "(", ")", "!", "a", " ", "\n", "\\", '"', "'", "x.md", "[r]", "\n\n", "[r]: y.md\n", "](", "#",
    "![", "[a](b.md)", "<x.md>", "# ",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=14))
def test_any_mix_of_brackets_is_read_as_python_markdown_reads_it(pieces):
    markdown = "".join(pieces)
    expected = rendered(markdown)
    # Python-Markdown leaves its own placeholder in an address when an unclosed title swallows
    # a link: there is nothing right to agree with then.
    if not any("\x02" in (address or "") for _, address in expected):
        assert scanned(markdown) == expected
