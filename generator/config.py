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


class ProceduresConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # Content folders outside docs_dir, in the order they appear when mkdocs.yml has no nav.
    sections = c.ListOfItems(c.SubConfig(SectionOptions), default=[])
    numbering = c.Type(bool, default=True)
    date_format = c.Type(str, default="%-d %B %Y")
    # Include pages with `status: draft` (for previews); they are left out by default.
    drafts = c.Type(bool, default=False)
    contents = c.SubConfig(ContentsOptions)
    # Pages last updated on or after this date are flagged "Updated" on the contents page.
    updated_since = DateOption()
    # Fixes "today" for reproducible builds and tests; the real date when unset.
    today = DateOption()
    # The accessibility statement, linked from the footer of every page: a page in docs_dir.
    # Unset: accessibility.md, when docs_dir has one.
    accessibility_statement = c.Optional(c.Type(str))
    # The partnership's colours, as CSS colours; they must keep a 4.5:1 contrast with white.
    primary_colour = c.Optional(c.Type(str))
    accent_colour = c.Optional(c.Type(str))
