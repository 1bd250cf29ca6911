"""Email and web addresses that officers write in YAML (contacts.yml, legislation.yml): whole
ones, that work when a reader follows them. Each function returns why an address cannot be
used, or ``None``; the message starts with the address, for ``'<field>' <message>``."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .schema import shown

_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$", re.I)


def email_problem(value: str) -> str | None:
    """Why ``value`` is not an email address, or ``None``."""
    if value.lower().startswith("mailto:"):
        return f"{shown(value)} starts with 'mailto:': write the address alone, such as {value[7:].strip()}"
    if not _EMAIL.match(value):
        return f"{shown(value)} is not an email address: write it such as frontdoor@example.org.uk"
    return None


def https_problem(value: str) -> str | None:
    """Why ``value`` is not a whole ``https`` address, or ``None``. An ``http:`` address is
    refused: it is not secure, and every official site has an https one."""
    if any(char.isspace() for char in value):
        return f"{shown(value)} has spaces in it: copy the address from the browser's address bar"
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
    except ValueError:
        return f"{shown(value)} is not a web address: copy it from the browser's address bar"
    if parts.scheme.lower() == "http":
        return f"{shown(value)} starts with http:, which is not secure: use the https: address"
    if parts.scheme.lower() != "https" or "." not in host:
        return f"{shown(value)} is not a whole web address: write it such as https://www.example.org.uk/page"
    return None
