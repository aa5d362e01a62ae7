"""Orthogonal arrows between the chart's symbols that never cross a symbol.

Each arrow leaves its source through one side's midpoint (a *port*: top, bottom, left,
right; for a diamond its corners) and enters its target through another. Between the two
short stubs outside the ports, candidate paths with one to three bends are tried along the
free lines of the chart: vertical *corridors* inside the lane columns beside the symbols,
and horizontal *channels* in each row above and below its symbols. The cheapest candidate
(length, bends, preferred ports, crossings of earlier arrows) that meets no symbol or marker
and does not run along an earlier arrow or a supporting lane's tie wins. Each port carries at
most one arrow end; a side where a tie meets its symbol carries none.

When no such path exists (a crowded chart with several arrows going back), the rules are
relaxed step by step — a port may carry two arrow ends, then an arrow may run along another,
and as a last resort it may cross a symbol — so that every definition the loader accepts
gets a chart.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from wawaran_desktop.charts.swimlane_geometry import (
    EPS,
    Box,
    Column,
    Marker,
    Measure,
    Point,
    Route,
    Row,
    Symbol,
    segment_hits_box,
)

DIRECTIONS: dict[str, Point] = {"top": (0, -1), "bottom": (0, 1), "left": (-1, 0), "right": (1, 0)}
STUB = 7.0  # straight length before the first and after the last bend
CLEARANCE = 2.5  # how close an arrow may pass another symbol
SPACING = 3.0  # how close two parallel arrows may run
BEND_COST = 24.0
CROSSING_COST = 40.0
EDGE_CORRIDOR_COST = 30.0  # a corridor beside a column's border is used only when the middle is taken


def port(box: Box, side: str) -> Point:
    return {"top": (box.cx, box.y), "bottom": (box.cx, box.bottom),
            "left": (box.x, box.cy), "right": (box.right, box.cy)}[side]


def _along(p: Point, side: str, d: float) -> Point:
    dx, dy = DIRECTIONS[side]
    return (p[0] + dx * d, p[1] + dy * d)


def simplify(points: Iterable[Point]) -> list[Point]:
    """Drop repeated points and points in the middle of a straight run."""
    out: list[Point] = []
    for p in points:
        if out and abs(out[-1][0] - p[0]) < EPS and abs(out[-1][1] - p[1]) < EPS:
            continue
        if len(out) >= 2:
            a, b = out[-2], out[-1]
            if (abs(a[0] - b[0]) < EPS and abs(b[0] - p[0]) < EPS) or (
                    abs(a[1] - b[1]) < EPS and abs(b[1] - p[1]) < EPS):
                out[-1] = p
                continue
        out.append(p)
    return out


def _direction(a: Point, b: Point) -> Point:
    dx, dy = b[0] - a[0], b[1] - a[1]
    return ((dx > 0) - (dx < 0), (dy > 0) - (dy < 0))


def _length(points: Sequence[Point]) -> float:
    return sum(abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in zip(points, points[1:]))


class Router:
    """Routes arrows one after the other over fixed symbols and obstacles."""

    def __init__(self, nodes: dict[str, Box], obstacles: Sequence[Box], corridors: Sequence[float | tuple[float, float]],
                 channels: Sequence[float]) -> None:
        self.nodes = nodes
        self.obstacles = list(obstacles)
        # a corridor is an x, or (x, extra cost): lines close to a column's border cost more
        self.corridors = [c if isinstance(c, tuple) else (c, 0.0) for c in corridors]
        self.channels = list(channels)
        self.used: set[tuple[str, str]] = set()
        self.segments: list[tuple[Point, Point]] = []

    # -- ports ----------------------------------------------------------------------------
    def _out_sides(self, src: Box, dst: Box, label: str) -> list[tuple[str, float]]:
        toward = "right" if dst.cx > src.cx + EPS else "left"
        away = "left" if toward == "right" else "right"
        if dst.y >= src.bottom - EPS:  # forward, downwards
            sides = [("bottom", 0.0), (toward, 10.0), (away, 45.0)]
            if label == "Tidak":  # the second answer leaves sideways, "Ya" straight on
                sides = [(toward, 0.0), (away, 10.0), ("bottom", 40.0)]
        else:  # back to an earlier row
            sides = [(toward, 0.0), (away, 10.0), ("top", 60.0), ("bottom", 70.0)]
        return sides

    def _in_sides(self, src: Box, dst: Box) -> list[tuple[str, float]]:
        facing = "left" if src.cx < dst.cx - EPS else "right"
        other = "right" if facing == "left" else "left"
        if dst.y >= src.bottom - EPS:
            return [("top", 0.0), (facing, 80.0), (other, 100.0)]
        return [(facing, 0.0), (other, 10.0), ("bottom", 50.0), ("top", 60.0)]

    # -- candidates -----------------------------------------------------------------------
    def _connections(self, a: Point, b: Point, detours: bool) -> Iterator[tuple[list[Point], float]]:
        yield [a, (b[0], a[1]), b], 0.0
        yield [a, (a[0], b[1]), b], 0.0
        for x, extra in self.corridors:
            yield [a, (x, a[1]), (x, b[1]), b], extra
        for y in self.channels:
            yield [a, (a[0], y), (b[0], y), b], 0.0
        if not detours:
            return
        near_a = sorted(self.channels, key=lambda y: abs(y - a[1]))[:2]
        near_b = sorted(self.channels, key=lambda y: abs(y - b[1]))[:2]
        for x, extra in self.corridors:  # detours: channels near the ends joined by a corridor
            for y in self.channels:
                yield [a, (x, a[1]), (x, y), (b[0], y), b], extra
                yield [a, (a[0], y), (x, y), (x, b[1]), b], extra
            for y1 in near_a:
                for y2 in near_b:
                    yield [a, (a[0], y1), (x, y1), (x, y2), (b[0], y2), b], extra

    def _candidates(self, source: str, target: str, label: str, *, share_ports: bool = False,
                    detours: bool = False) -> list[tuple[float, list[Point], str, str]]:
        src, dst = self.nodes[source], self.nodes[target]
        found = []
        for out_side, out_cost in self._out_sides(src, dst, label):
            if (source, out_side) in self.used and not share_ports:
                continue
            start = port(src, out_side)
            for in_side, in_cost in self._in_sides(src, dst):
                if (target, in_side) in self.used and not share_ports:
                    continue
                end = port(dst, in_side)
                a, b = _along(start, out_side, STUB), _along(end, in_side, STUB)
                for middle, extra in self._connections(a, b, detours):
                    points = simplify([start, *middle, end])
                    if not self._well_formed(points, out_side, in_side):
                        continue
                    cost = _length(points) + BEND_COST * (len(points) - 2) + out_cost + in_cost + extra
                    found.append((cost, points, out_side, in_side))
        found.sort(key=lambda item: item[0])
        return found

    @staticmethod
    def _well_formed(points: Sequence[Point], out_side: str, in_side: str) -> bool:
        if len(points) < 2:
            return False
        dirs = [_direction(a, b) for a, b in zip(points, points[1:])]
        if dirs[0] != DIRECTIONS[out_side]:
            return False
        last = DIRECTIONS[in_side]
        if dirs[-1] != (-last[0], -last[1]):  # the arrow enters the target, pointing inwards
            return False
        if _length(points[:2]) < STUB - EPS or _length(points[-2:]) < STUB - EPS:
            return False
        return all(d1 != (-d2[0], -d2[1]) for d1, d2 in zip(dirs, dirs[1:]))

    # -- checks ---------------------------------------------------------------------------
    def _blocked(self, points: Sequence[Point], source: str, target: str, strictness: int = 2,
                 shared_ends: bool = False) -> bool:
        """Whether the path is not allowed: 2 — it meets a symbol or runs along an arrow (with
        ``shared_ends`` its first and last stretch may join another arrow at a shared port);
        1 — it meets a symbol (running along is tolerated); 0 — it enters its own ends."""
        own = (self.nodes[source], self.nodes[target])
        last = len(points) - 2
        for i, (a, b) in enumerate(zip(points, points[1:])):
            if any(segment_hits_box(a, b, box, open_interior=True) for box in own):
                return True
            if strictness >= 1:
                for box in self.obstacles:
                    if box not in own and segment_hits_box(a, b, box.inflated(CLEARANCE)):
                        return True
            if strictness >= 2 and not (shared_ends and i in (0, last)) and any(
                    runs_along(a, b, c, d) for c, d in self.segments):
                return True
        return False

    def _crossings(self, points: Sequence[Point]) -> int:
        return sum(1 for a, b in zip(points, points[1:]) for c, d in self.segments if crosses(a, b, c, d))

    # -- routing --------------------------------------------------------------------------
    def _best(self, source: str, target: str, label: str, share_ports: bool, detours: bool, strictness: int
              ) -> tuple[float, list[Point], str, str] | None:
        best: tuple[float, list[Point], str, str] | None = None
        for cost, points, out_side, in_side in self._candidates(source, target, label, share_ports=share_ports,
                                                                detours=detours):
            if best is not None and cost >= best[0]:
                break
            if self._blocked(points, source, target, strictness, share_ports):
                continue
            total = cost + CROSSING_COST * self._crossings(points)
            if best is None or total < best[0]:
                best = (total, points, out_side, in_side)
        return best

    def route(self, source: str, target: str, label: str = "") -> Route:
        """The best free arrow; never fails (the rules relax until some path is found)."""
        best = None
        for share_ports, detours, strictness in ((False, False, 2), (True, False, 2), (False, True, 2),
                                                 (True, True, 2), (True, True, 1), (True, False, 0)):
            best = self._best(source, target, label, share_ports, detours, strictness)
            if best is not None:
                break
        if best is None:  # nothing well formed at all: a plain elbow between two ports
            src, dst = self.nodes[source], self.nodes[target]
            start, end = port(src, "bottom"), port(dst, "top" if dst.y >= src.bottom else "bottom")
            best = (0.0, simplify([start, (start[0], end[1]), end]) if abs(start[0] - end[0]) > EPS
                    else [start, end], "bottom", "top")
        _, points, out_side, in_side = best
        self.used.update({(source, out_side), (target, in_side)})
        self.segments.extend(zip(points, points[1:]))
        return Route(source, target, tuple(points), label, None)


def runs_along(a: Point, b: Point, c: Point, d: Point) -> bool:
    """Two parallel segments closer than SPACING whose extents overlap: they would look as one."""
    if abs(a[1] - b[1]) < EPS and abs(c[1] - d[1]) < EPS:  # both horizontal
        if abs(a[1] - c[1]) >= SPACING:
            return False
        lo, hi = max(min(a[0], b[0]), min(c[0], d[0])), min(max(a[0], b[0]), max(c[0], d[0]))
        return hi - lo > EPS
    if abs(a[0] - b[0]) < EPS and abs(c[0] - d[0]) < EPS:  # both vertical
        if abs(a[0] - c[0]) >= SPACING:
            return False
        lo, hi = max(min(a[1], b[1]), min(c[1], d[1])), min(max(a[1], b[1]), max(c[1], d[1]))
        return hi - lo > EPS
    return False


def crosses(a: Point, b: Point, c: Point, d: Point) -> bool:
    """A horizontal and a vertical segment that cross (not merely touch at an end)."""
    if abs(a[1] - b[1]) < EPS and abs(c[0] - d[0]) < EPS:
        h, v = (a, b), (c, d)
    elif abs(a[0] - b[0]) < EPS and abs(c[1] - d[1]) < EPS:
        h, v = (c, d), (a, b)
    else:
        return False
    x, y = v[0][0], h[0][1]
    return (min(h[0][0], h[1][0]) + EPS < x < max(h[0][0], h[1][0]) - EPS
            and min(v[0][1], v[1][1]) + EPS < y < max(v[0][1], v[1][1]) - EPS)


def connector_symbols(places: Sequence[tuple[str, Column, Row]], w: float, h: float) -> list[Symbol]:
    """Off-page connectors (``letter``, lane column, band row), side by side in their lane's column."""
    by_place: dict[tuple[float, float], list[str]] = {}
    centres: dict[tuple[float, float], tuple[float, float]] = {}
    for letter, col, row in places:
        key = (col.x, row.y)
        by_place.setdefault(key, []).append(letter)
        centres[key] = (col.x + col.w / 2, row.y + row.h / 2)
    result = []
    for key, letters in by_place.items():
        cx, cy = centres[key]
        step = w + 6
        first = cx - step * (len(letters) - 1) / 2
        for i, letter in enumerate(letters):
            result.append(Symbol(f"off:{letter}", None, "connector", Box(0, 0, w, h).centred_at(first + i * step, cy),
                                 letter))
    return result


