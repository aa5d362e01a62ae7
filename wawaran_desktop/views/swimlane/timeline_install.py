"""Menu entries of the timeline (issue 4) in the main window's *Tampilan* menu.

``install(window)`` only adds two actions: the dock with the Gantt and the statistics dialog
are built, and their modules imported, the first time they are opened (start-up is measured).
The dock shares the swimlane's place as a tab when that dock exists (two docks side by side
would leave neither readable), otherwise it opens about 300 px tall (less on a small screen) under the stage tabs;
whether it was open is kept in the window's settings and restored at the next start. The
window is seen through :class:`~wawaran_desktop.views.feature_host.FeatureHost`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence

from wawaran_desktop.views.swimlane.install import new_action, truthy

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from wawaran_desktop.views.feature_host import FeatureHost
    from wawaran_desktop.views.swimlane.timeline_stats_view import TimelineStatsDialog
    from wawaran_desktop.views.swimlane.timeline_view import TimelineView

GANTT_TEXT = "&Linimasa Kampanye"
STATS_TEXT = "&Statistik Waktu per Tahap…"
VISIBLE_KEY = "timeline/visible"
DOCK_NAME = "timelineDock"
SWIMLANE_DOCK_NAME = "swimlaneDock"
DEFAULT_HEIGHT = 300  # pixels, and at most MAX_SHARE of the window's height: on the office's
MAX_SHARE = 0.3  # 1366x768 laptops the stage tabs keep about half the window


class TimelineMenu(QObject):
    """The two actions and, once opened, the dock and the dialog they show."""

    def __init__(self, window: FeatureHost) -> None:
        super().__init__(window)
        self.window = window
        self.gantt_action = new_action(window, GANTT_TEXT, checkable=True)
        self.gantt_action.setObjectName("actionTimeline")
        self.gantt_action.setShortcut(QKeySequence(Qt.Key.Key_F10))
        self.gantt_action.setStatusTip("Linimasa kampanye yang dipilih: waktu nyata tiap tahap terhadap waktu baku")
        self.gantt_action.toggled.connect(self.show_gantt)
        self.stats_action = new_action(window, STATS_TEXT)
        self.stats_action.setObjectName("actionTimelineStats")
        self.stats_action.setStatusTip("Rata-rata dan sebaran waktu tiap tahap dalam suatu periode")
        self.stats_action.triggered.connect(self.open_stats)
        self.dock: QDockWidget | None = None
        self.view: TimelineView | None = None
        self.dialog: TimelineStatsDialog | None = None
        window.add_view_actions(self.gantt_action, self.stats_action)
        window.thresholds_changed.connect(self._judge_again)
        if truthy(window.settings.value(VISIBLE_KEY, False)):  # once the window is on screen
            QTimer.singleShot(0, lambda: self.gantt_action.setChecked(True))

    # -- the Gantt dock ---------------------------------------------------------------------
    def show_gantt(self, visible: bool) -> None:
        first = visible and self.dock is None
        if first:
            self._build_dock()
        if self.dock is not None:
            self.dock.setVisible(visible)
            if visible:
                self._follow(self.window.record)
                self.dock.raise_()
                if first:
                    self._first_size()
        if self.window.isVisible():  # not the dock going away with a closed window
            self.window.settings.setValue(VISIBLE_KEY, visible)

    def _build_dock(self) -> None:
        from PySide6.QtWidgets import QDockWidget

        from wawaran_desktop.views.swimlane.timeline_view import TimelineView

        window = self.window
        self.dock = QDockWidget("Linimasa Kampanye", window)
        self.dock.setObjectName(DOCK_NAME)
        self.dock.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # floating: typing stays where it was
        self.view = TimelineView(self.dock)
        self.view.setObjectName("timelineView")
        self.view.setMinimumHeight(150)  # the title, the axis and a row or two; it scrolls
        self.dock.setWidget(self.view)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        swimlane = window.findChild(QDockWidget, SWIMLANE_DOCK_NAME)
        if swimlane is not None and not swimlane.isFloating():
            window.tabifyDockWidget(swimlane, self.dock)  # a tab beside the chart, raised when shown
        # The dock's own close button hides it: the menu's tick follows.
        self.dock.toggleViewAction().toggled.connect(self.gantt_action.setChecked)
        # Its tab brought to the front again: show what the window shows now.
        self.dock.visibilityChanged.connect(lambda shown: shown and self._follow(self.window.record))
        window.record_shown.connect(self._follow)
        window.ticked.connect(self._tick)

    def _first_size(self) -> None:
        """Alone under the stage tabs: about 300 px, so the stage keeps most of the window."""
        from PySide6.QtWidgets import QDockWidget

        from wawaran_desktop.views import dock_room

        dock, window = self.dock, self.window
        if dock.isFloating():
            return
        area = window.dockWidgetArea(dock)
        if area not in (Qt.DockWidgetArea.BottomDockWidgetArea, Qt.DockWidgetArea.TopDockWidgetArea):
            return
        others = [d for d in window.findChildren(QDockWidget)
                  if d is not dock and d.isVisible() and not d.isFloating() and window.dockWidgetArea(d) == area]
        if others:
            return  # a tab of, or beside, a dock already open: keep that dock's height
        if dock_room.short_screen(window):
            dock_room.float_over(window, dock)  # under the stages it would leave a form a few rows
            return
        height = min(DEFAULT_HEIGHT, int(window.height() * MAX_SHARE)) if window.height() > 0 else DEFAULT_HEIGHT
        window.resizeDocks([dock], [max(dock.minimumSizeHint().height(), height)], Qt.Orientation.Vertical)

    def _follow(self, record) -> None:
        if self.view is not None and self.dock is not None and self.dock.isVisible():
            self.view.show_record(record, self.window.ws.clock())

    def _tick(self, now) -> None:
        if self.view is not None and self.dock is not None and self.dock.isVisible():
            self.view.tick(now)

    def _judge_again(self) -> None:
        """New thresholds: an open statistics dialog counts late steps again by them."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.compute()

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


def install(host: FeatureHost) -> TimelineMenu:
    """Add the timeline's actions to ``host``'s *Tampilan* menu; returns their controller (a
    child of ``host``)."""
    return TimelineMenu(host)
