"""The bar across the top of the window that says the database server cannot be reached, and
then that it can again (views/live_updates.py decides when)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar

LOST_TEXT = ("Koneksi ke server basis data terputus. Isian Anda tetap di layar; "
             "mencoba menyambung lagi…")
RESTORED_TEXT = "Tersambung kembali."
LOST_STYLE = "QLabel { background: #fdecea; color: #8a1c1c; font-weight: bold; padding: 6px 10px; }"
RESTORED_STYLE = "QLabel { background: #e6f4ea; color: #1e6b34; font-weight: bold; padding: 6px 10px; }"
#: How long "Tersambung kembali." stays before the bar goes.
RESTORED_MS = 5000


class ConnectionBanner(QToolBar):
    """A fixed, full-width bar of its own row above the window's tool bar; hidden while the
    connection is fine."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__("Koneksi basis data", window)
        self.setObjectName("connectionBanner")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # not one of the bars a user switches off
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self.addWidget(self.label)
        self._hide_later = QTimer(self, singleShot=True, interval=RESTORED_MS)
        self._hide_later.timeout.connect(self.hide)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self)
        window.insertToolBarBreak(self)
        self.hide()

    def show_lost(self) -> None:
        self._hide_later.stop()
        self.label.setText(LOST_TEXT)
        self.label.setStyleSheet(LOST_STYLE)
        self.show()

    def show_restored(self) -> None:
        self.label.setText(RESTORED_TEXT)
        self.label.setStyleSheet(RESTORED_STYLE)
        self.show()
        self._hide_later.start()

    @property
    def lost(self) -> bool:
        """True while the bar says the connection is lost."""
        return self.isVisible() and self.label.text() == LOST_TEXT
