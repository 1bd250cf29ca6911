"""The review cycle with a fixed "today": banner data, build warnings and `procedures report`."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from generator.amendments import review
from generator.cli import main
from generator.core.frontmatter import FrontMatter
from generator.core.manual import Section
from generator.options import Settings
from tests.conftest import Project, page

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(("review_due", "status", "overdue"), [
    (dt.date(2026, 3, 1), "published", True),
    (dt.date(2026, 11, 22), "published", True),
    (dt.date(2026, 11, 23), "published", False),  # due today is not yet overdue
    (dt.date(2027, 1, 1), "published", False),
    (None, "published", False),
    (dt.date(2026, 3, 1), "archived", False),  # archived pages are no longer reviewed
    (dt.date(2026, 3, 1), "draft", True),
])
def test_overdue(review_due, status, overdue):
    meta = FrontMatter(path="x.md", review_due=review_due, status=status)
    assert review.is_overdue(meta, TODAY) is overdue


def test_banner_data_names_the_owner_or_the_default():
    meta = FrontMatter(path="x.md", review_due=dt.date(2026, 3, 1), owner="Front Door Team")
    assert review.banner(meta, TODAY, date_format="%-d %B %Y", default_owner="the partnership") == {
        "overdue": True, "what": "procedure", "due": "2026-03-01", "due_text": "1 March 2026", "contact": "Front Door Team"}
    for kind in (review.FLOWCHART, review.INFO_SHEET):
        assert review.banner(meta, TODAY, date_format="%-d %B %Y", default_owner="x", kind=kind)["what"] == kind
    meta.owner = ""
    assert review.banner(meta, TODAY, date_format="%-d %B %Y", default_owner="the partnership")["contact"] == "the partnership"
    meta.review_due = dt.date(2027, 1, 1)
    assert review.banner(meta, TODAY, date_format="%-d %B %Y", default_owner="x") is None


@pytest.fixture
def manual_project(tmp_path) -> Project:
    proj = Project(tmp_path / "manual")
    proj.write("docs/index.md", "---\ntitle: Home\n---\n\nWelcome.\n")
    proj.write("statutory/referrals.md", page("Referrals", 14, "2025-03-01", review_due="2026-03-01", owner="Front Door Team"))
    proj.write("statutory/assessment.md", page("Assessment", 3, "2025-05-01", review_due="2026-12-10", owner="Front Door Team"))
    proj.write("statutory/conferences.md", page("Conferences", 2, "2025-01-01", review_due="2026-10-01", owner="Conference Service"))
    proj.write("statutory/later.md", page("Later", 2, "2025-01-01", review_due="2027-06-01", owner="Conference Service"))
    proj.write("supplementary/neglect.md", page("Neglect", 7, "2024-02-01", review_due="2025-02-01"))
    proj.write("supplementary/unreviewed.md", page("Unreviewed", 1, "2024-02-01"))
    proj.write("supplementary/old.md", page("Old", 3, "2020-01-01", review_due="2021-01-01", status="archived"))
    proj.write("flowcharts/referral.yml", FLOWCHART)
    proj.write("docs/info-sheets/education.md", SHEET)
    proj.write("docs/info-sheets/archived.md", SHEET.replace("title: Education", "title: Old sheet").replace(
        "topics: [education]", "topics: [education]\nstatus: archived"))
    proj.write("topics.yml", "education: {label: Education, description: Schools and colleges.}\n")
    proj.config(today=TODAY.isoformat())
    return proj


FLOWCHART = """\
title: Referral route
version: 2
last_updated: 2025-01-01
review_due: 2026-02-01
owner: Front Door Team
steps:
  - id: start
    text: A referral
    type: end
"""
SHEET = """\
---
title: Education
version: 1
last_updated: 2025-01-01
review_due: 2026-12-01
owner: Education Safeguarding
topics: [education]
---

