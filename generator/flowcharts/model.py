"""Flowchart sources (``flowcharts/<name>.yml``): load, validate, and check links and embeds.

A flowchart file has the front-matter fields of a procedure (``title``, ``version``,
``last_updated``, ``summary``, ``changes`` ..., checked by ``generator.core.frontmatter``) and a
list of ``steps``. The first step is the start; ``next`` is one id, or for a decision a list of
labelled branches. Every mistake becomes a ``Problem`` with the file and line, never an
exception, so that one run lists them all.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

from ..core import textfile, yamlsource
from ..core.files import source_files
from ..core.frontmatter import FrontMatter, procedure_fields, validate
from ..core.problems import Problem, Problems
from ..core.schema import (
    Field, Item, ListOf, Record, Report, Values, anything, check_list, did_you_mean, one_of, phrase, shown, text,
)

STEP_TYPES = ("step", "decision", "end")

# A flowchart's name is its file name without `.yml`: it is the page's address and what
# `!flowchart <name>` refers to, so it stays simple.
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

_TITLE, *_PAGE_FIELDS = procedure_fields(
    "title", "version", "last_updated", "summary", "review_due", "owner", "keywords", "changes"
)
FLOWCHART_FIELDS: tuple[Field, ...] = (
    replace(_TITLE, hint=""),  # a flowchart has no '# Title' heading to give its title
    *_PAGE_FIELDS,  # keywords: topics, checked against the topic list by generator.topics
    Field("steps", anything, required=True, example="steps:", hint="followed by the steps, each starting with '- id:'"),
)

# `!flowchart referral` (or `!flowchart referral.yml`) on a line of its own embeds a flowchart.
EMBED = re.compile(r"^!flowchart[ \t]+(?P<name>\S+)[ \t]*$")
_EMBED_LIKE = re.compile(r"^[ \t]*!flow\w*")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")


# --------------------------------------------------------------------------- the model


@dataclass(frozen=True)
class Branch:
    """Where a step leads: one per `next` of a step, one per labelled branch of a decision."""

    to: str
    label: str = ""
    line: int = 0


@dataclass
class Step:
    id: str
    text: str
    type: str = "step"
    next: list[Branch] = field(default_factory=list)
    timescale: str = ""
    link: str = ""  # as written in the source
    link_uri: str = ""  # the page it points to, as a path in the site ("statutory/referrals.md")
    link_anchor: str = ""
    line: int = 0
    link_line: int = 0


@dataclass
class Flowchart:
    name: str
    path: str  # the source, relative to the project root: "flowcharts/referral.yml"
    folder: str
    meta: FrontMatter
    steps: list[Step]

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def uri(self) -> str:
        """The flowchart's own (generated) page in the site."""
        return f"{self.folder}/{self.name}.md"

    @property
    def svg_uri(self) -> str:
        """The diagram alone, as an SVG file to download."""
        return f"{self.folder}/{self.name}.svg"

    def number(self, step_id: str) -> int:
        """The step's number in the text version (1 for the first step)."""
        for index, step in enumerate(self.steps, 1):
            if step.id == step_id:
                return index
        raise KeyError(step_id)

    def step(self, step_id: str) -> Step:
        return self.steps[self.number(step_id) - 1]


@dataclass
class Library:
    """Every flowchart of a project, by name, with the problems found in their sources."""

    folder: str
    charts: dict[str, Flowchart] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)
    files: list[str] = field(default_factory=list)

    @property
    def by_uri(self) -> dict[str, Flowchart]:
        return {chart.uri: chart for chart in self.charts.values()}

    def embed_name(self, written: str) -> str:
        """The name in `!flowchart <written>`: `referral`, `referral.yml` or `flowcharts/referral.yml`."""
        name = written.strip()
        if name.startswith(self.folder + "/"):
            name = name[len(self.folder) + 1 :]
        return name[:-4] if name.endswith(".yml") else name


# --------------------------------------------------------------------------- loading


@dataclass
class _Parsed:
    stamp: tuple[int, int]
    chart: Flowchart | None
    problems: list[Problem]


