"""Tables for the importer's pieces: stamps, list markers, chrome, HTML structures and escaping."""

from __future__ import annotations

import datetime as dt
import html
import re

import markdown
import pytest
from hypothesis import given, settings, strategies as st

from generator.importer import textrules
from generator.importer.document import ImportedDocument, Paragraph, Text
from generator.importer.fromhtml import read_html
from generator.importer.fromtext import read_text
from generator.importer.htmltree import Element, parse
from generator.importer.writer import LIST_SEPARATOR, body

# The extensions our sites use, plus MkDocs' built-in ones.
EXTENSIONS = ["toc", "tables", "fenced_code", "admonition", "attr_list", "def_list", "md_in_html"]


def to_html(markdown_text: str) -> str:
    return markdown.markdown(markdown_text, extensions=EXTENSIONS)


def convert(page: str) -> tuple[ImportedDocument, str, list]:
    doc = read_html("<title>Page</title>" + page, "page.html")
    text, notes = body(doc)
    return doc, text, notes


# --------------------------------------------------------------------------- the stamp


@pytest.mark.parametrize("text, date, version", [
    ("Last Updated: April 14, 2023", dt.date(2023, 4, 14), None),
    ("Last Updated: April 14, 2023 v14", dt.date(2023, 4, 14), 14),
    ("Last updated: 14 April 2023", dt.date(2023, 4, 14), None),
    ("Last updated 14/04/2023", dt.date(2023, 4, 14), None),
    ("Last updated: 4/2/23", dt.date(2023, 2, 4), None),  # UK order: day first
    ("last reviewed: 14th April 2023", dt.date(2023, 4, 14), None),
    ("Updated: 2023-04-14", dt.date(2023, 4, 14), None),
    ("Page last updated: 4 Feb 2024 | Version 9", dt.date(2024, 2, 4), 9),
    ("This page was last amended on 1st of March, 2022 - V.3", dt.date(2022, 3, 1), 3),
    ("Last Updated: Sept 30, 2021", dt.date(2021, 9, 30), None),
    ("Last updated: 14.04.2023", dt.date(2023, 4, 14), None),
    ("Last Updated: April 14, 2023 / v14", dt.date(2023, 4, 14), 14),
])
def test_stamps(text, date, version):
    found, found_version, rest = textrules.read_stamp(text)
    assert found is not None and found.date == date
    assert found_version == version
    assert textrules.leftover_is_empty(rest)


@pytest.mark.parametrize("text, error", [
    ("Last updated: 31/02/2023", "there is no such date"),
    ("Last updated: Smarch 4, 2023", "'Smarch' is not a month"),
])
def test_impossible_stamp_dates(text, error):
    found, _, _ = textrules.read_stamp(text)
    assert found is not None and found.date is None and found.error == error


@pytest.mark.parametrize("text", [
    "The guidance was updated to include online harm.",
    "Last updated by the business unit",
    "We updated our records on a date to be confirmed.",
])
def test_not_stamps(text):
    assert textrules.read_stamp(text)[0] is None


@pytest.mark.parametrize("text, version", [
    ("v14", 14), ("V14", 14), ("Version 7", 7), ("version: 7", 7), ("v. 3", 3), ("| v2 |", 2),
    ("v14 of the manual", None), ("Review 3", None), ("vv3", None),
])
def test_version_alone(text, version):
    assert textrules.version_only(text) == version


# --------------------------------------------------------------------------- markers, chrome, titles


@pytest.mark.parametrize("text, kind, depth, number", [
    ("• staff in schools", "bullet", 1, ()),
    ("◦ nested point", "bullet", 2, ()),
    ("- dash bullet", "bullet", 1, ()),
    ("1. Talk to your lead", "number", 1, (1,)),
    ("3) Keep a record", "number", 1, (3,)),
    ("1.1 Write it down", "number", 2, (1, 1)),
    ("2.3.1 Tell the family", "number", 3, (2, 3, 1)),
    ("1.2. Say how long", "number", 2, (1, 2)),
    ("1.5 million children", None, 0, ()),
    ("2023 was a busy year", None, 0, ()),
    ("•no space after the bullet", None, 0, ()),
    ("Section 47 enquiries", None, 0, ()),
])
def test_markers(text, kind, depth, number):
    found = textrules.marker(text)
    if kind is None:
        assert found is None
    else:
        assert found is not None and (found.kind, found.depth, found.number) == (kind, depth, number)


