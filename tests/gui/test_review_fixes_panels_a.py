"""Review fixes on stages 2, 4 and 6 (route editor, narration, readiness): what a person has
typed stays on screen through a choice stored meanwhile, a live refresh of the campaign and a
cancellation on another PC. The other PC is the real service writing to the same database
with the version it read, as another process would; ``window.reload_changed`` is the live
refresh (views/live_updates.py)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from wawaran_desktop.services.stages import briefing, narration
from wawaran_desktop.services.stages.readiness import Service as ReadinessService
from wawaran_desktop.views.stages.readiness import COL_NOTE

SUKASARI = "36.71.01.1007"
NOTE_KEY = "vehicle_sound"


def new_campaign(ws, staff) -> int:
    return ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD", "3M Plus").id


def active(qtbot, window):
    window.activateWindow()  # typing reaches a field only in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


# -- stage 6: readiness ----------------------------------------------------------------------
def readiness_panel(qtbot, window):
    active(qtbot, window)
    window.ui.stageTabs.setCurrentIndex(5)
    return window.stages.stage(6).panel


def other_tickable(panel):
    """An item the checker ticks, other than the one whose note the tests type."""
    return next(item.key for item in panel.record.items if not item.computed and item.key != NOTE_KEY)


def note_conflict(qtbot, ws, staff, make_window):
    """The other PC stored a note; the one typed here was refused: the bar waits."""
    cid = new_campaign(ws, staff)
    window = make_window(ws)
    panel = readiness_panel(qtbot, window)
    service = ReadinessService(ws)
    service.set_note(staff[1].id, cid, NOTE_KEY, "Mikrofon cadangan", version=0)
    panel._rows[NOTE_KEY].setText(COL_NOTE, "Kabel cadangan")  # the note editor committed: refused
    assert panel.in_conflict and panel._rows[NOTE_KEY].text(COL_NOTE) == "Kabel cadangan"
    return window, panel, cid, service


def test_a_tick_while_a_note_conflict_waits_keeps_the_note_and_mine_is_stored(qtbot, ws, staff, make_window):
    _window, panel, cid, service = note_conflict(qtbot, ws, staff, make_window)
    key = other_tickable(panel)
    panel._rows[key].setCheckState(0, Qt.CheckState.Checked)  # stored at once
    assert service.get(cid).item(key).done
    assert panel.in_conflict and panel._rows[NOTE_KEY].text(COL_NOTE) == "Kabel cadangan"
    assert not panel.flush()
    qtbot.mouseClick(panel.conflict_bar.mine_button, Qt.MouseButton.LeftButton)
    assert not panel.in_conflict and service.get(cid).item(NOTE_KEY).note == "Kabel cadangan"
    assert service.get(cid).item(key).done and panel.flush()


def test_a_tick_of_the_same_item_while_its_note_conflict_waits_keeps_the_note(qtbot, ws, staff, make_window):
    """The tick moves the item's row on: keeping mine afterwards stores over it, no second bar."""
    _window, panel, cid, service = note_conflict(qtbot, ws, staff, make_window)
    panel._rows[NOTE_KEY].setCheckState(0, Qt.CheckState.Checked)
    assert service.get(cid).item(NOTE_KEY).done and panel._rows[NOTE_KEY].text(COL_NOTE) == "Kabel cadangan"
    qtbot.mouseClick(panel.conflict_bar.mine_button, Qt.MouseButton.LeftButton)
    assert not panel.in_conflict
    stored = service.get(cid).item(NOTE_KEY)
    assert (stored.note, stored.done) == ("Kabel cadangan", True) and panel.flush()


def test_a_tick_refused_while_a_note_conflict_waits_keeps_the_note(qtbot, ws, staff, make_window):
    _window, panel, cid, service = note_conflict(qtbot, ws, staff, make_window)
    ws.campaigns.cancel(staff[0].id, cid, "Kegiatan ditunda")  # the Sub Kor, on the other PC, not refreshed here yet
    key = other_tickable(panel)
    panel._rows[key].setCheckState(0, Qt.CheckState.Checked)  # refused: the campaign is cancelled
    assert panel.ui.errorLabel.isVisible() and not service.get(cid).item(key).done
    assert panel._rows[key].checkState(0) == Qt.CheckState.Unchecked  # the choice goes back
    assert panel.in_conflict and panel._rows[NOTE_KEY].text(COL_NOTE) == "Kabel cadangan"  # the typing stays
    qtbot.mouseClick(panel.conflict_bar.theirs_button, Qt.MouseButton.LeftButton)
    assert panel._rows[NOTE_KEY].text(COL_NOTE) == "Mikrofon cadangan" and panel.flush()


