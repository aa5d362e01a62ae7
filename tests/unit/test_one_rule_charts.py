"""The swimlane chart and the timeline tell a campaign's working time by the one rule.

The campaign of tests/seconds_campaign.py has known whole seconds per step (at the standard,
seconds over, paused, reopened, fractions of a second): every symbol label, Aktual cell,
totals row, swimlane PDF, Gantt bar and statistic must show exactly those figures, with the
status judged on the same seconds, and the steps must add up to the total.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from seconds_campaign import LATE, SECONDS, TEXT, TITLE, TOTAL_SECONDS, TOTAL_TEXT, run_seconds_campaign
from stage_content import fill_stage

from wawaran_desktop.text import durations
from wawaran_desktop.services import timing
from wawaran_desktop.services.clock import to_wib
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.charts.swimlane_overlay import step_tooltip, step_view, total_status, total_view
from wawaran_desktop.charts.timeline_bars import campaign_timeline
from wawaran_desktop.reports.timeline_stats import StatsQuery, step_statistics
from wawaran_desktop.services.timing import StepState, StepStatus

ROOT = Path(__file__).resolve().parents[2]
PDFTOTEXT = shutil.which("pdftotext")
PAUSED_MINUTES = 20  # the pause of step 3 in the fixture: wall-clock time, not working time


def over_text(seconds: int, standard_minutes: int) -> str:
    """How far past the standard, written out here rather than taken from the module under test."""
    extra = seconds - standard_minutes * 60
    minutes, secs = divmod(extra, 60)
    return f"+{minutes} mnt {secs:02d} dtk"


def expected_status(no: int) -> StepStatus:
    return StepStatus.LATE if no in LATE else StepStatus.ON_TIME


@pytest.fixture
def campaign(ws, actor, clock):
    """The seconds campaign, finished; returns (record, now) a little after its last step."""
    cid = run_seconds_campaign(ws, lambda delta: clock.advance(seconds=delta.total_seconds()), actor.id)
    record = ws.campaigns.get(cid)
    assert record.status is CampaignStatus.DONE and record.title == TITLE
    return record, clock.advance(hours=1)


def test_each_symbol_and_aktual_cell_shows_the_steps_seconds_beside_its_status(campaign):
    record, now = campaign
    for step in record.steps:
        no, standard = step.no, step.standard_minutes
        assert step.elapsed(now) == SECONDS[no], f"step {no}"
        view = step_view(step, now)
        assert view.status is step.status(now) is expected_status(no), f"step {no}"
        first, second = view.label.split("\n")
        assert first == TEXT[no], f"step {no}"
        assert second == (over_text(SECONDS[no], standard) if no in LATE else f"/ {standard} mnt"), f"step {no}"
        wall = SECONDS[no] + (PAUSED_MINUTES * 60 if no == 3 else 0)  # a reopened step's gap is not a run
        assert view.lines == (expected_status(no).label, f"kerja {TEXT[no]}", f"jam dinding {durations.text(wall)}")
        tip = step_tooltip(record.sop, step, now)
        assert f"Waktu kerja {TEXT[no]} dari baku {standard} mnt" in tip and f"Status: {view.status.label}" in tip
        # The figure never contradicts the status: a late step is past its limit, an on-time one is not.
        assert timing.is_late(SECONDS[no], standard, record.limits) == (no in LATE)


def test_the_totals_row_is_the_sum_of_the_steps_and_on_time_though_three_steps_were_late(campaign):
    record, now = campaign
    assert sum(step.elapsed(now) for step in record.steps) == record.elapsed(now) == TOTAL_SECONDS
    view = total_view(record, now)
    assert view.status is total_status(record, now) is record.status_against_standard(now) is StepStatus.ON_TIME
    assert view.lines[:3] == ("Selesai · Tepat waktu", f"kerja {TOTAL_TEXT}", f"dari baku {record.standard_total} mnt")
    assert view.lines[3].startswith("rentang ")


def test_a_cancelled_campaign_keeps_its_figures_and_a_grey_total(ws, actor, clock):
    cid = ws.campaigns.create(actor.id, "Batal").id
    ws.steps.start(actor.id, cid, 1)
    clock.advance(minutes=25, seconds=30, microseconds=600_000)  # late: 25 mnt 30 dtk of 20 mnt
    ws.campaigns.cancel(actor.id, cid, "Acara diundur")
    record = ws.campaigns.get(cid)
    now = clock.advance(hours=5)
    assert step_view(record.step(1), now).label == "25 mnt 30 dtk\n+5 mnt 30 dtk"
    view = total_view(record, now)
    # 25 of the campaign's 185 minutes: stopped (grey), as the header and the report say
    assert view.status is StepStatus.STOPPED is record.status_against_standard(now)
    assert view.lines[:3] == ("Dibatalkan", "kerja 25 mnt 30 dtk", "dari baku 185 mnt")


def run_export(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "main.py", "--data-dir", str(data_dir), "export", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)


def test_the_swimlane_pdf_shows_the_same_figures_and_statuses(ws, data_dir, campaign, tmp_path):
    record, _ = campaign
    out = tmp_path / "bagan.pdf"
    result = run_export(data_dir, "swimlane", "--campaign", str(record.id), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert PDFTOTEXT, "poppler-utils (pdftotext) tidak terpasang"
    lines = [line.strip() for line in subprocess.run([PDFTOTEXT, str(out), "-"], capture_output=True, text=True,
                                                     check=True).stdout.splitlines()]
    for step in record.steps:
        no, standard = step.no, step.standard_minutes
        assert f"kerja {TEXT[no]}" in lines, f"step {no}"  # the Aktual cell
        assert TEXT[no] in lines, f"step {no}"  # the symbol's first line
        assert (over_text(SECONDS[no], standard) if no in LATE else f"/ {standard} mnt") in lines, f"step {no}"
    assert lines.count("Terlambat") == len(LATE)
    assert lines.count("Tepat waktu") == 9 - len(LATE)
    assert {"Selesai · Tepat waktu", f"kerja {TOTAL_TEXT}", "dari baku 185 mnt"} <= set(lines)
    assert not any(line.endswith("/ 5 mnt") and line.startswith("5 /") for line in lines)  # no "5 / 5 mnt"


def test_the_timeline_bars_carry_the_same_seconds_and_statuses(campaign):
    record, now = campaign
    timeline = campaign_timeline(record, now)
    for bar in timeline.steps:
        assert bar.elapsed == SECONDS[bar.no] and isinstance(bar.elapsed, int), f"step {bar.no}"
        assert bar.status is expected_status(bar.no), f"step {bar.no}"
        assert bar.wall_elapsed == record.step(bar.no).wall_elapsed(now)
        # Work drawn past the standard only when its whole seconds are: 300.5 s of 5 minutes is not.
        assert bool(bar.over) == (bar.no in LATE), f"step {bar.no}"
    assert sum(bar.elapsed for bar in timeline.steps) == TOTAL_SECONDS
    assert timeline.steps[2].wall_elapsed == SECONDS[3] + PAUSED_MINUTES * 60


def test_the_statistics_count_exactly_the_late_steps_and_show_the_same_figures(ws, campaign, clock):
    record, _ = campaign
    day = to_wib(record.created_at).date()
    stats = step_statistics(ws.sop, StatsQuery(day, day), limits=ws.thresholds)
    assert stats.campaigns == 1 and stats.measured == 9
    for step in stats.steps:
        no = step.no
        assert (step.count, step.late) == (1, 1 if no in LATE else 0), f"step {no}"
        spread = step.seconds
        assert spread.minimum == spread.median == spread.maximum == spread.mean == SECONDS[no], f"step {no}"
        assert durations.text(spread.median) == durations.text(spread.mean) == TEXT[no]
        assert step.ratio.median == pytest.approx(SECONDS[no] / (step.standard_minutes * 60))
        assert step.paused == (1 if no == 3 else 0) and step.reopened == (1 if no == 4 else 0)
    assert sum(step.late for step in stats.steps) == len(LATE)
    assert sum(step.seconds.mean for step in stats.steps) == TOTAL_SECONDS
    assert step_statistics(ws.sop, StatsQuery(day + timedelta(days=1), date(2030, 1, 1)), limits=ws.thresholds).measured == 0


def test_a_running_step_a_fraction_of_a_second_past_its_standard_reads_as_the_standard(ws, actor, clock):
    cid = ws.campaigns.create(actor.id, "Pas di batas").id
    ws.steps.start(actor.id, cid, 1)  # standard 20 minutes
    now = clock.advance(minutes=20, microseconds=700_000)  # 1200.7 s
    record = ws.campaigns.get(cid)
    step = record.step(1)
    assert step.elapsed(now) == 1200
    view = step_view(step, now)
    assert view.status is StepStatus.AT_RISK  # at the standard, running: not late
    assert view.label == "20 mnt 00 dtk\n/ 20 mnt" and view.lines[1] == "kerja 20 mnt 00 dtk"
    bar = campaign_timeline(record, now).steps[0]
    assert (bar.elapsed, bar.status) == (1200, StepStatus.AT_RISK)
    total = total_view(record, now)
    assert total.lines[1] == "kerja 20 mnt 00 dtk" and total.status is StepStatus.RUNNING
    # Three tenths of a second later it is one whole second past the standard: late, and says so.
    later = clock.advance(microseconds=300_000)
    view = step_view(step, later)
    assert view.status is StepStatus.LATE and view.label == "20 mnt 01 dtk\n+0 mnt 01 dtk"
    assert campaign_timeline(record, later).steps[0].status is StepStatus.LATE
    # Finished there and then, it is measured as 20 minutes 01 second, and late.
    fill_stage(ws, actor.id, cid, 1)
    ws.steps.finish(actor.id, cid, 1)
    day = to_wib(record.created_at).date()
    first = step_statistics(ws.sop, StatsQuery(day, day), limits=ws.thresholds).steps[0]
    assert (first.seconds.median, first.late) == (1201, 1)
    assert ws.campaigns.get(cid).step(1).state is StepState.FINISHED
