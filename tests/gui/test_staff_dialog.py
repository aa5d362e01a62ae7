"""The staff directory dialog: the rank (pangkat/golongan) that signature blocks print."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from wawaran_desktop.services.staff import PNS_RANKS
from wawaran_desktop.views.staff_dialog import StaffDialog


def _dialog(qtbot, ws):
    dialog = StaffDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _save(qtbot, dialog):
    qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)


def test_rank_chosen_from_the_list_or_typed_and_shown_again(qtbot, ws):
    dialog = _dialog(qtbot, ws)
    ui = dialog.ui
    assert [ui.rankCombo.itemText(i) for i in range(ui.rankCombo.count())] == ["", *PNS_RANKS]
    assert ui.staffTable.model().headerData(3, Qt.Orientation.Horizontal) == "Pangkat/Gol."
    qtbot.keyClicks(ui.nameEdit, "Drs. Heru Prasetyo")
    qtbot.keyClicks(ui.nipEdit, "19700210 199503 1 003")
    ui.rankCombo.setCurrentIndex(ui.rankCombo.findText("Pembina Tingkat I (IV/b)"))
    ui.laneCombo.setCurrentIndex(ui.laneCombo.findData("kabid"))
    _save(qtbot, dialog)
    assert [(s.name, s.rank) for s in ws.staff.list()] == [("Drs. Heru Prasetyo", "Pembina Tingkat I (IV/b)")]
    assert ui.staffTable.model().index(0, 3).data() == "Pembina Tingkat I (IV/b)"

    dialog.new_staff()
    assert ui.rankCombo.currentText() == ""
    qtbot.keyClicks(ui.nameEdit, "Dewi Lestari")
    ui.laneCombo.setCurrentIndex(ui.laneCombo.findData("tim"))  # chosen for each person: nothing carried over
    ui.rankCombo.setFocus()
    qtbot.keyClicks(ui.rankCombo, "PPPK Golongan IX")  # not in the list: typed
    _save(qtbot, dialog)
    assert ws.staff.list()[0].rank == "PPPK Golongan IX"

    ui.staffTable.selectRow(1)  # Drs. Heru Prasetyo, sorted after Dewi
    assert ui.rankCombo.currentText() == "Pembina Tingkat I (IV/b)"
    ui.staffTable.selectRow(0)
    assert ui.rankCombo.currentText() == "PPPK Golongan IX"


def test_overlong_rank_is_refused_with_the_focus_on_it(qtbot, ws):
    dialog = _dialog(qtbot, ws)
    ui = dialog.ui
    qtbot.keyClicks(ui.nameEdit, "Agus Salim")
    ui.rankCombo.setCurrentText("Pembina " * 10)
    _save(qtbot, dialog)
    assert ui.errorLabel.text().startswith("Pangkat/golongan terlalu panjang")
    qtbot.waitUntil(ui.rankCombo.hasFocus)
    assert ws.staff.list() == []


def test_long_positions_and_ranks_are_cut_in_the_table_but_whole_in_their_tooltip(qtbot, ws):
    ws.staff.add("Rina Marlina", None, "Kepala Bidang Diseminasi Informasi dan Komunikasi Publik", "kabid",
                 rank="Pembina (IV/a)")
    dialog = _dialog(qtbot, ws)
    model = dialog.ui.staffTable.model()
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == "Kepala Bidang Diseminasi Informasi dan Komunikasi Publik"
    assert model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole) == "Pembina (IV/a)"
    table = dialog.ui.staffTable
    assert table.horizontalScrollBar().maximum() == 0  # every column in view: none pushed off to the right


def test_what_is_typed_is_stored_and_the_ranks_are_only_suggested(qtbot, ws):
    dialog = _dialog(qtbot, ws)
    ui = dialog.ui
    qtbot.keyClicks(ui.nameEdit, "Agus Salim")
    ui.laneCombo.setCurrentIndex(ui.laneCombo.findData("tim"))
    ui.rankCombo.setFocus()
    qtbot.keyClicks(ui.rankCombo, "Penata")  # not completed in place to "Penata Muda (III/a)"
    assert ui.rankCombo.currentText() == "Penata"
    _save(qtbot, dialog)
    assert ws.staff.list()[0].rank == "Penata"
    completer = ui.rankCombo.completer()
    completer.setCompletionPrefix("iii/b")  # anywhere in the text, any case
    found = completer.completionModel()
    assert [found.index(i, 0).data() for i in range(found.rowCount())] == [
        "Penata Muda Tingkat I (III/b)"]


def test_by_keyboard_enter_first_closes_the_suggestions_then_saves(qtbot, ws):
    dialog = _dialog(qtbot, ws)
    ui = dialog.ui
    dialog.activateWindow()
    qtbot.keyClicks(ui.nameEdit, "Agus Salim")
    ui.laneCombo.setCurrentIndex(ui.laneCombo.findData("tim"))
    ui.rankCombo.setFocus()
    qtbot.keyClicks(ui.rankCombo, "Penata")
    popup = ui.rankCombo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # the open list takes the first Enter
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert ws.staff.list() == []
    qtbot.keyClick(ui.rankCombo, Qt.Key.Key_Return)  # the dialog's default button: Simpan
    assert [(s.name, s.rank) for s in ws.staff.list()] == [("Agus Salim", "Penata")]


def test_a_rename_from_the_window_is_audited_with_the_signed_in_person(qtbot, ws, staff, make_window, modals):
    """Staff → Direktori Petugas opened by the person signed in to the window ("Masuk sebagai"):
    renaming another entry there writes the staff_rename audit entry in their name
    (services/history.py); after Ganti Pengguna a person who is not an administrator only reads it."""
    from switch_person import switch_person

    from wawaran_desktop.db.models import AuditEntry
    from wawaran_desktop.services.history import HistoryService

    sub, tim = staff
    window = make_window(ws, actor_id=sub.id)
    assert window.ui.accountLabel.text() == "Siti Rahmawati (Sub Kor DIMC, administrator)"
    assert window.current_actor() == sub.id

    def rename(person_id, old, new):
        def handler(dialog) -> None:
            assert isinstance(dialog, StaffDialog)
            ui = dialog.ui
            ui.staffTable.selectRow(dialog.model.row_of(person_id))
            assert ui.nameEdit.text() == old
            ui.nameEdit.clear()
            qtbot.keyClicks(ui.nameEdit, new)
            _save(qtbot, dialog)
            assert ui.errorLabel.isHidden()
            dialog.reject()
        return handler

    modals.then(rename(tim.id, "Budi Santoso", "Budi Santoso Wibowo"))
    window.ui.actionStaffDirectory.trigger()
    assert modals.pending == 0 and not modals.errors
    assert ws.staff.get(tim.id).name == "Budi Santoso Wibowo"
    entry = AuditEntry.get(AuditEntry.action == "staff_rename")
    assert (entry.actor_id, entry.actor_name, entry.actor_lane) == (sub.id, "Siti Rahmawati", "subkor")
    assert entry.detail == f"petugas {tim.id}: Budi Santoso -> Budi Santoso Wibowo"

    switch_person(window, modals, tim.id)  # Berkas → Ganti Pengguna: Budi at the same PC
    assert window.ui.accountLabel.text() == "Budi Santoso Wibowo (Tim)"

    def read_only(dialog) -> None:  # the directory is the administrators': Budi reads it
        ui = dialog.ui
        assert dialog.model.rowCount() == 2
        assert not any(w.isEnabled() for w in (ui.editBox, ui.newButton, ui.saveButton, ui.importButton))
        assert "hanya baca" in ui.editBox.title() and "administrator" in ui.saveButton.toolTip()
        dialog.reject()

    modals.then(read_only)
    window.ui.actionStaffDirectory.trigger()
    assert modals.pending == 0 and not modals.errors
    assert AuditEntry.select().where(AuditEntry.action == "staff_rename").count() == 1
    assert HistoryService(ws).verify().whole


def test_a_new_person_starts_with_no_lane_and_must_be_given_one(qtbot, ws):
    """Issue 15: *Peran* carried over from the previous person (almost a second Kepala Bidang)."""
    dialog = _dialog(qtbot, ws)
    ui = dialog.ui
    assert ui.laneCombo.currentIndex() == -1 and ui.laneCombo.placeholderText() == "— pilih peran —"
    qtbot.keyClicks(ui.nameEdit, "Drs. Heru Prasetyo")
    ui.laneCombo.setCurrentIndex(ui.laneCombo.findData("kabid"))
    _save(qtbot, dialog)
    qtbot.mouseClick(ui.newButton, Qt.MouseButton.LeftButton)
    assert ui.laneCombo.currentIndex() == -1 and ui.laneCombo.currentData() is None  # not the Kepala Bidang again
    qtbot.keyClicks(ui.nameEdit, "Dewi Lestari")
    _save(qtbot, dialog)
    assert ui.errorLabel.text() == "Pilih peran (pelaksana) petugas." and ui.errorLabel.isVisible()
    assert [s.name for s in ws.staff.list()] == ["Drs. Heru Prasetyo"]
    ui.laneCombo.setCurrentIndex(ui.laneCombo.findData("tim"))  # corrected: the message goes at once
    assert ui.errorLabel.isHidden() and ui.errorLabel.text() == ""
    _save(qtbot, dialog)
    assert {s.name: s.lane for s in ws.staff.list()} == {"Drs. Heru Prasetyo": "kabid", "Dewi Lestari": "tim"}
    ui.staffTable.selectRow(dialog.model.row_of(ws.staff.list()[1].id))
    assert ui.laneCombo.currentData() in {"kabid", "tim"} and ui.laneCombo.currentIndex() >= 0


def _geometries(ui):
    widgets = (ui.nameEdit, ui.nipEdit, ui.positionEdit, ui.rankCombo, ui.laneCombo, ui.activeCheck,
               ui.newButton, ui.saveButton)
    return [w.mapTo(ui.editBox.window(), w.rect().topLeft()) for w in widgets] + [w.size() for w in widgets]


def test_a_message_moves_no_field_and_goes_when_the_name_is_typed(qtbot, ws):
    """Issue 15: the message stayed after the name was typed, and moved the fields a line."""
    dialog = _dialog(qtbot, ws)
    ui = dialog.ui
    ui.laneCombo.setCurrentIndex(ui.laneCombo.findData("tim"))
    qtbot.waitExposed(dialog)
    before = _geometries(ui)
    _save(qtbot, dialog)  # no name
    assert ui.errorLabel.isVisible() and ui.errorLabel.text() == "Nama petugas wajib diisi."
    qtbot.wait(10)
    assert _geometries(ui) == before
    qtbot.keyClicks(ui.nameEdit, "A")  # valid now: the message goes at the first letter
    assert ui.errorLabel.isHidden()
    qtbot.wait(10)
    assert _geometries(ui) == before
    ui.nameEdit.clear()  # (an edit that stays wrong keeps it: tested through the NIP)
    qtbot.keyClicks(ui.nameEdit, "Agus Salim")
    qtbot.keyClicks(ui.nipEdit, "1985")
    _save(qtbot, dialog)
    assert ui.errorLabel.text().startswith("NIP harus 18 digit")
    qtbot.keyClicks(ui.nipEdit, "0312 201001 2")
    assert ui.errorLabel.isVisible()  # still not a NIP
    qtbot.keyClicks(ui.nipEdit, " 004")
    assert ui.errorLabel.isHidden()
    assert ws.staff.list() == []  # re-checking stores nothing


def test_the_first_click_on_simpan_saves_while_the_rank_suggestions_are_open(qtbot, ws):
    """Issue 15: the open completer list ate the first click on *Simpan*."""
    dialog = _dialog(qtbot, ws)
    ui = dialog.ui
    dialog.activateWindow()
    qtbot.keyClicks(ui.nameEdit, "Agus Salim")
    ui.laneCombo.setCurrentIndex(ui.laneCombo.findData("tim"))
    ui.rankCombo.setFocus()
    qtbot.keyClicks(ui.rankCombo, "Penata")
    popup = ui.rankCombo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    # One click, through the window system as a real one comes: Qt gives it to the open list.
    where = ui.saveButton.mapTo(dialog, ui.saveButton.rect().center())
    QTest.mouseClick(dialog.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    qtbot.waitUntil(lambda: bool(ws.staff.list()))
    assert not popup.isVisible()
    assert [(s.name, s.rank) for s in ws.staff.list()] == [("Agus Salim", "Penata")]
