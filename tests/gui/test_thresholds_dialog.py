"""The at-risk and late thresholds are set in a dialog and colour every timer at once."""

from __future__ import annotations

from datetime import timedelta

from fakes import Clock  # tests/fakes.py
from PySide6.QtWidgets import QDialogButtonBox

from wawaran_desktop.services import timing
from wawaran_desktop.services.workspace import open_workspace
from wawaran_desktop.views.thresholds_dialog import ThresholdsDialog


def test_new_thresholds_recolour_the_running_step_and_survive_a_restart(qtbot, data_dir, make_window, modals):
    clock = Clock()
    ws = open_workspace(data_dir, clock=clock)
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    campaign = ws.campaigns.create(sub.id, "Wawaran Banjir", "Kesiapsiagaan")
    ws.steps.start(sub.id, campaign.id, 1)
    clock.now += timedelta(minutes=15)  # 75% of 20 minutes
    window = make_window(ws)
    tab = window.stages.stage(1)
    assert tab.ui.statusLabel.text() == "Berjalan"

    def set_70_and_110(dialog):
        assert isinstance(dialog, ThresholdsDialog)
        assert (dialog.ui.atRiskSpin.value(), dialog.ui.lateSpin.value()) == (80, 100)
        dialog.ui.atRiskSpin.setValue(70)
        dialog.ui.lateSpin.setValue(110)
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()

    modals.then(set_70_and_110)
    window.ui.actionThresholds.trigger()
    assert not modals.pending
    assert tab.ui.statusLabel.text() == "Berisiko terlambat"
    clock.now += timedelta(minutes=6, seconds=30)  # 107.5%: late by default, not with 110%
    window.tick()
    assert tab.ui.statusLabel.text().startswith("Berisiko terlambat")
    window.close()
    ws.close()

    ws2 = open_workspace(data_dir, clock=clock)
    assert ws2.thresholds == timing.Thresholds(0.7, 1.1)
    dialog = ThresholdsDialog(ws2, sub.id)
    assert (dialog.ui.atRiskSpin.value(), dialog.ui.lateSpin.value()) == (70, 110)
    dialog.ui.defaultsButton.click()
    assert (dialog.ui.atRiskSpin.value(), dialog.ui.lateSpin.value()) == (80, 100)
    dialog.reject()
    assert ws2.thresholds == timing.Thresholds(0.7, 1.1)  # cancelled: nothing changed
    ws2.close()
