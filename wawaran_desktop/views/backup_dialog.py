"""*Berkas → Cadangan & Pemulihan…*: this PC's backups, made, restored, copied, rotated (issue 16).

- :class:`BackupDialog` lists the backups of the data folder (``ws.backups``: date in WIB, kind,
  size, campaigns), makes one now, runs the full integrity check on demand, copies the chosen one to a folder or a USB disk (the folder
  asked by :data:`ask_folder`, which tests replace), and keeps the office's rotation. *Pulihkan…*
  asks first, checks that the person may (an administrator once the office has accounts), and
  closes the dialog with the backup chosen (:attr:`BackupDialog.restore_chosen`).
- :class:`BackupMenu` (``install(host, action)``): the menu item. It runs a chosen restore the
  way *Pengaturan → Basis Data* switches databases (``WindowSession.reopen``): the window closes
  (storing what is typed), the restore runs on the thread pool behind a progress dialog (the file
  in use set aside by the service first), the workspace is opened again with a new window, and
  that window says what happened. On the office server the item only says that backups are the
  server's.

Every long piece of work (a backup, a copy, a restore) runs through :mod:`wawaran_desktop.workers`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from wawaran_desktop import workers
from wawaran_desktop.services.backups import MANUAL, ON_SERVER, BackupEntry, Rotation
from wawaran_desktop.services.errors import ServiceError
from wawaran_desktop.views import feedback

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction

    from wawaran_desktop.services.backups import RestoreResult
    from wawaran_desktop.services.workspace import Workspace
    from wawaran_desktop.views.feature_host import FeatureHost

TITLE = "Cadangan & Pemulihan"
SERVER_TITLE = "Cadangan dikelola server"
SERVER_TEXT = (f"{ON_SERVER}\n\nBila data perlu dipulihkan, hubungi administrator server kantor: langkahnya "
               "(pg_restore ke basis data baru, diperiksa dulu, lalu ditukar namanya) ada di README, bagian "
               "Backups.")
COPY_FOLDER_KEY = "backup/copy_folder"
OK_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #b71c1c;"
#: A backup, copy or restore shows its progress dialog only when it takes longer than this.
PROGRESS_DELAY_MS = 400


def _ask_with_dialog(parent: QWidget | None, title: str, start: str) -> str | None:
    from PySide6.QtWidgets import QFileDialog  # on first use: its enums cost start-up time

    folder = QFileDialog.getExistingDirectory(parent, title, start)
    return folder or None


#: ``(parent, title, start folder) -> folder | None`` (None: cancelled); tests replace it.
ask_folder: Callable[[QWidget | None, str, str], str | None] = _ask_with_dialog


def run_long(parent: QWidget | None, label: str, work: Callable[[workers.Progress], object]) -> object:
    """``work`` on the thread pool behind the progress dialog (raises what it raised)."""
    return workers.run_with_progress(parent, TITLE, work, label=label, minimum_duration=PROGRESS_DELAY_MS)


def _engine_progress(progress: workers.Progress, text: str) -> Callable[[int, int], None]:
    """The backup engine's ``progress(done, total)`` reported with ``text`` (and cancellable there)."""
    return lambda done, total: progress(done, total, text)


def _tell_failure(parent: QWidget | None, exc: BaseException, title: str) -> None:
    """A refusal or a failure of the backup service in its own words; anything else is logged and
    explained by the error report (a full disk, a locked file: views/error_report.py)."""
    if isinstance(exc, ServiceError):
        feedback.warn(parent, str(exc), title)
    else:
        from wawaran_desktop.views import error_report

        error_report.report(exc)


