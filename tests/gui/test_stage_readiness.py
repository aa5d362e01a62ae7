"""Stage 6 tab: the completeness checklist driven as a user would, inside the main window."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from wawaran_desktop.db.stage_models import Location, NarrationVersion, Readiness
from wawaran_desktop.services.stages.readiness import Service
from wawaran_desktop.services.workspace import open_workspace


@pytest.fixture
def setup(ws, staff):
    """The Sub Kor opens the campaign; the check is the Tim's (and the Kernet/Supir's): the Tim
    member signs in to work it."""
    sub, tim = staff
    joko = ws.staff.add("Joko Susilo", None, "Pengemudi", "kernet")
    rudi = ws.staff.add("Rudi Hartono", None, "Kernet", "kernet")
    campaign = ws.campaigns.create(sub.id, "Wawaran DBD", "3M Plus")
    for i, confirmed in enumerate([True, False, False]):
        Location.create(campaign=campaign.id, position=i, kelurahan_code="36.71.01.1001", address=f"Pos {i + 1}",
                        confirmed=confirmed)
    return sub, tim, joko, rudi, campaign


def open_panel(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.ui.stageTabs.setCurrentIndex(5)
    tab = window.stages.stage(6)
    return tab, tab.panel


def row(panel, key):
    return panel._rows[key]


def choose(combo, staff_id):
    """Pick a person as the user does (the combo's ``activated`` follows a choice)."""
    index = combo.findData(staff_id)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_checklist_is_worked_through_and_survives_a_restart(clock, qtbot, ws, data_dir, setup, make_window):
    _sub, tim, joko, rudi, campaign = setup
    NarrationVersion.create(campaign=campaign.id, number=1, text="Narasi", author=tim.id,
                            saved_at=datetime(2026, 11, 26, 1, 0), is_final=True)
    window = make_window(ws, tim.id)
    tab, panel = open_panel(qtbot, window)
    assert row(panel, "locations").text(1) == "✘ 2 dari 3 lokasi belum dikonfirmasi"
    assert row(panel, "script").text(1) == "✔ Narasi versi 1 ditandai final"
    assert not row(panel, "locations").flags() & Qt.ItemFlag.ItemIsUserCheckable  # computed: no tick box

    qtbot.mouseClick(panel.ui.confirmLocationsButton, Qt.MouseButton.LeftButton)
    assert row(panel, "locations").text(1) == "✔ Semua 3 lokasi dikonfirmasi"
    assert not panel.ui.confirmLocationsButton.isEnabled()
    assert all(loc.confirmed for loc in Location.select())

    row(panel, "vehicle_fuel").setCheckState(0, Qt.CheckState.Checked)
    row(panel, "kelengkapan:0").setCheckState(0, Qt.CheckState.Checked)
    assert tab.ui.checklist.item(0).checkState() == Qt.CheckState.Checked  # the tab's own list agrees
    assert row(panel, "vehicle_fuel").text(1) == "✔ oleh Budi Santoso"

    panel.ui.flyersSpin.setFocus()
    panel.ui.flyersSpin.lineEdit().selectAll()
    qtbot.keyClicks(panel.ui.flyersSpin, "300")
    qtbot.keyClick(panel.ui.flyersSpin, Qt.Key.Key_Tab)
    assert row(panel, "flyers").text(1) == "✔ 300 lembar"
    choose(panel.ui.driverCombo, joko.id)
    choose(panel.ui.announcerCombo, rudi.id)
    assert row(panel, "crew").text(1) == "✔ Sopir: Joko Susilo; penyiar: Rudi Hartono"

    tree = panel.ui.checklistTree
    tree.setCurrentItem(row(panel, "vehicle_sound"), 2)
    tree.editItem(row(panel, "vehicle_sound"), 2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "Mikrofon cadangan dibawa")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits the editor a moment later
    qtbot.waitUntil(lambda: Service(ws).get(campaign.id).item("vehicle_sound").note == "Mikrofon cadangan dibawa")
    assert "6 dari 9 butir lengkap" in panel.ui.summaryLabel.text()
    tree.editItem(row(panel, "crew"), 2)
    qtbot.keyClicks(QApplication.focusWidget(), "Sopir cadangan: Pak Ahmad")  # still being typed
    window.close()
    ws.close()

    ws2 = open_workspace(data_dir, clock=clock)
    again = make_window(ws2, tim.id)
    _tab, panel = open_panel(qtbot, again)
    assert row(panel, "vehicle_fuel").checkState(0) == Qt.CheckState.Checked
    assert row(panel, "kelengkapan:0").checkState(0) == Qt.CheckState.Checked
    assert row(panel, "vehicle_sound").text(2) == "Mikrofon cadangan dibawa"
    assert row(panel, "crew").text(2) == "Sopir cadangan: Pak Ahmad"
    assert panel.ui.flyersSpin.value() == 300
    assert (panel.ui.driverCombo.currentData(), panel.ui.announcerCombo.currentData()) == (joko.id, rudi.id)
    ws2.close()


def test_the_same_person_as_driver_and_announcer_is_refused(qtbot, ws, setup, make_window):
    _sub, tim, joko, _rudi, campaign = setup
    window = make_window(ws, tim.id)
    _tab, panel = open_panel(qtbot, window)
    choose(panel.ui.driverCombo, joko.id)
    choose(panel.ui.announcerCombo, joko.id)
    assert panel.ui.errorLabel.isVisible()
    assert panel.ui.errorLabel.text().startswith("Sopir dan penyiar harus orang yang berbeda")
    assert panel.ui.announcerCombo.currentData() is None  # back to what is stored
    stored = Readiness.get(Readiness.campaign == campaign.id)
    assert (stored.driver_id, stored.announcer_id) == (joko.id, None)
    assert row(panel, "crew").text(1) == "✘ Penyiar belum ditugaskan"


def test_finishing_with_open_items_asks_for_a_reason(qtbot, ws, setup, make_window, modals):
    _sub, tim, _joko, _rudi, campaign = setup
    ws.steps.start(tim.id, campaign.id, 6, reason="Pengecekan sambil menunggu disposisi")
    window = make_window(ws, tim.id)
    tab, _panel = open_panel(qtbot, window)
    prompts: list[str] = []

    def answer(text):
        def handler(dialog):
            assert isinstance(dialog, QInputDialog)
            prompts.append(dialog.labelText())
            if text is None:
                dialog.reject()
            else:
                dialog.setTextValue(text)
                dialog.accept()
        return handler

    modals.then(answer(None))  # the checker cancels: the step stays open
    qtbot.mouseClick(tab.ui.finishButton, Qt.MouseButton.LeftButton)
    assert prompts[0].startswith("Belum lengkap: Kelengkapan: Flyers, ")
    assert "Lokasi dikonfirmasi" in prompts[0] and "Isi alasan untuk tetap menyelesaikan." in prompts[0]
    assert ws.campaigns.get(campaign.id).step(6).finished_at is None

    modals.then(answer("Flyers menyusul dibawa tim kedua"))
    qtbot.mouseClick(tab.ui.finishButton, Qt.MouseButton.LeftButton)
    step = ws.campaigns.get(campaign.id).step(6)
    assert step.finished_at is not None
    assert step.events[-1].reason == "Flyers menyusul dibawa tim kedua"
    assert "alasan: Flyers menyusul dibawa tim kedua" in tab.ui.historyList.item(1).text()


def test_a_cancelled_campaign_shows_the_checklist_read_only(qtbot, ws, setup, make_window):
    sub, tim, _joko, _rudi, campaign = setup
    Service(ws).set_flyers(tim.id, campaign.id, 120)
    ws.campaigns.cancel(sub.id, campaign.id, "Mobil wawaran diperbaiki")
    window = make_window(ws, tim.id)
    _tab, panel = open_panel(qtbot, window)
    assert row(panel, "flyers").text(1) == "✔ 120 lembar"
    assert not panel.ui.flyersSpin.isEnabled() and not panel.ui.checklistTree.isEnabled()
    assert panel.ui.scrollArea.isEnabled()  # still scrolls to be read


def test_a_count_typed_outside_ones_lane_stays_and_holds_the_campaign_until_a_reason_is_recorded(
        qtbot, ws, setup, make_window, modals):
    # (Before sign-in: typed while nobody was chosen in "Petugas yang bertugas".) Who acts is the
    # signed-in person: here the Sub Kor, an administrator, in the Tim's and the Kernet's step.
    sub, _tim, _joko, _rudi, campaign = setup
    other = ws.campaigns.create(sub.id, "Wawaran PBB", "Jatuh tempo")
    window = make_window(ws, sub.id)
    assert window.ui.accountLabel.text() == "Siti Rahmawati (Sub Kor DIMC, administrator)"
    window.list.select(campaign.id)
    _tab, panel = open_panel(qtbot, window)
    told: list[str] = []

    def cancel_the_reason(dialog):
        assert isinstance(dialog, QInputDialog) and dialog.windowTitle() == "Bertindak di luar lajur"
        told.append(dialog.labelText())
        dialog.reject()

    modals.then(cancel_the_reason)
    panel.ui.flyersSpin.setFocus()
    panel.ui.flyersSpin.lineEdit().selectAll()
    qtbot.keyClicks(panel.ui.flyersSpin, "300")
    qtbot.keyClick(panel.ui.flyersSpin, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: modals.pending == 0)
    assert told[0].startswith("Tahap 6 (Pengecekan) dikerjakan oleh Tim atau Kernet/Supir.")
    assert panel.ui.flyersSpin.value() == 300  # what was typed stays on screen
    assert Service(ws).get(campaign.id).flyers_count is None

    assert panel.ui.errorLabel.text() == told[0].split("\n\nAlasan")[0]  # the refusal stays under the form

    def not_stored(box):
        assert isinstance(box, QMessageBox) and box.windowTitle() == "Pengecekan belum tersimpan"
        told.append(box.text())
        box.accept()

    modals.then(cancel_the_reason).then(not_stored)
    assert not panel.flush()  # nothing was stored: the window must not move on
    assert len(told) == 3 and told[2] == panel.ui.errorLabel.text() and panel.ui.flyersSpin.value() == 300
    modals.then(cancel_the_reason).then(not_stored)
    window.list.select(other.id)
    qtbot.waitUntil(lambda: window.list.current_id() == campaign.id)
    assert window.record.id == campaign.id and panel.ui.flyersSpin.value() == 300

    def give_the_reason(dialog):
        assert isinstance(dialog, QInputDialog) and dialog.windowTitle() == "Bertindak di luar lajur"
        dialog.setTextValue("Tim sedang di lapangan; jumlah flyers dicatat Sub Kor")
        dialog.accept()

    modals.then(give_the_reason)
    assert panel.flush()
    assert not modals.errors and modals.pending == 0
    assert Service(ws).get(campaign.id).flyers_count == 300
    assert row(panel, "flyers").text(1) == "✔ 300 lembar" and panel.ui.errorLabel.isHidden()
    window.list.select(other.id)
    assert window.record.id == other.id and panel.ui.flyersSpin.value() == -1
