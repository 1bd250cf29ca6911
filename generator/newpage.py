"""``procedures new``: start a procedure with front matter that is right first time.

The page gets version 1, today's date, a first ``changes`` entry and a skeleton body whose
headings follow the authoring guide. The skeleton is plain prose on purpose: no placeholder
links and no all-capital words, so the new page passes ``procedures check`` and a strict build
as it is, and the officer only has to replace the sentences.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import yaml

from .core.manual import Section, load_manual
from .nav import Placement, placement, read_nav
from .project import Project

SLUG_LIMIT = 60

SUMMARY_PLACEHOLDER = "One sentence that tells practitioners what this procedure covers."

SKELETON = """\
## Purpose

Say in one or two sentences why this procedure exists and what it helps practitioners to do.

## Scope

Say who this procedure applies to: which practitioners, which agencies and which children and families.

## Procedure

1. Write each step as a short instruction to the practitioner.
2. Add the next step, and say who does it and by when.

## Related Procedures

List the other procedures in this manual that practitioners may need next, with a link to each.
"""

# Letters that Unicode decomposition does not reduce to ASCII.
_LETTERS = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe", "đ": "d", "Đ": "d",
    "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ı": "i",
    "&": " and ", "’": "", "'": "",
})


class NewPageError(Exception):
    """The page cannot be created. ``usage`` is True when the arguments are wrong (exit 2)."""

    def __init__(self, message: str, *, usage: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.usage = usage


def slugify(title: str, limit: int = SLUG_LIMIT) -> str:
    """A file name stem from a title: lower-case ASCII words joined by hyphens, at most ``limit`` long.

    >>> slugify("Children's Social Care: Référrals & Assessments")
    'childrens-social-care-referrals-and-assessments'
    """
    text = unicodedata.normalize("NFKD", title.translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > limit:
        cut = slug[:limit]
        slug = cut[: cut.rfind("-")] if "-" in cut else cut
    return slug


def clean_title(title: str) -> str:
    """The title as it will be written; raises ``NewPageError`` (usage) when it cannot be one."""
    if any(c in title for c in "\r\n\t"):
        raise NewPageError("the title must be on one line", usage=True)
    if any(unicodedata.category(c) == "Cc" for c in title):
        raise NewPageError("the title contains a control character; type it again", usage=True)
    cleaned = " ".join(title.split())
    if not cleaned:
        raise NewPageError('the title is empty: give one in quotes, for example "Working with Interpreters"', usage=True)
    return cleaned


def find_section(sections: Sequence[Section], name: str) -> Section | None:
    """A section named by its folder (``statutory``, ``statutory/``) or label, ignoring case."""
    wanted = name.strip().strip("/").casefold()
    for section in sections:
        if wanted in (section.folder.casefold(), section.label.casefold()):
            return section
    return None


def section_choices(sections: Sequence[Section]) -> str:
    return ", ".join(f"'{s.folder}' ({s.label})" for s in sections)


def yaml_scalar(value: str) -> str:
    """``value`` as a YAML scalar, quoted only when YAML needs it (``Referrals: a guide``)."""
    dumped = yaml.safe_dump(value, allow_unicode=True, width=10**9)
    return dumped.removesuffix("\n...\n").strip()


def page_text(title: str, today: dt.date, *, summary: str | None = None, owner: str | None = None) -> str:
    """The whole new page: front matter and skeleton body."""
    date = today.isoformat()
    lines = [
        "---",
        f"title: {yaml_scalar(title)}",
        "version: 1",
        f"last_updated: {date}",
        f"summary: {yaml_scalar(summary or SUMMARY_PLACEHOLDER)}",
    ]
    if owner:
        lines.append(f"owner: {yaml_scalar(owner)}")
    lines += [
        "changes:",
        "  - version: 1",
        f"    date: {date}",
        "    note: First version.",
        "---",
        "",
    ]
    return "\n".join(lines) + "\n" + SKELETON


@dataclass
class NewPage:
    uri: str  # relative to the project root, e.g. "statutory/working-with-interpreters.md"
    path: Path
    section: Section
    nav: Placement | None  # where to add it to nav, when mkdocs.yml has one


def create_page(
    project: Project, section_name: str, title: str, *, summary: str | None = None, owner: str | None = None
) -> NewPage:
    """Write the new page into its section folder. Never overwrites; raises ``NewPageError``."""
    section = find_section(project.sections, section_name)
    if section is None:
        raise NewPageError(
            f"there is no section '{section_name}' in {project.config_file.name}; "
            f"use one of {section_choices(project.sections)}",
            usage=True,
        )
    title = clean_title(title)
    for name, value in (("--summary", summary), ("--owner", owner)):
        if value is not None and not " ".join(value.split()):
            raise NewPageError(f"{name} is empty: leave it out, or give some text", usage=True)
    summary = " ".join(summary.split()) if summary else None
    owner = " ".join(owner.split()) if owner else None
    slug = slugify(title)
    if not slug:
        raise NewPageError(
            f"cannot make a file name from the title '{title}': use a title with letters or numbers", usage=True
        )
    uri = f"{section.folder}/{slug}.md"
    path = project.root / uri
    if path.exists():
        raise NewPageError(f"{uri}: already exists and was left as it is; choose another title, or edit that page")

    manual = load_manual(project.root, [section], today=project.today)
    key = " ".join(title.casefold().split())
    for page in manual.in_section(section, statuses=("published", "draft")):
        if " ".join(page.title.casefold().split()) == key:
            raise NewPageError(
                f"{page.uri}:{page.meta.line_of('title')}: the title '{page.title}' is already used in "
                f"{section.label}: give the new page its own title"
            )

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(page_text(title, project.today, summary=summary, owner=owner))

    nav = read_nav(project.config_file, project.config_text) if project.nav else None
    return NewPage(uri, path, section, placement(nav, section, uri) if nav else None)
