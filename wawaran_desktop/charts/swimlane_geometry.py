"""Plain geometry of the swimlane chart (no Qt): boxes, segments, and the results' types.

Units are typographic points (1/72 inch): the chart is drawn 1:1 on A4 paper, and the view
shows it at its paper size when zoomed to 100%.
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

Point = tuple[float, float]
EPS = 1e-6


class Box(NamedTuple):
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def inflated(self, d: float) -> Box:
        return Box(self.x - d, self.y - d, self.w + 2 * d, self.h + 2 * d)

    def centred_at(self, cx: float, cy: float) -> Box:
        return Box(cx - self.w / 2, cy - self.h / 2, self.w, self.h)

    def contains(self, p: Point) -> bool:
        return self.x - EPS <= p[0] <= self.right + EPS and self.y - EPS <= p[1] <= self.bottom + EPS

    def on_border(self, p: Point, tol: float = 0.01) -> bool:
        inside = self.inflated(tol).contains(p)
        strictly = Box(self.x + tol, self.y + tol, self.w - 2 * tol, self.h - 2 * tol).contains(p)
        return inside and not strictly


def segment_hits_box(a: Point, b: Point, box: Box, *, open_interior: bool = False) -> bool:
    """Whether the axis-parallel segment ``a``–``b`` meets ``box``.

    With ``open_interior`` only points strictly inside count (touching the border is allowed):
    that is how a route may start or end on its own symbol's border.
    """
    x1, x2 = sorted((a[0], b[0]))
    y1, y2 = sorted((a[1], b[1]))
    if open_interior:
        return x1 < box.right - EPS and x2 > box.x + EPS and y1 < box.bottom - EPS and y2 > box.y + EPS
    return x1 <= box.right and x2 >= box.x and y1 <= box.bottom and y2 >= box.y


def is_orthogonal(a: Point, b: Point) -> bool:
    return abs(a[0] - b[0]) < EPS or abs(a[1] - b[1]) < EPS


class FontSpec(NamedTuple):
    """A text style of the chart: size in points and weight."""

    size: float
    bold: bool = False


FONTS: dict[str, FontSpec] = {
    "body": FontSpec(8.0),
    "bold": FontSpec(8.0, True),
    "small": FontSpec(7.0),
    "small_bold": FontSpec(7.0, True),
}


class Measure(Protocol):
    """How wide a line of text is, and the distance between lines, in points."""

    def width(self, text: str, font: str) -> float: ...

    def line_height(self, font: str) -> float: ...


class ApproxMeasure:
    """An estimate without fonts (average character width): for tests and headless sizing."""

    def width(self, text: str, font: str) -> float:
        spec = FONTS[font]
        return len(text) * spec.size * (0.56 if spec.bold else 0.52)

    def line_height(self, font: str) -> float:
        return FONTS[font].size * 1.2


def wrap(text: str, width: float, font: str, measure: Measure) -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``width`` (long words are cut)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if measure.width(candidate, font) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            while measure.width(word, font) > width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and measure.width(word[:cut], font) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
    return lines


class Text(NamedTuple):
    """A block of wrapped lines; ``x``, ``y`` is the top left of the first line."""

    key: str
    x: float
    y: float
    w: float
    lines: tuple[str, ...]
    font: str
    align: str = "left"  # or "center"


class Symbol(NamedTuple):
    """A flowchart symbol: an activity (``no``) or an off-page connector (``label`` its letter)."""

    key: str
    no: int | None
    shape: str  # capsule, process, decision, connector
    box: Box
    label: str = ""


class Marker(NamedTuple):
    """A supporting lane of activity ``no``: a small process box in that lane's column, and its
    ``tie``, a line without arrowhead (drawn dashed) from the box towards the activity's own
    symbol, ending on that symbol or on the next supporting box nearer to it."""

    no: int
    lane: str
    box: Box
    tie: tuple[Point, Point] | None = None


class Route(NamedTuple):
    """An arrow: orthogonal points from the source's border to the target's border."""

    source: str
    target: str
    points: tuple[Point, ...]
    label: str = ""
    label_at: Point | None = None  # top left of the label ("Ya"/"Tidak")


class Row(NamedTuple):
    kind: str  # activity, band, total
    no: int | None
    y: float
    h: float


class Column(NamedTuple):
    key: str  # no, kegiatan, lane:<id>, kelengkapan, waktu, output, aktual
    x: float
    w: float


class ChartLayout(NamedTuple):
    """Everything the chart (or one page of it) draws, in points, origin at the top left."""

    width: float
    height: float
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    header_height: float
    lines: tuple[tuple[Point, Point], ...]  # the table's grid
    texts: tuple[Text, ...]
    symbols: tuple[Symbol, ...]
    markers: tuple[Marker, ...]
    routes: tuple[Route, ...]
    cells: dict[str, Box]  # places the live overlay writes in: aktual:<no>, aktual:total
    page: int = 1
    pages: int = 1

    def symbol(self, key: str) -> Symbol:
        for sym in self.symbols:
            if sym.key == key:
                return sym
        raise KeyError(key)

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)
