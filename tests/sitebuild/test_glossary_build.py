"""A whole build with a glossary: links and tooltips, the glossary page, "Used in", search, --dirty."""

from __future__ import annotations

import json
import os
import re

from tests.conftest import page

GLOSSARY = """\
terms:
  - term: Significant Harm
    definition: The threshold for *compulsory* intervention.
    see_also: [Neglect]
  - term: Neglect
    definition: Persistent failure to meet a child's basic needs.
  - term: Child Sexual Exploitation
    acronym: CSE
    definition: A form of sexual abuse.
  - term: Local Authority Designated Officer
    acronym: LADO
    definition: Oversees allegations against staff.
"""


def setup(project):
    project.write("glossary.yml", GLOSSARY)
    project.write("statutory/referrals.md", page(body="## Neglect\n\nNeglect may be significant harm. Neglect again. Ask the LADO.\n"))
    project.write("supplementary/neglect.md", page("Neglect", 7, "2024-02-01", body="## Purpose\n\nSigns of CSE and neglect.\n"))
    project.write("docs/index.md", "---\ntitle: Home\n---\n\nWelcome. Nothing to link.\n")


def test_terms_link_to_the_glossary_with_tooltips(project):
    setup(project)
    built = project.build()
    assert built.returncode == 0, built.output
    html = built.html("statutory/referrals/index.html")
    links = re.findall(r'class="pm-term__link" href="([^"]+)">([^<]+)</a>', html)
    assert links == [
        ("../../glossary/#neglect", "Neglect"),
        ("../../glossary/#significant-harm", "significant harm"),
        ("../../glossary/#local-authority-designated-officer", "LADO"),
    ]
    assert '<h2 id="neglect">Neglect' in html  # headings are never linked
    assert re.search(r'role="tooltip">Significant Harm: The threshold for compulsory intervention.</span>', html)


def test_glossary_page_lists_terms_a_to_z_with_used_in(project):
    setup(project)
    built = project.build()
    html = built.html("glossary/index.html")
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert re.findall(r'<h3 id="([^"]+)"', html) == [
        "child-sexual-exploitation", "local-authority-designated-officer", "neglect", "significant-harm"]
    assert 'href="#letter-c"' in html and 'id="letter-s"' in html and 'href="#letter-a"' not in html
    assert "Acronym: CSE" in text
    assert re.search(r"See also:</strong>\s*<a href=\"#neglect\">Neglect</a>", html)
    neglect = html[html.index('id="neglect"'):html.index('id="significant-harm"')]
    assert re.findall(r'href="([^"#]+)"', neglect) == ["../statutory/referrals/", "../supplementary/neglect/"]
    assert "pm-term__link" not in html  # the glossary page itself is not linked


def test_search_entries_carry_the_glossary_forms(project):
    setup(project)
    built = project.build()
    index = json.loads((built.site / "search" / "search_index.json").read_text())
    entry = next(d for d in index["docs"] if d["location"] == "supplementary/neglect/")
    assert "Child Sexual Exploitation" in entry["text"] and "CSE" in entry["text"]
    assert "A form of sexual abuse" not in " ".join(d["text"] for d in index["docs"] if not d["location"].startswith("glossary"))


def test_used_in_stays_right_after_a_dirty_rebuild(project):
    """As `mkdocs serve --dirty`: the glossary page is rebuilt from the sources, not from renders."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    setup(project)
    cwd = os.getcwd()
    os.chdir(project.root)
    try:
        config = load_config("mkdocs.yml")
        config.plugins.on_startup(command="serve", dirty=True)
        build(config, dirty=True)
        first = (project.root / "site" / "glossary" / "index.html").read_text()
        assert "supplementary/neglect/" in first[first.index('id="child-sexual-exploitation"'):first.index('id="local-authority')]
        target = project.root / "supplementary" / "neglect.md"
        target.write_text(target.read_text().replace("Signs of CSE and neglect.", "Signs of neglect."))
        build(load_config("mkdocs.yml"), dirty=True)
        second = (project.root / "site" / "glossary" / "index.html").read_text()
        section = second[second.index('id="child-sexual-exploitation"'):second.index('id="local-authority')]
        assert "supplementary/neglect/" not in section
    finally:
        os.chdir(cwd)


def test_glossary_page_keeps_see_also_and_used_in_apart_and_styles_the_jump_list(project):
    setup(project)
    built = project.build()
    assert built.returncode == 0, built.output
    html = built.html("glossary/index.html")
    # The jump list's class is on its paragraph, where `.pm-glossary-letters a` finds the links.
    assert re.search(r'<p class="pm-glossary-letters">Jump to a letter: <a href="#letter-c">C</a>', html)
    assert not re.search(r'<a [^>]*class="pm-glossary-letters"', html)
    harm = html[html.index('id="significant-harm"'):]
    see_also = re.search(r"<p><strong>See also:</strong>(.*?)</p>", harm, re.S)
    used_in = re.search(r'<p class="pm-glossary-used" data-search-exclude><strong>Used in:</strong>(.*?)</p>', harm, re.S)
    assert see_also and used_in, harm
    assert "Used in" not in see_also.group(1)
    assert 'href="../statutory/referrals/"' in used_in.group(1)
    # The lists of pages are navigation, not content: search leaves them out.
    index = json.loads((built.site / "search" / "search_index.json").read_text())
    glossary_entries = [d for d in index["docs"] if d["location"].startswith("glossary/")]
    assert glossary_entries and not any("Used in" in d["text"] for d in glossary_entries)


def test_glossary_forms_are_escaped_in_the_search_index(project):
    """Material shows an entry's text as HTML: an alias must reach it as text."""
    setup(project)
    project.write("glossary.yml", GLOSSARY.replace(
        "  - term: Neglect\n", "  - term: Neglect\n    aliases: ['<img src=x onerror=alert(9)>', 'neglect & harm']\n"))
    built = project.build()
    assert built.returncode == 0, built.output
    index = json.loads((built.site / "search" / "search_index.json").read_text())
    entry = next(d for d in index["docs"] if d["location"] == "supplementary/neglect/")
    assert "&lt;img src=x onerror=alert(9)&gt;" in entry["text"] and "neglect &amp; harm" in entry["text"]
    assert not any("<img" in d["text"] for d in index["docs"])


