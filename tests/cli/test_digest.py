"""`procedures digest`: a release's new, changed and archived pages as an email (HTML with inline
styles only, and plain text), each linked by its full address; every value escaped; a wrong release
name, a release with no changes, a site without site_url and a broken manual each said plainly."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import page

SITE = "https://procedures.example.org.uk/"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def manual(project):
    project.write("statutory/referrals.md", page("Referrals & Assessments", 3, "2026-05-01", changes=[
        {"version": 1, "date": "2024-01-01", "note": "First published."},
        {"version": 2, "date": "2025-03-01", "note": "Second."},
        {"version": 3, "date": "2026-05-01", "note": "Now says <script>alert('x')</script> & \"more\"."},
    ]))
    project.write("supplementary/neglect.md", page("Neglect", 1, "2026-04-01", changes=[
        {"version": 1, "date": "2026-04-01", "note": "Written for the new screening tool."}]))
    project.write("supplementary/old.md", page("Old <Procedure>", 4, "2026-02-01", status="archived", changes=[
        {"version": 4, "date": "2026-02-01", "note": "Replaced by Neglect."}]))
    project.config(
        release={"name": "Update 2", "date": "2026-06-01"},
        releases=[{"name": "Update 0", "date": "2023-01-01"}, {"name": "Update 1", "date": "2025-06-01"}],
        _mkdocs={"site_url": SITE, "nav": ["index.md", {"Statutory": ["statutory/referrals.md"]},
                                            {"Supplementary": ["supplementary/neglect.md"]}]},
    )
    return project


class _Email(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.problems: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        self.tags.append(tag)
        if "class" in values or "id" in values:
            self.problems.append(f"<{tag}> has a class or id, which email clients drop")
        if tag in ("style", "script", "link", "img", "iframe", "form"):
            self.problems.append(f"<{tag}>")
        if tag == "a":
            self._href = values.get("href") or ""

    def handle_endtag(self, tag):
        if tag == "a":
            self._href = None

    def handle_data(self, data):
        self.text.append(data)
        if self._href is not None and data.strip():
            self.links.append((" ".join(data.split()), self._href))


def email(html: str) -> _Email:
    reader = _Email()
    reader.feed(html)
    return reader


def test_the_current_release_by_default(manual, tmp_path):
    out = tmp_path / "out"
    result = run("-C", str(manual.root), "digest", "--out", str(out))
    assert result.exit_code == 0, result.output
    html = (out / "digest-update-2.html").read_text(encoding="utf-8")
    text = (out / "digest-update-2.txt").read_text(encoding="utf-8")
    assert f"Wrote {out / 'digest-update-2.html'}" in result.output
    assert "Subject: Test Partnership Manual: what changed in Update 2" in result.output

    # Plain text: each section, each page with its number, version, date, full address and note.
    assert text.startswith("Test Partnership Manual\nWhat changed in Update 2\n\nUpdate 2 of the manual was published on 1 June 2026. "
                           "1 new page, 1 page changed and 1 page archived.\n")
    assert text.index("NEW PAGES") < text.index("CHANGED PAGES") < text.index("ARCHIVED PAGES")
    assert ("- 2.1 Neglect, version 1, 1 April 2026\n  https://procedures.example.org.uk/supplementary/neglect/\n"
            "  Written for the new screening tool.\n") in text
    assert "- 1.1 Referrals & Assessments, version 3, 1 May 2026\n  https://procedures.example.org.uk/statutory/referrals/\n" in text
    assert "Now says <script>alert('x')</script> & \"more\"." in text  # text is text
    assert "- Old <Procedure>, version 4, 1 February 2026\n  https://procedures.example.org.uk/supplementary/old/\n  Replaced by Neglect." in text
    assert "Every change, release by release: https://procedures.example.org.uk/amendments/" in text
    assert "Amendments feed, for a feed reader: https://procedures.example.org.uk/amendments.xml" in text
    assert "Second." not in text  # Update 1's

    # HTML: the same, escaped, with inline styles only.
    reader = email(html)
    assert not reader.problems, reader.problems
    assert "<script" not in html and "Now says &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;more&#34;." in html
    assert "Old &lt;Procedure&gt;" in html and "Referrals &amp; Assessments" in html
    assert ("1.1 Referrals & Assessments", f"{SITE}statutory/referrals/") in reader.links
    assert ("2.1 Neglect", f"{SITE}supplementary/neglect/") in reader.links
    assert all(href.startswith(SITE) for _, href in reader.links), reader.links
    assert all('style="' in tag for tag in re.findall(r"<(?:td|h1|h2|p|a)\b[^>]*>", html))
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"en-GB\">")
    assert "<title>Test Partnership Manual: what changed in Update 2</title>" in html
    assert not list(out.glob(".*")), "a temporary file was left behind"


def test_a_release_by_name_and_a_release_with_no_changes(manual, tmp_path):
    result = run("-C", str(manual.root), "digest", "--release", "  update   1 ", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    text = (tmp_path / "digest-update-1.txt").read_text(encoding="utf-8")
    assert "Second." in text and "First published." in text and "Written for" not in text

    result = run("-C", str(manual.root), "digest", "--release", "Update 0", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "note: nothing changed in Update 0" in result.stderr
    text = (tmp_path / "digest-update-0.txt").read_text(encoding="utf-8")
    assert "No procedures or flowcharts changed in this release." in text and "PAGES" not in text
    assert "No procedures or flowcharts changed" in (tmp_path / "digest-update-0.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "hint"), [
    ("Update 3", "did you mean 'Update 2'?"),
    ("Upadte 1", "did you mean 'Update 1'?"),
    ("Christmas", "the releases are Update 2, Update 1, Update 0"),
])
def test_an_unknown_release(manual, tmp_path, name, hint):
    result = run("-C", str(manual.root), "digest", "--release", name, "--out", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert f"there is no release '{name}' in mkdocs.yml" in result.output and hint in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_without_site_url(manual, tmp_path):
    out = tmp_path / "out"
    manual.config(release={"name": "Update 2", "date": "2026-06-01"})
    result = run("-C", str(manual.root), "digest", "--out", str(out))
    assert result.exit_code == 1
    assert "mkdocs.yml: site_url is not set, and an email needs each page's full address" in result.output
    assert not out.exists()
    result = run("-C", str(manual.root), "digest", "--out", str(out), "--site-url", "intranet/manual")
    assert result.exit_code == 1 and "'intranet/manual' is not a web address" in result.output
    result = run("-C", str(manual.root), "digest", "--out", str(out), "--site-url", "https://intranet.example/manual")
    assert result.exit_code == 0, result.output
    assert "https://intranet.example/manual/statutory/referrals/" in (out / "digest-update-2.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("options", "body", "expected"), [
    ({}, None, "mkdocs.yml names no release, and a digest summarises one"),
    ({"release": {"name": "Update 2", "date": "2026-06-01"}}, page(last_updated="2023-13-45"), "the manual has 1 error"),
])
def test_what_stops_a_digest(project, tmp_path, options, body, expected):
    if body:
        project.write("statutory/referrals.md", body)
    project.config(_mkdocs={"site_url": SITE}, **options)
    result = run("-C", str(project.root), "digest", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert expected in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
