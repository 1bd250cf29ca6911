"""The Atom feed of amendments: valid Atom (RFC 4287), escaped, stable ids, right URLs."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from generator.amendments.feed import ATOM, atom_feed
from generator.amendments.grouping import group_by_release, latest_entries
from generator.amendments.history import VersionedDocument
from generator.amendments.releases import Release, Releases
from generator.core.frontmatter import Change

A = f"{{{ATOM}}}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def validate_atom(text: str) -> ET.Element:
    """A small RFC 4287 validator: raises AssertionError naming what is wrong. Returns the feed."""
    feed = ET.fromstring(text.encode("utf-8"))
    assert feed.tag == f"{A}feed", f"the root element is {feed.tag}, not an Atom feed"

    def one(parent: ET.Element, name: str, where: str) -> ET.Element:
        found = parent.findall(f"{A}{name}")
        assert len(found) == 1, f"{where} must have exactly one <{name}>, has {len(found)}"
        return found[0]

    def check_common(element: ET.Element, where: str) -> None:
        identifier = (one(element, "id", where).text or "").strip()
        assert urlsplit(identifier).scheme, f"{where} <id> {identifier!r} is not an absolute IRI"
        title = one(element, "title", where)
        assert title.get("type", "text") in ("text", "html", "xhtml") and (title.text or "").strip(), f"{where} has an empty title"
        assert RFC3339.match(one(element, "updated", where).text or ""), f"{where} <updated> is not an RFC 3339 date-time"
        alternates = [(link.get("type"), link.get("hreflang")) for link in element.findall(f"{A}link")
                      if link.get("rel", "alternate") == "alternate"]
        assert len(alternates) == len(set(alternates)), f"{where} has two alternate links of the same type"
        for link in element.findall(f"{A}link"):
            assert link.get("href"), f"{where} has a <link> without href"

    check_common(feed, "the feed")
    feed_has_author = feed.find(f"{A}author/{A}name") is not None
    ids = []
    for index, entry in enumerate(feed.findall(f"{A}entry")):
        where = f"entry {index + 1}"
        check_common(entry, where)
        assert feed_has_author or entry.find(f"{A}author/{A}name") is not None, f"{where} has no author"
        has_content = entry.find(f"{A}content") is not None
        assert has_content or entry.find(f"{A}link[@rel='alternate']") is not None, f"{where} needs an alternate link or content"
        ids.append(entry.find(f"{A}id").text)
    assert len(ids) == len(set(ids)), "two entries have the same id"
    return feed


D = dt.date
RELEASES = Releases(Release(D(2026, 11, 1), "Update 15"), [Release(D(2025, 11, 1), "Update 14")])


def documents():
    return [
        VersionedDocument("supplementary/neglect.md", "supplementary/neglect.md", "procedure", "Neglect & <script>alert(1)</script>", 8, D(2026, 3, 1), "published",
                 [Change(8, D(2026, 3, 1), 'Added "graded care" <img src=x onerror=alert(1)> & more'), Change(1, D(2025, 6, 1), "New procedure.")]),
        VersionedDocument("flowcharts/referral.yml", "flowcharts/referral.md", "flowchart", "Referral flowchart", 4, D(2026, 12, 1), "published",
                 [Change(4, D(2026, 12, 1), "Added a step.")]),
    ]


def build(site_url="https://procedures.example.org.uk/", feed_path="amendments.xml", limit=50):
    urls = {"supplementary/neglect.md": "supplementary/neglect/", "flowcharts/referral.md": "flowcharts/referral/"}
    entries = latest_entries(group_by_release(documents(), RELEASES), limit)
    return atom_feed(entries, RELEASES, site_name="Example <Partnership> & Co", site_url=site_url, feed_path=feed_path,
                     page_url="amendments/", url_for=urls.get, today=D(2026, 12, 5))


def test_the_feed_is_valid_atom_with_escaped_text():
    text = build()
    feed = validate_atom(text)
    assert "<script>" not in text and "<img" not in text
    assert feed.find(f"{A}title").text == "Example <Partnership> & Co: amendments"
    entries = feed.findall(f"{A}entry")
    assert [e.find(f"{A}title").text for e in entries] == [
        "Referral flowchart: version 4", "Neglect & <script>alert(1)</script>: version 8", "New: Neglect & <script>alert(1)</script>"]
    assert entries[1].find(f"{A}summary").text == 'Added "graded care" <img src=x onerror=alert(1)> & more (Update 15, version 8)'
    assert entries[0].find(f"{A}category").get("term") == "Since Update 15"
    assert feed.find(f"{A}updated").text == "2026-12-01T00:00:00Z"


def test_urls_are_absolute_with_site_url():
    feed = validate_atom(build())
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{A}link")}
    assert links == {"self": "https://procedures.example.org.uk/amendments.xml", "alternate": "https://procedures.example.org.uk/amendments/"}
    assert feed.find(f"{A}entry/{A}link").get("href") == "https://procedures.example.org.uk/flowcharts/referral/"
    sub = validate_atom(build(site_url="https://example.github.io/manual"))
    assert sub.find(f"{A}entry/{A}link").get("href") == "https://example.github.io/manual/flowcharts/referral/"


@pytest.mark.parametrize(("feed_path", "page_href", "entry_href"), [
    ("amendments.xml", "amendments/", "flowcharts/referral/"),
    ("feeds/amendments.xml", "../amendments/", "../flowcharts/referral/"),
])
def test_urls_are_relative_to_the_feed_without_site_url(feed_path, page_href, entry_href):
    feed = validate_atom(build(site_url=None, feed_path=feed_path))
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{A}link")}
    assert links["alternate"] == page_href
    assert feed.find(f"{A}entry/{A}link").get("href") == entry_href


def test_ids_are_stable_between_builds_and_unique():
    first, second = validate_atom(build()), validate_atom(build(limit=2))
    ids = [e.find(f"{A}id").text for e in first.findall(f"{A}entry")]
    assert ids[:2] == [e.find(f"{A}id").text for e in second.findall(f"{A}entry")]
    assert all(i.startswith("urn:uuid:") for i in ids)


def test_an_empty_feed_is_still_valid():
    text = atom_feed([], RELEASES, site_name="X", site_url=None, feed_path="amendments.xml", page_url="amendments/",
                     url_for=lambda uri: None, today=D(2026, 12, 5))
    feed = validate_atom(text)
    assert feed.find(f"{A}updated").text == "2026-11-01T00:00:00Z"


@pytest.mark.parametrize("broken", [
    '<feed xmlns="http://example.org/not-atom"><id>urn:x</id></feed>',
    f'<feed xmlns="{ATOM}"><title>t</title><updated>2026-01-01T00:00:00Z</updated></feed>',
    f'<feed xmlns="{ATOM}"><id>urn:x</id><title>t</title><updated>2026-01-01</updated></feed>',
    f'<feed xmlns="{ATOM}"><id>urn:x</id><title>t</title><updated>2026-01-01T00:00:00Z</updated><entry><id>urn:y</id><title>e</title><updated>2026-01-01T00:00:00Z</updated><link href="x"/></entry></feed>',
])
def test_the_validator_rejects_broken_feeds(broken):
    with pytest.raises(AssertionError):
        validate_atom(broken)
