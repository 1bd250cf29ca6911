"""Problems found in the manual's sources, reported to officers as ``file:line: message [check]``.

Everything that validates input collects ``Problem`` objects instead of raising, so that one run
lists every mistake at once. Each problem names the check that found it
(``generator/core/checklist.py``), which gives its level: errors stop a build, warnings stop a
strict build, notes never do. The MkDocs adapter turns errors into one ``PluginError``, warnings
into plugin-logger warnings and notes into INFO lines; the command line prints them in text,
JSON or GitHub format.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping

from .checklist import CHECKS, ERROR, NOTE, OFF, WARNING

__all__ = ["ERROR", "WARNING", "NOTE", "Problem", "Problems", "ManualError"]


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one source file. ``path`` is relative to the project root, POSIX style;
    ``check`` names the check that found it, whose level ``level`` is."""

    path: str
    line: int
    message: str
    check: str = field(default="", compare=False)
    level: str = field(default=ERROR, compare=False)
    field: str | None = field(default=None, compare=False)

    @classmethod
    def of(cls, check: str, path: str, line: int, message: str, field: str | None = None) -> "Problem":
        """A problem found by ``check``, at the check's default level."""
        return cls(path, line, message, check, CHECKS[check].level, field)

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}" + (f" [{self.check}]" if self.check else "")


class Problems:
    """An ordered, de-duplicated collection of problems."""

    def __init__(self, items: Iterable[Problem] = ()) -> None:
        self._items: dict[Problem, None] = {}
        self.extend(items)

    def add(self, check: str, path: str, line: int, message: str, field: str | None = None) -> None:
        """Record what ``check`` found, at its default level."""
        self._items.setdefault(Problem.of(check, path, line, message, field), None)

    def extend(self, items: Iterable[Problem]) -> None:
        for item in items:
            self._items.setdefault(item, None)

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(self._items))

    def __len__(self) -> int:
        return len(self._items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self if p.level == WARNING]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self if p.level == NOTE]

    def at_levels(self, levels: Mapping[str, str]) -> "Problems":
        """The problems at the levels a partnership set (``checks:`` in mkdocs.yml, check name ->
        level); those of checks set to ``off`` are left out."""
        if not levels:
            return self
        out = Problems()
        for problem in self:
            level = levels.get(problem.check, problem.level)
            if level != OFF:
                out._items.setdefault(dataclasses.replace(problem, level=level), None)
        return out


class ManualError(Exception):
    """Raised by the core when sources have errors that must stop a build.

    It carries every problem found, not only the first; ``str()`` lists them one per line.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(self.render())

    def render(self) -> str:
        count = len(self.problems)
        head = f"The manual has {count} error{'s' if count != 1 else ''} to fix before it can be built:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])
