"""The plugin's options in ``mkdocs.yml``, as a typed MkDocs ``Config`` schema.

This is the one module besides ``plugin.py`` that imports MkDocs. Everything a partnership may
change (name, sections, labels, numbering, date format, colours) is here, so nothing about the
demo manual is hard-coded in the package.
"""

from __future__ import annotations

import datetime as dt

from mkdocs.config import base
from mkdocs.config import config_options as c

from .core.frontmatter import parse_iso_date


class DateOption(c.BaseConfigOption[dt.date | None]):
    """An ISO date (``2026-11-01``), written bare or quoted."""

    def run_validation(self, value: object) -> dt.date | None:
        if value is None:
            return None
        parsed = parse_iso_date(value)
        if parsed is None:
            raise base.ValidationError(f"expected a date such as 2026-11-01, not {value!r}")
        return parsed


class SectionOptions(base.Config):
    folder = c.Type(str)
    label = c.Type(str)


class ContentsOptions(base.Config):
    enabled = c.Type(bool, default=True)
    path = c.Type(str, default="contents.md")
    title = c.Type(str, default="Contents")
    intro = c.Type(str, default="")


class ReleaseOptions(base.Config):
    """A release of the manual, e.g. ``{name: "Update 15", date: 2026-11-01}``."""

    name = c.Optional(c.Type(str))
    date = DateOption()


class AmendmentsOptions(base.Config):
    enabled = c.Type(bool, default=True)
    path = c.Type(str, default="amendments.md")
    title = c.Type(str, default="Amendments")
    intro = c.Type(str, default="")
    feed = c.Type(str, default="amendments.xml")  # the Atom feed, "" for none
    feed_entries = c.Type(int, default=50)


class ReviewOptions(base.Config):
    # Warn (so `mkdocs build --strict` fails) for every page past its review_due; false: banner only.
    warn_overdue = c.Type(bool, default=True)
    # `procedures report` lists pages due for review within this many days.
    due_soon_days = c.Type(int, default=60)
    # Who readers should contact when a page has no `owner`.
    default_owner = c.Type(str, default="the partnership")


class AnyValue(c.BaseConfigOption[object]):
    """Passed through as written; the core checks it and names the fix (``topics``)."""

    def run_validation(self, value: object) -> object:
        return value


class TopicsIndexOptions(base.Config):
    enabled = c.Type(bool, default=True)
    path = c.Type(str, default="topics.md")
    title = c.Type(str, default="Topics")
    intro = c.Type(str, default="Every topic in this manual, with the info-sheets, procedures and other pages about it.")


class InfoSheetsOptions(base.Config):
    folder = c.Type(str, default="info-sheets")  # inside docs_dir
    label = c.Type(str, default="Info-sheets")


class GlossaryOptions(base.Config):
    enabled = c.Type(bool, default=True)
    path = c.Type(str, default="glossary.yml")  # beside mkdocs.yml; no file: no glossary
    page = c.Type(str, default="glossary.md")  # the generated glossary page, in the site
    title = c.Type(str, default="Glossary")
    intro = c.Type(str, default="")
    # Link the first use of each term on a page, or every use.
    link = c.Choice(("first", "all"), default="first")
    # Pages never linked, as glob patterns of their paths (e.g. "about.md", "info-sheets/*").
    exclude = c.ListOfItems(c.Type(str), default=[])
    # Capitalised words that are not glossary acronyms and need no warning (e.g. UK).
    ignore_acronyms = c.ListOfItems(c.Type(str), default=[])


class FlowchartOptions(base.Config):
    enabled = c.Type(bool, default=True)
    # The folder of flowchart sources (`<name>.yml`), beside docs_dir; each gets a page <folder>/<name>.md.
    folder = c.Type(str, default="flowcharts")
    # The nav group of the flowchart pages when mkdocs.yml has no nav.
    label = c.Type(str, default="Flowcharts")


class ProceduresConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # Content folders outside docs_dir, in the order they appear when mkdocs.yml has no nav.
    sections = c.ListOfItems(c.SubConfig(SectionOptions), default=[])
    numbering = c.Type(bool, default=True)
    # The sidebar shows at most this many items of one chapter, around the current page (0: all);
    # the contents page always lists everything. Keeps large manuals building in linear time.
    nav_limit = c.Type(int, default=50)
    date_format = c.Type(str, default="%-d %B %Y")
    # Include pages with `status: draft` (for previews); they are left out by default.
    drafts = c.Type(bool, default=False)
    contents = c.SubConfig(ContentsOptions)
    flowcharts = c.SubConfig(FlowchartOptions)
    glossary = c.SubConfig(GlossaryOptions)
    # Pages last updated on or after this date are flagged "Updated" on the contents page.
    updated_since = DateOption()
    # Fixes "today" for reproducible builds and tests; the real date when unset.
    today = DateOption()
    # The topic list, when it is not in topics.yml beside mkdocs.yml (one or the other).
    topics = AnyValue()
    topics_index = c.SubConfig(TopicsIndexOptions)
    info_sheets = c.SubConfig(InfoSheetsOptions)
    # The accessibility statement, linked from the footer of every page: a page in docs_dir.
    # Unset: accessibility.md, when docs_dir has one.
    accessibility_statement = c.Optional(c.Type(str))
    # The partnership's colours, as CSS colours; they must keep a 4.5:1 contrast with white.
    primary_colour = c.Optional(c.Type(str))
    accent_colour = c.Optional(c.Type(str))
    # Releases and amendments (generator/amendments): the current release, the earlier ones,
    # and the git commit the site is built from (e.g. `commit: !ENV [GITHUB_SHA, null]`).
    release = c.SubConfig(ReleaseOptions)
    releases = c.ListOfItems(c.SubConfig(ReleaseOptions), default=[])
    commit = c.Optional(c.Type(str))
    amendments = c.SubConfig(AmendmentsOptions)
    review = c.SubConfig(ReviewOptions)
