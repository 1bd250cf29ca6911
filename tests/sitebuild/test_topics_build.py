"""Whole builds: the Topics page, keywords, related pages, back-links, and `--dirty` rebuilds.

The manual built here is a small copy of the demo's shape: two sections, three info-sheets,
a topic list, links between pages, an archived and a draft page.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.conftest import Project, page

TOPICS_YML = """\
early help: {label: Early help, description: "Support for families as soon as problems emerge."}
child protection: {label: Child protection, description: "Protecting children who may be suffering significant harm."}
exploitation: {label: Exploitation, description: "Children used by others for sex, crime or money."}
going missing: {label: Going missing, description: "Children who run away or cannot be found."}
serious violence: {label: Serious violence, description: "Knife crime, gangs and serious youth violence."}
online harm: {label: Online harm, description: "Harm that starts or happens online."}
allegations: {label: Allegations, description: "Concerns about adults who work with children."}
safer workforce: {label: Safer workforce, description: "Recruiting, training and supervising staff safely."}
education: {label: Education, description: "Schools, colleges and early years settings."}
voluntary sector: {label: Voluntary sector, description: "Voluntary, community, faith and private organisations."}
information sharing: {label: Information sharing, description: "Sharing information to keep children safe."}
neglect: {label: Neglect, description: "When a child's basic needs are persistently not met."}
"""

NAV = [
    {"Home": "index.md"},
    {"Contents": "contents.md"},
    {"Topics": "topics.md"},
    {"Statutory Procedures": ["statutory/referrals.md", "statutory/section-47.md", "statutory/allegations.md"]},
    {"Supplementary Procedures": [
        "supplementary/cse.md", "supplementary/cce.md", "supplementary/missing.md", "supplementary/online-harm.md",
        "supplementary/safer-recruitment.md", "supplementary/neglect.md", "supplementary/old-exploitation.md",
        "supplementary/draft-missing.md",
    ]},
    {"Info-sheets": [
        "info-sheets/risk-outside-the-home.md", "info-sheets/volunteers.md", "info-sheets/education.md",
    ]},
    {"Flowcharts": ["flowcharts/enquiry.md"]},
]

# Its steps link to two procedures; Referrals embeds it, so Referrals links to them too.
ENQUIRY_FLOWCHART = """\
title: From referral to enquiry
version: 2
last_updated: 2025-01-01
steps:
  - id: referral
    text: A referral is made
    link: statutory/referrals.md
    next: enquiry
  - id: enquiry
    text: Section 47 enquiries begin
    link: statutory/section-47.md
    next: staff
  - id: staff
    text: If the concern is about a member of staff, manage it as an allegation
    link: statutory/allegations.md
    type: end
