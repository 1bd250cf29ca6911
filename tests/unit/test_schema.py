"""Tables for the one schema walker (generator/core/schema.py): kinds, fields, records and lists,
each wrong value with the message an officer reads."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from generator.core import schema, yamlsource
from generator.core.problems import Problems
from generator.core.schema import Field, Item, ListOf, Record, Report, TextList, Values, check_fields, check_list, check_record


@pytest.mark.parametrize("value, expected", [
    ("fourteen", "'fourteen'"),
    ("", "''"),
    ("x" * 100, "'" + "x" * 59 + "…'"),
    (14, "14"),
    (14.5, "14.5"),
    (True, "yes"),
    (False, "no"),
    (None, "nothing"),
    ({"a": 1}, "a block of fields"),
    ({}, "an empty block"),
    (["a"], "a list"),
    ([], "an empty list"),
    (dt.date(2024, 5, 1), "2024-05-01"),
])
def test_shown(value, expected):
    assert schema.shown(value) == expected


KINDS = [
    # kind, value, clean value (or None), message (or None)
    (schema.text, "  Referrals ", "Referrals", None),
    (schema.text, 1989, "1989", None),
    (schema.text, "", None, "'x' is empty: write some text after 'x:'"),
    (schema.text, ["a"], None, "'x' must be text, not a list (put the text in quotes if it looks like something else)"),
    (schema.text, True, None, "'x' must be text, not yes (put the text in quotes if it looks like something else)"),
    (schema.phrase, " A   practitioner\n has concerns ", "A practitioner has concerns", None),
    (schema.phrase, {"a": 1}, None, "'x' must be text, not a block of fields (put the text in quotes if it looks like something else)"),
    (schema.whole_number, 14, 14, None),
    (schema.whole_number, 0, None, "'x' must be a whole number of 1 or more, not 0"),
    (schema.whole_number, "fourteen", None, "'x' must be a whole number such as 14, not 'fourteen'"),
    (schema.whole_number, 14.5, None, "'x' must be a whole number such as 14, not 14.5"),
    (schema.whole_number, True, None, "'x' must be a whole number such as 14, not yes"),
    (schema.date, "2023-04-14", dt.date(2023, 4, 14), None),
    (schema.date, "2023-02-30", None, "'x' 2023-02-30 is not a date (use YYYY-MM-DD, for example 2023-04-14)"),
    (schema.date, "20230414", None, "'x' 20230414 is not a date (use YYYY-MM-DD, for example 2023-04-14)"),
    (schema.date, None, None, "'x' is empty: write a date after 'x:' as YYYY-MM-DD, for example 2023-04-14"),
    (schema.date, [2023], None, "'x' must be a date written YYYY-MM-DD, such as 2023-04-14, not a list"),
    (schema.date, 2023, None, "'x' must be a date written YYYY-MM-DD, such as 2023-04-14, not 2023"),
    (schema.yes_or_no, False, False, None),
    (schema.yes_or_no, "sometimes", None, "'x' must be true or false, not 'sometimes'"),
    (schema.one_of("step", "end"), " End ", "end", None),
    (schema.one_of("step", "end"), "stpe", None, "'x' must be one of step, end, not 'stpe': did you mean 'step'?"),
    (schema.one_of("step", "end"), 3, None, "'x' must be one of step, end, not 3"),
    (schema.anything, {"a": 1}, {"a": 1}, None),
]


@pytest.mark.parametrize("kind, value, clean, message", KINDS)
def test_kinds(kind, value, clean, message):
    assert kind(value, "x") == (clean, message)


def located(text: str) -> Any:
    return yamlsource.load(text)


def messages(problems: Problems) -> list[str]:
    return [str(p) for p in problems]


FIELDS = (
    Field("title", schema.text, required=True, example="title: Neglect", hint="or start the text with '# ' and the title"),
    Field("version", schema.whole_number, required=True, example="version: 1"),
    Field("keywords", TextList()),
    Field("related", TextList(should="a list of page paths", example="[a.md]", item="a page path", lines=True)),
    Field("topics", TextList(example="[neglect]", at_least=1, noun="topic", fold=True)),
)

FIELD_CASES = [
    # id, YAML, where (the record's name), messages
    ("missing", "version: 1\n", "", ["f.yml:1: 'title' is missing: add a line such as 'title: Neglect' (or start the text with '# ' and the title) [front-matter]"]),
    ("missing-nested", "version: 1\n", "step 2", ["f.yml:1: step 2 has no 'title': add a line such as 'title: Neglect' (or start the text with '# ' and the title) [front-matter]"]),
    ("wrong", "title: A\nversion: one\n", "", ["f.yml:2: 'version' must be a whole number such as 14, not 'one' [front-matter]"]),
    ("wrong-nested", "title: A\nversion: one\n", "topic 'a'", ["f.yml:2: topic 'a': 'version' must be a whole number such as 14, not 'one' [front-matter]"]),
    ("unknown-close", "title: A\nversion: 1\nversoin: 2\n", "", ["f.yml:3: unknown field 'versoin' is ignored: did you mean 'version'? [unknown-field]"]),
    ("unknown-far", "title: A\nversion: 1\nzzz: 2\n", "step 'a'",
     ["f.yml:3: unknown field 'zzz' in step 'a' is ignored; the fields are title, version, keywords, related, topics [unknown-field]"]),
    ("unknown-after-comma", "{title: Neglect, food, warmth, version: 1}\n", "",
     ["f.yml:1: unknown field 'food' is ignored: if it belongs to the text before it, put that text in quotes (a comma inside { } starts a new field) [unknown-field]",
      "f.yml:1: unknown field 'warmth' is ignored: if it belongs to the text before it, put that text in quotes (a comma inside { } starts a new field) [unknown-field]"]),
    ("list-plain-text", "title: A\nversion: 1\nkeywords: neglect\n", "", ["f.yml:3: 'keywords' must be a list such as [neglect], not plain text [front-matter]"]),
    ("list-block", "title: A\nversion: 1\nkeywords: {a: 1}\n", "", ["f.yml:3: 'keywords' must be a list such as [first, second], not a block of fields [front-matter]"]),
    ("list-item", "title: A\nversion: 1\nrelated:\n  - a.md\n  - 5\n  - ''\n", "",
     ["f.yml:5: every item of 'related' must be a page path, not 5 [front-matter]",
      "f.yml:6: every item of 'related' must be a page path, not '' [front-matter]"]),
    ("list-empty", "title: A\nversion: 1\ntopics: []\n", "", ["f.yml:3: 'topics' is empty: add at least one topic, such as [neglect] [front-matter]"]),
]


@pytest.mark.parametrize("text, where, expected", [c[1:] for c in FIELD_CASES], ids=[c[0] for c in FIELD_CASES])
def test_check_fields(text, where, expected):
    problems = Problems()
    values = check_fields(FIELDS, located(text), Report("f.yml", problems, "front-matter"), where=where, line=1)
    assert messages(problems) == expected
    assert values.ok == (not problems.errors)  # an unknown field is a warning: the record is still right


def test_check_fields_returns_clean_values_and_lines():
    problems = Problems()
    values = check_fields(FIELDS, located("title: ' A '\nversion: 2\nrelated: [a.md, b.md]\ntopics:\n  - Early   help\n"),
                          Report("f.yml", problems, "front-matter"), line=1)
    assert not list(problems) and values.ok
    assert values.values == {"title": "A", "version": 2, "related": [("a.md", 3), ("b.md", 3)], "topics": ["Early help"]}
    assert (values.line_of("version"), values.line_of("keywords")) == (2, 1)


def test_a_list_keeps_its_good_items_when_another_is_wrong():
    problems = Problems()
    values = check_fields(FIELDS, located("title: A\nversion: 1\nkeywords: [a, [b], c]\n"), Report("f.yml", problems, "front-matter"), line=1)
    assert not values.ok and values.failed == {"keywords"}
    assert values["keywords"] == ["a", "c"]


def _branch(values: Values) -> tuple[str, str]:
    return values["label"], values["to"]


def _no_loops(values: Values) -> None:
    if values.get("to") == "start":
        values.wrong("to", "'to' leads back to the start")


BRANCH: Record[tuple[str, str]] = Record(
    (Field("label", schema.phrase, required=True, example='label: "Yes"'), Field("to", schema.text, required=True, example="to: assess")),
    make=_branch,
    holds="with 'label' and 'to'",
    problem_field="next",
    rules=_no_loops,
)
BRANCHES: ListOf[tuple[str, str]] = ListOf(BRANCH, should="a list of branches", where=lambda item: f"branch {item.number} of {item.within}",
                                           noun="branch", at_least=2)

LIST_CASES = [
    # id, YAML, messages, the branches that are right
    ("right", "- {label: 'Yes', to: a}\n- {label: 'No', to: b}\n", [], [("Yes", "a"), ("No", "b")]),
    ("not-a-list", "a, b\n", ["f.yml:1: 'next' must be a list of branches, not 'a, b' (see the authoring guide) [flowchart-source]"], []),
    ("too-few", "- {label: 'Yes', to: a}\n", ["f.yml:1: 'next' is empty: add at least one branch [flowchart-source]"], []),
    ("not-a-block", "- {label: 'Yes', to: a}\n- assess\n",
     ["f.yml:2: branch 2 of step 'x' must be a block of fields with 'label' and 'to', not 'assess' [flowchart-source]"], [("Yes", "a")]),
    ("missing", "- {label: 'Yes', to: a}\n- {to: b}\n",
     ["f.yml:2: branch 2 of step 'x' has no 'label': add a line such as 'label: \"Yes\"' [flowchart-source]"], [("Yes", "a")]),
    ("unknown", "- {label: 'Yes', to: a}\n- {label: 'No', too: b, to: c}\n",
     ["f.yml:2: unknown field 'too' in branch 2 of step 'x' is ignored: did you mean 'to'? [unknown-field]"], [("Yes", "a"), ("No", "c")]),
    ("rule", "- {label: 'Yes', to: a}\n- {label: 'No', to: start}\n",
     ["f.yml:2: branch 2 of step 'x': 'to' leads back to the start [flowchart-source]"], [("Yes", "a")]),
    ("every-problem", "- {label: yes, to: [a]}\n- {label: 'No'}\n",
     ["f.yml:1: branch 1 of step 'x': 'label' must be text, not yes (put the text in quotes if it looks like something else) [flowchart-source]",
      "f.yml:1: branch 1 of step 'x': 'to' must be text, not a list (put the text in quotes if it looks like something else) [flowchart-source]",
      "f.yml:2: branch 2 of step 'x' has no 'to': add a line such as 'to: assess' [flowchart-source]"], []),
]


@pytest.mark.parametrize("text, expected, right", [c[1:] for c in LIST_CASES], ids=[c[0] for c in LIST_CASES])
def test_check_list(text, expected, right):
    problems = Problems()
    listed = check_list(BRANCHES, located(text), Report("f.yml", problems, "flowchart-source"), name="next", line=1, within="step 'x'")
    assert messages(problems) == expected
    assert listed.items == right
    assert listed.ok == (not problems.errors)
    assert all(p.field == "next" for p in problems)  # filed under the field the list is in


def _topic(values: Values) -> tuple[str, str]:
    return values.key, values["label"]


TOPICS: ListOf[tuple[str, str]] = ListOf(
    Record((Field("label", schema.text, required=True, example="label: Neglect"),), make=_topic, holds="with a label"),
    should="a block with one topic per key", where=lambda item: f"topic '{item.key}'", noun="topic", keyed=True, key_example="early help",
)


@pytest.mark.parametrize("text, expected, right", [
    ("neglect: {label: Neglect}\nearly help: {label: Early help}\n", [], [("neglect", "Neglect"), ("early help", "Early help")]),
    ("- neglect\n", ["t.yml:1: the topics must be a block with one topic per key, not a list (see the authoring guide) [topic-list]"], []),
    ("neglect: Neglect\n", ["t.yml:1: topic 'neglect' must be a block of fields with a label, not 'Neglect' [topic-list]"], []),
    ("1: {label: One}\nneglect: {label: Neglect}\n",
     ["t.yml:1: the topic key 1 must be text, such as 'early help' [topic-list]"], [("neglect", "Neglect")]),
])
def test_a_block_keyed_by_name(text, expected, right):
    problems = Problems()
    listed = check_list(TOPICS, located(text), Report("t.yml", problems, "topic-list"), name="topics", line=1, subject="the topics")
    assert messages(problems) == expected
    assert listed.items == right


def test_a_record_at_the_top_of_a_file_is_named_by_what_it_is():
    problems = Problems()
    assert check_record(BRANCH, ["a"], Report("f.yml", problems, "flowchart-source"), line=1, what="branch file") is None
    assert messages(problems) == ["f.yml:1: the branch file must be a block of fields with 'label' and 'to', not a list [flowchart-source]"]


def test_items_know_their_place_key_and_line():
    seen: list[Item] = []

    def where(item: Item) -> str:
        seen.append(item)
        return f"entry {item.number}"

    spec: ListOf[Values] = ListOf(Record((Field("a"),), make=lambda v: v), should="a list", where=where)
    assert schema.entry(Item(2, None, {}, 3, "changes", "")) == "'changes' entry 2"  # the usual name
    listed = check_list(spec, located("x:\n  - a: 1\n  - a: 2\n")["x"], Report("f.yml", Problems(), "front-matter"), name="x", line=1, within="page")
    assert [(i.number, i.line, i.field, i.within) for i in seen] == [(1, 2, "x", "page"), (2, 3, "x", "page")]
    assert [(v.where, v.number, v["a"]) for v in listed.items] == [("entry 1", 1, 1), ("entry 2", 2, 2)]