def route_chart(lanes: Sequence[Column], rows: Sequence[Row], symbols: Sequence[Symbol], markers: Sequence[Marker],
                edges: Sequence[tuple[str, str, str]], grid: Sequence[tuple[Point, Point]], measure: Measure,
                symbol_w: float, symbol_h: float) -> list[Route]:
    """The arrows ``edges`` (source key, target key, label) of one chart or page, labels placed."""
    nodes = {s.key: s.box for s in symbols}
    obstacles = [s.box for s in symbols] + [mk.box for mk in markers]
    corridors: list[tuple[float, float]] = []
    for col in lanes:
        gap = (col.w - symbol_w) / 2
        corridors += [(col.x + col.w / 2, 0.0), (col.x + gap / 2, EDGE_CORRIDOR_COST),
                      (col.x + col.w - gap / 2, EDGE_CORRIDOR_COST)]
    channels = []
    for row in rows:
        if row.kind == "total":
            continue
        tallest = max([s.box.h for s in symbols if row.y <= s.box.cy <= row.y + row.h] or [symbol_h])
        top, bottom = row.y + row.h / 2 - tallest / 2, row.y + row.h / 2 + tallest / 2
        channels += [(row.y + top) / 2, (bottom + row.y + row.h) / 2]
    router = Router(nodes, obstacles, corridors, channels)
    ties = [mk.tie for mk in markers if mk.tie is not None]
    router.segments.extend(ties)  # no arrow runs along a supporting lane's tie; crossing one costs
    for mk in markers:  # nor leaves or enters its symbol where the tie meets it
        own = nodes.get(f"act:{mk.no}")
        if own is not None and mk.tie is not None and own.on_border(mk.tie[1]):
            router.used.add((f"act:{mk.no}", "left" if mk.box.cx < own.cx else "right"))
    # Short, downward arrows first: they take the straight ports; back edges go round them.
    ordered = sorted(edges, key=lambda e: (nodes[e[1]].cy < nodes[e[0]].cy, abs(nodes[e[1]].cy - nodes[e[0]].cy)))
    routes = [router.route(src, dst, label) for src, dst, label in ordered]
    taken: list[Box] = []
    placed = []
    for route in routes:
        if route.label:
            at = label_at(route, routes, [*grid, *ties], obstacles, taken, measure)
            taken.append(Box(at[0], at[1], *_label_size(route.label, measure)))
            route = route._replace(label_at=at)
        placed.append(route)
    return placed


