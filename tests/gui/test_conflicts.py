"""Two people, one record: a save based on an older version is refused, the text is kept and
the person chooses (views/conflict_bar.py). The other PC is the real report service writing to
the same database, as another process would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from wawaran_desktop.db.stage_models import Report
from wawaran_desktop.services.stages.report import Service as ReportService
from wawaran_desktop.views.conflict_bar import CompareDialog


def stored_body(cid):
    row = Report.get_or_none(Report.campaign == cid)
    return None if row is None else row.body


def report_panel(window):
    window.ui.stageTabs.setCurrentIndex(7)
    return window.stages.stage(8).panel


def other_pc_saves(ws, person, cid, body):
    """The other PC read the report and saved its own text (the version it read)."""
    service = ReportService(ws)
    service.save(person.id, cid, body, version=service.get(cid).version)


def report_campaign(ws, staff, *, draft: str | None = "Laporan awal."):
    """A campaign (opened by the Sub Kor) at step 8, its report drafted by the Tim's Budi; Budi
    (this PC) and Dewi, another Tim member (the other PC)."""
    sub, budi = staff
    dewi = ws.staff.add("Dewi Lestari", None, "Pranata Humas", "tim")
    cid = ws.campaigns.create(sub.id, "Wawaran Pencegahan DBD", "3M Plus").id
    ws.steps.start(budi.id, cid, 8, reason="Uji tahap laporan")
    if draft is not None:
        ReportService(ws).save(budi.id, cid, draft)
    return cid, budi, dewi


def test_a_later_save_is_refused_with_both_texts_kept_and_mine_can_be_kept(qtbot, ws, staff, make_window, modals):
    cid, budi, dewi = report_campaign(ws, staff)
    window = make_window(ws, budi.id)
    panel = report_panel(window)
    assert panel.ui.bodyEdit.toPlainText() == "Laporan awal."

    panel.ui.bodyEdit.setFocus()
    panel.ui.bodyEdit.moveCursor(panel.ui.bodyEdit.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.ui.bodyEdit, " Paragraf saya.")
    other_pc_saves(ws, dewi, cid, "Laporan awal. Paragraf Dewi.")
    assert not panel.flush()  # refused: the other save came first

    assert panel.in_conflict and panel.conflict_bar.isVisible()
    assert dewi.name in panel.conflict_bar.label.text()
    assert panel.ui.bodyEdit.toPlainText() == "Laporan awal. Paragraf saya."  # my text stays
    assert panel.ui.bodyEdit.property("conflict") is True
    assert stored_body(cid) == "Laporan awal. Paragraf Dewi."  # theirs stays
    window.grab().save("/tmp/shots/conflict-bar.png")

    def look_then_keep_mine(dialog):
        assert isinstance(dialog, CompareDialog)
        mine, theirs = dialog.panes["Laporan"]
        assert mine.toPlainText() == "Laporan awal. Paragraf saya."
        assert theirs.toPlainText() == "Laporan awal. Paragraf Dewi."
        dialog.grab().save("/tmp/shots/conflict-compare.png")
        dialog.done(CompareDialog.MINE)

    modals.then(look_then_keep_mine)
    qtbot.mouseClick(panel.conflict_bar.compare_button, Qt.MouseButton.LeftButton)
    assert modals.pending == 0
    assert stored_body(cid) == "Laporan awal. Paragraf saya."
    assert not panel.in_conflict and panel.ui.bodyEdit.property("conflict") is False
    assert panel.flush()


def test_taking_theirs_shows_the_stored_text(qtbot, ws, staff, make_window):
    cid, budi, dewi = report_campaign(ws, staff)
    window = make_window(ws, budi.id)
    panel = report_panel(window)
    panel.ui.bodyEdit.setPlainText("Versi saya.")
    other_pc_saves(ws, dewi, cid, "Versi Dewi.")
    assert not panel.flush()
    qtbot.mouseClick(panel.conflict_bar.theirs_button, Qt.MouseButton.LeftButton)
    assert panel.ui.bodyEdit.toPlainText() == "Versi Dewi." and not panel.in_conflict
    assert stored_body(cid) == "Versi Dewi." and panel.flush()


def test_closing_the_window_with_a_conflict_asks_first(qtbot, ws, staff, make_window, modals):
    cid, budi, dewi = report_campaign(ws, staff)
    window = make_window(ws, budi.id)
    panel = report_panel(window)
    panel.ui.bodyEdit.setPlainText("Versi saya.")
    other_pc_saves(ws, dewi, cid, "Versi Dewi.")
    assert not panel.flush()

    def stay(box):
        assert isinstance(box, QMessageBox) and "diubah di komputer lain" in box.text()
        box.done(QMessageBox.StandardButton.No)

    modals.then(stay)
    assert not window.close()
    assert modals.pending == 0 and window.isVisible()
    assert panel.ui.bodyEdit.toPlainText() == "Versi saya." and stored_body(cid) == "Versi Dewi."
    qtbot.mouseClick(panel.conflict_bar.theirs_button, Qt.MouseButton.LeftButton)
    assert window.close()


def test_an_untouched_draft_gives_way_to_a_report_stored_meanwhile(qtbot, ws, staff, make_window):
    """Nothing typed here: finishing shows and keeps the other PC's stored report, no conflict."""
    cid, budi, dewi = report_campaign(ws, staff, draft=None)
    window = make_window(ws, budi.id)
    panel = report_panel(window)
    assert not panel.record.stored
    other_pc_saves(ws, dewi, cid, "Laporan dari PC lain.")
    qtbot.mouseClick(window.stages.stage(8).ui.finishButton, Qt.MouseButton.LeftButton)
    assert not panel.in_conflict and stored_body(cid) == "Laporan dari PC lain."
    assert window.stages.stage(8).ui.statusLabel.text() == "Tepat waktu"
