"""A YAML source file beside mkdocs.yml (contacts.yml, legislation.yml): read with its lines.

Every way such a file can fail to be read (not UTF-8, unreadable, empty, not YAML) is a problem
with its file and line, never an exception: the caller gets ``None`` and goes on without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from . import textfile, yamlsource
from .problems import Problems
from .schema import ListOf, Report, check_list

T = TypeVar("T")


def read_yaml_file(path: Path, shown: str, problems: Problems, *, check: str, empty: str) -> Any:
    """The located YAML of ``path`` (shown as ``shown`` in messages), or ``None`` after reporting
    why not. ``empty`` is the message for a file with nothing in it, reported as ``check``."""
    try:
        text = textfile.read_text(path)
    except textfile.TextFileError as error:
        problems.add("file-unreadable", shown, error.line, error.message)
        return None
    if not text.strip():
        problems.add(check, shown, 1, empty)
        return None
    try:
        data = yamlsource.load(text)
    except yamlsource.YamlError as error:
        problems.add("yaml-syntax", shown, error.line, error.described)
        return None
    if data is None:  # only comments
        problems.add(check, shown, 1, empty)
    return data


def read_keyed_file(path: Path, shown: str, spec: ListOf[T], problems: Problems, *, check: str, empty: str) -> Keyed[T] | None:
    """A file that is one block of records under their keys (contacts.yml, legislation.yml): the
    records that are right, and every key written (those of records with errors too, so that a
    page naming one is not reported as well). ``None`` when the file does not exist (no problem)
    or cannot be read (reported)."""
    if not path.is_file():
        return None
    data = read_yaml_file(path, shown, problems, check=check, empty=empty)
    if data is None:
        return None
    listed = check_list(spec, data, Report(shown, problems, check), name=shown, line=1, subject=shown)
    return Keyed(listed.items, data if isinstance(data, dict) else {})


@dataclass(frozen=True)
class Keyed(Generic[T]):
    items: list[T]
    data: dict[Any, Any]  # the file as read, with its lines

    @property
    def keys(self) -> set[str]:
        return {str(key) for key in self.data}
