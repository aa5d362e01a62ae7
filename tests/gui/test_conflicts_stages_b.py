"""Two people, one record, on stages 5, 6, 7 and 9 (disposition, readiness, route stops,
evaluation): a save based on an older version is refused, what the person entered stays on
screen, marked, and they choose (views/conflict_bar.py). The other PC is the real service
writing to the same database with the version it read, as another process would. Both people are
of the stage's lanes (services/lanes.py), this PC's signed in to the window: evaluation, Siti
(Sub Kor) here and the Kepala Bidang there; disposition, Siti and Rina (both Sub Kor); readiness,
Budi (Tim) here and Joko (Kernet/Supir) there; the route, Joko here and Budi there."""

from __future__ import annotations

from crew import member
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from wawaran_desktop.db.stage_models import Disposition, Evaluation, Location, RouteStop
from wawaran_desktop.services.stages.disposition import Service as DispositionService
from wawaran_desktop.services.stages.dissemination import Service as DisseminationService
from wawaran_desktop.services.stages.evaluation import Service as EvaluationService
from wawaran_desktop.services.stages.readiness import Service as ReadinessService
from wawaran_desktop.views.conflict_bar import CompareDialog


def new_campaign(ws, staff) -> int:
    return ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD", "3M Plus").id


def second_sub_kor(ws):
    """Another Sub Kor (the staff fixture's Siti is the first): the disposition is the Sub Kor's alone."""
    return ws.staff.add("Rina Wulandari", None, "Analis Kebijakan", "subkor")


def choose(qtbot, combo, steps):
    combo.setFocus()
    for _ in range(steps):
        qtbot.keyClick(combo, Qt.Key.Key_Down)


# -- stage 9: evaluation ---------------------------------------------------------------------
def evaluation_panel(window):
    window.ui.stageTabs.setCurrentIndex(8)
    return window.stages.stage(9).panel


def other_pc_evaluates(ws, person, cid, **changes):
    service = EvaluationService(ws)
    service.update(person.id, cid, **changes, version=service.get(cid).version)


def test_evaluation_notes_typed_meanwhile_are_kept_and_mine_stored_over_theirs(qtbot, ws, staff, make_window,
                                                                                 modals):
    cid = new_campaign(ws, staff)
    kabid = member(ws, "kabid")  # the evaluation is the Kepala Bidang's and the Sub Kor's
    EvaluationService(ws).update(staff[0].id, cid, notes="Awal.")
    window = make_window(ws, staff[0].id)
    panel = evaluation_panel(window)
    panel.ui.notesEdit.setFocus()
    panel.ui.notesEdit.moveCursor(panel.ui.notesEdit.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.ui.notesEdit, " Pasar ramai.")
    other_pc_evaluates(ws, kabid, cid, notes="Awal. Catatan Kabid.", score_reach=4)
    assert not panel.flush()

    assert panel.in_conflict and kabid.name in panel.conflict_bar.label.text()
    assert panel.ui.notesEdit.toPlainText() == "Awal. Pasar ramai."
    assert panel.ui.notesEdit.property("conflict") is True
    assert panel.ui.reachCombo.property("conflict") is not True  # not edited here
    assert Evaluation.get(Evaluation.campaign == cid).notes == "Awal. Catatan Kabid."
    panel.load(panel.campaign)  # a live refresh of the same campaign: the typing stays, still marked
    assert panel.in_conflict and panel.ui.notesEdit.toPlainText() == "Awal. Pasar ramai."

    def keep_mine(dialog):
        assert isinstance(dialog, CompareDialog)
        mine, theirs = dialog.panes["Catatan evaluasi"]
        assert (mine.toPlainText(), theirs.toPlainText()) == ("Awal. Pasar ramai.", "Awal. Catatan Kabid.")
        assert [p.toPlainText() for p in dialog.panes["Jangkauan"]] == ["4 – Baik", "4 – Baik"]
        dialog.done(CompareDialog.MINE)

    modals.then(keep_mine)
    qtbot.mouseClick(panel.conflict_bar.compare_button, Qt.MouseButton.LeftButton)
    assert modals.pending == 0 and not panel.in_conflict
    row = Evaluation.get(Evaluation.campaign == cid)
    assert (row.notes, row.score_reach) == ("Awal. Pasar ramai.", 4)  # theirs stays where I did not edit
    assert panel.flush()