Text.
"""


def sections():
    return [Section(s.folder, s.label) for s in Settings().sections]


def pages_of(proj: Project) -> list[review.Reviewable]:
    from generator.project import load_project
    from generator.site import plan_site
    from generator.site.plan import review_pages

    pages, left_out = review_pages(plan_site(load_project(proj.root)))
    assert left_out == []
    return pages


FIX = "then set a new 'review_due' (and, if the text changes, 'version', 'last_updated' and a 'changes' entry)"


def test_overdue_warnings_name_file_line_and_fix(manual_project):
    warnings = [str(p) for p in review.overdue_warnings(pages_of(manual_project), TODAY, "%-d %B %Y")]
    assert warnings == [
        "flowcharts/referral.yml:4: this flowchart was due for review on 1 February 2026 (2026-02-01): review it with "
        f"Front Door Team, {FIX} [review-overdue]",
        "statutory/conferences.md:5: this procedure was due for review on 1 October 2026 (2026-10-01): review it with "
        f"Conference Service, {FIX} [review-overdue]",
        "statutory/referrals.md:5: this procedure was due for review on 1 March 2026 (2026-03-01): review it with "
        f"Front Door Team, {FIX} [review-overdue]",
        "supplementary/neglect.md:5: this procedure was due for review on 1 February 2025 (2025-02-01): review it with "
        f"its owner, {FIX} [review-overdue]",
    ]


def test_overdue_info_sheets_are_warned_about_too(manual_project):
    later = dt.date(2027, 1, 1)
    warnings = [str(p) for p in review.overdue_warnings(pages_of(manual_project), later, "%-d %B %Y")]
    assert ("docs/info-sheets/education.md:5: this info-sheet was due for review on 1 December 2026 (2026-12-01): "
            f"review it with Education Safeguarding, {FIX} [review-overdue]") in warnings
    assert not any("archived.md" in w for w in warnings)


def test_report_groups_by_owner(manual_project):
    pages = pages_of(manual_project)
    report = review.review_report(pages, TODAY, 60)
    assert [(g.owner, [i.path for i in g.overdue], [i.path for i in g.due_soon]) for g in report.owners] == [
        ("Conference Service", ["statutory/conferences.md"], []),
        ("Education Safeguarding", [], ["docs/info-sheets/education.md"]),
        ("Front Door Team", ["flowcharts/referral.yml", "statutory/referrals.md"], ["statutory/assessment.md"]),
        ("No owner", ["supplementary/neglect.md"], []),
    ]
    assert [i.kind for g in report.owners for i in g.overdue + g.due_soon] == [
        "procedure", "info-sheet", "flowchart", "procedure", "procedure", "procedure"]
    assert report.without_review_date == ["supplementary/unreviewed.md"]
    wide = review.review_report(pages, TODAY, 365)
    assert "statutory/later.md" in [i.path for g in wide.owners for i in g.due_soon]


def run(project: Project, *args: str):
    return CliRunner().invoke(main, ["-C", str(project.root), *args])


def test_report_command_text(manual_project):
    result = run(manual_project, "report")
    assert result.exit_code == 0, result.output  # overdue pages are what the report is for, not a failure
    assert result.output.splitlines()[:13] == [
        "Review report for 23 November 2026: 4 overdue, 2 due within 60 days.",
        "",
        "Conference Service (1 overdue)",
        "  OVERDUE   statutory/conferences.md  Conferences: review due 1 October 2026 (53 days overdue)",
        "",
        "Education Safeguarding (1 due soon)",
        "  DUE SOON  docs/info-sheets/education.md  Education (info-sheet): review due 1 December 2026 (due in 8 days)",
        "",
        "Front Door Team (2 overdue, 1 due soon)",
        "  OVERDUE   flowcharts/referral.yml  Referral route (flowchart): review due 1 February 2026 (295 days overdue)",
        "  OVERDUE   statutory/referrals.md  Referrals: review due 1 March 2026 (267 days overdue)",
        "  DUE SOON  statutory/assessment.md  Assessment: review due 10 December 2026 (due in 17 days)",
        "",
    ]
    assert "No owner (1 overdue)" in result.output
    assert "1 published page has no 'review_due':\n  supplementary/unreviewed.md" in result.output
    assert "Old" not in result.output


def test_report_command_json_and_days(manual_project):
    result = run(manual_project, "report", "--json", "--days", "10")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["today"] == "2026-11-23" and data["days"] == 10
    assert data["overdue"] == 4 and data["due_soon"] == 1
    front_door = next(g for g in data["owners"] if g["owner"] == "Front Door Team")
    assert front_door["overdue"] == [
        {"path": "flowcharts/referral.yml", "kind": "flowchart", "title": "Referral route", "owner": "Front Door Team",
         "review_due": "2026-02-01", "days": -295, "state": "overdue"},
        {"path": "statutory/referrals.md", "kind": "procedure", "title": "Referrals", "owner": "Front Door Team",
         "review_due": "2026-03-01", "days": -267, "state": "overdue"}]
    education = next(g for g in data["owners"] if g["owner"] == "Education Safeguarding")
    assert [(i["path"], i["kind"]) for i in education["due_soon"]] == [("docs/info-sheets/education.md", "info-sheet")]
    assert data["owners"][-1]["owner"] is None
    assert data["left_out"] == []


def test_report_days_default_comes_from_the_options(manual_project):
    manual_project.config(today=TODAY.isoformat(), review={"due_soon_days": 5})
    data = json.loads(run(manual_project, "report", "--json").output)
    assert data["days"] == 5 and data["due_soon"] == 0


@pytest.mark.parametrize(("args", "message"), [
    (["report", "--days", "-1"], "-1 is not in the range x>=0"),
    (["report", "--days", "soon"], "'soon' is not a valid integer"),
])
def test_report_usage_errors(manual_project, args, message):
    result = run(manual_project, *args)
    assert result.exit_code == 2 and message in result.output


def test_report_with_nothing_due_and_a_broken_page(tmp_path):
    proj = Project(tmp_path / "m")
    proj.write("statutory/a.md", page("A", 1, "2026-01-01", review_due="2028-01-01"))
    proj.write("supplementary/b.md", "---\ntitle: [unclosed\n---\n")
    proj.config(today=TODAY.isoformat())
    result = run(proj, "report")
    assert result.exit_code == 1  # the report is incomplete
    assert "Nothing is overdue or due for review soon." in result.stdout
    assert result.stderr == ("1 page has errors and is left out of this report (supplementary/b.md): "
                             "run 'procedures check' to see them.\n")


BROKEN = [
    # id, files with errors, the pages named as left out
    ("two errors on one page", {"supplementary/b.md": page("B", "two", "2023-13-45")}, ["supplementary/b.md"]),
    ("two pages", {"supplementary/b.md": page("B", "two"), "statutory/c.md": "---\ntitle: [x\n---\n"},
     ["statutory/c.md", "supplementary/b.md"]),
    ("a flowchart", {"flowcharts/route.yml": "title: Route\nversion: 1\nlast_updated: 2025-01-01\nsteps: []\n"},
     ["flowcharts/route.yml"]),
    ("an info-sheet", {"docs/info-sheets/s.md": "---\ntitle: S\nversion: nine\nlast_updated: 2025-01-01\ntopics: [x]\n---\n"},
     ["docs/info-sheets/s.md"]),
]


@pytest.mark.parametrize(("files", "left_out"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_pages_with_errors_are_counted_once_and_fail_the_report(tmp_path, files, left_out):
    proj = Project(tmp_path / "m")
    proj.write("statutory/a.md", page("A", 1, "2026-01-01", review_due="2026-02-01"))
    for rel, text in files.items():
        proj.write(rel, text)
    proj.config(today=TODAY.isoformat())
    result = run(proj, "report")
    assert result.exit_code == 1
    assert "statutory/a.md  A: review due 1 February 2026" in result.stdout  # the rest is still reported
    have = "1 page has errors and is" if len(left_out) == 1 else f"{len(left_out)} pages have errors and are"
    assert result.stderr == f"{have} left out of this report ({', '.join(left_out)}): run 'procedures check' to see them.\n"
    data = json.loads(run(proj, "report", "--json").stdout)
    assert data["left_out"] == left_out and data["overdue"] == 1


def test_check_warns_about_overdue_pages_unless_turned_off(manual_project):
    result = run(manual_project, "check")
    assert result.exit_code == 1
    assert "statutory/referrals.md:5: this procedure was due for review on 1 March 2026" in result.output
    manual_project.config(today=TODAY.isoformat(), review={"warn_overdue": False})
    result = run(manual_project, "check")
    assert result.exit_code == 0, result.output
