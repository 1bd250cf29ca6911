"""The one walk over the project's folders: which source files there are, and in what order.

Procedures, info-sheets, the site's own pages, flowcharts and files to import are all found by
``source_files``, so every part of the build and of ``procedures check`` sees the same files in
the same order: a folder's own files by name, then each sub-folder's, by name. Hidden files and
folders (a name starting with ".", such as ``.git`` or an editor's ``.#referrals.md``) are never
sources. Symbolic links to folders are not followed, so a link to a parent cannot loop.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable


def source_files(folder: Path, suffixes: Iterable[str] | None = (".md",), *, recursive: bool = True) -> list[Path]:
    """The files under ``folder`` whose names end in one of ``suffixes`` (every file when
    ``None``), in reading order; only ``folder``'s own files when not ``recursive``. A folder
    that does not exist holds none."""
    endings = None if suffixes is None else tuple(suffixes)
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")) if recursive else []
        found.extend(
            Path(dirpath) / name for name in sorted(filenames)
            if not name.startswith(".") and (endings is None or name.endswith(endings))
        )
    return found
