"""Puts the swimlane chart into the main window: *Tampilan › Bagan Alir SOP (swimlane)* (F9)
and *Tampilan › Simpan Dokumen SOP Resmi (PDF)…*.

Installing is cheap (two actions, nothing imported): the dock and its panel are built the
first time the chart is shown — at start-up only if it was open when the window last closed,
and then after the window is on screen. The dock follows the campaign the window shows and
its one-second tick (only while visible), and a click on a symbol opens that stage's tab.
The dock opens about 300 pixels tall (at most 30% of a small window) under the stage tabs
(a tab beside the campaign timeline when that dock exists), and where the user last put it
(area, size, floating geometry) is kept in the window's settings. The window is seen through
:class:`~wawaran_desktop.views.feature_host.FeatureHost`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:  # QEvent's type enum is costly to build at start-up: imported when used
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QDockWidget

    from wawaran_desktop.views.feature_host import FeatureHost
    from wawaran_desktop.views.swimlane.panel import SwimlanePanel

VISIBLE_KEY = "swimlane/visible"
AREA_KEY = "swimlane/area"  # Qt.DockWidgetArea as an int
SIZE_KEY = "swimlane/size"  # height (top/bottom) or width (left/right), in pixels
FLOATING_KEY = "swimlane/floating"
GEOMETRY_KEY = "swimlane/geometry"  # of the floating dock
DEFAULT_SIZE = 300
DEFAULT_SHARE = 0.3  # of the window, at most, the first time: a 768-px laptop keeps half for the stage
TIMELINE_DOCK_NAME = "timelineDock"


class _DockMemory(QObject):
    """Writes the dock's size whenever it is resized (the window saves no dock state itself)."""

    def __init__(self, controller: SwimlaneDock) -> None:
        super().__init__(controller.dock)
        self.controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self.controller.remember()
        return False


