"""The realistic manual (tests/fixtures/realistic), built whole with --strict: no warning at all.

The fixture is shaped like a real partnership's manual rather than our demo: every page starts
with `# Title` (half of them with no `title:` in front matter), thirteen chapters with long titles
holding "–", "/", "&", "?" and ":", a 40-term glossary shared with other documents (so half its
terms are used on no page), terms that start with a digit or a quote, and acronyms such as NHS
and GP that are not in the glossary. Those are notes, not warnings: a strict build must pass.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import REPO, Built, Project

FIXTURE = REPO / "tests" / "fixtures" / "realistic"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("realistic") / "manual"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("site"))
    return Project(root).build(strict=True)


def text(fragment: str) -> str:
    """The text a reader sees in an HTML fragment, without the permalink sign."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).replace("¶", "").split())


def h1s(page: str) -> list[str]:
    return [text(h) for h in re.findall(r"<h1\b[^>]*>(.*?)</h1>", page, re.S)]


def same_title(a: str, b: str) -> bool:
    """Equal up to case, spacing, curly or straight quotes and dashes, as a page's `# Title` may
    differ from its front matter's `title:`."""
    def key(s: str) -> str:
        s = s.translate(str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"}))
        return " ".join(s.casefold().split())
    return key(a) == key(b)


def numbered_pages() -> dict[str, str]:
    """Each page in mkdocs.yml's nav -> its number: chapters are the top-level groups, in order."""
    nav = yaml.safe_load((FIXTURE / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    numbers, chapter = {}, 0
    for item in nav:
        (_, value), = item.items()
        if isinstance(value, list):
            chapter += 1
            numbers.update({uri: f"{chapter}.{index}" for index, uri in enumerate(value, 1)})
    return numbers


def source(uri: str) -> Path:
    """A page's file: in a content folder, or in docs_dir."""
    return FIXTURE / uri if (FIXTURE / uri).is_file() else FIXTURE / "docs" / uri


def heading(uri: str) -> str:
    """The page's own `# Title` line."""
    return re.search(r"^# (.+)$", source(uri).read_text(encoding="utf-8"), re.M).group(1).strip()


def site_path(uri: str) -> str:
    return uri.removesuffix(".md") + "/index.html"


def test_strict_build_has_no_warning(built):
    assert built.returncode == 0, built.output
    assert "WARNING" not in built.output and "ERROR" not in built.output, built.output


def test_procedures_check_finds_only_notes(built):
    result = CliRunner().invoke(main, ["-C", str(built.site.parent), "check", "--format", "json"])
    assert "Traceback" not in result.output
    found = json.loads(result.output)
    serious = [p for p in found["problems"] if p["level"] in ("error", "warning")]
    assert not serious, json.dumps(serious, indent=2, ensure_ascii=False)
    assert found["summary"]["errors"] == found["summary"]["warnings"] == 0
    # The partnership's glossary is shared with other documents, and its pages use acronyms
    # (NHS, GP, A&E) it does not define: both are noted, for the officer to look at.
    messages = "\n".join(p["message"] for p in found["problems"])
    assert "16 Plus Team" in messages and "'NHS'" in messages


@pytest.mark.parametrize("uri", sorted(u for u in numbered_pages() if source(u).is_file()))
def test_each_page_shows_its_numbered_title_once(built, uri):
    """The title comes from the page's `# Title` (with or without `title:`), with its number in
    front, once: the heading is not shown a second time in the text. The same for the pages of
    docs_dir in a chapter (About, Local Contacts, the accessibility statement)."""
    page = built.html(site_path(uri))
    number = numbered_pages()[uri]
    titles = h1s(page)
    assert len(titles) == 1, titles
    shown_number, _, title = titles[0].partition(" ")
    assert shown_number == number
    assert same_title(title, heading(uri)), (title, heading(uri))


def test_titles_taken_from_headings_keep_their_punctuation(built):
    """Pages without `title:`: the heading's text is the title everywhere, escaped once."""
    page = built.html("core-procedures/responding-to-concerns/index.html")
    assert h1s(page) == ["2.2 Worried About a Child? What to Do If You Have a Concern"]
    assert "<title>Worried About a Child? What to Do If You Have a Concern - " in page

    early_help = built.html("core-procedures/early-help/index.html")
    assert "<h1>3.3 Early Help: Assessment, the Lead Practitioner &amp; Step-Up/Step-Down</h1>" in early_help
    assert "&amp;amp;" not in early_help

    contents = text(built.html("contents/index.html"))
    assert "2.2 Worried About a Child? What to Do If You Have a Concern Updated The steps every practitioner" in contents
    assert "3.1 Continuum of Need – Levels 1–4 / Thresholds Guidance" in contents


def test_the_v14_page(built):
    page = built.html("core-procedures/making-a-referral/index.html")
    assert h1s(page) == ["3.2 Making a Referral to the Front Door (MASH)"]
    assert '<span class="pm-stamp__version">v14</span>' in page
    assert 'datetime="2025-11-20"' in page


def nav_titles(page: str) -> list[str]:
    """The titles in the menu (the primary navigation), as written in the HTML."""
    nav = page[page.index('<nav class="md-nav md-nav--primary"'):page.index('class="md-sidebar md-sidebar--secondary"')]
    return [" ".join(m.split()) for m in re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', nav, re.S)]


def test_chapter_titles_keep_their_punctuation_escaped(built):
    titles = nav_titles(built.html("core-procedures/managing-allegations/index.html"))
    for chapter in (
        "2. Worried About a Child? Recognising, Responding &amp; Sharing Information",
        "3. The Front Door / MASH: Thresholds, Referrals &amp; Early Help",
        "6. Allegations Against Staff/Volunteers &amp; the LADO",
        "9. Culture, Faith &amp; ‘Honour’: FGM, Forced Marriage &amp; Private Fostering",
        "10. Learning &amp; Improvement: Disagreements, Reviews &amp; Child Deaths – What Must Be Notified?",
        "13. About This Manual: Contacts, Accessibility &amp; Updates",
    ):
        assert chapter in titles, titles
    # Every title in the menu is escaped once: no bare "&", none escaped twice.
    assert not [t for t in titles if re.search(r"&(?!amp;|lt;|gt;|quot;|#)", t) or "&amp;amp;" in t], titles

    contents = built.html("contents/index.html")
    assert "Core Procedures – Responding to Concerns &amp; Protecting Children" in contents
    assert "Children in Specific Circumstances / Additional Vulnerabilities" in contents


def glossary_groups(page: str) -> list[tuple[str, str, list[str]]]:
    """The glossary page's groups in order: (anchor, visible label, the terms under it)."""
    parts = re.split(r'(<h2 id="[^"]+"[^>]*>.*?</h2>)', page, flags=re.S)
    groups = []
    for head, body in zip(parts[1::2], parts[2::2], strict=True):  # one group: heading, body, heading ...
        anchor = re.match(r'<h2 id="([^"]+)"', head).group(1)
        groups.append((anchor, text(head), [text(t) for t in re.findall(r"<h3\b[^>]*>(.*?)</h3>", body, re.S)]))
    return groups


def test_glossary_has_a_visible_group_for_digits(built):
    page = built.html("glossary/index.html")
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    groups = glossary_groups(page)
    assert all(label for _, label, _ in groups), groups
    anchor, label, terms = groups[0]
    assert label == "0–9", groups
    assert terms == ["0-19 Health and Wellbeing Service", "16 Plus Team"]
    jump = re.search(r"Jump to a letter:(.*?)</p>", page, re.S).group(1)
    assert re.findall(rf'<a href="#{anchor}">([^<]*)</a>', jump) == ["0–9"]
    # A term in quotes is listed under its first letter; every term is listed once.
    listed = [term for _, _, terms in groups for term in terms]
    assert len(listed) == len(set(listed)) == 40
    assert "‘Honour’-Based Abuse" in dict((label, terms) for _, label, terms in groups)["H"]
    assert max(listed, key=len).startswith("Multi-Agency Child Exploitation and Missing Children Panel")


def glossary_links(page: str) -> list[tuple[str, str]]:
    return [(href, html.unescape(label)) for href, label in re.findall(r'class="pm-term__link" href="([^"]+)">([^<]+)</a>', page)]


def test_terms_with_digits_quotes_and_long_names_link(built):
    roles = glossary_links(built.html("core-procedures/roles-and-responsibilities/index.html"))
    assert ("../../glossary/#0-19-health-and-wellbeing-service", "0-19 service") in roles
    forced = glossary_links(built.html("specific-circumstances/forced-marriage/index.html"))
    assert ("../../glossary/#honour-based-abuse", "‘honour’-based abuse") in forced
    exploitation = glossary_links(built.html("specific-circumstances/child-exploitation/index.html"))
    assert any(label == "MACE" and href.startswith("../../glossary/#multi-agency-child-exploitation") for href, label in exploitation)
