"""Every version kept, tested without a build: the redline (through the Markdown extension, which
stands on its own), old links pointed at today's site, files followed through git's log, a page's
versions from its records and git's texts, and editions' names and dates."""

from __future__ import annotations

import datetime as dt
import re

import markdown
import pytest

from generator.amendments.releases import Release, Releases
from generator.core.frontmatter import Change
from generator.history import git
from generator.history.editions import editions_markdown, plan_editions, slug
from generator.history.extension import HistoryExtension, PageContext
from generator.history.links import Targets
from generator.history.versions import PROCEDURE, Current, OldText, follow, history_of

# --------------------------------------------------------------------------- the redline


def redline(old: str, new: str) -> str:
    extension = HistoryExtension()
    extension.context = PageContext("a.md", "a/v1-to-v2.md", lambda href, origin, here, own: href, (old, new))
    return markdown.markdown("!redline", extensions=[extension, "tables", "admonition"])


def marks(html: str) -> list[tuple[str, str]]:
    """Each <del>/<ins> with the words it marks, as the eye sees them (without the screen reader's)."""
    found = []
    for kind, inner in re.findall(r'<(del|ins) class="pm-\1[^"]*">(.*?)</\1>', html, re.S):
        words = re.sub(r'<span class="pm-sr">[^<]*</span>', "", inner)
        found.append((kind, " ".join(re.sub(r"<[^>]+>", " ", words).split())))
    return found


REDLINES = [
    ("a word inserted", "Refer the child.", "Refer the child today.", [("ins", "today")], "1 word inserted"),
    ("a word deleted", "Refer the child today.", "Refer the child.", [("del", "today")], "1 word deleted"),
    ("a word replaced", "Call the Front Door.", "Ring the Front Door.", [("del", "Call"), ("ins", "Ring")], None),
    ("formatting kept", "A **strict** rule.", "A **strict** timescale.", [("del", "rule"), ("ins", "timescale")], None),
    ("a list item added", "- One\n- Two\n", "- One\n- Two\n- Three\n", [("ins", "Three")], None),
    ("a paragraph deleted", "Keep.\n\nGo.\n", "Keep.\n", [("del", "Go.")], None),
    ("a table cell changed", "| A | B |\n|---|---|\n| 1 | 2 |\n", "| A | B |\n|---|---|\n| 1 | 3 |\n",
     [("del", "2"), ("ins", "3")], None),
    ("nothing changed", "Same text.", "Same text.", [], "did not change in this version"),
]


@pytest.mark.parametrize(("old", "new", "expected", "summary"), [r[1:] for r in REDLINES], ids=[r[0] for r in REDLINES])
def test_the_redline_marks_what_changed_word_by_word(old, new, expected, summary):
    html = redline(old, new)
    assert marks(html) == expected
    if summary:
        assert summary in html


def test_screen_readers_hear_each_mark():
    html = redline("Refer.", "Refer now.")
    assert ('<ins class="pm-ins"><span class="pm-sr">inserted: </span>now<span class="pm-sr"> (end of insertion)</span></ins>.'
            in html)


def test_changes_are_listed_under_their_headings_and_linked():
    html = redline("## Purpose\n\nOne.\n\n## Steps\n\nTwo.\n", "## Purpose\n\nOne.\n\n## Steps\n\nTwo and three.\n")
    assert '<a href="#pm-change-1">Change 1, under ‘Steps’</a>' in html
    assert 'id="pm-change-1"' in html
    assert "1 change: 0 words deleted and 2 words inserted." in html


def test_old_text_is_text_not_markup():
    html = redline("Score a &lt; b.", "Score a &lt; b &amp; c &lt;script&gt;.")
    assert "<script>" not in html and "&lt;script&gt;" in html


# --------------------------------------------------------------------------- old links


TARGETS = Targets(
    pages={"statutory/referrals.md", "supplementary/neglect.md"},
    files={"forms/referral.pdf"},
    anchors=lambda uri: {"signs"} if uri == "supplementary/neglect.md" else None,
    withdrawn={"statutory/old.md": "statutory/old/history.md"},
    renamed={"statutory/making-referrals.md": "statutory/referrals.md"},
)
HERE = "statutory/referrals/v3.md"
LINKS = [
    ("another site", "https://www.gov.uk/x", "https://www.gov.uk/x"),
    ("a page still there", "../supplementary/neglect.md", "../../supplementary/neglect.md"),
    ("its heading still there", "../supplementary/neglect.md#signs", "../../supplementary/neglect.md#signs"),
    ("its heading gone", "../supplementary/neglect.md#gone", "../../supplementary/neglect.md"),
    ("a page moved since", "making-referrals.md", "../referrals.md"),
    ("a page withdrawn since", "old.md", "../old/history.md"),
    ("a file", "../forms/referral.pdf", "../../forms/referral.pdf"),
    ("a page gone", "nowhere.md", None),
    ("outside the site", "../../up.md", None),
    ("its own heading", "#steps", "#steps"),
]


@pytest.mark.parametrize(("href", "expected"), [r[1:] for r in LINKS], ids=[r[0] for r in LINKS])
def test_an_old_link_goes_where_that_page_is_today(href, expected):
    assert TARGETS.retarget(href, "statutory/referrals.md", HERE) == expected


def test_a_redline_drops_links_to_its_own_headings():
    assert TARGETS.retarget("#steps", "statutory/referrals.md", "statutory/referrals/v2-to-v3.md", False) is None


# --------------------------------------------------------------------------- following files

