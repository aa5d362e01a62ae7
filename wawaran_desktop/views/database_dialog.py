"""*Pengaturan → Basis Data*: where this PC's window keeps its data, and switching to it.

- :class:`DatabaseDialog`: the folder's own file (SQLite, no server) or the office server
  (PostgreSQL: host, port, database, user, password). *Uji koneksi* tries the server on the
  thread pool (db/probe.py: nothing written) and says what it found ("Tersambung ke
  PostgreSQL 15.4, skema versi 4, 1.234 kampanye") or why not; *Simpan dan pindah* is enabled
  for a server once a test of exactly those fields succeeded.
- :class:`DatabaseMenu` (``install(host, menu)``): the menu item, and which database is open in
  the title bar and the status bar.
- :class:`WindowSession`: the open window and its workspace; switching closes the window
  (which stores what is being typed, and may be refused), closes the workspace, opens the
  chosen database (the password typed on the page, the store or a dialog answering the
  server) and shows a new window on it. The choice is remembered in ``settings.ini``
  (``database/url``, never a password) only once it opened; when it cannot be opened the
  previous database is opened again, so nothing is lost.
- :func:`ask_after_failure`: at start-up, when the remembered server cannot be opened: try
  again, open this PC's own file for now (the choice stays remembered), or quit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget

from wawaran_desktop import APP_NAME, paths
from wawaran_desktop.db.urls import strip_password
from wawaran_desktop.infra.credentials import (
    SETTINGS_KEY,
    Answer,
    CredentialStore,
    ServerAddress,
    default_user,
    describe,
)
from wawaran_desktop.text import formatting as fmt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from wawaran_desktop.db.probe import Probe
    from wawaran_desktop.services.clock import Clock
    from wawaran_desktop.services.workspace import Workspace
    from wawaran_desktop.views.feature_host import FeatureHost

TITLE = "Basis Data"
OK_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #b71c1c;"


@dataclass(frozen=True)
class Choice:
    """Where to keep the data: ``url`` None for the folder's own file."""

    url: str | None
    #: The password typed on the page (None: none typed) and whether to keep it in the store.
    given: Answer | None = None


def remembered_url(data_dir: Path) -> str | None:
    """The database this PC's window opens without ``--database`` (None: its own file)."""
    value = QSettings(str(data_dir / paths.SETTINGS_FILENAME), QSettings.Format.IniFormat).value(SETTINGS_KEY, "")
    return str(value) if value else None


def remember_url(data_dir: Path, url: str | None) -> None:
    """Remember ``url`` (without any password) as this PC's database; None: its own file."""
    settings = QSettings(str(data_dir / paths.SETTINGS_FILENAME), QSettings.Format.IniFormat)
    if url:
        settings.setValue(SETTINGS_KEY, strip_password(url))
    else:
        settings.remove(SETTINGS_KEY)
    settings.sync()