@pytest.mark.parametrize("text, chrome", [
    ("Skip to content", True),
    ("Skip to main content", True),
    ("Print | Share", True),
    ("Print this page", True),
    ("Back to top", True),
    ("Home > Statutory Procedures > Referrals", True),
    ("You are here: Home » Referrals", True),
    ("We use cookies to understand how this site is used. Accept", True),
    ("Exampleshire Safeguarding Children Partnership logo", True),
    ("Print the form and send it to the team.", False),
    ("Share information with the police when a child is at risk.", False),
    ("Home visits should take place within five days.", False),
    ("Skip", False),
])
def test_chrome_text(text, chrome):
    assert textrules.is_chrome_text(text) is chrome


@pytest.mark.parametrize("title, cleaned, number", [
    ("1.2 Referrals", "Referrals", "1.2"),
    ("3. Neglect", "Neglect", "3"),
    ("Chapter 4: Flowcharts", "Flowcharts", "Chapter 4"),
    ("Section 47 Enquiries", "Section 47 Enquiries", ""),
    ("2023 Review of Thresholds", "2023 Review of Thresholds", ""),
])
def test_title_numbers(title, cleaned, number):
    assert textrules.strip_title_number(title) == (cleaned, number)


# --------------------------------------------------------------------------- the HTML tree


def test_tree_closes_what_saved_pages_leave_open():
    root = parse("<body><p>one<p>two<ul><li>a<li>b</ul><table><tr><td>x<td>y<tr><td>z</table></body>")
    body_element = root.find("body")
    assert body_element is not None
    assert [e.tag for e in body_element.elements()] == ["p", "p", "ul", "table"]
    ul = body_element.elements()[2]
    assert [e.tag for e in ul.elements()] == ["li", "li"]
    rows = [e for e in body_element.iter() if e.tag == "tr"]
    assert [[c.tag for c in r.elements()] for r in rows] == [["td", "td"], ["td"]]


def test_tree_keeps_script_text_out_and_records_lines():
    root = parse("<p>a</p>\n<script>alert('<p>x</p>')</script>\n<h2 id='s'>Title</h2>")
    assert all("alert" not in getattr(n, "text", "") for e in root.iter() for n in e.children)
    heading = root.find("h2")
    assert isinstance(heading, Element) and heading.line == 3 and heading.get("id") == "s"


# --------------------------------------------------------------------------- HTML structures to Markdown


def test_bullet_and_numbered_paragraphs_become_nested_lists():
    _, text, notes = convert("""<main>
        <p>Before.</p>
        <p>1. First</p><p>1.1 First sub</p><p>• a bullet under it</p><p>1.2 Second sub</p>
        <p>2. Second</p>
        <p>After.</p>
        <p>• one</p><p>◦ nested</p><p>• two</p>
    </main>""")
    assert text == (
        "Before.\n\n"
        "1. First\n"
        "    1. First sub\n"
        "        - a bullet under it\n"
        "    2. Second sub\n"
        "2. Second\n\n"
        "After.\n\n"
        "- one\n"
        "    - nested\n"
        "- two\n"
    )
    assert notes == []
    rendered = to_html(text)
    assert rendered.count("<ol>") == 2 and rendered.count("<ul>") == 3


def test_numbered_paragraphs_that_do_not_start_at_one_are_reported():
    _, text, notes = convert("<main><h2>Steps</h2><p>3.1 Ask.</p><p>3.2 Record.</p></main>")
    assert text == "## Steps\n\n1. Ask.\n2. Record.\n"
    assert [n.message for n in notes] == [
        "numbered paragraphs starting at 3.1 became a list, which the site numbers from 1: check the numbering reads correctly"
    ]
    assert notes[0].line == 3 and notes[0].source_line == 1


