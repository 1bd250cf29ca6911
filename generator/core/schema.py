"""Records read from YAML, checked against a declared schema: one walker for every kind of source.

Front matter with its ``changes`` and ``related`` lists, info-sheets' ``topics`` and
``resources``, the topic list, glossary terms, flowchart steps and their branches are all
records: blocks of ``name: value`` fields that ``yamlsource`` read with the line of every key and
item. Each kind of record is declared once, as a table of ``Field`` s (name, kind, required, an
example line for the fix). ``check_fields`` walks the fields of one block, ``check_record`` one
record and ``check_list`` a list of records (or a block of them keyed by name, as topics are).
They report every problem at once, with file, line, field and fix, and return clean values. Rules
between fields or between records (a date after another, an id used twice, steps that join up,
newest first) are small functions that run after the walk.

Messages follow one pattern, so that officers meet the same sentences in every source::

    <where>: <what is wrong with the value>     step 'decide': 'type' must be one of step, ...
    <where> has no '<field>': add a line such as '<example>'
    unknown field '<field>' in <where> is ignored: did you mean '<field>'?
    <where> must be a block of fields <with what>, not <the value>

``<where>`` names the record ("step 'decide'", "'changes' entry 2", "topic 'neglect'"); a
file's own fields have none ("'version' must be ...", "'title' is missing: ..."). ``shown`` is
how every message describes a value that is wrong.

A kind is a function ``(value, name) -> (clean value, None)`` or ``(None, message)``; the
message names the field (``'version' must be a whole number such as 14, not 'fourteen'``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Generic, Iterator, Mapping, Sequence, TypeVar, Union

from .checklist import CHECKS, ERROR
from .problems import Problems

T = TypeVar("T")

Kind = Callable[[Any, str], "tuple[Any, str | None]"]


# --------------------------------------------------------------------------- describing values


_LONGEST_SHOWN = 60


def shown(value: Any) -> str:
    """How a message describes a value that is wrong: text in quotes (shortened when long), numbers
    and dates as written, yes or no for YAML's true and false (which ``Yes``, ``No``, ``on`` and
    ``off`` also are), and the shape of anything larger."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return "nothing"
    if isinstance(value, Mapping):
        return "a block of fields" if value else "an empty block"
    if isinstance(value, (list, tuple)):
        return "a list" if value else "an empty list"
    if isinstance(value, str):
        text = value if len(value) <= _LONGEST_SHOWN else value[: _LONGEST_SHOWN - 1] + "…"
        return repr(text)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """``: did you mean 'x'?`` with the choice closest to ``word``, or nothing if none is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f": did you mean '{close[0]}'?" if close else ""


# --------------------------------------------------------------------------- kinds


def anything(value: Any, name: str) -> tuple[Any, str | None]:
    """Any value, kept as written: for fields checked by a rule of their own."""
    return value, None


def text(value: Any, name: str) -> tuple[Any, str | None]:
    """Text, without white space at either end. A number is taken as its text (``title: 1989``)."""
    if isinstance(value, str) and value.strip():
        return value.strip(), None
    if isinstance(value, str):
        return None, f"'{name}' is empty: write some text after '{name}:'"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value), None
    return None, f"'{name}' must be text, not {shown(value)} (put the text in quotes if it looks like something else)"


def phrase(value: Any, name: str) -> tuple[Any, str | None]:
    """Text shown on one line: every run of white space, line breaks too, becomes one space."""
    clean, message = text(value, name)
    return (" ".join(clean.split()) if message is None else None), message


def whole_number(value: Any, name: str) -> tuple[Any, str | None]:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value, None
    if isinstance(value, int) and not isinstance(value, bool):
        return None, f"'{name}' must be a whole number of 1 or more, not {value}"
    return None, f"'{name}' must be a whole number such as 14, not {shown(value)}"


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_iso_date(value: Any) -> dt.date | None:
    """A ``YYYY-MM-DD`` date, or ``None``. ``datetime.date`` passes through. Other ISO forms
    that Python accepts (``2023-W15-5``, ``20230414``) are refused: officers write one form."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def date(value: Any, name: str) -> tuple[Any, str | None]:
    parsed = parse_iso_date(value)
    if parsed is not None:
        return parsed, None
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, f"'{name}' is empty: write a date after '{name}:' as YYYY-MM-DD, for example 2023-04-14"
    if isinstance(value, str):
        return None, f"'{name}' {value.strip()} is not a date (use YYYY-MM-DD, for example 2023-04-14)"
    return None, f"'{name}' must be a date written YYYY-MM-DD, such as 2023-04-14, not {shown(value)}"


