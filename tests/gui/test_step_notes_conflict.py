"""Two people, one step's notes ("Catatan" on a stage tab): a save based on notes another PC
stored meanwhile is refused, the typed notes stay, marked, with the conflict bar above them
(compare, take theirs, keep mine). The other PC is the real step service writing to the same
database with the version it read; ``window.reload_changed`` is the live refresh its notice
brings. Step 3 (the theme) is the Kepala Bidang's and the Sub Kor's: the Sub Kor types at this
PC, the Kepala Bidang on the other."""

from __future__ import annotations

from crew import member
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from wawaran_desktop.views.conflict_bar import CompareDialog

STAGE = 3


def kabid(ws):
    """The other PC's person: the Kepala Bidang (step 3's primary lane)."""
    return member(ws, "kabid")


def stage_tab(window, no=STAGE):
    window.ui.stageTabs.setCurrentIndex(no - 1)
    return window.stages.stage(no)


def stored_notes(ws, cid, no=STAGE):
    return ws.campaigns.get(cid).step(no).notes


def other_pc_saves_notes(ws, who, cid, text, no=STAGE):
    """The other PC read the notes and stored its own (with the version it read)."""
    ws.steps.set_notes(who.id, cid, no, text, version=ws.campaigns.get(cid).step(no).notes_version)


def type_notes(qtbot, tab, text):
    tab.ui.sideTabs.setCurrentWidget(tab.ui.notesPage)
    tab.ui.notesEdit.setFocus()
    tab.ui.notesEdit.moveCursor(tab.ui.notesEdit.textCursor().MoveOperation.End)
    qtbot.keyClicks(tab.ui.notesEdit, text)


def test_notes_typed_before_the_refresh_arrives_are_refused_kept_and_mine_can_be_kept(
        qtbot, ws, staff, make_window, modals):
    cid = ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD", "3M Plus").id
    window = make_window(ws, staff[0].id)  # the Sub Kor, at this PC
    tab = stage_tab(window)
    notes = tab.ui.notesEdit
    assert notes.toPlainText() == ""

    type_notes(qtbot, tab, "Catatan saya.")
    other_pc_saves_notes(ws, kabid(ws), cid, "Catatan PC lain: rapat diundur.")
    window.reload_changed(frozenset({cid}))  # the other PC's notice arrives while mine are pending
    assert notes.toPlainText() == "Catatan saya."  # the refresh keeps the typing ...
    assert not tab.flush()  # ... and the version it was based on: the save is refused

    assert tab.notes_in_conflict and tab.notes_bar.isVisible()
    assert tab.notes_bar.label.text().startswith(f"Catatan tahap {STAGE} diubah")
    assert tab.ui.sideTabs.currentWidget() is tab.ui.notesPage
    assert tab.ui.notesLayout.indexOf(tab.notes_bar) < tab.ui.notesLayout.indexOf(notes)  # above the notes
    assert notes.toPlainText() == "Catatan saya." and notes.property("conflict") is True
    assert stored_notes(ws, cid) == "Catatan PC lain: rapat diundur."  # theirs stays
    assert not window.flush()  # switching campaign stays, closing asks
    window.reload_changed(frozenset({cid}))  # another refresh meanwhile changes nothing of it
    assert tab.notes_in_conflict and notes.toPlainText() == "Catatan saya."

    def look_then_keep_mine(dialog):
        assert isinstance(dialog, CompareDialog)
        mine, theirs = dialog.panes["Catatan"]
        assert mine.toPlainText() == "Catatan saya."
        assert theirs.toPlainText() == "Catatan PC lain: rapat diundur."
        dialog.done(CompareDialog.MINE)

    modals.then(look_then_keep_mine)
    qtbot.mouseClick(tab.notes_bar.compare_button, Qt.MouseButton.LeftButton)
    assert modals.pending == 0
    assert stored_notes(ws, cid) == "Catatan saya."
    assert not tab.notes_in_conflict and notes.property("conflict") is False and not tab.notes_bar.isVisible()
    assert tab.flush()

    # Mine now go on from the version just stored: more typing is stored without a conflict.
    type_notes(qtbot, tab, " Tambahan.")
    assert tab.flush() and stored_notes(ws, cid) == "Catatan saya. Tambahan."