class FlowchartCache:
    """Parsed flowcharts kept across `mkdocs serve` rebuilds, invalidated by mtime and size."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str, dt.date], _Parsed] = {}

    def parse(self, path: Path, rel: str, folder: str, today: dt.date) -> _Parsed:
        stamp = textfile.stamp(path)
        key = (str(path), folder, today)
        entry = self._entries.get(key)
        if entry is None or entry.stamp != stamp:
            problems = Problems()
            try:
                data = textfile.read_bytes(path)
            except textfile.TextFileError as error:
                problems.add("file-unreadable", rel, error.line, error.message)
                data = None
            chart = parse_flowchart(data, rel, folder, problems, today=today) if data is not None else None
            entry = _Parsed(stamp, chart, list(problems))
            self._entries[key] = entry
        return entry


def load_library(root: Path, folder: str, *, today: dt.date, cache: FlowchartCache | None = None) -> Library:
    """Read and validate every `<folder>/*.yml`. A missing folder means no flowcharts."""
    folder = folder.strip("/")
    cache = cache or FlowchartCache()
    library = Library(folder)
    directory = root / folder
    if not directory.is_dir():
        return library
    for path in source_files(directory, (".yml", ".yaml"), recursive=False):
        rel = path.relative_to(root).as_posix()
        if path.suffix == ".yaml":
            library.problems.add(
                "flowchart-file-name", rel, 0, f"is ignored: flowchart files end in '.yml'; rename it to {path.stem}.yml"
            )
            continue
        library.files.append(rel)
        parsed = cache.parse(path, rel, folder, today)
        library.problems.extend(parsed.problems)
        if parsed.chart is not None:
            library.charts[parsed.chart.name] = parsed.chart
    _check_flowchart_links(library)
    return library


def parse_flowchart(data: bytes, rel: str, folder: str, problems: Problems, *, today: dt.date) -> Flowchart | None:
    """One flowchart file. ``None`` (with problems added) if it has any error."""
    before = len(problems.errors)
    name = posixpath.splitext(posixpath.basename(rel))[0]
    if not NAME.match(name):
        problems.add("flowchart-source",
            rel, 0,
            f"the file name '{name}.yml' may use only lowercase letters, digits and hyphens, such as "
            "'returning-home.yml': it becomes the page's address and the name in '!flowchart <name>'",
        )
    try:
        text = textfile.decode(data)
    except textfile.TextFileError as error:
        problems.add("file-unreadable", rel, error.line, error.message)
        return None
    if not text.strip():
        problems.add("flowchart-source", rel, 1,
                     "the file is empty: start it with 'title:', 'version:', 'last_updated:' and 'steps:' "
                     "(see the authoring guide)")
        return None
    try:
        source = yamlsource.load(text)
    except yamlsource.YamlError as error:
        problems.add("yaml-syntax", rel, error.line, error.described)
        return None
    meta = validate(source, rel, problems, today=today, fields=FLOWCHART_FIELDS, what="flowchart file", check="flowchart-source")
    if not isinstance(source, dict) or "steps" not in source:
        return None
    line = getattr(source, "lines", {}).get("steps", 1)
    steps = check_list(STEPS, source["steps"], Report(rel, problems, "flowchart-source"), name="steps", line=line)
    if steps.ok:
        _check_graph(steps.items, rel, problems)
    if meta is None or not steps.ok or len(problems.errors) > before:
        return None
    return Flowchart(name, rel, folder, meta, steps.items)


def _id(value: Any) -> str | None:
    """Ids are text; a bare number (`id: 3`) is accepted as the text '3'."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int)):
        return str(value).strip() or None
    return None


def _step_id(value: Any, name: str) -> tuple[Any, str | None]:
    """The kind of 'id', and of 'to' and 'next', which name a step by its id."""
    found = _id(value)
    if found is not None:
        return found, None
    if name == "id":
        return None, f"'id' must be a short name such as 'referral', not {shown(value)}"
    return None, f"'{name}' must be the id of a step, such as '{name}: assess', not {shown(value)}"


