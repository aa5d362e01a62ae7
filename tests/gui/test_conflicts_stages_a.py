"""Two people, one record, stages 1-4 (theme, briefing, narration, data collection): a save
based on an older version is refused, the text is kept and marked and the person chooses
(views/conflict_bar.py). The other PC is the real stage service writing to the same database
with the version it read, as another process would. Both people are of the stage's lanes
(services/lanes.py): Siti (Sub Kor) signs in to this window for stages 1-3 with Budi (Tim) or the
Kepala Bidang on the other PC; the narration is the Tim's alone: Budi here, Dewi there."""

from __future__ import annotations

from crew import member
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QMessageBox

from wawaran_desktop.db.models import Campaign
from wawaran_desktop.db.stage_models import ThemeDecision
from wawaran_desktop.services.stages import briefing, data_collection, narration, theme
from wawaran_desktop.services.stages.data_collection import DataItemFields
from wawaran_desktop.views.conflict_bar import CompareDialog


def stage_panel(window, number):
    window.ui.stageTabs.setCurrentIndex(number - 1)
    return window.stages.stage(number).panel


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# -- stage 3 ---------------------------------------------------------------------------------
def stored_notulen(cid):
    row = ThemeDecision.get_or_none(ThemeDecision.campaign == cid)
    return None if row is None else row.notulen


def test_theme_notulen_refused_kept_compared_and_mine_kept(qtbot, ws, staff, make_window, modals):
    cid = ws.campaigns.create(staff[0].id, "Wawaran DBD").id
    kabid = member(ws, "kabid")  # the theme is the Kepala Bidang's and the Sub Kor's
    theme.Service(ws).set_notulen(staff[0].id, cid, "Notulen awal.")
    window = make_window(ws, staff[0].id)
    panel = stage_panel(window, 3)
    edit = panel.ui.notulenEdit
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(edit, " Catatan saya.")
    other = theme.Service(ws)  # the other PC read the decision and saved its own notulen
    other.set_notulen(kabid.id, cid, "Notulen awal. Catatan Kabid.", version=other.get(cid).version)
    assert not panel.flush()  # refused, quietly: the bar says it (no modal)

    assert panel.in_conflict and panel.conflict_bar.isVisible()
    assert kabid.name in panel.conflict_bar.label.text()
    assert edit.toPlainText() == "Notulen awal. Catatan saya." and edit.property("conflict") is True
    assert stored_notulen(cid) == "Notulen awal. Catatan Kabid."
    panel.load(ws.campaigns.get(cid))  # as a live refresh from the other PC does
    assert edit.toPlainText() == "Notulen awal. Catatan saya." and panel.in_conflict  # a refresh keeps it

    def look_then_keep_mine(dialog):
        assert isinstance(dialog, CompareDialog)
        mine, theirs = dialog.panes["Notulen briefing"]
        assert (mine.toPlainText(), theirs.toPlainText()) == ("Notulen awal. Catatan saya.",
                                                              "Notulen awal. Catatan Kabid.")
        dialog.done(CompareDialog.MINE)

    modals.then(look_then_keep_mine)
    click(qtbot, panel.conflict_bar.compare_button)
    assert modals.pending == 0
    assert stored_notulen(cid) == "Notulen awal. Catatan saya."
    assert not panel.in_conflict and edit.property("conflict") is False and panel.flush()


def test_theme_refused_then_theirs_taken_and_the_header_follows(qtbot, ws, staff, make_window):
    cid = ws.campaigns.create(staff[0].id, "Wawaran DBD", "Tema awal").id
    kabid = member(ws, "kabid")
    window = make_window(ws, staff[0].id)
    panel = stage_panel(window, 3)
    panel.ui.themeEdit.setFocus()
    panel.ui.themeEdit.selectAll()
    qtbot.keyClicks(panel.ui.themeEdit, "Tema saya")
    other = theme.Service(ws)
    other.set_theme(kabid.id, cid, "Tema Kabid", version=other.get(cid).theme_version)
    assert not panel.flush()
    assert panel.in_conflict and panel.ui.themeEdit.text() == "Tema saya"
    assert panel.ui.themeEdit.property("conflict") is True
    assert Campaign.get_by_id(cid).theme == "Tema Kabid"
    click(qtbot, panel.conflict_bar.theirs_button)
    assert panel.ui.themeEdit.text() == "Tema Kabid" and not panel.in_conflict and panel.flush()
    qtbot.waitUntil(lambda: "Tema: Tema Kabid" in window.ui.metaLabel.text(), timeout=2000)