def yes_or_no(value: Any, name: str) -> tuple[Any, str | None]:
    if isinstance(value, bool):
        return value, None
    return None, f"'{name}' must be true or false, not {shown(value)}"


def one_of(*choices: str) -> Kind:
    """One of ``choices``, written in any case; a near miss gets a "did you mean"."""

    def kind(value: Any, name: str) -> tuple[Any, str | None]:
        written = value.strip().lower() if isinstance(value, str) else ""
        if written in choices:
            return written, None
        return None, f"'{name}' must be one of {', '.join(choices)}, not {shown(value)}{did_you_mean(written, choices)}"

    return kind


# --------------------------------------------------------------------------- declarations


@dataclass(frozen=True)
class TextList:
    """A field holding a list of text (``keywords: [neglect, early help]``). Each item is
    checked at its own line. The clean value is a list of text, or of (text, line) pairs."""

    should: str = "a list"  # what the field must be: "'related' must be <should> such as ..."
    example: str = "[first, second]"
    item: str = "text"  # what every item must be: "every item of 'topics' must be <item>"
    at_least: int = 0
    noun: str = "item"  # "'topics' is empty: add at least one <noun>"
    fold: bool = False  # every run of white space in an item becomes one space
    lines: bool = False  # (text, line) pairs


@dataclass(frozen=True)
class Field:
    """One field of a kind of record. ``example`` is a line that sets it, for the fix when it is
    missing; ``hint`` is said after that fix, in brackets."""

    name: str
    kind: Union[Kind, "ListOf[Any]", TextList] = anything
    required: bool = False
    example: str = ""
    hint: str = ""


@dataclass(slots=True)
class Values:
    """The clean values of one record, with the line of each field, and what went wrong.

    Rules that run after the walk report through ``wrong``, at a field's line and naming the
    record as the walk did; any error leaves ``ok`` false."""

    report: "Report"
    where: str  # how messages name this record ("" for a whole file)
    line: int
    raw: Mapping[Any, Any]
    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    failed: set[str] = field(default_factory=set)  # fields present but wrong
    ok: bool = True
    key: str = ""  # the item's key, in a block of records keyed by name
    number: int = 0  # the item's place in its list, from 1

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def __contains__(self, name: str) -> bool:
        return name in self.values

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)

    def wrong(self, name: str, message: str, *, check: str | None = None, line: int | None = None) -> None:
        """Report what is wrong with field ``name`` (at its line), after the record's name."""
        self.say(name, f"{self.where}: {message}" if self.where else message, check=check, line=line)

    def say(self, name: str, message: str, *, check: str | None = None, line: int | None = None) -> None:
        """Report ``message``, which names the record itself, about field ``name`` (at its line)."""
        if self.report.add(line if line is not None else self.line_of(name), message, name, check=check):
            self.ok = False


@dataclass(slots=True)
class Item:
    """One item of a list being walked: its place, key (for a keyed block), value and line, the
    field the list is in, and the name of the record that field belongs to (``within``)."""

    number: int
    key: Any
    value: Any
    line: int
    field: str
    within: str


def entry(item: Item) -> str:
    """The usual name of an item in messages: ``'changes' entry 2``."""
    return f"'{item.field}' entry {item.number}"


def _no_rules(values: Values) -> None:
    return None


@dataclass(frozen=True)
class Record(Generic[T]):
    """A kind of record: its fields, what a block of them must hold (for "must be a block of
    fields <holds>"), and ``make``, which builds the clean value from ``Values`` when every field
    is right. ``rules`` run first, always, on the fields that are right: what one field means
    for another (a step's 'next' depends on its 'type'); they report through ``Values.wrong``.

    ``problem_field`` is the field every problem is filed under (``changes`` for a 'changes'
    entry); ``None`` files each under the field it is about."""

    fields: tuple[Field, ...]
    make: Callable[[Values], T]
    holds: str = ""
    problem_field: str | None = None
    rules: Callable[[Values], None] = _no_rules


