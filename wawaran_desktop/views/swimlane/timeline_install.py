"""Menu entries of the timeline (issue 4) in the main window's *Tampilan* menu.

``install(window)`` only adds two actions: the dock with the Gantt and the statistics dialog
are built, and their modules imported, the first time they are opened (start-up is measured).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from wawaran_desktop.views.main_window import MainWindow
    from wawaran_desktop.views.swimlane.timeline_stats_view import TimelineStatsDialog
    from wawaran_desktop.views.swimlane.timeline_view import TimelineView

GANTT_TEXT = "&Linimasa Kampanye"
STATS_TEXT = "&Statistik Waktu per Tahap…"


class TimelineMenu(QObject):
    """The two actions and, once opened, the dock and the dialog they show."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.gantt_action = QAction(GANTT_TEXT, window, checkable=True)
        self.gantt_action.setObjectName("actionTimeline")
        self.gantt_action.setShortcut(QKeySequence(Qt.Key.Key_F10))
        self.gantt_action.setStatusTip("Linimasa kampanye yang dipilih: waktu nyata tiap tahap terhadap waktu baku")
        self.gantt_action.toggled.connect(self.show_gantt)
        self.stats_action = QAction(STATS_TEXT, window)
        self.stats_action.setObjectName("actionTimelineStats")
        self.stats_action.setStatusTip("Rata-rata dan sebaran waktu tiap tahap dalam suatu periode")
        self.stats_action.triggered.connect(self.open_stats)
        self.dock: QDockWidget | None = None
        self.view: TimelineView | None = None
        self.dialog: TimelineStatsDialog | None = None
        window.ui.menuView.addAction(self.gantt_action)
        window.ui.menuView.addAction(self.stats_action)

    # -- the Gantt dock ---------------------------------------------------------------------
    def show_gantt(self, visible: bool) -> None:
        if visible and self.dock is None:
            self._build_dock()
        if self.dock is not None:
            self.dock.setVisible(visible)
            if visible:
                self._follow(self.window.record)
                self.dock.raise_()

    def _build_dock(self) -> None:
        from PySide6.QtWidgets import QDockWidget

        from wawaran_desktop.views.swimlane.timeline_view import TimelineView

        window = self.window
        self.dock = QDockWidget("Linimasa Kampanye", window)
        self.dock.setObjectName("timelineDock")
        self.view = TimelineView(self.dock)
        self.view.setObjectName("timelineView")
        self.view.setMinimumHeight(260)
        self.dock.setWidget(self.view)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        # The dock's own close button hides it: the menu's tick follows.
        self.dock.toggleViewAction().toggled.connect(self.gantt_action.setChecked)
        window.record_shown.connect(self._follow)
        window.ticked.connect(self._tick)

    def _follow(self, record) -> None:
        if self.view is not None and self.dock is not None and self.dock.isVisible():
            self.view.show_record(record, self.window.ws.clock())

    def _tick(self, now) -> None:
        if self.view is not None and self.dock is not None and self.dock.isVisible():
            self.view.tick(now)

    # -- the statistics dialog --------------------------------------------------------------
    def open_stats(self) -> None:
        if self.dialog is None:
            from wawaran_desktop.views.swimlane.timeline_stats_view import TimelineStatsDialog

            self.dialog = TimelineStatsDialog(self.window.ws, self.window)
        else:
            self.dialog.compute()  # campaigns and thresholds may have changed since
        if self.dialog.isMinimized():
            self.dialog.showNormal()
        self.dialog.show()
        self.dialog.activateWindow()  # brings an application's own window to the front


def install(window: MainWindow) -> TimelineMenu:
    """Add the timeline's actions to ``window``'s *Tampilan* menu; returns their controller."""
    return TimelineMenu(window)
