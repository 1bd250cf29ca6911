"""The plan's page addresses are MkDocs' own."""

from __future__ import annotations

import pytest
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from generator.site.urls import page_url, relative_url

URIS = [
    "index.md", "README.md", "about.md", "statutory/referrals.md", "statutory/index.md", "a/b/c.md",
    "Children & Young People/what's this?.md", "glossary.md", "flowcharts/referral.svg", "amendments.xml",
    "assets/procedures/colours.css", "café.md", "x y.md",
]


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("uri", URIS)
def test_page_urls_are_mkdocs_urls(uri, directory_urls):
    assert page_url(uri, directory_urls) == File(uri, "/docs", "/site", directory_urls).url


@pytest.mark.parametrize("url, other", [
    ("statutory/referrals/", "glossary/"), ("./", "statutory/referrals/"), ("glossary/", "./"),
    ("a/b/c.html", "a/d.html"), ("flowcharts/referral.svg", "flowcharts/referral/"), ("x/", "x/"),
])
def test_relative_urls_are_mkdocs_relative_urls(url, other):
    assert relative_url(url, other) == get_relative_url(url, other)
