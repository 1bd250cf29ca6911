"""YAML that remembers where each value came from, and fails with officer-friendly messages.

Three deliberate differences from ``yaml.safe_load``:

* every mapping and list records the line of each item, so that validation can say
  ``file:line`` for a nested field (a ``changes`` entry, a glossary term, a flowchart step);
* dates are *not* turned into ``datetime.date`` by the loader: an impossible date such as
  ``2023-13-45`` would otherwise raise deep inside PyYAML. Dates stay text and the schema parses
  them, so the message can name the field and the fix;
* a key given twice in one mapping is an error (PyYAML silently keeps the last one).
"""

from __future__ import annotations

from typing import Any, Iterator

import yaml


class YamlError(Exception):
    """A source is not valid YAML. ``line`` and ``column`` are 1-based, in the whole file."""

    def __init__(self, message: str, line: int, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column

    @property
    def described(self) -> str:
        """The message with its column, for ``file:line: ...`` reports."""
        return f"{self.message} (column {self.column})" if self.column else self.message


class LocatedDict(dict[Any, Any]):
    """A mapping from YAML that knows its own line and the line of each key."""

    line: int = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lines: dict[Any, int] = {}

    def line_of(self, key: Any) -> int:
        return self.lines.get(key, self.line)


class LocatedList(list[Any]):
    """A sequence from YAML that knows its own line and the line of each item."""

    line: int = 0

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


def line_of(value: Any, default: int = 0) -> int:
    """The line a YAML value started on, for values that record one."""
    return getattr(value, "line", default) or default


class _LocatingLoader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver, building Located containers.

    Its error messages are the ones officers see, so failures are always explained by it.
    """

    line_offset = 0


# libyaml's parser, when PyYAML has it, parses about ten times faster; the constructors, and so
# the line numbers and checks, are the same. Invalid YAML is parsed again by _LocatingLoader for its message.
_FastLoader: Any = type("_FastLoader", (yaml.CSafeLoader,), {"line_offset": 0}) if yaml.__with_libyaml__ else _LocatingLoader

RESOLVERS_WITHOUT_DATES = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LocatingLoader.yaml_implicit_resolvers = RESOLVERS_WITHOUT_DATES
_FastLoader.yaml_implicit_resolvers = RESOLVERS_WITHOUT_DATES


def _construct_mapping(loader: _LocatingLoader, node: yaml.MappingNode) -> Iterator[LocatedDict]:
    mapping = LocatedDict()
    mapping.line = node.start_mark.line + 1 + loader.line_offset
    yield mapping
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key_line = key_node.start_mark.line + 1 + loader.line_offset
        try:
            hash(key)
        except TypeError:
            message = "a key here is not plain text; write `name: value`"
            raise YamlError(message, key_line, key_node.start_mark.column + 1) from None
        if key in mapping:
            raise YamlError(
                f"'{key}' is given twice in the same block (first on line {mapping.lines[key]}); keep one",
                key_line,
                key_node.start_mark.column + 1,
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_line


def _construct_sequence(loader: _LocatingLoader, node: yaml.SequenceNode) -> Iterator[LocatedList]:
    sequence = LocatedList()
    sequence.line = node.start_mark.line + 1 + loader.line_offset
    yield sequence
    for child in node.value:
        sequence.append(loader.construct_object(child, deep=True))
        sequence.lines.append(child.start_mark.line + 1 + loader.line_offset)


for _loader in {_LocatingLoader, _FastLoader}:
    _loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
    _loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)

class _TolerantLoader(_LocatingLoader):
    """``_LocatingLoader`` for files another tool reads too (mkdocs.yml): its own tags (``!ENV``,
    ``!relative``, ``!!python/name:``) are accepted and read as nothing."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load_tolerant(text: str) -> Any:
    """Parse YAML that may hold other tools' tags, with located containers. Raises ``YamlError``."""
    loader = _TolerantLoader(text)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise YamlError(_friendly(error), mark.line + 1 if mark else 1, mark.column + 1 if mark else 0) from None
    except yaml.YAMLError as error:
        raise YamlError(f"the YAML is not valid ({error})", 1) from None
    finally:
        loader.dispose()


_HINTS = (
    ("mapping values are not allowed", "check the indentation, and put text that contains ': ' in quotes"),
    ("could not find expected ':'", "each line should be `name: value`; check for a missing colon or a stray line"),
    ("found character '\\t'", "use spaces, not tabs, to indent"),
    ("found undefined alias", "a '*' starts a YAML alias; put text that starts with '*' in quotes"),
    ("expected <block end>", "check the indentation: items of one list or block must line up"),
    ("found unexpected end of stream", "a quote or bracket is not closed"),
    ("while scanning a quoted scalar", "a quote is not closed"),
    ("could not determine a constructor",
     "a '!' starts a YAML tag, which is not allowed here; put text that starts with '!' in quotes"),
)


def _friendly(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or str(error)
    for needle, hint in _HINTS:
        if needle in problem or needle in (error.context or ""):
            return f"the YAML is not valid ({problem}): {hint}"
    return f"the YAML is not valid ({problem})"


def _too_deep(line_offset: int) -> YamlError:
    """Thousands of nested brackets exhaust Python's stack; no real source nests that deep."""
    return YamlError(
        "the YAML nests lists or blocks too deeply to read: check for unclosed '[' or '{' brackets",
        line_offset + 1,
    )


def load(text: str, line_offset: int = 0) -> Any:
    """Parse one YAML document. Raises ``YamlError`` with a whole-file line number.

    ``line_offset`` is the number of lines before ``text`` in its file (front matter starts on
    line 2 of a Markdown page).
    """
    if _FastLoader is not _LocatingLoader:
        fast = _FastLoader(text)
        fast.line_offset = line_offset
        try:
            return fast.get_single_data()
        except yaml.YAMLError:
            pass  # explained below, with the pure-Python loader's messages
        except RecursionError:
            raise _too_deep(line_offset) from None
        finally:
            fast.dispose()
    loader = _LocatingLoader(text)
    loader.line_offset = line_offset
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if "end of stream" in (error.problem or "") and error.context_mark is not None:
            mark = error.context_mark  # an unclosed quote or bracket: where it opens, not the file's end
        line = (mark.line + 1 + line_offset) if mark else line_offset + 1
        column = (mark.column + 1) if mark else 0
        raise YamlError(_friendly(error), line, column) from None
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML raises marked errors for text input
        raise YamlError(f"the YAML is not valid ({error})", line_offset + 1) from None
    except RecursionError:
        raise _too_deep(line_offset) from None
    finally:
        loader.dispose()