"""


def sheet(title: str, topics: list[str], body: str = "## What this sheet is for\n\nText.\n", **fields) -> str:
    return page(title, 2, "2026-06-10", summary=f"Key messages: {title}.", topics=topics, body=body, **fields)


def write_manual(proj: Project) -> Project:
    proj.write("topics.yml", TOPICS_YML)
    proj.write("docs/index.md", "---\ntitle: Home\n---\n\nStart with [referrals](statutory/referrals.md).\n")
    proj.write("statutory/referrals.md", page(
        "Referrals", 14, "2023-04-14", summary="What to do when you are worried about a child.",
        keywords=["child protection", "early help", "information sharing"],
        related=["statutory/section-47.md", "supplementary/neglect.md"],
        body="## Purpose\n\nAfter a referral, see [Section 47 enquiries](section-47.md) and "
             "[sexual exploitation](../supplementary/cse.md#signs).\n\n## Flowchart\n\n!flowchart enquiry\n"))
    proj.write("statutory/section-47.md", page(
        "Section 47 Enquiries", 9, "2025-03-01", summary="Enquiries into significant harm.", keywords=["child protection"],
        body="## Purpose\n\nStarts from a [referral](referrals.md); for staff see [allegations](allegations.md).\n"))
    proj.write("statutory/allegations.md", page(
        "Managing Allegations", 6, "2025-09-01", summary="Allegations against people who work with children.",
        keywords=["allegations", "safer workforce", "education", "voluntary sector"]))
    proj.write("supplementary/cse.md", page(
        "Child Sexual Exploitation", 5, "2025-05-05", summary="Recognising and responding to sexual exploitation.",
        keywords=["exploitation", "online harm"],
        related=["supplementary/cce.md", "docs/info-sheets/risk-outside-the-home.md"],
        body="## Signs\n\nSee [criminal exploitation](cce.md), [missing](missing.md) and the "
             "[sheet](../info-sheets/risk-outside-the-home.md).\n\n```markdown\n[not a link](neglect.md)\n```\n"))
    proj.write("supplementary/cce.md", page(
        "Child Criminal Exploitation", 4, "2025-05-06", summary="County lines and criminal exploitation.",
        keywords=["exploitation", "serious violence"]))
    proj.write("supplementary/missing.md", page(
        "Children Who Go Missing", 8, "2024-10-10", summary="Children missing from home or care.",
        keywords=["going missing", "exploitation"]))
    proj.write("supplementary/online-harm.md", page(
        "Online Harm", 3, "2026-01-15", summary="Harm that starts online.", keywords=["online harm", "education"]))
    proj.write("supplementary/safer-recruitment.md", page(
        "Safer Recruitment", 2, "2024-02-02", summary="Recruiting staff and volunteers safely.",
        keywords=["safer workforce", "voluntary sector", "education"]))
    proj.write("supplementary/neglect.md", page(
        "Neglect", 7, "2024-02-01", summary="Recognising neglect.", keywords=["neglect"],
        body="## Purpose\n\nSee [referrals](../statutory/referrals.md).\n"))
    proj.write("supplementary/old-exploitation.md", page(
        "Old Exploitation Guidance", 1, "2019-01-01", summary="Replaced.", keywords=["exploitation"], status="archived",
        body="Old text linking to [CSE](cse.md).\n"))
    proj.write("supplementary/draft-missing.md", page(
        "Missing Protocol (Draft)", 1, "2026-01-01", keywords=["going missing"], status="draft",
        body="Draft linking to [missing](missing.md).\n"))
    resources = [{"title": "Childline", "url": "https://www.childline.org.uk/", "description": "Help for children."}]
    proj.write("docs/info-sheets/risk-outside-the-home.md", sheet(
        "Risk Outside the Home", ["exploitation", "going missing", "serious violence", "online harm"], resources=resources,
        body="## What this sheet is for\n\nHarm outside the family. Start with [CSE](../supplementary/cse.md).\n"))
    proj.write("docs/info-sheets/volunteers.md", sheet(
        "Volunteers and Community Organisations",
        ["voluntary sector", "safer workforce", "allegations", "information sharing", "early help"]))
    proj.write("docs/info-sheets/education.md", sheet(
        "Education Settings", ["education", "child protection", "online harm", "allegations", "safer workforce"]))
    proj.write("flowcharts/enquiry.yml", ENQUIRY_FLOWCHART)
    proj.config(_mkdocs={"nav": NAV})
    return proj


@pytest.fixture
def manual(tmp_path: Path) -> Project:
    return write_manual(Project(tmp_path / "manual"))


# --------------------------------------------------------------------------- reading the HTML


def article(html: str) -> str:
    """The page's article, without the print-only notice (partials/procedures/print-notice.html) and
    the hidden "Changed since you last looked" notice (partials/procedures/updates.html)."""
    body = html[html.index("<article"):html.index("</article>")]
    body = re.sub(r'<div class="admonition info pm-seen" data-pm-seen hidden>.*?</div>', "", body, count=1, flags=re.S)
    return re.sub(r'<div class="pm-print">.*?</div>', "", body, count=1, flags=re.S)


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&amp;", "&").split())


def site_path(url_path: str) -> str:
    """'/statutory/referrals/' -> 'statutory/referrals/' ('' for the home page)."""
    return url_path.lstrip("/")


def resolve(href: str, page_dir: str) -> str | None:
    """The site path a relative href on a page goes to, without its #part; None for other hosts."""
    if href.startswith("#") or urlsplit(href).scheme:
        return None
    return site_path(urlsplit(urljoin(f"http://site/{page_dir}", href)).path)


def box(html: str, name: str) -> list[tuple[str, str]]:
    """(href, text) of each link in a box ('related' or 'referred-by'), in order."""
    match = re.search(rf'<aside class="pm-links pm-links--{name}".*?</aside>', html, re.S)
    if not match:
        return []
    return [(h, text_of(t)) for h, t in re.findall(r'<a href="([^"]*)">(.*?)</a>', match.group(0), re.S)]