def test_theme_keep_mine_stores_over_theirs(qtbot, ws, staff, make_window):
    cid = ws.campaigns.create(staff[0].id, "Wawaran DBD", "Tema awal").id
    kabid = member(ws, "kabid")
    window = make_window(ws, staff[0].id)
    panel = stage_panel(window, 3)
    panel.ui.themeEdit.setFocus()
    panel.ui.themeEdit.selectAll()
    qtbot.keyClicks(panel.ui.themeEdit, "Tema saya")
    other = theme.Service(ws)
    other.set_theme(kabid.id, cid, "Tema Kabid", version=other.get(cid).theme_version)
    assert not panel.flush()
    click(qtbot, panel.conflict_bar.mine_button)
    assert Campaign.get_by_id(cid).theme == "Tema saya" and not panel.in_conflict and panel.flush()


def test_a_decider_chosen_after_another_pc_changed_the_decision_shows_theirs(qtbot, ws, staff, make_window):
    cid = ws.campaigns.create(staff[0].id, "Wawaran DBD").id
    # The decider is a Kepala Bidang (services/lanes.py): two of them, Ani recorded on the
    # other PC by herself, Hendra chosen here by the Sub Kor.
    kabid = ws.staff.add("Ani Suryani", None, "Kepala Bidang DIKP", "kabid")
    hendra = ws.staff.add("Hendra Gunawan", None, "Kepala Bidang DIKP", "kabid")
    window = make_window(ws, staff[0].id)
    panel = stage_panel(window, 3)
    other = theme.Service(ws)
    other.set_decider(kabid.id, cid, kabid.id, version=other.get(cid).version)
    combo = panel.ui.deciderCombo
    index = combo.findData(hendra.id)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert theme.Service(ws).get(cid).decided_by_id == kabid.id  # theirs stays
    assert combo.currentData() == kabid.id  # and is shown
    assert "diubah oleh Ani Suryani" in panel.ui.errorLabel.text() and panel.ui.errorLabel.isVisible()
    index = combo.findData(hendra.id)  # chosen again, knowingly: stored
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert theme.Service(ws).get(cid).decided_by_id == hendra.id


def test_closing_with_a_theme_conflict_asks_first(qtbot, ws, staff, make_window, modals):
    cid = ws.campaigns.create(staff[0].id, "Wawaran DBD").id
    kabid = member(ws, "kabid")
    theme.Service(ws).set_notulen(staff[0].id, cid, "Notulen awal.")
    window = make_window(ws, staff[0].id)
    panel = stage_panel(window, 3)
    panel.ui.notulenEdit.setPlainText("Notulen saya.")
    panel._pending.add("notulen")
    other = theme.Service(ws)
    other.set_notulen(kabid.id, cid, "Notulen Kabid.", version=other.get(cid).version)
    assert not panel.flush()

    def stay(box):
        assert isinstance(box, QMessageBox) and "diubah di komputer lain" in box.text()
        box.done(QMessageBox.StandardButton.No)

    modals.then(stay)
    assert not window.close()
    assert modals.pending == 0 and panel.ui.notulenEdit.toPlainText() == "Notulen saya."
    click(qtbot, panel.conflict_bar.theirs_button)
    assert panel.ui.notulenEdit.toPlainText() == "Notulen Kabid."
    assert window.close()


# -- stage 4 ---------------------------------------------------------------------------------
def narration_conflict(qtbot, ws, staff, make_window):
    """Both PCs opened version 1; the other saved version 2 while this one typed. The narration
    is the Tim's: Budi here, Dewi on the other PC."""
    cid = ws.campaigns.create(staff[0].id, "Wawaran DBD").id
    budi = staff[1]
    dewi = ws.staff.add("Dewi Lestari", None, "Pranata Humas", "tim")
    narration.Service(ws).save(budi.id, cid, "Narasi awal.")
    window = make_window(ws, budi.id)
    panel = stage_panel(window, 4)
    editor = panel.ui.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Kalimat saya.")
    other = narration.Service(ws)
    other.save(dewi.id, cid, "Narasi awal. Kalimat Dewi.", version=other.latest_number(cid))
    assert not panel.flush()
    assert panel.in_conflict and dewi.name in panel.conflict_bar.label.text()
    assert "versi 2" in panel.conflict_bar.label.text()
    assert editor.toPlainText() == "Narasi awal. Kalimat saya." and editor.property("conflict") is True
    assert narration.Service(ws).latest_text(cid) == "Narasi awal. Kalimat Dewi."
    return window, panel, cid


