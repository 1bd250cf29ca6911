"""The diagram: a flowchart as SVG, built with ElementTree.

The text is real ``<text>`` (one ``<tspan>`` per wrapped line), so it can be searched, copied,
zoomed and printed sharply. Lines are wrapped with the advance widths of DejaVu Sans, the widest
of the usual sans-serif fonts, so they also fit in Arial or Helvetica. The SVG refers to nothing
outside itself (no fonts, images, stylesheets or ``url(#id)`` references), and has a ``viewBox``
so it scales to the page and prints on A4.
"""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Callable

from markdown.util import AtomicString

from . import layout as lay
from .model import Flowchart, Step

SVG_NS = "http://www.w3.org/2000/svg"
FONT_FAMILY = "Arial, Helvetica, 'Liberation Sans', 'DejaVu Sans', sans-serif"

TEXT_SIZE, TEXT_LINE = 14.0, 18.0
SMALL_SIZE, SMALL_LINE = 12.0, 16.0
LABEL_SIZE, LABEL_LINE = 13.0, 16.0
WRAP = 196.0  # the widest line of a step's text
LABEL_WRAP = 124.0
MIN_WIDTH = 150.0
PAD_X, PAD_Y = 12.0, 9.0
POINT = 16.0  # how far a decision's left and right points stick out
ARROW = 8.0

COLOURS = {
    "text": "#1b1b1b",
    "muted": "#3b3b3b",
    "link": "#1d4f91",
    "edge": "#4f5b69",
}
SHAPE_COLOURS = {  # (fill, stroke) of a step's outline, by its type; the first step is "start"
    "step": ("#ffffff", "#2f3e52"),
    "start": ("#e8eef8", "#1d4f91"),
    "decision": ("#fff3d1", "#7a5200"),
    "end": ("#e6f2e9", "#23683a"),
}

# Advance widths of DejaVu Sans (regular and bold) for ' ' to '~', in thousandths of an em.
_REGULAR = [int(w) for w in """
318 401 460 838 636 950 780 275 390 390 500 838 318 361 318 337 636 636 636 636 636 636 636 636 636
636 337 337 838 838 838 531 1000 684 686 698 770 632 575 775 752 295 295 656 557 863 748 787 603 787
695 635 611 732 684 989 685 611 685 390 337 390 838 500 500 613 635 550 635 615 352 635 634 278 278
579 278 974 634 612 635 635 411 521 392 634 592 818 592 592 525 636 337 636 838""".split()]
_BOLD = [int(w) for w in """
348 456 521 838 696 1002 872 306 457 457 523 838 380 415 380 365 696 696 696 696 696 696 696 696 696
696 400 400 838 838 838 580 1000 774 762 734 830 683 683 821 837 372 372 775 637 995 837 850 733 850
770 720 682 812 774 1103 771 724 725 457 365 457 838 500 500 675 716 593 716 678 435 716 712 343 343
665 343 1042 712 687 716 716 493 595 478 712 652 924 645 652 582 712 365 712 838""".split()]
_EXTRA = {"‘": 318, "’": 318, "“": 518, "”": 518, "–": 500, "—": 1000, "…": 1000, "£": 636, "€": 636}


def _char_width(char: str, bold: bool) -> float:
    table = _BOLD if bold else _REGULAR
    code = ord(char)
    if 32 <= code < 127:
        return table[code - 32]
    if char in _EXTRA:
        return _EXTRA[char] * (1.1 if bold else 1.0)
    base = unicodedata.normalize("NFD", char)[0]
    if 32 <= ord(base) < 127:
        return table[ord(base) - 32]
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1000
    return 760 if bold else 700


def text_width(text: str, size: float, bold: bool = False) -> float:
    return sum(_char_width(c, bold) for c in text) * size / 1000


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap. A word longer than ``width`` gets a line of its own (the box widens)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


# --------------------------------------------------------------------------- measuring


@dataclass
class Shape:
    """A step's box: its wrapped lines and size."""

    step: Step
    lines: list[str]
    timescale: list[str]
    width: float
    height: float

    @property
    def inset(self) -> float:
        return POINT if self.step.type == "decision" else 0.0


def measure(step: Step) -> Shape:
    lines = wrap(step.text, WRAP, TEXT_SIZE)
    timescale = wrap(step.timescale, WRAP - 16, SMALL_SIZE) if step.timescale else []
    widest = max([text_width(line, TEXT_SIZE) for line in lines]
                 + [text_width(line, SMALL_SIZE) + 16 for line in timescale])
    width = max(MIN_WIDTH, widest + 2 * PAD_X)
    if step.type == "decision":
        width += 2 * POINT
    height = 2 * PAD_Y + len(lines) * TEXT_LINE
    if timescale:
        height += 7 + len(timescale) * SMALL_LINE
    return Shape(step, lines, timescale, round(width, 1), round(height, 1))


