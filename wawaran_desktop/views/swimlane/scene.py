"""The SOP chart as a QGraphicsScene, built once from a layout and kept alive by the overlay.

The static part (grid, texts, symbols, arrows) is made of Qt's own items, which paint in C++
— no Python runs when the view repaints. :class:`ChartScene` then shows a campaign on it:
each symbol's colour and label (two centred lines: the working time, then the standard or
how far past it), the *Aktual* cells and the totals. The one-second tick recomputes only
the steps whose figures move with the clock and touches only the items whose text or colour
changed (``updates`` counts those touches).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem, QGraphicsScene, \
    QGraphicsSimpleTextItem

from wawaran_desktop.services.records import CampaignRecord, CampaignStatus
from wawaran_desktop.charts.swimlane_geometry import Box, ChartLayout, Marker, Route, Symbol
from wawaran_desktop.charts.swimlane_layout import Metrics
from wawaran_desktop.charts.swimlane_overlay import StepView, TotalView, changes_with_time, step_tooltip, \
    step_view, total_view
from wawaran_desktop.services.timing import StepStatus
from wawaran_desktop.sop.schema import Sop
from wawaran_desktop.views.status_style import STATUS_COLOURS
from wawaran_desktop.views.swimlane.fonts import font, measure

MARGIN = 12.0
INK = QColor("#000000")
BLANK_FILL = QColor("#ffffff")
HEADER_FILL = QColor("#eeeeee")
NO_ROLE = 0  # QGraphicsItem data key: the activity number of a symbol
SYMBOL_WIDTH = 0.9  # the outline of a flowchart symbol
SUPPORT_WIDTH = 0.7  # a supporting lane's small process box
TIE_WIDTH = 0.7  # its dashed tie (no arrowhead: not a flow)

LABEL_LINES = 2  # a symbol's label: the working time, then "/ 20 mnt" or "+7 mnt 05 dtk"
LABEL_MARGIN = 1.5  # points kept clear of the symbol's outline on either side of a label line
_BLANK = StepView(StepStatus.NOT_STARTED, "", ("",) * Metrics().aktual_lines)
_NO_TOTAL = TotalView(StepStatus.NOT_STARTED, ("",) * Metrics().total_lines)


def symbol_path(sym: Symbol) -> QPainterPath:
    b = sym.box
    path = QPainterPath()
    if sym.shape == "capsule":
        path.addRoundedRect(QRectF(b.x, b.y, b.w, b.h), b.h / 2, b.h / 2)
    elif sym.shape == "decision":
        path.addPolygon(QPolygonF([QPointF(b.cx, b.y), QPointF(b.right, b.cy), QPointF(b.cx, b.bottom),
                                   QPointF(b.x, b.cy), QPointF(b.cx, b.y)]))
    elif sym.shape == "connector":  # off-page connector: a pentagon pointing down
        shoulder = b.y + b.h * 0.6
        path.addPolygon(QPolygonF([QPointF(b.x, b.y), QPointF(b.right, b.y), QPointF(b.right, shoulder),
                                   QPointF(b.cx, b.bottom), QPointF(b.x, shoulder), QPointF(b.x, b.y)]))
    else:
        path.addRect(QRectF(b.x, b.y, b.w, b.h))
    return path


def tie_path(tie: tuple[tuple[float, float], tuple[float, float]]) -> QPainterPath:
    """A supporting lane's tie: a straight line (drawn dashed, without arrowhead)."""
    path = QPainterPath()
    path.moveTo(*tie[0])
    path.lineTo(*tie[1])
    return path


def arrow_paths(routes: tuple[Route, ...], head: float = 5.0) -> tuple[QPainterPath, QPainterPath]:
    """All arrows' lines in one path, all arrowheads (filled) in another."""
    lines, heads = QPainterPath(), QPainterPath()
    for route in routes:
        pts = route.points
        lines.addPolygon(QPolygonF([QPointF(x, y) for x, y in pts[:-1]] + [_short_of(pts[-2], pts[-1], head)]))
        (x1, y1), (x2, y2) = pts[-2], pts[-1]
        dx, dy = (x2 > x1) - (x2 < x1), (y2 > y1) - (y2 < y1)
        back = QPointF(x2 - dx * head, y2 - dy * head)
        side = QPointF(-dy * head * 0.45, dx * head * 0.45)
        heads.addPolygon(QPolygonF([QPointF(x2, y2), back + side, back - side, QPointF(x2, y2)]))
    return lines, heads