def _link(value: Any, name: str) -> tuple[Any, str | None]:
    """A step's 'link': (as written, the page in the site, #anchor)."""
    written, message = text(value, name)
    if message is not None:
        return None, message
    uri, anchor, message = parse_link(written)
    return (None, message) if message else ((written, uri, anchor), None)


def _step_where(item: Item) -> str:
    """A step is named by its id when that is right, else by its place in the list."""
    step_id = _id(item.value.get("id")) if isinstance(item.value, dict) else None
    return f"step '{step_id}'" if step_id else f"step {item.number}"


def _make_step(values: Values) -> Step:
    link, link_uri, link_anchor = values.get("link", ("", "", ""))
    return Step(
        id=values["id"], text=values["text"], type=values.get("type", "step"), next=values["next"],
        timescale=values.get("timescale", ""), link=link, link_uri=link_uri, link_anchor=link_anchor,
        line=values.line, link_line=values.line_of("link"),
    )


EXAMPLE_BRANCHES = '\n  next:\n    - {label: "Yes", to: protect}\n    - {label: "No", to: assess}'


def _check_next(step: Values) -> None:
    """A step's 'next' as its 'type' wants it: none for an end, one id for a step, two or more
    labelled branches for a decision. The branches go in ``step['next']``."""
    if "type" in step.failed:
        return
    kind = step.get("type", "step")
    if kind == "end":
        _check_end_next(step)
    elif kind == "step":
        _check_step_next(step)
    else:
        _check_decision_next(step)


def _check_end_next(step: Values) -> None:
    """An end has no 'next'."""
    if "next" in step.raw:
        step.say("next", f"{step.where} is an end ('type: end'), so it has no 'next': remove 'next', or change 'type'")
    else:
        step.values["next"] = []


def _check_step_next(step: Values) -> None:
    """A plain step leads to one step: 'next' is one id."""
    where, value = step.where, step.raw.get("next")
    if "next" not in step.raw:
        step.say("next",
            f"{where} has no 'next': add 'next:' with the id of the step that follows, "
            "or 'type: end' if the flowchart ends here",
            line=step.line,
        )
    elif isinstance(value, list):
        step.say("next",
            f"{where} has a list under 'next': a step leads to one step ('next: assess'); "
            "to offer a choice, add 'type: decision' and label each branch",
        )
    else:
        target, message = _step_id(value, "next")
        if message is not None:
            step.wrong("next", message)
        else:
            step.values["next"] = [Branch(target, "", step.line_of("next"))]


def _check_decision_next(step: Values) -> None:
    """A decision has two or more labelled branches, each label used once."""
    where, line = step.where, step.line_of("next")
    written = "next" in step.raw
    value = step.raw.get("next")
    if not written or not isinstance(value, list):
        found = "no 'next'" if not written else f"'next: {value}'" if _id(value) else f"{shown(value)} under 'next'"
        step.say("next",
            f"{where} is a decision with {found}: a decision needs at least two labelled branches, such as{EXAMPLE_BRANCHES}",
            line=line if written else step.line,
        )
        return
    branches = check_list(BRANCHES, value, step.report, name="next", line=line, within=where)
    step.ok = step.ok and branches.ok
    labels: dict[str, int] = {}
    for branch in branches.items:
        first = labels.setdefault(branch.label.casefold(), branch.line)
        if first != branch.line:
            step.say("next",
                f"{where}: the branch label '{branch.label}' is used twice (first on line {first}); "
                "give each branch its own label",
                line=branch.line,
            )
    if branches.ok and len(branches.items) < 2:
        step.say("next",
            f"{where} is a decision with only {len(branches.items)} branch: a decision needs at least two; "
            "for a single way on, remove 'type: decision' and write 'next: <id>'",
        )
    elif step.ok:
        step.values["next"] = branches.items


