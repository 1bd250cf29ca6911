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
    updates: UpdatesView | None = None

    def get(self, name: str, default: Any = None) -> Any:
        """``manual_site.get("release")``, as the partials wrote it for a dict."""
        return getattr(self, name, default)