def test_a_driver_chosen_while_a_flyers_conflict_waits_keeps_the_count_and_mine_is_stored(qtbot, ws, staff,
                                                                                         make_window):
    cid = new_campaign(ws, staff)
    window = make_window(ws)
    panel = readiness_panel(qtbot, window)
    service = ReadinessService(ws)
    service.set_flyers(staff[1].id, cid, 300, version=service.get(cid).version)
    panel.ui.flyersSpin.setFocus()
    panel.ui.flyersSpin.lineEdit().selectAll()
    qtbot.keyClicks(panel.ui.flyersSpin, "250")
    qtbot.keyClick(panel.ui.flyersSpin, Qt.Key.Key_Tab)  # stored on leaving the field: refused
    assert panel.in_conflict and panel.ui.flyersSpin.value() == 250
    combo = panel.ui.driverCombo
    combo.setCurrentIndex(combo.findData(staff[1].id))
    combo.activated.emit(combo.currentIndex())
    assert service.get(cid).driver.id == staff[1].id
    assert panel.in_conflict and panel.ui.flyersSpin.value() == 250 and not panel.flush()
    qtbot.mouseClick(panel.conflict_bar.mine_button, Qt.MouseButton.LeftButton)
    assert not panel.in_conflict  # stored over theirs and over the driver chosen here meanwhile
    stored = service.get(cid)
    assert (stored.flyers_count, stored.driver.id) == (250, staff[1].id) and panel.flush()


def test_a_driver_chosen_while_a_flyers_conflict_waits_then_theirs_taken(qtbot, ws, staff, make_window):
    cid = new_campaign(ws, staff)
    window = make_window(ws)
    panel = readiness_panel(qtbot, window)
    service = ReadinessService(ws)
    service.set_flyers(staff[1].id, cid, 300, version=0)
    panel.ui.flyersSpin.setValue(250)  # refused
    assert panel.in_conflict
    combo = panel.ui.announcerCombo
    combo.setCurrentIndex(combo.findData(staff[1].id))
    combo.activated.emit(combo.currentIndex())
    assert panel.ui.flyersSpin.value() == 250 and service.get(cid).announcer.id == staff[1].id
    qtbot.mouseClick(panel.conflict_bar.theirs_button, Qt.MouseButton.LeftButton)
    assert not panel.in_conflict and panel.ui.flyersSpin.value() == 300
    assert panel.ui.announcerCombo.currentData() == staff[1].id and panel.flush()
    assert service.get(cid).flyers_count == 300


def open_note_editor(qtbot, panel, key) -> QLineEdit:
    tree = panel.ui.checklistTree
    row = panel._rows[key]
    tree.setCurrentItem(row, COL_NOTE)
    tree.editItem(row, COL_NOTE)
    editors = [e for e in tree.viewport().findChildren(QLineEdit) if not e.isHidden()]
    assert len(editors) == 1
    editor = editors[0]
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    return editor


def editor_closed(editor) -> bool:
    """The note's cell editor was closed: hidden, or already deleted (the view deletes it later;
    a relayout meanwhile, e.g. the Tugas Saya dock appearing, may do so at once)."""
    return not shiboken6.isValid(editor) or editor.isHidden()


def test_a_note_being_typed_stays_through_a_live_refresh_and_is_stored(qtbot, ws, staff, make_window):
    cid = new_campaign(ws, staff)
    window = make_window(ws)
    panel = readiness_panel(qtbot, window)
    service = ReadinessService(ws)
    editor = open_note_editor(qtbot, panel, NOTE_KEY)
    qtbot.keyClicks(editor, "Kabel cad")
    service.set_flyers(staff[1].id, cid, 300, version=0)  # the other PC changes something else
    window.reload_changed(frozenset({cid}))
    assert panel.ui.flyersSpin.value() == 300
    assert editor.text() == "Kabel cad" and editor.cursorPosition() == len("Kabel cad")
    qtbot.keyClicks(editor, "angan")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: editor_closed(editor))
    assert service.get(cid).item(NOTE_KEY).note == "Kabel cadangan" and not panel.in_conflict
    assert panel.flush()


