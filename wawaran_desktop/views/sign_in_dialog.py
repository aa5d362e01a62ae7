"""Who acts at this PC: the sign-in dialog (issue 13).

One dialog for three moments: the window's start (:func:`sign_in`), *Ganti Pengguna* (another
person takes the PC without closing the window) and the idle lock (:func:`unlock`: the same
person types their password again, or switches person). A one-time password is replaced on its
second page before the person gets in.

The checks are the accounts service's (``ws.accounts``): a wrong name or password reads the same,
failures in a row slow the next attempt down (the *Masuk* button waits, counting down) and then
lock the account for a while. The Windows user name only pre-fills the user name when an
account bears it; it never replaces the password.
"""

from __future__ import annotations

import getpass
import math
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QWidget

from wawaran_desktop.forms.ui_sign_in_dialog import Ui_SignInDialog
from wawaran_desktop.services.accounts import AccountRecord, SignInRefused
from wawaran_desktop.services.errors import ServiceError
from wawaran_desktop.services.workspace import Workspace

SIGN_IN, CHANGE = 0, 1
#: Seconds the button waits beyond the service's wait, so the next attempt is not refused again.
WAIT_MARGIN = 0.3


class SignInDialog(QDialog):
    """Signs a person in; :attr:`account` once accepted.

    ``locked_for``: the idle lock's person (the name is fixed; *Ganti Pengguna* frees it);
    ``can_cancel``: whether the person may close the dialog without signing in (not on a lock).
    """

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, locked_for: AccountRecord | None = None,
                 can_cancel: bool = True, heading: str = "Masuk", allow_switch: bool = True) -> None:
        super().__init__(parent)
        self.ws = ws
        #: On the office server another person is another login: the dialog only collects who
        #: and their password (:attr:`typed`), the caller connects as them (the server checks).
        self.server = ws.accounts.server_mode
        self.typed: tuple[str, str] | None = None
        #: The lock's *Ganti Pengguna* on the server: the caller switches the connection.
        self.switch_requested = False
        self.ui = ui = Ui_SignInDialog()
        ui.setupUi(self)
        self.account: AccountRecord | None = None
        self.locked_for = locked_for
        self._old_password = ""
        self._waiting_for = ""
        self._wait_until = 0.0
        self._countdown = QTimer(self, interval=100)
        self._countdown.timeout.connect(self._tick)
        ui.headingLabel.setText(heading)
        ui.officeLabel.setText(ws.sop.identity.office)
        ui.okButton.clicked.connect(self._ok)
        ui.cancelButton.clicked.connect(self.reject)
        ui.switchButton.clicked.connect(self._switch_person)
        ui.usernameEdit.textChanged.connect(self._inputs_changed)
        ui.passwordEdit.textChanged.connect(self._inputs_changed)
        ui.newEdit.textChanged.connect(self._inputs_changed)
        ui.repeatEdit.textChanged.connect(self._inputs_changed)
        ui.cancelButton.setVisible(can_cancel)
        ui.switchButton.setVisible(locked_for is not None and allow_switch)
        if locked_for is not None:
            ui.headingLabel.setText("Layar terkunci")
            ui.officeLabel.setText(f"{locked_for.name} ({locked_for.username}) sedang masuk. Ketik kata sandi "
                                   "untuk melanjutkan, atau Ganti Pengguna.")
            ui.usernameEdit.setText(locked_for.username)
            ui.usernameEdit.setReadOnly(True)
            ui.passwordEdit.setFocus()
        else:
            guess = windows_username(ws)
            if guess:
                ui.usernameEdit.setText(guess)
                ui.passwordEdit.setFocus()
            else:
                ui.usernameEdit.setFocus()
        self._inputs_changed()

    # -- the pages --------------------------------------------------------------------------
    def _ok(self) -> None:
        if self.ui.pages.currentIndex() == SIGN_IN:
            self._sign_in()
        else:
            self._change_password()

    def _sign_in(self) -> None:
        ui = self.ui
        username, password = ui.usernameEdit.text().strip(), ui.passwordEdit.text()
        if self.server and self.locked_for is None:  # another login: the caller connects as it
            self.typed = (username.lower(), password)
            ui.passwordEdit.clear()
            self.accept()
            return
        try:
            account = self.ws.accounts.sign_in(username, password)
        except SignInRefused as refusal:
            ui.passwordEdit.clear()
            self._say(str(refusal))
            if refusal.wait_seconds:
                self._wait(refusal.wait_seconds, username)
            return
        except ServiceError as exc:
            self._say(str(exc))
            return
        if account.must_change:
            self._old_password = password
            ui.pages.setCurrentIndex(CHANGE)
            ui.okButton.setText("Simpan dan &Masuk")
            self._say("")
            ui.newEdit.setFocus()
            self._inputs_changed()
            return
        self._done(account)

    def _change_password(self) -> None:
        ui = self.ui
        new, repeat = ui.newEdit.text(), ui.repeatEdit.text()
        if new != repeat:
            self._say("Kedua kata sandi baru tidak sama. Ketik ulang.")
            ui.repeatEdit.clear()
            ui.repeatEdit.setFocus()
            return
        try:
            account = self.ws.accounts.change_password(ui.usernameEdit.text().strip(), self._old_password, new)
        except ServiceError as exc:
            self._say(str(exc))
            return
        self._old_password = ""
        self._done(account)

    def _done(self, account: AccountRecord) -> None:
        self.account = account
        self.ui.passwordEdit.clear()
        self.accept()

    def _switch_person(self) -> None:
        """From the lock: another person signs in (the locked person's work stays as saved)."""
        ui = self.ui
        if self.server:  # another login is another connection: the caller makes it
            self.switch_requested = True
            self.accept()
            return
        self.locked_for = None
        ui.switchButton.hide()
        ui.headingLabel.setText("Ganti Pengguna")
        ui.officeLabel.setText(self.ws.sop.identity.office)
        ui.usernameEdit.setReadOnly(False)
        ui.usernameEdit.clear()
        ui.passwordEdit.clear()
        ui.pages.setCurrentIndex(SIGN_IN)
        ui.usernameEdit.setFocus()
        self._say("")

    # -- waiting after failures -------------------------------------------------------------
    def _wait(self, seconds: int, username: str) -> None:
        # A little past the service's own time, so that the next attempt is not refused again.
        self._wait_until, self._waiting_for = time.monotonic() + seconds + WAIT_MARGIN, username
        self._countdown.start()
        self._inputs_changed()

    def _tick(self) -> None:
        if time.monotonic() >= self._wait_until:
            self._countdown.stop()
        self._inputs_changed()

    def waiting(self) -> int:
        """Seconds before *Masuk* takes the same user name again (0: at once)."""
        left = self._wait_until - time.monotonic()
        if left > 0 and self.ui.usernameEdit.text().strip().lower() == self._waiting_for.lower():
            return max(1, math.ceil(left - WAIT_MARGIN))
        return 0

    def _inputs_changed(self) -> None:
        ui = self.ui
        if ui.pages.currentIndex() == SIGN_IN:
            ready = bool(ui.usernameEdit.text().strip() and ui.passwordEdit.text())
            wait = self.waiting()
            ui.okButton.setEnabled(ready and not wait)
            ui.okButton.setText(f"Tunggu {wait} detik" if wait else "&Masuk")
        else:
            ui.okButton.setEnabled(bool(ui.newEdit.text() and ui.repeatEdit.text()))

    def _say(self, text: str) -> None:
        self.ui.messageLabel.setText(text)

    def reject(self) -> None:
        if self.ui.cancelButton.isVisible():
            super().reject()  # (the lock has no way out but a password or another person)


def windows_username(ws: Workspace) -> str:
    """The PC's user name when an account bears it (lower-cased), else ''."""
    try:
        name = getpass.getuser().strip().lower()
    except (OSError, KeyError, ImportError):
        return ""
    if not name:
        return ""
    return name if any(account.username == name and account.active for account in ws.accounts.list()) else ""


def sign_in(ws: Workspace, parent: QWidget | None = None, *, heading: str = "Masuk") -> AccountRecord | None:
    """Ask who acts; None when the person cancels."""
    dialog = SignInDialog(ws, parent, heading=heading)
    try:
        return dialog.account if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def unlock(ws: Workspace, account: AccountRecord, parent: QWidget | None = None, *,
           allow_switch: bool = True) -> tuple[AccountRecord | None, bool]:
    """The idle lock: (the same person again, or whoever switched in; whether another person asked
    to sign in on the office server, which the caller does by connecting anew). (None, False) when
    the dialog ended without either (the application is quitting: the caller closes the window)."""
    dialog = SignInDialog(ws, parent, locked_for=account, can_cancel=False, allow_switch=allow_switch)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if accepted and dialog.switch_requested:
            return account, True
        return (dialog.account if accepted else None), False
    finally:
        dialog.deleteLater()
