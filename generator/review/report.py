"""``procedures report``: the published pages overdue for review or due soon, grouped by owner.

As text for officers, or as JSON (``--json``) for other tools.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..core.dates import format_date
from .due import PROCEDURE, Reviewable

OVERDUE, DUE_SOON = "overdue", "due soon"
NO_OWNER = "No owner"


@dataclass
class ReviewItem:
    path: str
    title: str
    owner: str
    review_due: dt.date
    days: int  # days until the review date; negative when overdue
    kind: str = PROCEDURE

    @property
    def state(self) -> str:
        return OVERDUE if self.days < 0 else DUE_SOON


@dataclass
class OwnerGroup:
    owner: str
    overdue: list[ReviewItem] = field(default_factory=list)
    due_soon: list[ReviewItem] = field(default_factory=list)


@dataclass
class ReviewReport:
    today: dt.date
    days: int
    owners: list[OwnerGroup]
    without_review_date: list[str]
    left_out: list[str] = field(default_factory=list)  # source files with errors, so not in the report

    @property
    def overdue(self) -> int:
        return sum(len(g.overdue) for g in self.owners)

    @property
    def due_soon(self) -> int:
        return sum(len(g.due_soon) for g in self.owners)


def review_report(pages: Iterable[Reviewable], today: dt.date, days: int, left_out: Iterable[str] = ()) -> ReviewReport:
    """Published pages overdue for review, or due within ``days`` days, grouped by owner.

    ``left_out`` are the source files that have errors, so could not be read for the report.
    """
    groups: dict[str, OwnerGroup] = {}
    without = []
    for page in sorted(pages, key=lambda p: p.path):
        meta = page.meta
        if meta.status != "published":
            continue
        if meta.review_due is None:
            without.append(page.path)
            continue
        left = (meta.review_due - today).days
        if left >= 0 and left > days:
            continue
        owner = meta.owner or NO_OWNER
        group = groups.setdefault(owner, OwnerGroup(owner))
        item = ReviewItem(page.path, meta.title, meta.owner, meta.review_due, left, page.kind)
        (group.overdue if left < 0 else group.due_soon).append(item)
    for group in groups.values():
        group.overdue.sort(key=lambda i: (i.review_due, i.path))
        group.due_soon.sort(key=lambda i: (i.review_due, i.path))
    owners = sorted(groups.values(), key=lambda g: (g.owner == NO_OWNER, g.owner.casefold()))
    return ReviewReport(today, days, owners, without, sorted(set(left_out)))


def _ago(days: int) -> str:
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} overdue"
    if days == 0:
        return "due today"
    return f"due in {days} day{'s' if days != 1 else ''}"


def report_text(report: ReviewReport, date_format: str) -> str:
    lines = [
        f"Review report for {format_date(report.today, date_format)}: "
        f"{report.overdue} overdue, {report.due_soon} due within {report.days} days."
    ]
    for group in report.owners:
        counts = [f"{len(group.overdue)} overdue"] if group.overdue else []
        counts += [f"{len(group.due_soon)} due soon"] if group.due_soon else []
        lines += ["", f"{group.owner} ({', '.join(counts)})"]
        for item in group.overdue + group.due_soon:
            label = "OVERDUE " if item.days < 0 else "DUE SOON"
            kind = f" ({item.kind})" if item.kind != PROCEDURE else ""
            lines.append(
                f"  {label}  {item.path}  {item.title}{kind}: "
                f"review due {format_date(item.review_due, date_format)} ({_ago(item.days)})"
            )
    if not report.owners:
        lines += ["", "Nothing is overdue or due for review soon."]
    if report.without_review_date:
        count = len(report.without_review_date)
        lines += ["", f"{count} published page{'s have' if count != 1 else ' has'} no 'review_due':"]
        lines += [f"  {path}" for path in report.without_review_date]
    return "\n".join(lines)


def report_json(report: ReviewReport) -> dict[str, Any]:
    def item(i: ReviewItem) -> dict[str, Any]:
        return {"path": i.path, "kind": i.kind, "title": i.title, "owner": i.owner or None,
                "review_due": i.review_due.isoformat(), "days": i.days, "state": i.state}

    return {
        "today": report.today.isoformat(),
        "days": report.days,
        "overdue": report.overdue,
        "due_soon": report.due_soon,
        "owners": [
            {"owner": g.owner if g.owner != NO_OWNER else None,
             "overdue": [item(i) for i in g.overdue],
             "due_soon": [item(i) for i in g.due_soon]}
            for g in report.owners
        ],
        "without_review_date": report.without_review_date,
        "left_out": report.left_out,
    }
