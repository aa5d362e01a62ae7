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
from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QMessageBox

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
        from wawaran_desktop.views.responsive import keep_elided

        keep_elided(ui.accountLabel)  # one line however long the name and title: the list keeps its room
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
        """Another person signs in; what the previous one typed is stored as theirs first, and
        what could not be stored is dropped (never stored as the next person's)."""
        window = self.window
        if not window.flush() and not feedback.go_on_unsaved(window, "ganti pengguna"):
            return
        self.idle.pause()
        try:
            self._ask_another()
        finally:
            if not self.locked:
                self.idle.restart()

    def _ask_another(self) -> bool:
        """*Ganti Pengguna*'s dialog; True when another person signed in (on the office server the
        window was then opened anew as them)."""
        dialog = SignInDialog(self.window.ws, self.window, heading="Ganti Pengguna")
        try:
            if dialog.exec() != SignInDialog.DialogCode.Accepted:
                return False
            if dialog.typed is not None:
                return self._reconnect_as(*dialog.typed)
            if dialog.account is not None:
                self._become(dialog.account)
                return True
            return False
        finally:
            dialog.deleteLater()

    def _reconnect_as(self, username: str, password: str) -> bool:
        """The office server: another person is another login. Their password is first checked
        with the server using only what was typed (never a stored or environment password); then
        the window is opened anew on the same database connected as them. False (told why) when
        the server refuses or cannot be reached: the present person stays."""
        from wawaran_desktop.db.connection import DatabaseError
        from wawaran_desktop.infra.credentials import Answer
        from wawaran_desktop.services.accounts import check_server_login
        from wawaran_desktop.services.errors import ServiceError
        from wawaran_desktop.views.database_dialog import Choice

        window = self.window
        switcher = getattr(window.database, "switcher", None)
        if switcher is None or window.ws.database_url is None:
            return False
        try:
            _name, _key, url = check_server_login(window.ws.database_url, username, password)
        except (ServiceError, DatabaseError) as exc:
            feedback.warn(window, str(exc), "Ganti Pengguna")
            return False
        switcher(Choice(url, given=Answer(password)))
        return True

    def lock(self) -> None:
        """Hide the window (its content, docks and any dialog open over it) until the person's
        password, or another person, opens it. While a dialog was open over the window, only the
        same person may open the lock: the dialog acts as them."""
        window = self.window
        if self.locked:
            return
        self.locked = True
        self.idle.pause()
        window.flush()  # what was typed is stored as the person who typed it (a refusal stays shown)
        hidden = [w for w in (window.centralWidget(), *window.findChildren(QDockWidget),
                              *(d for d in QApplication.topLevelWidgets() if isinstance(d, QDialog)))
                  if w.isVisible()]
        dialogs_open = any(isinstance(w, QDialog) for w in hidden)
        for widget in hidden:
            widget.setVisible(False)
        window.menuBar().setEnabled(False)
        while True:
            account, switch = unlock(window.ws, self.account, window, allow_switch=not dialogs_open)
            if switch:  # the office server: another person connects anew, or back to the lock
                if self._ask_another():
                    return  # (this window was closed; the new person's is open)
                continue
            break
        self.locked = False
        if account is None:  # the lock ended without a password (the application quits): nothing shown
            window.close()
            return
        for widget in hidden:
            widget.setVisible(True)
        window.menuBar().setEnabled(True)
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
        """Another person acts from now on: what the previous one typed and could not store is
        dropped from the tabs (``changed``: the window shows the campaign anew for them)."""
        self.account = account
        self._show()
        self.changed.emit()

    def choose_idle_minutes(self) -> None:
        if idle_lock.choose_minutes(self.window, self.window.settings) is not None:
            self.idle.restart()

    def stop(self) -> None:
        self.idle.stop()