def _short_of(a: tuple[float, float], b: tuple[float, float], by: float) -> QPointF:
    """``b`` moved back towards ``a`` (the line stops where the arrowhead begins)."""
    dx, dy = (b[0] > a[0]) - (b[0] < a[0]), (b[1] > a[1]) - (b[1] < a[1])
    return QPointF(b[0] - dx * by * 0.8, b[1] - dy * by * 0.8)


def room_across(shape: str, box: Box, offset: float) -> float:
    """The width inside a symbol ``offset`` points above or below its middle: a diamond
    narrows to its tips, a capsule's round ends cut its corners, a box keeps its width."""
    offset = min(abs(offset), box.h / 2)
    if shape == "decision":
        return box.w * (1 - 2 * offset / box.h)
    if shape == "capsule":
        radius = box.h / 2
        return box.w - 2 * (radius - (radius * radius - offset * offset) ** 0.5)
    return box.w


class _Step:
    """The items of one activity that the overlay changes."""

    def __init__(self, symbol: QGraphicsPathItem, labels: list[QGraphicsSimpleTextItem], box: Box,
                 cell: QGraphicsRectItem, lines: list[QGraphicsSimpleTextItem], shape: str = "process") -> None:
        self.symbol, self.labels, self.box, self.cell, self.lines = symbol, labels, box, cell, lines
        self.shape = shape
        self.view = _BLANK
        self.tooltip = symbol.toolTip()
        self.blank_tooltip = self.tooltip

    def label_text(self) -> str:
        """The label's lines as shown, joined by newlines ("" when blank)."""
        return "\n".join(item.text() for item in self.labels if item.text())