def test_an_evaluation_score_chosen_meanwhile_is_kept_until_theirs_is_taken(qtbot, ws, staff, make_window):
    cid = new_campaign(ws, staff)
    kabid = member(ws, "kabid")
    EvaluationService(ws).update(staff[0].id, cid, score_timeliness=3)
    window = make_window(ws, staff[0].id)
    panel = evaluation_panel(window)
    other_pc_evaluates(ws, kabid, cid, score_timeliness=5)
    choose(qtbot, panel.ui.timelinessCombo, 1)  # 3 -> 4, stored at once: refused
    assert panel.in_conflict and panel.ui.timelinessCombo.currentData() == 4
    assert panel.ui.timelinessCombo.property("conflict") is True
    assert Evaluation.get(Evaluation.campaign == cid).score_timeliness == 5
    assert not panel.flush()
    qtbot.mouseClick(panel.conflict_bar.theirs_button, Qt.MouseButton.LeftButton)
    assert not panel.in_conflict and panel.ui.timelinessCombo.currentData() == 5
    assert panel.flush()


# -- stage 5: disposition --------------------------------------------------------------------
def disposition_panel(window):
    window.ui.stageTabs.setCurrentIndex(4)
    return window.stages.stage(5).panel


def other_pc_disposes(ws, person, cid, **changes):
    service = DispositionService(ws)
    read = service.get(cid)
    service.save(person.id, cid, read.draft()._replace(**changes), version=read.version)


def stored_disposition(cid):
    row = Disposition.get(Disposition.campaign == cid)
    return row.hal, row.catatan, row.sifat


def test_a_disposition_field_left_after_another_pc_saved_is_kept_and_mine_stored_over_theirs(
        qtbot, ws, staff, make_window, modals):
    cid = new_campaign(ws, staff)
    rina = second_sub_kor(ws)
    window = make_window(ws, staff[0].id)
    panel = disposition_panel(window)
    other_pc_disposes(ws, rina, cid, hal="Hal dari Rina")  # the first save, with the agenda number
    agenda = Disposition.get(Disposition.campaign == cid).agenda_number
    panel.ui.catatanEdit.setPlainText("Catatan saya")
    assert not panel.flush()

    assert panel.in_conflict and rina.name in panel.conflict_bar.label.text()
    assert panel.ui.catatanEdit.toPlainText() == "Catatan saya"
    assert panel.ui.catatanEdit.property("conflict") is True and panel.ui.halEdit.property("conflict") is not True
    assert stored_disposition(cid) == ("Hal dari Rina", "", "Biasa")
    panel.load(panel.campaign)  # a live refresh: the form stays as I left it
    assert panel.in_conflict and panel.ui.catatanEdit.toPlainText() == "Catatan saya"

    def keep_mine(dialog):
        assert isinstance(dialog, CompareDialog)
        assert [p.toPlainText() for p in dialog.panes["Catatan"]] == ["Catatan saya", ""]
        assert [p.toPlainText() for p in dialog.panes["Hal"]] == ["Hal dari Rina", "Hal dari Rina"]
        dialog.done(CompareDialog.MINE)

    modals.then(keep_mine)
    qtbot.mouseClick(panel.conflict_bar.compare_button, Qt.MouseButton.LeftButton)
    assert modals.pending == 0 and not panel.in_conflict
    assert stored_disposition(cid) == ("Hal dari Rina", "Catatan saya", "Biasa")
    assert Disposition.get(Disposition.campaign == cid).agenda_number == agenda
    assert panel.ui.halEdit.text() == "Hal dari Rina" and panel.ui.catatanEdit.property("conflict") is False
    assert panel.flush()


