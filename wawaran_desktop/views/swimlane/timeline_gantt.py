"""The Gantt scene of one campaign: a WIB time axis, one row per step, a legend.

Per step: a thin grey bar for the standard (dashed outline when only planned), below it the
actual work in the step's status colour, pauses hatched between work, the work beyond the
standard cross-hatched, each reopening marked with ``↺``. Long idle stretches are breaks
(grey bands with their length). The items that move while a campaign runs (bars, the now
line, the figures beside each step) are kept by key, so :meth:`GanttScene.update` moves them
instead of building the scene again.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSimpleTextItem

from wawaran_desktop.text import durations
from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.services.clock import to_wib
from wawaran_desktop.charts.timeline_axis import Span
from wawaran_desktop.charts.timeline_bars import CampaignTimeline, StepBar
from wawaran_desktop.services.timing import StepState
from wawaran_desktop.views.swimlane import timeline_paint as paint

LABEL_W = 250.0
LEFT = 10.0
AXIS_TOP = 50.0
ROWS_TOP = 96.0
ROW_H = 42.0
STD_Y, STD_H = 7.0, 9.0  # standard bar, within a row
WORK_Y, WORK_H = 19.0, 16.0  # actual bar
BREAK_PX = 30.0
RIGHT_PAD = 16.0
TICK_CHOICES = (15, 30, 60, 120, 180, 240, 360)
MIN_TICK_PX = 46.0
BREAK_LABEL_PT = 7.0


def signature(timeline: CampaignTimeline) -> tuple:
    """What decides the scene's items; when it is unchanged, the scene is only moved."""
    return (timeline.axis, timeline.stopped_at, timeline.now is not None, tuple(
        (b.no, b.state, b.status, b.planned, len(b.work), len(b.pauses), len(b.runs), len(b.standard),
         len(b.over), b.standard if b.planned else ()) for b in timeline.steps))


def figures(bar: StepBar) -> str:
    """The figures under a step's name: working time against the standard and, on a line of
    its own, the wall-clock time when the step was paused (how far past the standard it went
    is drawn cross-hatched and told in the tooltip)."""
    if bar.planned or bar.state is StepState.NOT_STARTED:
        return f"baku {durations.standard(bar.standard_minutes)} · belum dimulai"
    line = f"kerja {durations.text(bar.elapsed)} / baku {durations.standard(bar.standard_minutes)}"
    if bar.pauses:
        line += f"\njam dinding {durations.text(bar.wall_elapsed)}"
    return line


def header_line(t: CampaignTimeline) -> str:
    """The campaign's working time (its steps' whole seconds added up) against the sum of the
    standards, its wall-clock time, and a running campaign's forecast end."""
    working = sum(b.elapsed for b in t.steps if not b.planned)
    wall = sum(b.wall_elapsed for b in t.steps if not b.planned)
    standard = sum(b.standard_minutes for b in t.steps)
    line = (f"{t.status.label} · waktu kerja {durations.text(working)} dari baku {durations.standard(standard)} · "
            f"jam dinding {durations.text(wall)} · jam dalam WIB")
    if t.planned_end is not None:
        line += f" · perkiraan selesai {fmt.date_time(t.planned_end)} bila sisa tahap sesuai baku"
    return line


def break_lines(span: str) -> list[str]:
    """A break's length on lines of one number and its unit: ``1 j 10 mnt`` -> ``1 j``, ``10 mnt``."""
    words = span.split()
    return [" ".join(words[i:i + 2]) for i in range(0, len(words), 2)]


def break_label(scene: QGraphicsScene, span: str, left: float, top: float) -> list[QGraphicsSimpleTextItem]:
    """The length of a break, centred in its band from ``left`` (BREAK_PX wide), each line
    made smaller if it would not fit inside the band."""
    items = []
    room = BREAK_PX - 2
    for line in break_lines(span):
        item = paint.text(scene, line, left, top, BREAK_LABEL_PT, colour=paint.MUTED)
        rect = item.boundingRect()
        scale = min(1.0, room / rect.width()) if rect.width() > 0 else 1.0
        item.setScale(scale)
        item.setPos(left + (BREAK_PX - rect.width() * scale) / 2, top)
        top += rect.height() * scale
        items.append(item)
    return items