def test_a_note_being_typed_while_another_pc_stores_one_meets_the_conflict(qtbot, ws, staff, make_window):
    cid = new_campaign(ws, staff)
    window = make_window(ws)
    panel = readiness_panel(qtbot, window)
    service = ReadinessService(ws)
    editor = open_note_editor(qtbot, panel, NOTE_KEY)
    qtbot.keyClicks(editor, "Kabel cad")
    service.set_note(staff[1].id, cid, NOTE_KEY, "Mikrofon cadangan", version=0)
    window.reload_changed(frozenset({cid}))
    assert editor.text() == "Kabel cad" and not panel.in_conflict  # not stored, not overwritten
    qtbot.keyClicks(editor, "angan")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # stored over the version it was typed on: refused
    qtbot.waitUntil(lambda: editor_closed(editor))
    assert panel.in_conflict and "diubah di komputer lain" in panel.conflict_bar.label.text()
    assert panel._rows[NOTE_KEY].text(COL_NOTE) == "Kabel cadangan"
    assert service.get(cid).item(NOTE_KEY).note == "Mikrofon cadangan" and not panel.flush()
    qtbot.mouseClick(panel.conflict_bar.mine_button, Qt.MouseButton.LeftButton)
    assert service.get(cid).item(NOTE_KEY).note == "Kabel cadangan" and panel.flush()


# -- stage 2: the route editor ---------------------------------------------------------------
def route_editor(qtbot, ws, staff, make_window):
    cid = new_campaign(ws, staff)
    stop = briefing.Service(ws).add_location(staff[0].id, cid, SUKASARI, "Alun-alun", "09:00")
    window = make_window(ws)
    active(qtbot, window)
    window.ui.stageTabs.setCurrentIndex(1)
    panel = window.stages.stage(2).panel
    panel.ui.sectionTabs.setCurrentIndex(1)
    panel.ui.locationsTable.selectRow(0)
    address = panel.ui.addressEdit
    assert address.text() == "Alun-alun"
    address.setFocus()
    qtbot.waitUntil(address.hasFocus)
    address.end(False)
    qtbot.keyClicks(address, " Jl. Merdeka")  # the field is not left
    return window, panel, cid, stop


def test_an_address_being_typed_stays_through_a_live_refresh_and_is_stored(qtbot, ws, staff, make_window):
    window, panel, cid, _stop = route_editor(qtbot, ws, staff, make_window)
    briefing.Service(ws).set_attendee(staff[1].id, cid, staff[1].id, True)  # the other PC ticks an attendee
    window.reload_changed(frozenset({cid}))
    assert panel.ui.addressEdit.text() == "Alun-alun Jl. Merdeka"
    assert panel.ui.addressEdit.cursorPosition() == len("Alun-alun Jl. Merdeka")
    panel.ui.addressEdit.editingFinished.emit()  # the field is left
    assert briefing.Service(ws).locations(cid)[0].address == "Alun-alun Jl. Merdeka"
    assert not panel.in_conflict and panel.flush()


def test_an_address_being_typed_while_another_pc_changes_the_stop_meets_the_conflict(qtbot, ws, staff,
                                                                                   make_window):
    window, panel, cid, stop = route_editor(qtbot, ws, staff, make_window)
    briefing.Service(ws).update_location(staff[1].id, cid, stop.id, SUKASARI, "Pos RW 01", "09:00",
                                         version=stop.version)
    window.reload_changed(frozenset({cid}))
    assert panel.ui.addressEdit.text() == "Alun-alun Jl. Merdeka" and not panel.in_conflict
    assert panel.model.record(0).address == "Pos RW 01"  # the table shows theirs
    panel.ui.addressEdit.editingFinished.emit()
    assert panel.in_conflict and staff[1].name in panel.conflict_bar.label.text()
    assert briefing.Service(ws).locations(cid)[0].address == "Pos RW 01"
    qtbot.mouseClick(panel.conflict_bar.mine_button, Qt.MouseButton.LeftButton)
    assert briefing.Service(ws).locations(cid)[0].address == "Alun-alun Jl. Merdeka"
    assert not panel.in_conflict and panel.flush()


