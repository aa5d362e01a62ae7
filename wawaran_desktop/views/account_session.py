"""The window's signed-in person: who acts, *Ganti Pengguna*, *Kunci Layar* and the idle lock.

Who acts is the signed-in account, never a choice in a drop-down (design.md): the window shows
"Masuk sebagai: Nama (Lajur)" and every service call acts as that person's staff entry.
*Ganti Pengguna* stores what is being typed as the person who typed it, then lets another person
sign in without closing the window; *Kunci Layar* and the idle lock (:mod:`.idle_lock`) hide
the window's content until the same person's password (or another person) opens it again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from wawaran_desktop.services.accounts import AccountRecord
from wawaran_desktop.views import feedback, idle_lock
from wawaran_desktop.views.sign_in_dialog import SignInDialog, unlock

if TYPE_CHECKING:
    from wawaran_desktop.views.feature_host import FeatureHost


class AccountSession(QObject):
    """The signed-in account of ``window``; ``changed`` after another person signed in."""

    changed = Signal()

    def __init__(self, window: FeatureHost, account: AccountRecord) -> None:
        """``window``: the main window (its ``ui`` has the account label and the actions)."""
        super().__init__(window)
        self.window = window
        self.account = account
        self.locked = False
        ui = window.ui
        ui.actionSwitchUser.triggered.connect(self.switch_user)
        ui.switchUserButton.clicked.connect(self.switch_user)
        ui.actionLock.triggered.connect(self.lock)
        self.idle_action = QAction("Kunci &Otomatis…", window)
        self.idle_action.triggered.connect(self.choose_idle_minutes)
        ui.menuSettings.addAction(self.idle_action)
        self.idle = idle_lock.IdleLock(window.settings, self.lock, self)
        self._show()

    @property
    def staff_id(self) -> int:
        return self.account.staff_id

    def _show(self) -> None:
        lanes = {lane.id: lane.name for lane in self.window.ws.sop.lanes}
        admin = ", administrator" if self.account.is_admin else ""
        self.window.ui.accountLabel.setText(
            f"{self.account.name} ({lanes.get(self.account.lane, self.account.lane)}{admin})")

    def switch_user(self) -> None:
        """Another person signs in; what the previous one typed is stored as theirs first."""
        window = self.window
        if not window.flush() and not feedback.go_on_unsaved(window, "ganti pengguna"):
            return
        self.idle.pause()
        dialog = SignInDialog(window.ws, window, heading="Ganti Pengguna")
        try:
            accepted = dialog.exec() == SignInDialog.DialogCode.Accepted
            if accepted and dialog.typed is not None:
                self._reconnect_as(*dialog.typed)
                return
            if accepted and dialog.account is not None:
                self._become(dialog.account)
        finally:
            dialog.deleteLater()
            self.idle.restart()

    def _reconnect_as(self, username: str, password: str) -> None:
        """The office server: another person is another login. The window is opened anew on the
        same database connected as them (the server checks the password); when it refuses, the
        switch says why and the previous person's connection is opened again."""
        from wawaran_desktop.db.server_accounts import person_url
        from wawaran_desktop.infra.credentials import Answer
        from wawaran_desktop.views.database_dialog import Choice

        window = self.window
        switcher = getattr(window.database, "switcher", None)
        if switcher is None or window.ws.database_url is None:
            return
        switcher(Choice(person_url(window.ws.database_url, username), given=Answer(password)))

    def lock(self) -> None:
        """Hide the window's content until the person's password (or another person) opens it."""
        window = self.window
        if self.locked:
            return
        self.locked = True
        self.idle.pause()
        window.flush()  # what was typed is stored as the person who typed it (a refusal stays shown)
        content = window.centralWidget()
        content.setVisible(False)
        window.menuBar().setEnabled(False)
        account, switch = unlock(window.ws, self.account, window)
        if switch:  # the office server: another person connects anew (Ganti Pengguna)
            content.setVisible(True)
            window.menuBar().setEnabled(True)
            self.locked = False
            self.switch_user()
            return
        if account is None:  # the lock ended without a password (the application quits): nothing shown
            self.locked = False
            window.close()
            return
        content.setVisible(True)
        window.menuBar().setEnabled(True)
        self.locked = False
        self.idle.restart()
        if account.id != self.account.id:
            self._become(account)

    def refresh(self) -> None:
        """Read the account again (another PC may have renamed the person, moved their lane or
        deactivated them): a deactivated person is signed out at once."""
        from wawaran_desktop.services.errors import ServiceError

        try:
            current = self.window.ws.accounts.get(self.account.id)
        except ServiceError:
            return
        self.account = current
        self._show()
        if not current.active and not self.locked:
            QMessageBox.information(self.window, "Akun dinonaktifkan",
                                    f"Akun {current.username} dinonaktifkan oleh administrator. Orang lain dapat "
                                    "masuk melalui Ganti Pengguna.")
            self.lock()

    def _become(self, account: AccountRecord) -> None:
        self.account = account
        self._show()
        self.changed.emit()

    def choose_idle_minutes(self) -> None:
        if idle_lock.choose_minutes(self.window, self.window.settings) is not None:
            self.idle.restart()

    def stop(self) -> None:
        self.idle.stop()
