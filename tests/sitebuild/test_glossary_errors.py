"""Bad glossary files: each gives its message with file and line, through check and the build."""

from __future__ import annotations

import pytest

from tests.conftest import page

GOOD_TERM = "  - term: Neglect\n    definition: Persistent failure to meet a child's needs.\n"

CASES = [
    ("invalid-yaml", "terms:\n  - term: Neglect\n    definition: a: b\n", "glossary.yml:3: the YAML is not valid (mapping values are not allowed here)"),
    ("empty-file", "", "glossary.yml:1: the glossary is empty"),
    ("not-utf8", ("terms:\n" + GOOD_TERM + "  - term: Caf\xe9\n    definition: x\n").encode("latin-1"), "glossary.yml:4: the file is not UTF-8"),
    ("no-terms-key", "words:\n  - a\n", "glossary.yml:1: the glossary must start with 'terms:'"),
    ("terms-not-list", "terms: neglect\n", "glossary.yml:1: 'terms' must be a list"),
    ("entry-not-mapping", "terms:\n  - Neglect\n", "glossary.yml:2: 'terms' entry 1 must be a block of fields starting with 'term:' and 'definition:', not 'Neglect'"),
    ("missing-term", "terms:\n  - definition: x\n", "glossary.yml:2: 'terms' entry 1 has no 'term': add a line such as 'term: Significant Harm'"),
    ("term-not-text", "terms:\n  - term: [Neglect, Harm]\n    definition: x\n",
     "glossary.yml:2: 'terms' entry 1: 'term' must be one word or phrase such as 'Significant Harm', not a list: write it after 'term:' "
     "without brackets, and put other forms in 'aliases'"),
    ("definition-not-text", "terms:\n  - term: Neglect\n    definition: {a: 1}\n",
     "glossary.yml:3: the term 'Neglect': 'definition' must be text, not a block of fields: write one to three "
     "sentences after 'definition:', in quotes if they start with [ or { or hold ': ' (or start them on the next line "
     "after 'definition: >-')"),
    ("definition-attribute-list", "terms:\n  - term: Neglect\n    definition: '[p](https://example.org){ onfocus=\"alert(1)\" autofocus=\"\" }'\n",
     "glossary.yml:3: the definition of 'Neglect' has '{ onfocus=\"alert(1)\" autofocus=\"\" }': curly braces set HTML "
     "attributes in Markdown, which a definition may not use; remove the braces and what is between them"),
    ("definition-image", "terms:\n  - term: Neglect\n    definition: 'See ![p](https://evil.example/p.png).'\n",
     "glossary.yml:3: the definition of 'Neglect' has an image, '![p](https://evil.example/p.png)': a definition may hold "
     "only text, *emphasis* and links; remove it"),
    ("definition-reference-link", "terms:\n  - term: Neglect\n    definition: |\n      See [the policy][p].\n      [p]: javascript:alert(1)\n",
     "glossary.yml:3: the definition of 'Neglect' has a reference-style link, '[the policy][p]': write the address in "
     "place, as [text](https://...)"),
    ("definition-reference-line", "terms:\n  - term: Neglect\n    definition: |\n      See [the policy][p].\n      [p]: javascript:alert(1)\n",
     "glossary.yml:3: the definition of 'Neglect' has a link definition line, '[p]: javascript:alert(1)': remove it"),
    ("definition-unsafe-link", "terms:\n  - term: Neglect\n    definition: 'Bad [x](javascript:alert(3))'\n",
     "glossary.yml:3: the definition of 'Neglect' links to 'javascript:alert(3)': a link may go only to an https:, http:, "
     "mailto: or tel: address, a page of the manual or a #heading; correct the address or remove the link"),
    ("missing-definition", "terms:\n  - term: Neglect\n", "glossary.yml:2: the term 'Neglect' has no 'definition': add a line such as 'definition: "),
    ("alias-not-text", "terms:\n" + GOOD_TERM + "    aliases:\n      - neglecting\n      - [a]\n",
     "glossary.yml:6: the term 'Neglect': every item of 'aliases' must be text, not a list"),
    ("unknown-top-field", "terms:\n" + GOOD_TERM + "words: x\n", "glossary.yml:4: unknown field 'words' is ignored; the only field is 'terms'"),
    ("empty-definition", "terms:\n  - term: Neglect\n    definition: ''\n", "glossary.yml:3: the term 'Neglect': 'definition' is empty: write one to three sentences after 'definition:'"),
    ("duplicate-term", "terms:\n" + GOOD_TERM + "  - term: neglect\n    definition: Again.\n",
     "glossary.yml:4: the term 'neglect' of 'neglect' is already the term of 'Neglect' (line 2)"),
    ("duplicate-alias", "terms:\n" + GOOD_TERM + "  - term: Harm\n    definition: x\n    aliases: [NEGLECT]\n",
     "glossary.yml:6: the alias 'NEGLECT' of 'Harm' is already the term of 'Neglect' (line 2)"),
    ("duplicate-acronym", "terms:\n  - term: Aa Bb\n    definition: x\n    acronym: AB\n  - term: Cc\n    definition: y\n    acronym: AB\n",
     "glossary.yml:7: the acronym 'AB' of 'Cc' is already the acronym of 'Aa Bb' (line 4)"),
    ("same-anchor", "terms:\n  - term: Honour-Based Abuse\n    definition: x\n  - term: Honour Based Abuse\n    definition: y\n",
     "glossary.yml:4: the term 'Honour Based Abuse' would have the same anchor (#honour-based-abuse) on the glossary page "
     "as 'Honour-Based Abuse' (line 2): make them one entry, with the other spelling in its 'aliases'"),
    ("letter-anchor", "terms:\n" + GOOD_TERM + "  - term: Letter N\n    definition: y\n",
     "glossary.yml:4: the term 'Letter N' would have the anchor #letter-n, which the glossary page gives to the heading N "
     "(over 'Neglect', line 2): rename the term"),
    ("digits-anchor", "terms:\n  - term: 16 Plus Team\n    definition: x\n  - term: Letter 0-9\n    definition: y\n",
     "glossary.yml:4: the term 'Letter 0-9' would have the anchor #letter-0-9, which the glossary page gives to the heading "
     "0\u20139 (over '16 Plus Team', line 2): rename the term"),
    # glossary-term-no-letters: a term of signs alone has no place A to Z and no anchor.
    ("term-no-letters", "terms:\n" + GOOD_TERM + "  - term: '& / \u2013'\n    definition: x\n",
     "glossary.yml:4: the term '& / \u2013' has no letters or digits: write the word or phrase it stands for, so that "
     "it can be listed A to Z and linked to"),
    ("unknown-see-also", "terms:\n" + GOOD_TERM + "    see_also: [Negelct]\n",
     "glossary.yml:4: 'see_also' of 'Neglect' names 'Negelct', which is not a term in the glossary: did you mean 'Neglect'?"),
    ("acronym-lower", "terms:\n" + GOOD_TERM + "    acronym: ng\n", "glossary.yml:4: the term 'Neglect': 'acronym' must be capital letters such as LADO, not 'ng'"),
    ("aliases-not-list", "terms:\n" + GOOD_TERM + "    aliases: neglecting\n", "glossary.yml:4: the term 'Neglect': 'aliases' must be a list such as [neglecting], not plain text"),
    ("link-not-bool", "terms:\n" + GOOD_TERM + "    link: sometimes\n", "glossary.yml:4: the term 'Neglect': 'link' must be true or false, not 'sometimes'"),
    # An unclosed quote is reported where it opens, not at the end of the file.
    ("unclosed-quote", "terms:\n  - term: Neglect\n    definition: \"Persistent failure\n  - term: Early Help\n    definition: Support.\n",
     "glossary.yml:3: the YAML is not valid (found unexpected end of stream): a quote or bracket is not closed (column 17)"),
    ("unknown-field", "terms:\n" + GOOD_TERM + "    defintion: x\n", "glossary.yml:4: unknown field 'defintion' in the term 'Neglect' is ignored: did you mean 'definition'?"),
]

