"""`procedures import`: saved pages in, valid Markdown pages out; round trips through check and a strict build."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.core import yamlsource
from tests.conftest import TODAY, page

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"
SITE = FIXTURES / "site"
LEGACY = FIXTURES / "legacy"
HOSTED = FIXTURES / "hosted"


def run(project, *args: str):
    return CliRunner().invoke(main, ["-C", str(project.root), *args])


def front_matter(path: Path) -> dict:
    """The front matter as written (dates stay text), through the loader the checks use."""
    return yamlsource.load(path.read_text(encoding="utf-8").split("---")[1])


def line_of(path: Path, number: int) -> str:
    return path.read_text(encoding="utf-8").splitlines()[number - 1]


def note_lines(output: str) -> list[tuple[str, int, str]]:
    """(file, line, message) of each 'file:line: message (from ...)' line of the output."""
    found = []
    for line in output.splitlines():
        match = re.match(r"^(\S+\.md):(\d+): (.*) \(from \S+\)$", line)
        if match:
            found.append((match.group(1), int(match.group(2)), match.group(3)))
    return found


@pytest.fixture
def imported(project):
    """The sample site imported into 'statutory' of a small manual (emptied first)."""
    (project.root / "statutory" / "referrals.md").unlink()
    result = run(project, "import", str(SITE), "--to", "statutory")
    assert result.exit_code == 0, result.output
    return project, result


# --------------------------------------------------------------------------- the round trip


def test_folder_import_round_trip_check_and_strict_build(imported):
    project, result = imported
    for name in ("referrals.md", "neglect.md", "private-fostering.md"):
        assert f"Wrote statutory/{name}" in result.output

    check = run(project, "check")
    assert check.exit_code == 0, check.output

    built = project.build()
    assert built.returncode == 0, built.output
    assert "WARNING" not in built.output
    referrals = built.html("statutory/referrals/index.html")
    # Without a nav, pages are in title order: Neglect 1.1, Private Fostering 1.2, Referrals 1.3.
    assert "<h1>1.3 Referrals</h1>" in referrals
    assert ">v14<" in referrals and "14 April 2023" in referrals
    # The old page's markup never becomes markup in ours.
    assert "alert('x')" in referrals and "&lt;script&gt;alert('x')&lt;/script&gt;" in referrals
    assert "this must never reach the Markdown" not in referrals
    # Links between imported pages work, anchors included (the strict build validates them).
    neglect = built.html("statutory/neglect/index.html")
    assert 'href="../referrals/#3-making-a-referral"' in neglect
    assert 'href="../neglect/"' in referrals


def test_front_matter_from_the_stamp_and_the_heading(imported):
    project, _ = imported
    folder = project.root / "statutory"
    assert front_matter(folder / "referrals.md") == {
        "title": "Referrals",
        "version": 14,
        "last_updated": "2023-04-14",
        "summary": "How any practitioner refers a concern about a child to children's social care.",
        "changes": [{"version": 14, "date": "2023-04-14", "note": "Imported from the previous online manual."}],
    }
    assert front_matter(folder / "neglect.md")["version"] == 7
    assert front_matter(folder / "neglect.md")["last_updated"] == "2024-02-03"
    fostering = front_matter(folder / "private-fostering.md")
    assert (fostering["title"], fostering["version"], fostering["last_updated"]) == ("Private Fostering", 5, "2023-04-14")


def test_site_chrome_is_left_out(imported):
    project, _ = imported
    text = "\n".join(p.read_text() for p in (project.root / "statutory").glob("*.md"))
    for chrome in ("Skip to", "logo", "crest", "cookies", "Accept", "Search", "Local Resources", "Home >",
                   "Home", "Print", "Share", "Back to top", "Privacy", "Accessibility", "dataLayer",
                   "analytics", "Last Updated", "Last updated", "v14", "Version 7", "Contents"):
        assert chrome not in text, chrome


def test_body_of_the_html_page(imported):
    project, _ = imported
    body = (project.root / "statutory" / "referrals.md").read_text().split("---\n", 2)[2]
    assert body.startswith("\n## 1. Purpose\n\n")
    assert "# " + "Referrals" not in body  # no H1 in the body: the title is in the front matter
    assert "passes a worry about a child to **children's social care**, and" in body
    assert "Read it with the [Neglect procedure](neglect.md) and the local threshold guidance.\n" in body
    assert (
        "- staff in schools, nurseries and colleges;\n"
        "- health visitors, midwives and *general practitioners*;\n"
        "- police officers and probation staff;\n"
        "- volunteers in community and faith groups.\n"
    ) in body
    assert (
        "1. Talk to your designated safeguarding lead, unless the delay would put the child at risk.\n"
        "    1. Write down what you saw or heard, in the words that were used, with the date and time.\n"
        "    2. Tell the family that you are making a referral, unless that could put the child or anyone else at risk.\n"
        "2. Telephone the [children's front door](https://www.example.org.uk/front-door) and follow up in writing within 48 hours.\n"
        "3. Keep a record of the referral, the name of the person you spoke to and what was agreed.\n"
    ) in body
    assert (
        "| What to include | Why it matters |\n"
        "| --- | --- |\n"
        "| The child's name, date of birth and address | So that the right child is found quickly |\n"
    ) in body
    assert "| What you are worried about | So that the **level of risk** can be judged |\n" in body
    assert "### Timescales\n\n- **Step:** Decision on the referral; **Who:** Children's social care, within one working day\n" in body
    assert "use the escalation procedure.\n" in body


def test_body_of_the_plain_text_page(imported):
    project, _ = imported
    body = (project.root / "statutory" / "private-fostering.md").read_text().split("---\n", 2)[2]
    assert body == (
        "\n## Purpose\n\n"
        "A child is privately fostered when they are cared for by someone who is not a close relative for 28 days "
        "or more, by private arrangement between the parent and the carer. Many families do not know that the "
        "arrangement must be reported.\n\n"
        "## What Practitioners Should Do\n\n"
        "1. Ask who the child lives with whenever you meet a child who is not living with a parent.\n"
        "2. Tell the local authority about any private fostering arrangement you learn of.\n"
        "    1. Give the names of the child, the parent and the carer.\n"
        "    2. Say how long the arrangement has lasted.\n"
        "3. Record what you did.\n\n"
        "The local authority will then:\n\n"
        "- visit the child within seven working days;\n"
        "    - speak to the child alone where possible;\n"
        "- check that the carer's home is suitable.\n\n"
        "More information is on [https://www.example.org.uk/private-fostering](https://www.example.org.uk/private-fostering) for families.\n"
    )


def test_what_could_not_be_converted_is_reported_with_the_line_to_look_at(imported):
    project, result = imported
    notes = note_lines(result.output)
    by_kind = {
        "placeholder": [n for n in notes if n[2].startswith("placeholder link")],
        "image": [n for n in notes if n[2].startswith("image ")],
        "table": [n for n in notes if "flattened" in n[2]],
        "link": [n for n in notes if "points to a page that was not imported" in n[2]],
    }
    assert [n[2] for n in by_kind["placeholder"]] == [
        "placeholder link 'local threshold guidance' (#): the text is kept without a link; link it to the right page, "
        "or leave it as text"
    ]
    assert "(from referrals.html:45)" in result.output
    assert len(by_kind["image"]) == 1 and "'/img/front-door-flowchart.png' has no alt text" in by_kind["image"][0][2]
    assert len(by_kind["table"]) == 1
    assert sorted(n[2].split("'")[1] for n in by_kind["link"]) == ["escalation procedure", "graded care profile tool"]

    # Each line named is the line of the new file where the officer has to look.
    folder = project.root
    placeholder = by_kind["placeholder"][0]
    assert "the local threshold guidance." in line_of(folder / placeholder[0], placeholder[1])
    table = by_kind["table"][0]
    assert line_of(folder / table[0], table[1]).startswith("- **Step:** Decision on the referral")
    image = by_kind["image"][0]
    assert line_of(folder / image[0], image[1]) == "The details to include are set out below."
    for file, line, message in by_kind["link"]:
        assert message.split("'")[1] in line_of(folder / file, line)
    titles = [n for n in notes if "chapter number" in n[2]]
    assert {(n[0], n[1]) for n in titles} == {("statutory/referrals.md", 2), ("statutory/private-fostering.md", 2)}


def test_folder_import_writes_a_report(imported):
    project, result = imported
    report = project.root / "import-report.txt"
    assert f"The report is in {report}." in result.output
    text = report.read_text()
    assert text.startswith(f"Import report, {TODAY}\nFrom: {SITE}\nInto: statutory/\n")
    assert "Written (3):\n" in text
    assert "  statutory/referrals.md  <-  referrals.html  (version 14, last updated 2023-04-14)\n" in text
    assert "Not imported (0):\n" in text
    assert "Needs a look (7):\n" in text
    assert "  statutory/referrals.md:16: placeholder link 'local threshold guidance'" in text
    assert "private-fostering.txt: 'Skip to content', 'Exampleshire Safeguarding Children Partnership logo'" in text
    assert "Other files, not pages (1):\n  images/logo.png\n" in text
    assert "Imported 3 of 3 pages into statutory/; 7 things to look at." in result.output


def test_nothing_is_ever_overwritten(imported):
    project, _ = imported
    folder = project.root / "statutory"
    before = {p.name: p.read_text() for p in folder.glob("*.md")}
    (folder / "referrals.md").write_text(before["referrals.md"] + "\nAn officer's edit.\n")

    again = run(project, "import", str(SITE), "--to", "statutory")
    assert again.exit_code == 1
    assert "referrals.html: not imported: statutory/referrals.md already exists and was left as it is" in again.output
    assert "Imported 0 of 3 pages" in again.output
    assert (folder / "referrals.md").read_text().endswith("An officer's edit.\n")
    assert {p.name for p in folder.glob("*.md")} == set(before)
    # The report is not overwritten either.
    assert (project.root / "import-report-2.txt").is_file()
    assert "Not imported (3):" in (project.root / "import-report-2.txt").read_text()


def test_a_title_already_used_in_the_section_is_skipped(project):
    project.write("statutory/neglect-procedure.md", page("Neglect"))
    result = run(project, "import", str(SITE / "neglect.html"), "--to", "statutory")
    assert result.exit_code == 1
    assert "neglect.html: not imported: the title 'Neglect' is already used by statutory/neglect-procedure.md" in result.output
    assert not (project.root / "statutory/neglect.md").exists()


def test_two_pages_with_the_same_title_in_one_import(project, tmp_path):
    source = tmp_path / "saved"
    source.mkdir()
    (source / "a.html").write_text("<h1>Young Carers</h1><p>One.</p>")
    (source / "b.html").write_text("<h1>Young Carers!</h1><p>Two.</p>")
    (source / "c.html").write_text("<h1>young  carers</h1><p>Three.</p>")
    result = run(project, "import", str(source), "--to", "supplementary")
    assert result.exit_code == 1
    assert "b.html: not imported: a.html in this import has the same file name (supplementary/young-carers.md)" in result.output
    assert "c.html: not imported: the title 'young carers' is already used by supplementary/young-carers.md" in result.output
    assert (project.root / "supplementary/young-carers.md").read_text().endswith("One.\n")


def test_single_file_import_prints_notes_and_writes_no_report(project):
    (project.root / "statutory" / "referrals.md").unlink()
    result = run(project, "import", str(SITE / "referrals.html"), "--to", "Statutory Procedures")
    assert result.exit_code == 0, result.output
    assert not list(project.root.glob("import-report*"))
    # The link to neglect.html cannot work: that page was not imported this time.
    assert "link 'Neglect procedure' to 'neglect.html' points to a page that was not imported" in result.output
    assert run(project, "check").exit_code == 0


def test_import_with_nav_prints_the_lines_to_add(project):
    project.config(_mkdocs={"nav": [{"Home": "index.md"}, {"Contents": "contents.md"}, {"Statutory": ["statutory/referrals.md"]},
                                     {"Supplementary": ["supplementary/neglect.md"]}]})
    (project.root / "statutory" / "referrals.md").unlink()
    result = run(project, "import", str(SITE), "--to", "statutory")
    assert result.exit_code == 0, result.output
    config = project.root / "mkdocs.yml"
    lines = config.read_text().splitlines()
    after = lines.index("  - statutory/referrals.md") + 1
    assert (
        f"mkdocs.yml lists its pages in 'nav': add these lines to it under 'Statutory', after line {after}:\n"
        "  - statutory/neglect.md\n"
        "  - statutory/private-fostering.md\n"
    ) in result.output  # referrals.md is listed already
    assert run(project, "check").exit_code == 1
    lines[after:after] = ["  - statutory/neglect.md", "  - statutory/private-fostering.md"]
    config.write_text("\n".join(lines) + "\n")
    assert run(project, "check").exit_code == 0


def test_out_folder_for_a_look_first(project, tmp_path):
    out = tmp_path / "converted"
    result = run(project, "import", str(LEGACY), "--out", str(out))
    assert result.exit_code == 0, result.output
    page_path = out / "early-help-assessment.md"
    meta = front_matter(page_path)
    assert (meta["title"], meta["version"], meta["last_updated"]) == ("Early Help Assessment", 3, "2023-04-14")
    text = page_path.read_text(encoding="utf-8")
    # Declared windows-1252: the pound sign and the dash survive.
    assert "It costs the family nothing – not even a £5 fee." in text
    assert "## When to start one\n\nStart an assessment when:\n\n- a child needs support from more than one agency;\n" in text
    assert "1. Agree a lead practitioner.\n2. Meet the family and complete the assessment form.\n    1. Record the family's own words.\n" in text
    assert "\\[Image: The early help pathway, from first concern to closure\\]" in text
    assert "**Lead practitioner**\n\nThe person who coordinates" in text
    assert "[early help team](mailto:earlyhelp@example.org.uk)" in text
    assert "Skip navigation" not in text and "logo" not in text
    assert (out / "import-report.txt").is_file()


def test_out_folder_pages_pass_check_when_moved_into_a_section(project, tmp_path):
    out = tmp_path / "converted"
    assert run(project, "import", str(LEGACY), "--out", str(out)).exit_code == 0
    shutil.copy(out / "early-help-assessment.md", project.root / "supplementary")
    assert run(project, "check").exit_code == 0


# --------------------------------------------------------------------------- a real hosted page, as plain text


@pytest.mark.parametrize("stamp", ["Last Updated: April 14, 2023\n\nv14\n", "Last Updated: April 14, 2023 / v14\n"],
                         ids=["two-lines", "one-line"])
def test_the_hosted_page_keeps_its_structure(project, tmp_path, stamp):
    text = (HOSTED / "underlying-principles.txt").read_text(encoding="utf-8")
    source = tmp_path / "underlying-principles.txt"
    source.write_text(text[: text.index("Last Updated")] + stamp, encoding="utf-8")
    result = run(project, "import", str(source), "--to", "statutory")
    assert result.exit_code == 0, result.output
    written = project.root / "statutory" / "underlying-principles.md"
    meta = front_matter(written)
    assert (meta["title"], meta["version"], meta["last_updated"]) == ("Underlying Principles", 14, "2023-04-14")
    body = written.read_text(encoding="utf-8").split("---\n", 2)[2]
    # The four opening bullets are siblings, as they stand in the source.
    assert (
        "They apply to:\n\n"
        "- practitioners and volunteers in any agency that works with children, young people or their families;\n"
        "- managers who supervise safeguarding work or decide on referrals;\n"
        "- those who commission services for children and for adults who are parents;\n"
        "- anyone who chairs, or takes part in, a multi-agency meeting about a child.\n\n"
        "## The Principles\n\n"
        "## 1. Child-centred\n\nSome of the worst failures"
    ) in body
    # Each principle's title stays apart from its paragraph, number as written.
    assert [line for line in body.splitlines() if line.startswith("## ")][2:] == [
        "## 1. Child-centred", "## 2. Everyone's responsibility", "## 3. Early help", "## 4. Working with families",
        "## 5. Professional curiosity", "## 6. Respectful challenge", "## 7. Sharing information",
    ]
    # The two bullets under principle 7 are siblings too.
    assert body.endswith(
        "In practice this means:\n\n"
        "- recording what was shared, with whom, when and why;\n"
        "- seeking consent where it is safe and possible, and sharing without it where a child is at risk of significant harm.\n"
    )
    assert "Last Updated" not in body and "v14" not in body and "/" not in body
    assert run(project, "check").exit_code == 0


# --------------------------------------------------------------------------- stamps and encodings


def test_missing_stamp_and_future_date_are_set_and_reported(project, tmp_path):
    source = tmp_path / "saved"
    source.mkdir()
    (source / "no-stamp.html").write_text("<h1>Young Carers</h1><p>Text.</p>")
    (source / "future.html").write_text("<h1>Later Page</h1><p>Text.</p><p>Last updated: 1 January 2099</p><p>v2</p>")
    result = run(project, "import", str(source), "--to", "supplementary")
    assert result.exit_code == 0, result.output
    assert (
        "supplementary/young-carers.md:4: no 'Last updated' date was found: 'last_updated' is set to today "
        f"({TODAY}); put the date of the last approved change (from no-stamp.html)"
    ) in result.output
    assert "supplementary/young-carers.md:3: no version (such as 'v14') was found: 'version' is set to 1" in result.output
    assert f"supplementary/later-page.md:4: the stamp date 2099-01-01 is in the future: 'last_updated' is set to today ({TODAY})" in result.output
    assert front_matter(project.root / "supplementary/later-page.md")["last_updated"] == TODAY
    assert run(project, "check").exit_code == 0


def test_undeclared_windows_1252_text(project, tmp_path):
    path = tmp_path / "caf.txt"
    path.write_bytes("Café Visits\n\nThe café – open daily.\n\nLast updated: 5 June 2022\nv2\n".encode("cp1252"))
    result = run(project, "import", str(path), "--to", "supplementary")
    assert result.exit_code == 0, result.output
    assert "the file is not UTF-8: it was read as Windows-1252" in result.output
    assert "The café – open daily." in (project.root / "supplementary/cafe-visits.md").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- bad input: a row each


BAD_PAGES = [
    ("empty.html", b"", "empty.html: not imported: the file is empty"),
    ("blank.txt", b"  \n\n ", "blank.txt: not imported: the file is empty"),
    ("binary.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary.html: not imported: this is not a saved web page or text file"),
    ("chrome.html", b"<nav><a href='/'>Home</a></nav><h1>Only Chrome</h1><p>Skip to content</p><p>Print | Share</p>",
     "chrome.html: not imported: no text was found in the page once the site's menus and footers were left out"),
]


@pytest.mark.parametrize("name, data, expected", BAD_PAGES, ids=[b[0] for b in BAD_PAGES])
def test_pages_that_cannot_be_imported(project, tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    result = run(project, "import", str(path), "--to", "statutory")
    assert result.exit_code == 1
    assert expected in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in (project.root / "statutory").glob("*.md")) == ["referrals.md"]  # the fixture's own


def test_script_injection_shows_as_text_in_the_built_page(project, tmp_path):
    path = tmp_path / "evil.html"
    path.write_text(
        "<h1>&lt;script&gt;alert(1)&lt;/script&gt; Guide</h1>"
        "<p onmouseover=\"alert(2)\">Hello <img src=x onerror=\"alert(3)\" alt=\"&lt;img src=y onerror=alert(4)&gt;\"></p>"
        "<script>alert(5)</script><p><a href=\"javascript:alert(6)\">Go</a> <a href=\"data:text/html,x\">Data</a></p>"
        "<p>&lt;iframe src=&quot;https://example.org&quot;&gt;&lt;/iframe&gt; and `ticks` and **stars**</p>"
    )
    result = run(project, "import", str(path), "--to", "statutory")
    assert result.exit_code == 0, result.output
    written = project.root / "statutory" / "script-alert-1-script-guide.md"
    assert front_matter(written)["title"] == "<script>alert(1)</script> Guide"
    assert "cannot work on the website" in result.output  # the data: link
    built = project.build()
    assert built.returncode == 0, built.output
    html = built.html("statutory/script-alert-1-script-guide/index.html")
    for payload in ("alert(2)", "alert(5)", "alert(6)", "onerror=\"alert(3)", "<iframe", "<script>alert(1)"):
        assert payload not in html, payload
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Guide" in html
    assert "&lt;img src=y onerror=alert(4)&gt;" in html
    assert "&lt;iframe src=\"https://example.org\"&gt;&lt;/iframe&gt; and `ticks` and **stars**" in html


# --------------------------------------------------------------------------- usage


@pytest.mark.parametrize("args, expected", [
    (["import", str(SITE)], "say where the pages go: --to SECTION (a section of the manual) or --out FOLDER, not both"),
    (["import", str(SITE), "--to", "statutory", "--out", "x"], "say where the pages go"),
    (["import", str(SITE), "--to", "guidance"], "there is no section 'guidance' in mkdocs.yml"),
    (["import", "no-such-folder", "--to", "statutory"], "Path 'no-such-folder' does not exist"),
    (["import", "--to", "statutory"], "Missing argument 'SOURCE'"),
])
def test_usage_mistakes_exit_2(project, args, expected):
    result = run(project, *args)
    assert result.exit_code == 2, result.output
    assert expected in result.output


def test_a_folder_without_pages(project, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "picture.png").write_bytes(b"\x89PNG")
    result = run(project, "import", str(tmp_path / "empty"), "--to", "statutory")
    assert result.exit_code == 1
    assert f"Error: {tmp_path / 'empty'}: no pages to import (.html, .htm, .txt, .md or .docx files) found" in result.output


def test_report_option_for_a_single_page_never_overwrites(project, tmp_path):
    (project.root / "statutory" / "referrals.md").unlink()
    report = tmp_path / "reports" / "referrals.txt"
    report.parent.mkdir()
    report.write_text("an earlier report\n")
    result = run(project, "import", str(SITE / "referrals.html"), "--to", "statutory", "--report", str(report))
    assert result.exit_code == 0, result.output
    assert report.read_text() == "an earlier report\n"
    second = tmp_path / "reports" / "referrals-2.txt"
    assert f"The report is in {second}." in result.output
    assert "Written (1):\n  statutory/referrals.md  <-  referrals.html" in second.read_text()
