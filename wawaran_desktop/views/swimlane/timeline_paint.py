"""Drawing helpers shared by the timeline charts: colours, brushes, text and number formats.

Lengths of time are told by :mod:`~wawaran_desktop.text.durations`, as everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem

from wawaran_desktop.services.timing import StepStatus
from wawaran_desktop.views.status_style import STATUS_COLOURS

GRID = QColor("#cfd8dc")
TEXT = QColor("#263238")
MUTED = QColor("#607d8b")
STANDARD_FILL = QColor("#b0bec5")
STANDARD_EDGE = QColor("#546e7a")
BREAK_FILL = QColor("#eceff1")
NOW = QColor("#d32f2f")
ROW_SHADE = QColor("#f7f9fa")

#: The statuses a chart's legend explains, in reading order.
LEGEND_STATUSES = (StepStatus.ON_TIME, StepStatus.RUNNING, StepStatus.AT_RISK, StepStatus.LATE,
                   StepStatus.PAUSED)


def status_colour(status: StepStatus) -> QColor:
    """The strong colour of a status (the text colour of its chip), for bars."""
    return QColor(STATUS_COLOURS[status][0])


def status_light(status: StepStatus) -> QColor:
    return QColor(STATUS_COLOURS[status][1])


def hatch(colour: QColor, style: Qt.BrushStyle = Qt.BrushStyle.BDiagPattern) -> QBrush:
    return QBrush(colour, style)


def font(point_size: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(point_size)
    f.setBold(bold)
    return f


def text(scene: QGraphicsScene, value: str, x: float, y: float, size: float = 8.5, bold: bool = False,
         colour: QColor = TEXT, anchor: str = "left") -> QGraphicsSimpleTextItem:
    """A text item at ``(x, y)`` (its top); ``anchor`` left, centre or right of ``x``."""
    item = scene.addSimpleText(value, font(size, bold))
    item.setBrush(colour)
    width = item.boundingRect().width()
    dx = {"left": 0.0, "centre": -width / 2, "right": -width}[anchor]
    item.setPos(QPointF(x + dx, y))
    return item


def rect(scene: QGraphicsScene, r: QRectF, fill: QBrush | QColor | None, edge: QColor | None = None,
         width: float = 1.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QGraphicsRectItem:
    pen = QPen(edge, width, style) if edge is not None else QPen(Qt.PenStyle.NoPen)
    brush = fill if isinstance(fill, QBrush) else (QBrush(fill) if fill is not None else QBrush())
    return scene.addRect(r, pen, brush)


def percent(fraction: float) -> str:
    return f"{fraction * 100:.0f}%"


