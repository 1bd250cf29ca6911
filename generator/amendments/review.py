"""The review cycle: which pages are overdue for review or due soon, and who owns them.

Learnt from GOV.UK's tech-docs page review: every page carries ``review_due`` and ``owner``; a
page past its date shows a banner, the build warns (configurable), and ``procedures report``
lists what each owner has to review. Procedures, flowcharts and info-sheets all have review dates,
and all three are treated alike: the banner, the warnings and the report name what each one is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..core.dates import format_date
from ..core.frontmatter import FrontMatter
from ..core.problems import Problems

OVERDUE, DUE_SOON = "overdue", "due soon"
NO_OWNER = "No owner"
PROCEDURE, FLOWCHART, INFO_SHEET = "procedure", "flowchart", "info-sheet"


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
            problems.add("review-overdue",
                page.path,
                meta.line_of("review_due"),
                f"this {page.kind} was due for review on {format_date(meta.review_due, date_format)} "
                f"({meta.review_due.isoformat()}): review it with {meta.owner or 'its owner'}, then set a new "
                "'review_due' (and, if the text changes, 'version', 'last_updated' and a 'changes' entry)",
                field="review_due",
            )
    return problems


@dataclass
class Item:
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
    overdue: list[Item] = field(default_factory=list)
    due_soon: list[Item] = field(default_factory=list)


@dataclass
class Report:
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


def review_report(pages: Iterable[Reviewable], today: dt.date, days: int, left_out: Iterable[str] = ()) -> Report:
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
        item = Item(page.path, meta.title, meta.owner, meta.review_due, left, page.kind)
        (group.overdue if left < 0 else group.due_soon).append(item)
    for group in groups.values():
        group.overdue.sort(key=lambda i: (i.review_due, i.path))
        group.due_soon.sort(key=lambda i: (i.review_due, i.path))
    owners = sorted(groups.values(), key=lambda g: (g.owner == NO_OWNER, g.owner.casefold()))
    return Report(today, days, owners, without, sorted(set(left_out)))


def _ago(days: int) -> str:
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} overdue"
    if days == 0:
        return "due today"
    return f"due in {days} day{'s' if days != 1 else ''}"


def report_text(report: Report, date_format: str) -> str:
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
                f"  {label}  {item.path}  {item.title}{kind}: review due {format_date(item.review_due, date_format)} ({_ago(item.days)})"
            )
    if not report.owners:
        lines += ["", "Nothing is overdue or due for review soon."]
    if report.without_review_date:
        count = len(report.without_review_date)
        lines += ["", f"{count} published page{'s have' if count != 1 else ' has'} no 'review_due':"]
        lines += [f"  {path}" for path in report.without_review_date]
    return "\n".join(lines)


def report_json(report: Report) -> dict[str, Any]:
    def item(i: Item) -> dict[str, Any]:
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


def options(plugin_options: dict[str, Any]) -> dict[str, Any]:
    """The ``review`` plugin options from raw ``mkdocs.yml`` data, with their defaults."""
    raw = plugin_options.get("review") if isinstance(plugin_options.get("review"), dict) else {}
    days = raw.get("due_soon_days", 60)
    return {
        "warn_overdue": raw.get("warn_overdue", True) is not False,
        "due_soon_days": days if isinstance(days, int) and not isinstance(days, bool) and days >= 0 else 60,
        "date_format": str(plugin_options.get("date_format") or "%-d %B %Y"),
    }