def written_links(html: str) -> list[str]:
    """Hrefs of the links in the text an author wrote (not the boxes, generated lists or permalinks)."""
    body = article(html)
    for stop in ('<aside class="pm-links', '<h2 id="in-this-manual"'):
        if stop in body:
            body = body[:body.index(stop)]
    return [h for h in re.findall(r'<a (?:[^>]*?)href="([^"]*)"', body) if not h.startswith("#")]


def pages_of(site: Path) -> dict[str, str]:
    """Every built page (site path -> HTML), without MkDocs' own 404 and search pages."""
    out = {}
    for path in site.rglob("index.html"):
        rel = path.parent.relative_to(site).as_posix()
        out["" if rel == "." else rel + "/"] = path.read_text(encoding="utf-8")
    return out


# --------------------------------------------------------------------------- the Topics page


def test_topics_page_lists_every_topic_with_its_pages(manual):
    built = manual.build()
    assert built.returncode == 0, built.output
    html = built.html("topics/index.html")
    text = text_of(article(html))
    assert "<title>Topics - Test Partnership Manual</title>" in html
    labels = re.findall(r"<h2 id=\"[^\"]+\">(.*?)</h2>", html)
    assert labels == sorted(labels, key=str.casefold) and len(labels) == 12
    assert ("Exploitation Children used by others for sex, crime or money. Info-sheet: 3.1 Risk Outside the Home "
            "2.1 Child Sexual Exploitation 2.2 Child Criminal Exploitation 2.3 Children Who Go Missing") in text
    assert "Neglect When a child's basic needs are persistently not met. 2.6 Neglect" in text
    assert "Old Exploitation" not in text and "Missing Protocol" not in text  # archived, draft
    assert 'href="../supplementary/cse/"' in html
    # In the nav after Contents, without a number.
    assert re.search(r"Contents\s*</span>.*?Topics\s*</span>.*?1\. Statutory Procedures", built.html("index.html"), re.S)


def test_topics_can_be_listed_in_the_plugin_options(manual):
    (manual.root / "topics.yml").unlink()
    manual.config(topics={
        key: {"label": key.capitalize(), "description": f"About {key}."}
        for key in ["early help", "child protection", "exploitation", "going missing", "serious violence", "online harm",
                    "allegations", "safer workforce", "education", "voluntary sector", "information sharing", "neglect"]
    }, topics_index={"path": "subjects.md", "title": "Subjects", "intro": "Find by subject."},
        _mkdocs={"nav": [n if n != {"Topics": "topics.md"} else {"Subjects": "subjects.md"} for n in NAV]})
    built = manual.build()
    assert built.returncode == 0, built.output
    text = text_of(article(built.html("subjects/index.html")))
    assert text.startswith("Subjects Find by subject. Allegations About allegations.")
    assert not (built.site / "topics").exists()


def test_without_a_topic_list_there_is_no_topics_page(project):
    project.write("statutory/referrals.md", page(keywords=["anything at all"]))
    built = project.build()
    assert built.returncode == 0, built.output
    assert not (built.site / "topics").exists()


def test_a_page_where_the_topics_page_goes_is_an_error(manual):
    manual.write("docs/topics.md", "---\ntitle: My topics\n---\n\nText.\n")
    built = manual.build()
    assert built.returncode != 0
    assert "docs/topics.md: this page is where the generated Topics page goes; rename it, or set another" in built.output
    assert "Traceback" not in built.output


def test_the_topics_page_can_be_turned_off(manual):
    manual.config(topics_index={"enabled": False}, _mkdocs={"nav": [n for n in NAV if n != {"Topics": "topics.md"}]})
    built = manual.build()
    assert built.returncode == 0, built.output
    assert not (built.site / "topics").exists()


# --------------------------------------------------------------------------- boxes