DAY = dt.date(2025, 1, 1)


def commit(sha: str, *changes: tuple[str, str, str, str]) -> git.Commit:
    """A commit of the main line; each change is (status, path, old path, new blob)."""
    return git.Commit(sha, DAY, tuple(git.FileChange(s, p, o or p, "0" * 40, b) for s, p, o, b in changes))


def test_a_file_is_followed_through_a_rename_and_a_deleted_one_is_withdrawn():
    log = [  # newest first
        commit("c4", ("M", "s/new.md", "", "b4")),
        commit("c3", ("R", "s/new.md", "s/old.md", "b3"), ("D", "s/gone.md", "", "0" * 40)),
        commit("c2", ("M", "s/old.md", "", "b2"), ("M", "s/gone.md", "", "g2")),
        commit("c1", ("A", "s/old.md", "", "b1"), ("A", "s/gone.md", "", "g1")),
    ]
    chains = follow(log, ["s/new.md"], lambda path: path.startswith("s/"))
    assert [(t.commit, t.path, t.blob) for t in chains.touches["s/new.md"]] == [
        ("c4", "s/new.md", "b4"), ("c3", "s/new.md", "b3"), ("c2", "s/old.md", "b2"), ("c1", "s/old.md", "b1")]
    assert chains.deleted == {"s/gone.md": ("c3", DAY)}
    assert [t.blob for t in chains.touches["s/gone.md"]] == ["g2", "g1"]


def test_a_page_moved_and_rewritten_in_one_commit_is_followed_when_it_is_the_same_page():
    log = [
        commit("c2", ("A", "s/new.md", "", "b2"), ("D", "s/old.md", "", "0" * 40)),
        commit("c1", ("A", "s/old.md", "", "b1")),
    ]
    same = follow(log, ["s/new.md"], lambda path: True, lambda deleted, added: True)
    assert [t.blob for t in same.touches["s/new.md"]] == ["b2", "b1"] and not same.deleted
    other = follow(log, ["s/new.md"], lambda path: True)
    assert [t.blob for t in other.touches["s/new.md"]] == ["b2"] and "s/old.md" in other.deleted


# --------------------------------------------------------------------------- a page's versions


def old(number: int, first: dt.date) -> OldText:
    return OldText(number, "Referrals", f"text {number}", "statutory/referrals.md", f"last{number}", f"first{number}", first)


def test_versions_come_from_changes_and_git_with_minor_corrections_under_theirs():
    page = Current("statutory/referrals.md", "statutory/referrals.md", PROCEDURE, "Referrals", 3, dt.date(2025, 6, 1), (
        Change(3, dt.date(2025, 6, 1), "Third."),
        Change(2, dt.date(2025, 3, 2), "A typo.", minor=True),
        Change(2, dt.date(2025, 3, 1), "Second."),
    ))
    history = history_of(page, {1: old(1, dt.date(2024, 1, 5)), 2: old(2, dt.date(2025, 3, 1)), 3: old(3, dt.date(2025, 6, 1))})
    assert [(v.number, v.date, v.note, v.current, v.text is not None) for v in history.versions] == [
        (3, dt.date(2025, 6, 1), "Third.", True, False),  # the current text is the page itself
        (2, dt.date(2025, 3, 1), "Second.", False, True),
        (1, dt.date(2024, 1, 5), "", False, True),  # no record: the date it was first published in git
    ]
    assert [m.note for m in history.versions[1].minors] == ["A typo."]
    assert history.first_published == dt.date(2024, 1, 5)
    assert history.earlier_text(3).number == 2


def test_without_git_the_versions_come_from_changes_alone():
    page = Current("s.md", "s.md", PROCEDURE, "S", 2, dt.date(2025, 3, 1), (
        Change(2, dt.date(2025, 3, 1), "Second."), Change(1, dt.date(2024, 1, 1), "New.")))
    history = history_of(page, {})
    assert [(v.number, v.text) for v in history.versions] == [(2, None), (1, None)]
    assert history.first_published == dt.date(2024, 1, 1) and history.earlier_text(2) is None


# --------------------------------------------------------------------------- editions


@pytest.mark.parametrize(("name", "expected"), [
    ("Update 14", "update-14"), ("Édition d'été", "edition-d-ete"), ("Update 3 / April", "update-3-april"), ("★", "edition"),
])
def test_an_editions_folder_is_named_from_its_release(name, expected):
    assert slug(name) == expected


RELEASES = Releases(Release(dt.date(2026, 6, 1), "Update 3"), [Release(dt.date(2025, 1, 1), "Update 1"), Release(dt.date(2025, 9, 1), "Update 2")])


def test_without_git_no_edition_is_available_and_each_says_why():
    editions = plan_editions(RELEASES, None, "the project is not in a git repository")
    assert [(e.slug, e.available) for e in editions] == [("update-1", False), ("update-2", False), ("update-3", False)]
    assert editions[0].reason == "editions are built from git history, and the project is not in a git repository"


def test_the_editions_page_says_when_each_edition_was_in_force():
    page = editions_markdown(RELEASES, None, title="Editions", intro="", page_url="editions/", folder="editions",
                             directory_urls=True, date_format="%-d %B %Y", amendments="amendments.md")
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", page)
    assert [re.sub(r"(<[^>]+>)+", "|", row).strip("|") for row in rows] == [
        "Update 3|1 June 2026|Now (the current release)",
        "Update 2|1 September 2025|31 May 2026",
        "Update 1|1 January 2025|31 August 2025",
    ]
    assert "built without its editions" in page
