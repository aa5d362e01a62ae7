"""Statistik Waktu per Tahap: the period pickers, the figures computed off the GUI thread, the
table and the chart, with demo data and at the boundaries (an empty period, reversed dates)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from wawaran_desktop import demo
from wawaran_desktop.text import durations
from wawaran_desktop.services.campaigns import CampaignQuery
from wawaran_desktop.services.clock import to_wib
from wawaran_desktop.reports.timeline_stats import StatsQuery, step_statistics

from wawaran_desktop.views.swimlane.timeline_stats_view import TimelineStatsDialog


@pytest.fixture
def filled(ws):
    demo.generate(ws, 60, seed=2)
    return ws


def settled(qtbot, dialog: TimelineStatsDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert dialog.error is None


def cell(dialog: TimelineStatsDialog, row: int, column: int) -> str:
    return dialog.ui.statsTable.item(row, column).text()


def chart_texts(dialog: TimelineStatsDialog) -> list[str]:
    return [i.text() for i in dialog.ui.chartView.scene().items() if isinstance(i, QGraphicsSimpleTextItem)]


def test_opened_from_the_menu_with_the_last_three_months(filled, make_window, qtbot):
    window = make_window(filled)
    menu = window.timeline  # the main window installs it
    menu.stats_action.trigger()
    dialog = menu.dialog
    assert dialog.isVisible() and not dialog.isModal()
    today = to_wib(filled.clock()).date()
    assert dialog.ui.toDate.date().toPython() == today
    assert dialog.ui.fromDate.date().toPython() == QDate(today.year, today.month, today.day).addMonths(-3).toPython()
    assert dialog.ui.fromDate.calendarPopup() and dialog.ui.toDate.calendarPopup()
    settled(qtbot, dialog)
    expected = step_statistics(filled.sop, dialog.query(), limits=filled.thresholds)
    assert dialog.stats == expected and expected.measured > 0
    assert dialog.ui.statsTable.rowCount() == 9
    for row, step in enumerate(expected.steps):
        assert cell(dialog, row, 0) == step.label
        assert cell(dialog, row, 2) == str(step.count)
        if step.seconds is not None:
            assert cell(dialog, row, 3) == durations.text(step.seconds.mean)
            assert cell(dialog, row, 7) == f"{durations.text(step.seconds.minimum)} – {durations.text(step.seconds.maximum)}"
            assert cell(dialog, row, 8).endswith(f"({step.late_share * 100:.0f}%)")
    assert f"{expected.campaigns} kampanye dibuat" in dialog.ui.summaryLabel.text()
    assert "1. Pengumpulan Data" in chart_texts(dialog)
    demo.generate(filled, 5, seed=9)
    menu.stats_action.trigger()  # opened again: the same dialog, not a second one, brought up to date
    assert menu.dialog is dialog
    settled(qtbot, dialog)
    fresh = dialog.stats
    in_period = filled.campaigns.count(CampaignQuery(date_from=fresh.query.date_from, date_to=fresh.query.date_to))
    assert fresh.campaigns + fresh.cancelled_left_out == in_period
    assert fresh == step_statistics(filled.sop, dialog.query(), limits=filled.thresholds)


def test_cancelled_campaigns_join_when_asked(filled, qtbot):
    dialog = TimelineStatsDialog(filled)
    qtbot.addWidget(dialog)
    dialog.ui.fromDate.setDate(QDate(2000, 1, 1))
    settled(qtbot, dialog)
    left_out = dialog.stats
    assert left_out.cancelled_left_out > 0  # the demo cancels a few
    assert "yang dibatalkan tidak disertakan" in dialog.ui.summaryLabel.text()
    dialog.ui.cancelledCheck.setChecked(True)
    settled(qtbot, dialog)
    assert dialog.stats.query.include_cancelled
    assert dialog.stats.campaigns == left_out.campaigns + left_out.cancelled_left_out
    assert "termasuk yang dibatalkan" in dialog.ui.summaryLabel.text()


def test_a_period_without_campaigns_and_reversed_dates(filled, qtbot):
    dialog = TimelineStatsDialog(filled)
    qtbot.addWidget(dialog)
    dialog.show()
    future = to_wib(filled.clock()).date() + timedelta(days=30)
    dialog.ui.toDate.setDate(QDate(future.year, future.month, future.day))
    dialog.ui.fromDate.setDate(QDate(future.year, future.month, future.day).addDays(5))  # after "to"
    settled(qtbot, dialog)
    assert dialog.query() == StatsQuery(future, future + timedelta(days=5))
    assert dialog.stats.campaigns == 0 and dialog.stats.measured == 0
    assert [cell(dialog, 0, c) for c in (2, 3, 8)] == ["0", "–", "–"]
    assert chart_texts(dialog).count("belum ada tahap yang selesai") == 9


def test_a_change_during_a_computation_is_computed_after_it(filled, qtbot):
    dialog = TimelineStatsDialog(filled)
    qtbot.addWidget(dialog)
    assert dialog.job is not None  # the first computation runs on the pool
    dialog.ui.fromDate.setDate(QDate(2000, 1, 1))
    dialog.compute()  # asked while the first one runs: queued, not run twice at once
    assert dialog._pending
    settled(qtbot, dialog)
    assert dialog.stats.query.date_from == date(2000, 1, 1)


def test_new_thresholds_count_the_late_steps_again_in_an_open_dialog(filled, make_window, qtbot, modals):
    from PySide6.QtWidgets import QDialogButtonBox

    window = make_window(filled)
    window.timeline.stats_action.trigger()
    dialog = window.timeline.dialog
    settled(qtbot, dialog)
    before = sum(step.late for step in dialog.stats.steps)
    assert before > 0

    def most_lenient(thresholds_dialog):
        thresholds_dialog.ui.lateSpin.setValue(thresholds_dialog.ui.lateSpin.maximum())  # 200%
        thresholds_dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()

    modals.then(most_lenient)
    window.ui.actionThresholds.trigger()
    assert not modals.pending
    settled(qtbot, dialog)
    assert dialog.stats.limits == filled.thresholds and filled.thresholds.late == 2.0
    assert dialog.stats == step_statistics(filled.sop, dialog.query(), limits=filled.thresholds)
    assert sum(step.late for step in dialog.stats.steps) < before
