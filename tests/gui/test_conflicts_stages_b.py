"""Two people, one record, on stages 5, 6, 7 and 9 (disposition, readiness, route stops,
evaluation): a save based on an older version is refused, what the person entered stays on
screen, marked, and they choose (views/conflict_bar.py). The other PC is the real service
writing to the same database with the version it read, as another process would."""

from __future__ import annotations

from PySide6.QtCore import Qt

from wawaran_desktop.db.stage_models import Disposition, Evaluation
from wawaran_desktop.services.stages.disposition import Service as DispositionService
from wawaran_desktop.services.stages.evaluation import Service as EvaluationService
from wawaran_desktop.views.conflict_bar import CompareDialog


def new_campaign(ws, staff) -> int:
    return ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD", "3M Plus").id


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
    EvaluationService(ws).update(staff[0].id, cid, notes="Awal.")
    window = make_window(ws)
    panel = evaluation_panel(window)
    panel.ui.notesEdit.setFocus()
    panel.ui.notesEdit.moveCursor(panel.ui.notesEdit.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.ui.notesEdit, " Pasar ramai.")
    other_pc_evaluates(ws, staff[1], cid, notes="Awal. Catatan Budi.", score_reach=4)
    assert not panel.flush()

    assert panel.in_conflict and staff[1].name in panel.conflict_bar.label.text()
    assert panel.ui.notesEdit.toPlainText() == "Awal. Pasar ramai."
    assert panel.ui.notesEdit.property("conflict") is True
    assert panel.ui.reachCombo.property("conflict") is not True  # not edited here
    assert Evaluation.get(Evaluation.campaign == cid).notes == "Awal. Catatan Budi."
    panel.load(panel.campaign)  # a live refresh of the same campaign: the typing stays, still marked
    assert panel.in_conflict and panel.ui.notesEdit.toPlainText() == "Awal. Pasar ramai."

    def keep_mine(dialog):
        assert isinstance(dialog, CompareDialog)
        mine, theirs = dialog.panes["Catatan evaluasi"]
        assert (mine.toPlainText(), theirs.toPlainText()) == ("Awal. Pasar ramai.", "Awal. Catatan Budi.")
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
    EvaluationService(ws).update(staff[0].id, cid, score_timeliness=3)
    window = make_window(ws)
    panel = evaluation_panel(window)
    other_pc_evaluates(ws, staff[1], cid, score_timeliness=5)
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
    window = make_window(ws)
    panel = disposition_panel(window)
    other_pc_disposes(ws, staff[1], cid, hal="Hal dari Budi")  # the first save, with the agenda number
    agenda = Disposition.get(Disposition.campaign == cid).agenda_number
    panel.ui.catatanEdit.setPlainText("Catatan saya")
    assert not panel.flush()

    assert panel.in_conflict and staff[1].name in panel.conflict_bar.label.text()
    assert panel.ui.catatanEdit.toPlainText() == "Catatan saya"
    assert panel.ui.catatanEdit.property("conflict") is True and panel.ui.halEdit.property("conflict") is not True
    assert stored_disposition(cid) == ("Hal dari Budi", "", "Biasa")
    panel.load(panel.campaign)  # a live refresh: the form stays as I left it
    assert panel.in_conflict and panel.ui.catatanEdit.toPlainText() == "Catatan saya"

    def keep_mine(dialog):
        assert isinstance(dialog, CompareDialog)
        assert [p.toPlainText() for p in dialog.panes["Catatan"]] == ["Catatan saya", ""]
        assert [p.toPlainText() for p in dialog.panes["Hal"]] == ["Hal dari Budi", "Hal dari Budi"]
        dialog.done(CompareDialog.MINE)

    modals.then(keep_mine)
    qtbot.mouseClick(panel.conflict_bar.compare_button, Qt.MouseButton.LeftButton)
    assert modals.pending == 0 and not panel.in_conflict
    assert stored_disposition(cid) == ("Hal dari Budi", "Catatan saya", "Biasa")
    assert Disposition.get(Disposition.campaign == cid).agenda_number == agenda
    assert panel.ui.halEdit.text() == "Hal dari Budi" and panel.ui.catatanEdit.property("conflict") is False
    assert panel.flush()


def test_a_disposition_typed_during_a_live_refresh_is_kept_and_theirs_can_be_taken(qtbot, ws, staff, make_window):
    cid = new_campaign(ws, staff)
    DispositionService(ws).save(staff[0].id, cid, DispositionService(ws).get(cid).draft())
    window = make_window(ws)
    panel = disposition_panel(window)
    panel.ui.halEdit.setText("Hal saya")  # typed, not left yet
    other_pc_disposes(ws, staff[1], cid, hal="Hal Budi", catatan="Catatan Budi")
    panel.load(panel.campaign)  # the live refresh stores what is typed: refused
    assert panel.in_conflict and panel.ui.halEdit.text() == "Hal saya"
    assert panel.ui.halEdit.property("conflict") is True
    assert panel.ui.catatanEdit.toPlainText() == "Catatan Budi"  # what I did not touch shows theirs
    assert stored_disposition(cid)[:2] == ("Hal Budi", "Catatan Budi")
    choose(qtbot, panel.ui.sifatCombo, 1)  # a choice meanwhile waits for the person's choice too
    qtbot.mouseClick(panel.conflict_bar.theirs_button, Qt.MouseButton.LeftButton)
    assert not panel.in_conflict and panel.ui.halEdit.text() == "Hal Budi"
    assert panel.ui.sifatCombo.currentText() == "Biasa" and panel.flush()
    assert stored_disposition(cid) == ("Hal Budi", "Catatan Budi", "Biasa")
