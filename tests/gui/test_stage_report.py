"""Stage 8 tab: the drafted report is edited, refused when too long, locked when finished."""

from __future__ import annotations

from crew import lane_actor, step_actor
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from wawaran_desktop.db.stage_models import Location, Report
from wawaran_desktop.services.stages import dissemination
from wawaran_desktop.services.stages.report import BODY_MAX
from wawaran_desktop.services.workspace import open_workspace


def click(qtbot, button):
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def stored_body(cid):
    row = Report.get_or_none(Report.campaign == cid)
    return None if row is None else row.body


def open_stage_8(window):
    window.ui.stageTabs.setCurrentIndex(7)
    tab = window.stages.stage(8)
    return tab, tab.panel


def visited_campaign(ws, actor_id):
    """A campaign (opened by ``actor_id``) whose car visited Sukasari, the route kept by the
    Kernet/Supir; steps 1–7 are left to the test."""
    cid = ws.campaigns.create(actor_id, "Wawaran Pencegahan DBD", "3M Plus").id
    Location.create(campaign=cid, position=1, kelurahan_code="36.71.01.1007", address="Taman Gajah Tunggal")
    route = dissemination.Service(ws)
    driver = step_actor(ws, cid, 7)
    stop = route.ensure_route(driver, cid).stops[0]
    route.arrive(driver, cid, stop.id)
    route.depart(driver, cid, stop.id)
    route.update_stop(driver, cid, stop.id, flyers=120, audience=80)
    return cid


def test_draft_edit_too_long_then_finish_locks_and_reopen_unlocks(qtbot, ws, staff, make_window, modals):
    cid = visited_campaign(ws, staff[0].id)
    tim = staff[1].id  # the report is the Tim's
    ws.steps.start(tim, cid, 8, reason="Uji tahap laporan")
    window = make_window(ws, tim)
    tab, panel = open_stage_8(window)
    text = panel.ui.bodyEdit.toPlainText()
    assert "kepada warga di Kelurahan Sukasari, Kecamatan Tangerang." in text  # the area, not the stop's figures
    assert "120 selebaran" not in text and "belum disimpan" in panel.ui.statusLabel.text()
    assert stored_body(cid) is None  # looking at the draft stores nothing

    panel.ui.bodyEdit.setPlainText("x" * (BODY_MAX + 5))
    assert panel.ui.counterLabel.text() == "50.005 / 50.000 karakter"
    assert not panel.flush()
    assert "Laporan terlalu panjang (50.005 karakter, maksimal 50.000)." == panel.ui.errorLabel.text()
    assert panel.ui.errorLabel.isVisible() and stored_body(cid) is None

    panel.ui.bodyEdit.selectAll()
    qtbot.keyClicks(panel.ui.bodyEdit, "Laporan: 1 lokasi, 120 selebaran.")
    qtbot.waitUntil(lambda: stored_body(cid) == "Laporan: 1 lokasi, 120 selebaran.")
    assert not panel.ui.errorLabel.isVisible() and panel.ui.statusLabel.text().startswith("Tersimpan oleh Budi Santoso, ")

    click(qtbot, tab.ui.finishButton)
    assert window.ui.stageTabs.currentIndex() == 8  # finishing brings stage 9's tab: back to 8
    window.ui.stageTabs.setCurrentIndex(7)
    assert panel.ui.lockLabel.isVisible() and panel.ui.bodyEdit.isReadOnly()
    assert not panel.ui.resetButton.isEnabled()
    qtbot.keyClicks(panel.ui.bodyEdit, " diubah")
    assert stored_body(cid) == "Laporan: 1 lokasi, 120 selebaran."

    def reason(dialog):
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Jumlah warga perlu dikoreksi")
        dialog.accept()

    modals.then(reason)
    click(qtbot, tab.ui.reopenButton)
    assert modals.pending == 0
    assert not panel.ui.lockLabel.isVisible() and not panel.ui.bodyEdit.isReadOnly()

    def confirm(box):
        assert isinstance(box, QMessageBox) and "draf baru" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    modals.then(confirm)
    click(qtbot, panel.ui.resetButton)
    assert modals.pending == 0
    assert stored_body(cid).endswith("bahan evaluasi Kepala Bidang.\n")  # the draft's closing sentence
    assert panel.ui.bodyEdit.toPlainText() == stored_body(cid)


def test_finishing_stores_the_draft_and_the_report_survives_a_restart(clock, qtbot, data_dir, make_window):
    ws = open_workspace(data_dir, clock=clock)
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    cid = visited_campaign(ws, sub.id)
    tim = lane_actor(ws, "tim")  # the report is the Tim's
    ws.steps.start(tim, cid, 8, reason="Uji")
    window = make_window(ws, tim)
    tab, panel = open_stage_8(window)
    draft = panel.ui.bodyEdit.toPlainText()
    click(qtbot, tab.ui.finishButton)  # the draft on screen is what gets finished
    assert stored_body(cid) == draft
    window.ui.stageTabs.setCurrentIndex(7)  # (finishing brought stage 9's tab)
    assert tab.ui.statusLabel.text() == "Tepat waktu" and panel.ui.lockLabel.isVisible()
    window.close()
    ws.close()

    ws2 = open_workspace(data_dir, clock=clock)
    again = make_window(ws2, tim)
    _tab, panel = open_stage_8(again)
    assert panel.ui.bodyEdit.toPlainText() == draft
    assert panel.ui.bodyEdit.isReadOnly() and panel.ui.lockLabel.isVisible()
    ws2.close()


def test_an_untouched_draft_is_stored_only_when_the_step_finishes(qtbot, ws, staff, make_window):
    from stage_content import READINESS_REASON, fill_stage

    from wawaran_desktop.services.stages import report as report_service

    campaign = ws.campaigns.create(staff[0].id, "Wawaran Draf")
    for no in range(1, 8):  # each step by a person of its lane
        who = step_actor(ws, campaign.id, no)
        ws.steps.start(who, campaign.id, no)
        fill_stage(ws, who, campaign.id, no)
        ws.steps.finish(who, campaign.id, no, reason=READINESS_REASON if no == 6 else None)
    actor = step_actor(ws, campaign.id, 8)  # the Tim writes the report
    ws.steps.start(actor, campaign.id, 8)
    window = make_window(ws, actor_id=actor)
    window.list.select(campaign.id)
    window.ui.stageTabs.setCurrentIndex(7)
    tab = window.stages.stage(8)
    window.ui.stageTabs.setCurrentIndex(6)  # leaving the tab does not store the draft
    assert not report_service.Service(ws).get(campaign.id).stored
    window.ui.stageTabs.setCurrentIndex(7)
    qtbot.mouseClick(tab.ui.finishButton, Qt.MouseButton.LeftButton)
    stored = report_service.Service(ws).get(campaign.id)
    assert stored.stored and stored.body.strip()
    assert tab.ui.statusLabel.text() == "Tepat waktu"
