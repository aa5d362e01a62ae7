"""*Bantuan → Periksa Riwayat…*: the history's hash chain and anchors checked, as ``verify-history`` does.

The check reads every event, audit entry and link: on a long history or the office server that
takes a while, so it runs on the thread pool (``workers.Job``, as *Uji koneksi* does) while the
window stays usable; the menu item waits, disabled, and the answer comes in a message box.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from wawaran_desktop.services.history import HistoryCheck as Result
from wawaran_desktop.services.history import HistoryService
from wawaran_desktop.views.feature_host import FeatureHost
from wawaran_desktop.workers import Job

log = logging.getLogger(__name__)


class HistoryCheck(QObject):
    """The menu item, its check on the thread pool and the message box with the answer."""

    def __init__(self, host: FeatureHost, menu: QMenu) -> None:
        super().__init__(host)
        self.host = host
        self.job: Job | None = None  # the check running, if any
        self.action = QAction(self.tr("Periksa Riwayat…"), host)
        self.action.setStatusTip(self.tr("Periksa bahwa riwayat tahap dan catatan audit tidak diubah di luar aplikasi"))
        self.action.triggered.connect(self.check)
        menu.addAction(self.action)

    @property
    def busy(self) -> bool:
        """True while a check runs."""
        return self.job is not None

    def check(self) -> None:
        """Start the check on the thread pool; the answer arrives in :meth:`_checked`."""
        if self.job is not None:
            return
        service = HistoryService(self.host.ws)
        self.action.setEnabled(False)
        self.host.statusBar().showMessage(self.tr("Memeriksa riwayat…"))
        # No parent: the job keeps itself alive until it ends (workers.Job).
        self.job = job = Job(lambda _progress: service.verify())
        job.finished.connect(self._checked)
        job.failed.connect(self._failed)
        job.start()

    def _done(self) -> None:
        self.job = None
        self.action.setEnabled(True)
        self.host.statusBar().clearMessage()

    def _checked(self, result: Result) -> None:
        self._done()
        box = QMessageBox.information if result.whole else QMessageBox.warning
        box(self.host, self.tr("Periksa Riwayat"), result.message)

    def _failed(self, error: BaseException) -> None:
        self._done()
        log.warning("history check failed", exc_info=error)
        reason = str(error).strip() or type(error).__name__
        QMessageBox.warning(self.host, self.tr("Periksa Riwayat"), f"Riwayat tidak dapat diperiksa: {reason}")


def install(host: FeatureHost, menu: QMenu) -> HistoryCheck:
    """The *Periksa Riwayat…* item in ``menu`` (the window's *Bantuan*)."""
    return HistoryCheck(host, menu)
