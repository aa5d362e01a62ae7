"""Statistik Waktu per Tahap: each step's working time across the campaigns of a period.

The period is the campaigns' creation date (WIB, both days included), by default the last
three months. The figures are computed on the thread pool (:mod:`wawaran_desktop.workers`):
over ten thousand campaigns they take a few hundred milliseconds, and the dialog stays
responsive meanwhile. A change of the period while a computation runs is computed after it.
"""

from __future__ import annotations

import logging
import math
from datetime import date

from PySide6.QtCore import QDate, QRectF, Qt, QTimer
from PySide6.QtGui import QPainter, QResizeEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem, QWidget

from wawaran_desktop.forms.ui_timeline_stats import Ui_TimelineStatsDialog
from wawaran_desktop.text import durations
from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.reports.timeline_stats import StatsQuery, StepStats, TimelineStats, step_statistics
from wawaran_desktop.services.timing import StepStatus
from wawaran_desktop.services.workspace import Workspace
from wawaran_desktop.views.swimlane import timeline_paint as paint
from wawaran_desktop.views.screen_fit import fit_to_screen
from wawaran_desktop.views.swimlane.timeline_stats_chart import build_chart
from wawaran_desktop.workers import Job
from wawaran_desktop.views.date_typing import install_typing_all

log = logging.getLogger(__name__)

DEFAULT_MONTHS = 3
DEBOUNCE_MS = 250  # typing a date changes it several times: compute once it settles

COLUMNS = ("Tahap", "Baku", "Selesai\ndiukur", "Rata-rata\nkerja", "Median\nkerja",
           "Simpangan\nbaku", "Kuartil 1–3", "Min–maks", "Terlambat",
           "Rata-rata jam\ndinding", "Pernah\ndijeda", "Dibuka\nkembali")


class TimelineStatsDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TimelineStatsDialog()
        self.ui.setupUi(self)
        install_typing_all(self)
        self._fit_screen()
        self.ws = ws
        self.stats: TimelineStats | None = None
        self.error: BaseException | None = None
        self.job: Job | None = None
        self._pending = False
        today = ws.today()
        self.ui.toDate.setDate(QDate(today.year, today.month, today.day))
        self.ui.fromDate.setDate(self.ui.toDate.date().addMonths(-DEFAULT_MONTHS))
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.compute)
        for edit in (self.ui.fromDate, self.ui.toDate):
            edit.dateChanged.connect(self._debounce.start)
        self.ui.cancelledCheck.toggled.connect(self._debounce.start)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText("&Tutup")
        self.ui.buttonBox.rejected.connect(self.close)
        table = self.ui.statsTable
        table.setColumnCount(len(COLUMNS))
        table.setHorizontalHeaderLabels(list(COLUMNS))
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setDefaultSectionSize(24)
        self.ui.chartView.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.ui.chartView.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The chart keeps its full height (its footnote included: see _draw); the table takes
        # the rest and scrolls when the screen is small.
        self.ui.splitter.setStretchFactor(0, 0)
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.splitter.setSizes([self.ui.chartView.minimumHeight(), self.height()])
        self.compute()

    def _fit_screen(self) -> None:
        """The size of the form, or less on a small screen (a 1366x768 laptop less its taskbar)."""
        fit_to_screen(self)

    # -- computing --------------------------------------------------------------------------
    def query(self) -> StatsQuery:
        start: date = self.ui.fromDate.date().toPython()
        end: date = self.ui.toDate.date().toPython()
        return StatsQuery(min(start, end), max(start, end), self.ui.cancelledCheck.isChecked())

    @property
    def busy(self) -> bool:
        return self.job is not None or self._pending or self._debounce.isActive()

    def compute(self) -> None:
        """Compute the figures of the period shown, on the thread pool."""
        if self.job is not None:
            self._pending = True  # computed again once the running one ends
            return
        self._pending = False
        query, sop, limits = self.query(), self.ws.sop, self.ws.thresholds
        self.ui.summaryLabel.setText(
            f"Menghitung waktu tahap kampanye yang dibuat {fmt.short_date(query.date_from)} – "
            f"{fmt.short_date(query.date_to)}…")
        # No parent: the job outlives a dialog closed meanwhile (Job keeps itself alive).
        self.job = Job(lambda progress: step_statistics(sop, query, limits, progress))
        self.job.finished.connect(self._computed)
        self.job.failed.connect(self._failed)
        self.job.start()

    def _computed(self, stats: TimelineStats) -> None:
        self.job = None
        self.stats, self.error = stats, None
        self._show(stats)
        if self._pending:
            self.compute()

    def _failed(self, error: BaseException) -> None:
        self.job = None
        self.error = error
        log.warning("timeline statistics failed", exc_info=error)
        self.ui.summaryLabel.setText(f"Statistik tidak dapat dihitung: {error}")
        if self._pending:
            self.compute()

    # -- showing ----------------------------------------------------------------------------
    def _show(self, stats: TimelineStats) -> None:
        self.ui.summaryLabel.setText(summary(stats))
        self._draw()
        self._fill_table(stats)

    def _draw(self) -> None:
        if self.stats is None:
            return
        old = self.ui.chartView.scene()
        scene = build_chart(self.stats, self.ui.chartView.viewport().width() - 4)
        scene.setParent(self.ui.chartView)
        self.ui.chartView.setScene(scene)
        self._fit_chart(scene.sceneRect())
        if old is not None:
            old.deleteLater()

    def _fit_chart(self, rect: QRectF) -> None:
        """The chart view tall enough for the whole chart, its footnote included (the splitter
        cannot make it smaller; the table below scrolls instead)."""
        view = self.ui.chartView
        height = math.ceil(rect.height()) + 2 * view.frameWidth()
        if rect.width() > view.viewport().width():
            height += view.horizontalScrollBar().sizeHint().height()
        if view.minimumHeight() != height:
            view.setMinimumHeight(height)

    def _fill_table(self, stats: TimelineStats) -> None:
        table = self.ui.statsTable
        table.setRowCount(len(stats.steps))
        for row, step in enumerate(stats.steps):
            for column, value in enumerate(table_row(step)):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
            share = step.late_share
            if share is not None and share >= 0.5:
                late = table.item(row, 8)
                late.setForeground(paint.status_colour(StepStatus.LATE))
                late.setToolTip("Separuh atau lebih dari tahap ini terlambat")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._draw()


def summary(stats: TimelineStats) -> str:
    q = stats.query
    text = (f"{fmt.thousands(stats.campaigns)} kampanye dibuat {fmt.short_date(q.date_from)} – "
            f"{fmt.short_date(q.date_to)}")
    if stats.cancelled_left_out:
        text += f" ({fmt.thousands(stats.cancelled_left_out)} yang dibatalkan tidak disertakan)"
    elif q.include_cancelled:
        text += " (termasuk yang dibatalkan)"
    text += (f"; {fmt.thousands(stats.measured)} tahap selesai diukur. Hanya tahap yang sudah selesai "
             "dihitung; waktu kerja tanpa jeda, dibandingkan dengan waktu baku; terlambat bila lebih dari "
             f"{paint.percent(stats.limits.late)} baku.")
    return text


def table_row(step: StepStats) -> tuple[str, ...]:
    """The table's cells for one step (lengths of time in minutes and seconds, cut to the second)."""
    t = durations.text
    standard = durations.standard(step.standard_minutes) + ("*" if step.standard_varies else "")
    if step.seconds is None or step.wall_seconds is None:
        return (step.label, standard, "0", "–", "–", "–", "–", "–", "–", "–", "–", "–")
    m = step.seconds
    return (step.label, standard, fmt.thousands(step.count), t(m.mean), t(m.median), t(m.stdev),
            f"{t(m.q1)} – {t(m.q3)}", f"{t(m.minimum)} – {t(m.maximum)}",
            f"{fmt.thousands(step.late)} ({paint.percent(step.late_share or 0)})", t(step.wall_seconds.mean),
            fmt.thousands(step.paused), fmt.thousands(step.reopened))
