"""`procedures import` of Markdown pages and Word documents, and of files it cannot read."""

from __future__ import annotations

import io
import zipfile

import pytest
from tests.cli.test_import import front_matter, line_of, note_lines, run
from tests.wordfiles import WordBuilder

ESCALATION = """\
---
title: Escalation Protocol
owner: Partnership Business Unit
author: A. Writer
---

# Escalation Protocol

## When to escalate

Escalate when you disagree with a decision about a child's safety. See the [resolution flowchart](#) and
the [contact list]().

1. Talk to the worker who made the decision.
2. Refer to your manager, who will contact their counterpart.
    - Record each conversation.
    - Agree a timescale.
3. Ask the [Partnership Business Unit](mailto:unit@example.org.uk) to convene a meeting.

| Stage | Who | Timescale |
| --- | --- | --- |
| 1 | Practitioners | 2 working days |
| 2 | **Managers** | 5 working days |

Read the [recording guidance](recording.md#what-to-record) too.[^1]

<script>alert("no")</script>

[^1]: The protocol was agreed by every partner.

*Last updated: 5 March 2024 | Version 3*
"""

RECORDING = """\
# 2.4 Recording & Sharing

## What to record {#what-to-record}

Write down what was agreed, and who agreed it.

Last updated: 1 May 2023
v2
"""


def body_of(path) -> str:
    return path.read_text(encoding="utf-8").split("---\n", 2)[2]


# --------------------------------------------------------------------------- Markdown


@pytest.fixture
def markdown_pages(tmp_path):
    folder = tmp_path / "protocols"
    folder.mkdir()
    (folder / "escalation.md").write_text(ESCALATION, encoding="utf-8")
    (folder / "recording.md").write_text(RECORDING, encoding="utf-8")
    return folder


def test_markdown_pages_are_read_as_markdown(project, markdown_pages):
    result = run(project, "import", str(markdown_pages), "--to", "supplementary")
    assert result.exit_code == 0, result.output
    folder = project.root / "supplementary"
    # Front matter merged: its fields kept, another tool's field left out and reported.
    assert front_matter(folder / "escalation-protocol.md") == {
        "title": "Escalation Protocol",
        "version": 3,
        "last_updated": "2024-03-05",
        "owner": "Partnership Business Unit",
        "changes": [{"version": 3, "date": "2024-03-05", "note": "Imported from the previous online manual."}],
    }
    assert ("supplementary/escalation-protocol.md: the front matter field 'author' is not one this manual's pages have, "
            "and was left out (it was 'A. Writer') (from escalation.md:4)") in result.output
    # A leading "# Title" is the title, without its chapter number.
    recording = front_matter(folder / "recording-and-sharing.md")
    assert (recording["title"], recording["version"], recording["last_updated"]) == ("Recording & Sharing", 2, "2023-05-01")

    body = body_of(folder / "escalation-protocol.md")
    assert body == (
        "\n## When to escalate\n\n"
        "Escalate when you disagree with a decision about a child's safety. See the resolution flowchart and the contact list.\n\n"
        "1. Talk to the worker who made the decision.\n"
        "2. Refer to your manager, who will contact their counterpart.\n"
        "    - Record each conversation.\n"
        "    - Agree a timescale.\n"
        "3. Ask the [Partnership Business Unit](mailto:unit@example.org.uk) to convene a meeting.\n\n"
        "| Stage | Who | Timescale |\n"
        "| --- | --- | --- |\n"
        "| 1 | Practitioners | 2 working days |\n"
        "| 2 | **Managers** | 5 working days |\n\n"
        "Read the [recording guidance](recording-and-sharing.md#what-to-record) too.[\\[1\\]](#notes)\n\n"
        "## Notes\n\n"
        "1. The protocol was agreed by every partner.\n"
    )
    # Placeholder links: reported with the line of the new page and of the .md file.
    placeholders = [n for n in note_lines(result.output) if n[2].startswith("placeholder link")]
    assert [(n[0], n[1], n[2].split("'")[1]) for n in placeholders] == [
        ("supplementary/escalation-protocol.md", 14, "resolution flowchart"),
        ("supplementary/escalation-protocol.md", 14, "contact list"),
    ]
    assert "(#): the text is kept without a link" in result.output and "(empty): the text is kept" in result.output
    assert result.output.count("(from escalation.md:11)") == 1 and result.output.count("(from escalation.md:12)") == 1
    assert "resolution flowchart" in line_of(folder / "escalation-protocol.md", 14)
    assert run(project, "check").exit_code == 0


