"""Working intervals, step state and status against the standard, at their boundaries."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from wawaran_desktop.services.timing import (
    DEFAULT_THRESHOLDS,
    Interval,
    StepState,
    StepStatus,
    elapsed_seconds,
    intervals,
    state_of,
    status_of,
)

T0 = datetime(2026, 11, 26, 1, 0, tzinfo=timezone.utc)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_start_and_finish_make_one_closed_interval():
    spans = intervals([("start", at(0)), ("finish", at(300))])
    assert spans == [Interval(at(0), at(300))]
    assert elapsed_seconds(spans, now=at(10_000)) == 300


def test_running_interval_counts_up_to_now():
    spans = intervals([("start", at(0))])
    assert spans == [Interval(at(0), None)]
    assert elapsed_seconds(spans, now=at(90)) == 90
    assert elapsed_seconds(spans, now=at(150)) == 150


def test_reopen_adds_a_second_interval():
    events = [("start", at(0)), ("finish", at(300)), ("reopen", at(1000))]
    spans = intervals(events)
    assert spans == [Interval(at(0), at(300)), Interval(at(1000), None)]
    assert elapsed_seconds(spans, now=at(1060)) == 360  # the gap between is not counted
    spans = intervals(events + [("finish", at(1100))])
    assert len(spans) == 2
    assert elapsed_seconds(spans, now=at(5000)) == 400


def test_interval_never_counts_negative_time():
    assert Interval(at(100), None).seconds(now=at(50)) == 0.0


@pytest.mark.parametrize(
    ("kinds", "state"),
    [
        ([], StepState.NOT_STARTED),
        (["start"], StepState.RUNNING),
        (["start", "finish"], StepState.FINISHED),
        (["start", "finish", "reopen"], StepState.RUNNING),
        (["start", "finish", "reopen", "finish"], StepState.FINISHED),
    ],
)
def test_state_follows_the_last_event(kinds, state):
    assert state_of(kinds) is state


STANDARD = 10  # minutes: 600 s, at risk from 480 s


@pytest.mark.parametrize(
    ("state", "elapsed", "status"),
    [
        (StepState.NOT_STARTED, 0, StepStatus.NOT_STARTED),
        (StepState.RUNNING, 0, StepStatus.RUNNING),
        (StepState.RUNNING, 479.999, StepStatus.RUNNING),  # just under 80%
        (StepState.RUNNING, 480, StepStatus.AT_RISK),  # exactly 80%
        (StepState.RUNNING, 600, StepStatus.AT_RISK),  # exactly 100%, still running
        (StepState.RUNNING, 601, StepStatus.LATE),
        (StepState.FINISHED, 0, StepStatus.ON_TIME),
        (StepState.FINISHED, 599, StepStatus.ON_TIME),
        (StepState.FINISHED, 600, StepStatus.ON_TIME),  # exactly 100%
        (StepState.FINISHED, 601, StepStatus.LATE),  # 100% + 1 s
    ],
)
def test_status_boundaries(state, elapsed, status):
    assert status_of(state, elapsed, STANDARD, DEFAULT_THRESHOLDS) is status


def test_status_from_real_events_at_the_boundaries():
    def status(kinds_at: list[tuple[str, float]], now: float) -> StepStatus:
        events = [(k, at(s)) for k, s in kinds_at]
        spent = elapsed_seconds(intervals(events), at(now))
        return status_of(state_of([k for k, _ in events]), spent, STANDARD, DEFAULT_THRESHOLDS)

    assert status([("start", 0)], now=479) is StepStatus.RUNNING
    assert status([("start", 0)], now=480) is StepStatus.AT_RISK
    assert status([("start", 0), ("finish", 600)], now=9999) is StepStatus.ON_TIME
    assert status([("start", 0), ("finish", 601)], now=9999) is StepStatus.LATE
    # 400 s, then a reopen that has run 81 s: 481 s in all, at risk.
    assert status([("start", 0), ("finish", 400), ("reopen", 500)], now=581) is StepStatus.AT_RISK


def test_status_labels_are_indonesian():
    assert StepStatus.LATE.label == "Terlambat"
    assert StepStatus.ON_TIME.label == "Tepat waktu"
    assert StepStatus.AT_RISK.label == "Berisiko terlambat"
