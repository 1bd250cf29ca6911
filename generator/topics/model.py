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
from ..core.problems import Problems
from ..core.schema import Field, ListOf, Record, Report, Values, check_list, text
from ..project import located_option

TOPICS_FILE = "topics.yml"
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
        shown = f"{config_name} (procedures plugin option 'topics')"
        return validate_topics(option, shown, config_name, problems, start_line=start_line)
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


def _topic(values: Values) -> tuple[str, Topic]:
    """The topic, with its key as it was written (for the message about two keys that are one)."""
    return values.key, Topic(normalise(values.key), values["label"], values["description"], values.line)


TOPIC: Record[tuple[str, Topic]] = Record(
    (
        Field("label", text, required=True, example="label: Neglect"),
        Field("description", text, required=True, example="description: One line about it."),
    ),
    make=_topic,
    holds="with a label and a description, such as '{label: Neglect, description: One line about it.}'",
    problem_field="topics",
)
TOPICS: ListOf[tuple[str, Topic]] = ListOf(
    TOPIC,
    should=f"a block with one topic per key, such as '{EXAMPLE}'",
    where=lambda item: f"topic '{item.key}'",
    noun="topic",
    at_least=1,
    keyed=True,
    key_example="early help",
)


def validate_topics(data: Any, source: str, path: str, problems: Problems, *, start_line: int = 1) -> TopicList | None:
    """Check a parsed topic list. Every mistake is reported; ``None`` if there was an error."""
    report = Report(path, problems, "topic-list", field="topics")
    listed = check_list(TOPICS, data, report, name="topics", line=start_line, subject="the topics")
    result = TopicList(source=source)
    for written, topic in listed.items:
        first = result.topics.setdefault(topic.key, topic)
        if first is not topic:
            report.add(topic.line, f"the topic '{written}' is the same as '{first.key}' (line {first.line}): keys are "
                       "compared without regard to case or spaces; keep one")
            listed.ok = False
    if not listed.ok:
        return None
    labels: dict[str, Topic] = {}
    for topic in result.topics.values():
        other = labels.setdefault(topic.label.casefold(), topic)
        if other is not topic:
            report.add(topic.line, f"the topics '{other.key}' and '{topic.key}' have the same label '{topic.label}': readers "
                       "cannot tell them apart; give each its own label", check="topic-label-clash")
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