def test_a_disposition_typed_during_a_live_refresh_is_kept_and_theirs_can_be_taken(qtbot, ws, staff, make_window):
    cid = new_campaign(ws, staff)
    rina = second_sub_kor(ws)
    DispositionService(ws).save(staff[0].id, cid, DispositionService(ws).get(cid).draft())
    window = make_window(ws, staff[0].id)
    panel = disposition_panel(window)
    panel.ui.halEdit.setText("Hal saya")  # typed, not left yet
    other_pc_disposes(ws, rina, cid, hal="Hal Rina", catatan="Catatan Rina")
    panel.load(panel.campaign)  # the live refresh stores what is typed: refused
    assert panel.in_conflict and panel.ui.halEdit.text() == "Hal saya"
    assert panel.ui.halEdit.property("conflict") is True
    assert panel.ui.catatanEdit.toPlainText() == "Catatan Rina"  # what I did not touch shows theirs
    assert stored_disposition(cid)[:2] == ("Hal Rina", "Catatan Rina")
    choose(qtbot, panel.ui.sifatCombo, 1)  # a choice meanwhile waits for the person's choice too
    qtbot.mouseClick(panel.conflict_bar.theirs_button, Qt.MouseButton.LeftButton)
    assert not panel.in_conflict and panel.ui.halEdit.text() == "Hal Rina"
    assert panel.ui.sifatCombo.currentText() == "Biasa" and panel.flush()
    assert stored_disposition(cid) == ("Hal Rina", "Catatan Rina", "Biasa")


# -- stage 6: readiness ----------------------------------------------------------------------
def readiness_people(ws, staff):
    """This PC's Budi (Tim) and the other PC's Joko (Kernet/Supir): readiness is theirs."""
    return staff[1], member(ws, "kernet")


def readiness_panel(qtbot, window):
    window.activateWindow()  # typing reaches a field only in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.ui.stageTabs.setCurrentIndex(5)
    return window.stages.stage(6).panel


def test_a_flyers_count_typed_after_another_pc_saved_is_kept_and_mine_can_be_kept(qtbot, ws, staff, make_window,
                                                                                    modals):
    cid = new_campaign(ws, staff)
    budi, joko = readiness_people(ws, staff)
    window = make_window(ws, budi.id)
    panel = readiness_panel(qtbot, window)
    service = ReadinessService(ws)
    service.set_flyers(joko.id, cid, 300, version=service.get(cid).version)
    panel.ui.flyersSpin.setFocus()
    panel.ui.flyersSpin.lineEdit().selectAll()
    qtbot.keyClicks(panel.ui.flyersSpin, "250")
    qtbot.keyClick(panel.ui.flyersSpin, Qt.Key.Key_Tab)  # stored on leaving the field: refused
    assert panel.in_conflict and joko.name in panel.conflict_bar.label.text()
    assert panel.ui.flyersSpin.value() == 250 and panel.ui.flyersSpin.property("conflict") is True
    assert service.get(cid).flyers_count == 300 and not panel.flush()
    panel.load(panel.campaign)  # a live refresh keeps it
    assert panel.in_conflict and panel.ui.flyersSpin.value() == 250

    def keep_mine(dialog):
        assert [p.toPlainText() for p in dialog.panes["Jumlah flyers"]] == ["250", "300"]
        dialog.done(CompareDialog.MINE)

    modals.then(keep_mine)
    qtbot.mouseClick(panel.conflict_bar.compare_button, Qt.MouseButton.LeftButton)
    assert modals.pending == 0 and not panel.in_conflict
    assert service.get(cid).flyers_count == 250 and panel.flush()