def test_narration_refused_compared_and_kept_as_the_next_version(qtbot, ws, staff, make_window, modals):
    _window, panel, cid = narration_conflict(qtbot, ws, staff, make_window)
    panel.load(ws.campaigns.get(cid))  # a live refresh keeps the typing
    assert panel.ui.editor.toPlainText() == "Narasi awal. Kalimat saya." and panel.in_conflict
    assert panel.ui.versionTree.topLevelItemCount() == 2  # their version is listed

    def look_then_keep_mine(dialog):
        assert isinstance(dialog, CompareDialog)
        mine, theirs = dialog.panes["Narasi"]
        assert (mine.toPlainText(), theirs.toPlainText()) == ("Narasi awal. Kalimat saya.",
                                                              "Narasi awal. Kalimat Dewi.")
        dialog.done(CompareDialog.MINE)

    modals.then(look_then_keep_mine)
    click(qtbot, panel.conflict_bar.compare_button)
    assert modals.pending == 0
    service = narration.Service(ws)
    assert service.latest_number(cid) == 3 and service.latest_text(cid) == "Narasi awal. Kalimat saya."
    assert service.text(cid, 2) == "Narasi awal. Kalimat Dewi."
    assert not panel.in_conflict and panel.ui.editor.property("conflict") is False and panel.flush()
    assert panel.ui.versionTree.topLevelItemCount() == 3


def test_narration_take_theirs_shows_the_latest(qtbot, ws, staff, make_window):
    _window, panel, cid = narration_conflict(qtbot, ws, staff, make_window)
    click(qtbot, panel.conflict_bar.theirs_button)
    assert panel.ui.editor.toPlainText() == "Narasi awal. Kalimat Dewi." and not panel.in_conflict
    assert not panel.pending() and panel.flush()
    assert narration.Service(ws).latest_number(cid) == 2


def test_closing_with_a_narration_conflict_asks_first(qtbot, ws, staff, make_window, modals):
    window, panel, _cid = narration_conflict(qtbot, ws, staff, make_window)

    def stay(box):
        assert isinstance(box, QMessageBox) and "diubah di komputer lain" in box.text()
        box.done(QMessageBox.StandardButton.No)

    modals.then(stay)
    assert not window.close()
    assert modals.pending == 0 and panel.ui.editor.toPlainText() == "Narasi awal. Kalimat saya."
    click(qtbot, panel.conflict_bar.mine_button)
    assert window.close()


# -- stage 2 ---------------------------------------------------------------------------------
SUKASARI, CIKOKOL = "36.71.01.1007", "36.71.01.1005"


def test_briefing_meeting_refused_kept_and_mine_kept_over_theirs(qtbot, ws, staff, make_window, modals):
    cid = ws.campaigns.create(staff[0].id, "Wawaran DBD").id
    briefing.Service(ws).update(staff[0].id, cid, place="Aula", agenda="Agenda awal.")
    window = make_window(ws, staff[0].id)  # Siti (Sub Kor) here, Budi (Tim) on the other PC
    panel = stage_panel(window, 2)
    panel.ui.sectionTabs.setCurrentIndex(0)
    agenda = panel.ui.agendaEdit
    agenda.setFocus()
    agenda.moveCursor(agenda.textCursor().MoveOperation.End)
    qtbot.keyClicks(agenda, " Butir saya.")
    other = briefing.Service(ws)
    other.update(staff[1].id, cid, place="Ruang Rapat", agenda="Agenda Budi.", version=other.get(cid).version)
    assert not panel.flush()  # no message box: the bar says it
    assert panel.in_conflict and staff[1].name in panel.conflict_bar.label.text()
    assert agenda.toPlainText() == "Agenda awal. Butir saya." and agenda.property("conflict") is True
    assert panel.ui.placeEdit.property("conflict") is not True  # only what was typed is marked
    panel.load(ws.campaigns.get(cid))  # a live refresh keeps the typing
    assert agenda.toPlainText() == "Agenda awal. Butir saya." and panel.in_conflict

    def look_then_keep_mine(dialog):
        mine, theirs = dialog.panes["Agenda"]
        assert (mine.toPlainText(), theirs.toPlainText()) == ("Agenda awal. Butir saya.", "Agenda Budi.")
        assert dialog.panes["Tempat"][1].toPlainText() == "Ruang Rapat"
        dialog.done(CompareDialog.MINE)

    modals.then(look_then_keep_mine)
    click(qtbot, panel.conflict_bar.compare_button)
    assert modals.pending == 0
    stored = briefing.Service(ws).get(cid)
    assert (stored.agenda, stored.place) == ("Agenda awal. Butir saya.", "Ruang Rapat")  # theirs kept too
    assert not panel.in_conflict and panel.flush()


