"""The whole move: a hosted manual's pages (text, HTML, Markdown and Word) and its contents list,
imported into a fresh manual that then builds with --strict, numbered as the old manual was."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from tests.cli.test_import import HOSTED
from tests.conftest import Project
from tests.wordfiles import WordBuilder

# (chapter, title on the page, title as the contents list writes it)
CHAPTERS = {
    "Policy Framework": [
        ("Introduction", "Introduction"),
        ("Underlying Principles", "Underlying principles"),
        ("Roles & Responsibilities", "Roles and Responsibilities"),
        ("Information Sharing", "Information sharing"),
        ("Resolving Professional Disagreements", "Resolving Professional Disagreements"),
        ("Safer Recruitment", "Safer recruitment"),
        ("Supervision of Safeguarding Work", "Supervision of Safeguarding Work"),
        ("Learning from Reviews", "Learning From Reviews"),
    ],
    "Statutory Procedures": [
        ("Referrals", "Referrals"),
        ("Assessment of Need", "Assessment of need"),
        ("Immediate Protection", "Immediate protection"),
        ("Strategy Discussions", "Strategy discussions"),
        ("Section 47 Enquiries", "Section 47 enquiries"),
        ("Child Protection Conferences", "Child Protection Conferences"),
        ("Child Protection Plans", "Child protection plans"),
        ("Core Groups", "Core groups"),
        ("Allegations Against Staff & Volunteers", "Allegations against staff and volunteers"),
        ("Child Death Reviews", "Child death reviews"),
        ("Practice Reviews", "Practice reviews"),
        ("Children Moving Across Boundaries", "Children moving across boundaries"),
    ],
    "Supplementary Procedures": [
        ("Neglect", "Neglect"),
        ("Domestic Abuse", "Domestic abuse"),
        ("Parental Mental Health", "Parental mental health"),
        ("Children Missing from Home & Care", "Children missing from home and care"),
        ("Child Sexual Exploitation", "Child sexual exploitation"),
        ("Criminal Exploitation", "Criminal exploitation"),
        ("Private Fostering", "Private fostering"),
        ("Young Carers", "Young carers"),
        ("Online Harm", "Online harm"),
        ("Forced Marriage", "Forced marriage"),
        ("Female Genital Mutilation", "Female genital mutilation"),
        ("Working with Interpreters", "Working with interpreters"),
    ],
}
FORMATS = (".txt", ".html", ".md", ".docx")


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower().replace("&", "and")).strip("-")


def sentence(title: str) -> str:
    return f"This procedure sets out what practitioners do about {title.lower()}, and who does it."


def write_page(folder: Path, index: int, title: str, number: str, next_title: str) -> Path:
    """One old page, in the format its place gives it, with a stamp, a list and a link to the next page."""
    fmt = FORMATS[index % len(FORMATS)]
    path = folder / f"{slug(title)}{fmt}"
    version = index % 9 + 1
    date = f"{index % 28 + 1} March 2024"
    if fmt == ".txt":
        path.write_text(
            f"Skip to content\n\n{number} {title}\n\nPurpose\n\n{sentence(title)}\n\n"
            f"What to Do\n\n• Talk to your designated safeguarding lead.\n• Record what you did.\n\n"
            f"Last Updated: {date}\nv{version}\n", encoding="utf-8")
    elif fmt == ".html":
        path.write_text(
            f"<!DOCTYPE html><html><head><title>{title} | Old Manual</title></head><body>"
            f"<nav><a href='index.html'>Home</a></nav><main><h1>{number} {title.replace('&', '&amp;')}</h1>"
            f"<h2 id='purpose'>Purpose</h2><p>{sentence(title)}</p>"
            f"<ol><li>Talk to your designated safeguarding lead.</li><li>Record what you did.</li></ol>"
            f"<p>See also <a href='{slug(next_title)}.html'>the next page</a> and the <a href='#'>old form</a>.</p>"
            f"<p>Last updated: {date} | Version {version}</p></main></body></html>", encoding="utf-8")
    elif fmt == ".md":
        path.write_text(
            f"# {number} {title}\n\n## Purpose\n\n{sentence(title)}\n\n"
            f"| Who | When |\n| --- | --- |\n| Lead | Within a day |\n\n"
            f"*Last updated: {date} / v{version}*\n", encoding="utf-8")
    else:
        (WordBuilder().title(f"{number} {title}").heading("Purpose").paragraph(sentence(title))
         .bullet("Talk to your designated safeguarding lead.").bullet("Record what you did.", level=1)
         .picture("The route a concern takes").paragraph(f"Last updated: {date} / v{version}").save(path))
    return path


def test_a_whole_manual_moves_in_and_builds_strict(tmp_path):
    old = tmp_path / "old-manual"
    old.mkdir()
    contents = ["Contents", ""]
    titles = [t for chapter in CHAPTERS.values() for t in chapter]
    index = 0
    for chapter_number, (chapter, pages) in enumerate(CHAPTERS.items(), start=1):
        contents.append(f"{chapter_number}. {chapter}")
        for page_number, (title, listed) in enumerate(pages, start=1):
            number = f"{chapter_number}.{page_number}"
            contents.append(f"{number} {listed}")
            if title == "Underlying Principles":  # the real shape of a hosted page, as plain text
                (old / "underlying-principles.txt").write_text((HOSTED / "underlying-principles.txt").read_text("utf-8"), "utf-8")
            else:
                write_page(old, index, title, number, titles[(index + 1) % len(titles)][0])
            index += 1
    (old / "contents.txt").write_text("\n".join(contents) + "\n", encoding="utf-8")
    assert len([p for p in old.iterdir() if p.suffix in FORMATS and p.name != "contents.txt"]) == 32
    assert {p.suffix for p in old.iterdir()} == set(FORMATS)

    manual = Project(tmp_path / "manual")
    manual.write("docs/index.md", "---\ntitle: Home\n---\n\nWelcome.\n")
    manual.config(sections=[{"folder": "statutory", "label": "Procedures"}])
    (manual.root / "statutory").mkdir()

    result = CliRunner().invoke(main, ["-C", str(manual.root), "import", str(old), "--to", "statutory",
                                       "--contents", str(old / "contents.txt")])
    assert result.exit_code == 0, result.output
    assert "Imported 32 of 32 pages into statutory/" in result.output
    assert "has no entry in the contents list" not in result.output
    assert "has no imported page" not in result.output

    # The nav, pasted into mkdocs.yml as the officer would (the import never touches the file).
    block = result.output.split("(the file itself is not changed):\n", 1)[1]
    block = "".join(line + "\n" for line in block.splitlines() if line.startswith("  "))
    assert block.startswith("  - Policy Framework:\n      - statutory/introduction.md\n")
    report = (manual.root / "import-report.txt").read_text(encoding="utf-8")
    assert block.rstrip("\n") in report
    config = manual.root / "mkdocs.yml"
    assert "nav:" not in config.read_text()
    config.write_text(config.read_text() + "nav:\n  - Home: index.md\n  - Contents: contents.md\n" + block, encoding="utf-8")

    # What the import could not settle is in the report, not in the build.
    assert "placeholder link 'old form'" in report
    assert "image 'picture 1 of the document (png)' was not copied" in report

    check = CliRunner().invoke(main, ["-C", str(manual.root), "check"])
    assert check.exit_code == 0, check.output
    built = manual.build()
    assert built.returncode == 0, built.output
    assert "WARNING" not in built.output, built.output

    # The site numbers the pages as the old manual did, whatever format each page came in.
    for chapter_number, pages in enumerate(CHAPTERS.values(), start=1):
        for page_number, (title, _) in enumerate(pages, start=1):
            html = built.html(f"statutory/{slug(title)}/index.html")
            heading = title.replace("&", "&amp;")
            assert f"<h1>{chapter_number}.{page_number} {heading}</h1>" in html, (title, re.findall(r"<h1>.*?</h1>", html))
    principles = built.html("statutory/underlying-principles/index.html")
    assert principles.count("<li>") >= 6 and "1. Child-centred</h2>" in principles
    # Links between imported pages work, whatever format the page linked to came in (the strict
    # build checked them too): "immediate-protection.html" of the old site came as Markdown.
    assert 'href="../immediate-protection/"' in built.html("statutory/assessment-of-need/index.html")
