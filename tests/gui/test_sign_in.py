"""The sign-in dialog, Ganti Pengguna, Kunci Layar and the idle lock, on a real data folder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from accounts import ONE_TIME, PASSWORD, account_for, fast_accounts, signed_in

from wawaran_desktop.services.accounts import SLOW_DOWN_SECONDS
from wawaran_desktop.views import idle_lock
from wawaran_desktop.views.sign_in_dialog import CHANGE, SIGN_IN, SignInDialog


@pytest.fixture
def people(ws, staff):
    sub, tim = staff
    account_for(ws, sub.id)  # the first administrator
    account_for(ws, tim.id)
    return sub, tim


def type_in(qtbot, dialog: SignInDialog, username: str, password: str) -> None:
    dialog.ui.usernameEdit.setText(username)
    dialog.ui.passwordEdit.setText(password)
    qtbot.mouseClick(dialog.ui.okButton, Qt.MouseButton.LeftButton)


def test_signing_in_returns_the_persons_account(qtbot, ws, people):
    dialog = SignInDialog(ws)
    qtbot.addWidget(dialog)
    assert not dialog.ui.okButton.isEnabled()  # nothing typed yet
    type_in(qtbot, dialog, "BUDI_SANTOSO", PASSWORD)  # user names are not case-sensitive
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert dialog.account.staff_id == people[1].id
    assert dialog.ui.passwordEdit.text() == ""  # the password is not kept in the widget


def test_a_wrong_password_says_so_and_the_button_waits(qtbot, ws, people):
    dialog = SignInDialog(ws)
    qtbot.addWidget(dialog)
    type_in(qtbot, dialog, "budi_santoso", "salah-sekali-123")
    assert dialog.result() != SignInDialog.DialogCode.Accepted
    assert dialog.ui.messageLabel.text() == "Nama pengguna atau kata sandi salah."
    assert dialog.ui.passwordEdit.text() == ""
    dialog.ui.passwordEdit.setText(PASSWORD)
    assert dialog.waiting() == SLOW_DOWN_SECONDS[0]
    assert not dialog.ui.okButton.isEnabled()
    assert dialog.ui.okButton.text() == f"Tunggu {SLOW_DOWN_SECONDS[0]} detik"
    dialog.ui.usernameEdit.setText("siti_rahmawati")  # the wait is the account's, not the dialog's
    assert dialog.ui.okButton.isEnabled()
    dialog.ui.usernameEdit.setText("budi_santoso")
    qtbot.waitUntil(lambda: dialog.ui.okButton.isEnabled(), timeout=(SLOW_DOWN_SECONDS[0] + 2) * 1000)
    assert dialog.ui.okButton.text() == "&Masuk"


def test_an_unknown_name_reads_like_a_wrong_password(qtbot, ws, people):
    dialog = SignInDialog(ws)
    qtbot.addWidget(dialog)
    type_in(qtbot, dialog, "tidak_ada", PASSWORD)
    assert dialog.ui.messageLabel.text() == "Nama pengguna atau kata sandi salah."


def test_a_one_time_password_is_replaced_before_getting_in(qtbot, ws, people):
    sub, _tim = people
    accounts = fast_accounts(ws)
    newcomer = ws.staff.add("Joko Santoso", None, "Pengemudi", "kernet", actor_id=sub.id)
    accounts.create(sub.id, newcomer.id, "joko", one_time_password=ONE_TIME)
    dialog = SignInDialog(ws)
    qtbot.addWidget(dialog)
    type_in(qtbot, dialog, "joko", ONE_TIME)
    assert dialog.ui.pages.currentIndex() == CHANGE
    assert dialog.result() != SignInDialog.DialogCode.Accepted
    dialog.ui.newEdit.setText("baru-sekali-456")
    dialog.ui.repeatEdit.setText("baru-sekali-457")
    qtbot.mouseClick(dialog.ui.okButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.messageLabel.text() == "Kedua kata sandi baru tidak sama. Ketik ulang."
    dialog.ui.repeatEdit.setText("pendek")
    dialog.ui.newEdit.setText("pendek")
    qtbot.mouseClick(dialog.ui.okButton, Qt.MouseButton.LeftButton)
    assert "minimal 10 karakter" in dialog.ui.messageLabel.text()
    dialog.ui.newEdit.setText("baru-sekali-456")
    dialog.ui.repeatEdit.setText("baru-sekali-456")
    qtbot.mouseClick(dialog.ui.okButton, Qt.MouseButton.LeftButton)
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert not dialog.account.must_change
    assert accounts.sign_in("joko", "baru-sekali-456").staff_id == newcomer.id


def test_the_window_says_who_is_signed_in_and_acts_as_them(make_window, ws, people):
    sub, tim = people
    window = make_window(ws, tim.id)
    assert window.ui.accountLabel.text() == "Budi Santoso (Tim)"
    assert window.current_actor() == tim.id
    window2 = make_window(ws, sub.id)
    assert window2.ui.accountLabel.text() == "Siti Rahmawati (Sub Kor DIMC, administrator)"


def test_ganti_pengguna_switches_person_without_closing(qtbot, make_window, modals, ws, people):
    sub, tim = people
    window = make_window(ws, sub.id)

    def sign_in_as_budi(dialog):
        assert isinstance(dialog, SignInDialog)
        assert dialog.ui.headingLabel.text() == "Ganti Pengguna"
        type_in(qtbot, dialog, "budi_santoso", PASSWORD)

    modals.then(sign_in_as_budi)
    window.ui.actionSwitchUser.trigger()
    assert not modals.errors and not modals.pending
    assert window.isVisible()
    assert window.current_actor() == tim.id
    assert window.ui.accountLabel.text() == "Budi Santoso (Tim)"


def test_ganti_pengguna_cancelled_keeps_the_person(qtbot, make_window, modals, ws, people):
    sub, _tim = people
    window = make_window(ws, sub.id)
    modals.then(lambda dialog: dialog.ui.cancelButton.click())
    window.ui.switchUserButton.click()
    assert not modals.errors
    assert window.current_actor() == sub.id


def test_the_lock_hides_the_window_until_the_password(qtbot, make_window, modals, ws, people):
    sub, _tim = people
    window = make_window(ws, sub.id)
    seen = {}

    def locked(dialog):
        seen["content_hidden"] = not window.centralWidget().isVisible()
        seen["menu_disabled"] = not window.menuBar().isEnabled()
        seen["cancel_shown"] = dialog.ui.cancelButton.isVisible()
        seen["name_fixed"] = dialog.ui.usernameEdit.isReadOnly() and dialog.ui.usernameEdit.text() == "siti_rahmawati"
        dialog.reject()  # Escape: the lock has no way out but a password
        seen["still_open"] = dialog.isVisible()
        dialog.ui.passwordEdit.setText("salah-sekali-123")
        qtbot.mouseClick(dialog.ui.okButton, Qt.MouseButton.LeftButton)
        seen["refused"] = dialog.ui.messageLabel.text()
        dialog.ui.passwordEdit.setText(PASSWORD)

        def once_the_wait_is_over():  # (no nested event loop inside the lock's own: a timer)
            if dialog.isVisible() and dialog.ui.okButton.isEnabled():
                dialog.ui.okButton.click()  # (the button waited past the service's slow-down: let in)
            elif dialog.isVisible():
                QTimer.singleShot(100, once_the_wait_is_over)

        once_the_wait_is_over()

    modals.then(locked)
    window.ui.actionLock.trigger()
    assert not modals.errors
    assert seen == {"content_hidden": True, "menu_disabled": True, "cancel_shown": False, "name_fixed": True,
                    "still_open": True, "refused": "Nama pengguna atau kata sandi salah."}
    assert window.centralWidget().isVisible() and window.menuBar().isEnabled()
    assert window.current_actor() == sub.id


def test_from_the_lock_another_person_may_sign_in(qtbot, make_window, modals, ws, people):
    sub, tim = people
    window = make_window(ws, sub.id)

    def switch(dialog):
        qtbot.mouseClick(dialog.ui.switchButton, Qt.MouseButton.LeftButton)
        assert dialog.ui.usernameEdit.text() == "" and not dialog.ui.usernameEdit.isReadOnly()
        assert dialog.ui.pages.currentIndex() == SIGN_IN
        type_in(qtbot, dialog, "budi_santoso", PASSWORD)

    modals.then(switch)
    window.ui.actionLock.trigger()
    assert not modals.errors
    assert window.current_actor() == tim.id


def test_the_idle_lock_fires_after_the_chosen_minutes_and_input_restarts_it(qtbot, make_window, modals, ws,
                                                                           people):
    sub, _tim = people
    window = make_window(ws, sub.id)
    session = window.session
    assert session.idle.timer.isActive()
    assert session.idle.timer.interval() == idle_lock.DEFAULT_MINUTES * 60_000
    qtbot.waitUntil(lambda: session.idle.installed)  # once the window is up (not on the start-up path)
    session.idle.timer.setInterval(300)  # (minutes are too long for a test; the same timer)
    session.idle.timer.start()
    qtbot.wait(150)
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_A)  # someone is at the PC
    assert session.idle.timer.remainingTime() > 200
    unlocked = []
    modals.then(lambda dialog: (unlocked.append(dialog.ui.headingLabel.text()),
                                type_in(qtbot, dialog, "siti_rahmawati", PASSWORD)))
    qtbot.waitUntil(lambda: bool(unlocked), timeout=5000)
    assert unlocked == ["Layar terkunci"]
    assert not modals.errors
    qtbot.waitUntil(lambda: not session.locked)
    assert session.idle.timer.isActive()


def test_the_idle_minutes_are_this_pcs_choice(qtbot, make_window, modals, ws, people):
    window = make_window(ws, people[0].id)

    def choose(dialog):
        dialog.setIntValue(5)
        dialog.accept()

    modals.then(choose)
    window.session.idle_action.trigger()
    assert not modals.errors
    settings = QSettings(str(ws.data_dir / "settings.ini"), QSettings.Format.IniFormat)
    assert idle_lock.idle_minutes(settings) == 5
    assert window.session.idle.timer.interval() == 5 * 60_000
    settings.setValue(idle_lock.KEY, 0)
    window.session.idle.restart()
    assert not window.session.idle.timer.isActive()  # 0: never locks
    settings.setValue(idle_lock.KEY, "abc")
    assert idle_lock.idle_minutes(settings) == idle_lock.DEFAULT_MINUTES


def test_a_deactivated_person_is_signed_out(qtbot, make_window, modals, ws, people):
    sub, tim = people
    window = make_window(ws, tim.id)
    accounts = fast_accounts(ws)
    budi = accounts.for_staff(tim.id)
    accounts.set_active(sub.id, budi.id, False, budi.version)
    seen = []

    def told(box):
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    modals.then(told).then(lambda dialog: (qtbot.mouseClick(dialog.ui.switchButton, Qt.MouseButton.LeftButton),
                                           type_in(qtbot, dialog, "siti_rahmawati", PASSWORD)))
    window.refresh()
    assert not modals.errors
    assert "dinonaktifkan" in seen[0]
    assert window.current_actor() == sub.id
    assert signed_in(ws, sub.id).staff_id == sub.id