def test_a_markdown_title_in_front_matter_wins_and_a_repeated_heading_goes(project, tmp_path):
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: Young Carers\nversion: 4\nlast_updated: 2024-01-10\n---\n\n# Young Carers\n\nText.\n")
    result = run(project, "import", str(page), "--to", "supplementary")
    assert result.exit_code == 0, result.output
    written = project.root / "supplementary" / "young-carers.md"
    assert (front_matter(written)["version"], front_matter(written)["last_updated"]) == (4, "2024-01-10")
    assert body_of(written) == "\nText.\n"
    assert "no version" not in result.output and "no 'Last updated'" not in result.output


@pytest.mark.parametrize("text, expected", [
    ("---\ntitle: \"unclosed\n---\n\nText.\n", "bad.md: not imported: line 2: in its front matter, the YAML is not valid"),
    ("---\ntitle: Never closed\n\nText.\n", "bad.md: not imported: line 1: the front matter that starts on line 1 is never closed"),
    ("---\n- a list\n---\n\nText.\n", "bad.md: not imported: line 2: its front matter is not a block of fields"),
], ids=["invalid-yaml", "never-closed", "not-a-mapping"])
def test_markdown_with_broken_front_matter(project, tmp_path, text, expected):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.md").write_text(text)
    (tmp_path / "in" / "good.md").write_text("# Good Page\n\nText.\n")
    result = run(project, "import", str(tmp_path / "in"), "--to", "supplementary")
    assert result.exit_code == 1
    assert expected in result.output
    assert "Wrote supplementary/good-page.md" in result.output
    assert "Traceback" not in result.output


# --------------------------------------------------------------------------- Word


def interpreters() -> WordBuilder:
    return (
        WordBuilder()
        .title("3.2 Working with Interpreters")
        .heading("Purpose")
        .paragraph("Use a ", ("bold", "qualified"), " interpreter, and ", ("italic", "never"), " a child of the family.",
                   ("footnote", "This includes brothers and sisters of any age."))
        .heading("Procedure")
        .number("Book the interpreter before the visit.")
        .number("Brief them on the purpose of the visit.")
        .bullet("who will be there;", level=1)
        .bullet("what may be discussed.", level=1)
        .number("Record the interpreter's name and language.")
        .paragraph("Read the ", ("link", "national standards", "https://www.example.org.uk/interpreting"), " for more.")
        .heading("Contacts", level=2)
        .table([["Language", "Service"], ["British Sign Language", "Deaf Support Service"]])
        .table([["Out of hours", None], ["Emergency Duty Team", "0300 000 0000"]], merge=((0, 0), (0, 1)))
        .picture("The booking route, from request to confirmation")
        .paragraph("Book at least ", ("deleted", "two"), ("inserted", "three"), " working days ahead.")
        .comment("Is this still the right team?", on="Bookings go to the Language Unit.")
        .paragraph("Last updated: 3 February 2024 / v7")
    )


