"""The SOP chart of the Permenpan RB 35/2012 format, laid out from the SOP definition (no Qt).

One row per activity, one column per pelaksana (lane), the activity's symbol in its lane's
column, a small process box in each supporting lane's column tied to it by a line without
arrowhead, arrows from each activity to the next (and
from a decision to both its answers), and the mutu baku columns on the right, then a column
for the live figures ("Aktual", or "Keterangan" on the blank official document). Nothing
about the nine activities is written here: lanes, activities, decisions and texts all come
from :class:`~wawaran_desktop.sop.Sop`. :mod:`swimlane_paging` cuts the chart into pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from wawaran_desktop.charts.swimlane_geometry import (
    Box,
    ChartLayout,
    Column,
    Marker,
    Measure,
    Point,
    Row,
    Symbol,
    Text,
    wrap,
)
from wawaran_desktop.charts.swimlane_routing import connector_symbols, route_chart
from wawaran_desktop.sop.schema import Activity, Sop


class Metrics(NamedTuple):
    """Column widths and symbol sizes, in points (the whole table fits A4 landscape)."""

    no_w: float = 22
    kegiatan_w: float = 134
    lane_w: float = 76  # a symbol with room for an arrow on either side, clear of the border
    kelengkapan_w: float = 96
    waktu_w: float = 48
    output_w: float = 84
    aktual_w: float = 96
    pad: float = 3.5
    symbol_w: float = 52
    symbol_h: float = 22
    diamond_h: float = 34
    marker_w: float = 34
    marker_h: float = 12
    row_min_h: float = 46
    aktual_lines: int = 3  # a step's Aktual cell: status, working time, wall-clock time
    total_lines: int = 4  # the totals: status, working time, the standard, the span
    band_h: float = 34
    connector_w: float = 18
    connector_h: float = 18


class Edge(NamedTuple):
    """An arrow of the flow from activity ``source`` to ``target`` ("Ya"/"Tidak" after a decision)."""

    source: int
    target: int
    label: str = ""


class Link(NamedTuple):
    """An off-page connector on this page: ``letter``, in ``lane``'s column, in the top or
    bottom band, joined to activity ``no`` on this page (``outgoing``: the arrow leaves it)."""

    letter: str
    lane: str
    band: str  # top, bottom
    no: int
    outgoing: bool
    label: str = ""


def flow_edges(sop: Sop) -> list[Edge]:
    """The arrows of the flow: each activity to the next, a decision to its two answers."""
    edges: list[Edge] = []
    last = sop.activities[-1].no
    for act in sop.activities:
        if act.decision is not None:
            edges.append(Edge(act.no, act.decision.yes, "Ya"))
            edges.append(Edge(act.no, act.decision.no, "Tidak"))
        elif act.no != last:
            edges.append(Edge(act.no, act.no + 1))
    return edges


def shape_of(sop: Sop, act: Activity) -> str:
    """Decision: diamond; first and last activity: capsule (start/end); else a process box."""
    if act.decision is not None:
        return "decision"
    if act.no in (sop.activities[0].no, sop.activities[-1].no):
        return "capsule"
    return "process"


def minutes_label(minutes: int) -> str:
    return f"{minutes} menit"


class _Builder:
    """Lays out one page (or the whole chart) for the given activities and connectors."""

    def __init__(self, sop: Sop, measure: Measure, metrics: Metrics, last_title: str) -> None:
        self.sop, self.measure, self.m, self.last_title = sop, measure, metrics, last_title
        widths = [("no", metrics.no_w), ("kegiatan", metrics.kegiatan_w)]
        widths += [(f"lane:{lane.id}", metrics.lane_w) for lane in sop.lanes]
        widths += [("kelengkapan", metrics.kelengkapan_w), ("waktu", metrics.waktu_w),
                   ("output", metrics.output_w), ("aktual", metrics.aktual_w)]
        x = 0.0
        self.columns: list[Column] = []
        for key, w in widths:
            self.columns.append(Column(key, x, w))
            x += w
        self.width = x
        self.col = {c.key: c for c in self.columns}
        self.texts: list[Text] = []
        self.lines: list[tuple[Point, Point]] = []

    # -- text -----------------------------------------------------------------------------
    def block(self, text: str | Sequence[str], column: Column, font: str) -> tuple[str, ...]:
        """``text`` (or a list of items, each after a dash) wrapped to ``column``'s inner width."""
        inner = column.w - 2 * self.m.pad
        items = [text] if isinstance(text, str) else list(text)
        lines: list[str] = []
        for item in items:
            prefix, indent = ("- ", "   ") if len(items) > 1 else ("", "")
            wrapped = wrap(item, inner - self.measure.width(prefix, font), font, self.measure)
            lines += [(prefix if i == 0 else indent) + line for i, line in enumerate(wrapped)]
        return tuple(line for line in lines if line.strip() or len(lines) == 1)

    def place(self, key: str, lines: tuple[str, ...], column: Column, font: str, top: float, height: float,
              align: str = "left") -> None:
        text_h = len(lines) * self.measure.line_height(font)
        y = top + max(self.m.pad, (height - text_h) / 2)
        self.texts.append(Text(key, column.x + self.m.pad, y, column.w - 2 * self.m.pad, lines, font, align))

    def text_height(self, lines: Sequence[str], font: str) -> float:
        return len(lines) * self.measure.line_height(font) + 2 * self.m.pad

    # -- header ---------------------------------------------------------------------------
    def header(self) -> float:
        lanes = [self.col[f"lane:{lane.id}"] for lane in self.sop.lanes]
        top_h = self.text_height(["Pelaksana"], "bold")
        lane_lines = {lane.id: self.block(lane.name, self.col[f"lane:{lane.id}"], "bold")
                      for lane in self.sop.lanes}
        mutu = {k: self.block(t, self.col[k], "bold")
                for k, t in (("kelengkapan", "Kelengkapan"), ("waktu", "Waktu"), ("output", "Output"))}
        low_h = max(self.text_height(v, "bold") for v in [*lane_lines.values(), *mutu.values()])
        total = top_h + low_h
        for key, title in (("no", "No"), ("kegiatan", "Kegiatan"), ("aktual", self.last_title)):
            lines = self.block(title, self.col[key], "bold")
            self.place(f"header:{key}", lines, self.col[key], "bold", 0, total, "center")
        spans = (("pelaksana", "Pelaksana", lanes[0].x, lanes[-1].x + lanes[-1].w),
                 ("mutu", "Mutu Baku", self.col["kelengkapan"].x, self.col["output"].x + self.col["output"].w))
        for key, title, x1, x2 in spans:
            self.place(f"header:{key}", (title,), Column(key, x1, x2 - x1), "bold", 0, top_h, "center")
            self.lines.append(((x1, top_h), (x2, top_h)))
        for lane in self.sop.lanes:
            self.place(f"header:lane:{lane.id}", lane_lines[lane.id], self.col[f"lane:{lane.id}"], "bold",
                       top_h, low_h, "center")
        for key, lines in mutu.items():
            self.place(f"header:{key}", lines, self.col[key], "bold", top_h, low_h, "center")
        inner = {c.x for c in [*lanes[1:], self.col["waktu"], self.col["output"]]}
        for c in self.columns[1:]:
            y1 = top_h if c.x in inner else 0.0
            self.lines.append(((c.x, y1), (c.x, total)))
        return total

    # -- rows -----------------------------------------------------------------------------
    def activity_row(self, act: Activity, y: float) -> Row:
        m = self.m
        cells = {
            "no": (self.block(str(act.no), self.col["no"], "body"), "body", "center"),
            "kegiatan": (self.block(act.title, self.col["kegiatan"], "body"), "body", "left"),
            "kelengkapan": (self.block(act.kelengkapan or ["-"], self.col["kelengkapan"], "body"), "body",
                            "left"),
            "waktu": (self.block(minutes_label(act.standard_minutes), self.col["waktu"], "body"), "body",
                      "center"),
            "output": (self.block(act.output, self.col["output"], "body"), "body", "left"),
        }
        h = max([m.row_min_h, m.aktual_lines * self.measure.line_height("small") + 2 * m.pad]
                + [self.text_height(lines, font) for lines, font, _ in cells.values()])
        for key, (lines, font, align) in cells.items():
            self.place(f"{key}:{act.no}", lines, self.col[key], font, y, h, align)
        return Row("activity", act.no, y, h)