def test_a_numbered_list_then_a_bullet_list_stay_two_lists():
    _, text, _ = convert("<main><ol><li>one</li></ol><ul><li>two</li></ul></main>")
    assert text == f"1. one\n\n{LIST_SEPARATOR}\n\n- two\n"
    rendered = to_html(text)
    assert "<ol>\n<li>one</li>\n</ol>" in rendered and "<ul>\n<li>two</li>\n</ul>" in rendered


def test_br_separated_bullets_in_one_paragraph():
    _, text, _ = convert("<main><p>Lead in:<br>• a<br>• b</p></main>")
    assert text == "Lead in:\n\n- a\n- b\n"


def test_headings_are_demoted_so_the_body_starts_at_h2():
    _, text, _ = convert("<body><h1>Title</h1><h3>Part</h3><p>x</p><h4>Sub</h4><p>y</p><h6>Deep</h6></body>")
    assert text == "## Part\n\nx\n\n### Sub\n\ny\n\n##### Deep\n"


def test_emphasis_spacing_and_merging():
    _, text, _ = convert("<main><p><b>Note: </b>read <b>this</b><b> now</b> and <i> that </i>.</p></main>")
    assert text == "**Note:** read **this now** and *that* .\n"
    assert "<strong>Note:</strong>" in to_html(text)


def test_in_page_links_follow_the_headings():
    _, text, notes = convert("""<main>
        <p><a href="#two">Go to two</a> and <a href="#gone">nowhere</a>.</p>
        <h2 id="one">Part One</h2><p>x</p>
        <a name="two"></a><h2>Part &amp; Two</h2><p>y</p>
        <h2>Part One</h2>
    </main>""")
    assert text.splitlines()[0] == "[Go to two](#part-two) and nowhere."
    assert "## Part & Two" in text
    assert [n.message for n in notes] == [
        "link 'nowhere' to '#gone' on the same page has no heading to go to: the text is kept without the link"
    ]


def test_simple_table_becomes_a_markdown_table():
    _, text, notes = convert("""<main><table>
        <tr><th>Agency</th><th>Contact | phone</th></tr>
        <tr><td>Police</td><td><b>999</b></td></tr>
        <tr><td><p>Front door</p></td><td>01234 567890</td></tr>
    </table></main>""")
    assert text == (
        "| Agency | Contact \\| phone |\n"
        "| --- | --- |\n"
        "| Police | **999** |\n"
        "| Front door | 01234 567890 |\n"
    )
    assert notes == []
    assert "<td><strong>999</strong></td>" in to_html(text)


def test_table_with_lists_in_cells_is_flattened_and_reported():
    _, text, notes = convert("""<main><p>Intro.</p><table>
        <thead><tr><th>Risk</th><th>Signs</th></tr></thead>
        <tr><td>Neglect</td><td><ul><li>hunger</li><li>poor hygiene</li></ul></td></tr>
    </table></main>""")
    assert text == "Intro.\n\n- **Risk:** Neglect; **Signs:** hunger; poor hygiene\n"
    assert len(notes) == 1 and notes[0].line == 3 and "flattened into a list" in notes[0].message


def test_layout_table_is_unwrapped():
    _, text, notes = convert("<body><table><tr><td><h2>Part</h2><p>Text.</p></td></tr></table></body>")
    assert text == "## Part\n\nText.\n"
    assert notes == []


def test_images_are_reported_and_logos_dropped():
    doc, text, notes = convert("""<main>
        <p><img src="crest-logo.png" alt="Council logo"></p>
        <p>Before <img src="chart.png" alt="A chart of referrals"> after.</p>
        <p><img src="spacer.gif"></p>
        <p>End.</p>
    </main>""")
    assert text == "Before \\[Image: A chart of referrals\\] after.\n\nEnd.\n"
    assert [(n.kind, n.line) for n in notes] == [("image", 1), ("image", 3)]
    assert "has no alt text and was left out" in notes[1].message
    assert "logo 'Council logo'" in doc.dropped


