"""The layered layout: boxes on one rank never overlap, edges run downwards, labels sit on
their edges, cycles are drawn, and the same source always gives the same drawing."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.flowcharts import layout as lay
from generator.flowcharts import svg
from generator.flowcharts.model import load_library
from tests.conftest import REPO

TODAY = dt.date(2026, 11, 23)
DEMO = load_library(REPO, "flowcharts", today=TODAY)


def test_the_demo_flowcharts_load_without_problems():
    assert [str(p) for p in DEMO.problems] == []
    assert sorted(DEMO.charts) == [
        "after-conference", "assessment", "immediate-protection", "referral", "returning-home", "strategy-discussion",
    ]


def assert_sound(result: lay.Layout, nodes: list[lay.Node], edges: list[lay.Edge]) -> None:
    # Steps (and labels) on the same rank never overlap: compare bounding boxes.
    for rank in result.ranks:
        for a, b in itertools.combinations(rank, 2):
            assert a.right <= b.x or b.right <= a.x, (a, b)
        assert [box.x for box in rank] == sorted(box.x for box in rank)
    # Ranks are bands: a box of one rank never overlaps a box of another.
    boxes = [box for rank in result.ranks for box in rank]
    for a, b in itertools.combinations(boxes, 2):
        if a.rank != b.rank:
            assert a.bottom <= b.y or b.bottom <= a.y, (a, b)
    # Everything is inside the drawing.
    for box in boxes:
        assert box.x >= 0 and box.y >= 0 and box.right <= result.width and box.bottom <= result.height
    assert {n.id for n in nodes} == set(result.nodes)
    # Each route starts on its source's box and ends on its target's box, going down (or up,
    # for an edge that closes a cycle), and passes through its label.
    drawn = [e for e in edges if e.source != e.target]
    assert [r.edge for r in result.routes] == drawn
    for route in result.routes:
        source, target = result.nodes[route.edge.source], result.nodes[route.edge.target]
        (x0, y0), (x1, y1) = route.points[0], route.points[-1]
        assert source.x <= x0 <= source.right and target.x <= x1 <= target.right
        if route.back:
            assert y0 == source.y and y1 == target.bottom and y1 < y0
        else:
            assert y0 == source.bottom and y1 == target.y and y1 > y0
        ys = [y for _, y in route.points]
        assert ys == sorted(ys, reverse=route.back)
        if route.edge.label:
            assert route.label is not None
            label = route.label
            assert any(
                abs(x0 - label.cx) < 0.01 and abs(x1 - label.cx) < 0.01 and min(y0, y1) <= label.y and max(y0, y1) >= label.bottom
                for (x0, y0), (x1, y1) in itertools.pairwise(route.points)
            ), "the edge runs straight through its label"


@pytest.mark.parametrize("name", sorted(DEMO.charts))
def test_demo_layouts_are_sound(name):
    chart = DEMO.charts[name]
    result, shapes = svg.diagram_layout(chart)
    nodes = [lay.Node(s.step.id, s.width, s.height, s.inset) for s in shapes.values()]
    edges = [lay.Edge(step.id, b.to, svg.label_size(b.label) if b.label else None) for step in chart.steps for b in step.next]
    assert_sound(result, nodes, edges)
    # The first step is at the top, alone.
    assert result.ranks[0] == [result.nodes[chart.steps[0].id]]
    # A diagram that fits a page: no wider than Material's content column at 1280 px is tall.
    assert result.width <= 760


def test_the_same_source_gives_the_same_drawing():
    chart = DEMO.charts["referral"]
    first = svg.to_string(chart)
    assert all(svg.to_string(chart) == first for _ in range(3))


def test_a_plain_sequence_is_one_straight_column():
    nodes = [lay.Node(n, 120, 40) for n in "abcd"]
    edges = [lay.Edge("a", "b"), lay.Edge("b", "c"), lay.Edge("c", "d")]
    result = lay.layout(nodes, edges)
    assert len({box.cx for box in result.nodes.values()}) == 1
    assert [box.rank for box in result.nodes.values()] == [0, 1, 2, 3]


def test_branches_keep_the_order_they_are_written_in():
    nodes = [lay.Node("q", 120, 40), lay.Node("yes", 120, 40), lay.Node("no", 120, 40)]
    edges = [lay.Edge("q", "yes", (30, 20)), lay.Edge("q", "no", (30, 20))]
    result = lay.layout(nodes, edges)
    assert result.nodes["yes"].cx < result.nodes["q"].cx < result.nodes["no"].cx
    assert result.nodes["yes"].rank == result.nodes["no"].rank == 2  # the labels take rank 1
    assert [box.id for box in result.ranks[1]] == [None, None]


def test_a_cycle_is_drawn_with_an_edge_going_back_up():
    nodes = [lay.Node(n, 100, 30) for n in ("review", "decide", "close")]
    edges = [lay.Edge("review", "decide"), lay.Edge("decide", "review", (40, 20)), lay.Edge("decide", "close", (40, 20))]
    result = lay.layout(nodes, edges)
    assert result.nodes["review"].rank < result.nodes["decide"].rank < result.nodes["close"].rank
    back = [r for r in result.routes if r.back]
    assert [r.edge for r in back] == [edges[1]]
    assert_sound(result, nodes, edges)


def test_a_long_edge_passes_beside_the_steps_it_skips():
    nodes = [lay.Node(n, 150, 40) for n in ("q", "a", "b", "c", "end")]
    edges = [lay.Edge("q", "a", (30, 20)), lay.Edge("a", "b"), lay.Edge("b", "c"), lay.Edge("c", "end"), lay.Edge("q", "end", (30, 20))]
    result = lay.layout(nodes, edges)
    assert_sound(result, nodes, edges)
    skip = result.routes[-1]
    for step in ("a", "b", "c"):
        box = result.nodes[step]
        for (x0, y0), (x1, y1) in itertools.pairwise(skip.points):
            if x0 == x1 and min(y0, y1) < box.bottom and max(y0, y1) > box.y:
                assert not box.x <= x0 <= box.right, step


@st.composite
def flowcharts(draw):
    """Random flowcharts: every step reachable from the first, some loops, some labels."""
    count = draw(st.integers(min_value=1, max_value=14))
    nodes = [lay.Node(f"s{i}", draw(st.integers(40, 260)), draw(st.integers(20, 120)), draw(st.sampled_from([0, 16]))) for i in range(count)]
    edges = []
    for i in range(1, count):
        edges.append(lay.Edge(f"s{draw(st.integers(0, i - 1))}", f"s{i}", draw(st.sampled_from([None, (40.0, 20.0), (130.0, 36.0)]))))
    for _ in range(draw(st.integers(0, count))):
        a, b = draw(st.integers(0, count - 1)), draw(st.integers(0, count - 1))
        edges.append(lay.Edge(f"s{a}", f"s{b}", draw(st.sampled_from([None, (40.0, 20.0)]))))
    return nodes, edges


@settings(max_examples=150, deadline=None)
@given(flowcharts())
def test_random_flowcharts_are_laid_out_soundly(chart):
    nodes, edges = chart
    assert_sound(lay.layout(nodes, edges), nodes, edges)