def test_related_and_referred_to_by_boxes(manual):
    built = manual.build()
    assert built.returncode == 0, built.output
    referrals = built.html("statutory/referrals/index.html")
    assert box(referrals, "related") == [
        ("../section-47/", "1.2 Section 47 Enquiries"), ("../../supplementary/neglect/", "2.6 Neglect")]
    # The flowchart's page links here from a step; Referrals' own embed of it is a link to itself.
    assert box(referrals, "referred-by") == [
        ("../../", "Home"), ("../section-47/", "1.2 Section 47 Enquiries"), ("../../supplementary/neglect/", "2.6 Neglect"),
        ("../../flowcharts/enquiry/", "4.1 From referral to enquiry")]
    # A flowchart step's link counts, from the flowchart's page and from Referrals, which embeds it.
    assert box(built.html("statutory/allegations/index.html"), "referred-by") == [
        ("../referrals/", "1.1 Referrals"), ("../section-47/", "1.2 Section 47 Enquiries"),
        ("../../flowcharts/enquiry/", "4.1 From referral to enquiry")]
    assert '<h2 class="pm-links__title" id="pm-related">Related procedures</h2>' in referrals
    assert '<h2 class="pm-links__title" id="pm-referred-by">Referred to by</h2>' in referrals

    cse = built.html("supplementary/cse/index.html")
    assert box(cse, "related") == [("../cce/", "2.2 Child Criminal Exploitation"),
                                   ("../../info-sheets/risk-outside-the-home/", "3.1 Risk Outside the Home")]
    # The archived page's link does not count; the info-sheet's own text does.
    assert box(cse, "referred-by") == [("../../statutory/referrals/", "1.1 Referrals"),
                                       ("../../info-sheets/risk-outside-the-home/", "3.1 Risk Outside the Home")]
    # Referrals lists Neglect as related but does not link to it in its text, and CSE's link to
    # it is in a code block: Neglect is not referred to.
    assert box(built.html("supplementary/neglect/index.html"), "referred-by") == []
    assert box(built.html("info-sheets/risk-outside-the-home/index.html"), "referred-by") == [
        ("../../supplementary/cse/", "2.1 Child Sexual Exploitation")]
    # A page nobody links to, with no related list, has no boxes at all.
    assert "pm-links" not in built.html("supplementary/online-harm/index.html")


def test_back_links_are_symmetric_with_the_links_that_exist(manual):
    built = manual.build()
    assert built.returncode == 0, built.output
    pages = pages_of(built.site)
    # Procedures and info-sheets have the boxes; a flowchart's page has a stamp but no boxes.
    boxed = {p for p, html in pages.items() if 'class="pm-stamp"' in html and not p.startswith("flowcharts/")}
    skip = {"contents/", "topics/", "amendments/"}  # generated pages link to everything
    links = set()
    for path, html in pages.items():
        # print/ holds the print edition: copies of the procedures, whose links are theirs; noindex
        # marks a page's history and old versions (generator/history)
        if path in skip or path.startswith("print/") or "pm-banner--archived" in html or 'content="noindex"' in html:
            continue
        for href in written_links(html):
            target = resolve(href, path)
            if target in boxed and target != path:
                links.add((path, target))
    back_links = {(resolve(href, path), path) for path in boxed for href, _ in box(pages[path], "referred-by")}
    assert links == back_links
    assert len(links) >= 10
    # Links from flowchart steps are among them: from the flowchart's page and from the page embedding it.
    assert {("flowcharts/enquiry/", "statutory/section-47/"), ("flowcharts/enquiry/", "statutory/allegations/"),
            ("statutory/referrals/", "statutory/allegations/")} <= links


def test_boxes_show_titles_as_text(manual):
    evil = '<img src=x onerror=alert(1)> & "quotes"'
    manual.write("statutory/section-47.md", page(evil, 9, "2025-03-01", keywords=["child protection"],
                                                 body="[r](referrals.md)\n"))
    built = manual.build()
    assert built.returncode == 0, built.output
    referrals = built.html("statutory/referrals/index.html")
    assert "<img src=x" not in referrals
    assert "1.2 &lt;img src=x onerror=alert(1)&gt; &amp; &#34;quotes&#34;" in referrals


# --------------------------------------------------------------------------- archived pages


def test_an_archived_page_drops_out_of_every_list(manual):
    built = manual.build()
    assert built.returncode == 0, built.output
    assert "2.2 Child Criminal Exploitation" in text_of(built.html("info-sheets/risk-outside-the-home/index.html"))
    assert "2.2 Child Criminal Exploitation" in text_of(built.html("topics/index.html"))

    manual.write("supplementary/cce.md", page(
        "Child Criminal Exploitation", 4, "2025-05-06", keywords=["exploitation", "serious violence"], status="archived",
        body="[CSE](cse.md)\n"))
    # A published page may not keep an archived page in its 'related' list.
    manual.write("supplementary/cse.md", (manual.root / "supplementary/cse.md").read_text().replace(
        "- supplementary/cce.md\n", ""))
    built = manual.build()
    assert built.returncode == 0, built.output
    for rel in ("info-sheets/risk-outside-the-home/index.html", "topics/index.html", "contents/index.html"):
        assert "Child Criminal Exploitation" not in text_of(article(built.html(rel))), rel
    assert "Child Criminal" not in text_of(str(box(built.html("supplementary/cse/index.html"), "referred-by")))
    assert "pm-banner--archived" in built.html("supplementary/cce/index.html")


