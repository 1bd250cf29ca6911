"""The release digest: an email-ready summary of one release's amendments (``procedures digest``).

It groups the changes as the amendments page does (``grouping.group_by_release``): the pages new
in the release, those changed (each with the note of its ``changes`` entry) and those archived,
each linked to its page on the website by its full address (``site_url``), since an email has no
address of its own to be relative to. It is written twice, from Jinja templates: HTML with inline
styles only (email clients drop ``<style>`` blocks and never run scripts), every value escaped by
the template; and plain text, for the text part of the email and for tools that send text only.

Nothing here sends email: the partnership's own mailing tool does (README, "Register for updates").
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, Sequence
from urllib.parse import urljoin

import jinja2

from ..core.dates import format_date
from .grouping import Amendment, Group
from .releases import Releases

TEMPLATES = Path(__file__).resolve().parent.parent / "pages" / "templates"
HEADER_COLOUR = "#0b0c0c"  # when the partnership sets no primary_colour


class DigestError(Exception):
    """The digest cannot be made as asked; ``usage``: the command was given a wrong name."""

    def __init__(self, message: str, usage: bool = False) -> None:
        super().__init__(message)
        self.message, self.usage = message, usage


@dataclass(frozen=True)
class DigestRow:
    title: str  # with its number: "1.2 Making a Referral"
    url: str | None  # in full; None when the page is not on the website
    version: int
    date: str
    note: str
    flowchart: bool = False


@dataclass(frozen=True)
class Digest:
    site_name: str
    release: str
    date: str
    new: tuple[DigestRow, ...]
    changed: tuple[DigestRow, ...]
    archived: tuple[DigestRow, ...]
    amendments_url: str | None
    feed_url: str | None
    colour: str = HEADER_COLOUR

    @property
    def subject(self) -> str:
        return f"{self.site_name}: what changed in {self.release}"

    @property
    def empty(self) -> bool:
        return not (self.new or self.changed or self.archived)

    @property
    def sections(self) -> list[tuple[str, tuple[DigestRow, ...]]]:
        named = [("New pages", self.new), ("Changed pages", self.changed), ("Archived pages", self.archived)]
        return [(title, rows) for title, rows in named if rows]

    @property
    def counts(self) -> str:
        """"2 new pages, 18 pages changed and 1 page archived." """
        def pages(n: int) -> str:
            return f"{n} page{'s' if n != 1 else ''}"

        parts = [f"{len(self.new)} new page{'s' if len(self.new) != 1 else ''}"] if self.new else []
        parts += [f"{pages(len(rows))} {verb}" for verb, rows in (("changed", self.changed), ("archived", self.archived)) if rows]
        if not parts:
            return "No procedures or flowcharts changed in this release."
        return (", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]) + "."


def release_group(groups: Sequence[Group], releases: Releases, name: str | None) -> Group:
    """The group of the release named ``name`` (any case and spacing), or of the current release."""
    if releases.current is None:
        raise DigestError(
            "mkdocs.yml names no release, and a digest summarises one: set the current release under the procedures "
            'plugin, such as release: {name: "Update 15", date: 2026-11-01}'
        )
    wanted = " ".join((name or releases.current.name).split()).casefold()
    for group in groups:
        if group.release is not None and group.release.name.casefold() == wanted:
            return group
    names = [r.name for r in reversed(releases.all)]
    close = difflib.get_close_matches(name or "", names, n=1, cutoff=0.5)
    hint = f"did you mean '{close[0]}'? " if close else ""
    raise DigestError(f"there is no release '{name}' in mkdocs.yml: {hint}the releases are {', '.join(names)}", usage=True)


def make_digest(
    group: Group,
    *,
    site_name: str,
    site_url: str,
    date_format: str,
    numbers: Mapping[str, str],
    url_for: Callable[[str], str | None],
    amendments_url: str | None,
    feed_url: str | None,
    colour: str | None = None,
) -> Digest:
    """The digest of ``group``. ``url_for(page)``: the page's address from the site's root, or
    ``None`` when it is not on the website; ``site_url`` makes every address full."""
    base = site_url if site_url.endswith("/") else site_url + "/"

    def full(url: str | None) -> str | None:
        return urljoin(base, url) if url is not None else None

    def row(entry: Amendment) -> DigestRow:
        document = entry.document
        number = numbers.get(document.page, "")
        return DigestRow(
            f"{number} {document.title}" if number else document.title, full(url_for(document.page)), entry.version,
            format_date(entry.date, date_format), entry.note, document.kind == "flowchart",
        )

    assert group.release is not None
    return Digest(
        site_name, group.release.name, format_date(group.release.date, date_format),
        tuple(map(row, group.new)), tuple(map(row, group.changed)), tuple(map(row, group.archived)),
        full(amendments_url), full(feed_url), colour or HEADER_COLOUR,
    )


@functools.lru_cache(maxsize=None)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
    )


def digest_html(digest: Digest) -> str:
    return _environment().get_template("digest.html.j2").render(digest=digest)


def digest_text(digest: Digest) -> str:
    return _environment().get_template("digest.txt.j2").render(digest=digest)


def file_stem(release: str) -> str:
    """``Update 15`` -> ``digest-update-15``: the digest's file names, without their suffix."""
    return "digest-" + (re.sub(r"[^a-z0-9]+", "-", release.casefold()).strip("-") or "release")
