"""Tables for the topic list: loading topics.yml or the plugin option, nearest topics, keyword checks."""

from __future__ import annotations

import pytest

from generator.core.problems import Problems
from generator.topics.model import TopicList, check_keywords, load_topic_list, normalise, validate_topics

GOOD = """\
neglect:
  label: Neglect
  description: When a child's basic needs are persistently not met.
early help:
  label: Early help
  description: Support for families as soon as problems emerge.
children in care:
  label: Children in care
  description: Children looked after by the local authority.
exploitation:
  label: Exploitation
  description: Children used by others for sex, crime or money.
"""


def load(tmp_path, text: str | bytes | None, option=None):
    if text is not None:
        path = tmp_path / "topics.yml"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    problems = Problems()
    return load_topic_list(tmp_path, option, problems), problems


def test_a_good_list_keeps_its_order_and_lines(tmp_path):
    topics, problems = load(tmp_path, GOOD)
    assert not list(problems)
    assert list(topics.topics) == ["neglect", "early help", "children in care", "exploitation"]
    assert topics.topics["early help"].line == 4
    assert topics.topics["neglect"].description == "When a child's basic needs are persistently not met."
    assert [t.key for t in topics.sorted()] == ["children in care", "early help", "exploitation", "neglect"]
    assert topics.source == "topics.yml"


def test_no_list_at_all_means_no_topics(tmp_path):
    topics, problems = load(tmp_path, None)
    assert topics is None and not list(problems)


def test_the_list_can_be_a_plugin_option(tmp_path):
    option = {"neglect": {"label": "Neglect", "description": "Needs not met."}}
    topics, problems = load(tmp_path, None, option)
    assert not list(problems)
    assert topics.get("Neglect").label == "Neglect"
    assert "procedures plugin option 'topics'" in topics.source


BAD = [
    # id, topics.yml text (or bytes), option, expected problem text, level
    ("empty-file", "", None, "topics.yml:1: topics.yml is empty: list the topics", "error"),
    ("a-list", "- neglect\n- early help\n", None, "topics.yml:1: the topics must be a block with one topic per key", "error"),
    ("plain-label", "neglect: Neglect\n", None, "topics.yml:1: topic 'neglect' must be a block of fields with a label and a description, such as '{label: Neglect, description: One line about it.}', not 'Neglect'", "error"),
    ("no-label", "neglect:\n  description: Needs not met.\n", None, "topics.yml:1: topic 'neglect' has no 'label': add a line such as 'label: Neglect'", "error"),
    ("no-description", "neglect:\n  label: Neglect\n", None, "topics.yml:1: topic 'neglect' has no 'description': add a line such as 'description: One line about it.'", "error"),
    ("empty-label", "neglect:\n  label: ''\n  description: x\n", None, "topics.yml:2: topic 'neglect': 'label' is empty", "error"),
    ("label-a-list", "neglect:\n  label: [a, b]\n  description: x\n", None, "topics.yml:2: topic 'neglect': 'label' must be text, not a list", "error"),
    ("same-key-twice", "neglect: {label: A, description: x}\nneglect: {label: B, description: y}\n", None,
     "topics.yml:2: 'neglect' is given twice in the same block (first on line 1)", "error"),
    ("same-key-other-case", "neglect: {label: A, description: x}\nNeglect: {label: B, description: y}\n", None,
     "topics.yml:2: the topic 'Neglect' is the same as 'neglect' (line 1)", "error"),
    ("key-not-text", "1: {label: A, description: x}\n", None, "topics.yml:1: the topic key 1 must be text", "error"),
    ("unknown-field", "neglect: {label: A, desciption: x, description: y}\n", None,
     "topics.yml:1: unknown field 'desciption' in topic 'neglect' is ignored: did you mean 'description'?", "warning"),
    ("unknown-field-far", "neglect: {label: A, colour: red, description: y}\n", None,
     "topics.yml:1: unknown field 'colour' in topic 'neglect' is ignored; the fields are label, description", "warning"),
    ("comma-in-flow-style", "neglect: {label: A, description: Food, warmth and care}\n", None,
     "topics.yml:1: unknown field 'warmth and care' in topic 'neglect' is ignored: if it belongs to the text before it, put that text in quotes", "warning"),
    ("same-label", "a: {label: Neglect, description: x}\nb: {label: neglect, description: y}\n", None,
     "topics.yml:2: the topics 'a' and 'b' have the same label 'neglect'", "warning"),
    ("bad-yaml", "neglect:\n  label: Neglect: the basics\n  description: x\n", None, "topics.yml:2: the YAML is not valid (mapping values are not allowed here)", "error"),
    ("tab", "neglect:\n\tlabel: Neglect\n", None, "topics.yml:2: the YAML is not valid", "error"),
    ("not-utf8", "neglect: {label: Caf\xe9, description: x}\n".encode("latin-1"), None, "topics.yml:1: the file is not UTF-8 text", "error"),
    ("both-file-and-option", GOOD, {"neglect": {"label": "Neglect", "description": "x"}},
     "topics.yml: topics are listed both in topics.yml and under the 'topics' option", "error"),
    ("option-a-list", None, ["neglect"], "mkdocs.yml: the topics must be a block with one topic per key", "error"),
    ("option-plain-label", None, {"neglect": "Neglect"}, "mkdocs.yml: topic 'neglect' must be a block of fields with a label and a description", "error"),
]


