"""Chapter and page numbers from the navigation order, as Sphinx's numbered toctree does.

Top-level groups are chapters (1, 2, 3 ...); the pages and sub-groups inside a chapter are
numbered 1.1, 1.2, 1.2.1 ... Top-level single pages (the home page) have no number. Nobody types
a number by hand: reordering the nav renumbers the manual.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class NavNode:
    """A neutral navigation tree: a page (``uri``), a group (``children``) or a link (neither)."""

    title: str | None
    uri: str | None = None
    children: list["NavNode"] | None = None

    @property
    def is_group(self) -> bool:
        return self.children is not None


@dataclass
class Numbering:
    pages: dict[str, str] = field(default_factory=dict)  # src uri -> "1.2"
    groups: dict[tuple[str, ...], str] = field(default_factory=dict)  # titles path -> "1"


def from_config(nav: Any) -> list[NavNode]:
    """Convert a MkDocs ``nav`` setting (lists of strings and one-key mappings) to NavNodes."""
    nodes: list[NavNode] = []
    for item in nav or []:
        if isinstance(item, str):
            nodes.append(NavNode(None, _uri(item)))
        elif isinstance(item, dict) and len(item) == 1:
            (title, value), = item.items()
            if isinstance(value, list):
                nodes.append(NavNode(str(title), children=from_config(value)))
            elif isinstance(value, str):
                nodes.append(NavNode(str(title), _uri(value)))
    return nodes


def to_config(nodes: list[NavNode]) -> list[Any]:
    """The inverse of ``from_config``, for a nav we build when ``mkdocs.yml`` has none."""
    out: list[Any] = []
    for node in nodes:
        if node.is_group:
            out.append({node.title: to_config(node.children or [])})
        elif node.title:
            out.append({node.title: node.uri})
        else:
            out.append(node.uri)
    return out


def _uri(value: str) -> str | None:
    if "://" in value or value.startswith("/") or not value.endswith(".md"):
        return None  # an external or absolute link: not a page, not numbered
    return value


def number(nodes: list[NavNode]) -> Numbering:
    result = Numbering()
    chapter = 0
    for node in nodes:
        if node.is_group:
            chapter += 1
            _number_group(node, (str(chapter),), (node.title or "",), result)
    return result


def _number_group(group: NavNode, prefix: tuple[str, ...], path: tuple[str, ...], result: Numbering) -> None:
    result.groups[path] = ".".join(prefix)
    index = 0
    for child in group.children or []:
        if child.is_group:
            index += 1
            _number_group(child, prefix + (str(index),), path + (child.title or "",), result)
        elif child.uri:
            index += 1
            result.pages.setdefault(child.uri, ".".join(prefix + (str(index),)))


def prune(nodes: list[NavNode], drop: set[str]) -> list[NavNode]:
    """Remove pages in ``drop`` (drafts, archived pages) and any group left empty."""
    out = []
    for node in nodes:
        if node.is_group:
            children = prune(node.children or [], drop)
            if children:
                out.append(NavNode(node.title, children=children))
        elif node.uri not in drop:
            out.append(node)
    return out


def page_order(nodes: list[NavNode]) -> list[str]:
    """Every page uri in nav order."""
    out: list[str] = []
    for node in nodes:
        if node.is_group:
            out.extend(page_order(node.children or []))
        elif node.uri:
            out.append(node.uri)
    return out