def test_briefing_take_theirs_and_closing_asks_first(qtbot, ws, staff, make_window, modals):
    cid = ws.campaigns.create(staff[0].id, "Wawaran DBD").id
    window = make_window(ws, staff[0].id)  # Siti (Sub Kor) here, Budi (Tim) on the other PC
    panel = stage_panel(window, 2)
    panel.ui.sectionTabs.setCurrentIndex(0)
    panel.ui.placeEdit.setFocus()
    qtbot.keyClicks(panel.ui.placeEdit, "Aula saya")
    other = briefing.Service(ws)
    other.update(staff[1].id, cid, place="Aula Budi", version=other.get(cid).version)
    assert not panel.flush()

    def stay(box):
        assert isinstance(box, QMessageBox) and "diubah di komputer lain" in box.text()
        box.done(QMessageBox.StandardButton.No)

    modals.then(stay)
    assert not window.close()
    assert modals.pending == 0 and panel.ui.placeEdit.text() == "Aula saya"
    click(qtbot, panel.conflict_bar.theirs_button)
    assert panel.ui.placeEdit.text() == "Aula Budi" and not panel.in_conflict
    assert window.close()


def test_briefing_ticks_on_two_pcs_both_stay_and_show(qtbot, ws, staff, make_window):
    cid = ws.campaigns.create(staff[0].id, "Wawaran DBD").id
    window = make_window(ws, staff[0].id)  # Siti (Sub Kor) here, Budi (Tim) on the other PC
    panel = stage_panel(window, 2)
    briefing.Service(ws).set_attendee(staff[1].id, cid, staff[1].id, True)  # the other PC ticks Budi
    box = panel.ui.attendeesList
    mine = next(box.item(i) for i in range(box.count()) if box.item(i).data(Qt.ItemDataRole.UserRole) == staff[0].id)
    mine.setCheckState(Qt.CheckState.Checked)
    assert {p.id for p in briefing.Service(ws).attendees(cid)} == {staff[0].id, staff[1].id}
    ticked = {box.item(i).data(Qt.ItemDataRole.UserRole) for i in range(box.count())
              if box.item(i).checkState() == Qt.CheckState.Checked}
    assert ticked == {staff[0].id, staff[1].id}


def route_conflict(qtbot, ws, staff, make_window):
    cid = ws.campaigns.create(staff[0].id, "Wawaran DBD").id
    stop = briefing.Service(ws).add_location(staff[0].id, cid, SUKASARI, "Alun-alun", "09:00")
    window = make_window(ws, staff[0].id)  # Siti (Sub Kor) here, Budi (Tim) on the other PC
    panel = stage_panel(window, 2)
    panel.ui.sectionTabs.setCurrentIndex(1)
    panel.ui.locationsTable.selectRow(0)
    return window, panel, cid, stop


def test_a_stop_changed_on_another_pc_keeps_my_values_and_mine_can_be_kept(qtbot, ws, staff, make_window):
    _window, panel, cid, stop = route_conflict(qtbot, ws, staff, make_window)
    briefing.Service(ws).update_location(staff[1].id, cid, stop.id, SUKASARI, "Pos RW 01", "09:00",
                                         version=stop.version)
    panel.ui.timeEdit.setTime(QTime(9, 45))  # stored at once: refused
    assert panel.in_conflict and staff[1].name in panel.conflict_bar.label.text()
    assert panel.ui.timeEdit.time() == QTime(9, 45) and panel.ui.addressEdit.text() == "Alun-alun"
    assert panel.ui.timeEdit.property("conflict") is True
    panel.load(ws.campaigns.get(cid))  # a live refresh keeps the editor
    assert panel.ui.timeEdit.time() == QTime(9, 45)
    click(qtbot, panel.conflict_bar.mine_button)
    stored = briefing.Service(ws).locations(cid)[0]
    assert (stored.address, stored.planned_time) == ("Alun-alun", "09:45") and not panel.in_conflict
    assert panel.flush()


