"""Problems found in the manual's sources, reported to officers as ``file:line: message``.

Everything that validates input collects ``Problem`` objects instead of raising, so that one run
lists every mistake at once. The MkDocs adapter turns errors into one ``PluginError`` and warnings
into plugin-logger warnings; the command line prints them in text, JSON or GitHub format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one source file. ``path`` is relative to the project root, POSIX style."""

    path: str
    line: int
    message: str
    level: str = field(default=ERROR, compare=False)
    field: str | None = field(default=None, compare=False)

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class Problems:
    """An ordered, de-duplicated collection of problems."""

    def __init__(self, items: Iterable[Problem] = ()) -> None:
        self._items: dict[Problem, None] = {}
        self.extend(items)

    def add(self, path: str, line: int, message: str, *, level: str = ERROR, field: str | None = None) -> None:
        self._items.setdefault(Problem(path, line, message, level, field), None)

    def error(self, path: str, line: int, message: str, field: str | None = None) -> None:
        self.add(path, line, message, level=ERROR, field=field)

    def warning(self, path: str, line: int, message: str, field: str | None = None) -> None:
        self.add(path, line, message, level=WARNING, field=field)

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
        return [p for p in self if not p.is_error]


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
