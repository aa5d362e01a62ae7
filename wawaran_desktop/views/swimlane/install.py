"""Puts the swimlane chart into the main window: *Tampilan › Swimlane SOP* (F9) and
*Tampilan › Cetak SOP (dokumen resmi)…*.

Installing is cheap (two actions, nothing imported): the dock and its panel are built the
first time the chart is shown — at start-up only if it was open when the window last closed,
and then after the window is on screen. The dock follows the campaign the window shows and
its one-second tick (only while visible), and a click on a symbol opens that stage's tab.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QMainWindow

    from wawaran_desktop.views.swimlane.panel import SwimlanePanel

VISIBLE_KEY = "swimlane/visible"


class SwimlaneDock:
    """The chart's dock in ``window`` (a MainWindow), created when first shown."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.dock: QDockWidget | None = None
        self.panel: SwimlanePanel | None = None
        self.action = QAction("&Swimlane SOP", window, checkable=True)
        self.action.setShortcut(QKeySequence("F9"))
        self.action.setStatusTip("Bagan SOP dengan kemajuan kampanye yang dipilih")
        self.action.toggled.connect(self.set_visible)
        self.print_action = QAction("Cetak SOP (dokumen resmi)…", window)
        self.print_action.setStatusTip("Simpan dokumen SOP resmi (identitas, dasar hukum, bagan) sebagai PDF")
        self.print_action.triggered.connect(self.save_sop_document)
        menu = window.ui.menuView
        menu.addAction(self.action)
        menu.addAction(self.print_action)
        window.record_shown.connect(self._record_shown)
        window.ticked.connect(self._ticked)
        if _truthy(window.settings.value(VISIBLE_KEY, False)):
            QTimer.singleShot(0, lambda: self.action.setChecked(True))

    def set_visible(self, visible: bool) -> None:
        if visible and self.dock is None:
            self._build()
        if self.dock is not None:
            self.dock.setVisible(visible)
            if visible:
                self.panel.show_record(self.window.record)
        self.window.settings.setValue(VISIBLE_KEY, visible)

    def _build(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDockWidget

        from wawaran_desktop.views.swimlane.panel import SwimlanePanel

        dock = QDockWidget("Swimlane SOP", self.window)
        dock.setObjectName("swimlaneDock")
        self.panel = SwimlanePanel(self.window.ws, self.window.settings, dock)
        self.panel.activity_clicked.connect(self.window.open_stage)
        dock.setWidget(self.panel)
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.visibilityChanged.connect(self._dock_visibility)
        self.dock = dock

    def _dock_visibility(self, visible: bool) -> None:
        if not visible and self.dock is not None and self.dock.isHidden():  # closed, not just tabbed away
            self.action.setChecked(False)

    def _record_shown(self, record) -> None:
        if self.panel is not None and self.dock.isVisible():
            self.panel.show_record(record)

    def _ticked(self, now) -> None:
        if self.panel is not None and self.dock.isVisible():
            self.panel.tick(now)

    def save_sop_document(self) -> None:
        from wawaran_desktop.views.documents.save_flow import save_document
        from wawaran_desktop.views.swimlane.sop_document import write_sop_pdf

        ws = self.window.ws
        now = ws.clock()
        save_document(self.window, title="Simpan Dokumen SOP Resmi", suggested_name="SOP-wawaran-keliling.pdf",
                      filters="Dokumen PDF (*.pdf)", settings=self.window.settings,
                      write=lambda path, _progress: write_sop_pdf(path, ws.sop, now))


def install(window: QMainWindow) -> SwimlaneDock:
    """Add the swimlane actions to ``window`` (a MainWindow); returns the controller."""
    controller = SwimlaneDock(window)
    window.swimlane = controller
    return controller


def _truthy(value: object) -> bool:
    return value is True or str(value).lower() in ("true", "1")
