"""`procedures check` and `mkdocs build --strict` report the same problems, level by level.

Both run the one site plan (generator/site/plan.py). For each input below, the check's problems
(file, line, level, message and check, from its JSON) must be exactly those the strict build logs:
warnings and notes through the plugin's logger, errors in the list that stops the build.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import page

NAV = [
    {"Home": "index.md"}, {"Contents": "contents.md"}, {"Amendments": "amendments.md"},
    {"Statutory": ["statutory/referrals.md"]}, {"Supplementary": ["supplementary/neglect.md"]},
    {"Flowcharts": ["flowcharts/route.md"]}, {"Topics": "topics.md"}, {"Glossary": "glossary.md"},
    {"Reference": ["contacts.md", "statutory-framework.md"]},
]
TOPICS = "neglect: {label: Neglect, description: When needs are not met.}\n"
GLOSSARY = "terms:\n  - term: Neglect\n    definition: Not meeting a child's basic needs.\n"


CONTACTS = "front-door:\n  name: Front Door\n  phones:\n    - number: 020 7946 0000\n"
REGISTER = (
    "act:\n  title: Children Act 1989\n  year: 1989\n  url: https://www.legislation.gov.uk/ukpga/1989/41\n"
    "  provisions:\n    s47: {title: Section 47}\n"
    "guidance-2023:\n  title: Guidance\n  year: 2023\n  url: https://www.gov.uk/guidance\n"
    "guidance-2018:\n  title: Guidance\n  year: 2018\n  url: https://www.gov.uk/guidance\n  superseded_by: guidance-2023\n"
)


def route(link: str) -> str:
    return (
        "title: Route\nversion: 1\nlast_updated: 2024-01-01\nsteps:\n"
        f"  - id: start\n    text: Start here\n    link: {link}\n    type: end\n"
    )


CASES = [
    # id, {path: content} written over the base manual, the checks expected ([] for none)
    ("clean", {}, []),
    # The three disagreements the plan removed: a step may link to any page of the site.
    ("step-links-to-amendments", {"flowcharts/route.yml": route("amendments.md")}, []),
    ("step-links-to-topics", {"flowcharts/route.yml": route("topics.md")}, []),
    ("step-links-to-glossary", {"flowcharts/route.yml": route("glossary.md")}, []),
    ("related-to-generated", {"statutory/referrals.md": page(
        related=["glossary.md", "amendments.md", "flowcharts/route.md"],
        body="## Purpose\n\nSee the [glossary](../glossary.md#neglect) and the [contents](../contents.md).\n")}, []),
    ("step-links-nowhere", {"flowcharts/route.yml": route("statutory/nowhere.md")}, ["flowchart-link"]),
    ("broken-link", {"statutory/referrals.md": page(body="## Purpose\n\nSee [it](nowhere.md).\n")}, ["link-broken"]),
    ("broken-anchor", {"statutory/referrals.md": page(body="## Purpose\n\nSee [it](../supplementary/neglect.md#nowhere).\n")},
     ["anchor-broken"]),
    ("placeholder", {"statutory/referrals.md": page(body="## Purpose\n\nSee [the form](#).\n")}, ["placeholder-link"]),
    ("unknown-field", {"statutory/referrals.md": page(sumary="x")}, ["unknown-field"]),
    ("bad-version", {"statutory/referrals.md": page(version="fourteen")}, ["front-matter"]),
    ("duplicate-title", {"statutory/other.md": page()}, ["duplicate-title", "nav-missing"]),
    ("not-in-nav", {"supplementary/extra.md": page("Extra")}, ["nav-missing"]),
    ("overdue", {"statutory/referrals.md": page(review_due="2024-01-01")}, ["review-overdue"]),
    ("unused-term", {"glossary.yml": GLOSSARY + "  - term: Radicalisation\n    definition: Coming to support extremism.\n"},
     ["glossary-unused-term"]),
    ("acronym", {"statutory/referrals.md": page(body="## Purpose\n\nAsk the MASH about neglect.\n")}, ["glossary-unknown-acronym"]),
    ("unknown-keyword", {"statutory/referrals.md": page(keywords=["neglet"])}, ["topic-unknown"]),
    ("related-nowhere", {"statutory/referrals.md": page(related=["statutory/nowhere.md"])}, ["related-invalid"]),
    ("title-heading-differs", {"statutory/referrals.md": page(body="# Making a Referral\n\nText.\n")}, ["title-heading"]),
    ("bad-step", {"flowcharts/route.yml": "title: Route\nversion: 1\nlast_updated: 2024-01-01\nsteps:\n  - id: start\n"},
     ["flowchart-source"]),
    ("bad-glossary", {"glossary.yml": "terms:\n  - term: Neglect\n"}, ["glossary-entry"]),
    ("checks-option", {"statutory/referrals.md": page(keywords=["neglect", "Neglect"])}, ["listed-twice"]),
    # contacts.yml and legislation.yml (generator/contacts, generator/legislation)
    ("contact-entry", {"contacts.yml": CONTACTS + "closed:\n  name: Closed\n"}, ["contact-entry"]),
    ("contact-phone", {"contacts.yml": CONTACTS.replace("020 7946 0000", "0800 FLOWERS")}, ["contact-phone"]),
    ("contact-address", {"contacts.yml": CONTACTS + "  web: http://www.example.org.uk/\n"}, ["contact-address"]),
    ("contact-duplicate", {"contacts.yml": CONTACTS + "again:\n  name: front door\n  email: a@example.org.uk\n"},
     ["contact-duplicate", "contact-unused"]),
    ("contact-unknown", {"statutory/referrals.md": page(body="## Purpose\n\n!contact front-dor\n")}, ["contact-unknown"]),
    ("contact-unused", {"docs/index.md": "---\ntitle: Home\n---\n\nWelcome.\n"}, ["contact-unused"]),
    ("contact-review-overdue", {"contacts.yml": CONTACTS + "  review_due: 2026-01-01\n"}, ["review-overdue"]),
    ("contact-number-typed", {"statutory/referrals.md": page(body="## Purpose\n\nRing 020 7946 0000.\n")},
     ["contact-number-typed"]),
    ("phone-number-typed", {"supplementary/neglect.md": page("Neglect", 7, "2024-02-01", body="## Signs\n\nNeglect: ring 0113 496 0000.\n")},
     ["phone-number-typed"]),
    ("legislation-entry", {"legislation.yml": REGISTER.replace("url: https://www.gov", "url: http://www.gov")}, ["legislation-entry"]),
    ("legislation-duplicate", {"legislation.yml": REGISTER + "act-s47:\n  title: Other\n  year: 1990\n  url: https://www.example.org.uk/\n"},
     ["legislation-duplicate"]),
    ("statutory-basis-unknown", {"statutory/referrals.md": page(statutory_basis=["act-s48"])}, ["statutory-basis-unknown"]),
    ("legislation-superseded", {"statutory/referrals.md": page(statutory_basis=["act-s47", "guidance-2018"])},
     ["legislation-superseded"]),
    # Without git (this manual is not in a repository), histories come from 'changes' alone: one note.
    ("history-incomplete", {"statutory/referrals.md": page(changes=[
        {"version": 14, "date": "2023-04-14", "note": "Clearer steps."}, {"version": 13, "date": "2022-01-10", "note": "New."}])},
     ["history-incomplete"]),
    ("legislation-stale-text", {"supplementary/neglect.md": page("Neglect", 7, "2024-02-01", body="## Signs\n\nNeglect: see Guidance 2018.\n")},
     ["legislation-stale-text"]),
]


def check_problems(root) -> set[str]:
    result = CliRunner().invoke(main, ["-C", str(root), "check", "--format", "json"])
    document = json.loads(result.stdout)
    return {
        f"{p['level']}: {p['file']}:{p['line']}: {p['message']} [{p['check']}]" if p["line"]
        else f"{p['level']}: {p['file']}: {p['message']} [{p['check']}]"
        for p in document["problems"]
    }


def build_problems(output: str) -> set[str]:
    found = set()
    for line in output.splitlines():
        if match := re.match(r"WARNING\s+-\s+procedures: (.*)$", line):
            found.add(f"warning: {match.group(1)}")
        elif match := re.match(r"INFO\s+-\s+procedures: note: (.*)$", line):
            found.add(f"note: {match.group(1)}")
        elif match := re.match(r"  (\S.*\[[a-z-]+\])$", line):  # the list of errors that stops the build
            found.add(f"error: {match.group(1)}")
    return found


@pytest.mark.parametrize("files, checks", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_check_and_strict_build_report_the_same_problems(project, files, checks):
    project.write("topics.yml", TOPICS)
    project.write("glossary.yml", GLOSSARY)
    project.write("flowcharts/route.yml", route("statutory/referrals.md"))
    project.write("supplementary/neglect.md", page("Neglect", 7, "2024-02-01", body="## Signs\n\nNeglect harms children.\n"))
    project.write("contacts.yml", CONTACTS)
    project.write("legislation.yml", REGISTER)
    project.write("docs/index.md", "---\ntitle: Home\n---\n\nWelcome.\n\n!contact front-door\n")
    # A level set in mkdocs.yml applies to both alike (listed-twice is a note by default).
    project.config(_mkdocs={"nav": NAV}, checks={"listed-twice": "warning"})
    for rel, content in files.items():
        project.write(rel, content)

    expected = check_problems(project.root)
    assert sorted({re.search(r"\[([a-z-]+)\]$", p).group(1) for p in expected}) == sorted(checks), expected
    built = project.build()
    assert build_problems(built.output) == expected, built.output
    assert "Traceback" not in built.output
    failing = any(not p.startswith("note: ") for p in expected)
    assert (built.returncode != 0) == failing, built.output


def test_the_table_covers_every_level():
    """The cases above find errors, warnings and notes (a guard against an empty comparison)."""
    from generator.core.checklist import CHECKS

    levels = {CHECKS[name].level for _, _, checks in CASES for name in checks}
    assert levels == {"error", "warning", "note"}


def test_a_related_box_may_show_a_generated_page(project):
    project.write("glossary.yml", GLOSSARY)
    project.write("flowcharts/route.yml", route("statutory/referrals.md"))
    project.write("contacts.yml", "front-door:\n  name: Front Door\n  phones:\n    - number: 0113 496 0100\n")
    project.write("statutory/referrals.md", page(
        related=["glossary.md", "flowcharts/route.md", "contacts.md"], body="## Purpose\n\nNeglect.\n"))
    project.config(_mkdocs={"nav": NAV})
    built = project.build()
    assert built.returncode == 0, built.output
    box = built.html("statutory/referrals/index.html").split('id="pm-related"')[1].split("</aside>")[0]
    assert 'href="../../glossary/"' in box and ">Glossary</a>" in box
    assert 'href="../../flowcharts/route/"' in box and "Route</a>" in box
    assert 'href="../../contacts/"' in box and " Contacts</a>" in box
