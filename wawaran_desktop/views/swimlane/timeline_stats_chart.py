"""Box-and-whisker chart of each step's working time, as a percentage of its own standard.

Percent of the standard, not minutes, so the 5-minute steps and the 120-minute dissemination
sit on one axis and the step that habitually runs late stands out: its box lies right of the
100% line. Per step: whisker from the fastest to the slowest run, box from the first to the
third quartile (the middle half), a thick line at the median, a diamond at the mean, and on
the right how many were measured and the share that was late (with a small bar).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsScene

from wawaran_desktop.text import durations
from wawaran_desktop.services import timing
from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.reports.timeline_stats import StepStats, TimelineStats
from wawaran_desktop.services.timing import StepState, StepStatus
from wawaran_desktop.views.swimlane import timeline_paint as paint

LEFT = 10.0
LABEL_W = 200.0
TOP = 44.0
ROW_H = 30.0
BOX_H = 14.0
RIGHT_W = 232.0
AXIS_CAP = 3.0  # 300%: beyond, a whisker ends in an arrow with its value


def median_status(stats: TimelineStats, step: StepStats) -> StepStatus:
    """The colour of a step's box: where its median lies against the office's thresholds.

    With one standard, the median's whole seconds (the figure the tooltip and the table show)
    are judged by the step status's own rule; across standards that differ, its share of them.
    """
    if step.seconds is not None and not step.standard_varies:
        status = timing.status_of(StepState.RUNNING, step.seconds.median, step.standard_minutes, stats.limits)
        return StepStatus.ON_TIME if status is StepStatus.RUNNING else status
    median = round(step.ratio.median, 9) if step.ratio else 0.0  # 339 / 300 is 1.13, not a hair above
    if median > stats.limits.late:
        return StepStatus.LATE
    if median >= stats.limits.at_risk:
        return StepStatus.AT_RISK
    return StepStatus.ON_TIME


def axis_max(stats: TimelineStats) -> float:
    highest = max((s.ratio.maximum for s in stats.steps if s.ratio), default=1.0)
    top = min(AXIS_CAP, max(highest, stats.limits.late * 1.25))
    return math.ceil(top * 4) / 4  # a multiple of 25%


def build_chart(stats: TimelineStats, width: float) -> QGraphicsScene:
    """The chart of ``stats`` for a view ``width`` pixels wide."""
    scene = QGraphicsScene()
    plot_w = max(240.0, width - LEFT - LABEL_W - RIGHT_W - 20)
    top_value = axis_max(stats)
    x0 = LEFT + LABEL_W

    def x(fraction: float) -> float:
        return x0 + min(fraction, top_value) / top_value * plot_w

    bottom = TOP + ROW_H * len(stats.steps)
    every = 0.25 if top_value <= 1.5 else 0.5
    paint.text(scene, "Waktu kerja (jeda tidak dihitung) sebagai persen dari waktu baku tiap tahap",
               LEFT, 4, 9, bold=True)
    grid = QPen(paint.GRID, 1)
    for i in range(int(top_value / every + 1e-9) + 1):
        value = i * every
        scene.addLine(QLineF(x(value), TOP - 4, x(value), bottom), grid)
        paint.text(scene, paint.percent(value), x(value), TOP - 20, 8, anchor="centre")
    lines = [(1.0, QPen(paint.TEXT, 2), "baku")]
    if stats.limits.late != 1.0:
        lines.append((stats.limits.late, QPen(paint.status_colour(StepStatus.LATE), 1.5, Qt.PenStyle.DashLine),
                      "terlambat"))
    lines.append((stats.limits.at_risk, QPen(paint.status_colour(StepStatus.AT_RISK), 1.2, Qt.PenStyle.DotLine),
                  "berisiko"))
    for value, pen, _label in lines:
        scene.addLine(QLineF(x(value), TOP - 4, x(value), bottom + 4), pen)
    paint.text(scene, "diukur · terlambat", x0 + plot_w + 16, 6, 8, colour=paint.MUTED)
    for index, step in enumerate(stats.steps):
        _row(scene, stats, step, TOP + index * ROW_H, x, x0 + plot_w + 16, index)
    _legend(scene, stats, bottom + 12)
    scene.setSceneRect(QRectF(0, 0, x0 + plot_w + RIGHT_W, bottom + 50))
    return scene


def _row(scene: QGraphicsScene, stats: TimelineStats, step: StepStats, top: float, x, right: float,
         index: int) -> None:
    if index % 2 == 0:
        paint.rect(scene, QRectF(LEFT, top, right + RIGHT_W - 26, ROW_H), paint.ROW_SHADE).setZValue(-2)
    paint.text(scene, step.label, LEFT, top + 3, 9, bold=True)
    paint.text(scene, f"baku {step.standard_minutes} mnt" + (" (beragam)" if step.standard_varies else ""),
               LEFT, top + 17, 7.5, colour=paint.MUTED)
    mid = top + ROW_H / 2
    if step.ratio is None or step.seconds is None:
        paint.text(scene, "belum ada tahap yang selesai", x(0) + 6, mid - 7, 8, colour=paint.MUTED)
        paint.text(scene, "n 0", right, mid - 7, 8.5, colour=paint.MUTED)
        return
    r, m = step.ratio, step.seconds
    status = median_status(stats, step)
    colour = paint.status_colour(status)
    whisker = QPen(colour, 1.2)
    scene.addLine(QLineF(x(r.minimum), mid, x(r.maximum), mid), whisker)
    scene.addLine(QLineF(x(r.minimum), mid - 5, x(r.minimum), mid + 5), whisker)
    if r.maximum > AXIS_CAP:
        end = x(r.maximum)
        scene.addPolygon(QPolygonF([QPointF(end + 7, mid), QPointF(end, mid - 5), QPointF(end, mid + 5)]),
                         QPen(colour), colour)
        paint.text(scene, paint.percent(r.maximum), end - 2, mid - 17, 7, colour=colour, anchor="right")
    else:
        scene.addLine(QLineF(x(r.maximum), mid - 5, x(r.maximum), mid + 5), whisker)
    box = paint.rect(scene, QRectF(x(r.q1), mid - BOX_H / 2, max(2.0, x(r.q3) - x(r.q1)), BOX_H),
                     paint.status_light(status), colour, 1.2)
    scene.addLine(QLineF(x(r.median), mid - BOX_H / 2, x(r.median), mid + BOX_H / 2), QPen(colour, 3))
    d = 4.5
    scene.addPolygon(QPolygonF([QPointF(x(r.mean), mid - d), QPointF(x(r.mean) + d, mid),
                                QPointF(x(r.mean), mid + d), QPointF(x(r.mean) - d, mid)]),
                     QPen(QColor("white"), 1), paint.TEXT)
    t = durations.text
    tip = (f"{step.label}: {fmt.thousands(step.count)} tahap selesai\n"
           f"median {t(m.median)} ({paint.percent(r.median)} baku), "
           f"rata-rata {t(m.mean)}, simpangan baku {t(m.stdev)}\n"
           f"kuartil {t(m.q1)} – {t(m.q3)}, min–maks {t(m.minimum)} – {t(m.maximum)}\n"
           f"terlambat {step.late} dari {step.count} ({paint.percent(step.late_share or 0)})")
    box.setToolTip(tip)
    share = step.late_share or 0.0
    paint.text(scene, f"n {fmt.thousands(step.count)}", right, mid - 7, 8.5)
    bar_x = right + 56
    paint.rect(scene, QRectF(bar_x, mid - 5, 60, 10), paint.status_light(StepStatus.LATE), paint.GRID)
    paint.rect(scene, QRectF(bar_x, mid - 5, 60 * share, 10), paint.status_colour(StepStatus.LATE))
    paint.text(scene, f"{paint.percent(share)} terlambat", bar_x + 64, mid - 7, 8,
               bold=share >= 0.5, colour=paint.status_colour(StepStatus.LATE) if share >= 0.5 else paint.TEXT)


def _legend(scene: QGraphicsScene, stats: TimelineStats, y: float) -> None:
    x = LEFT
    colour = paint.TEXT
    scene.addLine(QLineF(x, y + 7, x + 24, y + 7), QPen(colour, 1.2))
    paint.rect(scene, QRectF(x + 6, y + 2, 12, 10), paint.status_light(StepStatus.ON_TIME), colour)
    scene.addLine(QLineF(x + 12, y + 2, x + 12, y + 12), QPen(colour, 3))
    x = _label(scene, "garis: tercepat–terlama · kotak: separuh tengah (kuartil 1–3) · garis tebal: median",
               x + 30, y)
    scene.addPolygon(QPolygonF([QPointF(x + 5, y + 2), QPointF(x + 10, y + 7), QPointF(x + 5, y + 12),
                                QPointF(x, y + 7)]), QPen(colour), colour)
    x = _label(scene, "rata-rata", x + 14, y)
    for status in (StepStatus.ON_TIME, StepStatus.AT_RISK, StepStatus.LATE):
        paint.rect(scene, QRectF(x, y + 2, 14, 10), paint.status_light(status), paint.status_colour(status))
        x = _label(scene, {StepStatus.ON_TIME: "median di bawah batas berisiko",
                           StepStatus.AT_RISK: "median berisiko",
                           StepStatus.LATE: "median terlambat"}[status], x + 18, y)
    limits = stats.limits
    paint.text(scene, f"Garis hitam: baku (100%); titik-titik: berisiko mulai {paint.percent(limits.at_risk)}; "
               f"terlambat bila lebih dari {paint.percent(limits.late)} baku. n: banyak tahap selesai yang diukur.",
               LEFT, y + 16, 8, colour=paint.MUTED)


def _label(scene: QGraphicsScene, value: str, x: float, y: float) -> float:
    item = paint.text(scene, value, x, y, 8)
    return x + item.boundingRect().width() + 14
