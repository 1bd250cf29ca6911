"""contacts.yml and legislation.yml in whole manuals: every bad input reported with file, line and
check (no traceback), the Contacts and Statutory framework pages, the boxes, search, --dirty."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import Project, page

CONTACTS = """\
front-door:
  name: Children's Services Front Door
  for: Any worry about a child
  phones:
    - number: 020 7946 0000
      hours: Monday to Friday, 9am to 5pm
  out_of_hours: emergency-duty-team
  email: frontdoor@example.org.uk
  owner: Children's Social Care
  review_due: 2027-05-01
emergency-duty-team:
  name: Emergency Duty Team
  phones:
    - number: 020 7946 0999
"""

REGISTER = """\
children-act-1989:
  title: Children Act 1989
  kind: act
  year: 1989
  url: https://www.legislation.gov.uk/ukpga/1989/41/contents
  provisions:
    s47:
      title: "Section 47: Local authority's duty to investigate"
      url: https://www.legislation.gov.uk/ukpga/1989/41/section/47
working-together-2023:
  title: Working Together to Safeguard Children
  kind: guidance
  year: 2023
  also_known_as: [Working Together]
  url: https://www.gov.uk/government/publications/working-together-to-safeguard-children--2
working-together-2018:
  title: Working Together to Safeguard Children
  kind: guidance
  year: 2018
  url: https://www.gov.uk/government/publications/working-together-to-safeguard-children--2
  superseded_by: working-together-2023