def label_lines(label: str) -> list[str]:
    return wrap(label, LABEL_WRAP, LABEL_SIZE, bold=True)


def label_size(label: str) -> tuple[float, float]:
    lines = label_lines(label)
    width = max(text_width(line, LABEL_SIZE, bold=True) for line in lines) + 14
    return round(width, 1), len(lines) * LABEL_LINE + 6


def diagram_layout(chart: Flowchart) -> tuple[lay.Layout, dict[str, Shape]]:
    """The measured steps of ``chart`` and their layout."""
    shapes = {step.id: measure(step) for step in chart.steps}
    nodes = [lay.Node(s.step.id, s.width, s.height, s.inset) for s in shapes.values()]
    edges = [
        lay.Edge(step.id, branch.to, label_size(branch.label) if branch.label else None)
        for step in chart.steps
        for branch in step.next
    ]
    return lay.layout(nodes, edges), shapes


# --------------------------------------------------------------------------- drawing


def _n(value: float) -> str:
    """A coordinate, short: 12, 12.5."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        # AtomicString: Python-Markdown must not treat text from the source as Markdown or HTML.
        element.text = AtomicString(text)
    return element


def _path(points: list[lay.Point]) -> str:
    (x, y), rest = points[0], points[1:]
    parts = [f"M{_n(x)} {_n(y)}"]
    for nx, ny in rest:
        if abs(nx - x) < 0.05:
            parts.append(f"V{_n(ny)}")
        else:
            mid = (y + ny) / 2
            parts.append(f"C{_n(x)} {_n(mid)} {_n(nx)} {_n(mid)} {_n(nx)} {_n(ny)}")
        x, y = nx, ny
    return " ".join(parts)


def _edge(group: ET.Element, route: lay.Route) -> None:
    points = list(route.points)
    (x, y), (_, py) = points[-1], points[-2]
    direction = 1 if y >= py else -1
    points[-1] = (x, y - direction * ARROW)  # the line stops where the arrowhead starts
    _sub(group, "path", d=_path(points), class_="pm-fc-edge")
    tip = f"{_n(x)},{_n(y)}"
    base = y - direction * ARROW
    _sub(group, "polygon", points=f"{tip} {_n(x - 4.5)},{_n(base)} {_n(x + 4.5)},{_n(base)}",
         fill=COLOURS["edge"], stroke="none", class_="pm-fc-arrow")


def _label(group: ET.Element, box: lay.Box, label: str) -> None:
    g = _sub(group, "g", class_="pm-fc-label")
    _sub(g, "rect", x=_n(box.x), y=_n(box.y), width=_n(box.width), height=_n(box.height), rx="8",
         fill="#ffffff", stroke=COLOURS["edge"], stroke_width="1")
    text = _sub(g, "text", x=_n(box.cx), text_anchor="middle", font_weight="bold",
                font_size=_n(LABEL_SIZE), fill=COLOURS["text"])
    for i, line in enumerate(label_lines(label)):
        _sub(text, "tspan", line, x=_n(box.cx), y=_n(box.y + 3 + i * LABEL_LINE + 12.5))


def _outline(g: ET.Element, shape: Shape, box: lay.Box, first: bool) -> None:
    kind = shape.step.type
    fill, stroke = SHAPE_COLOURS["start" if first and kind == "step" else kind]
    style = {"fill": fill, "stroke": stroke, "stroke_width": "2" if kind == "end" else "1.5", "class_": "pm-fc-shape"}
    if kind == "decision":
        x, y, r, b, m = box.x, box.y, box.right, box.bottom, box.cy
        points = [(x, m), (x + POINT, y), (r - POINT, y), (r, m), (r - POINT, b), (x + POINT, b)]
        _sub(g, "polygon", points=" ".join(f"{_n(px)},{_n(py)}" for px, py in points), **style)
    else:
        radius = min(box.height / 2, 16.0) if kind == "end" else 3.0
        _sub(g, "rect", x=_n(box.x), y=_n(box.y), width=_n(box.width), height=_n(box.height), rx=_n(radius), **style)


def _step(group: ET.Element, shape: Shape, box: lay.Box, first: bool, href: str | None) -> None:
    step = shape.step
    holder = group
    if href:
        # The text version holds the keyboard-reachable link; this one is for pointers only.
        holder = _sub(group, "a", href=href, tabindex="-1", class_="pm-fc-link")
    g = _sub(holder, "g", class_=f"pm-fc-step pm-fc-step--{step.type}")
    _outline(g, shape, box, first)
    linked = {"fill": COLOURS["link"], "text_decoration": "underline"} if href else {"fill": COLOURS["text"]}
    text = _sub(g, "text", x=_n(box.cx), text_anchor="middle", class_="pm-fc-text", **linked)
    top = box.y + PAD_Y
    for i, line in enumerate(shape.lines):
        _sub(text, "tspan", line, x=_n(box.cx), y=_n(top + i * TEXT_LINE + 13.5))
    if shape.timescale:
        rule = top + len(shape.lines) * TEXT_LINE + 3
        inset = (POINT if step.type == "decision" else 0) + 10
        _sub(g, "line", x1=_n(box.x + inset), x2=_n(box.right - inset), y1=_n(rule), y2=_n(rule),
             stroke=COLOURS["edge"], stroke_width="0.75", stroke_dasharray="3 2")
        time = _sub(g, "text", x=_n(box.cx + 8), text_anchor="middle", font_style="italic",
                    font_size=_n(SMALL_SIZE), fill=COLOURS["muted"], class_="pm-fc-timescale")
        for i, line in enumerate(shape.timescale):
            _sub(time, "tspan", line, x=_n(box.cx + 8), y=_n(rule + 4 + i * SMALL_LINE + 12))
        # A small clock before the first line of the timescale (decoration only).
        cx = box.cx + 8 - text_width(shape.timescale[0], SMALL_SIZE) / 2 - 9
        cy = rule + 4 + 8
        clock = _sub(g, "g", fill="none", stroke=COLOURS["muted"], stroke_width="1.2", class_="pm-fc-clock")
        _sub(clock, "circle", cx=_n(cx), cy=_n(cy), r="5")
        _sub(clock, "path", d=f"M{_n(cx)} {_n(cy - 3)} V{_n(cy)} H{_n(cx + 2.5)}")


def build(
    chart: Flowchart,
    *,
    href: Callable[[Step], str | None] | None = None,
    id_prefix: str = "",
    standalone: bool = False,
) -> ET.Element:
    """The ``<svg>`` element for ``chart``. ``href(step)`` gives a linked step's address."""
    diagram, shapes = diagram_layout(chart)
    width, height = round(diagram.width), round(diagram.height)
    prefix = id_prefix or f"flowchart-{chart.name}"
    svg = ET.Element("svg", {
        "xmlns": SVG_NS,
        "viewBox": f"0 0 {width} {height}",
        "width": str(width),
        "height": str(height),
        "role": "img",
        "aria-labelledby": f"{prefix}-svg-title {prefix}-svg-desc",
        "class": "pm-flowchart__svg",
        "font-family": FONT_FAMILY,
        "font-size": _n(TEXT_SIZE),
    })
    if standalone:
        svg.set("preserveAspectRatio", "xMidYMin meet")
    _sub(svg, "title", chart.title, id=f"{prefix}-svg-title")
    decisions = sum(1 for s in chart.steps if s.type == "decision")
    desc = (f"{chart.meta.summary} " if chart.meta.summary else "") + (
        f"A flowchart of {len(chart.steps)} steps, {decisions} of them decisions, "
        "read from the top and following the arrows."
    )
    _sub(svg, "desc", desc, id=f"{prefix}-svg-desc")
    if standalone:
        _sub(svg, "rect", width="100%", height="100%", fill="#ffffff")

    edges = _sub(svg, "g", fill="none", stroke=COLOURS["edge"], stroke_width="1.6", class_="pm-fc-edges")
    for route in diagram.routes:
        _edge(edges, route)
    labels = _sub(svg, "g", class_="pm-fc-labels")
    # One route per branch, in order: the model rejects a step that leads to itself (layout drops those).
    for route, branch in zip(diagram.routes, (b for s in chart.steps for b in s.next), strict=True):
        if route.label is not None and branch.label:
            _label(labels, route.label, branch.label)
    steps = _sub(svg, "g", class_="pm-fc-steps")
    for index, step in enumerate(chart.steps):
        _step(steps, shapes[step.id], diagram.nodes[step.id], index == 0, href(step) if href else None)
    return svg


def to_string(chart: Flowchart) -> str:
    """The diagram as a file of its own (for download): no links, a white background."""
    svg = build(chart, standalone=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(svg, encoding="unicode") + "\n"
