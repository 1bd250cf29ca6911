"""Which pages are past their review date: the overdue banner's data and the build's warnings.

Procedures, flowcharts and info-sheets all carry ``review_due`` and ``owner``, and all three are
treated alike: the banner and the warnings name what each one is (``kind``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable

from ..core.dates import format_date
from ..core.frontmatter import FrontMatter
from ..core.problems import Problems

PROCEDURE, FLOWCHART, INFO_SHEET, CONTACT = "procedure", "flowchart", "info-sheet", "contact"


@dataclass(frozen=True)
class Reviewable:
    """A page with a review date: a procedure, a flowchart or an info-sheet (``kind``).

    ``meta.path`` is its source file, from the top of the project (``flowcharts/referral.yml``,
    ``procedures/info-sheets/education.md``): where warnings point and what the report lists.
    """

    kind: str
    meta: FrontMatter

    @property
    def path(self) -> str:
        return self.meta.path


def reviewables(procedures: Iterable[Any] = (), flowcharts: Iterable[Any] = (), sheets: Iterable[Any] = ()) -> list[Reviewable]:
    """Every page with front matter that can carry ``review_due``: each item has ``.meta``."""
    return (
        [Reviewable(PROCEDURE, p.meta) for p in procedures]
        + [Reviewable(FLOWCHART, c.meta) for c in flowcharts]
        + [Reviewable(INFO_SHEET, s.meta) for s in sheets]
    )


def is_overdue(meta: FrontMatter, today: dt.date) -> bool:
    return meta.review_due is not None and meta.review_due < today and meta.status != "archived"


def banner(
    meta: FrontMatter, today: dt.date, *, date_format: str, default_owner: str, kind: str = PROCEDURE
) -> dict[str, Any] | None:
    """The data the overdue-review banner shows, or ``None`` when the page is not overdue.

    ``what`` names the page for readers: "This flowchart was due for review ...".
    """
    if not is_overdue(meta, today):
        return None
    assert meta.review_due is not None
    return {
        "overdue": True,
        "what": kind,
        "due": meta.review_due.isoformat(),
        "due_text": format_date(meta.review_due, date_format),
        "contact": meta.owner or default_owner,
    }


def overdue_warnings(pages: Iterable[Reviewable], today: dt.date, date_format: str) -> Problems:
    """One warning per published page past its review date, at the line of ``review_due``."""
    problems = Problems()
    for page in pages:
        meta = page.meta
        if meta.status == "published" and is_overdue(meta, today):
            assert meta.review_due is not None
            # A contact (contacts.yml) is named, and has no version of its own.
            what = f"the contact '{meta.title}'" if page.kind == CONTACT else f"this {page.kind}"
            also = "" if page.kind == CONTACT else " (and, if the text changes, 'version', 'last_updated' and a 'changes' entry)"
            problems.add("review-overdue",
                page.path,
                meta.line_of("review_due"),
                f"{what} was due for review on {format_date(meta.review_due, date_format)} "
                f"({meta.review_due.isoformat()}): review it with {meta.owner or 'its owner'}, then set a new "
                f"'review_due'{also}",
                field="review_due",
            )
    return problems


def options(plugin_options: dict[str, Any]) -> dict[str, Any]:
    """The ``review`` plugin options from raw ``mkdocs.yml`` data, with their defaults."""
    raw = plugin_options.get("review")
    if not isinstance(raw, dict):
        raw = {}
    days = raw.get("due_soon_days", 60)
    return {
        "warn_overdue": raw.get("warn_overdue", True) is not False,
        "due_soon_days": days if isinstance(days, int) and not isinstance(days, bool) and days >= 0 else 60,
        "date_format": str(plugin_options.get("date_format") or "%-d %B %Y"),
    }