def test_chrome_by_class_role_and_words():
    doc, text, _ = convert("""<body>
        <div role="navigation"><a href="/">Home</a></div>
        <div class="breadcrumb-trail">Home / Neglect</div>
        <div id="cookieConsent">We use cookies.</div>
        <div class="social-share">Share on Facebook</div>
        <p class="print-link"><a href="#">Print</a></p>
        <p hidden>Hidden text</p>
        <p aria-hidden="true">Decoration</p>
        <p>Real <a href="https://example.org/">text<span class="sr-only"> (opens in a new tab)</span></a>.</p>
        <p>Back to top</p>
        <footer>Copyright</footer>
    </body>""")
    assert text == "Real [text](https://example.org/).\n"
    assert "'Back to top'" in doc.dropped


def test_markup_in_the_old_page_never_becomes_markup():
    _, text, notes = convert("""<main>
        <h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>
        <p onclick="alert(1)">Text with <code>&lt;b&gt;</code> and &lt;img src=x onerror=alert(1)&gt;.</p>
        <script>alert('gone')</script><style>p { color: red }</style><iframe src="https://example.org"></iframe>
        <p><a href="javascript:alert(1)">Click</a> <a href=" JavaScript:void(0)">here</a></p>
        <p><img src="x" onerror="alert(1)" alt="&quot;&gt;&lt;script&gt;"></p>
    </main>""")
    assert "<" not in text.replace("`<b>`", "")  # the only raw '<' is inside a code span
    assert "gone" not in text and "color: red" not in text and "onclick" not in text
    rendered = to_html(text)
    assert "<script" not in rendered and "<img" not in rendered and "onerror=" not in rendered.replace("onerror=alert", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "<code>&lt;b&gt;</code>" in rendered
    assert [n.kind for n in notes].count("placeholder-link") == 2


def test_link_addresses_are_kept_safe():
    _, text, _ = convert('<main><p><a href="https://example.org/a page (1)">A [x] link</a></p></main>')
    assert text == "[A \\[x\\] link](https://example.org/a%20page%20%281%29)\n"
    assert '<a href="https://example.org/a%20page%20%281%29">A [x] link</a>' in to_html(text)


# --------------------------------------------------------------------------- plain text


def test_plain_text_layout():
    doc = read_text(
        "Skip to content\n\n2.1 Allegations\n===============\n\nIntro line one\nwrapped here.\n\n"
        "Who Is Involved\n\n• the designated officer\n   • their deputy\n• the employer\n\n"
        "1. First step.\n2. Second step.\n\nSee https://www.example.org.uk/lado.\n\nLast updated: 2 May 2024\nVersion 4\n",
        "a.txt",
    )
    assert doc.title == "Allegations" and doc.version == 4 and doc.last_updated == dt.date(2024, 5, 2)
    text, _ = body(doc)
    assert text == (
        "Intro line one wrapped here.\n\n"
        "## Who Is Involved\n\n"
        "- the designated officer\n"
        "    - their deputy\n"
        "- the employer\n\n"
        f"{LIST_SEPARATOR}\n\n"
        "1. First step.\n"
        "2. Second step.\n\n"
        "See [https://www.example.org.uk/lado](https://www.example.org.uk/lado).\n"
    )


@pytest.mark.parametrize("text, expected", [
    # A heading with its paragraph straight under it, no blank line between.
    ("Purpose\nNeglect is the persistent failure to meet a child's needs.\n",
     "## Purpose\n\nNeglect is the persistent failure to meet a child's needs.\n"),
    ("Who Is Involved\n• the designated officer\n• the employer\n",
     "## Who Is Involved\n\n- the designated officer\n- the employer\n"),
    # A wrapped paragraph whose first line looks like a heading: the next word would not have fitted.
    ("The Local Authority Designated Officer (LADO) and the named senior officer in the\n"
     "Organisation must agree the next steps within one working day of the referral.\n",
     "The Local Authority Designated Officer (LADO) and the named senior officer in the "
     "Organisation must agree the next steps within one working day of the referral.\n"),
    # ... or the next line carries on the sentence.
    ("Children who go missing\nfrom care are at particular risk.\n",
     "Children who go missing from care are at particular risk.\n"),
])
def test_plain_text_heading_followed_directly_by_its_text(text, expected):
    markdown_text, _ = body(read_text("Title\n\n" + text, "a.txt"))
    assert markdown_text == expected


# Bullets as text exports write them: "•", "◦", "-", after a tab or spaces, or none.
@pytest.mark.parametrize("lines, expected", [
    # Siblings at the same indent, whatever the indent is.
    (["\t•\tone;", "\t•\ttwo;", "\t•\tthree."], "- one;\n- two;\n- three.\n"),
    (["    • one;", "    • two."], "- one;\n- two.\n"),
    (["- one;", "- two."], "- one;\n- two.\n"),
    # A deeper indent nests; coming back closes the deeper level.
    (["• one", "    • under one", "    • also under one", "• two"],
     "- one\n    - under one\n    - also under one\n- two\n"),
    (["\t•\tone", "\t\t◦\tunder one", "\t•\ttwo"], "- one\n    - under one\n- two\n"),
    # No indent at all: the glyph tells ("◦" is the nested bullet of Word and browsers).
    (["• one", "◦ under one", "◦ also under one", "• two"],
     "- one\n    - under one\n    - also under one\n- two\n"),
    # A first bullet indented more than the next ones does not swallow them.
    (["      • one", "  • two", "  • three"], "- one\n- two\n- three\n"),
], ids=["tabs", "spaces", "dashes", "deeper-nests", "tab-and-circle", "circle-glyph", "first-deeper"])
def test_plain_text_bullets_nest_by_relative_indent(lines, expected):
    text, _ = body(read_text("Title\n\nLead in sentence.\n\n" + "\n".join(lines) + "\n", "a.txt"))
    assert text == "Lead in sentence.\n\n" + expected
    assert "<li>" in to_html(text)


def test_bullets_under_a_numbered_paragraph_are_siblings():
    doc = read_text("Title\n\n1. First step.\n    • a;\n    • b.\n2. Second step.\n", "a.txt")
    text, _ = body(doc)
    assert text == "1. First step.\n    - a;\n    - b.\n2. Second step.\n"


NUMBERED_TITLES = (
    "The Principles\n\n"
    "1. Child-centred\nKeep the child in view at every step.\n\n"
    "2. Everyone's responsibility\nNobody should assume that someone else has acted.\n\n"
    "3. Sharing information\nIn practice this means:\n\t•\trecording what was shared;\n\t•\tseeking consent where it is safe.\n"
)
NUMBERED_TITLES_MARKDOWN = (
    "## The Principles\n\n"
    "## 1. Child-centred\n\nKeep the child in view at every step.\n\n"
    "## 2. Everyone's responsibility\n\nNobody should assume that someone else has acted.\n\n"
    "## 3. Sharing information\n\nIn practice this means:\n\n- recording what was shared;\n- seeking consent where it is safe.\n"
)


@pytest.mark.parametrize("text", [
    NUMBERED_TITLES,
    NUMBERED_TITLES.replace("\n\n2.", "\n2.").replace("\n\n3.", "\n3."),  # no blank line between principles
], ids=["blank-lines", "no-blank-lines"])
def test_a_numbered_title_with_its_text_below_is_a_heading(text):
    """The rule: "1. Child-centred" then its paragraph on the next line is a heading, number kept
    as written (a Markdown list would renumber from 1), never run into its paragraph."""
    markdown_text, _ = body(read_text("Title\n\n" + text, "a.txt"))
    assert markdown_text == NUMBERED_TITLES_MARKDOWN
    assert "Child-centred Keep" not in markdown_text


@pytest.mark.parametrize("text", [
    "1. Ask who the child lives with whenever you meet a child who is not living\nwith a parent.\n",  # wrapped step
    "1. Ask who the child lives with.\nThen record it.\n",  # a sentence, not a title
    "Lead in:\n1. Tell the local authority\n1.1 Give the names.\n",  # a step with its sub-steps
])
def test_numbered_steps_are_not_titles(text):
    markdown_text, _ = body(read_text("Title\n\nLead in.\n\n" + text, "a.txt"))
    assert "#" not in markdown_text


def test_a_numbered_title_and_its_text_split_by_br_in_html():
    _, text, notes = convert("<main><p><b>1. Child-centred</b><br>Keep the child in view.</p>"
                             "<p><b>2. Early help</b><br>Help early.</p></main>")
    assert text == "## 1. Child-centred\n\nKeep the child in view.\n\n## 2. Early help\n\nHelp early.\n"
    assert notes == []


def test_deeply_nested_html_is_flattened_not_a_crash():
    """Thousands of unclosed elements (a broken export) would exhaust Python's stack."""
    doc, text, _ = convert("<main><h2>Deep</h2>" + "<span>" * 1200 + "Some text. " + "<div>" * 3000 + "<p>Para</p></main>")
    assert text == "## Deep\n\nSome text.\n\nPara\n"


# --------------------------------------------------------------------------- escaping, for any text


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e"),
    min_size=1, max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_any_text_shows_exactly_as_written(text):
    expected = " ".join(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text).split())
    if not expected:
        return
    doc = ImportedDocument("x", blocks=[Paragraph([Text(text)])])
    markdown_text, _ = body(doc)
    rendered = to_html(markdown_text).strip()
    assert re.findall(r"<(\w+)", rendered) == ["p"], (markdown_text, rendered)
    assert html.unescape(rendered[3:-4]) == expected


