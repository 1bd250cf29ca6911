"""A layered, top-down layout for small directed graphs such as flowcharts, in plain Python.

We draw our own rather than call Graphviz (a system binary: ``make site`` must work wherever
Python does) or a PyPI layout library: the one pure-Python candidate, grandalf, describes itself
as a framework for experiments, is licensed GPL/EPL, and has no notion of edge labels or ports.
A flowchart has a few dozen steps, so the classic Sugiyama method fits in this module:

1. **cycles**: edges that go back up (found by a depth-first search from the first step, in the
   order the branches are written) are laid out reversed and drawn with the arrow pointing up;
2. **ranks**: longest path from the start; an edge with a label spans two ranks, and its label
   becomes a box in the rank between (as Graphviz's ``dot`` does), so labels never overlap steps;
   longer edges get a zero-width "dummy" vertex in each rank they cross;
3. **order** within ranks: depth-first from the start (so branches keep the order they are
   written in: "Yes" left of "No"), then barycentre sweeps, keeping the order with fewest crossings;
4. **x**: each rank is placed by weighted least squares towards its neighbours, subject to
   minimum gaps (solved exactly by pool-adjacent-violators), sweeping down and up; chains of
   dummies weigh most, so long edges run straight;
5. **ports**: edges leave a box at its bottom and enter the next at its top, at ports spread
   across the side in the order of where they go, so that they do not cross;
6. **y**: each rank is a band as tall as its tallest box, and the gap below it grows with the
   sideways run of the curves crossing it;
7. **routes**: between ranks edges are S-curves, through a rank they run straight down.

Each phase is a function below (``_acyclic``, ``_ranks`` and ``_chains``, ``_ordered_ranks``,
``_place_x``, ``_ports``, ``_rank_bands``, ``_route``); ``layout`` runs them in turn.

Everything is deterministic: the same source gives the same drawing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Hashable

Point = tuple[float, float]


@dataclass(frozen=True)
class Node:
    """A box to place. ``inset`` keeps edge ports that far from its left and right corners."""

    id: str
    width: float
    height: float
    inset: float = 0.0


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: tuple[float, float] | None = None  # (width, height) of the label's box, if it has one


@dataclass(frozen=True)
class Spacing:
    node_gap: float = 28.0  # between two boxes side by side
    dummy_gap: float = 14.0  # between an edge passing through a rank and anything else
    port_gap: float = 18.0  # between edges meeting one side of a box
    rank_gap: float = 30.0  # the least vertical space between ranks
    max_rank_gap: float = 84.0
    margin: float = 12.0


@dataclass
class Box:
    x: float  # left
    y: float  # top
    width: float
    height: float
    rank: int
    id: str | None = None  # the node's id; None for an edge label

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def cy(self) -> float:
        return self.y + self.height / 2


@dataclass
class Route:
    """An edge's path from source to target: vertical runs, joined by S-curves between ranks."""

    edge: Edge
    points: list[Point]
    label: Box | None = None
    back: bool = False  # it goes up: the target is above the source


@dataclass
class Layout:
    width: float
    height: float
    nodes: dict[str, Box]
    routes: list[Route]
    ranks: list[list[Box]] = field(default_factory=list)  # boxes and labels per rank, left to right


# --------------------------------------------------------------------------- internals


@dataclass(eq=False)
class _Vertex:
    key: Hashable
    width: float
    height: float
    kind: str  # "node", "label" or "dummy"
    rank: int = 0
    x: float = 0.0  # centre
    inset: float = 0.0
    up: list["_Vertex"] = field(default_factory=list)
    down: list["_Vertex"] = field(default_factory=list)


def _weight(a: _Vertex, b: _Vertex) -> float:
    """How strongly an edge segment pulls its ends into line (Gansner et al.: 1, 2, 8)."""
    virtual = (a.kind != "node") + (b.kind != "node")
    return (1.0, 2.0, 8.0)[virtual]