def test_a_word_protocol_keeps_its_structure(project, tmp_path):
    source = interpreters().save(tmp_path / "Interpreters.docx")
    result = run(project, "import", str(source), "--to", "statutory")
    assert result.exit_code == 0, result.output
    written = project.root / "statutory" / "working-with-interpreters.md"
    meta = front_matter(written)
    assert (meta["title"], meta["version"], meta["last_updated"]) == ("Working with Interpreters", 7, "2024-02-03")
    assert body_of(written) == (
        "\n## Purpose\n\n"
        "Use a **qualified** interpreter, and *never* a child of the family.[\\[1\\]](#notes)\n\n"
        "## Procedure\n\n"
        "1. Book the interpreter before the visit.\n"
        "2. Brief them on the purpose of the visit.\n"
        "    - who will be there;\n"
        "    - what may be discussed.\n"
        "3. Record the interpreter's name and language.\n\n"
        "Read the [national standards](https://www.example.org.uk/interpreting) for more.\n\n"
        "### Contacts\n\n"
        "| Language | Service |\n"
        "| --- | --- |\n"
        "| British Sign Language | Deaf Support Service |\n\n"
        "- Out of hours\n"
        "- Emergency Duty Team; 0300 000 0000\n\n"
        "\\[Image: The booking route, from request to confirmation\\]\n\n"
        "Book at least three working days ahead.\n\n"
        "Bookings go to the Language Unit.\n\n"
        "## Notes\n\n"
        "1. This includes brothers and sisters of any age.\n"
    )
    output = result.output
    assert "statutory/working-with-interpreters.md:2: the chapter number '3.2' was removed from the title" in output
    assert "statutory/working-with-interpreters.md:31: a table with merged cells was flattened into a list" in output
    assert ("statutory/working-with-interpreters.md:34: image 'picture 1 of the document (png)' was not copied: "
            "its description is kept as text") in output
    assert ("statutory/working-with-interpreters.md: the document has 2 tracked changes not yet accepted or rejected: "
            "the page shows the text as if every change had been accepted (insertions kept, deletions left out)") in output
    assert "statutory/working-with-interpreters.md: the document has 1 comment from reviewers: comments are not imported" in output
    assert "(from Interpreters.docx:" not in output  # a Word document has no lines to point to
    assert run(project, "check").exit_code == 0


def test_a_word_stamp_in_the_footer(project, tmp_path):
    source = WordBuilder().title("Young Carers").paragraph("Text.").footer("Version 5 | Last updated 14/04/2023").save(
        tmp_path / "carers.docx")
    result = run(project, "import", str(source), "--to", "supplementary")
    assert result.exit_code == 0, result.output
    meta = front_matter(project.root / "supplementary" / "young-carers.md")
    assert (meta["version"], meta["last_updated"]) == (5, "2023-04-14")
    assert "'last_updated' and 'version' were taken from the document's header or footer" in result.output


def test_a_word_document_without_title_style_takes_its_first_heading(project, tmp_path):
    source = WordBuilder().heading("Private Fostering").paragraph("Text.").save(tmp_path / "pf.docx")
    result = run(project, "import", str(source), "--to", "supplementary")
    assert result.exit_code == 0, result.output
    assert front_matter(project.root / "supplementary" / "private-fostering.md")["title"] == "Private Fostering"


# --------------------------------------------------------------------------- what cannot be read: a row each


def _zip(**files: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name.replace("__", "/"), data)
    return out.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
BAD_FILES = [
    ("corrupt.docx", lambda: b"PK\x03\x04 this is not a whole zip", "corrupt.docx: not imported: the Word document cannot be read: it is damaged"),
    ("cut-short.docx", lambda: WordBuilder().title("Cut Short").paragraph("Text.").data()[:3000],
     "cut-short.docx: not imported: the Word document cannot be read: it is damaged"),
    ("spreadsheet.docx", lambda: _zip(xl__workbook_xml=b"<workbook/>"), "spreadsheet.docx: not imported: the Word document cannot be read"),
    ("broken-xml.docx", lambda: _zip(**{"[Content_Types].xml": b"<Types/>"}, word__document_xml=b"<w:document"),
     "broken-xml.docx: not imported: the Word document cannot be read: it is damaged"),
    ("locked.docx", lambda: OLE + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64,
     "locked.docx: not imported: the Word document is protected with a password: open it in Word, remove the password"),
    ("renamed.docx", lambda: OLE + "WordDocument".encode("utf-16-le"),
     "renamed.docx: not imported: this is an old Word document (.doc) with a .docx name: open it in Word and save it as a Word document (.docx)"),
    ("old.doc", lambda: OLE + "WordDocument".encode("utf-16-le"),
     "old.doc: not imported: this is an old Word document (.doc), which cannot be read: open it in Word (or LibreOffice) and save it as a Word document (.docx)"),
    ("leaflet.pdf", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
     "leaflet.pdf: not imported: a PDF cannot be imported: it keeps the look of the page but not its headings and lists. "
     "Import the Word document it was made from (.docx), or copy the text from the PDF into a .txt file and import that"),
    ("empty.docx", lambda: WordBuilder().data(), "empty.docx: not imported: the Word document is empty"),
    ("title-only.docx", lambda: WordBuilder().title("Only a Title").data(),
     "title-only.docx: not imported: the Word document has a title but no text under it"),
    ("zero.docx", lambda: b"", "zero.docx: not imported: the file is empty"),
]


