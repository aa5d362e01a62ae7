"""Pausing a running step: working time excludes pauses, wall-clock time includes them;
thresholds are the office's settings. Boundaries: exactly 80%, exactly 100%, a pause over
midnight, a restart while running or paused."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from stage_content import fill_stage
from wawaran_desktop.services.errors import ReasonRequired, RuleError, ValidationError
from wawaran_desktop.services.timing import (
    Interval,
    StepState,
    StepStatus,
    Thresholds,
    elapsed_seconds,
    intervals,
    state_of,
    status_of,
    wall_intervals,
)

T0 = datetime(2026, 11, 26, 1, 0, tzinfo=timezone.utc)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


# -- pure arithmetic ------------------------------------------------------------------------
def test_a_pause_is_left_out_of_working_time_but_not_of_wall_clock_time():
    events = [("start", at(0)), ("pause", at(10)), ("resume", at(40)), ("finish", at(45))]
    assert intervals(events) == [Interval(at(0), at(10)), Interval(at(40), at(45))]
    assert wall_intervals(events) == [Interval(at(0), at(45))]
    assert elapsed_seconds(intervals(events), at(99)) == 15 * 60
    assert elapsed_seconds(wall_intervals(events), at(99)) == 45 * 60


def test_a_paused_step_does_not_count_on():
    events = [("start", at(0)), ("pause", at(10))]
    assert state_of([k for k, _ in events]) is StepState.PAUSED
    assert elapsed_seconds(intervals(events), at(10)) == elapsed_seconds(intervals(events), at(500)) == 600
    assert elapsed_seconds(wall_intervals(events), at(500)) == 500 * 60


def test_finishing_while_paused_ends_the_run_at_the_finish():
    events = [("start", at(0)), ("pause", at(10)), ("finish", at(30))]
    assert state_of([k for k, _ in events]) is StepState.FINISHED
    assert elapsed_seconds(intervals(events), at(90)) == 600
    assert elapsed_seconds(wall_intervals(events), at(90)) == 30 * 60


def test_a_pause_spanning_midnight_counts_nothing_overnight():
    evening = datetime(2026, 11, 26, 9, 50, tzinfo=timezone.utc)  # 16.50 WIB
    events = [("start", evening), ("pause", evening + timedelta(minutes=10)),  # 17.00 WIB
              ("resume", evening + timedelta(hours=16, minutes=10)),  # 09.00 WIB next day
              ("finish", evening + timedelta(hours=16, minutes=15))]
    assert elapsed_seconds(intervals(events), evening + timedelta(days=2)) == 15 * 60
    assert status_of(StepState.FINISHED, 15 * 60, 20, Thresholds()) is StepStatus.ON_TIME
    running = events[:3]
    now = evening + timedelta(hours=16, minutes=11)  # 1 minute after resuming
    assert elapsed_seconds(intervals(running), now) == 11 * 60
    assert status_of(state_of([k for k, _ in running]), 11 * 60, 20, Thresholds()) is StepStatus.RUNNING


@pytest.mark.parametrize(("elapsed", "state", "expected"), [
    (16 * 60 - 1, StepState.RUNNING, StepStatus.RUNNING),
    (16 * 60, StepState.RUNNING, StepStatus.AT_RISK),  # exactly 80%
    (20 * 60, StepState.RUNNING, StepStatus.AT_RISK),  # exactly 100%: not late yet
    (20 * 60 + 1, StepState.RUNNING, StepStatus.LATE),
    (20 * 60, StepState.FINISHED, StepStatus.ON_TIME),  # exactly 100% finished: on time
    (20 * 60 + 1, StepState.FINISHED, StepStatus.LATE),
    (16 * 60, StepState.PAUSED, StepStatus.PAUSED),  # paused wins over at risk
    (20 * 60, StepState.PAUSED, StepStatus.PAUSED),
    (20 * 60 + 1, StepState.PAUSED, StepStatus.LATE),  # but a late step stays late
])
def test_status_at_the_default_boundaries(elapsed, state, expected):
    assert status_of(state, elapsed, 20, Thresholds()) is expected


@pytest.mark.parametrize(("elapsed", "state", "expected"), [
    (14 * 60 - 1, StepState.RUNNING, StepStatus.RUNNING),
    (14 * 60, StepState.RUNNING, StepStatus.AT_RISK),  # exactly 70%
    (22 * 60, StepState.RUNNING, StepStatus.AT_RISK),  # exactly 110%
    (22 * 60 + 1, StepState.RUNNING, StepStatus.LATE),
    (22 * 60, StepState.FINISHED, StepStatus.ON_TIME),
])
def test_status_with_the_offices_own_thresholds(elapsed, state, expected):
    assert status_of(state, elapsed, 20, Thresholds(at_risk=0.7, late=1.1)) is expected


# -- the service, stored and restarted ------------------------------------------------------
@pytest.fixture
def cid(ws, actor) -> int:
    campaign_id = ws.campaigns.create(actor.id, "Sosialisasi PBB", "Pajak").id
    fill_stage(ws, actor.id, campaign_id, 1)
    return campaign_id


def test_pause_needs_a_reason_which_is_kept(ws, actor, clock, cid):
    ws.steps.start(actor.id, cid, 1)
    clock.advance(minutes=5)
    with pytest.raises(ReasonRequired):
        ws.steps.pause(actor.id, cid, 1, "  ")
    assert ws.campaigns.get(cid).step(1).state is StepState.RUNNING
    ws.steps.pause(actor.id, cid, 1, "Menunggu kendaraan")
    step = ws.campaigns.get(cid).step(1)
    assert step.state is StepState.PAUSED
    assert [(e.kind, e.reason) for e in step.pauses] == [("pause", "Menunggu kendaraan")]
    assert step.status(clock.now()) is StepStatus.PAUSED


def test_pause_and_resume_only_in_the_right_state(ws, actor, clock, cid):
    with pytest.raises(RuleError):
        ws.steps.pause(actor.id, cid, 1, "x")  # not started
    with pytest.raises(RuleError):
        ws.steps.resume(actor.id, cid, 1)
    ws.steps.start(actor.id, cid, 1)
    with pytest.raises(RuleError):
        ws.steps.resume(actor.id, cid, 1)  # running, not paused
    ws.steps.pause(actor.id, cid, 1, "Salat Jumat")
    with pytest.raises(RuleError):
        ws.steps.pause(actor.id, cid, 1, "lagi")
    with pytest.raises(RuleError):
        ws.steps.start(actor.id, cid, 1)
    ws.steps.resume(actor.id, cid, 1)
    clock.advance(minutes=1)
    ws.steps.finish(actor.id, cid, 1)
    with pytest.raises(RuleError):
        ws.steps.pause(actor.id, cid, 1, "sudah selesai")


def test_a_restart_while_paused_and_while_running_keeps_the_arithmetic(ws, actor, clock, cid, restart):
    ws.steps.start(actor.id, cid, 1)  # standard 20 minutes
    clock.advance(minutes=12)
    ws.steps.pause(actor.id, cid, 1, "Menunggu kendaraan")
    clock.advance(hours=3)  # the application was closed meanwhile
    ws = restart(ws)
    step = ws.campaigns.get(cid).step(1)
    assert step.elapsed(clock.now()) == 12 * 60
    assert step.wall_elapsed(clock.now()) == (3 * 60 + 12) * 60
    assert step.status(clock.now()) is StepStatus.PAUSED
    ws.steps.resume(actor.id, cid, 1)
    clock.advance(minutes=4)  # 16 of 20 working minutes: exactly 80%
    ws = restart(ws)
    step = ws.campaigns.get(cid).step(1)
    assert step.elapsed(clock.now()) == 16 * 60
    assert step.status(clock.now()) is StepStatus.AT_RISK
    clock.advance(minutes=4)  # exactly 100%, then finished
    ws.steps.finish(actor.id, cid, 1)
    record = restart(ws).campaigns.get(cid)
    assert record.step(1).status(clock.now()) is StepStatus.ON_TIME
    assert record.step(1).elapsed(clock.now()) == 20 * 60


def test_a_paused_campaign_is_still_running_and_current(ws, actor, clock, cid):
    ws.steps.start(actor.id, cid, 1)
    ws.steps.pause(actor.id, cid, 1, "Hujan deras")
    record = ws.campaigns.get(cid)
    assert record.status.value == "running"
    assert record.current_no == 1
    assert record.status_against_standard(clock.now()) is StepStatus.RUNNING


def test_thresholds_are_a_validated_setting_in_force_after_a_restart(ws, actor, clock, cid, restart):
    with pytest.raises(ValidationError):
        ws.set_thresholds(actor.id, 1.2, 1.5)
    with pytest.raises(ValidationError):
        ws.set_thresholds(actor.id, 0.8, 0.9)
    assert ws.thresholds == Thresholds()
    assert ws.set_thresholds(actor.id, 0.7, 1.1) == ws.thresholds == Thresholds(0.7, 1.1)
    ws.steps.start(actor.id, cid, 1)
    clock.advance(minutes=14)  # 70% of 20
    assert ws.campaigns.get(cid).step(1).status(clock.now()) is StepStatus.AT_RISK  # in force at once
    ws = restart(ws)  # the restart brings the setting back from the database
    assert ws.thresholds == Thresholds(0.7, 1.1)
    assert ws.campaigns.get(cid).step(1).status(clock.now()) is StepStatus.AT_RISK
    clock.advance(minutes=8)  # 110%: not late with these thresholds
    assert ws.campaigns.get(cid).step(1).status(clock.now()) is StepStatus.AT_RISK


@pytest.mark.parametrize("percent", range(50, 201))
def test_every_whole_percent_threshold_is_exact_at_its_boundary(percent):
    """The dialog sets whole percents: exactly that share of a 5-minute standard is the boundary
    (a float product such as 1.13 * 300 would put 339 s on the wrong side). Judged on whole
    seconds, as every figure shows them: a second either side moves the status, a fraction of
    one past the limit does not (the figure would read exactly the limit)."""
    exact = 300 * percent // 100  # whole seconds: 3 per percent of 5 minutes
    if percent <= 100:  # at risk from exactly the percentage
        limits = Thresholds(at_risk=percent / 100, late=1.0)
        assert status_of(StepState.RUNNING, exact, 5, limits) is StepStatus.AT_RISK
        assert status_of(StepState.RUNNING, exact - 1, 5, limits) is StepStatus.RUNNING
        assert status_of(StepState.RUNNING, exact - 0.001, 5, limits) is StepStatus.RUNNING
    if percent >= 100:  # late only above the percentage
        limits = Thresholds(at_risk=0.8, late=percent / 100)
        assert status_of(StepState.FINISHED, exact, 5, limits) is StepStatus.ON_TIME
        assert status_of(StepState.FINISHED, exact + 0.999, 5, limits) is StepStatus.ON_TIME
        assert status_of(StepState.FINISHED, exact + 1, 5, limits) is StepStatus.LATE
