"""How `procedures check` shows problems: plain text, JSON, or GitHub workflow annotations.

The formats share one rule: every problem is printed, sorted by file and line, and nothing is
summarised away. The functions return text and never print, so they are easy to test.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable

from .core.problems import ERROR, NOTE, WARNING, Problem

FORMATS = ("text", "json", "github")


@dataclass(frozen=True)
class Summary:
    errors: int
    warnings: int
    pages: int  # content files checked
    notes: int = 0
    fail_on: str = WARNING  # the lowest level that fails the check

    @property
    def ok(self) -> bool:
        everything = self.errors + self.warnings + self.notes
        failing = {ERROR: self.errors, WARNING: self.errors + self.warnings}.get(self.fail_on, everything)
        return not failing

    def sentence(self) -> str:
        if not (self.errors or self.warnings or self.notes):
            return f"No problems found in {count(self.pages, 'page')}."
        found = [count(self.errors, "error"), count(self.warnings, "warning")]
        if self.notes:
            found.append(count(self.notes, "note"))
        listed = f"{', '.join(found[:-1])} and {found[-1]} in {count(self.pages, 'page')} checked"
        if self.ok:
            return f"{listed}: notes are advice, and do not fail the build."
        return f"{listed}: fix them, then run 'procedures check' again."


def count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def summarise(problems: Iterable[Problem], pages: int, fail_on: str = WARNING) -> Summary:
    items = list(problems)
    errors = sum(1 for p in items if p.is_error)
    notes = sum(1 for p in items if p.level == NOTE)
    return Summary(errors=errors, warnings=len(items) - errors - notes, pages=pages, notes=notes, fail_on=fail_on)


def text(problems: Iterable[Problem]) -> str:
    """``level: file:line: message [check]``, one per line: the problem as the build logs it
    (``WARNING - procedures: file:line: message [check]``), after its level."""
    return "".join(f"{problem.level}: {problem}\n" for problem in sorted(problems))


def as_json(problems: Iterable[Problem], summary: Summary) -> str:
    """A JSON document: ``{"problems": [...], "summary": {...}}``. ``line`` is null for a whole file."""
    document = {
        "problems": [
            {
                "file": p.path,
                "line": p.line or None,
                "level": p.level,
                "check": p.check,
                "field": p.field,
                "message": p.message,
            }
            for p in sorted(problems)
        ],
        "summary": {
            "errors": summary.errors,
            "warnings": summary.warnings,
            "notes": summary.notes,
            "pages": summary.pages,
            "ok": summary.ok,
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def github(problems: Iterable[Problem], prefix: str = "") -> str:
    """GitHub Actions workflow commands (``::error file=...,line=...::message``).

    ``prefix`` is the project folder relative to the repository root (``GITHUB_WORKSPACE``), so
    that an annotation lands on the right file when mkdocs.yml is not at the top of the repository.
    """
    lines = []
    for p in sorted(problems):
        path = f"{prefix.rstrip('/')}/{p.path}" if prefix else p.path
        properties = [f"file={_escape_property(path)}"]
        if p.line:
            properties.append(f"line={p.line}")
        title = f"procedures check: {p.check}" if p.check else "procedures check"
        title += f" ('{p.field}')" if p.field else ""
        properties.append(f"title={_escape_property(title)}")
        command = {ERROR: "error", WARNING: "warning"}.get(p.level, "notice")
        lines.append(f"::{command} {','.join(properties)}::{_escape_data(p.message)}\n")
    return "".join(lines)


# The escaping GitHub's runner expects (actions/toolkit, core/src/command.ts).
def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")