class ChartScene(QGraphicsScene):
    """The chart of ``layout`` (one page or the whole), optionally showing a campaign."""

    def __init__(self, sop: Sop, layout: ChartLayout, parent=None, *, live: bool = True) -> None:
        super().__init__(parent)
        self.sop, self.layout, self.live = sop, layout, live
        self.record: CampaignRecord | None = None
        self.updates = 0
        self.setSceneRect(QRectF(-MARGIN, -MARGIN, layout.width + 2 * MARGIN, layout.height + 2 * MARGIN))
        self.steps: dict[int, _Step] = {}
        self.total_lines: list[QGraphicsSimpleTextItem] = []
        self.total_cell: QGraphicsRectItem | None = None
        self.line_boxes: dict[int, Box] = {}  # id() of a cell's first line item -> the cell's inner box
        self._total = TotalView(None, _NO_TOTAL.lines)  # type: ignore[arg-type]  # first show paints the colour
        self._build()

    # -- static chart ---------------------------------------------------------------------
    def _build(self) -> None:
        lay = self.layout
        paper = QGraphicsRectItem(self.sceneRect())
        paper.setBrush(QBrush(Qt.GlobalColor.white))
        paper.setPen(QPen(Qt.PenStyle.NoPen))
        paper.setZValue(-10)
        self.addItem(paper)
        header = QGraphicsRectItem(0, 0, lay.width, lay.header_height, paper)
        header.setBrush(QBrush(HEADER_FILL))
        header.setPen(QPen(Qt.PenStyle.NoPen))
        cells = {key: self._cell(key, paper) for key in lay.cells}
        grid = QPainterPath()
        for (x1, y1), (x2, y2) in lay.lines:
            grid.moveTo(x1, y1)
            grid.lineTo(x2, y2)
        grid_item = QGraphicsPathItem(grid, paper)
        grid_item.setPen(QPen(INK, 0.6))
        m = measure()
        for text in lay.texts:
            f = font(text.font)
            line_h = m.line_height(text.font)
            for i, line in enumerate(text.lines):
                item = QGraphicsSimpleTextItem(line, paper)
                item.setFont(f)
                x = text.x + ((text.w - m.ink_width(line, text.font)) / 2 if text.align == "center" else 0)
                item.setPos(x, text.y + i * line_h)
        lines, heads = arrow_paths(lay.routes)
        arrows = QGraphicsPathItem(lines, paper)
        arrows.setPen(QPen(INK, 0.8))
        head_item = QGraphicsPathItem(heads, paper)
        head_item.setPen(QPen(Qt.PenStyle.NoPen))
        head_item.setBrush(QBrush(INK))
        for route in lay.routes:
            if route.label and route.label_at is not None:  # on white, so no line runs through it
                x, y = route.label_at
                w, h = m.width(route.label, "small"), m.line_height("small")
                ground = QGraphicsRectItem(x - 0.8, y, w + 1.6, h, paper)
                ground.setBrush(QBrush(BLANK_FILL))
                ground.setPen(QPen(Qt.PenStyle.NoPen))
                tag = QGraphicsSimpleTextItem(route.label, paper)
                tag.setFont(font("small"))
                tag.setPos(x, y)
        for marker in lay.markers:
            self._supporting(marker, paper)
        for sym in lay.symbols:
            self._symbol(sym, paper, cells)
        self.total_cell = cells.get("aktual:total")
        if self.total_cell is not None:
            self.total_lines = self._lines(lay.cells["aktual:total"], paper, len(_NO_TOTAL.lines))

    def _supporting(self, marker: Marker, parent: QGraphicsItem) -> None:
        """A supporting lane: a small process box, tied to the activity by a dashed line."""
        tip = f"{self.sop.lane(marker.lane).name} ikut melaksanakan kegiatan {marker.no} (pelaksana pendukung)"
        if marker.tie is not None:
            tie = QGraphicsPathItem(tie_path(marker.tie), parent)
            tie.setPen(QPen(INK, TIE_WIDTH, Qt.PenStyle.DashLine))
            tie.setToolTip(tip)
        b = marker.box
        item = QGraphicsRectItem(b.x, b.y, b.w, b.h, parent)
        item.setPen(QPen(INK, SUPPORT_WIDTH))
        item.setBrush(QBrush(BLANK_FILL))
        item.setToolTip(tip)

    def _cell(self, key: str, parent: QGraphicsItem) -> QGraphicsRectItem:
        """The whole Aktual cell of ``key`` (aktual:<no> or aktual:total), inside the grid lines."""
        col = self.layout.column("aktual")
        _, which = key.split(":")
        row = next(r for r in self.layout.rows if (r.kind == "total" if which == "total" else
                                                   r.kind == "activity" and r.no == int(which)))
        item = QGraphicsRectItem(col.x + 0.4, row.y + 0.4, col.w - 0.8, row.h - 0.8, parent)
        item.setPen(QPen(Qt.PenStyle.NoPen))
        return item

    def _lines(self, box: Box, parent: QGraphicsItem, count: int) -> list[QGraphicsSimpleTextItem]:
        """``count`` lines of a cell: the status in bold, then the figures."""
        items = []
        for i in range(count):
            item = QGraphicsSimpleTextItem("", parent)
            item.setFont(font("small" if i else "small_bold"))
            items.append(item)
        self.line_boxes[id(items[0])] = box
        self._centre_lines(items, count)
        return items

    def _centre_lines(self, items: list[QGraphicsSimpleTextItem], count: int) -> None:
        """The ``count`` lines in use, centred top to bottom in their cell."""
        box = self.line_boxes[id(items[0])]
        height = measure().line_height("small")
        top = box.y + max(0.0, (box.h - count * height) / 2)
        for i, item in enumerate(items):
            item.setPos(box.x, top + i * height)

    def _symbol(self, sym: Symbol, parent: QGraphicsItem, cells: dict[str, QGraphicsRectItem]) -> None:
        item = QGraphicsPathItem(symbol_path(sym), parent)
        item.setPen(QPen(INK, SYMBOL_WIDTH))
        item.setBrush(QBrush(BLANK_FILL))
        if sym.no is None:  # an off-page connector: its letter inside
            letter = QGraphicsSimpleTextItem(sym.label, item)
            letter.setFont(font("small_bold"))
            w = measure().ink_width(sym.label, "small_bold")
            letter.setPos(sym.box.cx - w / 2, sym.box.y + 1.5)
            item.setToolTip(f"Penghubung ke halaman lain ({sym.label})")
            return
        item.setData(NO_ROLE, sym.no)
        if self.live:
            item.setCursor(Qt.CursorShape.PointingHandCursor)
        act = self.sop.activity(sym.no)
        item.setToolTip(f"{act.no}. {act.title}" + (f"\n{act.decision.question}" if act.decision else ""))
        labels = []
        for _ in range(LABEL_LINES):
            label = QGraphicsSimpleTextItem("", item)
            label.setFont(font("small"))
            labels.append(label)
        box = self.layout.cells[f"aktual:{sym.no}"]
        self.steps[sym.no] = _Step(item, labels, sym.box, cells[f"aktual:{sym.no}"],
                                   self._lines(box, parent, len(_BLANK.lines)), sym.shape)

    # -- live overlay ---------------------------------------------------------------------
    def show_record(self, record: CampaignRecord | None, now: datetime) -> None:
        """Show ``record`` (None: the blank chart) at ``now``."""
        self.record = record
        for no, items in self.steps.items():
            if record is None or no > len(record.steps):
                self._apply(items, _BLANK)
                self._set_tooltip(items, items.blank_tooltip)
                continue
            step = record.step(no)
            self._apply(items, step_view(step, now))
            self._set_tooltip(items, step_tooltip(self.sop, step, now))
        self._apply_total(total_view(record, now) if record is not None else _NO_TOTAL)

    def tick(self, now: datetime) -> int:
        """Bring the moving figures up to ``now``; returns how many items changed."""
        record = self.record
        if record is None:
            return 0
        before = self.updates
        moving = False
        for step in record.steps:
            items = self.steps.get(step.no)
            if items is None or not changes_with_time(step):
                continue
            moving = True
            if self._apply(items, step_view(step, now)):  # a new figure or status: so does the tooltip
                self._set_tooltip(items, step_tooltip(self.sop, step, now))
        if moving or record.status is CampaignStatus.RUNNING:  # the span runs on between steps too
            self._apply_total(total_view(record, now))
        return self.updates - before

    def _apply(self, items: _Step, view: StepView) -> int:
        """Change what differs; bit 1: label changed, bit 2: status changed."""
        old = items.view
        items.view = view
        changed = 0
        if view.status != old.status:
            fg, bg = (INK, BLANK_FILL) if view.status is StepStatus.NOT_STARTED and not view.label else (
                QColor(STATUS_COLOURS[view.status][0]), QColor(STATUS_COLOURS[view.status][1]))
            items.symbol.setBrush(QBrush(bg))
            items.symbol.setPen(QPen(fg, SYMBOL_WIDTH if fg == INK else 1.3))
            items.cell.setBrush(QBrush(bg) if bg != BLANK_FILL else QBrush(Qt.BrushStyle.NoBrush))
            items.lines[0].setBrush(QBrush(fg))
            self.updates += 3
            changed |= 2
        if view.label != old.label:
            self.updates += self._place_label(items, view.label)
            changed |= 1
        self._set_lines(items.lines, view.lines, old.lines)
        return changed

    @staticmethod
    def _place_label(items: _Step, text: str) -> int:
        """The label's lines centred in their symbol, one under the other; all of them scaled
        down alike when one would reach the outline (a diamond narrows above and below its
        middle, a capsule at its round ends). Returns how many line items changed text."""
        m = measure()
        lines = text.split("\n") if text else []
        h = m.line_height("small")
        box = items.box
        widths = [m.ink_width(line, "small") for line in lines]
        scale = 1.0
        for i, w in enumerate(widths):
            top = (i - len(lines) / 2) * h  # the line's top and bottom edges, from the middle
            room = room_across(items.shape, box, max(abs(top), abs(top + h))) - 2 * LABEL_MARGIN
            if w > room > 0:
                scale = min(scale, room / w)
        changed = 0
        top = box.cy - len(lines) * h * scale / 2
        for i, item in enumerate(items.labels):
            line = lines[i] if i < len(lines) else ""
            if item.text() != line:
                item.setText(line)
                changed += 1
            item.setScale(scale)
            w = widths[i] if i < len(lines) else 0.0
            item.setPos(box.cx - w * scale / 2, top + i * h * scale)
        return changed

    def _apply_total(self, view: TotalView) -> None:
        old, self._total = self._total, view
        if not self.total_lines:
            return
        if view.status != old.status:
            fg, bg = STATUS_COLOURS[view.status]
            self.total_cell.setBrush(QBrush(QColor(bg)) if any(view.lines) else QBrush(Qt.BrushStyle.NoBrush))
            self.total_lines[0].setBrush(QBrush(QColor(fg)))
            self.updates += 2
        self._set_lines(self.total_lines, view.lines, old.lines)

    def _set_lines(self, items: list[QGraphicsSimpleTextItem], new: tuple[str, ...], old: tuple[str, ...]) -> None:
        used = sum(1 for text in new if text) or len(items)
        if used != (sum(1 for text in old if text) or len(items)):
            self._centre_lines(items, used)
        room = self.line_boxes[id(items[0])].w
        for i, item in enumerate(items):
            text = new[i] if i < len(new) else ""
            if text != (old[i] if i < len(old) else ""):
                item.setText(text)
                width = measure().ink_width(text, "small" if i else "small_bold")
                item.setScale(min(1.0, room / width) if width > room else 1.0)  # a figure never leaves its cell
                self.updates += 1

    @staticmethod
    def _set_tooltip(items: _Step, text: str) -> None:
        if text != items.tooltip:
            items.tooltip = text
            items.symbol.setToolTip(text)

    # -- queries (tests, exports) ---------------------------------------------------------
    def step_items(self, no: int) -> _Step:
        return self.steps[no]

    def total_texts(self) -> list[str]:
        return [item.text() for item in self.total_lines]