def _back_edges(order: list[str], edges: list[Edge]) -> set[int]:
    """Edges that close a cycle, found depth-first from the first node, branches in written order."""
    out: dict[str, list[int]] = {n: [] for n in order}
    for index, edge in enumerate(edges):
        out[edge.source].append(index)
    state: dict[str, int] = {}  # 1 on the stack, 2 finished
    back: set[int] = set()
    for root in order:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(out[root]))]
        while stack:
            node, pending = stack[-1]
            for index in pending:
                target = edges[index].target
                if state.get(target) == 1:
                    back.add(index)
                elif target not in state:
                    state[target] = 1
                    stack.append((target, iter(out[target])))
                    break
            else:
                state[node] = 2
                stack.pop()
    return back


def _ranks(order: list[str], dag: list[tuple[str, str, int]]) -> dict[str, int]:
    """Longest path from the sources, with each edge at least its length in ranks."""
    indegree = {n: 0 for n in order}
    out: dict[str, list[tuple[str, int]]] = {n: [] for n in order}
    for top, bottom, length in dag:
        indegree[bottom] += 1
        out[top].append((bottom, length))
    rank = {n: 0 for n in order}
    ready = [n for n in order if indegree[n] == 0]
    while ready:
        node = ready.pop(0)
        for target, length in out[node]:
            rank[target] = max(rank[target], rank[node] + length)
            indegree[target] -= 1
            if indegree[target] == 0:
                ready.append(target)
    return rank


def _crossings(ranks: list[list[_Vertex]]) -> int:
    total = 0
    for upper in ranks[:-1]:
        position = {id(v): i for i, v in enumerate(upper)}
        pairs = []
        for v in upper:
            for w in v.down:
                pairs.append((position[id(v)], w))
        if not pairs:
            continue
        lower = {id(w): i for i, w in enumerate(ranks[upper[0].rank + 1])}
        segments = [(a, lower[id(w)]) for a, w in pairs]
        for i, (a1, b1) in enumerate(segments):
            for a2, b2 in segments[i + 1 :]:
                if (a1 - a2) * (b1 - b2) < 0:
                    total += 1
    return total


def _sweep_order(ranks: list[list[_Vertex]], downwards: bool) -> None:
    indices = range(1, len(ranks)) if downwards else range(len(ranks) - 2, -1, -1)
    for r in indices:
        neighbour_rank = ranks[r - 1] if downwards else ranks[r + 1]
        position = {id(v): i for i, v in enumerate(neighbour_rank)}
        keyed = []
        for i, v in enumerate(ranks[r]):
            neighbours = v.up if downwards else v.down
            if neighbours:
                key = sum(position[id(n)] for n in neighbours) / len(neighbours)
            else:
                key = float(i)
            keyed.append((key, i, v))
        keyed.sort(key=lambda item: (item[0], item[1]))
        ranks[r] = [v for _, _, v in keyed]


def _gap(a: _Vertex, b: _Vertex, spacing: Spacing) -> float:
    space = spacing.dummy_gap if "dummy" in (a.kind, b.kind) else spacing.node_gap
    return a.width / 2 + b.width / 2 + space