class GanttScene:
    """Builds the scene for a timeline at ``per_minute`` pixels a minute."""

    def __init__(self, timeline: CampaignTimeline, per_minute: float) -> None:
        self.scene = QGraphicsScene()
        self.timeline = timeline
        self.per_minute = per_minute
        self.signature = signature(timeline)
        self.items: dict[tuple, QGraphicsItem] = {}
        self.x0 = LEFT + LABEL_W
        self.width = self.x0 + timeline.axis.length(per_minute, BREAK_PX) + RIGHT_PAD
        self.rows_bottom = ROWS_TOP + ROW_H * len(timeline.steps)
        self._header()
        self._axis()
        for index, bar in enumerate(timeline.steps):
            self._row(index, bar)
        self._markers()
        self._legend()

    # -- geometry ---------------------------------------------------------------------------
    def x(self, moment: datetime) -> float:
        return self.x0 + self.timeline.axis.x(moment, self.per_minute, BREAK_PX)

    def span_rect(self, index: int, span: Span, y: float, h: float) -> QRectF:
        left = self.x(span.start)
        return QRectF(left, ROWS_TOP + index * ROW_H + y, max(1.5, self.x(span.end) - left), h)

    # -- parts ------------------------------------------------------------------------------
    def _header(self) -> None:
        t = self.timeline
        paint.text(self.scene, f"No. {t.campaign_id} · {t.title}", LEFT, 6, 10, bold=True)
        self.items["header"] = paint.text(self.scene, header_line(t), LEFT, 26, 8.5, colour=paint.MUTED)

    def _axis(self) -> None:
        axis, scene = self.timeline.axis, self.scene
        every = next((m for m in TICK_CHOICES if m * self.per_minute >= MIN_TICK_PX), TICK_CHOICES[-1])
        grid = QPen(paint.GRID, 1)
        for index, piece in enumerate(axis.pieces):
            if piece.compressed:
                left = self.x0 + axis.piece_at(index, self.per_minute, BREAK_PX)
                band = paint.rect(scene, QRectF(left, AXIS_TOP + 18, BREAK_PX, self.rows_bottom - AXIS_TOP - 18),
                                  paint.BREAK_FILL)
                band.setToolTip(f"Tidak ada pekerjaan selama {durations.span(piece.minutes * 60)} "
                                f"({fmt.date_time(piece.start)} – {fmt.date_time(piece.end)}); digambar singkat")
                paint.text(scene, "≈", left + BREAK_PX / 2, AXIS_TOP + 20, 11, colour=paint.MUTED, anchor="centre")
                for label in break_label(scene, durations.span(piece.minutes * 60), left, AXIS_TOP + 40):
                    label.setToolTip(band.toolTip())
        bands = [(self.x0 + axis.piece_at(i, self.per_minute, BREAK_PX),
                  self.x0 + axis.piece_at(i, self.per_minute, BREAK_PX) + BREAK_PX)
                 for i, piece in enumerate(axis.pieces) if piece.compressed]
        right = -1.0
        for moment in axis.ticks(every):
            x = self.x(moment)
            scene.addLine(QLineF(x, AXIS_TOP + 36, x, self.rows_bottom), grid)
            label = paint.text(scene, fmt.clock_time(moment), x, AXIS_TOP + 20, 8, anchor="centre")
            left_edge, right_edge = label.x(), label.x() + label.boundingRect().width()
            if left_edge < right + 4 or any(a < right_edge and left_edge < b for a, b in bands):
                scene.removeItem(label)  # would overlap a neighbour or a break's sign
            else:
                right = right_edge
        # Dates: at the first piece and wherever the WIB date changes, not overlapping.
        shown, right = None, -1.0
        day_pen = QPen(paint.MUTED, 1, Qt.PenStyle.DashLine)
        for index, piece in enumerate(axis.pieces):
            if piece.compressed:
                continue
            day = to_wib(piece.start).date()
            if day == shown:
                continue
            x = self.x0 + axis.piece_at(index, self.per_minute, BREAK_PX)
            if shown is not None:
                scene.addLine(QLineF(x, AXIS_TOP, x, self.rows_bottom), day_pen)
            if x >= right + 8:
                label = paint.text(scene, fmt.long_date(piece.start), x + 3, AXIS_TOP, 8.5, bold=True)
                overflow = x + 3 + label.boundingRect().width() - (self.width - 2)
                if overflow > 0:  # the last day near the right edge: keep it whole
                    label.setX(max(right + 8, label.x() - overflow))
                right = label.x() + label.boundingRect().width()
            shown = day
        scene.addLine(QLineF(self.x0, AXIS_TOP + 36, self.width - RIGHT_PAD, AXIS_TOP + 36), QPen(paint.MUTED, 1))

    def _row(self, index: int, bar: StepBar) -> None:
        scene, top = self.scene, ROWS_TOP + index * ROW_H
        if index % 2 == 0:
            paint.rect(scene, QRectF(LEFT, top, self.width - LEFT, ROW_H), paint.ROW_SHADE).setZValue(-2)
        two = bool(bar.pauses) and not bar.planned  # the figures take two lines: all a little higher
        paint.text(scene, bar.label, LEFT, top + (3 if two else 5), 9, bold=True)
        self.items[("figures", bar.no)] = paint.text(scene, figures(bar), LEFT, top + (18 if two else 22), 7.5,
                                                     colour=paint.MUTED)
        tip = self._tooltip(bar)
        style = Qt.PenStyle.DashLine if bar.planned else Qt.PenStyle.SolidLine
        fill = None if bar.planned else paint.STANDARD_FILL
        for i, span in enumerate(bar.standard):
            item = paint.rect(scene, self.span_rect(index, span, STD_Y, STD_H), fill, paint.STANDARD_EDGE, 1, style)
            item.setToolTip(tip)
            self.items[("standard", bar.no, i)] = item
        colour = paint.status_colour(bar.status)
        for i, span in enumerate(bar.pauses):
            item = paint.rect(scene, self.span_rect(index, span, WORK_Y + 3, WORK_H - 6),
                              paint.hatch(colour), colour, 0.8)
            item.setToolTip(tip)
            self.items[("pauses", bar.no, i)] = item
        for i, span in enumerate(bar.work):
            item = paint.rect(scene, self.span_rect(index, span, WORK_Y, WORK_H), colour)
            item.setToolTip(tip)
            self.items[("work", bar.no, i)] = item
        for i, span in enumerate(bar.over):
            item = paint.rect(scene, self.span_rect(index, span, WORK_Y, WORK_H),
                              paint.hatch(QColor("white"), Qt.BrushStyle.DiagCrossPattern))
            item.setToolTip(tip)
            self.items[("over", bar.no, i)] = item
        if bar.standard and not bar.planned:
            end = self.x(bar.standard[-1].end)
            tick = scene.addLine(QLineF(end, top + STD_Y - 3, end, top + WORK_Y + WORK_H + 2),
                                 QPen(paint.STANDARD_EDGE, 2))
            self.items[("limit", bar.no)] = tick
        for run in bar.runs[1:]:
            mark = paint.text(scene, "↺", self.x(run.start), top + WORK_Y - 15, 9, bold=True,
                              colour=paint.TEXT, anchor="centre")
            mark.setToolTip("Tahap dibuka kembali")

    def _tooltip(self, bar: StepBar) -> str:
        lines = [bar.label, f"Status: {bar.status.label}", f"Baku: {durations.standard(bar.standard_minutes)}"]
        if bar.planned:
            plan = bar.standard[0]
            lines.append(f"Rencana: {fmt.clock_time(plan.start)}–{fmt.clock_time(plan.end)} WIB")
            return "\n".join(lines)
        beyond = durations.over(bar.elapsed, bar.standard_minutes)
        lines.append(f"Waktu kerja: {durations.text(bar.elapsed)} (jeda tidak dihitung)"
                     + (f", {beyond} dari baku" if beyond else ""))
        lines.append(f"Jam dinding: {durations.text(bar.wall_elapsed)}")
        for n, run in enumerate(bar.runs, 1):
            word = "Dikerjakan" if n == 1 else f"Dibuka kembali ({n - 1})"
            ends = "sekarang" if bar.state is not StepState.FINISHED and n == len(bar.runs) else fmt.date_time(run.end)
            lines.append(f"{word}: {fmt.date_time(run.start)} – {ends}")
        if bar.pauses:
            # wall-clock less working seconds, as the stage tab's "jeda" (one figure for both)
            lines.append(f"Dijeda {len(bar.pauses)} kali, {durations.text(bar.wall_elapsed - bar.elapsed)}")
        return "\n".join(lines)

    def _markers(self) -> None:
        t, scene = self.timeline, self.scene
        if t.now is not None and t.started:
            x = self.x(t.now)
            self.items["now"] = scene.addLine(QLineF(x, AXIS_TOP + 30, x, self.rows_bottom), QPen(paint.NOW, 2))
            self.items["now_label"] = paint.text(scene, f"sekarang {fmt.clock_time(t.now)}", x + 3,
                                                 self.rows_bottom + 2, 8, bold=True, colour=paint.NOW)
        if t.stopped_at is not None and t.axis.pieces:
            x = self.x(t.stopped_at)
            scene.addLine(QLineF(x, AXIS_TOP + 30, x, self.rows_bottom), QPen(paint.TEXT, 2, Qt.PenStyle.DashLine))
            paint.text(scene, f"dibatalkan {fmt.clock_time(t.stopped_at)}", x + 3, self.rows_bottom + 2, 8,
                       bold=True)

    def _legend(self) -> None:
        scene, y = self.scene, self.rows_bottom + 22
        x = LEFT
        for status in paint.LEGEND_STATUSES:
            paint.rect(scene, QRectF(x, y + 2, 14, 10), paint.status_colour(status))
            x = _after(paint.text(scene, status.label, x + 18, y, 8), 14)
        samples = (
            ("Baku (mutu baku)", paint.STANDARD_FILL, paint.STANDARD_EDGE, Qt.PenStyle.SolidLine),
            ("Rencana", None, paint.STANDARD_EDGE, Qt.PenStyle.DashLine),
            ("Jeda", paint.hatch(paint.MUTED), paint.MUTED, Qt.PenStyle.SolidLine),
            ("Melewati baku", paint.hatch(QColor("white"), Qt.BrushStyle.DiagCrossPattern), None,
             Qt.PenStyle.SolidLine),
            ("Jeda panjang disingkat", paint.BREAK_FILL, paint.GRID, Qt.PenStyle.SolidLine),
        )
        for label, fill, edge, style in samples:
            if label == "Melewati baku":
                paint.rect(scene, QRectF(x, y + 2, 14, 10), paint.status_colour(paint.LEGEND_STATUSES[3]))
            paint.rect(scene, QRectF(x, y + 2, 14, 10), fill, edge, 1, style)
            x = _after(paint.text(scene, label, x + 18, y, 8), 14)
        paint.text(scene, "↺ dibuka kembali", x, y, 8)
        self.scene.setSceneRect(QRectF(0, 0, max(self.width, x + 120), y + 24))

    # -- live -------------------------------------------------------------------------------
    def update(self, timeline: CampaignTimeline) -> None:
        """Move the items to ``timeline`` (same :func:`signature`): bars grow, the now line moves."""
        self.timeline = timeline
        self.items["header"].setText(header_line(timeline))
        for index, bar in enumerate(timeline.steps):
            y = {"standard": (STD_Y, STD_H), "work": (WORK_Y, WORK_H), "over": (WORK_Y, WORK_H),
                 "pauses": (WORK_Y + 3, WORK_H - 6)}
            live = bar.state in (StepState.RUNNING, StepState.PAUSED)
            tip = self._tooltip(bar) if live else None  # its working and wall-clock times grow
            for kind, (dy, h) in y.items():
                for i, span in enumerate(getattr(bar, kind)):
                    item = self.items[(kind, bar.no, i)]
                    item.setRect(self.span_rect(index, span, dy, h))
                    if tip is not None:
                        item.setToolTip(tip)
            self.items[("figures", bar.no)].setText(figures(bar))
            limit = self.items.get(("limit", bar.no))
            if limit is not None:
                end, top = self.x(bar.standard[-1].end), ROWS_TOP + index * ROW_H
                limit.setLine(QLineF(end, top + STD_Y - 3, end, top + WORK_Y + WORK_H + 2))
        now = self.items.get("now")
        if now is not None and timeline.now is not None:
            x = self.x(timeline.now)
            now.setLine(QLineF(x, AXIS_TOP + 30, x, self.rows_bottom))
            label = self.items["now_label"]
            label.setText(f"sekarang {fmt.clock_time(timeline.now)}")
            label.setX(x + 3)


def _after(item: QGraphicsSimpleTextItem, gap: float) -> float:
    return item.x() + item.boundingRect().width() + gap