def test_a_readiness_note_typed_after_another_pc_saved_is_kept_until_theirs_is_taken(qtbot, ws, staff, make_window):
    cid = new_campaign(ws, staff)
    budi, joko = readiness_people(ws, staff)
    window = make_window(ws, budi.id)
    panel = readiness_panel(qtbot, window)
    service = ReadinessService(ws)
    service.set_note(joko.id, cid, "vehicle_sound", "Mikrofon cadangan", version=0)
    panel._rows["vehicle_sound"].setText(2, "Kabel cadangan")  # the note editor committed
    assert panel.in_conflict and panel.ui.checklistTree.property("conflict") is True
    assert panel._rows["vehicle_sound"].text(2) == "Kabel cadangan"
    assert service.get(cid).item("vehicle_sound").note == "Mikrofon cadangan"
    assert not panel.flush()
    qtbot.mouseClick(panel.conflict_bar.theirs_button, Qt.MouseButton.LeftButton)
    assert not panel.in_conflict and panel._rows["vehicle_sound"].text(2) == "Mikrofon cadangan"
    assert panel.flush()


def test_a_crew_choice_after_another_pc_saved_shows_theirs_and_says_so(qtbot, ws, staff, make_window):
    cid = new_campaign(ws, staff)
    budi, joko = readiness_people(ws, staff)
    window = make_window(ws, budi.id)
    panel = readiness_panel(qtbot, window)
    service = ReadinessService(ws)
    service.set_flyers(joko.id, cid, 300, version=0)
    panel.ui.driverCombo.setCurrentIndex(panel.ui.driverCombo.findData(joko.id))
    panel.ui.driverCombo.activated.emit(panel.ui.driverCombo.currentIndex())
    assert not panel.in_conflict  # a choice: no bar, the message says what happened
    assert panel.ui.errorLabel.isVisible() and "diubah oleh Budi" not in panel.ui.errorLabel.text()
    assert joko.name in panel.ui.errorLabel.text() and "versi tersimpan" in panel.ui.errorLabel.text()
    assert panel.ui.driverCombo.currentData() is None and panel.ui.flyersSpin.value() == 300
    assert service.get(cid).driver is None and panel.flush()


# -- stage 7: route stops --------------------------------------------------------------------
def route_panel(ws, staff, make_window):
    """The route is the Kernet/Supir's and the Tim's: Joko drives with this PC, Budi (Tim) is the
    other PC."""
    cid = new_campaign(ws, staff)
    for position, code in enumerate(("36.71.01.1007", "36.71.01.1005"), 1):
        Location.create(campaign=cid, position=position, kelurahan_code=code, address=f"Pos {position}")
    joko = member(ws, "kernet")
    DisseminationService(ws).ensure_route(joko.id, cid)
    window = make_window(ws, joko.id)
    window.ui.stageTabs.setCurrentIndex(6)
    return cid, window.stages.stage(7).panel


def other_pc_records_at(ws, person, cid, stop_id, **changes):
    service = DisseminationService(ws)
    service.update_stop(person.id, cid, stop_id, **changes, version=service.route(cid).stop(stop_id).version)


def test_stop_notes_typed_after_another_pc_saved_are_kept_and_mine_stored_over_theirs(qtbot, ws, staff, make_window,
                                                                                        modals):
    cid, panel = route_panel(ws, staff, make_window)
    stop_id = panel.stop.id
    panel.ui.notesEdit.setPlainText("Pengeras suara mati")
    other_pc_records_at(ws, staff[1], cid, stop_id, notes="Warga antusias", flyers=40)  # Budi (Tim)
    assert not panel.flush()
    assert panel.in_conflict and panel.conflict_bar.isVisible()
    assert panel.ui.notesEdit.toPlainText() == "Pengeras suara mati"
    assert panel.ui.notesEdit.property("conflict") is True and panel.ui.flyersSpin.property("conflict") is not True
    panel.load(panel.campaign)  # a live refresh keeps the form
    assert panel.in_conflict and panel.ui.notesEdit.toPlainText() == "Pengeras suara mati"
    assert panel.model.record(0).flyers == 40  # the table shows what is stored

    def keep_mine(dialog):
        assert [p.toPlainText() for p in dialog.panes["Catatan"]] == ["Pengeras suara mati", "Warga antusias"]
        assert [p.toPlainText() for p in dialog.panes["Selebaran"]] == ["40", "40"]
        dialog.done(CompareDialog.MINE)

    modals.then(keep_mine)
    qtbot.mouseClick(panel.conflict_bar.compare_button, Qt.MouseButton.LeftButton)
    assert modals.pending == 0 and not panel.in_conflict
    row = RouteStop.get_by_id(stop_id)
    assert (row.notes, row.flyers) == ("Pengeras suara mati", 40)
    assert panel.ui.flyersSpin.value() == 40 and panel.flush()


