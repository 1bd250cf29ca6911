"""No request to any host but the site's own: in the browser, over every page type and a search,
and in the built files (preconnect hints and font or CDN addresses raise no request event)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from .helpers import SEARCH_INPUT, type_query, visit, wait_for_search_index
from .pages import BY_NAME, PAGE_TYPES


def test_pages_and_search_request_nothing_from_other_hosts(new_page, server, requests):
    page = new_page("1280")
    visited = []
    for kind in PAGE_TYPES:
        if not server.has(kind):
            continue
        visit(page, server, kind)
        visited.append(kind.name)
    visit(page, server, BY_NAME["home"])
    page.locator(SEARCH_INPUT).click()
    wait_for_search_index(page)
    assert type_query(page, "neglet")  # a slip: the search box's near spellings load the manual's words
    assert any(u.endswith("/search/search_index.json") for u in requests.urls), "the search index was never fetched"
    assert any(u.endswith("/search-words.json") for u in requests.urls), "the words for near spellings were never fetched"
    assert len(visited) >= 7, visited
    assert not requests.foreign(), f"requests to other hosts: {sorted(set(requests.foreign()))}"


# Attributes whose URL the browser fetches by itself, without a click.
_FETCHED = {("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"),
            ("source", "srcset"), ("iframe", "src"), ("video", "src"), ("video", "poster"), ("audio", "src"),
            ("embed", "src"), ("object", "data"), ("image", "href"), ("use", "href"), ("input", "src")}
_HINTS = {"preconnect", "dns-prefetch", "preload", "prefetch", "prerender", "modulepreload"}
# <link> types the browser loads by itself (canonical, alternate, prev and next are only addresses).
_LOADED_LINKS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "manifest"}
_HOSTS = re.compile(r"fonts\.googleapis\.com|fonts\.gstatic\.com|cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com"
                    r"|use\.fontawesome\.com|ajax\.googleapis\.com|www\.googletagmanager\.com|google-analytics\.com",
                    re.IGNORECASE)


class _Fetches(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        rel = set(attrs.get("rel", "").lower().split())
        if tag == "link" and (rel & _HINTS or (rel & _LOADED_LINKS and _is_remote(attrs.get("href", "")))):
            self.problems.append(f"<link rel={attrs['rel']!r} href={attrs.get('href')!r}>")
        for (element, name) in _FETCHED:
            if tag == element and name in attrs and _is_remote(attrs[name]):
                self.problems.append(f"<{tag} {name}={attrs[name]!r}>")
        style = attrs.get("style", "")
        if "url(" in style and re.search(r"url\(\s*['\"]?(https?:)?//", style):
            self.problems.append(f"<{tag} style={style!r}>")


def _is_remote(value: str) -> bool:
    return any(urlsplit(part.strip().split(" ")[0]).netloc for part in value.split(",") if part.strip())


def test_built_html_holds_no_preconnect_or_third_party_asset(site):
    problems = []
    for file in site.html_files():
        text = file.read_text(encoding="utf-8")
        parser = _Fetches()
        parser.feed(text)
        rel = file.relative_to(site.root).as_posix()
        problems += [f"{rel}: {p}" for p in parser.problems]
        problems += [f"{rel}: names {m.group(0)}" for m in _HOSTS.finditer(text)]
    assert not problems, "the built site would load from other hosts:\n" + "\n".join(problems[:40])


# Addresses in Material's own bundle that it loads only in a case our sites never meet.
MATERIAL_CONDITIONAL = {
    # ResizeObserver polyfill: only in browsers without ResizeObserver (before 2020).
    "https://unpkg.com/resize-observer-polyfill",
    # Mermaid: only on a page with a mermaid diagram; test_no_page_would_load_mermaid keeps it so.
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
}


def test_no_page_would_load_mermaid(site):
    with_diagram = [f.relative_to(site.root).as_posix() for f in site.html_files()
                    if re.search(r'class="[^"]*\bmermaid\b', f.read_text(encoding="utf-8"))]
    assert not with_diagram, f"Material would fetch mermaid from unpkg.com for {with_diagram}"


def test_built_css_and_js_fetch_nothing_from_other_hosts(site):
    problems = []
    for file in sorted(site.root.rglob("*.css")) + sorted(site.root.rglob("*.js")):
        text = file.read_text(encoding="utf-8", errors="replace")
        for known in MATERIAL_CONDITIONAL:
            text = text.replace(known, "")
        rel = file.relative_to(site.root).as_posix()
        for match in re.finditer(r"@import\s+(url\()?\s*['\"]?(https?:)?//[^'\")\s;]+", text):
            problems.append(f"{rel}: {match.group(0)}")
        for match in re.finditer(r"url\(\s*['\"]?(https?:)?//[^'\")\s]+", text):
            problems.append(f"{rel}: {match.group(0)}")
        problems += [f"{rel}: names {m.group(0)}" for m in _HOSTS.finditer(text)]
    assert not problems, "stylesheets or scripts would load from other hosts:\n" + "\n".join(problems[:40])
