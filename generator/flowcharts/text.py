"""The text version of a flowchart: an ordered list of steps, in semantic HTML (ElementTree).

It is what narrow screens show, what screen readers read and what search indexes. Steps are
numbered in the order they are written in the source. A decision lists its branches ("Yes: go to
step 6"); a step whose next step is not the one after it says "Go to step N"; an end says so.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Callable

from markdown.util import AtomicString

from .model import Flowchart, Step


def _el(parent: ET.Element, tag: str, text: str | None = None, tail: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k.rstrip("_"): v for k, v in attrs.items()})
    # AtomicString: text from the source is never parsed as Markdown or HTML by later processors.
    if text is not None:
        element.text = AtomicString(text)
    if tail is not None:
        element.tail = AtomicString(tail)
    return element


def _go_to(parent: ET.Element, chart: Flowchart, target: str, anchor: Callable[[str], str]) -> None:
    _el(parent, "a", f"step {chart.number(target)}", href=f"#{anchor(target)}")


def build(
    chart: Flowchart,
    *,
    anchor: Callable[[str], str],
    href: Callable[[Step], str | None] = lambda step: None,
) -> ET.Element:
    """The ``<ol>`` of ``chart``'s steps. ``anchor(id)`` is a step's HTML id; ``href`` a link's target."""
    steps = _el_root("ol", class_="pm-flowchart__steps")
    for index, step in enumerate(chart.steps):
        item = _el(steps, "li", id=anchor(step.id), class_=f"pm-flowchart__step pm-flowchart__step--{step.type}")
        what = _el(item, "p", class_="pm-flowchart__what")
        if step.type == "decision":
            _el(what, "span", "Decision:", tail=" ", class_="pm-flowchart__kind")
        target = href(step)
        if target:
            _el(what, "a", step.text, href=target)
        else:
            _el(what, "span", step.text)
        if step.timescale:
            timescale = _el(item, "p", class_="pm-flowchart__timescale")
            _el(timescale, "span", "Timescale:", tail=" ", class_="pm-flowchart__kind")
            _el(timescale, "span", step.timescale)
        if step.type == "decision":
            branches = _el(item, "ul", class_="pm-flowchart__branches")
            for branch in step.next:
                line = _el(branches, "li")
                _el(line, "span", branch.label, tail=": go to ", class_="pm-flowchart__branch")
                _go_to(line, chart, branch.to, anchor)
        elif step.type == "end":
            _el(item, "p", "This route ends here.", class_="pm-flowchart__next pm-flowchart__next--end")
        else:
            following = chart.steps[index + 1].id if index + 1 < len(chart.steps) else None
            if step.next[0].to != following:
                jump = _el(item, "p", "Go to ", class_="pm-flowchart__next")
                _go_to(jump, chart, step.next[0].to, anchor)
                jump[-1].tail = AtomicString(".")
    return steps


def _el_root(tag: str, **attrs: str) -> ET.Element:
    return ET.Element(tag, {k.rstrip("_"): v for k, v in attrs.items()})
