"""The running step's timer and colours follow the clock, from stored times only."""

from __future__ import annotations


from fakes import Clock  # tests/fakes.py
from PySide6.QtCore import Qt

from wawaran_desktop.services.timing import StepStatus
from wawaran_desktop.services.workspace import open_workspace
from wawaran_desktop.views.status_style import STATUS_COLOURS


def test_timer_turns_at_risk_then_late_and_survives_a_restart(qtbot, data_dir, make_window):
    clock = Clock()
    ws = open_workspace(data_dir, clock=clock)
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    campaign = ws.campaigns.create(sub.id, "Wawaran Banjir", "Kesiapsiagaan")
    window = make_window(ws)
    tab = window.stages.stage(1)
    qtbot.mouseClick(tab.ui.startButton, Qt.MouseButton.LeftButton)
    assert tab.ui.elapsedLabel.text() == "0 mnt 00 dtk"
    assert tab.ui.wallLabel.text() == "dari baku 20 mnt"  # wall-clock time only once paused

    clock.advance(minutes=15, seconds=59)
    window.tick()
    assert tab.ui.statusLabel.text() == "Berjalan"
    clock.advance(seconds=1)  # exactly 80% of 20 minutes
    window.tick()
    assert tab.ui.elapsedLabel.text() == "16 mnt 00 dtk"
    assert tab.ui.statusLabel.text() == "Berisiko terlambat"
    bar = window.ui.stageTabs.tabBar()
    assert bar.tabTextColor(0).name() == STATUS_COLOURS[StepStatus.AT_RISK][0]

    clock.advance(minutes=5, seconds=30)
    window.tick()
    assert tab.ui.statusLabel.text() == "Terlambat\n+1 mnt 30 dtk"
    assert tab.ui.elapsedLabel.text() == "21 mnt 30 dtk"
    assert bar.tabTextColor(0).name() == STATUS_COLOURS[StepStatus.LATE][0]
    assert "Waktu kerja 21 mnt 30 dtk dari baku 185 mnt" in window.ui.totalLabel.text()
    window.close()
    ws.close()

    clock.advance(minutes=10)  # the application was closed for ten minutes
    ws2 = open_workspace(data_dir, clock=clock)
    again = make_window(ws2)
    assert again.record.id == campaign.id
    assert again.stages.stage(1).ui.elapsedLabel.text() == "31 mnt 30 dtk"
    assert again.stages.stage(1).ui.statusLabel.text() == "Terlambat\n+11 mnt 30 dtk"
    ws2.close()


def test_the_one_second_tick_runs(qtbot, ws, staff, make_window):
    window = make_window(ws)
    assert window._ticker.isActive() and window._ticker.interval() == 1000


def test_pause_stops_the_clock_by_mouse_and_resume_starts_it_again(qtbot, data_dir, make_window, modals):
    from PySide6.QtWidgets import QInputDialog

    clock = Clock()
    ws = open_workspace(data_dir, clock=clock)
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    ws.campaigns.create(sub.id, "Wawaran Banjir", "Kesiapsiagaan")
    window = make_window(ws)
    tab = window.stages.stage(1)
    assert not tab.ui.pauseButton.isEnabled()
    qtbot.mouseClick(tab.ui.startButton, Qt.MouseButton.LeftButton)
    clock.advance(minutes=10)

    def cancel(dialog):
        assert isinstance(dialog, QInputDialog)
        dialog.reject()

    modals.then(cancel)
    qtbot.mouseClick(tab.ui.pauseButton, Qt.MouseButton.LeftButton)
    assert ws.campaigns.get(window.record.id).step(1).state.value == "running"  # cancelled: nothing stored

    def reason(dialog):
        dialog.setTextValue("Menunggu kendaraan kembali")
        dialog.accept()

    modals.then(reason)
    qtbot.mouseClick(tab.ui.pauseButton, Qt.MouseButton.LeftButton)
    assert tab.ui.statusLabel.text() == "Dijeda"
    assert tab.ui.pauseButton.isEnabled() and tab.ui.pauseButton.text() == "Lan&jutkan"  # Alt+J, as Jeda… (Alt+K is the Kampanye menu)
    assert tab.ui.finishButton.isEnabled()
    assert "dijeda" in window.ui.totalLabel.text()
    clock.advance(minutes=30)  # paused: the working time stands still
    window.tick()
    assert tab.ui.elapsedLabel.text() == "10 mnt 00 dtk"
    assert tab.ui.wallLabel.text() == "dari baku 20 mnt\njam dinding 40 mnt 00 dtk · jeda 30 mnt 00 dtk"
    assert tab.ui.historyList.item(1).text().endswith("Dijeda oleh Siti Rahmawati (alasan: Menunggu kendaraan kembali)")

    qtbot.mouseClick(tab.ui.pauseButton, Qt.MouseButton.LeftButton)  # now "Lanjutkan"
    assert tab.ui.pauseButton.text() == "&Jeda…"
    clock.advance(minutes=6)  # 16 of 20 working minutes: at risk
    window.tick()
    assert tab.ui.elapsedLabel.text() == "16 mnt 00 dtk"
    assert tab.ui.statusLabel.text() == "Berisiko terlambat"
    assert tab.ui.wallLabel.text() == "dari baku 20 mnt\njam dinding 46 mnt 00 dtk · jeda 30 mnt 00 dtk"
    assert not modals.pending


def test_a_few_seconds_over_reads_as_seconds_over_not_zero_minutes(qtbot, data_dir, make_window):
    clock = Clock()
    ws = open_workspace(data_dir, clock=clock)
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    campaign = ws.campaigns.create(sub.id, "Wawaran Banjir", "Kesiapsiagaan")
    ws.steps.start(sub.id, campaign.id, 1)
    clock.advance(minutes=20, seconds=12)
    window = make_window(ws)
    assert window.stages.stage(1).ui.statusLabel.text() == "Terlambat\n+0 mnt 12 dtk"


def test_ok_with_an_empty_pause_reason_asks_again_instead_of_doing_nothing(qtbot, data_dir, make_window, modals):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    clock = Clock()
    ws = open_workspace(data_dir, clock=clock)
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    campaign = ws.campaigns.create(sub.id, "Wawaran Banjir", "Kesiapsiagaan")
    ws.steps.start(sub.id, campaign.id, 1)
    window = make_window(ws)
    tab = window.stages.stage(1)
    warnings = []

    def empty(dialog):
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("   ")
        dialog.accept()

    def told(box):
        assert isinstance(box, QMessageBox)
        warnings.append(box.text())
        box.accept()

    def reason(dialog):
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Menunggu kendaraan")
        dialog.accept()

    modals.then(empty).then(told).then(reason)
    qtbot.mouseClick(tab.ui.pauseButton, Qt.MouseButton.LeftButton)
    assert warnings and "Alasan wajib diisi" in warnings[0]
    assert ws.campaigns.get(campaign.id).step(1).state.value == "paused"
