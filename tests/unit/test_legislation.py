"""The statutory framework: the register's chains, citations, and stale editions named in text."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.legislation.citations import check_citations
from generator.legislation.model import load_register
from generator.legislation.staleness import StaleNames

REGISTER = """\
children-act-1989:
  title: Children Act 1989
  kind: act
  year: 1989
  url: https://www.legislation.gov.uk/ukpga/1989/41/contents
  provisions:
    s47: {title: "Section 47: Local authority's duty to investigate", url: https://www.legislation.gov.uk/ukpga/1989/41/section/47}
working-together-2023:
  title: Working Together to Safeguard Children
  kind: guidance
  year: 2023
  also_known_as: [Working Together]
  url: https://www.gov.uk/government/publications/working-together-to-safeguard-children--2
working-together-2018:
  title: Working Together to Safeguard Children
  year: 2018
  url: https://www.gov.uk/government/publications/working-together-to-safeguard-children--2
  superseded_by: working-together-2023
kcsie-2025:
  title: Keeping Children Safe in Education
  year: 2025
  also_known_as: [KCSIE]
  url: https://www.gov.uk/government/publications/keeping-children-safe-in-education--2
data-protection-act-1998:
  title: Data Protection Act 1998
  year: 1998
  url: https://www.legislation.gov.uk/ukpga/1998/29/contents
  status: withdrawn
"""


@pytest.fixture
def register(tmp_path: Path):
    path = tmp_path / "legislation.yml"
    path.write_text(REGISTER, encoding="utf-8")
    found, problems = load_register(path, "legislation.yml")
    assert not list(problems)
    return found


STALE = [
    ("Follow Working Together 2018.", "'Working Together 2018' is not the current edition: it is Working Together to Safeguard Children 2023"),
    ("Working Together to Safeguard Children 2015", "'Working Together to Safeguard Children 2015' is not the current edition"),
    ("Working Together to Safeguard Children (2015)", "'Working Together to Safeguard Children (2015)' is not the current edition"),
    ("working together\nto safeguard children 2018", "'working together to safeguard children 2018' is not the current edition"),
    ("Keeping Children Safe in Education 2022", "'Keeping Children Safe in Education 2022' is not the current edition: it is Keeping Children Safe in Education 2025"),
    ("Keeping Children Safe in Education (September 2022)", "is not the current edition"),
    ("KCSIE 2024", "'KCSIE 2024' is not the current edition"),
    ("KCSIE 2026", "'KCSIE 2026' is not in legislation.yml, whose current edition is Keeping Children Safe in Education 2025"),
    ("the Data Protection Act 1998", "'Data Protection Act 1998' has been withdrawn"),
]


@pytest.mark.parametrize(("text", "said"), STALE, ids=[s[0] for s in STALE])
def test_a_stale_edition_named_in_text_is_found(register, text, said):
    mentions = list(StaleNames(register).mentions(text))
    assert len(mentions) == 1
    assert said in mentions[0].message


CURRENT = [
    "Working Together to Safeguard Children 2023",
    "Working Together (2023)",
    "Working Together to Safeguard Children",  # no year: the current edition
    "Keeping Children Safe in Education 2025 and KCSIE",
    "the Children Act 1989 and the Children Act 2004",  # statutes' years are their names
    "`Working Together 2018`",  # code: an example, not a citation
    "Working Together 20181",
]


@pytest.mark.parametrize("text", CURRENT)
def test_current_editions_and_statutes_are_not_reported(register, text):
    assert list(StaleNames(register).mentions(text)) == []


def test_lines_are_counted_in_the_text(register):
    mentions = list(StaleNames(register).mentions("One.\n\nTwo, Working Together 2018.\n"))
    assert [m.line for m in mentions] == [3]


def test_citations_resolve_entries_and_provisions(register):
    citations = check_citations(register, [
        ("a.md", "a.md", [("children-act-1989-s47", 3), ("working-together-2023", 4)]),
        ("b.md", "b.md", [("children-act-1989-s47", 5), ("working-together-2018", 6), ("children-act-1989-s48", 7),
                          ("children-act-1989-s47", 8)]),
    ], "legislation.yml")
    assert citations.resting == {"children-act-1989-s47": ["a.md", "b.md"], "working-together-2023": ["a.md"], "working-together-2018": ["b.md"]}
    said = [(p.path, p.line, p.check) for p in citations.problems]
    assert said == [("b.md", 6, "legislation-superseded"), ("b.md", 7, "statutory-basis-unknown"), ("b.md", 8, "listed-twice")]
    messages = {p.check: p.message for p in citations.problems}
    assert "then cite 'working-together-2023'" in messages["legislation-superseded"]
    assert "did you mean 'children-act-1989-s47'?" in messages["statutory-basis-unknown"]


def test_without_a_register_a_citation_says_where_to_start(register):
    problems = list(check_citations(None, [("a.md", "a.md", [("children-act-1989", 3)])], "legislation.yml").problems)
    assert "the manual has no legislation.yml: create it beside mkdocs.yml" in problems[0].message