@pytest.mark.parametrize("text, option, expected, level", [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_bad_topic_lists(tmp_path, text, option, expected, level):
    topics, problems = load(tmp_path, text, option)
    messages = [f"{p}" for p in problems if p.level == level]
    assert any(expected in m for m in messages), [str(p) for p in problems]
    if level == "error":
        assert topics is None
    else:
        assert topics is not None


@pytest.mark.parametrize("keyword, nearest", [
    ("neglet", "neglect"),
    ("Negelct", "neglect"),
    ("early-help", "early help"),
    ("child in care", "children in care"),
    ("child exploitation", "exploitation"),
    ("looked after children", None),
    ("CSE", None),
])
def test_nearest_topic(keyword, nearest):
    topics = validate_topics(_parsed(GOOD), "topics.yml", "topics.yml", Problems())
    found = topics.nearest(keyword)
    assert (found.key if found else None) == nearest


def _parsed(text: str):
    from generator.core import yamlsource

    return yamlsource.load(text)


def test_keywords_are_matched_without_case_or_extra_spaces():
    topics = validate_topics(_parsed(GOOD), "topics.yml", "topics.yml", Problems())
    problems = Problems()
    keys = check_keywords(topics, "statutory/a.md", [("Early  Help", 5), ("NEGLECT", 5)], problems)
    assert keys == ["early help", "neglect"]
    assert not list(problems)
    assert normalise("  Early \t Help ") == "early help"


def test_unknown_keywords_name_the_nearest_topic_at_the_chosen_level():
    topics = validate_topics(_parsed(GOOD), "topics.yml", "topics.yml", Problems())
    problems = Problems()
    keys = check_keywords(topics, "statutory/a.md", [("neglet", 5), ("CSE", 6), ("neglect", 7), ("neglect", 8)], problems)
    assert keys == ["neglect"]
    assert [str(p) for p in problems] == [
        "statutory/a.md:5: 'keywords': 'neglet' is not a topic in topics.yml: did you mean 'neglect' (Neglect)? [topic-unknown]",
        "statutory/a.md:6: 'keywords': 'CSE' is not a topic in topics.yml: use one of the topics listed in topics.yml, or add a new topic there [topic-unknown]",
        "statutory/a.md:8: 'keywords': 'neglect' is listed twice; keep one [listed-twice]",
    ]
    assert [p.level for p in problems] == ["warning", "warning", "note"]

    errors = Problems()
    check_keywords(topics, "info-sheets/x.md", [("neglet", 3)], errors, field_name="topics", check="info-sheet-topic")
    assert [p.level for p in errors] == ["error"]
    assert "'topics': 'neglet' is not a topic" in str(errors.errors[0])


def test_without_a_topic_list_keywords_are_not_checked():
    problems = Problems()
    assert check_keywords(None, "statutory/a.md", [("anything", 5)], problems) == []
    assert not list(problems)
    assert TopicList("topics.yml").get("x") is None