# --------------------------------------------------------------------------- --dirty


def api_build(proj: Project, *, dirty: bool) -> None:
    """Build as `mkdocs serve --dirty` does: MkDocs' Python API, one plugin instance across builds."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cwd = os.getcwd()
    os.chdir(proj.root)
    try:
        config = load_config(str(proj.root / "mkdocs.yml"))
        config.plugins.on_startup(command="serve", dirty=dirty)
        build(config, dirty=dirty)
    finally:
        os.chdir(cwd)


def touch_later(path: Path, text: str) -> None:
    """Write a source so that its modification time is clearly after the last build's outputs."""
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


def test_lists_and_boxes_stay_right_under_dirty_rebuilds(manual, caplog):
    caplog.set_level(logging.ERROR)
    site = manual.root / "site"
    api_build(manual, dirty=False)
    sheet = site / "info-sheets/education/index.html"
    assert "Neglect" not in text_of(article(sheet.read_text()))
    untouched = site / "supplementary/missing/index.html"
    untouched_mtime = untouched.stat().st_mtime_ns

    # One page's keywords change: the Education sheet and the Topics page must follow.
    source = manual.root / "supplementary/neglect.md"
    touch_later(source, source.read_text().replace("keywords:\n- neglect", "keywords:\n- neglect\n- education"))
    api_build(manual, dirty=True)
    assert "2.6 Neglect Recognising neglect." in text_of(article(sheet.read_text()))
    topics = text_of(article((site / "topics/index.html").read_text()))
    education = topics[topics.index("Education Schools"):topics.index("Exploitation Children")]
    assert "2.6 Neglect" in education
    # A page whose output is unaffected is not rebuilt: this really was a dirty build.
    assert untouched.stat().st_mtime_ns == untouched_mtime

    # A new link in one page's text: the page it links to gains a "Referred to by" entry.
    source = manual.root / "supplementary/online-harm.md"
    touch_later(source, source.read_text() + "\nSee also [going missing](missing.md).\n")
    api_build(manual, dirty=True)
    assert ("../online-harm/", "2.4 Online Harm") in box(untouched.read_text(), "referred-by")

    # ...and loses it again when the link is removed.
    touch_later(source, source.read_text().replace("See also [going missing](missing.md).", ""))
    api_build(manual, dirty=True)
    assert ("../online-harm/", "2.4 Online Harm") not in box(untouched.read_text(), "referred-by")

    # A flowchart step's link moves from Managing Allegations to Children Who Go Missing: both boxes follow,
    # for the flowchart's page and for Referrals, which embeds the flowchart.
    chart = manual.root / "flowcharts/enquiry.yml"
    touch_later(chart, chart.read_text().replace("link: statutory/allegations.md", "link: supplementary/missing.md"))
    api_build(manual, dirty=True)
    allegations = box((site / "statutory/allegations/index.html").read_text(), "referred-by")
    assert allegations == [("../section-47/", "1.2 Section 47 Enquiries")]
    assert {("../../flowcharts/enquiry/", "4.1 From referral to enquiry"), ("../../statutory/referrals/", "1.1 Referrals")} <= set(
        box(untouched.read_text(), "referred-by"))


def test_a_dirty_build_in_a_new_process_rebuilds_what_changed(manual):
    built = manual.build()
    assert built.returncode == 0, built.output
    source = manual.root / "supplementary/cse.md"
    touch_later(source, source.read_text().replace("title: Child Sexual Exploitation", "title: Sexual Exploitation of Children"))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty"], cwd=manual.root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "2.1 Sexual Exploitation of Children" in text_of(built.html("info-sheets/risk-outside-the-home/index.html"))
    assert ("../../supplementary/cse/", "2.1 Sexual Exploitation of Children") in box(
        built.html("info-sheets/risk-outside-the-home/index.html"), "referred-by")


# --------------------------------------------------------------------------- mistakes


def keywords_page(**fields) -> str:
    return page(**{"title": "Referrals", "version": 14, "last_updated": "2023-04-14", **fields})


