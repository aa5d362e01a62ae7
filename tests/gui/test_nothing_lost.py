"""Typed text survives reloads, refusals and campaign switches; nobody acts until signed in."""

from __future__ import annotations

from accounts import PASSWORD, account_for
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.views import sign_in_dialog
from wawaran_desktop.views.campaign_dialog import CampaignDialog
from wawaran_desktop.views.main_window import MainWindow


def close_box(store):
    def handler(box):
        assert isinstance(box, QMessageBox)
        store.append(box.text())
        box.accept()
    return handler


def test_notes_typed_just_before_an_action_are_stored(qtbot, ws, staff, make_window):
    campaign = ws.campaigns.create(staff[0].id, "Wawaran Catatan")
    window = make_window(ws)
    tab = window.stages.stage(1)
    qtbot.keyClicks(tab.ui.notesEdit, "Bahan dari monitoring pagi")
    qtbot.mouseClick(tab.ui.startButton, Qt.MouseButton.LeftButton)  # before the autosave delay
    assert tab.ui.notesEdit.toPlainText() == "Bahan dari monitoring pagi"
    assert ws.campaigns.get(campaign.id).step(1).notes == "Bahan dari monitoring pagi"


def test_refused_notes_keep_the_user_on_their_campaign(qtbot, ws, staff, make_window, modals):
    first = ws.campaigns.create(staff[0].id, "Pertama")
    second = ws.campaigns.create(staff[0].id, "Kedua")
    window = make_window(ws)
    window.list.select(first.id)
    tab = window.stages.stage(1)
    too_long = "x" * 20_001
    tab.ui.notesEdit.setPlainText(too_long)
    messages: list[str] = []
    modals.then(close_box(messages))
    window.list.select(second.id)
    qtbot.waitUntil(lambda: window.list.current_id() == first.id)
    assert "Catatan terlalu panjang" in messages[0]
    assert window.record.id == first.id
    assert tab.ui.notesEdit.toPlainText() == too_long  # nothing typed is thrown away
    assert ws.campaigns.get(first.id).step(1).notes == ""
    tab.ui.notesEdit.setPlainText("Dipersingkat")  # now it can be stored, and the window closes
    window.list.select(second.id)
    assert window.record.id == second.id
    assert ws.campaigns.get(first.id).step(1).notes == "Dipersingkat"


def test_status_filter_keeps_the_selected_campaign(qtbot, ws, staff, make_window):
    a = ws.campaigns.create(staff[0].id, "Satu")
    b = ws.campaigns.create(staff[0].id, "Dua")
    ws.steps.start(staff[0].id, b.id, 1)
    window = make_window(ws)
    window.list.select(b.id)
    combo = window.ui.statusCombo
    combo.setCurrentIndex(combo.findData(CampaignStatus.RUNNING))
    assert window.list.current_id() == b.id and window.record.id == b.id
    combo.setCurrentIndex(combo.findData(CampaignStatus.DRAFT))  # b is filtered out
    assert window.list.model.rowCount() == 1 and window.list.model.id_at(0) == a.id
    combo.setCurrentIndex(0)
    assert window.list.model.rowCount() == 2


def test_with_several_staff_nobody_acts_until_a_person_signs_in(qtbot, ws, staff, modals, monkeypatch):
    # Who acts is never guessed: the start-up's sign-in names nobody (unless this PC's user name
    # is an account's), and cancelling it signs nobody in. Once a person signed in, the window
    # says who it acts as and what they do is recorded as theirs.
    sub, tim = staff
    account_for(ws, sub.id)
    account_for(ws, tim.id)
    monkeypatch.setattr(sign_in_dialog.getpass, "getuser", lambda: "pc-ruang-humas")  # no account's name
    seen = {}

    def look_and_cancel(dialog):
        assert isinstance(dialog, sign_in_dialog.SignInDialog)
        seen["name"] = dialog.ui.usernameEdit.text()
        seen["can_sign_in"] = dialog.ui.okButton.isEnabled()
        dialog.ui.cancelButton.click()

    modals.then(look_and_cancel)
    assert sign_in_dialog.sign_in(ws) is None
    assert seen == {"name": "", "can_sign_in": False}

    def as_budi(dialog):
        dialog.ui.usernameEdit.setText("budi_santoso")
        dialog.ui.passwordEdit.setText(PASSWORD)
        qtbot.mouseClick(dialog.ui.okButton, Qt.MouseButton.LeftButton)

    modals.then(as_budi)
    account = sign_in_dialog.sign_in(ws)
    assert not modals.errors and account.staff_id == tim.id
    window = MainWindow(ws, account)
    qtbot.addWidget(window)
    window.show()
    assert window.ui.accountLabel.text() == "Budi Santoso (Tim)"
    assert window.current_actor() == tim.id

    def new_campaign(dialog):
        assert isinstance(dialog, CampaignDialog)
        dialog.ui.titleEdit.setText("Wawaran Posyandu")
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()

    modals.then(new_campaign)
    window.ui.actionNewCampaign.trigger()
    assert not modals.errors and modals.pending == 0
    assert ws.campaigns.get(window.record.id).created_by_name == "Budi Santoso"
    window.close()