def build_chart(sop: Sop, measure: Measure, metrics: Metrics = Metrics(), *, numbers: Sequence[int] | None = None,
                links: Sequence[Link] = (), with_total: bool = True, last_title: str = "Aktual",
                page: int = 1, pages: int = 1) -> ChartLayout:
    """The chart of activities ``numbers`` (default: all) with off-page ``links``, routed."""
    b = _Builder(sop, measure, metrics, last_title)
    m = metrics
    wanted = list(numbers) if numbers is not None else [a.no for a in sop.activities]
    y = b.header()
    header_h = y
    rows: list[Row] = []
    top_links = [lk for lk in links if lk.band == "top"]
    bottom_links = [lk for lk in links if lk.band == "bottom"]
    if top_links:
        rows.append(Row("band", None, y, m.band_h))
        y += m.band_h
    for no in wanted:
        rows.append(b.activity_row(sop.activity(no), y))
        y += rows[-1].h
    if bottom_links:
        rows.append(Row("band", None, y, m.band_h))
        y += m.band_h
    cells: dict[str, Box] = {}
    if with_total:
        label = b.block("Jumlah waktu", b.col["kegiatan"], "bold")
        waktu = b.block(minutes_label(sop.standard_total), b.col["waktu"], "bold")
        total_h = max(b.text_height(label, "bold"), b.text_height(waktu, "bold"),
                      m.total_lines * measure.line_height("small") + 2 * m.pad)
        b.place("total:kegiatan", label, b.col["kegiatan"], "bold", y, total_h)
        b.place("total:waktu", waktu, b.col["waktu"], "bold", y, total_h, "center")
        rows.append(Row("total", None, y, total_h))
        cells["aktual:total"] = _inner(b.col["aktual"], y, total_h, m.pad)
        y += total_h
    height = y
    for row in rows:
        b.lines.append(((0.0, row.y), (b.width, row.y)))
        if row.kind == "activity":
            cells[f"aktual:{row.no}"] = _inner(b.col["aktual"], row.y, row.h, m.pad)
    b.lines.append(((0.0, height), (b.width, height)))
    b.lines.append(((0.0, 0.0), (b.width, 0.0)))
    for c in b.columns:
        b.lines.append(((c.x, header_h), (c.x, height)))
    b.lines += [((0.0, 0.0), (0.0, height)), ((b.width, 0.0), (b.width, height))]

    symbols, markers = _symbols(sop, b, rows, m)
    lane_columns = [b.col[f"lane:{lane.id}"] for lane in sop.lanes]
    bands = [r for r in rows if r.kind == "band"]
    symbols += connector_symbols([(lk.letter, b.col[f"lane:{lk.lane}"], bands[0] if lk.band == "top" else bands[-1])
                                  for lk in links], m.connector_w, m.connector_h)
    on_page = set(wanted)
    edges = [(f"act:{e.source}", f"act:{e.target}", e.label) for e in flow_edges(sop)
             if e.source in on_page and e.target in on_page]
    edges += [(f"act:{lk.no}", f"off:{lk.letter}", lk.label) if lk.outgoing else
              (f"off:{lk.letter}", f"act:{lk.no}", "") for lk in links]
    routes = route_chart(lane_columns, rows, symbols, markers, edges, b.lines, measure, m.symbol_w, m.symbol_h)
    return ChartLayout(width=b.width, height=height, columns=tuple(b.columns), rows=tuple(rows),
                       header_height=header_h, lines=tuple(b.lines), texts=tuple(b.texts),
                       symbols=tuple(symbols), markers=tuple(markers), routes=tuple(routes), cells=cells,
                       page=page, pages=pages)