class DatabaseDialog(QDialog):
    """Choose the file or a server; test a server; accept to switch (:meth:`choice`)."""

    def __init__(self, data_dir: Path, current_url: str | None, store: CredentialStore | None = None,
                 parent: QWidget | None = None) -> None:
        # Imported when first opened: QDialogButtonBox's enums cost ~9 ms, and the menu item is
        # built at every start-up.
        from PySide6.QtWidgets import QDialogButtonBox

        from wawaran_desktop.forms.ui_database_dialog import Ui_DatabaseDialog
        from wawaran_desktop.views.screen_fit import fit_to_screen

        super().__init__(parent)
        self.ui = Ui_DatabaseDialog()
        self.ui.setupUi(self)
        fit_to_screen(self)  # the form's size, or less: the fields scroll (ui/database_dialog.ui)
        self.store = store or CredentialStore()
        self._tested: tuple | None = None  # the fields of the last successful test
        self._job = None
        self._kept_for: dict[ServerAddress, bool] = {}
        ui = self.ui
        ui.currentLabel.setText(f"Sekarang terbuka: <b>{describe(current_url)}</b>")
        ui.localPathLabel.setText(str(data_dir / paths.DB_FILENAME))
        address = ServerAddress.from_url(current_url) or ServerAddress.from_url(remembered_url(data_dir))
        ui.userEdit.setText(address.user if address else default_user())
        if address is not None:
            ui.hostEdit.setText(address.host)
            ui.portSpin.setValue(address.port)
            ui.dbEdit.setText(address.dbname)
        self._query = address.query if address else ""
        (ui.serverRadio if current_url and ServerAddress.from_url(current_url) else ui.localRadio).setChecked(True)
        self._ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setText("Simpan dan pin&dah")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("&Batal")
        has_store = self.store.available()
        ui.serverForm.setRowVisible(ui.saveCheck, has_store)
        ui.saveCheck.setText(f"Simpan di {self.store.name()}")
        for signal in (ui.localRadio.toggled, ui.hostEdit.textChanged, ui.portSpin.valueChanged,
                       ui.dbEdit.textChanged, ui.userEdit.textChanged, ui.passwordEdit.textChanged):
            signal.connect(self._changed)
        ui.testButton.clicked.connect(self.test_connection)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self._changed()

    # -- the fields ------------------------------------------------------------------------
    def server(self) -> ServerAddress | None:
        """The server the fields name (None while host or database name is empty)."""
        ui = self.ui
        host, dbname = ui.hostEdit.text().strip(), ui.dbEdit.text().strip()
        if not host or not dbname:
            return None
        return ServerAddress(host=host, dbname=dbname, user=ui.userEdit.text().strip(),
                             port=ui.portSpin.value(), query=self._query)

    def _fields(self) -> tuple:
        return (self.server(), self.ui.passwordEdit.text())

    def _changed(self, *_args) -> None:
        ui = self.ui
        on_server = ui.serverRadio.isChecked()
        ui.serverBox.setEnabled(on_server)
        ui.testButton.setEnabled(on_server and self.server() is not None and self._job is None)
        self._ok.setEnabled(not on_server or (self._tested is not None and self._tested == self._fields()))
        address = self.server()
        kept = address is not None and self._kept(address)
        if not self.store.available():
            note = ("PC ini tidak memiliki penyimpan kredensial: kata sandi ditanyakan setiap kali basis data "
                    "server dibuka (berkas pgpass PostgreSQL dan PGPASSWORD juga dipakai).")
        elif kept:
            note = f"Kata sandi untuk server ini tersimpan di {self.store.name()}; kosongkan kolom untuk memakainya."
        else:
            note = ""
        ui.storeNoteLabel.setText(note)
        ui.serverForm.setRowVisible(ui.storeNoteLabel, bool(note))
        if kept and not ui.passwordEdit.text():
            ui.saveCheck.setChecked(True)
        if on_server and self._tested is None and not ui.resultLabel.text():
            self._say("Uji koneksi dulu; Simpan dan pindah aktif setelah uji berhasil.", "")

    def _kept(self, address: ServerAddress) -> bool:
        """Whether the store keeps a password for ``address`` (asked once per address)."""
        if address not in self._kept_for:
            self._kept_for[address] = self.store.available() and self.store.get(address) is not None
        return self._kept_for[address]

    def _say(self, text: str, style: str) -> None:
        self.ui.resultLabel.setText(text)
        self.ui.resultLabel.setStyleSheet(style)

    # -- testing ---------------------------------------------------------------------------
    def test_connection(self) -> None:
        """Try the server on the thread pool; the answer arrives in :meth:`_tested_with`."""
        from wawaran_desktop.db.probe import probe_server
        from wawaran_desktop.workers import Job

        address = self.server()
        if address is None:
            return
        fields = self._fields()
        password = fields[1] or self.store.get(address)
        url = address.url()
        self._say(f"Menghubungi {address.where()}…", "")
        self._job = job = Job(lambda progress: probe_server(url, password), self)
        job.finished.connect(lambda probe: self._tested_with(fields, probe))
        job.failed.connect(lambda exc: self._tested_with(fields, None, exc))
        self._changed()
        job.start()

    def _tested_with(self, fields: tuple, probe: Probe | None, exc: BaseException | None = None) -> None:
        self._job = None
        if probe is None:
            self._tested = None
            self._say(f"Uji koneksi gagal: {exc}", ERROR_STYLE)
        elif probe.usable:
            self._tested = fields
            text = (f"Tersambung ke PostgreSQL {probe.server_version}, skema versi {probe.schema_version}, "
                    f"{fmt.thousands(probe.campaigns or 0)} kampanye.")
            self._say(f"{text} {probe.reason}".strip(), OK_STYLE)
        else:
            self._tested = None
            self._say(probe.reason, ERROR_STYLE)
            if probe.password_wanted:
                self.ui.passwordEdit.setFocus()
        self._changed()

    def choice(self) -> Choice:
        """What was chosen (after the dialog was accepted)."""
        address = self.server()
        if not self.ui.serverRadio.isChecked() or address is None:
            return Choice(None)
        password = self.ui.passwordEdit.text()
        save = self.store.available() and self.ui.saveCheck.isChecked()
        if not save and not password and self.store.available():
            self.store.delete(address)  # the box was unticked: forget the kept password
        return Choice(address.url(), Answer(password, save) if password else None)

    def done(self, result: int) -> None:
        if self._job is not None:  # a test still running: its answer goes nowhere
            self._job.finished.disconnect()
            self._job.failed.disconnect()
        super().done(result)


