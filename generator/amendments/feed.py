"""The Atom feed of amendments (RFC 4287), built with ElementTree so every value is escaped.

URLs are absolute when ``site_url`` is set, and otherwise relative to the feed's own location.
Ids are ``urn:uuid`` values derived from the site and the change, so they never change between
builds and a feed reader shows each change once.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import uuid
import xml.etree.ElementTree as ET
from typing import Callable, Iterable
from urllib.parse import urljoin

from .grouping import ARCHIVED, NEW, Amendment
from .releases import Releases

ATOM = "http://www.w3.org/2005/Atom"


def _stamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def _id(site: str, *parts: object) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, "|".join([site, *map(str, parts)])).urn


def entry_title(entry: Amendment) -> str:
    document = entry.document
    if entry.kind == NEW:
        return f"New: {document.title}"
    if entry.kind == ARCHIVED:
        return f"Archived: {document.title}"
    return f"{document.title}: version {entry.version}"


def atom_feed(
    entries: Iterable[Amendment],
    releases: Releases,
    *,
    site_name: str,
    site_url: str | None,
    feed_path: str,
    page_url: str,
    url_for: Callable[[str], str | None],
    today: dt.date,
) -> str:
    """The feed as XML text. ``page_url`` is the amendments page's site URL (``amendments/``);
    ``url_for(page)`` gives a page's site URL, or ``None`` if the page is not in the site."""
    feed_dir = posixpath.dirname(feed_path)

    def href(url: str) -> str:
        if site_url:
            return urljoin(site_url if site_url.endswith("/") else site_url + "/", url)
        return posixpath.relpath(url or ".", feed_dir or ".") + ("/" if url.endswith("/") else "")

    entries = list(entries)
    site = site_url or site_name
    updated = max((e.date for e in entries), default=releases.current.date if releases.current else today)

    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    feed.set("{http://www.w3.org/XML/1998/namespace}lang", "en-GB")

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    sub(feed, "id", _id(site, "amendments-feed", feed_path))
    sub(feed, "title", f"{site_name}: amendments")
    if releases.current:
        current = releases.current
        sub(feed, "subtitle", f"Changes to the manual. Current release: {current.name}, {current.date.isoformat()}.")
    sub(feed, "updated", _stamp(updated))
    author = sub(feed, "author")
    sub(author, "name", site_name)
    sub(feed, "link", rel="self", type="application/atom+xml", href=href(feed_path))
    sub(feed, "link", rel="alternate", type="text/html", href=href(page_url))

    for entry in entries:
        document = entry.document
        element = sub(feed, "entry")
        sub(element, "id", _id(site, entry.kind, document.source, entry.version))
        sub(element, "title", entry_title(entry))
        sub(element, "updated", _stamp(entry.date))
        sub(element, "published", _stamp(entry.date))
        url = url_for(document.page)
        sub(element, "link", rel="alternate", type="text/html", href=href(url if url is not None else page_url))
        summary = entry.note or entry_title(entry)
        if entry.release:
            summary = f"{summary} ({entry.release}, version {entry.version})"
        sub(element, "summary", summary, type="text")
        if entry.release:
            sub(element, "category", term=entry.release)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