def test_an_address_being_typed_while_another_pc_removes_the_stop_is_kept_until_theirs_is_taken(
        qtbot, ws, staff, make_window):
    window, panel, cid, stop = route_editor(qtbot, ws, staff, make_window)
    briefing.Service(ws).remove_location(staff[1].id, cid, stop.id, version=stop.version)
    window.reload_changed(frozenset({cid}))
    assert panel.model.rowCount() == 0
    assert panel.ui.addressEdit.text() == "Alun-alun Jl. Merdeka"
    panel.ui.addressEdit.editingFinished.emit()
    assert panel.in_conflict and "telah dihapus di komputer lain" in panel.conflict_bar.label.text()
    qtbot.mouseClick(panel.conflict_bar.theirs_button, Qt.MouseButton.LeftButton)
    assert not panel.in_conflict and panel.ui.addressEdit.text() == ""  # a new stop, afresh
    assert panel.ui.addButton.isEnabled() and briefing.Service(ws).locations(cid) == []
    assert panel.flush()


def test_typing_undone_after_a_refresh_shows_the_stop_as_stored_now(qtbot, ws, staff, make_window):
    window, panel, cid, stop = route_editor(qtbot, ws, staff, make_window)
    briefing.Service(ws).update_location(staff[1].id, cid, stop.id, SUKASARI, "Pos RW 01", "09:00",
                                         version=stop.version)
    window.reload_changed(frozenset({cid}))
    assert panel.ui.addressEdit.text() == "Alun-alun Jl. Merdeka"
    panel.ui.addressEdit.setText("Alun-alun")  # back to what the editor showed: nothing to store
    panel.ui.addressEdit.editingFinished.emit()
    assert not panel.in_conflict and panel.ui.addressEdit.text() == "Pos RW 01"
    assert briefing.Service(ws).locations(cid)[0].address == "Pos RW 01" and panel.flush()


def test_choosing_another_stop_still_shows_that_stop(qtbot, ws, staff, make_window):
    window, panel, cid, _stop = route_editor(qtbot, ws, staff, make_window)
    second = briefing.Service(ws).add_location(staff[0].id, cid, SUKASARI, "Pos RW 02", "10:00")
    window.reload_changed(frozenset({cid}))
    assert panel.ui.addressEdit.text() == "Alun-alun Jl. Merdeka"
    panel.ui.locationsTable.setFocus()  # leaving the field stores it
    panel.ui.locationsTable.selectRow(1)
    assert panel.ui.addressEdit.text() == "Pos RW 02" and panel._editing.id == second.id
    assert briefing.Service(ws).locations(cid)[0].address == "Alun-alun Jl. Merdeka"


# -- stage 4: narration ----------------------------------------------------------------------
def test_narration_typed_when_another_pc_cancels_stays_read_only(qtbot, ws, staff, make_window):
    cid = new_campaign(ws, staff)
    tim = staff[1].id  # the narration is the Tim's
    narration.Service(ws).save(tim, cid, "Narasi awal.")
    window = make_window(ws, tim)
    active(qtbot, window)
    window.ui.stageTabs.setCurrentIndex(3)
    panel = window.stages.stage(4).panel
    editor = panel.ui.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Kalimat saya.")
    ws.campaigns.cancel(staff[0].id, cid, "Kegiatan ditunda")  # the Sub Kor, on the other PC
    window.reload_changed(frozenset({cid}))
    assert window.ui.cancelBanner.isVisible()
    assert editor.isReadOnly() and editor.toPlainText() == "Narasi awal. Kalimat saya."
    assert panel.ui.errorLabel.isVisible() and "dibatalkan" in panel.ui.errorLabel.text()
    assert narration.Service(ws).latest_text(cid) == "Narasi awal."
    assert panel.flush()  # nothing can be stored on a cancelled campaign: closing does not ask
    window.reload_changed(frozenset({cid}))  # a second refresh keeps it too
    assert editor.toPlainText() == "Narasi awal. Kalimat saya."