class DatabaseMenu(QObject):
    """*Pengaturan → Basis Data…*, and the open database in the title and status bars."""

    def __init__(self, host: FeatureHost, menu: QMenu) -> None:
        super().__init__(host)
        self.host = host
        #: Switches the window to a choice (set by :class:`WindowSession`); None: the choice is
        #: remembered and takes effect at the next start.
        self.switcher: Callable[[Choice], bool] | None = None
        self.action = QAction("&Basis Data…", host)
        self.action.setStatusTip("Pilih basis data: berkas di PC ini atau server kantor (PostgreSQL)")
        self.action.triggered.connect(self.open_dialog)
        menu.addAction(self.action)
        where = describe(host.ws.database_url)
        host.setWindowTitle(f"{host.windowTitle()} — {where}")
        self.label = QLabel(f"Basis data: {where}")
        host.statusBar().addPermanentWidget(self.label)

    def open_dialog(self) -> None:
        ws = self.host.ws
        dialog = DatabaseDialog(ws.data_dir, ws.database_url, parent=self.host)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            choice = dialog.choice()
        finally:
            dialog.deleteLater()
        current = strip_password(ws.database_url) if ws.database_url else None
        if choice.url == current and choice.given is None:
            remember_url(ws.data_dir, choice.url)
            self.host.statusBar().showMessage(f"{describe(choice.url)} sudah terbuka.", 5000)
            return
        if self.switcher is not None:
            self.switcher(choice)
            return
        remember_url(ws.data_dir, choice.url)
        QMessageBox.information(self.host, TITLE, f"Pilihan disimpan: {describe(choice.url)}. "
                                "Berlaku saat aplikasi dibuka lagi.")


def install(host: FeatureHost, menu: QMenu) -> DatabaseMenu:
    """The *Basis Data…* item in ``menu`` (the window's *Pengaturan*)."""
    return DatabaseMenu(host, menu)


