"""*Bantuan → Periksa Riwayat…*: the history's hash chain and anchors checked, as ``verify-history`` does."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from wawaran_desktop.services.history import HistoryService
from wawaran_desktop.views.feature_host import FeatureHost


class HistoryCheck(QObject):
    """The menu item and its message box."""

    def __init__(self, host: FeatureHost, menu: QMenu) -> None:
        super().__init__(host)
        self.host = host
        self.action = QAction(self.tr("Periksa Riwayat…"), host)
        self.action.setStatusTip(self.tr("Periksa bahwa riwayat tahap dan catatan audit tidak diubah di luar aplikasi"))
        self.action.triggered.connect(self.check)
        menu.addAction(self.action)

    def check(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = HistoryService(self.host.ws).verify()
        finally:
            QApplication.restoreOverrideCursor()
        box = QMessageBox.information if result.whole else QMessageBox.warning
        box(self.host, self.tr("Periksa Riwayat"), result.message)


def install(host: FeatureHost, menu: QMenu) -> HistoryCheck:
    """The *Periksa Riwayat…* item in ``menu`` (the window's *Bantuan*)."""
    return HistoryCheck(host, menu)
