"""Two people, one record, on stages 5, 6, 7 and 9 (disposition, readiness, route stops,
evaluation): a save based on an older version is refused, what the person entered stays on
screen, marked, and they choose (views/conflict_bar.py). The other PC is the real service
writing to the same database with the version it read, as another process would."""

from __future__ import annotations

from PySide6.QtCore import Qt

from wawaran_desktop.db.stage_models import Evaluation
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