class BackupDialog(QDialog):
    """The backups of ``ws``'s data folder; ``actor_id`` acts (the rotation is audited as theirs)."""

    def __init__(self, ws: Workspace, actor_id: int | None, parent: QWidget | None = None,
                 settings: QSettings | None = None, select: Path | None = None) -> None:
        """``select``: the backup to select at first (the newest good one after damage was found)."""
        from PySide6.QtWidgets import QDialogButtonBox, QHeaderView

        from wawaran_desktop.forms.ui_backup_dialog import Ui_BackupDialog
        from wawaran_desktop.views.screen_fit import fit_to_screen

        super().__init__(parent)
        self.ui = Ui_BackupDialog()
        self.ui.setupUi(self)
        fit_to_screen(self)
        self.ws = ws
        self.actor_id = actor_id
        self.settings = settings
        #: The backup the person chose to restore (the dialog then closed accepted).
        self.restore_chosen: BackupEntry | None = None
        self.entries: list[BackupEntry] = []
        self._rotation_version = 0
        ui = self.ui
        header = ui.backupsTable.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText("&Tutup")
        ui.buttonBox.rejected.connect(self.reject)
        ui.createButton.clicked.connect(self.create_backup)
        ui.restoreButton.clicked.connect(self.restore_selected)
        ui.copyButton.clicked.connect(self.copy_selected)
        ui.checkButton.clicked.connect(self.check_integrity)
        ui.saveRotationButton.clicked.connect(self.save_rotation)
        ui.backupsTable.itemSelectionChanged.connect(self._selection_changed)
        self.reload(select=select)
        self._show_rotation()

    # -- the list ------------------------------------------------------------------------------
    def reload(self, select: Path | None = None) -> None:
        """Read the backups again (newest first) and select ``select`` (else the newest)."""
        from PySide6.QtWidgets import QTableWidgetItem

        try:
            self.entries = self.ws.backups.list()
        except ServiceError as exc:
            self.entries = []
            self.say(str(exc), ERROR_STYLE)
        except OSError as exc:
            self.entries = []
            self.say(f"Folder cadangan tidak dapat dibaca ({exc.strerror or exc}): periksa izin folder data.",
                     ERROR_STYLE)
        table = self.ui.backupsTable
        table.setRowCount(len(self.entries))
        row_to_select = 0
        for row, entry in enumerate(self.entries):
            usable = entry.usable and entry.version is not None
            kind = entry.kind_text if usable else f"{entry.kind_text} (tidak dapat dipulihkan)"
            for column, text in enumerate((entry.when_text, kind, entry.size_text, entry.campaigns_text)):
                item = QTableWidgetItem(text)
                item.setToolTip(entry.problem or str(entry.path))
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
            if select is not None and entry.path == select:
                row_to_select = row
        if self.entries:
            table.selectRow(row_to_select)
        else:
            self.say("Belum ada cadangan. Buat cadangan sekarang; cadangan otomatis dibuat sekali sehari saat "
                     "aplikasi terbuka.", "")
        self._selection_changed()

    def selected(self) -> BackupEntry | None:
        rows = self.ui.backupsTable.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        entry = self.selected()
        self.ui.restoreButton.setEnabled(entry is not None and entry.usable and entry.version is not None)
        self.ui.copyButton.setEnabled(entry is not None and entry.usable)

    def say(self, text: str, style: str) -> None:
        self.ui.statusLabel.setText(text)
        self.ui.statusLabel.setStyleSheet(style)

    # -- making, copying -----------------------------------------------------------------------
    def create_backup(self) -> None:
        backups = self.ws.backups
        try:
            entry = run_long(self, "Membuat cadangan…",
                             lambda progress: backups.create(MANUAL, _engine_progress(progress, "Membuat cadangan…")))
        except workers.Cancelled:
            self.say("Pembuatan cadangan dibatalkan; tidak ada berkas setengah jadi yang tertinggal.", "")
            return
        except Exception as exc:  # noqa: BLE001 - told in Indonesian (service) or by the error report
            self.say("Cadangan tidak dibuat.", ERROR_STYLE)
            _tell_failure(self, exc, "Cadangan tidak dibuat")
            return
        self.reload(select=entry.path)
        self.say(f"Cadangan dibuat dan diperiksa: {entry.when_text}, {entry.size_text}, {entry.campaigns_text} "
                 f"({entry.name}).", OK_STYLE)

    def copy_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        start = self._copy_start()
        chosen = ask_folder(self, "Salin cadangan ke folder atau diska USB", str(start))
        if not chosen:
            return
        backups = self.ws.backups
        try:
            target = run_long(self, f"Menyalin {entry.name}…", lambda _progress: backups.copy_to(entry.path, Path(chosen)))
        except workers.Cancelled:
            return
        except Exception as exc:  # noqa: BLE001
            self.say("Salinan tidak dibuat.", ERROR_STYLE)
            _tell_failure(self, exc, "Salinan tidak dibuat")
            return
        if self.settings is not None:
            self.settings.setValue(COPY_FOLDER_KEY, chosen)
        self.say(f"Salinan diperiksa dan tersimpan: {target}. Simpan diska itu di tempat lain dari PC ini.", OK_STYLE)

    def _copy_start(self) -> Path:
        value = self.settings.value(COPY_FOLDER_KEY, "") if self.settings is not None else ""
        if value and Path(str(value)).is_dir():
            return Path(str(value))
        from wawaran_desktop.views.documents.save_flow import documents_folder

        return documents_folder()

    def check_integrity(self) -> None:
        """The full integrity check of the file in use; damage told with the way out, the newest good
        backup selected for *Pulihkan…*."""
        backups = self.ws.backups
        try:
            result = run_long(self, "Memeriksa keutuhan basis data…", lambda _progress: backups.check())
        except workers.Cancelled:
            return
        except Exception as exc:  # noqa: BLE001
            _tell_failure(self, exc, "Keutuhan tidak dapat diperiksa")
            return
        if result.ok:
            self.say(result.message, OK_STYLE)
            return
        self.say(result.message, ERROR_STYLE)
        if result.newest_good is not None:
            self.reload(select=result.newest_good.path)
            self.say(result.message, ERROR_STYLE)
        QMessageBox.critical(self, "Basis data rusak", result.text)

    # -- restoring -----------------------------------------------------------------------------
    def restore_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Pulihkan cadangan", (
            f"Pulihkan cadangan {entry.when_text} ({entry.campaigns_text})?\n\n"
            f"Basis data yang sekarang diganti oleh cadangan ini: perubahan sesudah {entry.when_text} tidak ada "
            "di dalamnya. Basis data sekarang lebih dulu disimpan di folder backups sebagai cadangan tersendiri, "
            "jadi tidak hilang.\n\nJendela akan ditutup dan dibuka kembali; masuk lagi dengan akun Anda."),
            QMessageBox.StandardButton.NoButton, self)
        go = box.addButton("&Pulihkan", QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton("&Batal", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        if box.clickedButton() is not go:
            return
        if not feedback.attempt(self, lambda: self.ws.backups.check_may_restore(self.actor_id)):
            return
        self.restore_chosen = entry
        self.accept()

    # -- the rotation --------------------------------------------------------------------------
    def _show_rotation(self) -> None:
        try:
            rotation, self._rotation_version = self.ws.backups.rotation()
        except ServiceError as exc:
            self.say(str(exc), ERROR_STYLE)
            return
        self.ui.dailySpin.setValue(rotation.daily)
        self.ui.weeklySpin.setValue(rotation.weekly)
        self.ui.monthlySpin.setValue(rotation.monthly)

    def save_rotation(self) -> None:
        ui = self.ui
        wanted = Rotation(ui.dailySpin.value(), ui.weeklySpin.value(), ui.monthlySpin.value())
        try:
            stored = self.ws.backups.set_rotation(self.actor_id, wanted, version=self._rotation_version)
        except ServiceError as exc:  # another PC saved it first, or a count out of range
            self._show_rotation()
            self.say(f"Rotasi tidak disimpan: {exc}", ERROR_STYLE)
            return
        _, self._rotation_version = self.ws.backups.rotation()
        self.say(f"Rotasi disimpan: {stored.text()}. Cadangan otomatis lain dihapus pada cadangan otomatis "
                 "berikutnya; cadangan manual tidak pernah dihapus.", OK_STYLE)


class BackupMenu(QObject):
    """*Berkas → Cadangan & Pemulihan…* and the restore it leads to."""

    def __init__(self, host: FeatureHost, action: QAction) -> None:
        super().__init__(host)
        self.host = host
        self.action = action
        #: ``reopen(between)``: close the window, run ``between(ws)``, open a new window (set by
        #: ``WindowSession.show``); None: the restore runs under this window, which then reads anew.
        self.reopen: Callable[[Callable[[Workspace], object]], FeatureHost | None] | None = None
        action.triggered.connect(lambda: self.open_dialog())

    def open_dialog(self, select: Path | None = None) -> None:
        """The dialog (``select``: the backup selected at first); on the server, the message instead."""
        ws = self.host.ws
        if ws.backups.on_server:
            QMessageBox.information(self.host, SERVER_TITLE, SERVER_TEXT)
            return
        dialog = BackupDialog(ws, self.host.current_actor(), self.host, self.host.settings, select)
        try:
            dialog.exec()
            chosen = dialog.restore_chosen
        finally:
            dialog.deleteLater()
        if chosen is not None:
            self.restore(chosen)

    def restore(self, entry: BackupEntry) -> None:
        """Restore ``entry`` with no window over the file, then say what happened in the new one."""
        actor = self.host.current_actor()
        outcome: dict[str, object] = {}

        def between(ws: Workspace) -> None:
            ws.close()  # this thread's connection: the file is about to be replaced
            try:
                outcome["result"] = run_long(None, f"Memulihkan cadangan {entry.when_text}…",
                                             lambda _progress: ws.backups.restore(entry.path, actor))
            except BaseException as exc:  # noqa: BLE001 - told once the window is back
                outcome["error"] = exc

        if self.reopen is None:
            if not self.host.flush() and not feedback.go_on_unsaved(self.host, "memulihkan cadangan"):
                return
            between(self.host.ws)
            window: QWidget | None = self.host
        else:
            window = self.reopen(between)  # closing the window stores what is typed (or asks)
            if window is None and not outcome:
                return  # the person kept the window (something typed could not be stored)
        tell_restored(window, outcome.get("result"), outcome.get("error"))  # type: ignore[arg-type]


def tell_restored(parent: QWidget | None, result: RestoreResult | None, error: BaseException | None) -> None:
    """What a restore did, in the window opened after it."""
    if result is not None:
        where = f"\n\nFolder cadangan: {result.set_aside.parent}" if result.set_aside else ""
        QMessageBox.information(parent, "Cadangan dipulihkan", f"{result.message}{where}\n\nPeriksa data "
                                "kampanye terakhir: perubahan sesudah tanggal cadangan perlu dicatat ulang.")
    elif error is not None:
        if isinstance(error, ServiceError):
            feedback.warn(parent, str(error), "Cadangan tidak dipulihkan")
        else:
            from wawaran_desktop.views import error_report

            error_report.report(error)


def install(host: FeatureHost, action: QAction) -> BackupMenu:
    """The window's *Cadangan & Pemulihan…* item (``action``, in its *Berkas* menu)."""
    return BackupMenu(host, action)