def _pav(targets: list[float], weights: list[float], offsets: list[float]) -> list[float]:
    """Minimise sum(w * (x - t)^2) subject to x[i+1] - x[i] >= offsets[i+1] - offsets[i]."""
    blocks: list[list[float]] = []  # [value, weight, count]
    for target, weight, offset in zip(targets, weights, offsets, strict=True):
        blocks.append([target - offset, weight, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            value, w, count = blocks.pop()
            last = blocks[-1]
            total = last[1] + w
            last[0] = (last[0] * last[1] + value * w) / total
            last[1] = total
            last[2] += count
    out: list[float] = []
    for value, _, count in blocks:
        out.extend([value] * int(count))
    return [value + offset for value, offset in zip(out, offsets, strict=True)]


def _place_rank(rank: list[_Vertex], downwards: bool | None, spacing: Spacing) -> None:
    targets, weights, offsets = [], [], []
    offset = 0.0
    for i, v in enumerate(rank):
        if i:
            offset += _gap(rank[i - 1], v, spacing)
        offsets.append(offset)
        if downwards is None:
            neighbours = v.up + v.down
        else:
            neighbours = v.up if downwards else v.down
        if neighbours:
            ws = [_weight(v, n) for n in neighbours]
            targets.append(sum(w * n.x for w, n in zip(ws, neighbours, strict=True)) / sum(ws))
            weights.append(sum(ws))
        else:
            targets.append(v.x)
            weights.append(0.001)
    for v, x in zip(rank, _pav(targets, weights, offsets), strict=True):
        v.x = x


def _runs(ranks: list[list[_Vertex]]) -> list[list[_Vertex]]:
    """The runs of singly linked vertices (each goes down to exactly one vertex, which comes from
    it alone), top to bottom, longest first; a vertex belongs to one run at most."""
    runs: list[list[_Vertex]] = []
    seen: set[int] = set()
    for rank in ranks:
        for v in rank:
            if id(v) in seen:
                continue
            run = [v]
            while len(run[-1].down) == 1 and len(run[-1].down[0].up) == 1 and id(run[-1].down[0]) not in seen:
                run.append(run[-1].down[0])
            seen.update(id(w) for w in run)
            if len(run) > 1:
                runs.append(run)
    runs.sort(key=len, reverse=True)
    return runs


def _fits(rank: list[_Vertex], i: int, x: float, spacing: Spacing) -> bool:
    """Whether ``rank[i]`` can move to ``x`` and keep its gaps to its neighbours on both sides."""
    v = rank[i]
    if i > 0 and x - rank[i - 1].x < _gap(rank[i - 1], v, spacing) - 0.01:
        return False
    return not (i + 1 < len(rank) and rank[i + 1].x - x < _gap(v, rank[i + 1], spacing) - 0.01)


def _align(run: list[_Vertex], ranks: list[list[_Vertex]], position: dict[int, tuple[int, int]], spacing: Spacing) -> bool:
    """Move a slanted run to one x where every vertex fits: the run's mean, else the x of one of
    its vertices, nearest the mean first. Whether it moved."""
    if max(v.x for v in run) - min(v.x for v in run) < 0.01:
        return False
    mean = sum(v.x for v in run) / len(run)
    for x in [mean] + sorted((v.x for v in run), key=lambda c: abs(c - mean)):
        if all(_fits(ranks[position[id(v)][0]], position[id(v)][1], x, spacing) for v in run):
            for v in run:
                v.x = x
            return True
    return False


def _straighten(ranks: list[list[_Vertex]], spacing: Spacing) -> None:
    """Put each run of singly linked vertices (a plain sequence of steps, a long edge) on one line.

    Least squares leaves such runs slightly slanted, which draws as a wobble at every step. A run
    moves to a common x where that keeps every gap in its ranks; the longest runs go first.
    """
    position = {id(v): (r, i) for r, rank in enumerate(ranks) for i, v in enumerate(rank)}
    runs = _runs(ranks)
    for _ in range(4):  # moving one run can make room for another
        moved = False
        for run in runs:
            moved = _align(run, ranks, position, spacing) or moved
        if not moved:
            break


def _spread(count: int, box: Box, inset: float, spacing: Spacing) -> list[float]:
    """``count`` ports along a side of ``box``, centred, at most ``port_gap`` apart."""
    if count <= 1:
        return [box.cx] * count
    usable = max(box.width - 2 * inset - 8, 0.0)
    step = min(spacing.port_gap, usable / (count - 1))
    return [box.cx + (i - (count - 1) / 2) * step for i in range(count)]


# --------------------------------------------------------------------------- the phases


def _acyclic(order: list[str], edges: list[Edge]) -> tuple[set[int], list[tuple[str, str, int]]]:
    """Phase 1, cycles: the back edges, and every edge as (top, bottom, length in ranks), back
    edges reversed; an edge with a label spans two ranks, its label in the rank between."""
    back = _back_edges(order, edges)
    dag = []
    for index, edge in enumerate(edges):
        top, bottom = (edge.target, edge.source) if index in back else (edge.source, edge.target)
        dag.append((top, bottom, 2 if edge.label else 1))
    return back, dag


def _chains(
    edges: list[Edge], dag: list[tuple[str, str, int]], back: set[int], vertices: dict[Hashable, _Vertex]
) -> list[list[_Vertex]]:
    """Phase 2, ranks (after ``_ranks`` has ranked the steps): one chain of vertices per edge, top to bottom,
    with its label (if any) next to the source and a dummy vertex in each other rank it crosses.
    The new vertices are added to ``vertices``."""
    chains: list[list[_Vertex]] = []
    for index, (edge, (top, bottom, _)) in enumerate(zip(edges, dag, strict=True)):
        first, last = vertices[top].rank, vertices[bottom].rank
        label_rank = (last - 1) if index in back else (first + 1)
        chain = [vertices[top]]
        for r in range(first + 1, last):
            if edge.label and r == label_rank:
                v = _Vertex(("label", index), edge.label[0], edge.label[1], "label", rank=r)
            else:
                v = _Vertex(("dummy", index, r), 0.0, 0.0, "dummy", rank=r)
            vertices[v.key] = v
            chain.append(v)
        chain.append(vertices[bottom])
        for a, b in pairwise(chain):
            a.down.append(b)
            b.up.append(a)
        chains.append(chain)
    return chains


def _ordered_ranks(order: list[str], vertices: dict[Hashable, _Vertex]) -> list[list[_Vertex]]:
    """Phase 3, order: the vertices of each rank, left to right. First depth-first from the
    start, branches in the order they are written; then barycentre sweeps, keeping the order
    with the fewest crossings."""
    ranks: list[list[_Vertex]] = [[] for _ in range(max(v.rank for v in vertices.values()) + 1)]
    seen: set[int] = set()

    def visit(v: _Vertex) -> None:
        seen.add(id(v))
        ranks[v.rank].append(v)
        for w in v.down:
            if id(w) not in seen:
                visit(w)

    for key in order:
        if id(vertices[key]) not in seen:
            visit(vertices[key])

    best = [list(r) for r in ranks]
    fewest = _crossings(ranks)
    for sweep in range(12):
        if fewest == 0:
            break
        _sweep_order(ranks, downwards=sweep % 2 == 0)
        count = _crossings(ranks)
        if count < fewest:
            best, fewest = [list(r) for r in ranks], count
    return best


def _place_x(ranks: list[list[_Vertex]], vertices: dict[Hashable, _Vertex], spacing: Spacing) -> None:
    """Phase 4, x: pack each rank, then pull it towards its neighbours, sweeping down and up;
    straighten runs; and move everything right of the margin."""
    for rank_vertices in ranks:
        x = 0.0
        for i, v in enumerate(rank_vertices):
            if i:
                x += _gap(rank_vertices[i - 1], v, spacing)
            v.x = x
    for _ in range(16):
        for r in range(1, len(ranks)):
            _place_rank(ranks[r], True, spacing)
        for r in range(len(ranks) - 2, -1, -1):
            _place_rank(ranks[r], False, spacing)
    for r in range(len(ranks)):
        _place_rank(ranks[r], None, spacing)
    _straighten(ranks, spacing)
    left = min(v.x - v.width / 2 for v in vertices.values())
    for v in vertices.values():
        v.x += spacing.margin - left


def _ports(
    vertices: dict[Hashable, _Vertex], chains: list[list[_Vertex]], spacing: Spacing
) -> dict[tuple[int, int], float]:
    """Phase 5, ports: where each chain leaves its first box (``(chain, 0)``, at the bottom) and
    enters its last (``(chain, 1)``, at the top), spread out along the side, in the order of the
    vertices they go to, so that they do not cross."""
    provisional = {key: Box(v.x - v.width / 2, 0.0, v.width, v.height, v.rank) for key, v in vertices.items()}
    ports: dict[tuple[int, int], float] = {}
    for key, v in vertices.items():
        if v.kind != "node":
            continue
        for side in ("bottom", "top"):
            users = [(i, c) for i, c in enumerate(chains) for j, w in enumerate(c) if w is v and (
                (side == "bottom" and j + 1 < len(c)) or (side == "top" and j > 0))]
            users.sort(key=lambda item: (item[1][item[1].index(v) + (1 if side == "bottom" else -1)].x, item[0]))
            for (i, _), x in zip(users, _spread(len(users), provisional[key], v.inset, spacing), strict=True):
                ports[(i, 0 if side == "bottom" else 1)] = x
    return ports


def _rank_bands(
    ranks: list[list[_Vertex]], chains: list[list[_Vertex]], ports: dict[tuple[int, int], float], spacing: Spacing
) -> tuple[list[float], list[float]]:
    """Phase 6, y: ``(tops, heights)`` of the ranks. A rank is a band as tall as its tallest
    box; the gap below it grows with the sideways run of the curves crossing it."""
    heights = [max((v.height for v in r), default=0.0) for r in ranks]
    spans = [0.0] * len(ranks)
    for i, chain in enumerate(chains):
        xs = [ports[(i, 0)]] + [v.x for v in chain[1:-1]] + [ports[(i, 1)]]
        for a, (xa, xb) in zip(chain[:-1], pairwise(xs), strict=True):  # each segment, by its upper end
            spans[a.rank] = max(spans[a.rank], abs(xa - xb))
    tops = [spacing.margin]
    for r in range(1, len(ranks)):
        gap = min(max(spacing.rank_gap, 0.2 * spans[r - 1] + 16), spacing.max_rank_gap)
        tops.append(tops[-1] + heights[r - 1] + gap)
    return tops, heights


def _route(
    edge: Edge, chain: list[_Vertex], ports: tuple[float, float], boxes: dict[Hashable, Box],
    tops: list[float], heights: list[float], back: bool,
) -> Route:
    """Phase 7, routes: an edge's points, from the bottom of its first box through the ranks it
    crosses to the top of its last; a back edge's points are reversed, so its arrow points up."""
    start, end = boxes[chain[0].key], boxes[chain[-1].key]
    x0, x1 = ports

    # A port a few pixels off the line it joins would make a wobble: run straight instead.
    def inside(x: float, b: Box, v: _Vertex) -> bool:
        return b.x + v.inset < x < b.right - v.inset

    if len(chain) == 2:
        if abs(x0 - x1) < 6:
            if inside(x0, end, chain[-1]):
                x1 = x0
            elif inside(x1, start, chain[0]):
                x0 = x1
    else:
        if abs(x0 - chain[1].x) < 6 and inside(chain[1].x, start, chain[0]):
            x0 = chain[1].x
        if abs(x1 - chain[-2].x) < 6 and inside(chain[-2].x, end, chain[-1]):
            x1 = chain[-2].x
    points: list[Point] = [(x0, start.bottom), (x0, tops[start.rank] + heights[start.rank])]
    label = None
    for v in chain[1:-1]:
        points += [(v.x, tops[v.rank]), (v.x, tops[v.rank] + heights[v.rank])]
        if v.kind == "label":
            label = boxes[v.key]
    points += [(x1, tops[end.rank]), (x1, end.y)]
    clean = [points[0]] + [q for p, q in pairwise(points) if q != p]
    return Route(edge, clean[::-1] if back else clean, label, back)


# --------------------------------------------------------------------------- the layout


def layout(nodes: list[Node], edges: list[Edge], spacing: Spacing = Spacing()) -> Layout:
    """Place ``nodes`` top-down, the first at the top, and route ``edges`` between them: the
    phases above, in turn."""
    order = [n.id for n in nodes]
    vertices: dict[Hashable, _Vertex] = {n.id: _Vertex(n.id, n.width, n.height, "node", inset=n.inset) for n in nodes}
    edges = [e for e in edges if e.source != e.target]

    back, dag = _acyclic(order, edges)
    for key, r in _ranks(order, dag).items():
        vertices[key].rank = r
    chains = _chains(edges, dag, back, vertices)
    ranks = _ordered_ranks(order, vertices)
    _place_x(ranks, vertices, spacing)
    ports = _ports(vertices, chains, spacing)
    tops, heights = _rank_bands(ranks, chains, ports, spacing)

    boxes = {
        key: Box(v.x - v.width / 2, tops[v.rank] + (heights[v.rank] - v.height) / 2, v.width, v.height, v.rank,
                 str(v.key) if v.kind == "node" else None)
        for key, v in vertices.items()
    }
    routes = [
        _route(edge, chain, (ports[(i, 0)], ports[(i, 1)]), boxes, tops, heights, i in back)
        for i, (edge, chain) in enumerate(zip(edges, chains, strict=True))
    ]
    width = max(b.right for b in boxes.values()) + spacing.margin
    height = max(b.bottom for b in boxes.values()) + spacing.margin
    by_rank = [[boxes[v.key] for v in r if v.kind != "dummy"] for r in ranks]
    return Layout(width, height, {n.id: boxes[n.id] for n in nodes}, routes, by_rank)