def _label_size(label: str, measure: Measure) -> tuple[float, float]:
    return measure.width(label, "small"), measure.line_height("small")


def label_at(route: Route, routes: Sequence[Route], grid: Sequence[tuple[Point, Point]], obstacles: Sequence[Box],
             taken: Sequence[Box], measure: Measure) -> Point:
    """Top left of a "Ya"/"Tidak" label beside the arrow's first stretch, at the first place
    (nearest the symbol first) that meets no line, symbol or other label."""
    width, height = _label_size(route.label, measure)
    start, nxt = route.points[0], route.points[1]
    dx, dy = _direction(start, nxt)
    run = abs(nxt[0] - start[0]) + abs(nxt[1] - start[1])
    candidates: list[Point] = []
    for along in (2.0, 8.0, 14.0, 20.0):
        if along + (width if dx else height) > run + 2:
            break
        if dx:  # sideways: above the line, then below it
            x = start[0] + along if dx > 0 else start[0] - along - width
            candidates += [(x, start[1] - height - 1), (x, start[1] + 1)]
        else:  # up or down: right of the line, then left of it
            y = start[1] + along if dy > 0 else start[1] - along - height
            candidates += [(start[0] + 2, y), (start[0] - 2 - width, y)]
    if not candidates:
        candidates = [(start[0] + 2, start[1] - height - 1) if dx else (start[0] + 2, start[1] + 1)]
    segments = [seg for r in routes for seg in zip(r.points, r.points[1:])] + list(grid)
    for x, y in candidates:
        box = Box(x, y, width, height).inflated(0.5)
        if any(segment_hits_box(a, b, box) for a, b in segments):
            continue
        if any(_overlap(box, other) for other in [*obstacles, *taken]):
            continue
        return (x, y)
    return candidates[0]


def _overlap(a: Box, b: Box) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom
