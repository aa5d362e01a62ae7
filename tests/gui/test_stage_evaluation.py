"""Stage 9 tab: receipt of the report, scores, notes and follow-ups, checked where entered."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from wawaran_desktop.db.stage_models import Evaluation
from wawaran_desktop.services.stages.evaluation import latest_followups
from wawaran_desktop.services.workspace import open_workspace
from wawaran_desktop.views.stages.evaluation import to_qdatetime


def open_stage_9(window):
    window.ui.stageTabs.setCurrentIndex(8)
    return window.stages.stage(9).panel


def choose(qtbot, combo, steps):
    """Pick an item with the keyboard, as a user tabbing through the form would."""
    combo.setFocus()
    for _ in range(steps):
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def test_future_receipt_is_refused_inline_and_nothing_is_stored(qtbot, ws, staff, make_window):
    kabid = ws.staff.add("Drs. Ahmad Fauzi", None, "Kepala Bidang DIKP", "kabid")
    ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD", "3M Plus")
    window = make_window(ws, kabid.id)  # the evaluation is the Kepala Bidang's (and the Sub Kor's)
    panel = open_stage_9(window)
    assert panel.ui.receiverCombo.currentData() == kabid.id  # the Kepala Bidang is suggested
    edit = panel.ui.receivedEdit
    edit.setFocus()
    edit.setDateTime(to_qdatetime(ws.clock() + timedelta(days=1)))
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert panel.ui.errorLabel.isVisible()
    assert panel.ui.errorLabel.text().startswith("Waktu laporan diterima tidak boleh di masa depan")
    assert Evaluation.select().count() == 0

    panel.ui.followupsEdit.setPlainText("\n".join(f"Butir {n}" for n in range(1, 23)))
    assert panel.ui.counterLabel.text() == "22 / 20 butir tindak lanjut"
    assert not panel.flush()
    assert Evaluation.select().count() == 0
    panel.ui.followupsEdit.setPlainText("Butir 1")
    qtbot.mouseClick(panel.ui.nowButton, Qt.MouseButton.LeftButton)
    assert panel.flush() and not panel.ui.errorLabel.isVisible()
    assert Evaluation.get().followups == "Butir 1"


def test_evaluation_survives_a_restart_and_feeds_the_next_campaign(clock, qtbot, data_dir, make_window):
    ws = open_workspace(data_dir, clock=clock)
    kabid = ws.staff.add("Drs. Ahmad Fauzi", None, "Kepala Bidang DIKP", "kabid")
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    cid = ws.campaigns.create(sub.id, "Wawaran Pencegahan DBD", "3M Plus").id  # opened by the Sub Kor
    window = make_window(ws, kabid.id)  # evaluated by the Kepala Bidang
    panel = open_stage_9(window)
    choose(qtbot, panel.ui.timelinessCombo, 4)
    choose(qtbot, panel.ui.reachCombo, 3)
    choose(qtbot, panel.ui.narrationCombo, 5)
    qtbot.keyClicks(panel.ui.notesEdit, "Jangkauan cukup; pasar paling ramai.")
    panel.ui.followupsEdit.setFocus()
    qtbot.keyClicks(panel.ui.followupsEdit, "- Mulai lebih pagi")
    qtbot.keyClick(panel.ui.followupsEdit, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.ui.followupsEdit, "- Tambah 100 selebaran")
    row = Evaluation.get(Evaluation.campaign == cid)
    assert (row.score_timeliness, row.score_reach, row.score_narration, row.received_by_id) == (4, 3, 5, kabid.id)
    window.close()  # the typed notes and follow-ups are stored on closing
    assert latest_followups().points == ("Mulai lebih pagi", "Tambah 100 selebaran")
    ws.close()

    ws2 = open_workspace(data_dir, clock=clock)
    again = make_window(ws2, kabid.id)
    panel = open_stage_9(again)
    assert panel.ui.timelinessCombo.currentText() == "4 – Baik"
    assert panel.ui.narrationCombo.currentText() == "5 – Sangat baik"
    assert panel.ui.notesEdit.toPlainText() == "Jangkauan cukup; pasar paling ramai."
    assert panel.ui.followupsEdit.toPlainText() == "Mulai lebih pagi\nTambah 100 selebaran"
    assert panel.ui.receiverCombo.currentData() == kabid.id
    ws2.close()


def test_the_receiver_list_offers_only_the_steps_own_lane(qtbot, ws, staff, make_window):
    """The report is received by a Kepala Bidang (step 9's primary lane in the SOP): no one else is offered."""
    kabid = ws.staff.add("Drs. Ahmad Fauzi", None, "Kepala Bidang DIKP", "kabid")
    ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD", "3M Plus")
    window = make_window(ws, kabid.id)
    combo = open_stage_9(window).ui.receiverCombo
    assert [combo.itemData(i) for i in range(combo.count())] == [None, kabid.id]


def test_finishing_an_untouched_form_names_only_what_is_really_missing(qtbot, ws, staff, make_window, modals):
    """Issue 15: the receiver and time shown (the Kepala Bidang, now) were not stored, so
    finishing said they were missing while the person saw them filled; only the scores were."""
    from PySide6.QtWidgets import QMessageBox

    kabid = ws.staff.add("Drs. Ahmad Fauzi", None, "Kepala Bidang DIKP", "kabid")
    cid = ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD", "3M Plus").id
    ws.steps.start(kabid.id, cid, 9, reason="uji: tahap sebelumnya dicatat di kertas")
    window = make_window(ws, kabid.id)
    panel = open_stage_9(window)
    assert panel.ui.receiverCombo.currentData() == kabid.id and Evaluation.select().count() == 0
    seen = {}

    def warning(box):
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        box.accept()

    modals.then(warning)
    qtbot.mouseClick(window.stages.stage(9).ui.finishButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "text" in seen)
    assert "nilai" in seen["text"]
    assert "penerima laporan" not in seen["text"] and "waktu laporan diterima" not in seen["text"]
    row = Evaluation.get(Evaluation.campaign == cid)  # what the form showed is what is stored
    assert row.received_by_id == kabid.id and row.received_at is not None


def test_a_receipt_time_corrected_in_place_clears_its_message(qtbot, ws, staff, clock, make_window):
    """Issue 15: a refused time corrected with the arrow keys kept its message until the field was left."""
    kabid = ws.staff.add("Drs. Ahmad Fauzi", None, "Kepala Bidang DIKP", "kabid")
    ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD", "3M Plus")
    clock.advance(hours=2)
    window = make_window(ws, kabid.id)
    panel = open_stage_9(window)
    edit = panel.ui.receivedEdit
    edit.setFocus()
    edit.setDateTime(to_qdatetime(ws.clock() + timedelta(days=1)))
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert panel.ui.errorLabel.isVisible() and Evaluation.select().count() == 0
    received = (ws.clock() - timedelta(hours=1)).replace(second=0, microsecond=0)
    edit.setDateTime(to_qdatetime(received))  # corrected, the focus still in the field
    qtbot.waitUntil(lambda: panel.ui.errorLabel.isHidden(), timeout=3000)
    assert edit.hasFocus() and Evaluation.get().received_at is not None


def test_a_refused_choice_keeps_its_message_when_nothing_typed_is_stored(qtbot, ws, staff, make_window):
    """Leaving a field with nothing typed (flush) clears a refusal of typed text put back, not the
    explanation of a refused choice (here a receiver no longer active, chosen from a list read
    before)."""
    kabid = ws.staff.add("Drs. Ahmad Fauzi", None, "Kepala Bidang DIKP", "kabid")
    other = ws.staff.add("Dra. Wulan Sari", None, "Kepala Bidang DIKP", "kabid")
    ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD", "3M Plus")
    window = make_window(ws, kabid.id)
    panel = open_stage_9(window)
    combo = panel.ui.receiverCombo
    ws.staff.update(other.id, other.name, other.nip, other.position, other.lane, active=False, actor_id=kabid.id)
    combo.setCurrentIndex(combo.findData(other.id))
    combo.activated.emit(combo.currentIndex())  # chosen from the list as it was read
    assert panel.ui.errorLabel.isVisible()
    refusal = panel.ui.errorLabel.text()
    assert panel.flush()  # nothing typed to store
    assert panel.ui.errorLabel.isVisible() and panel.ui.errorLabel.text() == refusal
