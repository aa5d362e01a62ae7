"""Typed text survives reloads, refusals and campaign switches; nobody acts by default."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from wawaran_desktop.services.records import CampaignStatus
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


def test_with_several_staff_nobody_is_chosen_until_the_user_picks(qtbot, ws, staff, modals):
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    assert window.ui.actorCombo.currentData() is None
    assert window.ui.actorCombo.currentText() == "— pilih nama Anda —"
    messages: list[str] = []
    modals.then(close_box(messages))
    window.ui.actionNewCampaign.trigger()
    assert "Pilih nama Anda" in messages[0]
    assert ws.campaigns.count() == 0
    window.close()