@dataclass(frozen=True)
class ListOf(Generic[T]):
    """A list of records (or, ``keyed``, a block with one record per key, as topics are).

    ``should`` is what the list must be ("'steps' must be <should>, not ..."); ``where`` names one
    item in messages; ``noun`` is one item in words ("add at least one <noun>")."""

    record: Record[T]
    should: str
    where: Callable[[Item], str] = entry
    noun: str = "entry"
    at_least: int = 0
    keyed: bool = False
    key_example: str = ""  # for a keyed block: "the topic key 1 must be text, such as '<key_example>'"


# --------------------------------------------------------------------------- reporting


@dataclass(slots=True)
class Report:
    """Where the problems of one source go: its path, the collection, and the check that names
    a wrong value here (``front-matter``, ``flowchart-source`` ...)."""

    path: str
    problems: Problems
    check: str
    field: str | None = None  # files every problem under this field (see Record.problem_field)

    def add(self, line: int, message: str, field: str | None = None, *, check: str | None = None) -> bool:
        """Report a problem; ``True`` if it is an error."""
        name = check or self.check
        self.problems.add(name, self.path, line, message, field=self.field or field)
        return CHECKS[name].level == ERROR

    def within(self, field: str | None) -> "Report":
        """The same report, filing problems under ``field`` when it is given."""
        return Report(self.path, self.problems, self.check, field or self.field) if field else self


# --------------------------------------------------------------------------- the walk


def check_fields(fields: Sequence[Field], data: Mapping[Any, Any], report: Report, *, where: str = "", line: int = 0) -> Values:
    """Check every field of the block ``data`` against ``fields``: unknown fields (a warning, with
    the nearest name), missing required ones, and each value against its kind."""
    lines: Mapping[Any, int] = getattr(data, "lines", {})
    out = Values(report, where, line, data, lines={str(k): v for k, v in lines.items()})
    known = {f.name: f for f in fields}
    for key, value in data.items():
        name = str(key)
        spec = known.get(name)
        if spec is None:
            _unknown(name, value, data, lines, list(known), report, where, line)
            continue
        clean, ok = _value(spec, value, out)
        if clean is not None:  # a list keeps its good items when another is wrong
            out.values[name] = clean
        if not ok:
            out.failed.add(name)
    for spec in fields:
        if spec.required and spec.name not in data:
            fix = f"add a line such as '{spec.example or spec.name + ': ...'}'" + (f" ({spec.hint})" if spec.hint else "")
            said = f"{where} has no '{spec.name}': {fix}" if where else f"'{spec.name}' is missing: {fix}"
            if report.add(line, said, spec.name):
                out.ok = False
    return out


def _unknown(
    name: str, value: Any, data: Mapping[Any, Any], lines: Mapping[Any, int], names: list[str],
    report: Report, where: str, line: int,
) -> None:
    at = lines.get(name, line)
    # `{label: A, description: Food, warmth and care}` splits at the comma: the rest is a key with no value.
    split = value is None and sum(1 for other in data if lines.get(other) == at) > 1
    if split:
        hint = ": if it belongs to the text before it, put that text in quotes (a comma inside { } starts a new field)"
    else:
        others = f"; the fields are {', '.join(names)}" if len(names) > 1 else f"; the only field is '{names[0]}'"
        hint = did_you_mean(name, names) or others
    within = f" in {where}" if where else ""
    report.add(at, f"unknown field '{name}'{within} is ignored{hint}", name, check="unknown-field")


def _value(spec: Field, value: Any, out: Values) -> tuple[Any, bool]:
    """The clean value of one field, and whether it is right (problems reported)."""
    if isinstance(spec.kind, TextList):
        return _text_list(spec.kind, spec.name, value, out, out.line_of(spec.name))
    if isinstance(spec.kind, ListOf):
        listed = check_list(spec.kind, value, out.report, name=spec.name, line=out.line_of(spec.name), within=out.where)
        out.ok = out.ok and listed.ok
        return (listed.items if listed.shaped else None), listed.ok
    clean, message = spec.kind(value, spec.name)
    if message is not None:
        out.wrong(spec.name, message)
        return None, False
    return clean, True


