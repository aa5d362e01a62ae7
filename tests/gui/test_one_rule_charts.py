"""What the chart's and the timeline's widgets draw for the campaign of known seconds
(tests/seconds_campaign.py): the swimlane's symbols, Aktual cells and totals row, the Gantt's
figures and tooltips, the statistics table and chart — the same figures and statuses."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fakes import Clock
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsRectItem
from seconds_campaign import LATE, TEXT, TOTAL_TEXT, run_seconds_campaign

from wawaran_desktop.services.clock import to_wib
from wawaran_desktop.charts.timeline_bars import campaign_timeline
from wawaran_desktop.reports.timeline_stats import StatsQuery, step_statistics
from wawaran_desktop.services.timing import StepStatus
from wawaran_desktop.services.workspace import open_workspace
from wawaran_desktop.views.status_style import STATUS_COLOURS
from wawaran_desktop.views.swimlane import timeline_paint as paint
from wawaran_desktop.views.swimlane.layouts import layout_for
from wawaran_desktop.views.swimlane.scene import ChartScene
from wawaran_desktop.views.swimlane.timeline_gantt import GanttScene
from wawaran_desktop.views.swimlane.timeline_stats_chart import build_chart, median_status
from wawaran_desktop.views.swimlane.timeline_stats_view import table_row


@pytest.fixture
def seconds(data_dir):
    """(workspace, record, now) of the finished seconds campaign."""
    clock = Clock()
    ws = open_workspace(data_dir, clock=clock)
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    cid = run_seconds_campaign(ws, lambda delta: clock.advance(seconds=delta.total_seconds()), sub.id)
    yield ws, ws.campaigns.get(cid), clock.advance(minutes=30)
    ws.close()


def status_of(no: int) -> StepStatus:
    return StepStatus.LATE if no in LATE else StepStatus.ON_TIME


def test_the_swimlane_scene_draws_each_steps_seconds_in_its_status_colour(qapp, seconds):
    _, record, now = seconds
    scene = ChartScene(record.sop, layout_for(record.sop))
    scene.show_record(record, now)
    for step in record.steps:
        no, items = step.no, scene.step_items(step.no)
        first, second = (item.text() for item in items.labels)
        assert first == TEXT[no] and items.lines[1].text() == f"kerja {TEXT[no]}", f"step {no}"
        assert second.startswith("+") == (no in LATE), f"step {no}"
        assert items.lines[0].text() == status_of(no).label
        bg = STATUS_COLOURS[status_of(no)][1]
        assert items.symbol.brush().color().name() == QColor(bg).name(), f"step {no}"
        for label in items.labels:  # both lines inside the symbol
            inside = label.sceneBoundingRect()
            assert items.box.x <= inside.left() and inside.right() <= items.box.right, f"step {no}"
            assert items.box.y <= inside.top() and inside.bottom() <= items.box.bottom, f"step {no}"
        cell = scene.layout.cells[f"aktual:{no}"]
        for line in items.lines:
            assert line.sceneBoundingRect().right() <= cell.right + 0.5, line.text()
    texts = scene.total_texts()
    assert texts[:3] == ["Selesai · Tepat waktu", f"kerja {TOTAL_TEXT}", "dari baku 185 mnt"]
    assert scene.total_lines[0].brush().color().name() == QColor(STATUS_COLOURS[StepStatus.ON_TIME][0]).name()
    total = scene.layout.cells["aktual:total"]
    for line in scene.total_lines:
        rect = line.sceneBoundingRect()
        assert total.y <= rect.top() and rect.bottom() <= total.bottom + 0.5 and rect.right() <= total.right + 0.5


def test_the_gantt_tells_the_same_seconds(qapp, seconds):
    _, record, now = seconds
    timeline = campaign_timeline(record, now)
    gantt = GanttScene(timeline, per_minute=2.0)
    for bar in timeline.steps:
        no, standard = bar.no, bar.standard_minutes
        text = gantt.items[("figures", no)].text()
        assert text.split("\n")[0] == f"kerja {TEXT[no]} / baku {standard} mnt", f"step {no}"
        assert ("\njam dinding " in text) == (no == 3)  # the paused step's wall-clock time
        work = gantt.items[("work", no, 0)]
        assert work.brush().color() == paint.status_colour(status_of(no)), f"step {no}"
        tip = work.toolTip()
        assert f"Status: {status_of(no).label}" in tip and f"Waktu kerja: {TEXT[no]} (jeda tidak dihitung)" in tip
        assert ("dari baku" in tip) == (no in LATE)  # how far past the standard, for the late ones only
        assert (("over", no, 0) in gantt.items) == (no in LATE), f"step {no}"
    assert f"waktu kerja {TOTAL_TEXT} dari baku 185 mnt" in gantt.items["header"].text()


def test_the_statistics_table_and_chart_show_the_same_figures_and_late_steps(qapp, seconds):
    ws, record, _ = seconds
    day = to_wib(record.created_at).date()
    stats = step_statistics(ws.sop, StatsQuery(day, day), limits=ws.thresholds)
    for step in stats.steps:
        no = step.no
        row = table_row(step)
        assert row[1] == f"{step.standard_minutes} mnt" and row[2] == "1"
        assert row[3] == row[4] == TEXT[no], f"step {no}"  # mean and median of one run
        assert row[5] == "0 mnt 00 dtk" and row[6] == row[7] == f"{TEXT[no]} – {TEXT[no]}"
        assert row[8] == ("1 (100%)" if no in LATE else "0 (0%)"), f"step {no}"
        assert (median_status(stats, step) is StepStatus.LATE) == (no in LATE), f"step {no}"
    scene = build_chart(stats, 1200)
    tips = [item.toolTip() for item in scene.items() if isinstance(item, QGraphicsRectItem) and item.toolTip()]
    for no in range(1, 10):
        tip = next(t for t in tips if t.startswith(f"{no}. "))
        assert f"median {TEXT[no]} (" in tip and f"terlambat {1 if no in LATE else 0} dari 1" in tip


def test_a_running_step_counts_every_second_on_the_chart(qapp, seconds):
    ws, record, _ = seconds
    sub = ws.staff.list()[0]
    cid = ws.campaigns.create(sub.id, "Berjalan").id
    ws.steps.start(sub.id, cid, 1)
    start = ws.campaigns.get(cid).step(1).started_at
    scene = ChartScene(record.sop, layout_for(record.sop))
    scene.show_record(ws.campaigns.get(cid), start + timedelta(minutes=4, seconds=42))
    assert scene.step_items(1).lines[1].text() == "kerja 4 mnt 42 dtk"
    scene.tick(start + timedelta(minutes=4, seconds=43))
    assert scene.step_items(1).lines[1].text() == "kerja 4 mnt 43 dtk"
    assert scene.step_items(1).label_text() == "4 mnt 43 dtk\n/ 20 mnt"
    assert scene.total_texts()[1] == "kerja 4 mnt 43 dtk"
