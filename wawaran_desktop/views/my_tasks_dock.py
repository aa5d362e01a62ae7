"""*Tugas Saya* in the window: a dock with what waits for the signed-in person, and its count.

The count is always in the status bar (*Tugas Saya: 3*, a button that shows the dock); the dock
(:class:`~wawaran_desktop.views.my_tasks.MyTasksPanel`) opens after sign-in and on *Tampilan →
Tugas Saya*. Both are read again when another person signs in, when a stage changes, when another
PC changed something (live updates) and every :data:`REFRESH_TICKS` seconds; a read is a handful
of queries (bench/my_tasks.py). Choosing a task shows its campaign at that stage.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QPushButton, QStyle

from wawaran_desktop.services.errors import ServiceError
from wawaran_desktop.services.my_tasks import MyTasksService
from wawaran_desktop.views.feature_host import FeatureHost

REFRESH_TICKS = 60
TITLE = "Tugas Saya"
#: The dock is built after the window is shown, off the start-up path.
BUILD_DELAY_MS = 400
#: The dock opens by itself after sign-in only on a screen at least this wide (logical pixels:
#: 1366x768 at 100%, not at 125% or 150%); it never needs more width than this.
ROOMY_SCREEN_WIDTH = 1280
DOCK_MIN_WIDTH = 220


class MyTasksDock(QObject):
    """The dock, the status-bar count and the *Tampilan* item of ``host``."""

    def __init__(self, host: FeatureHost) -> None:
        super().__init__(host)
        self.host = host
        self.service = MyTasksService(host.ws)
        self.dock: QDockWidget | None = None
        self.panel = None
        self._ticks = 0
        self.button = QPushButton(TITLE, host, flat=True)
        self.button.setToolTip("Tahap, disposisi dan evaluasi yang menunggu Anda")
        self.button.clicked.connect(self.show_dock)
        host.statusBar().addPermanentWidget(self.button)
        self.action = QAction(f"&{TITLE}", host, checkable=True)
        self.action.toggled.connect(self._toggled)
        host.add_view_actions(self.action)
        host.ticked.connect(self._tick)
        host.record_shown.connect(lambda _record: self.refresh())
        self.refresh_count()
        QTimer.singleShot(BUILD_DELAY_MS, self, self._first_show)

    def _build(self) -> None:
        from wawaran_desktop.views.my_tasks import MyTasksPanel  # (after start-up)

        dock = QDockWidget(TITLE, self.host)
        dock.setObjectName("myTasksDock")
        self.panel = MyTasksPanel(self.host.ws, self.host.current_actor, dock)
        self.panel.openStep.connect(self._open)
        self.panel.countChanged.connect(self._show_count)
        # In a scroll area: the dock may be narrow (a small screen at 125% or 150% scaling)
        # without widening the window past the screen.
        from PySide6.QtWidgets import QFrame, QScrollArea

        scroll = QScrollArea(dock, widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(self.panel)
        scroll.setMinimumWidth(DOCK_MIN_WIDTH)
        dock.setWidget(scroll)
        self.host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.host.resizeDocks([dock], [self._width()], Qt.Orientation.Horizontal)  # the stages keep their room
        dock.visibilityChanged.connect(self.action.setChecked)
        self.dock = dock

    def _first_show(self) -> None:
        # (not for a window closed meanwhile: its database may be gone); on a small screen only
        # the status bar's count, so the campaign's stage keeps the room (the count opens it)
        if self.host.isVisible() and self._roomy():
            self.show_dock()

    def _float_over_window(self) -> None:
        """The dock as a small window over the main window's right side (double-click its title
        to dock it again)."""
        dock = self.dock
        dock.setFloating(True)
        frame = self.host.geometry()
        width = self._width(share=2)
        height = max(frame.height() * 2 // 3, 200)
        dock.setGeometry(frame.right() - width - 8, frame.top() + 60, width, min(height, frame.height()))

    def _width(self, share: int = 3) -> int:
        """The panel's whole width if the window has room for it, at most 1/``share`` of the window."""
        whole = self.panel.minimumSizeHint().width() + self.panel.style().pixelMetric(
            QStyle.PixelMetric.PM_ScrollBarExtent) + 4
        return max(DOCK_MIN_WIDTH, min(whole, self.host.width() // share))

    def _roomy(self) -> bool:
        screen = self.host.screen()
        return screen is None or screen.availableGeometry().width() >= ROOMY_SCREEN_WIDTH

    def show_dock(self) -> None:
        if self.dock is None:
            self._build()
            if not self._roomy():  # beside the stages it would push the window past the screen
                self._float_over_window()
        self.dock.show()
        self.dock.raise_()
        self.refresh()

    def _toggled(self, on: bool) -> None:
        if on:
            self.show_dock()
        elif self.dock is not None:
            self.dock.hide()

    def refresh(self) -> None:
        """Read again what waits (the panel when built, else only the count)."""
        if self.panel is not None:
            self.panel.refresh()
        else:
            self.refresh_count()

    def refresh_count(self) -> None:
        try:
            self._show_count(self.service.count(self.host.current_actor()))
        except ServiceError:
            self._show_count(0)

    def _show_count(self, count: int) -> None:
        text = f"{TITLE}: {count}" if count else TITLE
        self.button.setText(text)
        if self.dock is not None:
            self.dock.setWindowTitle(f"{TITLE} ({count})" if count else TITLE)

    def _tick(self, _now: object) -> None:
        self._ticks += 1
        if self._ticks >= REFRESH_TICKS:
            self._ticks = 0
            self.refresh()

    def _open(self, campaign_id: int, no: int) -> None:
        self.host.show_campaign_stage(campaign_id, no)


def install(host: FeatureHost) -> MyTasksDock:
    return MyTasksDock(host)