def test_serve_watches_the_glossary_file(project):
    project.write("terms/words.yml", GLOSSARY)
    project.config(glossary={"path": "terms/words.yml"})
    assert str(project.root / "terms" / "words.yml") in project.watched_by_serve()


def test_excluded_pages_get_no_term_links(project):
    setup(project)
    project.config(glossary={"exclude": ["supplementary/*"]})
    built = project.build(strict=False)
    assert built.returncode == 0, built.output
    # CSE is only on the excluded page, so it counts as used nowhere.
    assert "the term 'Child Sexual Exploitation' is used on no page" in built.output
    assert "pm-term" not in built.html("supplementary/neglect/index.html")
    assert "Signs of CSE and neglect." in built.html("supplementary/neglect/index.html")
    assert 'class="pm-term__link"' in built.html("statutory/referrals/index.html")
    used_in = re.findall(r"<strong>Used in:</strong>(.*?)</p>", built.html("glossary/index.html"), re.S)
    assert used_in and not any("supplementary/neglect/" in links for links in used_in)  # nor listed under "Used in"


SHAPED = """\
terms:
  - term: 0-19 Health and Wellbeing Service
    definition: Health visitors and school nurses.
  - term: Emergency Protection Order (EPO)
    definition: A court order.
  - term: Neglect
    definition: Persistent failure to meet a child's basic needs.
  - term: "\u2018Was Not Brought\u2019"
    definition: A missed appointment.
    link: false
"""


def test_terms_starting_with_a_digit_or_a_quote_have_a_named_group(project):
    """A term that starts with a digit is listed under "0–9", a heading with a name, in the jump
    list and in the table of contents (it was an empty heading, and an empty link in the contents)."""
    project.write("glossary.yml", SHAPED)
    project.write("statutory/referrals.md", page(body="## Purpose\n\nThe 0-19 health and wellbeing service sees neglect. "
                                                      "An Emergency Protection Order (EPO) may follow.\n"))
    built = project.build()
    assert built.returncode == 0, built.output  # "EPO" is part of a term's name: no acronym warning
    html = built.html("glossary/index.html")
    assert re.findall(r'<h2 id="(letter-[^"]+)">([^<]*)', html) == [("letter-0-9", "0–9"), ("letter-e", "E"),
                                                                     ("letter-n", "N"), ("letter-w", "W")]
    assert re.search(r'Jump to a letter: <a href="#letter-0-9">0–9</a> · <a href="#letter-e">E</a>', html)
    toc = re.findall(r'<a href="#(letter-[^"]+)" class="md-nav__link">\s*<span class="md-ellipsis">\s*([^<]*?)\s*</span>', html)
    assert ("letter-0-9", "0–9") in toc and ("letter-w", "W") in toc
    # No link within the page (jump list, contents, headings) is without text.
    links = re.findall(r'<a href="#[^"]*"[^>]*>(.*?)</a>', html, re.S)
    assert len(links) > 10 and not [a for a in links if not re.sub(r"<[^>]+>", "", a).strip()], links


def test_search_finds_a_terms_own_entry_and_the_words_for_near_spellings(project):
    setup(project)
    built = project.build()
    index = json.loads((built.site / "search" / "search_index.json").read_text())
    entry = next(d for d in index["docs"] if d["location"] == "glossary/#local-authority-designated-officer")
    assert entry["title"] == "Local Authority Designated Officer – LADO" and entry["boost"] == 2
    assert next(d for d in index["docs"] if d["location"] == "glossary/").get("boost") is None
    words = json.loads((built.site / "assets" / "procedures" / "search-words.json").read_text())
    assert words == sorted(words)
    assert {"neglect", "significant", "exploitation", "welcome"} <= set(words)
    assert not [w for w in words if len(w) < 5 or not w.isalpha() or w != w.lower()]