BRANCH: Record[Branch] = Record(
    (
        Field("label", phrase, required=True, example='label: "Yes"'),
        Field("to", _step_id, required=True, example="to: protect"),
    ),
    make=lambda values: Branch(values["to"], values["label"], values.line_of("to")),
    holds="with 'label' and 'to', such as '{label: \"Yes\", to: protect}'",
    problem_field="next",
)
BRANCHES: ListOf[Branch] = ListOf(
    BRANCH, should="a list of branches", where=lambda item: f"branch {item.number} of {item.within}"
)

STEP: Record[Step] = Record(
    (
        Field("id", _step_id, required=True, example="id: referral", hint="ids are how 'next' and 'to' find a step"),
        Field("text", phrase, required=True, example="text: Referral to children's social care"),
        Field("type", one_of(*STEP_TYPES)),
        Field("next"),  # checked by _check_next, as the step's type wants it
        Field("timescale", phrase),
        Field("link", _link),
    ),
    make=_make_step,
    holds="starting with 'id:' and 'text:'",
    rules=_check_next,
)
STEPS: ListOf[Step] = ListOf(
    STEP, should="a list of steps, each starting with '- id:'", where=_step_where, noun="step", at_least=1
)


def _check_graph(steps: list[Step], path: str, problems: Problems) -> None:
    """Duplicate ids, unknown targets, steps leading to themselves; then, if the file has no
    errors so far, unreachable steps."""
    first_line = _check_ids(steps, path, problems)
    _check_targets(steps, first_line, path, problems)
    if not problems.errors:
        _check_reachable(steps, path, problems)


def _check_ids(steps: list[Step], path: str, problems: Problems) -> dict[str, int]:
    """Each id used once: the line each id is first used on."""
    first_line: dict[str, int] = {}
    for step in steps:
        first = first_line.setdefault(step.id, step.line)
        if first != step.line:
            problems.add("flowchart-source", path, step.line,
                         f"the id '{step.id}' is used by two steps (first on line {first}): give each step its own id",
                         field="id")
    return first_line


def _check_targets(steps: list[Step], first_line: dict[str, int], path: str, problems: Problems) -> None:
    """Every 'next' and 'to' names another step."""
    ids = list(first_line)
    for step in steps:
        for branch in step.next:
            field_name = "to" if branch.label else "next"
            what = f"branch '{branch.label}' of step '{step.id}'" if branch.label else f"step '{step.id}'"
            if branch.to not in first_line:
                problems.add("flowchart-source",
                    path, branch.line,
                    f"{what}: '{field_name}: {branch.to}' does not match the id of any step{did_you_mean(branch.to, ids)}",
                    field=field_name,
                )
            elif branch.to == step.id:
                problems.add("flowchart-source", path, branch.line,
                             f"{what} leads to itself: point '{field_name}' at another step", field=field_name)


def _check_reachable(steps: list[Step], path: str, problems: Problems) -> None:
    """Every step can be reached from the first."""
    by_id = {step.id: step for step in steps}
    reached = {steps[0].id}
    todo = [steps[0].id]
    while todo:
        for branch in by_id[todo.pop()].next:
            if branch.to not in reached:
                reached.add(branch.to)
                todo.append(branch.to)
    for step in steps:
        if step.id not in reached:
            problems.add("flowchart-source",
                path, step.line,
                f"step '{step.id}' cannot be reached from the first step '{steps[0].id}': no 'next' or 'to' leads to it; "
                "point another step at it, or remove it",
                field="id",
            )


# --------------------------------------------------------------------------- links


def parse_link(link: str) -> tuple[str, str, str | None]:
    """``(target path in the site, #anchor, error)`` for a step's ``link``.

    ``flowcharts/x.yml`` points to that flowchart's page (``flowcharts/x.md``); a path ending in
    ``.md`` is a page of the site, written as in mkdocs.yml's nav (``statutory/referrals.md``).
    """
    example = "a page of this manual, such as statutory/referrals.md, or a flowchart, such as flowcharts/referral.yml"
    if "://" in link or link.startswith(("//", "mailto:", "tel:")):
        return "", "", f"'link' must be {example}, not a web address; put links to other websites in the procedure's text"
    if link.startswith("/"):
        return "", "", f"write 'link' without the leading '/', as '{link.lstrip('/')}'"
    target, _, anchor = link.partition("#")
    clean = posixpath.normpath(target) if target else ""
    if clean.startswith("..") or not clean or clean == ".":
        return "", "", f"'link' must be {example}, not '{link}'"
    if clean.endswith(".yml"):
        return clean[:-4] + ".md", anchor, None
    if clean.endswith(".md"):
        return clean, anchor, None
    return "", "", (
        "'link' must end in .md (a page, such as statutory/referrals.md) "
        f"or .yml (a flowchart, such as flowcharts/referral.yml), not '{link}'"
    )


