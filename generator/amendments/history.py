"""The versioned documents of a manual (procedures and flowcharts) and their recorded changes.

Procedures come from the validated ``Manual``. Flowcharts (``flowcharts/<name>.yml``) share the
procedure fields ``title``, ``version``, ``last_updated``, ``status`` and ``changes``; they are read
here only for those fields. Their own validation belongs to the flowcharts feature, so a flowchart
that does not validate is skipped here, not reported twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..core import textfile, yamlsource
from ..core.files import source_files
from ..core.frontmatter import PROCEDURE_FIELDS, Change, validate
from ..core.manual import Manual
from ..core.problems import Problems
from ..core.schema import Field

# Flowchart sources live in the folder the `flowcharts: folder:` option names (`flowcharts` by
# default); callers pass it in. Each source becomes a page: charts/referral.yml -> charts/referral.md.
FLOWCHART_SUFFIXES = (".yml", ".yaml")


def flowchart_page(source: str) -> str:
    return source.rsplit(".", 1)[0] + ".md"


@dataclass
class VersionedDocument:
    """A procedure or flowchart with a version history."""

    source: str  # project-relative path of the source file
    page: str  # the page's path in the site's sources (the src_uri MkDocs knows it by)
    kind: str  # "procedure" or "flowchart"
    title: str
    version: int
    last_updated: dt.date
    status: str = "published"
    changes: list[Change] = field(default_factory=list)

    def change_for(self, version: int) -> Change | None:
        return next((c for c in self.changes if c.version == version), None)

    @property
    def first_published(self) -> dt.date | None:
        """When version 1 was published: its ``changes`` entry, or ``last_updated`` while at version 1.

        ``None`` when the history does not go back to version 1 (the page predates the records).
        """
        first = self.change_for(1)
        if first is not None:
            return first.date
        return self.last_updated if self.version == 1 else None


def documents_from_manual(manual: Manual, statuses: Iterable[str] = ("published", "archived")) -> list[VersionedDocument]:
    wanted = set(statuses)
    out = []
    for page in manual.pages.values():
        meta = page.meta
        if meta.status not in wanted or meta.last_updated is None:
            continue
        out.append(VersionedDocument(
            page.uri, page.uri, "procedure", meta.title, meta.version, meta.last_updated, meta.status, list(meta.changes)
        ))
    return out


def flowchart_sources(root: Path, folder: str | None) -> list[Path]:
    """The flowchart sources in ``folder`` (the configured one); none when ``folder`` is ``None``
    (flowcharts turned off)."""
    if folder is None:
        return []
    return source_files(root / folder.strip("/"), FLOWCHART_SUFFIXES)


def documents_from_flowcharts(
    root: Path, *, today: dt.date, folder: str | None, statuses: Iterable[str] = ("published", "archived")
) -> list[VersionedDocument]:
    wanted = set(statuses)
    out = []
    for path in flowchart_sources(root, folder):
        rel = path.relative_to(root).as_posix()
        try:
            data = yamlsource.load(textfile.read_text(path))
        except (textfile.TextFileError, yamlsource.YamlError):
            continue
        if not isinstance(data, dict):
            continue
        known = {f.name for f in PROCEDURE_FIELDS}
        fields = list(PROCEDURE_FIELDS) + [Field(str(k), lambda v, n: (v, None)) for k in data if str(k) not in known]
        meta = validate(data, rel, Problems(), today=today, fields=fields)
        if meta is None or meta.last_updated is None or meta.status not in wanted:
            continue
        out.append(VersionedDocument(
            rel, flowchart_page(rel), "flowchart", meta.title, meta.version, meta.last_updated, meta.status, list(meta.changes)
        ))
    return out