def test_taking_theirs_shows_the_stored_notes(qtbot, ws, staff, make_window):
    cid = ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD", "3M Plus").id
    window = make_window(ws, staff[0].id)  # the Sub Kor, at this PC
    tab = stage_tab(window)
    type_notes(qtbot, tab, "Catatan saya.")
    other_pc_saves_notes(ws, kabid(ws), cid, "Catatan PC lain.")
    assert not tab.flush()
    qtbot.mouseClick(tab.notes_bar.theirs_button, Qt.MouseButton.LeftButton)
    assert tab.ui.notesEdit.toPlainText() == "Catatan PC lain." and not tab.notes_in_conflict
    assert tab.flush() and stored_notes(ws, cid) == "Catatan PC lain."
    # Typing on theirs is based on their version: stored.
    type_notes(qtbot, tab, " Ditambah di sini.")
    assert tab.flush() and stored_notes(ws, cid) == "Catatan PC lain. Ditambah di sini."


def test_closing_the_window_with_a_notes_conflict_asks_first(qtbot, ws, staff, make_window, modals):
    cid = ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD", "3M Plus").id
    window = make_window(ws, staff[0].id)  # the Sub Kor, at this PC
    tab = stage_tab(window)
    type_notes(qtbot, tab, "Catatan saya.")
    other_pc_saves_notes(ws, kabid(ws), cid, "Catatan PC lain.")
    assert not tab.flush()

    def stay(box):
        assert isinstance(box, QMessageBox) and "diubah di komputer lain" in box.text()
        box.done(QMessageBox.StandardButton.No)

    modals.then(stay)
    assert not window.close()
    assert modals.pending == 0 and window.isVisible()
    assert tab.ui.notesEdit.toPlainText() == "Catatan saya." and stored_notes(ws, cid) == "Catatan PC lain."
    qtbot.mouseClick(tab.notes_bar.theirs_button, Qt.MouseButton.LeftButton)
    assert window.close()


def test_step_changes_on_another_pc_do_not_refuse_notes_typed_meanwhile(qtbot, ws, staff, make_window):
    """Starting, pausing, assigning or ticking the step elsewhere is no notes save: no conflict."""
    cid = ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD", "3M Plus").id
    window = make_window(ws, staff[0].id)  # the Sub Kor, at this PC
    tab = stage_tab(window)
    type_notes(qtbot, tab, "Menunggu kendaraan dinas.")
    other = kabid(ws).id
    ws.steps.start(other, cid, STAGE, reason="Uji: tahap 3 lebih dulu")
    ws.steps.assign(other, cid, STAGE, other)
    ws.steps.set_checked(other, cid, STAGE, 0, True)
    ws.steps.pause(other, cid, STAGE, "Salat Jumat")
    window.reload_changed(frozenset({cid}))
    assert tab.ui.notesEdit.toPlainText() == "Menunggu kendaraan dinas."
    assert tab.flush() and not tab.notes_in_conflict
    assert stored_notes(ws, cid) == "Menunggu kendaraan dinas."


def test_untouched_notes_follow_the_other_pc_and_typing_on_them_is_stored(qtbot, ws, staff, make_window):
    cid = ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD", "3M Plus").id
    window = make_window(ws, staff[0].id)  # the Sub Kor, at this PC
    tab = stage_tab(window)
    other_pc_saves_notes(ws, kabid(ws), cid, "Catatan PC lain.")
    assert tab.flush()  # nothing typed here: nothing to store, no conflict over nothing
    assert stored_notes(ws, cid) == "Catatan PC lain."
    window.reload_changed(frozenset({cid}))  # nothing pending: the refresh shows theirs
    assert tab.ui.notesEdit.toPlainText() == "Catatan PC lain."
    type_notes(qtbot, tab, " Saya setuju.")
    assert tab.flush() and not tab.notes_in_conflict
    assert stored_notes(ws, cid) == "Catatan PC lain. Saya setuju."