BAD = [
    # id, files to write, expected text (file:line), is it only a warning?
    ("keyword-typo", {"statutory/referrals.md": keywords_page(keywords=["neglet"])},
     "statutory/referrals.md:5: 'keywords': 'neglet' is not a topic in topics.yml: did you mean 'neglect' (Neglect)?", True),
    ("keyword-unknown", {"statutory/referrals.md": keywords_page(keywords=["county lines"])},
     "statutory/referrals.md:5: 'keywords': 'county lines' is not a topic in topics.yml: use one of the topics listed in topics.yml", True),
    ("keyword-twice", {"statutory/referrals.md": keywords_page(keywords=["neglect", "Neglect"])},
     "statutory/referrals.md:5: 'keywords': 'Neglect' is listed twice", "note"),
    ("related-missing", {"statutory/referrals.md": keywords_page(related=["statutory/nowhere.md"])},
     "statutory/referrals.md:6: 'related': statutory/nowhere.md is not a page of this manual: write the page's path "
     "from the top of the project, such as statutory/referrals.md", False),
    ("related-typo", {"statutory/referrals.md": keywords_page(related=["supplementary/neglet.md"])},
     "statutory/referrals.md:6: 'related': supplementary/neglet.md is not a page of this manual: did you mean supplementary/neglect.md?", False),
    ("related-no-extension", {"statutory/referrals.md": keywords_page(related=["supplementary/neglect"])},
     "statutory/referrals.md:6: 'related': supplementary/neglect is not a page of this manual: did you mean supplementary/neglect.md?", False),
    ("related-moved", {"statutory/referrals.md": keywords_page(related=["statutory/neglect.md"])},
     "statutory/referrals.md:6: 'related': statutory/neglect.md is not a page of this manual: did you mean supplementary/neglect.md?", False),
    ("related-second-entry", {"statutory/referrals.md": keywords_page(related=["supplementary/neglect.md", "nowhere.md"])},
     "statutory/referrals.md:7: 'related': nowhere.md is not a page of this manual", False),
    ("related-deleted-near-itself", {"supplementary/neglect.md": page("Neglect", 7, "2024-02-01", related=["supplementary/neglect-old.md"])},
     "supplementary/neglect.md:6: 'related': supplementary/neglect-old.md is not a page of this manual: write the page's path "
     "from the top of the project, such as statutory/referrals.md", False),
    ("related-deleted-same-name", {"supplementary/neglect.md": page("Neglect", 7, "2024-02-01", related=["statutory/neglect.md"])},
     "supplementary/neglect.md:6: 'related': statutory/neglect.md is not a page of this manual: write the page's path", False),
    ("related-itself-without-extension", {"supplementary/neglect.md": page("Neglect", 7, "2024-02-01", related=["supplementary/neglect"])},
     "supplementary/neglect.md:6: 'related': supplementary/neglect is not a page of this manual: write the page's path", False),
    ("related-self", {"statutory/referrals.md": keywords_page(related=["statutory/referrals.md"])},
     "statutory/referrals.md:6: 'related': statutory/referrals.md is this page itself", False),
    ("related-archived", {"statutory/referrals.md": keywords_page(related=["supplementary/old.md"]),
                          "supplementary/old.md": page("Old", 1, "2020-01-01", status="archived")},
     "statutory/referrals.md:6: 'related': supplementary/old.md is archived: point to the page that replaced it", False),
    ("related-draft", {"statutory/referrals.md": keywords_page(related=["supplementary/new.md"]),
                       "supplementary/new.md": page("New", 1, "2026-01-01", status="draft")},
     "statutory/referrals.md:6: 'related': supplementary/new.md is a draft, so readers cannot see it", False),
    ("related-backslash", {"statutory/referrals.md": keywords_page(related=["supplementary\\neglect.md"])},
     "statutory/referrals.md:6: 'related': supplementary\\neglect.md uses '\\'", False),
    ("related-url", {"statutory/referrals.md": keywords_page(related=["https://example.org/"])},
     "statutory/referrals.md:6: 'related': https://example.org/ is a web address", False),
    ("related-text", {"statutory/referrals.md": keywords_page(related="supplementary/neglect.md")},
     "statutory/referrals.md:5: 'related' must be a list of page paths", False),
    ("related-twice", {"statutory/referrals.md": keywords_page(related=["supplementary/neglect.md", "./supplementary/neglect.md"])},
     "statutory/referrals.md:7: 'related': ./supplementary/neglect.md is listed twice", "note"),
    ("topics-yml-bad", {"topics.yml": "neglect: Neglect\n"},
     "topics.yml:1: topic 'neglect' must be a block of fields with a label and a description", False),
    ("topics-yml-empty", {"topics.yml": ""}, "topics.yml:1: topics.yml is empty", False),
    ("topics-yml-yaml", {"topics.yml": "neglect: {label: Neglect\n"}, "topics.yml:2: the YAML is not valid", False),
    ("topics-yml-not-utf8", {"topics.yml": "neglect: {label: Caf\xe9, description: x}\n".encode("latin-1")},
     "topics.yml:1: the file is not UTF-8 text (byte 0xe9 on this line)", False),
    ("topics-yml-markup", {"topics.yml": "'<script>': {label: x}\n"}, "topics.yml:1: topic '<script>' has no 'description'", False),
]