def test_a_stop_removed_on_another_pc_take_theirs_or_add_it_again(qtbot, ws, staff, make_window):
    _window, panel, cid, stop = route_conflict(qtbot, ws, staff, make_window)
    briefing.Service(ws).remove_location(staff[1].id, cid, stop.id, version=stop.version)
    panel.ui.addressEdit.setText("Alun-alun Ahmad Yani")
    panel.ui.addressEdit.editingFinished.emit()
    assert panel.in_conflict and "telah dihapus di komputer lain" in panel.conflict_bar.label.text()
    assert panel.ui.addressEdit.text() == "Alun-alun Ahmad Yani"
    click(qtbot, panel.conflict_bar.mine_button)  # added again, as the person had it
    stops = briefing.Service(ws).locations(cid)
    assert [(s.kelurahan_code, s.address) for s in stops] == [(SUKASARI, "Alun-alun Ahmad Yani")]
    assert not panel.in_conflict and panel.flush()


# -- stage 1 ---------------------------------------------------------------------------------
def data_item_conflict(qtbot, ws, staff, make_window, other_pc):
    """The form shows an item; the other PC changes (or removes) it while this one types."""
    cid = ws.campaigns.create(staff[0].id, "Wawaran DBD").id
    item = data_collection.Service(ws).add(staff[0].id, cid, DataItemFields(topic="Kasus DBD", summary="Awal."))
    window = make_window(ws, staff[0].id)  # Siti (Sub Kor) here, Budi (Tim) on the other PC
    panel = stage_panel(window, 1)
    summary = panel.ui.summaryEdit
    summary.setFocus()
    summary.moveCursor(summary.textCursor().MoveOperation.End)
    qtbot.keyClicks(summary, " Tambahan saya.")
    other_pc(data_collection.Service(ws), cid, item, staff[1].id)
    assert not panel.flush()  # refused, quietly: the bar says it
    assert panel.in_conflict and summary.toPlainText() == "Awal. Tambahan saya."
    assert summary.property("conflict") is True
    panel.load(ws.campaigns.get(cid))  # a live refresh keeps the form
    assert summary.toPlainText() == "Awal. Tambahan saya." and panel.in_conflict
    return window, panel, cid, item


def budi_changes(service, cid, item, budi):
    service.update(budi, cid, item.id, item.fields._replace(summary="Ringkasan Budi."), version=item.version)


def test_a_data_item_changed_on_another_pc_compared_and_mine_kept(qtbot, ws, staff, make_window, modals):
    _window, panel, cid, item = data_item_conflict(qtbot, ws, staff, make_window, budi_changes)
    assert staff[1].name in panel.conflict_bar.label.text()

    def look_then_keep_mine(dialog):
        mine, theirs = dialog.panes["Ringkasan"]
        assert (mine.toPlainText(), theirs.toPlainText()) == ("Awal. Tambahan saya.", "Ringkasan Budi.")
        dialog.done(CompareDialog.MINE)

    modals.then(look_then_keep_mine)
    click(qtbot, panel.conflict_bar.compare_button)
    assert modals.pending == 0
    assert data_collection.Service(ws).get(cid, item.id).fields.summary == "Awal. Tambahan saya."
    assert not panel.in_conflict and panel.flush()


def test_a_data_item_take_theirs_and_closing_asks_first(qtbot, ws, staff, make_window, modals):
    window, panel, _cid, _item = data_item_conflict(qtbot, ws, staff, make_window, budi_changes)

    def stay(box):
        assert isinstance(box, QMessageBox) and "diubah di komputer lain" in box.text()
        box.done(QMessageBox.StandardButton.No)

    modals.then(stay)
    assert not window.close()
    assert modals.pending == 0
    click(qtbot, panel.conflict_bar.theirs_button)
    assert panel.ui.summaryEdit.toPlainText() == "Ringkasan Budi." and not panel.in_conflict
    assert window.close()


def test_a_data_item_removed_on_another_pc_is_recorded_again_when_mine_is_kept(qtbot, ws, staff, make_window):
    def budi_removes(service, cid, item, budi):
        service.remove(budi, cid, item.id, version=item.version)

    _window, panel, cid, _item = data_item_conflict(qtbot, ws, staff, make_window, budi_removes)
    assert "telah dihapus di komputer lain" in panel.conflict_bar.label.text()
    click(qtbot, panel.conflict_bar.mine_button)
    assert [(r.topic, r.fields.summary) for r in data_collection.Service(ws).list(cid)] == [
        ("Kasus DBD", "Awal. Tambahan saya.")]
    assert not panel.in_conflict and panel.flush()
