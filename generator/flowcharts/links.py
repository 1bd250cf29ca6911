"""What flowcharts link to, for the "Referred to by" boxes.

A step's ``link`` is a link like any other on the page that shows the flowchart: the flowchart's
own page refers to the pages its steps link to, and so does every page that embeds it with a
``!flowchart`` line. Links are counted from the sources, before anything is rendered, as
``generator.links.graph`` counts the links written in Markdown.
"""

from __future__ import annotations

from typing import Iterable

from ..links.graph import ScannedPage
from .model import Flowchart, Library, find_embeds


def step_links(chart: Flowchart) -> tuple[tuple[str, int], ...]:
    """``(site uri, line in the source)`` of every page or flowchart the chart's steps link to."""
    return tuple((step.link_uri, step.link_line) for step in chart.steps if step.link_uri and step.link_uri != chart.uri)


def referrers(library: Library) -> list[ScannedPage]:
    """Each flowchart's own page, as a page whose links count as references."""
    return [ScannedPage(chart.uri, chart.title, step_links(chart)) for chart in library.charts.values()]


def embedded_links(library: Library, pages: Iterable[tuple[str, str, int]]) -> dict[str, list[tuple[str, int]]]:
    """The links each page gets from the flowcharts it embeds, at the line of its ``!flowchart``.

    ``pages`` are ``(site uri, Markdown text, line of its first line)``; pages that embed nothing
    are left out. A name that matches no valid flowchart adds nothing (it is reported elsewhere).
    """
    out: dict[str, list[tuple[str, int]]] = {}
    for uri, text, first_line in pages:
        for number, _written, name in find_embeds(text):
            chart = library.charts.get(library.embed_name(name)) if name else None
            if chart is None:
                continue
            line = first_line + number - 1
            links = [(target, line) for target, _ in step_links(chart) if target != uri]
            if links:
                out.setdefault(uri, []).extend(links)
    return out