def _check_flowchart_links(library: Library) -> None:
    """Links from one flowchart to another must name a flowchart that exists (and is valid)."""
    known = {chart.name for chart in library.charts.values()}
    files = {posixpath.splitext(posixpath.basename(f))[0] for f in library.files}
    for chart in library.charts.values():
        for step in chart.steps:
            if not step.link.split("#")[0].endswith(".yml"):
                continue
            folder, name = posixpath.split(step.link_uri[:-3])
            if folder != library.folder:
                library.problems.add("flowchart-link",
                    chart.path, step.link_line,
                    f"step '{step.id}': 'link' {step.link} is not in the flowcharts folder; write '{library.folder}/{name}.yml'",
                    field="link",
                )
            elif name not in files:
                library.problems.add("flowchart-link",
                    chart.path, step.link_line,
                    f"step '{step.id}': 'link' {step.link} is not a flowchart: there is no {library.folder}/{name}.yml"
                    f"{did_you_mean(name, sorted(files))}",
                    field="link",
                )
            elif name not in known:
                pass  # that flowchart has its own errors, reported in its own file


def check_page_links(library: Library, known_pages: Iterable[str]) -> Problems:
    """Links to pages (``.md``) must name a page the site builds: an error for any other."""
    known = set(known_pages) | set(library.by_uri)
    problems = Problems()
    for chart in library.charts.values():
        for step in chart.steps:
            if not step.link_uri or step.link.split("#")[0].endswith(".yml") or step.link_uri in known:
                continue
            problems.add("flowchart-link",
                chart.path, step.link_line,
                f"step '{step.id}': 'link' {step.link} is not a page of this site{did_you_mean(step.link_uri, sorted(known))} "
                "(write the page's path as in mkdocs.yml's nav; a draft page is not in the site)",
                field="link",
            )
    return problems


# --------------------------------------------------------------------------- embeds


def find_embeds(text: str) -> Iterable[tuple[int, str, str | None]]:
    """``(line, line text, name or None if malformed)`` for each `!flowchart` line outside code fences."""
    fence = ""
    for number, line in enumerate(text.splitlines(), 1):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        if _EMBED_LIKE.match(line):
            match = EMBED.match(line.strip())
            yield number, line.strip(), match.group("name") if match else None


def check_embeds(library: Library, sources: Iterable[tuple[str, str, int]]) -> Problems:
    """Check every `!flowchart` line in ``sources``: ``(path, Markdown text, line of its first line)``."""
    problems = Problems()
    files = {posixpath.splitext(posixpath.basename(f))[0] for f in library.files}
    names = sorted(files)
    example = names[0] if names else "referral"
    for path, markdown, first_line in sources:
        for number, written, name in find_embeds(markdown):
            line = first_line + number - 1
            if name is None:
                problems.add("flowchart-embed",
                    path, line,
                    f"'{written}' is not a flowchart embed: write '!flowchart <name>' on a line of its own, "
                    f"such as '!flowchart {example}' for {library.folder}/{example}.yml",
                )
                continue
            chart = library.embed_name(name)
            if chart in files:
                continue  # a flowchart with errors of its own is reported in its file
            available = f"; the flowcharts are {', '.join(names)}" if names else f"; there are no flowcharts in {library.folder}/"
            problems.add("flowchart-embed",
                path, line,
                f"'!flowchart {name}': there is no flowchart {library.folder}/{chart}.yml"
                f"{did_you_mean(chart, names) or available}",
            )
    return problems
