"""The Gantt of the campaign the main window shows, kept live while the campaign runs.

:class:`TimelineView` follows ``MainWindow.record_shown`` (:meth:`show_record`) and
``MainWindow.ticked`` (:meth:`tick`). A tick recomputes the timeline from the record the
window holds (no database access) and, while the chart's layout stays the same, only moves
the growing bar, the now line and the figures; the scene is built again when the layout
changes (a step starts or finishes, a status colour changes, the axis grows).

Another campaign is shown from the chart's top-left (its title line), scrolled down only as far
as the running step's row needs. Until the user scrolls, rebuilding and resizing keep to that
place; after the user scrolled, a rebuild keeps the user's place.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from wawaran_desktop.services.records import CampaignRecord
from wawaran_desktop.charts.timeline_bars import CampaignTimeline, campaign_timeline
from wawaran_desktop.services.timing import StepState
from wawaran_desktop.views.swimlane import timeline_paint as paint
from wawaran_desktop.views.swimlane.timeline_gantt import (
    BREAK_PX,
    LABEL_W,
    LEFT,
    RIGHT_PAD,
    ROW_H,
    ROWS_TOP,
    GanttScene,
    signature,
)

MIN_PER_MINUTE = 1.2  # below this, short steps become slivers: scroll instead
MAX_PER_MINUTE = 12.0
HOME_MARGIN = 8  # pixels kept around the running step's row when scrolling to it


class TimelineView(QGraphicsView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.record: CampaignRecord | None = None
        self.timeline: CampaignTimeline | None = None
        self.gantt: GanttScene | None = None
        self.rebuilds = 0  # how many times the scene was built (tests, and a check on cost)
        self._auto_home = True  # until the user scrolls: top-left, with the running row in view
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.actionTriggered.connect(self._moved_by_user)
        self._empty = QGraphicsScene(self)
        self._message("Pilih kampanye di daftar untuk melihat linimasanya.")

    # -- following the window ---------------------------------------------------------------
    def show_record(self, record: CampaignRecord | None, now: datetime) -> None:
        """Show ``record`` (None: nothing selected) as it stands at ``now``."""
        if record is None or self.record is None or record.id != self.record.id:
            self._auto_home = True  # another campaign: from its top
        self.record = record
        if record is None:
            self.timeline = self.gantt = None
            self._message("Pilih kampanye di daftar untuk melihat linimasanya.")
            return
        self._rebuild(campaign_timeline(record, now))

    def tick(self, now: datetime) -> None:
        """Bring a running campaign's chart to ``now``; a finished one does not change."""
        if self.record is None or self.timeline is None or self.timeline.now is None:
            return
        timeline = campaign_timeline(self.record, now)
        if self.gantt is not None and signature(timeline) == self.gantt.signature:
            self.timeline = timeline
            self.gantt.update(timeline)
        else:
            self._rebuild(timeline)

    # -- drawing ----------------------------------------------------------------------------
    def per_minute(self, timeline: CampaignTimeline) -> float:
        """Pixels a minute so the axis fills the visible width (within sensible limits)."""
        axis = timeline.axis
        room = self.viewport().width() - LEFT - LABEL_W - RIGHT_PAD - len(axis.breaks) * BREAK_PX - 4
        if axis.true_minutes <= 0:
            return MIN_PER_MINUTE
        return max(MIN_PER_MINUTE, min(MAX_PER_MINUTE, room / axis.true_minutes))

    def _rebuild(self, timeline: CampaignTimeline) -> None:
        self.timeline = timeline
        if not timeline.axis.pieces:
            self.gantt = None
            self._message(f"No. {timeline.campaign_id} · {timeline.title}\n\n"
                          "Belum ada tahap yang dimulai: linimasa muncul setelah tahap 1 dimulai.")
            return
        old = self.gantt
        kept = (self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        self.gantt = GanttScene(timeline, self.per_minute(timeline))
        self.setScene(self.gantt.scene)
        if old is not None:
            old.scene.deleteLater()
        self.rebuilds += 1
        if self._auto_home:
            self.go_home()
        else:
            self.horizontalScrollBar().setValue(kept[0])
            self.verticalScrollBar().setValue(kept[1])

    # -- where the view looks ---------------------------------------------------------------
    def running_row(self) -> int | None:
        """The row (0-based) of the step at work: running or paused, else the next one of a
        campaign still going; None when nothing is at work."""
        timeline = self.timeline
        if timeline is None:
            return None
        steps = timeline.steps
        active = (StepState.RUNNING, StepState.PAUSED)
        row = next((i for i, b in enumerate(steps) if not b.planned and b.state in active), None)
        if row is None and timeline.now is not None and timeline.started:
            row = next((i for i, b in enumerate(steps) if b.state is not StepState.FINISHED), None)
        return row

    def go_home(self) -> None:
        """Top-left (the title line), then just far enough down to show the running step's row."""
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.setValue(bar.minimum())
        row = self.running_row() if self.gantt is not None else None
        if row is None:
            return
        target = QRectF(0, ROWS_TOP + row * ROW_H, LEFT + LABEL_W, ROW_H)
        if not self.mapToScene(self.viewport().rect()).boundingRect().contains(target):
            self.ensureVisible(target, 0, HOME_MARGIN)

    def _moved_by_user(self, *_args) -> None:
        self._auto_home = False

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._moved_by_user()
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._moved_by_user()
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._moved_by_user()
        super().mousePressEvent(event)

    def _message(self, message: str) -> None:
        self._empty.clear()
        paint.text(self._empty, message, LEFT, 10, 10, colour=paint.MUTED)
        self.setScene(self._empty)
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.setValue(bar.minimum())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.timeline is not None and self.gantt is not None:
            if abs(self.per_minute(self.timeline) - self.gantt.per_minute) > 0.01:
                self._rebuild(self.timeline)
            elif self._auto_home:  # QGraphicsView keeps its centre on a resize: back to the top
                self.go_home()