class RowHeights(NamedTuple):
    header: float
    activities: dict[int, float]
    total: float
    band: float


def row_heights(sop: Sop, measure: Measure, metrics: Metrics = Metrics(), last_title: str = "Aktual"
                ) -> RowHeights:
    """How tall the header, each activity's row and the total row are (to cut pages)."""
    whole = build_chart(sop, measure, metrics, last_title=last_title)
    rows = {r.no: r.h for r in whole.rows if r.kind == "activity"}
    total = next(r.h for r in whole.rows if r.kind == "total")
    return RowHeights(whole.header_height, rows, total, metrics.band_h)


def chart_layout(sop: Sop, measure: Measure, metrics: Metrics = Metrics(), last_title: str = "Aktual"
                 ) -> ChartLayout:
    """The whole chart on one sheet (the screen, a PNG)."""
    return build_chart(sop, measure, metrics, last_title=last_title)


def _inner(column: Column, y: float, h: float, pad: float) -> Box:
    return Box(column.x + pad, y + pad, column.w - 2 * pad, h - 2 * pad)


def _symbols(sop: Sop, b: _Builder, rows: list[Row], m: Metrics) -> tuple[list[Symbol], list[Marker]]:
    symbols: list[Symbol] = []
    markers: list[Marker] = []
    for row in rows:
        if row.kind != "activity":
            continue
        act = sop.activity(row.no)
        shape = shape_of(sop, act)
        lane = b.col[f"lane:{act.lane}"]
        h = m.diamond_h if shape == "decision" else m.symbol_h
        box = Box(0, 0, m.symbol_w, h).centred_at(lane.x + lane.w / 2, row.y + row.h / 2)
        symbols.append(Symbol(f"act:{act.no}", act.no, shape, box))
        markers += _supporting(act, box, b, m)
    return symbols, markers


def _supporting(act: Activity, box: Box, b: _Builder, m: Metrics) -> list[Marker]:
    """The supporting boxes of ``act`` (its symbol at ``box``), each tied towards the symbol:
    on either side, the nearest box to the symbol, the next to that box, and so on."""
    placed = []
    for lane_id in act.support_lanes:
        col = b.col[f"lane:{lane_id}"]
        placed.append((lane_id, Box(0, 0, m.marker_w, m.marker_h).centred_at(col.x + col.w / 2, box.cy)))
    markers = []
    for left in (True, False):
        side = sorted(((lane, mk) for lane, mk in placed if (mk.cx < box.cx) == left),
                      key=lambda item: abs(item[1].cx - box.cx))
        inner = box
        for lane_id, mk in side:
            tie = ((mk.right, box.cy), (inner.x, box.cy)) if left else ((mk.x, box.cy), (inner.right, box.cy))
            markers.append(Marker(act.no, lane_id, mk, tie))
            inner = mk
    order = {lane: i for i, lane in enumerate(act.support_lanes)}
    return sorted(markers, key=lambda mk: order[mk.lane])
