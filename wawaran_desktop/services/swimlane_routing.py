"""Orthogonal arrows between the chart's symbols that never cross a symbol.

Each arrow leaves its source through one side's midpoint (a *port*: top, bottom, left,
right; for a diamond its corners) and enters its target through another. Between the two
short stubs outside the ports, candidate paths with one to three bends are tried along the
free lines of the chart: vertical *corridors* inside the lane columns beside the symbols,
and horizontal *channels* in each row above and below its symbols. The cheapest candidate
(length, bends, preferred ports, crossings of earlier arrows) that meets no symbol or marker
and does not run along an earlier arrow wins. Each port carries at most one arrow end.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from wawaran_desktop.services.swimlane_geometry import EPS, Box, Measure, Point, Route, segment_hits_box

DIRECTIONS: dict[str, Point] = {"top": (0, -1), "bottom": (0, 1), "left": (-1, 0), "right": (1, 0)}
STUB = 7.0  # straight length before the first and after the last bend
CLEARANCE = 2.5  # how close an arrow may pass another symbol
SPACING = 3.0  # how close two parallel arrows may run
BEND_COST = 24.0
CROSSING_COST = 40.0


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

    def __init__(self, nodes: dict[str, Box], obstacles: Sequence[Box], corridors: Sequence[float],
                 channels: Sequence[float]) -> None:
        self.nodes = nodes
        self.obstacles = list(obstacles)
        self.corridors = list(corridors)
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
    def _connections(self, a: Point, b: Point) -> Iterator[list[Point]]:
        yield [a, (b[0], a[1]), b]
        yield [a, (a[0], b[1]), b]
        for x in self.corridors:
            yield [a, (x, a[1]), (x, b[1]), b]
        for y in self.channels:
            yield [a, (a[0], y), (b[0], y), b]

    def _candidates(self, source: str, target: str, label: str) -> list[tuple[float, list[Point], str, str]]:
        src, dst = self.nodes[source], self.nodes[target]
        found = []
        for out_side, out_cost in self._out_sides(src, dst, label):
            if (source, out_side) in self.used:
                continue
            start = port(src, out_side)
            for in_side, in_cost in self._in_sides(src, dst):
                if (target, in_side) in self.used:
                    continue
                end = port(dst, in_side)
                a, b = _along(start, out_side, STUB), _along(end, in_side, STUB)
                for middle in self._connections(a, b):
                    points = simplify([start, *middle, end])
                    if not self._well_formed(points, out_side, in_side):
                        continue
                    cost = _length(points) + BEND_COST * (len(points) - 2) + out_cost + in_cost
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
    def _blocked(self, points: Sequence[Point], source: str, target: str) -> bool:
        own = (self.nodes[source], self.nodes[target])
        for a, b in zip(points, points[1:]):
            if any(segment_hits_box(a, b, box, open_interior=True) for box in own):
                return True
            for box in self.obstacles:
                if box not in own and segment_hits_box(a, b, box.inflated(CLEARANCE)):
                    return True
            if any(_runs_along(a, b, c, d) for c, d in self.segments):
                return True
        return False

    def _crossings(self, points: Sequence[Point]) -> int:
        return sum(1 for a, b in zip(points, points[1:]) for c, d in self.segments if _crosses(a, b, c, d))

    # -- routing --------------------------------------------------------------------------
    def route(self, source: str, target: str, label: str = "", measure: Measure | None = None) -> Route:
        best: tuple[float, list[Point], str, str] | None = None
        for cost, points, out_side, in_side in self._candidates(source, target, label):
            if best is not None and cost >= best[0]:
                break
            if self._blocked(points, source, target):
                continue
            total = cost + CROSSING_COST * self._crossings(points)
            if best is None or total < best[0]:
                best = (total, points, out_side, in_side)
        if best is None:
            raise ValueError(f"no free route from {source} to {target}")
        _, points, out_side, in_side = best
        self.used.update({(source, out_side), (target, in_side)})
        self.segments.extend(zip(points, points[1:]))
        return Route(source, target, tuple(points), label,
                     _label_at(points[0], out_side, label, measure) if label else None)


def _runs_along(a: Point, b: Point, c: Point, d: Point) -> bool:
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


def _crosses(a: Point, b: Point, c: Point, d: Point) -> bool:
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


def _label_at(start: Point, side: str, label: str, measure: Measure | None) -> Point:
    """Beside the arrow's first stretch: right of a downward line, above a sideways one."""
    width = measure.width(label, "small") if measure else len(label) * 3.5
    height = measure.line_height("small") if measure else 8.0
    if side in ("left", "right"):
        x = start[0] + 2 if side == "right" else start[0] - 2 - width
        return (x, start[1] - height - 1)
    y = start[1] + 1 if side == "bottom" else start[1] - height - 1
    return (start[0] + 2, y)
