"""A YAML source file beside mkdocs.yml (contacts.yml, legislation.yml): read with its lines.

Every way such a file can fail to be read (not UTF-8, unreadable, empty, not YAML) is a problem
with its file and line, never an exception: the caller gets ``None`` and goes on without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import textfile, yamlsource
from .problems import Problems


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
