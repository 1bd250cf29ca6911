"""Dates shown to readers, UK style by default ("14 April 2023")."""

from __future__ import annotations

import datetime as dt

DEFAULT_FORMAT = "%-d %B %Y"


def format_date(value: dt.date, fmt: str = DEFAULT_FORMAT) -> str:
    """``strftime`` with ``%-d`` (day without a leading zero) made portable."""
    return value.strftime(fmt.replace("%-d", str(value.day)))


def check_format(fmt: str) -> str | None:
    """An error message if ``fmt`` is not a usable date format, else ``None``."""
    if "%" not in fmt:
        return f"date_format {fmt!r} has no %-codes; use for example '%-d %B %Y' for 14 April 2023"
    try:
        format_date(dt.date(2023, 4, 14), fmt)
    except ValueError as error:
        return f"date_format {fmt!r} is not valid ({error})"
    return None