class WindowSession:
    """The one main window of the process and its workspace, switchable to another database.

    ``make_window(ws)`` builds a window (a ``MainWindow``: it has a ``database`` menu) without
    showing it, or returns None when nobody signed in; ``clock`` is the workspace clock (tests; None: the server's or the PC's).
    """

    def __init__(self, make_window: Callable[[Workspace], FeatureHost], clock: Clock | None = None) -> None:
        self.make_window = make_window
        self.clock = clock
        self.window: FeatureHost | None = None

    def show(self, ws: Workspace) -> FeatureHost | None:
        """Build and show the window over ``ws``; None when ``make_window`` made none (nobody
        signed in)."""
        window = self.make_window(ws)
        if window is None:
            return None
        window.database.switcher = self.switch  # type: ignore[attr-defined]
        backups = getattr(window, "backups", None)  # Berkas → Cadangan & Pemulihan (views/backup_dialog.py)
        if backups is not None:
            backups.reopen = self.reopen
        window.show()
        self.window = window
        return window

    def switch(self, choice: Choice) -> bool:
        """Close the window and its workspace, open ``choice`` and show a window on it; True
        when it is open. When it cannot be opened, the user is told why and the previous
        database is opened again (or, failing that, this PC's file)."""
        old = self.window
        assert old is not None
        app = QApplication.instance()
        quit_on_close = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)  # no window for a moment: not a reason to quit
        try:
            if not old.close():  # something typed could not be stored and the user kept the window
                return False
            data_dir, previous = old.ws.data_dir, old.ws.database_url
            old.ws.close()
            ws, error = self._open(data_dir, choice.url, choice.given)
            if ws is not None:
                remember_url(data_dir, choice.url)
            else:
                from wawaran_desktop.db.probe import explain_failure

                error = explain_failure(error, choice.url or "") or error
                QMessageBox.warning(None, TITLE, f"Tidak dapat pindah ke {describe(choice.url)}.\n\n{error}\n\n"
                                    f"{describe(previous)} dibuka kembali; tidak ada yang hilang.")
                ws, error = self._open(data_dir, previous)
                if ws is None and previous is not None:
                    ws, error = self._open(data_dir, None)
                if ws is None:
                    QMessageBox.critical(None, APP_NAME, f"Aplikasi tidak dapat dibuka.\n\n{error}")
                    app.quit()
                    return False
            old.deleteLater()
            if self.show(ws) is None:  # nobody signed in to the database switched to
                remember_url(data_dir, previous)
                ws.close()
                app.quit()
                return False
            return ws.database_url == choice.url
        finally:
            app.setQuitOnLastWindowClosed(quit_on_close)

    def reopen(self, between: Callable[[Workspace], object]) -> FeatureHost | None:
        """Close the window (storing what is typed; the person may keep it: None), run
        ``between(ws)`` with no window on the workspace (a restore replaces its file), then close
        the workspace, open the same database again and show a new window on it (signed in anew:
        the accounts are the reopened file's). None when no window could be shown."""
        old = self.window
        assert old is not None
        app = QApplication.instance()
        quit_on_close = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)
        try:
            if not old.close():
                return None
            ws = old.ws
            data_dir, url = ws.data_dir, ws.database_url
            between(ws)
            ws.close()
            old.deleteLater()
            reopened, error = self._open(data_dir, url)
            if reopened is None:
                QMessageBox.critical(None, APP_NAME, f"Aplikasi tidak dapat dibuka.\n\n{error}")
                app.quit()
                return None
            if self.show(reopened) is None:  # nobody signed in
                reopened.close()
                app.quit()
                return None
            return self.window
        finally:
            app.setQuitOnLastWindowClosed(quit_on_close)

    def _open(self, data_dir: Path, url: str | None, given: Answer | None = None) -> tuple[Workspace | None, str]:
        from wawaran_desktop.services.workspace import OPEN_ERRORS, open_workspace
        from wawaran_desktop.views.password_dialog import password_source

        try:
            with password_source(given=given):
                return open_workspace(data_dir, clock=self.clock, database_url=url), ""
        except OPEN_ERRORS as exc:
            return None, str(exc)


def ask_after_failure(url: str, error: BaseException) -> str:
    """At start-up the remembered server could not be opened: "retry", "local" (this PC's own
    file, for now) or "quit"."""
    from wawaran_desktop.db.probe import explain_failure

    reason = explain_failure(str(error), url)
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME,
                      f"Basis data {describe(url)} tidak dapat dibuka.\n\n{reason or error}")
    if reason:
        box.setDetailedText(str(error))
    box.setInformativeText("Coba lagi bila server sudah tersedia, atau buka berkas di PC ini untuk sementara: "
                           "data di server tidak berubah, dan lain kali aplikasi kembali mencoba server.")
    retry = box.addButton("Coba &Lagi", QMessageBox.ButtonRole.AcceptRole)
    local = box.addButton("Buka &Berkas di PC Ini", QMessageBox.ButtonRole.ActionRole)
    box.addButton("&Keluar", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    return "retry" if clicked is retry else "local" if clicked is local else "quit"

