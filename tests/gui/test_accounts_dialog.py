"""*Petugas → Akun Pengguna…*: the administrators' accounts page, on a real data folder.

Siti (Sub Kor) is the first administrator and signs in; Budi (Tim) has an account; Joko (a
Kernet) has none yet. Every change goes through the dialog's buttons; "another PC" is the
service called directly after the dialog read the list.
"""

from __future__ import annotations

import pytest
from accounts import ONE_TIME, PASSWORD, account_for, fast_accounts, signed_in
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from wawaran_desktop.services.accounts import MAX_FAILURES, NOT_ADMIN, NotAllowed, SignInRefused
from wawaran_desktop.text.formatting import clock_time, date_time
from wawaran_desktop.views.accounts_dialog import HEADERS, NO_ACCOUNT, AccountsDialog
from wawaran_desktop.views.sign_in_dialog import CHANGE, SignInDialog

WRONG = "salah-sekali-123"


@pytest.fixture
def people(ws, staff):
    """Siti signed in (the first administrator), Budi with an account, Joko without one."""
    sub, tim = staff
    joko = ws.staff.add("Joko Susilo", None, "Pengemudi", "kernet")
    signed_in(ws, sub.id)
    signed_in(ws, tim.id)
    return sub, tim, joko


def open_dialog(qtbot, ws, actor_id: int) -> AccountsDialog:
    dialog = AccountsDialog(ws, actor_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def texts(dialog: AccountsDialog, name: str) -> dict[str, str]:
    table = dialog.ui.accountsTable
    for r in range(table.rowCount()):
        if table.item(r, 0).text() == name:
            return {header: table.item(r, c).text() for c, header in enumerate(HEADERS)}
    raise AssertionError(f"{name} not listed")


def pick(dialog: AccountsDialog, name: str) -> None:
    table = dialog.ui.accountsTable
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == name)
    table.selectRow(row)


def yes(box) -> None:
    box.button(QMessageBox.StandardButton.Yes).click()


def fail_until_locked(ws, clock, username: str) -> None:
    """``MAX_FAILURES`` wrong passwords in a row, letting each slow-down pass (the clock moved on)."""
    for _ in range(MAX_FAILURES):
        with pytest.raises(SignInRefused) as refused:
            fast_accounts(ws).sign_in(username, WRONG)
        if refused.value.reason != "locked":
            clock.advance(seconds=refused.value.wait_seconds)
    assert refused.value.reason == "locked"


def test_the_list_shows_every_account_and_who_has_none(qtbot, ws, clock, people):
    sub, tim, _joko = people
    accounts = fast_accounts(ws)
    rina = ws.staff.add("Rina Wulandari", None, "Analis", "tim", actor_id=sub.id)
    dewi = ws.staff.add("Dewi Lestari", None, "Pengadministrasi", "tim", actor_id=sub.id)
    agus = ws.staff.add("Agus Salim", None, "Pengemudi", "kernet", actor_id=sub.id)
    eko = ws.staff.add("Eko Prasetyo", None, "Pranata Humas", "tim", actor_id=sub.id)
    accounts.create(sub.id, rina.id, "rina", one_time_password=ONE_TIME)
    accounts.create(sub.id, dewi.id, "dewi")  # no password yet
    gone = accounts.create(sub.id, agus.id, "agus", one_time_password=ONE_TIME)
    accounts.set_active(sub.id, gone.id, False, gone.version)
    account_for(ws, eko.id)
    fail_until_locked(ws, clock, account_for(ws, eko.id).username)
    locked_until = accounts.for_staff(eko.id).locked_until

    dialog = open_dialog(qtbot, ws, sub.id)
    signed = date_time(accounts.for_staff(tim.id).last_sign_in_at)
    assert signed == "27 November 2026 pukul 06.30 WIB"  # 23.30 UTC on the 26th: WIB, not the PC's zone
    assert texts(dialog, "Budi Santoso") == {"Nama": "Budi Santoso", "Nama pengguna": "budi_santoso",
                                             "Lajur": "Tim", "Administrator": "", "Status": "Aktif",
                                             "Terakhir masuk": signed}
    assert texts(dialog, "Siti Rahmawati")["Lajur"] == "Sub Kor DIMC"
    assert texts(dialog, "Siti Rahmawati")["Administrator"] == "Ya"
    assert texts(dialog, "Rina Wulandari")["Status"] == "Wajib ganti kata sandi"
    assert texts(dialog, "Rina Wulandari")["Terakhir masuk"] == "Belum pernah"
    assert texts(dialog, "Dewi Lestari")["Status"] == "Belum berkata sandi"
    assert texts(dialog, "Agus Salim")["Status"] == "Nonaktif"
    assert texts(dialog, "Eko Prasetyo")["Status"] == f"Terkunci sampai pukul {clock_time(locked_until)} WIB"
    assert locked_until > clock()
    joko_row = texts(dialog, "Joko Susilo")
    assert (joko_row["Nama pengguna"], joko_row["Status"], joko_row["Lajur"]) == ("", NO_ACCOUNT, "Kernet/Supir")
    table = dialog.ui.accountsTable
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "Joko Susilo")
    grey = dialog.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert table.item(row, 0).foreground().color() == grey
    assert row == table.rowCount() - 1  # the staff without an account come after the accounts