class SwimlaneDock:
    """The chart's dock in ``window``, created when first shown."""

    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.dock: QDockWidget | None = None
        self.panel: SwimlanePanel | None = None
        self._restored = False  # the size is remembered only once it has been restored
        self.action = new_action(window, "&Bagan Alir SOP (swimlane)", checkable=True)
        self.action.setShortcut(QKeySequence("F9"))
        self.action.setStatusTip("Bagan SOP dengan kemajuan kampanye yang dipilih")
        self.action.toggled.connect(self.set_visible)
        self.print_action = new_action(window, "Simpan Dokumen SOP Resmi (PDF)…")
        self.print_action.setStatusTip("Simpan dokumen SOP resmi (identitas, dasar hukum, bagan) sebagai PDF")
        self.print_action.triggered.connect(self.save_sop_document)
        window.add_view_actions(self.action, self.print_action)
        window.record_shown.connect(self._record_shown)
        window.ticked.connect(self._ticked)
        if truthy(window.settings.value(VISIBLE_KEY, False)):
            QTimer.singleShot(0, lambda: self.action.setChecked(True))

    def set_visible(self, visible: bool) -> None:
        first = visible and self.dock is None
        if first:
            self._build()
        if self.dock is not None:
            self.dock.setVisible(visible)
            if visible:
                self.dock.raise_()  # its tab to the front when it shares a place with the timeline
                self.panel.show_record(self.window.record)
        if first:
            self._restore_size()
        self.window.settings.setValue(VISIBLE_KEY, visible)

    def _area(self):
        value = _int(self.window.settings.value(AREA_KEY, None))
        areas = (Qt.DockWidgetArea.BottomDockWidgetArea, Qt.DockWidgetArea.TopDockWidgetArea,
                 Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
        return next((a for a in areas if a.value == value), Qt.DockWidgetArea.BottomDockWidgetArea)

    def _restore_size(self) -> None:
        """The remembered size (or about 300 px), so the stage tabs keep most of the window."""
        from wawaran_desktop.views import dock_room

        settings = self.window.settings
        floating = settings.value(FLOATING_KEY, None)
        if truthy(floating):
            geometry = settings.value(GEOMETRY_KEY)
            self.dock.setFloating(True)
            if geometry is not None:
                self.dock.restoreGeometry(geometry)
        elif floating is None and dock_room.short_screen(self.window):
            dock_room.float_over(self.window, self.dock)  # under the stages it would leave a form a few rows
        elif self._tabified_with_visible():
            pass  # a tab of the timeline's dock: that place keeps its height
        else:
            area = self.window.dockWidgetArea(self.dock)
            vertical = area in (Qt.DockWidgetArea.BottomDockWidgetArea, Qt.DockWidgetArea.TopDockWidgetArea)
            whole = self.window.height() if vertical else self.window.width()
            size = _int(settings.value(SIZE_KEY, None))
            if size is None and whole > 0:
                size = min(DEFAULT_SIZE, int(whole * DEFAULT_SHARE))
            size = max(120, min(size or DEFAULT_SIZE, whole // 2)) if whole > 0 else (size or DEFAULT_SIZE)
            self.window.resizeDocks([self.dock], [size],
                                    Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal)
        self._restored = True

    def _tabified_with_visible(self) -> bool:
        return any(not d.isHidden() for d in self.window.tabifiedDockWidgets(self.dock))  # open, if behind

    def remember(self) -> None:
        """Keep where the dock is and how big (called as it moves or is resized)."""
        dock = self.dock
        if dock is None or not self._restored or not dock.isVisible():
            return
        settings = self.window.settings
        settings.setValue(FLOATING_KEY, dock.isFloating())
        if dock.isFloating():
            settings.setValue(GEOMETRY_KEY, dock.saveGeometry())
            return
        area = self.window.dockWidgetArea(dock)
        settings.setValue(AREA_KEY, area.value)
        vertical = area in (Qt.DockWidgetArea.BottomDockWidgetArea, Qt.DockWidgetArea.TopDockWidgetArea)
        settings.setValue(SIZE_KEY, dock.height() if vertical else dock.width())

    def _build(self) -> None:
        from PySide6.QtWidgets import QDockWidget

        from wawaran_desktop.views.swimlane.panel import SwimlanePanel

        dock = QDockWidget("Bagan Alir SOP", self.window)
        dock.setObjectName("swimlaneDock")
        dock.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # floating, it leaves the typing where it was
        self.panel = SwimlanePanel(self.window.ws, self.window.settings, dock)
        self.panel.activity_clicked.connect(self.window.open_stage)
        dock.setWidget(self.panel)
        self.window.addDockWidget(self._area(), dock)
        timeline = self.window.findChild(QDockWidget, TIMELINE_DOCK_NAME)
        if timeline is not None and not timeline.isFloating():
            self.window.tabifyDockWidget(timeline, dock)  # one place, two tabs: both stay readable
        dock.visibilityChanged.connect(self._dock_visibility)
        dock.dockLocationChanged.connect(lambda _area: self.remember())
        dock.topLevelChanged.connect(lambda _floating: self.remember())
        self.dock = dock
        self._restored = False
        dock.installEventFilter(_DockMemory(self))

    def _dock_visibility(self, visible: bool) -> None:
        if not visible and self.dock is not None and self.dock.isHidden():  # closed, not just tabbed away
            self.action.setChecked(False)
        elif visible and self.panel is not None and self.panel.record is not self.window.record:
            self.panel.show_record(self.window.record)  # tabbed back: catch up with the window

    def _record_shown(self, record) -> None:
        if self.panel is not None and self.dock.isVisible():
            self.panel.show_record(record)

    def _ticked(self, now) -> None:
        if self.panel is not None and self.dock.isVisible():
            self.panel.tick(now)

    def save_sop_document(self) -> None:
        from wawaran_desktop.views.documents.save_flow import save_document
        from wawaran_desktop.views.swimlane.sop_document import write_sop_pdf

        from wawaran_desktop.views.swimlane.paper import Stationery

        ws = self.window.ws
        now, sop = ws.clock(), ws.profile.sop_for_documents(ws.sop)
        stationery = Stationery.of(ws.profile.load())  # the office's paper and logo
        save_document(self.window, title="Simpan Dokumen SOP Resmi", suggested_name="SOP-wawaran-keliling.pdf",
                      filters="Dokumen PDF (*.pdf)", settings=self.window.settings,
                      write=lambda path, _progress: write_sop_pdf(path, sop, now, stationery))


def install(host: FeatureHost) -> SwimlaneDock:
    """Add the swimlane actions to ``host``'s *Tampilan* menu; returns the controller (which
    the host keeps: it is no QObject, only its actions are children of the window)."""
    return SwimlaneDock(host)


def new_action(parent: QObject, text: str, *, checkable: bool = False) -> QAction:
    """An action of ``parent``'s. Not ``QAction(text, parent)``: choosing among that
    constructor's overloads makes PySide6 build QIcon's enums during start-up (bench/startup_phases.py)."""
    action = QAction(parent)
    action.setText(text)
    action.setCheckable(checkable)
    return action


def _int(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def truthy(value: object) -> bool:
    """A QSettings boolean as read back from the ini file ("true"/"false" text, or a bool)."""
    return value is True or str(value).lower() in ("true", "1")