@pytest.mark.parametrize("name, make, expected", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_files_that_cannot_be_imported_are_named_and_the_others_still_are(project, tmp_path, name, make, expected):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(make())
    WordBuilder().title("Good Document").paragraph("Text.").save(folder / "good.docx")
    result = run(project, "import", str(folder), "--to", "supplementary")
    assert result.exit_code == 1
    assert expected in result.output
    assert "Traceback" not in result.output
    assert "Wrote supplementary/good-document.md (from good.docx)" in result.output
    assert "Imported 1 of 2 pages" in result.output


# --------------------------------------------------------------------------- the contents list: bad input


@pytest.mark.parametrize("name, data, expected", [
    ("contents.txt", b"", "contents.txt: the contents list cannot be used: the file is empty"),
    ("contents.txt", b"Contents\n\nSkip to content\n", "contents.txt: the contents list cannot be used: no entries were found in it"),
    ("contents.docx", b"PK\x03\x04", "contents.docx: the contents list cannot be used: a contents list is read from a saved web page (.html), a text file (.txt) or Markdown (.md)"),
], ids=["empty", "no-entries", "word"])
def test_a_contents_list_that_cannot_be_used(project, tmp_path, name, data, expected):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "carers.md").write_text("# Young Carers\n\nText.\n")
    result = run(project, "import", str(tmp_path / "pages"), "--to", "supplementary", "--contents", str(tmp_path / name))
    assert result.exit_code == 1
    assert expected in result.output
    assert not (project.root / "supplementary" / "young-carers.md").exists()  # nothing half done


def test_a_contents_entry_that_matches_two_pages(project, tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.md").write_text("# Children + Families\n\nOne.\n")
    (pages / "b.txt").write_text("Children and Families\n\nTwo.\n")
    (pages / "c.md").write_text("# Young Carers\n\nThree.\n")
    (pages / "contents.txt").write_text("1. Guidance\n1.1 Children and families\n1.2 Young Carers\n")
    result = run(project, "import", str(pages), "--to", "supplementary", "--contents", str(pages / "contents.txt"))
    assert result.exit_code == 1
    assert ("contents.txt:2: '1.1 Children and families' matches 2 pages, supplementary/children-and-families.md and "
            "supplementary/children-families.md: it was left out of the nav; add the right page to it by hand") in result.output
    assert "Imported 3 of 3 pages" in result.output  # the pages are imported all the same; contents.txt is not one
    assert "  - Guidance:\n      # 1.1 Children and families: two pages match, see the report\n      - supplementary/young-carers.md\n" in result.output
    report = (project.root / "import-report.txt").read_text()
    assert "Nav from the contents list (contents.txt), to paste into mkdocs.yml under 'nav:':\n\n  - Guidance:\n" in report
    assert "Contents list: to look at (2):\n  contents.txt:2: '1.1 Children and families' matches 2 pages" in report
    assert "contents.txt:3: 'Young Carers' was 1.2 in the old manual and will be 1.1 on the site" in report
