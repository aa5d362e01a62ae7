"""Stage 2 tab: the briefing's meeting, route and topics, driven inside the main window."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, QModelIndex, QPoint, Qt, QTime
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox

from wawaran_desktop.db.stage_models import DataItem
from wawaran_desktop.services.clock import WIB, to_wib
from wawaran_desktop.services.stages.briefing import Service
from wawaran_desktop.services.workspace import open_workspace
from wawaran_desktop.views.area_picker import AreaPicker

GONDRONG, CIPONDOH, SUKASARI = "36.71.05.1004", "36.71.05.1001", "36.71.01.1007"


@pytest.fixture
def setup(ws, staff):
    sub, tim = staff
    kabid = ws.staff.add("Ani Suryani", None, "Kepala Bidang DIKP", "kabid")
    campaign = ws.campaigns.create(sub.id, "Wawaran DBD", "3M Plus")
    items = [DataItem.create(campaign=campaign.id, position=i, topic=topic, source_kind="dimc", priority=1,
                             created_by=sub.id, created_at=datetime(2026, 1, 5, 1, 0)).id
             for i, topic in enumerate(["Kasus DBD naik", "Gerakan 3M Plus"])]
    return sub, tim, kabid, campaign, items


def open_panel(qtbot, window, section: int = 0):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.ui.stageTabs.setCurrentIndex(1)
    tab = window.stages.stage(2)
    tab.panel.ui.sectionTabs.setCurrentIndex(section)
    return tab, tab.panel


def type_into(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def add_stop(qtbot, panel, code, address, hour, minute):
    panel.ui.areaPicker.choose(code)
    panel.ui.addressEdit.setText(address)
    panel.ui.timeEdit.setTime(QTime(hour, minute))
    qtbot.mouseClick(panel.ui.addButton, Qt.MouseButton.LeftButton)


def table_rows(panel):
    model = panel.model
    return [tuple(model.index(r, c).data() for c in range(4)) for r in range(model.rowCount())]


def test_briefing_is_recorded_reordered_and_survives_a_restart(clock, qtbot, data_dir, ws, setup, make_window):
    sub, tim, kabid, campaign, items = setup
    window = make_window(ws, sub.id)
    _tab, panel = open_panel(qtbot, window)
    ui = panel.ui
    assert ui.heldAtEdit.text() == "belum diisi"

    # A click on the empty date starts from now; leaving the field stores it.
    qtbot.mouseClick(ui.heldAtEdit, Qt.MouseButton.LeftButton, pos=QPoint(20, ui.heldAtEdit.height() // 2))
    day = ws.today()  # the WIB date of the workspace clock (the 27th while UTC says the 26th)
    assert ui.heldAtEdit.date().toPython() == day
    ui.placeEdit.setFocus()
    stored = Service(ws).get(campaign.id).held_at
    assert stored is not None and to_wib(stored).date() == ui.heldAtEdit.date().toPython()
    today = QDate(day.year, day.month, day.day)
    ui.heldAtEdit.setDateTime(QDateTime(today, QTime(8, 30)))  # a choice from the calendar: stored at once
    held = datetime(today.year(), today.month(), today.day(), 8, 30, tzinfo=WIB)
    assert Service(ws).get(campaign.id).held_at == held
    assert ui.heldAtLabel.text().endswith("pukul 08.30 WIB")

    type_into(qtbot, ui.placeEdit, "Ruang Rapat Bidang DIKP")
    names = {ui.attendeesList.item(i).text(): ui.attendeesList.item(i) for i in range(ui.attendeesList.count())}
    assert list(names)[0] == "Ani Suryani"  # the Kepala Bidang's lane first
    names["Ani Suryani"].setCheckState(Qt.CheckState.Checked)
    names["Budi Santoso"].setCheckState(Qt.CheckState.Checked)
    ui.agendaEdit.setFocus()
    qtbot.keyClicks(ui.agendaEdit, "1. Lokasi")
    qtbot.keyClick(ui.agendaEdit, Qt.Key.Key_Return)
    qtbot.keyClicks(ui.agendaEdit, "2. Topik")
    record = Service(ws).get(campaign.id)
    assert record.place == "Ruang Rapat Bidang DIKP"
    assert record.attendee_ids == {kabid.id, tim.id}

    ui.sectionTabs.setCurrentIndex(1)
    add_stop(qtbot, panel, GONDRONG, "Pasar Gondrong", 9, 0)
    add_stop(qtbot, panel, CIPONDOH, "Kantor Kelurahan", 9, 0)
    assert ui.areaPicker.kecamatan() == "36.71.05" and ui.areaPicker.code() is None  # ready for the next
    assert ui.timeEdit.time() == QTime(9, 30)  # proposed: half an hour after the last stop
    add_stop(qtbot, panel, SUKASARI, "Alun-alun Ahmad Yani", 10, 0)
    assert table_rows(panel) == [("1", "Gondrong (Kec. Cipondoh)", "Pasar Gondrong", "09.00"),
                                 ("2", "Cipondoh (Kec. Cipondoh)", "Kantor Kelurahan", "09.00"),
                                 ("3", "Sukasari (Kec. Tangerang)", "Alun-alun Ahmad Yani", "10.00")]

    ui.locationsTable.selectRow(1)
    assert ui.editorLabel.text().startswith("Lokasi 2")
    qtbot.mouseClick(ui.upButton, Qt.MouseButton.LeftButton)
    assert [r[1][:8] for r in table_rows(panel)] == ["Cipondoh", "Gondrong", "Sukasari"]
    assert ui.locationsTable.selectionModel().selectedRows()[0].row() == 0  # the moved stop stays selected

    # Dragging the first row below the second: the drop asks the service to store the order.
    assert ui.locationsTable.dragDropMode() == QAbstractItemView.DragDropMode.InternalMove
    model = panel.model
    assert model.dropMimeData(model.mimeData([model.index(0, 0)]), Qt.DropAction.MoveAction, 2, 0,
                              QModelIndex()) is False  # the view must not remove the dragged row itself
    assert [s.kelurahan for s in Service(ws).locations(campaign.id)] == ["Gondrong", "Cipondoh", "Sukasari"]

    ui.locationsTable.selectRow(2)
    type_into(qtbot, ui.addressEdit, "Tugu Adipura")
    assert Service(ws).locations(campaign.id)[2].address == "Tugu Adipura"

    ui.sectionTabs.setCurrentIndex(2)
    assert ui.topicsHint.text().startswith("Centang data tahap 1")
    ui.topicsList.item(0).setCheckState(Qt.CheckState.Checked)
    assert ui.topicsHint.text().endswith("(1 dari 2 dipilih).")
    ui.sectionTabs.setCurrentIndex(0)
    ui.notesEdit.setFocus()
    qtbot.keyClicks(ui.notesEdit, "Berangkat 09.00")  # still being typed when the window closes
    window.close()
    ws.close()

    ws2 = open_workspace(data_dir, clock=clock)
    again = make_window(ws2, sub.id)
    _tab, panel = open_panel(qtbot, again)
    ui = panel.ui
    assert ui.heldAtEdit.dateTime() == QDateTime(today, QTime(8, 30))
    assert (ui.placeEdit.text(), ui.agendaEdit.toPlainText(), ui.notesEdit.toPlainText()) == (
        "Ruang Rapat Bidang DIKP", "1. Lokasi\n2. Topik", "Berangkat 09.00")
    ticked = [ui.attendeesList.item(i).text() for i in range(ui.attendeesList.count())
              if ui.attendeesList.item(i).checkState() == Qt.CheckState.Checked]
    assert ticked == ["Ani Suryani", "Budi Santoso"]
    assert table_rows(panel) == [("1", "Gondrong (Kec. Cipondoh)", "Pasar Gondrong", "09.00"),
                                 ("2", "Cipondoh (Kec. Cipondoh)", "Kantor Kelurahan", "09.00"),
                                 ("3", "Sukasari (Kec. Tangerang)", "Tugu Adipura", "10.00")]
    assert ui.topicsList.item(0).checkState() == Qt.CheckState.Checked
    assert ui.topicsList.item(1).checkState() == Qt.CheckState.Unchecked
    ws2.close()


def test_bad_route_and_meeting_input_is_refused_with_a_message(qtbot, ws, setup, make_window):
    sub, _tim, _kabid, campaign, _items = setup
    window = make_window(ws, sub.id)
    _tab, panel = open_panel(qtbot, window, section=1)
    ui = panel.ui
    qtbot.mouseClick(ui.addButton, Qt.MouseButton.LeftButton)  # nothing chosen yet
    assert ui.locationsError.text() == "Pilih kecamatan lalu kelurahan lokasi wawaran."
    assert ui.locationsError.isVisible()

    add_stop(qtbot, panel, GONDRONG, "Pasar Gondrong", 10, 0)
    assert not ui.locationsError.isVisible()
    add_stop(qtbot, panel, SUKASARI, "Alun-alun", 9, 30)
    assert ui.locationsError.text() == (
        "Jam rencana harus urut sesuai rute: lokasi 2 (Sukasari, pukul 09.30) lebih awal dari lokasi 1 "
        "(Gondrong, pukul 10.00). Ubah jamnya atau urutan lokasinya.")
    assert [s.kelurahan for s in Service(ws).locations(campaign.id)] == ["Gondrong"]
    assert ui.addressEdit.text() == "Alun-alun"  # what was typed stays, to be corrected

    ui.locationsTable.selectRow(0)
    ui.timeEdit.setTime(QTime(23, 59))
    ui.timeEdit.setTime(QTime(10, 15))  # each change of a selected stop is stored at once
    assert Service(ws).locations(campaign.id)[0].planned_time == "10:15"

    ui.sectionTabs.setCurrentIndex(0)
    type_into(qtbot, ui.placeEdit, "x" * 201)
    assert ui.meetingError.text() == "Tempat briefing terlalu panjang (201 karakter, maksimal 200)."
    assert Service(ws).get(campaign.id).place == ""
    type_into(qtbot, ui.placeEdit, "Aula")  # corrected: the message goes, the place is stored
    assert not ui.meetingError.isVisible()
    assert Service(ws).get(campaign.id).place == "Aula"


def test_finishing_the_step_needs_a_location_and_a_topic(qtbot, ws, setup, make_window, modals):
    sub, _tim, _kabid, campaign, items = setup
    ws.steps.start(sub.id, campaign.id, 1)
    ws.steps.finish(sub.id, campaign.id, 1)
    window = make_window(ws, sub.id)
    tab, panel = open_panel(qtbot, window, section=1)
    qtbot.mouseClick(tab.ui.startButton, Qt.MouseButton.LeftButton)
    messages: list[str] = []
    modals.then(lambda box: (messages.append(box.text()), box.accept()))
    qtbot.mouseClick(tab.ui.finishButton, Qt.MouseButton.LeftButton)
    assert modals.pending == 0
    assert messages == ["Tahap 2 belum dapat diselesaikan: tambahkan minimal satu lokasi wawaran (tab Lokasi) "
                        "dan pilih minimal satu topik dari data tahap 1 (tab Topik)."]
    assert ws.campaigns.get(campaign.id).step(2).finished_at is None

    add_stop(qtbot, panel, GONDRONG, "Pasar Gondrong", 10, 0)
    panel.ui.sectionTabs.setCurrentIndex(2)
    panel.ui.topicsList.item(1).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(tab.ui.finishButton, Qt.MouseButton.LeftButton)
    assert ws.campaigns.get(campaign.id).step(2).finished_at is not None
    assert tab.ui.statusLabel.text() == "Tepat waktu"


def test_removing_a_stop_asks_first(qtbot, ws, setup, make_window, modals):
    sub, _tim, _kabid, campaign, _items = setup
    service = Service(ws)
    service.add_location(sub.id, campaign.id, GONDRONG, "Pasar", "09:00")
    service.add_location(sub.id, campaign.id, SUKASARI, "Alun-alun", "10:00")
    window = make_window(ws, sub.id)
    _tab, panel = open_panel(qtbot, window, section=1)
    panel.ui.locationsTable.selectRow(0)
    asked: list[str] = []
    modals.then(lambda box: (asked.append(box.text()), box.button(QMessageBox.StandardButton.No).click()))
    qtbot.mouseClick(panel.ui.removeButton, Qt.MouseButton.LeftButton)
    assert asked == ["Hapus lokasi 1 (Kel. Gondrong, Kec. Cipondoh) dari rute?"]
    assert len(service.locations(campaign.id)) == 2
    modals.then(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(panel.ui.removeButton, Qt.MouseButton.LeftButton)
    assert table_rows(panel) == [("1", "Sukasari (Kec. Tangerang)", "Alun-alun", "10.00")]
    assert panel.ui.addButton.isEnabled() and not panel.ui.removeButton.isEnabled()  # back to a new stop


def test_a_cancelled_campaign_is_shown_but_not_editable(qtbot, ws, setup, make_window):
    sub, _tim, _kabid, campaign, _items = setup
    Service(ws).add_location(sub.id, campaign.id, GONDRONG, "Pasar", "09:00")
    ws.campaigns.cancel(sub.id, campaign.id, "Cuaca buruk")
    window = make_window(ws, sub.id)
    _tab, panel = open_panel(qtbot, window, section=1)
    assert table_rows(panel) == [("1", "Gondrong (Kec. Cipondoh)", "Pasar", "09.00")]
    assert not panel.ui.locationsTable.isEnabled() and not panel.ui.addButton.isEnabled()
    assert not panel.ui.placeEdit.isEnabled() and not panel.ui.topicsList.isEnabled()
    panel.ui.sectionTabs.setCurrentIndex(2)  # the sub-tabs can still be read
    assert panel.ui.sectionTabs.currentWidget() is panel.ui.topicsPage


def test_switching_campaign_stores_what_was_typed_and_shows_the_others_own(qtbot, ws, setup, make_window):
    sub, _tim, _kabid, campaign, _items = setup
    other = ws.campaigns.create(sub.id, "Wawaran PBB", "Jatuh tempo")
    window = make_window(ws, sub.id)
    window.list.select(campaign.id)
    _tab, panel = open_panel(qtbot, window)
    panel.ui.placeEdit.setFocus()
    qtbot.keyClicks(panel.ui.placeEdit, "Aula Diskominfo")  # the field is not left
    panel.ui.areaPicker.choose(GONDRONG)  # a new stop, not added yet
    window.list.select(other.id)
    assert window.record.id == other.id
    assert Service(ws).get(campaign.id).place == "Aula Diskominfo"
    assert [(s.kelurahan_code, s.planned_time) for s in Service(ws).locations(campaign.id)] == [(GONDRONG, "09:00")]
    assert panel.ui.placeEdit.text() == "" and panel.ui.areaPicker.code() is None
    assert Service(ws).locations(other.id) == []
    window.list.select(campaign.id)
    assert panel.ui.placeEdit.text() == "Aula Diskominfo"
    assert table_rows(panel) == [("1", "Gondrong (Kec. Cipondoh)", "", "09.00")]


def test_a_half_typed_new_stop_holds_the_campaign_until_it_is_added_or_cleared(
        qtbot, ws, setup, make_window, modals):
    sub, _tim, _kabid, campaign, _items = setup
    other = ws.campaigns.create(sub.id, "Wawaran PBB", "Jatuh tempo")
    window = make_window(ws, sub.id)
    window.list.select(campaign.id)
    _tab, panel = open_panel(qtbot, window, section=1)
    ui = panel.ui
    add_stop(qtbot, panel, GONDRONG, "Pasar Gondrong", 10, 0)
    assert ui.areaPicker.kecamatan() == "36.71.05" and ui.areaPicker.code() is None
    window.list.select(other.id)  # only the kecamatan kept for the next stop: nothing to store
    assert window.record.id == other.id
    window.list.select(campaign.id)

    ui.addressEdit.setFocus()
    qtbot.keyClicks(ui.addressEdit, "Depan Masjid Raya")  # no kelurahan chosen
    warned: list[str] = []
    modals.then(lambda box: (warned.append(box.text()), box.accept()))
    window.list.select(other.id)
    assert modals.pending == 0
    message = ("Lokasi baru \"Depan Masjid Raya\" belum ditambahkan ke rute: pilih kecamatan dan kelurahannya "
               "lalu klik Tambah, atau kosongkan alamatnya.")
    assert warned == [message]
    qtbot.waitUntil(lambda: window.list.current_id() == campaign.id)
    assert window.record.id == campaign.id
    assert ui.locationsError.text() == message and ui.addressEdit.text() == "Depan Masjid Raya"
    assert len(Service(ws).locations(campaign.id)) == 1

    ui.areaPicker.choose(CIPONDOH)  # completed: stored when the campaign is left
    ui.timeEdit.setTime(QTime(8, 0))  # but before the first stop: refused, with the reason
    modals.then(lambda box: (warned.append(box.text()), box.accept()))
    assert not panel.flush()
    assert warned[-1].startswith("Lokasi baru belum ditambahkan ke rute: Jam rencana harus urut")
    ui.timeEdit.setTime(QTime(11, 0))
    assert panel.flush() and not ui.locationsError.isVisible()
    assert [(s.kelurahan_code, s.address) for s in Service(ws).locations(campaign.id)] == [
        (GONDRONG, "Pasar Gondrong"), (CIPONDOH, "Depan Masjid Raya")]
    assert ui.addressEdit.text() == "" and ui.areaPicker.code() is None  # ready for the next stop
    window.list.select(other.id)
    assert window.record.id == other.id


def test_topics_added_at_stage_1_meanwhile_are_listed_when_shown_again(qtbot, ws, setup, make_window):
    sub, _tim, _kabid, campaign, _items = setup
    window = make_window(ws, sub.id)
    _tab, panel = open_panel(qtbot, window, section=2)
    assert panel.ui.topicsList.count() == 2
    DataItem.create(campaign=campaign.id, position=2, topic="Siaga banjir", source_kind="prokomp",
                    created_by=sub.id, created_at=datetime(2026, 1, 5, 1, 0))
    window.ui.stageTabs.setCurrentIndex(0)
    window.ui.stageTabs.setCurrentIndex(1)
    assert panel.ui.topicsList.item(2).text() == "Siaga banjir  (prioritas Sedang)"
    assert panel.ui.topicsHint.text().endswith("(0 dari 3 dipilih).")


def test_area_picker_refills_the_kelurahan_of_the_chosen_kecamatan(qtbot):
    picker = AreaPicker()
    qtbot.addWidget(picker)
    chosen: list[str] = []
    picker.chosen.connect(chosen.append)
    assert picker.kecamatan_combo.count() == 1 + 13
    assert not picker.kelurahan_combo.isEnabled() and picker.code() is None
    total = 0
    for i in range(1, picker.kecamatan_combo.count()):
        picker.kecamatan_combo.setCurrentIndex(i)
        total += picker.kelurahan_combo.count() - 1
    assert total == 104
    picker.kecamatan_combo.setCurrentIndex(picker.kecamatan_combo.findText("Cipondoh"))
    names = [picker.kelurahan_combo.itemText(i) for i in range(picker.kelurahan_combo.count())]
    assert names[:4] == ["— pilih kelurahan —", "Cipondoh", "Cipondoh Indah", "Cipondoh Makmur"] and len(names) == 11
    assert chosen == [] and picker.code() is None  # a kecamatan alone is not a place yet
    index = picker.kelurahan_combo.findText("Gondrong")
    picker.kelurahan_combo.setCurrentIndex(index)
    picker.kelurahan_combo.activated.emit(index)
    assert chosen == [GONDRONG]
    picker.set_code(SUKASARI)
    assert (picker.kecamatan_combo.currentText(), picker.kelurahan_combo.currentText()) == ("Tangerang", "Sukasari")
    assert chosen == [GONDRONG]  # set by the program: nothing emitted


def test_area_picker_lists_kecamatan_and_kelurahan_alphabetically(qtbot):
    """Issue 15: the kecamatan came in Kemendagri code order (Tangerang, Jatiuwung, Batuceper…)."""
    picker = AreaPicker()
    qtbot.addWidget(picker)
    kecamatan = [picker.kecamatan_combo.itemText(i) for i in range(1, picker.kecamatan_combo.count())]
    assert kecamatan == sorted(kecamatan, key=str.casefold) and kecamatan[0] == "Batuceper"
    assert picker.kecamatan_combo.itemText(0) == "— pilih kecamatan —"  # the prompt stays first
    for i in range(1, picker.kecamatan_combo.count()):
        picker.kecamatan_combo.setCurrentIndex(i)
        names = [picker.kelurahan_combo.itemText(j) for j in range(1, picker.kelurahan_combo.count())]
        assert names == sorted(names, key=str.casefold), kecamatan[i - 1]
