"""What the theme's partials show, as typed values: the contract between Python and templates.

The plugin puts a page's ``PageView`` in ``page.meta["manual"]``, and the site's ``SiteView`` in
the templates' globals (``manual_site``). Partials read their attributes (``manual.number``,
``manual.related``) and escape every value; nothing here is HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..printing.edition import Edition


@dataclass(frozen=True)
class LinkedPage:
    """A page in a "Related procedures" or "Referred to by" box; ``url`` from the site's root."""

    number: str
    title: str
    summary: str
    url: str


@dataclass(frozen=True)
class ReviewBanner:
    """A page past its review date: "This procedure was due for review on ...; contact ..."."""

    overdue: bool
    what: str  # procedure, flowchart, info-sheet
    due: str  # ISO date
    due_text: str
    contact: str


@dataclass(frozen=True)
class ReleaseView:
    """The current release, on the home, contents and amendments pages and in the footer."""

    name: str
    date: str  # ISO date
    date_text: str
    amendments_url: str | None


@dataclass(frozen=True)
class HistoryLink:
    """Under a procedure's or flowchart's stamp: "First published ... · See all updates"."""

    url: str
    first_published: str = ""  # ISO date; "" when the records do not go back to version 1
    first_published_text: str = ""


@dataclass(frozen=True)
class OldVersionBanner:
    """On a superseded version's page: "This is version 14 of ..., published ...; version 15
    replaced it on ... Read the current version." (generator/history)."""

    what: str  # procedure or flowchart
    title: str
    version: int
    published: str  # ISO date, or ""
    published_text: str
    replaced_by: int | None  # the next version, or None for the last version of a withdrawn page
    replaced: str
    replaced_text: str
    withdrawn: str  # ISO date the page was withdrawn, or ""
    withdrawn_text: str
    current_url: str | None  # the page today (None: withdrawn)
    history_url: str
    changes_url: str | None  # what changed in this version
    commit: str  # the short id of the commit its text comes from


@dataclass(frozen=True)
class RedlineBanner:
    """On a redline: which versions it compares, and where to read each."""

    what: str
    title: str
    version: int
    published: str
    published_text: str
    compared_with: int
    skipped: bool  # versions between the two whose text is not kept
    old_url: str
    new_url: str
    current: bool  # the newer version is the current one
    history_url: str


@dataclass(frozen=True)
class EditionBanner:
    """On every page of an edition: the page today, if there is one (a relative URL, ready to use)."""

    current_url: str | None
    withdrawn: bool = False  # current_url is the withdrawn page's history
    editions_url: str | None = None  # the current site's Editions page


@dataclass(frozen=True)
class StatuteView:
    """An entry of a procedure's "Statutory basis" box: "Children Act 1989, Section 47: ..."."""

    title: str  # the statute or guidance, with its edition
    provision: str  # the provision cited, or "" for the whole of it
    url: str  # its official text (legislation.gov.uk, gov.uk)
    framework_url: str | None  # its entry on the Statutory framework page, from the site's root
    replaced_by: str = ""  # the current edition, when a superseded one is cited ("withdrawn" when none)


@dataclass(frozen=True)
class PageView:
    """One page's data for the theme. A procedure, flowchart or info-sheet has all of it; another
    page of a numbered chapter only its ``number``; the home and contents pages the ``release``."""

    number: str = ""
    title: str = ""
    section: str = ""
    version: int | None = None
    last_updated: str = ""  # ISO date
    last_updated_text: str = ""
    status: str = ""
    owner: str = ""
    summary: str = ""
    review: ReviewBanner | None = None
    related: tuple[LinkedPage, ...] = ()
    referred_by: tuple[LinkedPage, ...] = ()
    statutory_basis: tuple[StatuteView, ...] = ()
    release: ReleaseView | None = None
    history: HistoryLink | None = None
    old_version: OldVersionBanner | None = None
    redline: RedlineBanner | None = None
    edition: EditionBanner | None = None
    noindex: bool = False  # kept out of search engines and the sitemap (superseded texts, editions)
    print_edition: Edition | None = None  # a print page: its chapters and procedures (generator/printing)
    what_changed: str = ""  # where its latest change is described, from the site's root (amendments/#change-...)


@dataclass(frozen=True)
class FooterLink:
    title: str
    url: str


@dataclass(frozen=True)
class CommitView:
    sha: str
    short: str


@dataclass(frozen=True)
class FeedView:
    url: str
    title: str


@dataclass(frozen=True)
class EditionView:
    """The edition a site is, when it is one: "the manual as it stood at Update 14"."""

    name: str
    date: str  # ISO date of the release
    date_text: str
    commit: str  # the short id of the commit it was built from


@dataclass(frozen=True)
class UpdatesView:
    """Readers' "updated since you last looked" marks (manual.js, partials/procedures/updates.html):
    the page that offers them (the contents page), and the privacy note that says what is stored."""

    panel_page: str  # its source path, such as contents.md
    privacy_url: str | None


@dataclass(frozen=True)
class SiteView:
    """Site-wide values for every page, the 404 page included (``manual_site`` in templates)."""

    release: ReleaseView | None = None
    commit: CommitView | None = None
    feed: FeedView | None = None
    footer_links: tuple[FooterLink, ...] = ()
    edition: EditionView | None = None
    updates: UpdatesView | None = None

    def get(self, name: str, default: Any = None) -> Any:
        """``manual_site.get("release")``, as the partials wrote it for a dict."""
        return getattr(self, name, default)