@settings(max_examples=200, deadline=None)
@given(_TEXT, _TEXT, _TEXT, _TEXT)
def test_any_text_keeps_its_place_in_headings_lists_tables_and_links(heading, item, cell, label):
    from generator.importer.document import Heading, Link, ListBlock, ListItem, Table

    def clean(value: str) -> str:
        return " ".join(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", value).split())

    if not all(clean(v) for v in (heading, item, cell, label)):
        return
    doc = ImportedDocument("x", blocks=[
        Heading(2, heading),
        ListBlock(False, [ListItem([Paragraph([Text(item)])])]),
        Table([[[Text("Head")]], [[Text(cell)]]]),
        Paragraph([Link("https://example.org/", [Text(label)])]),
    ])
    markdown_text, _ = body(doc)
    rendered = to_html(markdown_text)
    tags = re.findall(r"<(\w+)", rendered)
    assert tags == ["h2", "ul", "li", "table", "thead", "tr", "th", "tbody", "tr", "td", "p", "a"], (markdown_text, rendered)
    texts = [html.unescape(t) for t in re.findall(r">([^<>]*)</(?:h2|li|td|a)>", rendered)]
    assert texts == [clean(heading), clean(item), clean(cell), clean(label)]


@pytest.mark.parametrize("footer, date, version", [
    ("<p>Last Updated: April 14, 2023</p><p>v14</p>", dt.date(2023, 4, 14), 14),
    ("<div><span>Last Updated: April 14, 2023</span><span>v14</span></div>", dt.date(2023, 4, 14), 14),
    ("<footer><p>Last updated: <time datetime='2023-04-14'>14 April 2023</time> | Version 9</p></footer>", dt.date(2023, 4, 14), 9),
    ("<p>Last updated: 14/04/2023<br>v3</p>", dt.date(2023, 4, 14), 3),
    ("<p>v6</p>", None, 6),
    ("<p>Nothing here.</p>", None, None),
])
def test_stamp_in_the_page(footer, date, version):
    doc, text, _ = convert(f"<body><h1>T</h1><p>Body text.</p>{footer}</body>")
    assert (doc.last_updated, doc.version) == (date, version)
    assert "Last" not in text and "v1" not in text and "Version" not in text