@pytest.mark.parametrize("files, expected, warning", [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_mistakes_are_reported_by_check_and_build(project, files, expected, warning):
    project.write("topics.yml", "neglect: {label: Neglect, description: Needs not met.}\n")
    for rel, content in files.items():
        project.write(rel, content)

    project.reports(expected, "warning" if warning is True else "error" if warning is False else warning)
    if warning:
        assert project.build(strict=False).returncode == 0


def test_all_mistakes_are_listed_at_once(project):
    project.write("topics.yml", "neglect: {label: Neglect, description: Needs not met.}\n")
    project.write("statutory/referrals.md", keywords_page(related=["nowhere.md"], version="x"))
    project.write("supplementary/neglect.md", page("Neglect", related=["elsewhere.md"]))
    built = project.build()
    assert built.returncode != 0
    assert "The manual has 2 errors to fix" in built.output
    assert "statutory/referrals.md:3: 'version'" in built.output
    assert "supplementary/neglect.md:6: 'related': elsewhere.md is not a page" in built.output


OPTION_MISTAKES = [
    # id, the `topics:` option, the expected problem with {the key whose line it is on}, is it only a warning?
    ("plain-label", {"neglect": "Neglect"},
     "mkdocs.yml:{neglect}: topic 'neglect' must be a block of fields with a label and a description", False),
    ("no-description", {"neglect": {"label": "Neglect"}}, "mkdocs.yml:{neglect}: topic 'neglect' has no 'description'", False),
    ("empty-label", {"neglect": {"label": "", "description": "Needs not met."}},
     "mkdocs.yml:{label}: topic 'neglect': 'label' is empty", False),
    ("a-list", ["neglect"], "mkdocs.yml:{topics}: the topics must be a block with one topic per key", False),
    ("key-not-text", {1: {"label": "One", "description": "x"}}, "mkdocs.yml:{1}: the topic key 1 must be text", False),
    ("unknown-field", {"neglect": {"label": "Neglect", "description": "Needs not met.", "colour": "red"}},
     "mkdocs.yml:{colour}: unknown field 'colour' in topic 'neglect' is ignored", True),
    ("same-label", {"a": {"label": "Neglect", "description": "x"}, "b": {"label": "Neglect", "description": "y"}},
     "mkdocs.yml:{b}: the topics 'a' and 'b' have the same label 'Neglect'", True),
]


@pytest.mark.parametrize(("option", "expected", "warning"), [m[1:] for m in OPTION_MISTAKES], ids=[m[0] for m in OPTION_MISTAKES])
def test_mistakes_in_the_topics_option_name_their_line_of_mkdocs_yml(project, option, expected, warning):
    project.config(topics=option)
    config = project.root / "mkdocs.yml"
    # MkDocs' own tags elsewhere in the file do not stop the option being read with its lines.
    text = config.read_text().replace("site_name: Test Partnership Manual", "site_name: !ENV [SITE_NAME, Test Partnership Manual]")
    config.write_text(text)
    lines = text.splitlines()
    start = lines.index("    topics:")
    key = re.search(r"\{(.+?)\}", expected).group(1)
    line = start + 1 if key == "topics" else next(
        i + 1 for i, written in enumerate(lines) if i > start and written.strip().startswith((f"{key}:", f"- {key}:", f"'{key}':")))
    expected = expected.replace(f"{{{key}}}", str(line))

    project.reports(expected, "warning" if warning else "error")