# Advice: notes by default, which fail neither the check nor a strict build.
NOTES = [
    ("unused-term", "terms:\n" + GOOD_TERM + "  - term: Radicalisation\n    definition: x\n", "glossary.yml:4: the term 'Radicalisation' is used on no page"),
    ("unknown-acronym", "terms:\n" + GOOD_TERM, "'MARAC' looks like an acronym but is not in the glossary (used in statutory/referrals.md)"),
]


@pytest.mark.parametrize("glossary, expected", [c[1:] for c in NOTES], ids=[c[0] for c in NOTES])
def test_glossary_advice_is_a_note(project, glossary, expected):
    project.write("statutory/referrals.md", page(body="## Purpose\n\nNeglect is discussed at the MARAC.\n"))
    project.write("glossary.yml", glossary)
    _, built = project.reports(expected, "note")
    assert "INFO    -  procedures: note: " in built.output
    assert "(advice that does not fail the build): run 'procedures check' to list them" in built.output


@pytest.mark.parametrize("glossary, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_glossary_is_reported_by_check_and_build(project, glossary, expected):
    project.write("statutory/referrals.md", page(body="## Purpose\n\nNeglect is discussed at the MARAC.\n"))
    project.write("glossary.yml", glossary)
    project.fails_check_and_build(expected)


def test_markup_in_a_definition_shows_as_text(project):
    project.write("statutory/referrals.md", page(body="## Purpose\n\nNeglect matters.\n"))
    project.write("glossary.yml", "terms:\n  - term: Neglect\n    definition: 'Bad <script>alert(1)</script> <img src=x onerror=alert(2)> [x](https://example.org)'\n")
    built = project.build()
    assert built.returncode == 0, built.output
    for rel in ("glossary/index.html", "statutory/referrals/index.html"):
        html = built.html(rel)
        assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript:' not in html
    assert "&lt;script&gt;alert(1)" in built.html("glossary/index.html")
    assert '<a href="https://example.org">x</a>' in built.html("glossary/index.html")