def test_a_stop_removed_meanwhile_keeps_the_typing_until_theirs_is_taken(qtbot, ws, staff, make_window):
    cid, panel = route_panel(ws, staff, make_window)
    service = DisseminationService(ws)
    added = service.add_unplanned_stop(member(ws, "kernet").id, cid, "36.71.01.1001", "Simpang")
    panel.load(panel.campaign)
    panel.ui.stopsTable.selectRow(panel.model.row_of(added.id))
    assert panel.stop.id == added.id
    panel.ui.audienceSpin.setValue(25)
    service.remove_stop(staff[1].id, cid, added.id, version=added.version)
    assert not panel.flush()
    assert panel.in_conflict and "telah dihapus di komputer lain" in panel.conflict_bar.label.text()
    assert panel.ui.audienceSpin.value() == 25
    qtbot.mouseClick(panel.conflict_bar.theirs_button, Qt.MouseButton.LeftButton)
    assert not panel.in_conflict and panel.model.rowCount() == 2 and panel.flush()


def test_a_stamp_on_a_stop_changed_meanwhile_shows_the_stored_route_and_says_so(qtbot, ws, staff, make_window):
    cid, panel = route_panel(ws, staff, make_window)
    stop_id = panel.stop.id
    other_pc_records_at(ws, staff[1], cid, stop_id, notes="Dari PC lain")
    qtbot.mouseClick(panel.ui.arriveButton, Qt.MouseButton.LeftButton)
    assert not panel.in_conflict and panel.ui.errorLabel.isVisible()
    assert "Yang tampil kini versi tersimpan" in panel.ui.errorLabel.text()
    assert RouteStop.get_by_id(stop_id).arrived_at is None
    assert panel.ui.notesEdit.toPlainText() == "Dari PC lain"
    qtbot.mouseClick(panel.ui.arriveButton, Qt.MouseButton.LeftButton)  # now on what is stored
    assert RouteStop.get_by_id(stop_id).arrived_at is not None


def test_closing_the_window_with_a_disposition_conflict_asks_first(qtbot, ws, staff, make_window, modals):
    cid = new_campaign(ws, staff)
    rina = second_sub_kor(ws)
    window = make_window(ws, staff[0].id)
    panel = disposition_panel(window)
    other_pc_disposes(ws, rina, cid, catatan="Catatan Rina")
    panel.ui.catatanEdit.setPlainText("Catatan saya")
    assert not panel.flush()

    def stay(box):
        assert isinstance(box, QMessageBox) and "diubah di komputer lain" in box.text()
        box.done(QMessageBox.StandardButton.No)

    modals.then(stay)
    assert not window.close()
    assert modals.pending == 0 and window.isVisible()
    assert panel.ui.catatanEdit.toPlainText() == "Catatan saya" and stored_disposition(cid)[1] == "Catatan Rina"
    qtbot.mouseClick(panel.conflict_bar.mine_button, Qt.MouseButton.LeftButton)
    assert stored_disposition(cid)[1] == "Catatan saya"
    assert window.close()