def test_buttons_follow_the_selection(qtbot, ws, people):
    sub, _tim, _joko = people
    dialog = open_dialog(qtbot, ws, sub.id)
    ui = dialog.ui
    buttons = (ui.createButton, ui.passwordButton, ui.unlockButton, ui.activeButton, ui.adminButton)
    assert not any(button.isEnabled() for button in buttons)  # nothing selected
    pick(dialog, "Joko Susilo")
    assert [button.isEnabled() for button in buttons] == [True, False, False, False, False]
    pick(dialog, "Budi Santoso")
    assert [button.isEnabled() for button in buttons] == [False, True, False, True, True]
    assert (ui.activeButton.text(), ui.adminButton.text()) == ("&Nonaktifkan", "Jadikan A&dministrator")
    pick(dialog, "Siti Rahmawati")  # oneself: not deactivated from here
    assert not ui.activeButton.isEnabled() and ui.activeButton.toolTip()
    assert ui.adminButton.text() == "Cabut A&dministrator"


def test_create_an_account_with_a_one_time_password(qtbot, ws, people):
    sub, _tim, joko = people
    dialog = open_dialog(qtbot, ws, sub.id)
    ui = dialog.ui
    pick(dialog, "Joko Susilo")
    qtbot.mouseClick(ui.createButton, Qt.MouseButton.LeftButton)
    assert ui.createBox.isVisible()
    assert ui.usernameEdit.text() == "joko_susilo"  # suggested from the name
    ui.usernameEdit.setText("budi_santoso")  # taken: said in the form, which stays open
    qtbot.mouseClick(ui.confirmCreateButton, Qt.MouseButton.LeftButton)
    assert ui.createBox.isVisible() and "sudah dipakai" in ui.createErrorLabel.text()
    ui.usernameEdit.setText("Joko")  # edited; stored lower-cased
    qtbot.mouseClick(ui.confirmCreateButton, Qt.MouseButton.LeftButton)
    assert not ui.createBox.isVisible()
    password = dialog.password_shown()
    assert ui.passwordBox.isVisible() and len(password) == 14
    assert "joko" in ui.passwordIntroLabel.text()
    qtbot.mouseClick(ui.copyButton, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == password
    assert texts(dialog, "Joko Susilo")["Nama pengguna"] == "joko"
    assert texts(dialog, "Joko Susilo")["Status"] == "Wajib ganti kata sandi"
    qtbot.mouseClick(ui.doneButton, Qt.MouseButton.LeftButton)
    assert dialog.password_shown() == "" and ui.passwordEdit.text() == ""  # shown once
    assert dialog.changed

    sign_in = SignInDialog(ws)  # Joko signs in and must choose his own password first
    qtbot.addWidget(sign_in)
    sign_in.ui.usernameEdit.setText("joko")
    sign_in.ui.passwordEdit.setText(password)
    qtbot.mouseClick(sign_in.ui.okButton, Qt.MouseButton.LeftButton)
    assert sign_in.ui.pages.currentIndex() == CHANGE
    sign_in.ui.newEdit.setText(PASSWORD)
    sign_in.ui.repeatEdit.setText(PASSWORD)
    qtbot.mouseClick(sign_in.ui.okButton, Qt.MouseButton.LeftButton)
    assert sign_in.result() == SignInDialog.DialogCode.Accepted
    assert sign_in.account.staff_id == joko.id and not sign_in.account.must_change


def test_a_one_time_password_replaces_a_forgotten_one(qtbot, ws, clock, modals, people):
    sub, tim, _joko = people
    dialog = open_dialog(qtbot, ws, sub.id)
    pick(dialog, "Budi Santoso")
    modals.then(lambda box: box.button(QMessageBox.StandardButton.No).click())
    dialog.ui.passwordButton.click()  # asked first; No changes nothing
    assert dialog.password_shown() == ""
    modals.then(yes)
    dialog.ui.passwordButton.click()
    assert not modals.errors and not modals.pending
    password = dialog.password_shown()
    assert password and texts(dialog, "Budi Santoso")["Status"] == "Wajib ganti kata sandi"
    accounts = fast_accounts(ws)
    with pytest.raises(SignInRefused) as refused:
        accounts.sign_in("budi_santoso", PASSWORD)  # the old password no longer opens it
    clock.advance(seconds=refused.value.wait_seconds)  # the slow-down after a failure
    account = accounts.sign_in("budi_santoso", password)
    assert account.staff_id == tim.id and account.must_change


def test_unlock_after_too_many_failures(qtbot, ws, clock, people):
    sub, _tim, _joko = people
    fail_until_locked(ws, clock, "budi_santoso")
    with pytest.raises(SignInRefused) as refused:
        fast_accounts(ws).sign_in("budi_santoso", PASSWORD)  # even the right password waits
    assert refused.value.reason == "locked"
    dialog = open_dialog(qtbot, ws, sub.id)
    assert texts(dialog, "Budi Santoso")["Status"].startswith("Terkunci sampai pukul ")
    pick(dialog, "Budi Santoso")
    assert dialog.ui.unlockButton.isEnabled()
    qtbot.mouseClick(dialog.ui.unlockButton, Qt.MouseButton.LeftButton)
    assert texts(dialog, "Budi Santoso")["Status"] == "Aktif"
    assert not dialog.ui.unlockButton.isEnabled()
    assert "dibuka" in dialog.ui.messageLabel.text()
    assert fast_accounts(ws).sign_in("budi_santoso", PASSWORD).username == "budi_santoso"


def test_deactivate_and_reactivate_with_a_confirmation(qtbot, ws, modals, people):
    sub, _tim, _joko = people
    dialog = open_dialog(qtbot, ws, sub.id)
    pick(dialog, "Budi Santoso")
    asked = []
    modals.then(lambda box: (asked.append(box.text()), yes(box)))
    dialog.ui.activeButton.click()
    assert "Nonaktifkan akun Budi Santoso (budi_santoso)?" in asked[0]
    assert texts(dialog, "Budi Santoso")["Status"] == "Nonaktif"
    with pytest.raises(SignInRefused) as refused:
        fast_accounts(ws).sign_in("budi_santoso", PASSWORD)
    assert refused.value.reason == "inactive"
    assert dialog.ui.activeButton.text() == "&Aktifkan Kembali"
    assert not dialog.ui.adminButton.isEnabled()
    modals.then(yes)
    dialog.ui.activeButton.click()
    assert not modals.errors
    assert texts(dialog, "Budi Santoso")["Status"] == "Aktif"
    assert fast_accounts(ws).sign_in("budi_santoso", PASSWORD).active


def test_grant_and_revoke_administrator(qtbot, ws, people):
    sub, tim, _joko = people
    dialog = open_dialog(qtbot, ws, sub.id)
    pick(dialog, "Budi Santoso")
    dialog.ui.adminButton.click()
    assert texts(dialog, "Budi Santoso")["Administrator"] == "Ya"
    assert fast_accounts(ws).for_staff(tim.id).is_admin
    assert dialog.ui.adminButton.text() == "Cabut A&dministrator"
    dialog.ui.adminButton.click()
    assert texts(dialog, "Budi Santoso")["Administrator"] == ""
    assert not fast_accounts(ws).for_staff(tim.id).is_admin


def test_the_last_administrator_stays_one(qtbot, ws, modals, people):
    sub, _tim, _joko = people
    dialog = open_dialog(qtbot, ws, sub.id)
    pick(dialog, "Siti Rahmawati")
    asked = []
    modals.then(lambda box: (asked.append(box.text()), yes(box)))  # one's own rights: asked first
    modals.then(lambda box: (asked.append(box.text()), box.accept()))  # the service's refusal
    dialog.ui.adminButton.click()
    assert not modals.errors and not modals.pending
    assert "Cabut hak administrator Anda sendiri?" in asked[0]
    assert asked[1] == "Harus tetap ada sedikitnya satu administrator aktif."
    assert texts(dialog, "Siti Rahmawati")["Administrator"] == "Ya"
    assert fast_accounts(ws).for_staff(sub.id).is_admin


def test_a_change_made_first_on_another_pc_is_told_and_the_list_read_again(qtbot, ws, modals, people):
    sub, tim, _joko = people
    dialog = open_dialog(qtbot, ws, sub.id)
    pick(dialog, "Budi Santoso")
    accounts = fast_accounts(ws)
    budi = accounts.for_staff(tim.id)
    accounts.set_active(sub.id, budi.id, False, budi.version)  # another PC, after the dialog read it
    seen = []
    modals.then(lambda box: (seen.append((box.windowTitle(), box.text())), box.accept()))
    dialog.ui.adminButton.click()  # based on the version the list showed
    assert not modals.errors and not modals.pending
    assert seen[0][0] == "Diubah di komputer lain"
    assert "Akun budi_santoso diubah" in seen[0][1] and "dimuat ulang" in seen[0][1]
    assert not accounts.for_staff(tim.id).is_admin  # nothing stored
    assert texts(dialog, "Budi Santoso")["Status"] == "Nonaktif"  # read again
    assert dialog.ui.activeButton.text() == "&Aktifkan Kembali"  # still selected


def test_a_non_administrator_cannot_manage_accounts(qtbot, make_window, ws, people):
    sub, tim, _joko = people
    window = make_window(ws, tim.id)
    action = window.accounts_menu.action
    assert action in window.ui.menuStaff.actions()
    assert not action.isEnabled() and action.toolTip() == NOT_ADMIN
    with pytest.raises(NotAllowed):  # and the service refuses anyway
        fast_accounts(ws).unlock(tim.id, fast_accounts(ws).for_staff(sub.id).id, None)
    dialog = open_dialog(qtbot, ws, tim.id)  # were it opened, it only shows
    pick(dialog, "Siti Rahmawati")
    assert not any(b.isEnabled() for b in (dialog.ui.passwordButton, dialog.ui.activeButton, dialog.ui.adminButton))
    assert dialog.ui.messageLabel.text() == NOT_ADMIN
    admin_window = make_window(ws, sub.id)
    assert admin_window.accounts_menu.action.isEnabled()


def test_the_menu_follows_ganti_pengguna_and_builds_the_dialog_on_use(qtbot, make_window, modals, ws, people):
    sub, tim, _joko = people
    window = make_window(ws, sub.id)
    menu = window.accounts_menu
    assert menu.dialog is None and not window.findChildren(AccountsDialog)  # not built at start-up
    seen = {}

    def look(dialog) -> None:
        seen["dialog"] = isinstance(dialog, AccountsDialog)
        seen["names"] = {dialog.ui.accountsTable.item(r, 0).text() for r in range(dialog.ui.accountsTable.rowCount())}
        dialog.ui.buttonBox.rejected.emit()

    modals.then(look)
    menu.action.trigger()
    assert not modals.errors and not modals.pending
    assert seen == {"dialog": True, "names": {"Siti Rahmawati", "Budi Santoso", "Joko Susilo"}}
    assert menu.dialog is None

    def sign_in_as_budi(dialog) -> None:
        dialog.ui.usernameEdit.setText("budi_santoso")
        dialog.ui.passwordEdit.setText(PASSWORD)
        qtbot.mouseClick(dialog.ui.okButton, Qt.MouseButton.LeftButton)

    modals.then(sign_in_as_budi)
    window.ui.actionSwitchUser.trigger()
    assert not modals.errors and window.current_actor() == tim.id
    assert not menu.action.isEnabled()
