"""*Petugas → Akun Pengguna…*: administrators manage the accounts people sign in with (issue 13).

The dialog lists every account (name, user name, lane, administrator, status, last sign-in in
WIB) and, greyed, the active staff who have none yet. Its buttons act on the selected row through
``ws.accounts`` as the signed-in person: *Buat Akun…* (a user name suggested from the name, a
generated one-time password), *Kata Sandi Sekali Pakai…* (a reset), *Buka Kunci*,
*Nonaktifkan*/*Aktifkan Kembali* and *Jadikan*/*Cabut Administrator*. A one-time password is
shown once, in the dialog, with a copy button; it is never stored in plain text. Each change
names the version of the account the list showed: when another PC changed it first, the dialog
says so and reads the list again. The service's refusals (the last administrator, a taken user
name, not an administrator) are shown as they come.

:func:`install` adds the menu item, enabled only while the signed-in person is an administrator;
the dialog is built on first use.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QHeaderView, QMessageBox, QTableWidgetItem, QWidget

from wawaran_desktop.forms.ui_accounts_dialog import Ui_AccountsDialog
from wawaran_desktop.services.accounts import NOT_ADMIN, AccountRecord, check_username, new_one_time_password
from wawaran_desktop.services.errors import ConflictError, ValidationError
from wawaran_desktop.services.records import StaffRecord
from wawaran_desktop.services.workspace import Workspace
from wawaran_desktop.text.formatting import clock_time, date_time
from wawaran_desktop.views import feedback
from wawaran_desktop.views.feature_host import FeatureHost
from wawaran_desktop.views.screen_fit import fit_to_screen

HEADERS = ("Nama", "Nama pengguna", "Lajur", "Administrator", "Status", "Terakhir masuk")
NO_ACCOUNT = "Belum punya akun"
NEVER = "Belum pernah"
#: The menu item's tooltip for a person who is not an administrator.
ONLY_ADMINS = NOT_ADMIN
CONFLICT_TITLE = "Diubah di komputer lain"

Row = AccountRecord | StaffRecord
Key = tuple[str, int]  # ("account", account id) or ("staff", staff id)


def status(account: AccountRecord, now, staff_active: bool = True) -> tuple[str, str]:
    """The account's state in one phrase at ``now`` (aware UTC), the first that applies, and a
    tooltip saying what it means; ``staff_active``: whether the staff entry is active."""
    if not account.active:
        return "Nonaktif", ("Dinonaktifkan: tidak dapat masuk sampai diaktifkan kembali." if staff_active
                            else "Petugas ini tidak aktif di Daftar Petugas.")
    if account.locked(now):
        return (f"Terkunci sampai pukul {clock_time(account.locked_until)} WIB",
                "Dikunci karena terlalu banyak gagal masuk berturut-turut. Buka Kunci agar dapat mencoba lagi.")
    if not account.has_password:
        return "Belum berkata sandi", "Belum dapat masuk: berikan kata sandi sekali pakai."
    if account.must_change:
        return "Wajib ganti kata sandi", "Memakai kata sandi sekali pakai: wajib diganti saat masuk."
    return "Aktif", "Dapat masuk."


def last_sign_in_text(account: AccountRecord) -> str:
    """When the person last signed in, in WIB."""
    return date_time(account.last_sign_in_at) if account.last_sign_in_at is not None else NEVER


def key_of(row: Row) -> Key:
    return ("account", row.id) if isinstance(row, AccountRecord) else ("staff", row.id)


class AccountsDialog(QDialog):
    """The accounts page; every change is made as ``actor_id`` (the signed-in person)."""

    def __init__(self, ws: Workspace, actor_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AccountsDialog()
        self.ui.setupUi(self)
        fit_to_screen(self)
        self.ws = ws
        self.actor_id = actor_id
        self.changed = False  # something was stored (the window reads its person again)
        self.rows: list[Row] = []
        self._lanes = {lane.id: lane.name for lane in ws.sop.lanes}
        self._staff_active: dict[int, bool] = {}
        self._may = False
        self._creating: Key | None = None  # whose account the form makes
        ui = self.ui
        table = ui.accountsTable
        table.setColumnCount(len(HEADERS))
        table.setHorizontalHeaderLabels(list(HEADERS))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.itemSelectionChanged.connect(self._update_buttons)
        ui.createButton.clicked.connect(self.start_create)
        ui.confirmCreateButton.clicked.connect(self.create)
        ui.cancelCreateButton.clicked.connect(self.cancel_create)
        ui.usernameEdit.returnPressed.connect(self.create)
        ui.passwordButton.clicked.connect(self.reset_password)
        ui.unlockButton.clicked.connect(self.unlock)
        ui.activeButton.clicked.connect(self.toggle_active)
        ui.adminButton.clicked.connect(self.toggle_admin)
        ui.copyButton.clicked.connect(self.copy_password)
        ui.doneButton.clicked.connect(self.hide_password)
        ui.buttonBox.rejected.connect(self.reject)
        ui.createBox.hide()
        ui.passwordBox.hide()
        self.reload()

    # -- reading ----------------------------------------------------------------------------
    def reload(self, select: Key | None = None) -> None:
        """Read the accounts and the staff without one; keep (or move to) the ``select`` row."""
        select = select or self._selected_key()
        accounts = self.ws.accounts
        listed = accounts.list()
        self.rows = [*listed, *accounts.missing()]
        self._staff_active = {person.id: person.active for person in self.ws.staff.list()}
        me = next((account for account in listed if account.staff_id == self.actor_id), None)
        self._may = me is not None and me.is_admin and me.active
        now = self.ws.clock()
        table = self.ui.accountsTable
        table.blockSignals(True)
        table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, item in enumerate(self._items(row, now)):
                table.setItem(r, c, item)
        table.clearSelection()
        table.blockSignals(False)
        keys = [key_of(row) for row in self.rows]
        if select in keys:
            table.selectRow(keys.index(select))
        self._update_buttons()

    def _items(self, row: Row, now) -> list[QTableWidgetItem]:
        lane = self._lanes.get(row.lane, row.lane)
        if isinstance(row, StaffRecord):
            texts = [row.name, "", lane, "", NO_ACCOUNT, ""]
            tip = "Belum punya akun: pilih lalu Buat Akun… agar orang ini dapat masuk."
        else:
            text, tip = status(row, now, self._staff_active.get(row.staff_id, True))
            texts = [row.name, row.username, lane, "Ya" if row.is_admin else "", text, last_sign_in_text(row)]
        items = [QTableWidgetItem(text) for text in texts]
        items[4].setToolTip(tip)
        if isinstance(row, StaffRecord):
            grey = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            for item in items:
                item.setForeground(grey)
            font = items[4].font()
            font.setItalic(True)
            items[4].setFont(font)
        elif row.staff_id == self.actor_id:
            for item in items:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            items[0].setToolTip("Akun Anda")
        return items

    def _selected_key(self) -> Key | None:
        row = self.selected()
        return key_of(row) if row is not None else None

    def selected(self) -> Row | None:
        rows = self.ui.accountsTable.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def select(self, key: Key) -> None:
        keys = [key_of(row) for row in self.rows]
        if key in keys:
            self.ui.accountsTable.selectRow(keys.index(key))

    def _update_buttons(self) -> None:
        ui = self.ui
        row = self.selected()
        account = row if isinstance(row, AccountRecord) else None
        may = self._may
        if row is None or key_of(row) != self._creating:
            ui.createBox.hide()  # the form is for one person
        ui.createButton.setEnabled(may and isinstance(row, StaffRecord))
        ui.passwordButton.setEnabled(may and account is not None)
        ui.unlockButton.setEnabled(may and account is not None and account.locked(self.ws.clock()))
        staff_active = account is not None and self._staff_active.get(account.staff_id, True)
        ui.activeButton.setText("&Nonaktifkan" if account is None or account.active else "&Aktifkan Kembali")
        ui.activeButton.setEnabled(may and account is not None and staff_active
                                   and account.staff_id != self.actor_id)
        ui.activeButton.setToolTip(
            "Anda tidak dapat menonaktifkan akun Anda sendiri." if account and account.staff_id == self.actor_id
            else "Petugas ini tidak aktif: aktifkan dulu di Petugas → Daftar Petugas." if account and not staff_active
            else "")
        ui.adminButton.setText("Cabut A&dministrator" if account and account.is_admin else "Jadikan A&dministrator")
        ui.adminButton.setEnabled(may and account is not None and account.active)
        if not may:
            ui.messageLabel.setText(ONLY_ADMINS)

    # -- creating ---------------------------------------------------------------------------
    def start_create(self) -> None:
        """Open the form for the selected person: a user name suggested from their name."""
        from wawaran_desktop.services.first_start import suggest_username  # first use only

        person = self.selected()
        if not isinstance(person, StaffRecord):
            return
        self.hide_password()
        taken = [row.username for row in self.rows if isinstance(row, AccountRecord)]
        ui = self.ui
        self._creating = key_of(person)
        ui.createBox.setTitle(f"Akun baru untuk {person.name}")
        ui.createIntroLabel.setText(f"{escape(person.name)} ({escape(self._lanes.get(person.lane, person.lane))}) "
                                    "mendapat kata sandi sekali pakai, ditampilkan sekali setelah akun dibuat.")
        ui.usernameEdit.setText(suggest_username(person.name, taken))
        ui.adminCheck.setChecked(False)
        ui.createErrorLabel.hide()
        ui.messageLabel.clear()
        ui.createBox.show()
        ui.usernameEdit.setFocus()
        ui.usernameEdit.selectAll()

    def cancel_create(self) -> None:
        self.ui.createBox.hide()
        self._creating = None

    def create(self) -> None:
        """Make the account with a generated one-time password, then show the password once."""
        ui = self.ui
        person = next((row for row in self.rows if key_of(row) == self._creating), None)
        if ui.createBox.isHidden() or not isinstance(person, StaffRecord):
            return
        try:
            username = check_username(ui.usernameEdit.text())
        except ValidationError as exc:
            self._create_error(str(exc))
            return
        password = new_one_time_password()
        outcome: dict = {}

        def make() -> None:
            try:
                outcome["account"] = self.ws.accounts.create(self.actor_id, person.id, username,
                                                             is_admin=ui.adminCheck.isChecked(),
                                                             one_time_password=password)
            except ValidationError as exc:
                if exc.field != "username":
                    raise
                outcome["taken"] = str(exc)

        feedback.attempt(self, make)
        if "taken" in outcome:
            self._create_error(outcome["taken"])
            return
        account: AccountRecord | None = outcome.get("account")
        self.cancel_create()
        if account is None:  # refused (shown): the list as stored now
            self.reload()
            return
        self.changed = True
        self.reload(key_of(account))
        self._show_password(account, password)
        ui.messageLabel.setText(f"Akun {account.username} untuk {account.name} dibuat.")

    def _create_error(self, text: str) -> None:
        self.ui.createErrorLabel.setText(text)
        self.ui.createErrorLabel.show()
        self.ui.usernameEdit.setFocus()

    # -- changing an account ----------------------------------------------------------------
    def reset_password(self) -> None:
        account = self._account()
        if account is None or not self._confirm(
                "Kata Sandi Sekali Pakai",
                f"Buat kata sandi sekali pakai baru untuk {account.name} ({account.username})? Kata sandinya yang "
                "sekarang tidak berlaku lagi, dan ia wajib menggantinya saat masuk."):
            return
        password = new_one_time_password()
        done = self._change(account, lambda: self.ws.accounts.set_one_time_password(
            self.actor_id, account.id, password, account.version),
            f"Akun {account.username} mendapat kata sandi sekali pakai baru.")
        if done is not None:
            self._show_password(done, password)

    def unlock(self) -> None:
        account = self._account()
        if account is not None:
            self._change(account, lambda: self.ws.accounts.unlock(self.actor_id, account.id, account.version),
                         f"Kunci akun {account.username} dibuka: ia dapat mencoba masuk lagi.")

    def toggle_active(self) -> None:
        account = self._account()
        if account is None:
            return
        active = not account.active
        question = (f"Aktifkan kembali akun {account.name} ({account.username})? Ia dapat masuk lagi dengan kata "
                    "sandinya." if active else
                    f"Nonaktifkan akun {account.name} ({account.username})? Ia tidak dapat masuk lagi sampai akunnya "
                    "diaktifkan kembali; pekerjaan dan riwayatnya tetap tersimpan.")
        if self._confirm("Aktifkan Kembali Akun" if active else "Nonaktifkan Akun", question):
            self._change(account, lambda: self.ws.accounts.set_active(self.actor_id, account.id, active,
                                                                      account.version),
                         f"Akun {account.username} {'diaktifkan kembali' if active else 'dinonaktifkan'}.")

    def toggle_admin(self) -> None:
        account = self._account()
        if account is None:
            return
        grant = not account.is_admin
        if not grant and account.staff_id == self.actor_id and not self._confirm(
                "Cabut Administrator", "Cabut hak administrator Anda sendiri? Anda tidak dapat mengelola akun lagi "
                                       "sampai administrator lain mengembalikannya."):
            return
        self._change(account, lambda: self.ws.accounts.set_admin(self.actor_id, account.id, grant, account.version),
                     f"{account.name} {'sekarang' if grant else 'bukan lagi'} administrator.")

    def _account(self) -> AccountRecord | None:
        row = self.selected()
        return row if isinstance(row, AccountRecord) else None

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _change(self, account: AccountRecord, call, done_text: str) -> AccountRecord | None:
        """``call()`` (a change based on ``account.version``); the list read again either way.
        A refusal is shown; a change made first on another PC is told as such."""
        self.hide_password()
        outcome: dict = {}

        def run() -> None:
            try:
                outcome["account"] = call()
            except ConflictError as exc:
                outcome["conflict"] = exc

        feedback.attempt(self, run)
        self.reload(key_of(account))
        if "conflict" in outcome:
            exc: ConflictError = outcome["conflict"]
            who = f" oleh {exc.by}" if exc.by else ""
            feedback.warn(self, f"Akun {account.username} diubah{who} di komputer lain sejak daftar ini dibaca, jadi "
                                "tindakan ini belum dilakukan. Daftar sudah dimuat ulang: periksa keadaannya, lalu "
                                "ulangi bila masih perlu.", CONFLICT_TITLE)
            return None
        done = outcome.get("account")
        if done is not None:
            self.changed = True
            self.ui.messageLabel.setText(done_text)
        return done

    # -- the one-time password, shown once ----------------------------------------------------
    def _show_password(self, account: AccountRecord, password: str) -> None:
        ui = self.ui
        ui.passwordIntroLabel.setText(f"Kata sandi sekali pakai untuk <b>{escape(account.name)}</b> (nama pengguna "
                                      f"<b>{escape(account.username)}</b>):")
        ui.passwordEdit.setText(password)
        ui.passwordBox.show()
        ui.copyButton.setFocus()

    def password_shown(self) -> str:
        """The one-time password on show ('' when none is)."""
        return "" if self.ui.passwordBox.isHidden() else self.ui.passwordEdit.text()

    def copy_password(self) -> None:
        QApplication.clipboard().setText(self.ui.passwordEdit.text())
        self.ui.messageLabel.setText("Kata sandi disalin. Tempelkan hanya di tempat yang aman.")

    def hide_password(self) -> None:
        """Put the password away: it is not shown again."""
        self.ui.passwordEdit.clear()
        self.ui.passwordBox.hide()

    def done(self, result: int) -> None:
        self.hide_password()
        super().done(result)


class AccountsMenu(QObject):
    """*Petugas → Akun Pengguna…* of ``host``: enabled for administrators; the dialog built on use."""

    def __init__(self, host: FeatureHost) -> None:
        """``host``: the main window (its ``ui.menuStaff`` and its ``session``, views/account_session.py)."""
        super().__init__(host)
        self.host = host
        self.dialog: AccountsDialog | None = None
        self.action = QAction(self.tr("&Akun Pengguna…"), host)
        self.action.triggered.connect(self.open)
        menu = host.ui.menuStaff
        menu.setToolTipsVisible(True)  # the disabled item says why
        menu.addAction(self.action)
        menu.aboutToShow.connect(self.update)
        host.session.changed.connect(self.update)
        self.update()

    def update(self) -> None:
        """Enabled only while the signed-in person is an active administrator."""
        account = self.host.session.account
        admin = account.is_admin and account.active
        self.action.setEnabled(admin)
        tip = "Buat akun, beri kata sandi sekali pakai, buka kunci, nonaktifkan akun dan atur administrator" \
            if admin else ONLY_ADMINS
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)

    def open(self) -> None:
        host = self.host
        actor = host.current_actor()
        if actor is None:
            return
        self.dialog = AccountsDialog(host.ws, actor, host)
        try:
            self.dialog.exec()
            if self.dialog.changed:
                host.session.refresh()  # one's own rights may have changed
        finally:
            self.dialog.deleteLater()
            self.dialog = None
        self.update()


def install(host: FeatureHost) -> AccountsMenu:
    """The *Akun Pengguna…* item in the window's *Petugas* menu."""
    return AccountsMenu(host)