"""

REFERRALS = page(
    statutory_basis=["children-act-1989-s47", "working-together-2023"],
    body="## Purpose\n\nRing the Front Door.\n\n!contact front-door\n\nOut of hours, ring [[contact:emergency-duty-team]].\n",
)
NAV = [{"Home": "index.md"}, {"Contents": "contents.md"}, {"Statutory": ["statutory/referrals.md"]}, {"Supplementary": ["supplementary/neglect.md"]},
       {"Reference": ["contacts.md", "statutory-framework.md"]}]


@pytest.fixture
def manual(project: Project) -> Project:
    project.write("contacts.yml", CONTACTS)
    project.write("legislation.yml", REGISTER)
    project.write("statutory/referrals.md", REFERRALS)
    project.config(_mkdocs={"nav": NAV})
    return project


def checked(root) -> list[dict]:
    result = CliRunner().invoke(main, ["-C", str(root), "check", "--format", "json"])
    assert "Traceback" not in result.output
    return json.loads(result.stdout)["problems"]


def replaced(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# id, files written over the manual, (file, line, check, words of the message)
BAD = [
    ("phone-with-letters", {"contacts.yml": replaced(CONTACTS, "020 7946 0000", "020 7946 OOOO")},
     ("contacts.yml", 5, "contact-phone", "contact 'front-door', 'phones' entry 1: 'number' '020 7946 OOOO' has letters in it")),
    ("phone-not-uk", {"contacts.yml": replaced(CONTACTS, "020 7946 0000", "+33 1 23 45 67 89")},
     ("contacts.yml", 5, "contact-phone", "is not a UK number (it dials country code +33)")),
    ("phone-wrong-digits", {"contacts.yml": replaced(CONTACTS, "020 7946 0000", "020 7946 000")},
     ("contacts.yml", 5, "contact-phone", "is not a valid UK number")),
    ("phone-as-number", {"contacts.yml": replaced(CONTACTS, "020 7946 0999", "2079460999")},
     ("contacts.yml", 14, "contact-phone", "a leading 0 is lost")),
    ("web-http", {"contacts.yml": replaced(CONTACTS, "  owner: Children's", "  web: http://www.example.org.uk/\n  owner: Children's")},
     ("contacts.yml", 9, "contact-address", "'web' 'http://www.example.org.uk/' starts with http:, which is not secure: use the https: address")),
    ("email-invalid", {"contacts.yml": replaced(CONTACTS, "frontdoor@example.org.uk", "frontdoor at example")},
     ("contacts.yml", 8, "contact-address", "'email' 'frontdoor at example' is not an email address")),
    ("no-way-to-reach", {"contacts.yml": CONTACTS + "closed:\n  name: A Closed Service\n"},
     ("contacts.yml", 15, "contact-entry", "contact 'closed' has no way to reach it")),
    ("no-name", {"contacts.yml": CONTACTS + "nameless:\n  email: a@example.org.uk\n"},
     ("contacts.yml", 15, "contact-entry", "contact 'nameless' has no 'name'")),
    ("key-with-capitals", {"contacts.yml": CONTACTS + "Out Of Hours:\n  name: Other\n  email: a@example.org.uk\n"},
     ("contacts.yml", 15, "contact-entry", "the contact key 'Out Of Hours' must be lower-case letters")),
    ("duplicate-key", {"contacts.yml": CONTACTS + "front-door:\n  name: Again\n  email: a@example.org.uk\n"},
     ("contacts.yml", 15, "yaml-syntax", "'front-door' is given twice in the same block (first on line 1)")),
    ("duplicate-name", {"contacts.yml": CONTACTS + "edt:\n  name: emergency duty team\n  email: a@example.org.uk\n"},
     ("contacts.yml", 16, "contact-duplicate", "as contact 'emergency-duty-team' has (line 12)")),
    ("unknown-out-of-hours", {"contacts.yml": replaced(CONTACTS, "out_of_hours: emergency-duty-team", "out_of_hours: emergency-duty")},
     ("contacts.yml", 7, "contact-unknown", "there is no contact 'emergency-duty' in contacts.yml: did you mean 'emergency-duty-team'?")),
    ("impossible-review-date", {"contacts.yml": replaced(CONTACTS, "2027-05-01", "2027-13-45")},
     ("contacts.yml", 10, "contact-entry", "'review_due' 2027-13-45 is not a date")),
    ("review-overdue", {"contacts.yml": replaced(CONTACTS, "2027-05-01", "2026-01-01")},
     ("contacts.yml", 10, "review-overdue", "the contact 'Children's Services Front Door' was due for review on 1 January 2026")),
    ("contacts-yaml-error", {"contacts.yml": replaced(CONTACTS, "  for: Any worry about a child", "  for: [Any worry")},
     ("contacts.yml", 4, "yaml-syntax", "the YAML is not valid")),
    ("contacts-not-utf8", {"contacts.yml": CONTACTS.replace("Children's", "Children\u2019s").encode("cp1252")},
     ("contacts.yml", 2, "file-unreadable", "the file is not UTF-8 text (byte 0x92 on this line)")),
    ("contacts-empty", {"contacts.yml": "# nothing yet\n"}, ("contacts.yml", 1, "contact-entry", "contacts.yml is empty")),
    ("contacts-a-list", {"contacts.yml": "- name: Front Door\n"},
     ("contacts.yml", 1, "contact-entry", "contacts.yml must be a block of contacts, each under its key")),
    ("unknown-contact-in-page", {"statutory/referrals.md": replaced(REFERRALS, "!contact front-door", "!contact front-dor")},
     ("statutory/referrals.md", 14, "contact-unknown", "'!contact front-dor': there is no contact 'front-dor' in contacts.yml: did you mean 'front-door'?")),
    ("unknown-inline-contact", {"statutory/referrals.md": replaced(REFERRALS, "[[contact:emergency-duty-team]]", "[[contact:edt]]")},
     ("statutory/referrals.md", 16, "contact-unknown", "'[[contact:edt]]': there is no contact 'edt' in contacts.yml")),
    ("contact-part-unknown", {"statutory/referrals.md": replaced(REFERRALS, "[[contact:emergency-duty-team]]", "[[contact:emergency-duty-team:fax]]")},
     ("statutory/referrals.md", 16, "contact-unknown", "asks for 'fax', which is not one of name, phone, email")),
    ("contact-line-two-words", {"statutory/referrals.md": replaced(REFERRALS, "!contact front-door", "!contact front door")},
     ("statutory/referrals.md", 14, "contact-unknown", "'!contact front door' is not a contact: write '!contact <key>' on a line of its own")),
    ("contact-without-contacts-file", {"contacts.yml": None},
     ("statutory/referrals.md", 14, "contact-unknown", "the manual has no contacts.yml: create it beside mkdocs.yml")),
    ("contact-number-typed", {"supplementary/neglect.md": page("Neglect", 7, "2024-02-01", body="## Help\n\nRing 020 7946 0000.\n")},
     ("supplementary/neglect.md", 9, "contact-number-typed", "the number 020 7946 0000 is typed by hand, and it is the number of "
      "'Children's Services Front Door' in contacts.yml: write '!contact front-door'")),
    ("other-number-typed", {"supplementary/neglect.md": page("Neglect", 7, "2024-02-01", body="## Help\n\nRing 0113 496 0000.\n")},
     ("supplementary/neglect.md", 9, "phone-number-typed", "the number 0113 496 0000 is typed by hand")),
    ("superseded-by-itself", {"legislation.yml": replaced(REGISTER, "superseded_by: working-together-2023", "superseded_by: working-together-2018")},
     ("legislation.yml", 21, "legislation-entry", "entry 'working-together-2018': 'superseded_by' names the entry itself")),
    ("superseded-loop", {"legislation.yml": replaced(REGISTER, "  also_known_as: [Working Together]", "  superseded_by: working-together-2018")},
     ("legislation.yml", 14, "legislation-entry", "'superseded_by' goes round in a loop (working-together-2023 → working-together-2018 → working-together-2023)")),
    ("superseded-by-unknown", {"legislation.yml": replaced(REGISTER, "superseded_by: working-together-2023", "superseded_by: working-together-2024")},
     ("legislation.yml", 21, "legislation-entry", "names 'working-together-2024', which is not an entry of legislation.yml: did you mean")),
    ("superseded-without-replacement", {"legislation.yml": replaced(REGISTER, "superseded_by: working-together-2023", "status: superseded")},
     ("legislation.yml", 21, "legislation-entry", "is superseded but has no 'superseded_by'")),
    ("legislation-http", {"legislation.yml": replaced(REGISTER, "https://www.legislation.gov.uk/ukpga/1989/41/contents", "http://www.legislation.gov.uk/ukpga/1989/41")},
     ("legislation.yml", 5, "legislation-entry", "entry 'children-act-1989': 'url' 'http://www.legislation.gov.uk/ukpga/1989/41' starts with http:")),
    ("provision-without-title", {"legislation.yml": replaced(REGISTER, '      title: "Section 47: Local authority\'s duty to investigate"\n', "")},
     ("legislation.yml", 7, "legislation-entry", "entry 'children-act-1989', provision 's47' has no 'title'")),
    ("legislation-yaml-error", {"legislation.yml": REGISTER + "oops: [\n"}, ("legislation.yml", 23, "yaml-syntax", "the YAML is not valid")),
    ("legislation-not-utf8", {"legislation.yml": b"children-act-1989:\n  title: Children\xe9 Act\n"},
     ("legislation.yml", 2, "file-unreadable", "the file is not UTF-8 text")),
    ("legislation-empty", {"legislation.yml": ""}, ("legislation.yml", 1, "legislation-entry", "legislation.yml is empty")),
    ("duplicate-citation-key", {"legislation.yml": REGISTER + "children-act-1989-s47:\n  title: Other\n  year: 1990\n  url: https://www.example.org.uk/\n"},
     ("legislation.yml", 22, "legislation-duplicate", "is cited as 'children-act-1989-s47', which is also provision 's47' of 'children-act-1989'")),
    ("unknown-provision", {"statutory/referrals.md": replaced(REFERRALS, "children-act-1989-s47", "children-act-1989-s48")},
     ("statutory/referrals.md", 6, "statutory-basis-unknown", "'children-act-1989-s48' is not an entry or provision of legislation.yml: did you mean 'children-act-1989-s47'?")),
    ("cites-superseded", {"statutory/referrals.md": replaced(REFERRALS, "working-together-2023", "working-together-2018")},
     ("statutory/referrals.md", 7, "legislation-superseded", "which Working Together to Safeguard Children 2023 has replaced (legislation.yml, line 10): review the page against it, then cite 'working-together-2023'")),
    ("basis-not-a-list", {"statutory/referrals.md": page(statutory_basis="children-act-1989-s47")},
     ("statutory/referrals.md", 5, "front-matter", "'statutory_basis' must be a list of keys of legislation.yml such as [children-act-1989-s47], not plain text")),
    ("stale-edition-in-text", {"supplementary/neglect.md": page("Neglect", 7, "2024-02-01", body="## Law\n\nSee\nWorking Together 2018.\n")},
     ("supplementary/neglect.md", 10, "legislation-stale-text", "'Working Together 2018' is not the current edition: it is Working Together to Safeguard Children 2023 (legislation.yml, line 10)")),
    ("stale-edition-in-title", {"supplementary/neglect.md": page("Neglect and Working Together to Safeguard Children 2015", 7, "2024-02-01")},
     ("supplementary/neglect.md", 2, "legislation-stale-text", "'Working Together to Safeguard Children 2015' is not the current edition")),
]


@pytest.mark.parametrize(("files", "expected"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_input_is_reported_with_file_line_and_check(manual, files, expected):
    for rel, content in files.items():
        if content is None:
            os.remove(manual.root / rel)
        else:
            manual.write(rel, content)
    problems = checked(manual.root)
    path, line, check, words = expected
    found = [p for p in problems if p["check"] == check]
    assert found, problems
    assert any(p["file"] == path and p["line"] == line and words in p["message"] for p in found), found


def test_the_table_names_every_case_of_the_issue():
    checks = {b[2][2] for b in BAD}
    assert {"contact-phone", "contact-address", "contact-entry", "contact-unknown", "contact-duplicate", "yaml-syntax",
            "file-unreadable", "legislation-entry", "statutory-basis-unknown", "legislation-superseded",
            "legislation-stale-text", "contact-number-typed", "phone-number-typed", "review-overdue"} <= checks


# --------------------------------------------------------------------------- whole builds


def test_the_manual_builds_with_contacts_and_its_framework(manual):
    built = manual.build()
    assert built.returncode == 0, built.output
    referrals = built.html("statutory/referrals/index.html")
    assert '<a class="pm-contact__tel" href="tel:+442079460000">020 7946 0000</a>' in referrals
    assert '<p class="pm-contact__name"><a href="../../contacts/#front-door">Children\'s Services Front Door</a></p>' in referrals
    assert '<a href="../../contacts/#emergency-duty-team">Emergency Duty Team</a> (<a class="pm-contact__tel" href="tel:+442079460999">020 7946 0999</a>)' in referrals
    assert '<h2 class="pm-links__title" id="pm-statutory-basis">Statutory basis</h2>' in referrals
    assert ('<a href="https://www.legislation.gov.uk/ukpga/1989/41/section/47">Children Act 1989, Section 47: Local authority&#39;s '
            'duty to investigate</a>') in referrals
    assert '<a href="../../statutory-framework/#children-act-1989-s47">other procedures resting on it</a>' in referrals

    contacts = built.html("contacts/index.html")
    assert "<h1>3.1 Contacts</h1>" in contacts
    assert contacts.index('id="front-door"') < contacts.index('id="emergency-duty-team"')  # A to Z
    assert '<strong>Used on:</strong> <a href="../statutory/referrals/">1.1 Referrals</a>' in contacts
    assert "Kept up to date by Children&#39;s Social Care. Next review: 1 May 2027." in contacts

    framework = built.html("statutory-framework/index.html")
    assert "<h1>3.2 Statutory framework</h1>" in framework
    assert '<h4 id="children-act-1989-s47">' in framework
    section = framework[framework.index('id="children-act-1989-s47"'):]
    assert '<strong>Procedures that rest on it:</strong> <a href="../statutory/referrals/">1.1 Referrals</a>' in section
    assert '<h2 id="superseded">Superseded and withdrawn' in framework
    assert 'Replaced by <a href="#working-together-2023">Working Together to Safeguard Children 2023</a>' in framework

    index = json.loads((built.site / "search/search_index.json").read_text(encoding="utf-8"))
    titles = {(d["location"], d["title"]) for d in index["docs"]}
    assert ("contacts/#emergency-duty-team", "Emergency Duty Team") in titles
    assert any(location == "statutory-framework/#children-act-1989-s47" for location, _ in titles)
    edt = next(d for d in index["docs"] if d["location"] == "contacts/#emergency-duty-team")
    assert "020 7946 0999" in edt["text"]


def test_a_stale_edition_fails_the_strict_build_at_its_line(manual):
    manual.write("supplementary/neglect.md", page("Neglect", 7, "2024-02-01", body="## Law\n\nFollow Working Together 2018.\n"))
    manual.reports("supplementary/neglect.md:9: 'Working Together 2018' is not the current edition", "warning")


def test_a_changed_number_reaches_every_page_after_a_dirty_rebuild(manual):
    """As `mkdocs serve --dirty`: a page whose own file did not change is built again when its
    contact changes in contacts.yml."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cwd = os.getcwd()
    os.chdir(manual.root)
    try:
        config = load_config("mkdocs.yml")
        config.plugins.on_startup(command="serve", dirty=True)
        build(config, dirty=True)
        manual.write("contacts.yml", CONTACTS.replace("020 7946 0000", "020 7946 0123"))
        config = load_config("mkdocs.yml")
        build(config, dirty=True)
    finally:
        os.chdir(cwd)
    referrals = (manual.root / "site/statutory/referrals/index.html").read_text(encoding="utf-8")
    assert "tel:+442079460123" in referrals and "tel:+442079460000" not in referrals


def test_procedures_report_lists_contacts_due_for_review_under_their_owner(manual):
    manual.write("contacts.yml", CONTACTS.replace("2027-05-01", "2026-12-01"))
    result = CliRunner().invoke(main, ["-C", str(manual.root), "report"])
    assert result.exit_code == 0, result.output
    assert ("Children's Social Care (1 due soon)\n  DUE SOON  contacts.yml  Children's Services Front Door (contact): "
            "review due 1 December 2026 (due in 8 days)") in result.output