def _text_list(spec: TextList, name: str, value: Any, out: Values, line: int) -> tuple[Any, bool]:
    if isinstance(value, str):
        out.wrong(name, f"'{name}' must be {spec.should} such as [{value.strip()}], not plain text")
        return None, False
    if not isinstance(value, list):
        out.wrong(name, f"'{name}' must be {spec.should} such as {spec.example}, not {shown(value)}")
        return None, False
    if len(value) < spec.at_least:
        out.wrong(name, f"'{name}' is empty: add at least one {spec.noun}, such as {spec.example}")
        return None, False
    items: list[Any] = []
    ok = True
    for index, item in enumerate(value):
        item_line = value.line_of(index) if hasattr(value, "line_of") else line
        if not isinstance(item, str) or not item.strip():
            out.wrong(name, f"every item of '{name}' must be {spec.item}, not {shown(item)}", line=item_line)
            ok = False
            continue
        clean = " ".join(item.split()) if spec.fold else item.strip()
        items.append((clean, item_line) if spec.lines else clean)
    return items, ok


def check_record(record: Record[T], value: Any, report: Report, *, where: str = "", line: int = 0, what: str = "",
                 key: str = "", number: int = 0) -> T | None:
    """One record: a block of fields, checked and made into its clean value; ``None`` if it has
    any error (every problem is reported). ``what`` names a whole file's block ("front matter")."""
    report = report.within(record.problem_field)
    if not isinstance(value, Mapping):
        subject = where or f"the {what}"
        report.add(line, f"{subject} must be a block of fields {record.holds}, not {shown(value)}")
        return None
    values = check_fields(record.fields, value, report, where=where, line=line)
    values.key, values.number = key, number
    record.rules(values)
    return record.make(values) if values.ok else None


@dataclass(slots=True)
class Listed(Generic[T]):
    """What ``check_list`` found: the records that are right, whether all were (``ok``), and
    whether the list itself had the right shape (``shaped``)."""

    items: list[T] = field(default_factory=list)
    ok: bool = True
    shaped: bool = True


def check_list(spec: ListOf[T], value: Any, report: Report, *, name: str, line: int, within: str = "",
               subject: str = "") -> Listed[T]:
    """Every record of the list (or keyed block) ``value`` of field ``name``: the right ones, and
    whether all were. ``subject`` names the list in the message about its shape (``'name'``)."""
    report = report.within(spec.record.problem_field)
    if not isinstance(value, dict if spec.keyed else list):
        subject = subject or f"'{name}'"
        report.add(line, f"{subject} must be {spec.should}, not {shown(value)} (see the authoring guide)", name)
        return Listed(ok=False, shaped=False)
    if len(value) < spec.at_least:
        report.add(line, f"'{name}' is empty: add at least one {spec.noun}", name)
        return Listed(ok=False, shaped=False)
    out: Listed[T] = Listed()
    for item in _items(value, spec.keyed, line, name, within):
        if spec.keyed and (not isinstance(item.key, str) or not item.key.strip()):
            report.add(item.line, f"the {spec.noun} key {shown(item.key)} must be text, such as '{spec.key_example}'", name)
            out.ok = False
            continue
        made = check_record(spec.record, item.value, report, where=spec.where(item), line=item.line,
                            key=item.key if spec.keyed else "", number=item.number)
        if made is None:
            out.ok = False
        else:
            out.items.append(made)
    return out


def _items(value: Any, keyed: bool, line: int, name: str, within: str) -> Iterator[Item]:
    lines = getattr(value, "lines", None)
    if keyed:
        for number, (key, item) in enumerate(value.items(), 1):
            yield Item(number, key, item, (lines or {}).get(key, line), name, within)
    else:
        for number, item in enumerate(value, 1):
            at = value.line_of(number - 1) if hasattr(value, "line_of") else line
            yield Item(number, None, item, at, name, within)
