"""After start-up and every hour while the window is open: the quick integrity check, then the day's
automatic backup and the rotation (``ws.backups.after_start()``, issue 16), on the thread pool.

The first run waits :data:`AFTER_START_MS` after the window was built, as the other installs of
start-up do (views/responsive.py, views/date_typing.py), so the window is never delayed; then a
timer asks every :data:`CHECK_EVERY_MS` (the service makes a backup only when none was taken on
the workspace clock's WIB day, so a window left open over midnight makes the next day's).

What it shows: a whole file and today's backup made, one line in the status bar; a backup that
could not be made, a warning saying why (once per window); a damaged file, a warning with the way
out, offering to open *Cadangan & Pemulihan* to restore the newest good backup (once per window:
the damage does not go away by itself, and the person has been told). On the office server
nothing runs: backups and checks are the server's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from wawaran_desktop.workers import Job

if TYPE_CHECKING:
    from wawaran_desktop.services.backups import AfterStart
    from wawaran_desktop.views.feature_host import FeatureHost

log = logging.getLogger(__name__)

#: The first check and backup, this long after the window was built (milliseconds).
AFTER_START_MS = 4000
#: Then every hour: the day's backup once the WIB date has changed.
CHECK_EVERY_MS = 60 * 60 * 1000
DAMAGED_TITLE = "Basis data rusak"
BACKUP_FAILED_TITLE = "Cadangan otomatis tidak dibuat"


class BackupWatch(QObject):
    """The check and the automatic backup on the thread pool; ``open_backups(select)`` opens the dialog."""

    #: Each run's outcome, once shown: an ``AfterStart``, or the exception the job raised.
    checked = Signal(object)

    def __init__(self, host: FeatureHost, open_backups: Callable[[Path | None], None]) -> None:
        super().__init__(host)
        self.host = host
        self.open_backups = open_backups
        self.job: Job | None = None
        self.told_damage = False
        self.told_problem = False
        self.timer = QTimer(self, interval=CHECK_EVERY_MS)
        self.timer.timeout.connect(self.run)
        if host.ws.backups.on_server:
            return  # the office server keeps its own backups (README, Backups)
        QTimer.singleShot(AFTER_START_MS, self, self.run)
        self.timer.start()

    def run(self) -> None:
        """Start a check (and the day's backup) unless one is running; the answer arrives in :meth:`_done`."""
        if self.job is not None:
            return
        backups = self.host.ws.backups
        self.job = job = Job(lambda progress: backups.after_start(lambda done, total: progress(done, total, "")))
        job.finished.connect(self._done)
        job.failed.connect(self._failed)
        job.start()

    def _done(self, outcome: AfterStart) -> None:
        self.job = None
        if not self.host.isVisible():
            return  # the window closed meanwhile
        bar = self.host.statusBar()
        if not outcome.integrity.ok:
            log.warning("integrity check found damage: %s", outcome.integrity.problems)
            bar.showMessage("Basis data rusak: lihat pesan peringatan.", 0)
            if not self.told_damage:
                self.told_damage = True
                self._tell_damage(outcome)
        elif outcome.problem:
            bar.showMessage(outcome.problem, 30_000)
            if not self.told_problem:
                self.told_problem = True
                QMessageBox.warning(self.host, BACKUP_FAILED_TITLE, f"{outcome.problem}\n\nData yang sudah tersimpan "
                                    "tetap aman. Aplikasi mencoba lagi setiap jam; buat cadangan sendiri lewat Berkas "
                                    "→ Cadangan & Pemulihan setelah masalahnya diatasi.")
        elif outcome.backup is not None:
            entry = outcome.backup
            bar.showMessage(f"Cadangan otomatis hari ini dibuat ({entry.when_text}, {entry.campaigns_text}).", 10_000)
        self.checked.emit(outcome)

    def _tell_damage(self, outcome: AfterStart) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, DAMAGED_TITLE, outcome.integrity.text,
                          QMessageBox.StandardButton.NoButton, self.host)
        good = outcome.integrity.newest_good
        if good is not None:
            box.setInformativeText("Jangan lanjutkan pekerjaan pada berkas ini. Pilih Buka Cadangan & Pemulihan: "
                                   f"cadangan {good.when_text} sudah terpilih; tekan Pulihkan….")
            go = box.addButton("Buka &Cadangan && Pemulihan…", QMessageBox.ButtonRole.AcceptRole)
        else:
            go = None
        later = box.addButton("&Nanti", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(go or later)
        box.setEscapeButton(later)
        box.exec()
        if go is not None and box.clickedButton() is go:
            self.open_backups(good.path if good is not None else None)

    def _failed(self, error: BaseException) -> None:
        self.job = None
        log.warning("after-start check failed", exc_info=error)
        if self.host.isVisible():
            from wawaran_desktop.db.faults import describe

            told = describe(error) or str(error).strip() or type(error).__name__
            self.host.statusBar().showMessage(f"Pemeriksaan basis data dan cadangan otomatis tidak berjalan: {told}",
                                              30_000)
        self.checked.emit(error)


def install(host: FeatureHost, open_backups: Callable[[Path | None], None]) -> BackupWatch:
    """The check and automatic backup of ``host``'s workspace (``open_backups``: *Cadangan & Pemulihan*)."""
    return BackupWatch(host, open_backups)
