"""The controlled topic list, and checking keywords against it.

A partnership lists its topics once, in ``topics.yml`` beside ``mkdocs.yml`` (or under the
``topics:`` plugin option), each with a label and a one-line description::

    neglect:
      label: Neglect
      description: When a child's basic needs are persistently not met.

Procedures' ``keywords``, info-sheets' ``topics`` (and flowcharts' and glossary terms' topics)
must be keys of this list. Keys are matched without regard to case or repeated spaces, so
``Early  Help`` is the topic ``early help``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..core import textfile, yamlsource
from ..core.frontmatter import check_text
from ..core.problems import Problems
from ..project import located_option

TOPICS_FILE = "topics.yml"
TOPIC_FIELDS = ("label", "description")
EXAMPLE = "neglect: {label: Neglect, description: When a child's basic needs are persistently not met.}"


def normalise(key: str) -> str:
    """The form in which topic keys are compared: lower case, single spaces."""
    return " ".join(str(key).split()).casefold()


@dataclass(frozen=True)
class Topic:
    key: str
    label: str
    description: str
    line: int = 0


@dataclass
class TopicList:
    """The topics, in the order they were written. ``source`` names where they came from."""

    source: str
    topics: dict[str, Topic] = field(default_factory=dict)

    def get(self, keyword: str) -> Topic | None:
        return self.topics.get(normalise(keyword))

    def nearest(self, keyword: str) -> Topic | None:
        """The topic an officer most likely meant, by key or by label; ``None`` if none is close."""
        wanted = normalise(keyword)
        by_label = {normalise(t.label): t for t in self.topics.values()}
        candidates = {**by_label, **self.topics}
        close = difflib.get_close_matches(wanted, list(candidates), n=1, cutoff=0.6)
        if close:
            return candidates[close[0]]
        # 'exploitation' for 'child exploitation': a key contained in the keyword or the reverse.
        for key, topic in self.topics.items():
            if key in wanted or wanted in key:
                return topic
        return None

    def unknown_message(self, keyword: str, field_name: str) -> str:
        """``'keywords': 'neglet' is not a topic ...`` with the nearest topic as the fix."""
        close = self.nearest(keyword)
        if close is not None:
            hint = f"did you mean '{close.key}' ({close.label})?"
        else:
            hint = f"use one of the topics listed in {self.source}, or add a new topic there"
        return f"'{field_name}': '{keyword}' is not a topic in {self.source}: {hint}"

    def sorted(self) -> list[Topic]:
        """The topics as readers look for them: by label, alphabetically."""
        return sorted(self.topics.values(), key=lambda t: (t.label.casefold(), t.key))


def load_topic_list(
    root: Path, option: Any, problems: Problems, *, config_name: str = "mkdocs.yml", config_file: Path | None = None
) -> TopicList | None:
    """The topic list from ``topics.yml`` or the ``topics:`` plugin option; ``None`` if neither.

    Both at once is an error: the manual must have one list. Problems go into ``problems``, with
    their line in ``config_file`` (mkdocs.yml) for the option, when it is given and can be read.
    """
    path = root / TOPICS_FILE
    if option is not None and path.is_file():
        problems.add("topic-list",
            TOPICS_FILE, 0,
            f"topics are listed both in {TOPICS_FILE} and under the 'topics' option of the procedures plugin "
            f"in {config_name}: keep one list (the file is easier to edit) and delete the other",
            field="topics",
        )
        return None
    if option is not None:
        start_line = 0
        located = located_option(config_file, "topics") if config_file is not None else None
        # The option as written, with its lines, unless the file says something else than the
        # value in use (an !ENV tag, or a value another loader read differently).
        if located is not None and located[0] == option:
            option, start_line = located
        return validate_topics(option, f"{config_name} (procedures plugin option 'topics')", config_name, problems, start_line=start_line)
    if not path.is_file():
        return None
    try:
        data = yamlsource.load(textfile.read_text(path))
    except textfile.TextFileError as error:
        problems.add("file-unreadable", TOPICS_FILE, error.line, error.message)
        return None
    except yamlsource.YamlError as error:
        problems.add("yaml-syntax", TOPICS_FILE, error.line, error.described)
        return None
    if data is None:
        problems.add("topic-list", TOPICS_FILE, 1, f"{TOPICS_FILE} is empty: list the topics, one per line, such as '{EXAMPLE}'")
        return None
    return validate_topics(data, TOPICS_FILE, TOPICS_FILE, problems, start_line=1)


def validate_topics(data: Any, source: str, path: str, problems: Problems, *, start_line: int = 1) -> TopicList | None:
    """Check a parsed topic list. Every mistake is reported; ``None`` if there was an error."""
    before = len(problems.errors)
    if not isinstance(data, dict) or not data:
        shown = "a list" if isinstance(data, list) else ("nothing" if not data else repr(data))
        problems.add("topic-list",
            path, start_line,
            f"the topics must be a block with one topic per key, such as '{EXAMPLE}', not {shown}",
            field="topics",
        )
        return None
    lines = getattr(data, "lines", {})
    result = TopicList(source=source)
    for raw_key, value in data.items():
        line = lines.get(raw_key, start_line)
        if not isinstance(raw_key, str) or not raw_key.strip():
            problems.add("topic-list", path, line, f"the topic key {raw_key!r} must be text, such as 'early help'", field="topics")
            continue
        key = normalise(raw_key)
        first = result.topics.get(key)
        if first is not None:
            problems.add("topic-list",
                path, line,
                f"the topic '{raw_key}' is the same as '{first.key}' (line {first.line}): keys are compared "
                "without regard to case or spaces; keep one",
                field="topics",
            )
            continue
        if not isinstance(value, dict):
            problems.add("topic-list",
                path, line,
                f"the topic '{raw_key}' needs a label and a description, such as "
                f"'{raw_key}: {{label: {raw_key.strip().capitalize()}, description: One line about it.}}'",
                field="topics",
            )
            continue
        value_lines = getattr(value, "lines", {})
        clean: dict[str, str] = {}
        for name in TOPIC_FIELDS:
            if name not in value:
                problems.add("topic-list", path, line, f"the topic '{raw_key}' has no '{name}': add '{name}: ...'", field="topics")
                continue
            text, message = check_text(value[name], name)
            if message:
                problems.add("topic-list", path, value_lines.get(name, line), f"topic '{raw_key}': {message}", field="topics")
            else:
                clean[name] = text
        for name in value:
            if name not in TOPIC_FIELDS:
                close = difflib.get_close_matches(str(name), TOPIC_FIELDS, n=1)
                if value[name] is None:  # `{label: A, description: one, two}` splits at the comma
                    hint = ": if it belongs to the text before it, put that text in quotes (a comma inside { } starts a new field)"
                elif close:
                    hint = f": did you mean '{close[0]}'?"
                else:
                    hint = "; a topic has only 'label' and 'description'"
                problems.add("unknown-field", path, value_lines.get(name, line), f"unknown field '{name}' in topic '{raw_key}' is ignored{hint}", field="topics")
        if len(clean) == len(TOPIC_FIELDS):
            result.topics[key] = Topic(key, clean["label"], clean["description"], line)
    if len(problems.errors) != before:
        return None
    labels: dict[str, Topic] = {}
    for topic in result.topics.values():
        other = labels.setdefault(topic.label.casefold(), topic)
        if other is not topic:
            problems.add("topic-label-clash",
                path, topic.line,
                f"the topics '{other.key}' and '{topic.key}' have the same label '{topic.label}': "
                "readers cannot tell them apart; give each its own label",
                field="topics",
            )
    return result


def check_keywords(
    topics: TopicList | None,
    path: str,
    keywords: Iterable[tuple[str, int]],
    problems: Problems,
    *,
    field_name: str = "keywords",
    check: str = "topic-unknown",
) -> list[str]:
    """The topic keys among ``keywords`` (text, line); the others are reported with the nearest topic.

    Procedures' keywords outside the list are warnings (the page still builds without --strict);
    an info-sheet's topics are errors, since the sheet would silently miss its lists.
    """
    if topics is None:
        return []
    found: list[str] = []
    for keyword, line in keywords:
        topic = topics.get(keyword)
        if topic is None:
            problems.add(check, path, line, topics.unknown_message(keyword, field_name), field=field_name)
        elif topic.key in found:
            problems.add("listed-twice", path, line, f"'{field_name}': '{keyword}' is listed twice; keep one", field=field_name)
        else:
            found.append(topic.key)
    return found


def check_item_keywords(topics: TopicList | None, items: Iterable[Any], problems: Problems) -> dict[str, list[str]]:
    """Check the ``keywords`` of other sources (flowcharts: items with ``.path``, ``.uri``, ``.meta``).

    Returns each item's topic keys by uri; unknown keywords are warnings, as for procedures.
    """
    if topics is None:
        return {}
    keys = {}
    for item in items:
        line = item.meta.line_of("keywords")
        keys[item.uri] = check_keywords(topics, item.path, [(k, line) for k in item.meta.keywords], problems)
    return keys
