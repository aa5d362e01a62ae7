"""Elapsed time and status of steps, computed only from stored events.

A step's *working* intervals run from each ``start``/``reopen``/``resume`` to the next
``pause`` or ``finish`` (or to *now* while it runs); its *wall-clock* intervals run from each
``start``/``reopen`` to the next ``finish``, pauses included. The standard is compared with
working time. Status against the standard, with the office's thresholds (:class:`Thresholds`,
by default at risk from 80% and late above 100%):

* not started — no event;
* running — running and under the at-risk threshold;
* paused — paused and not (yet) late;
* at risk — running with at least ``at_risk`` of the standard used;
* on time — finished within the late threshold (exactly 100% is on time);
* late — more than ``late`` times the standard used, running, paused or finished.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from enum import Enum
from typing import NamedTuple

from wawaran_desktop.text.durations import whole

AT_RISK_FRACTION = 0.8
LATE_FRACTION = 1.0


class Thresholds(NamedTuple):
    """Fractions of the standard: at risk from ``at_risk``, late above ``late``."""

    at_risk: float = AT_RISK_FRACTION
    late: float = LATE_FRACTION


DEFAULT_THRESHOLDS = Thresholds()


class StepState(Enum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class StepStatus(Enum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    ON_TIME = "on_time"
    AT_RISK = "at_risk"
    LATE = "late"
    PAUSED = "paused"
    STOPPED = "stopped"  # the campaign was cancelled while the step ran (or the campaign's total then)
    DROPPED = "dropped"  # the campaign was cancelled before the step started

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    StepStatus.NOT_STARTED: "Belum dimulai",
    StepStatus.RUNNING: "Berjalan",
    StepStatus.ON_TIME: "Tepat waktu",
    StepStatus.AT_RISK: "Berisiko terlambat",
    StepStatus.LATE: "Terlambat",
    StepStatus.PAUSED: "Dijeda",
    StepStatus.STOPPED: "Terhenti (dibatalkan)",
    StepStatus.DROPPED: "Tidak dilaksanakan (dibatalkan)",
}


def stopped(status: StepStatus, state: StepState) -> StepStatus:
    """The status once a cancellation stopped the clock: a step already late stays late, a
    finished one keeps its status, any other reads as stopped (or never carried out)."""
    if status is StepStatus.LATE or state is StepState.FINISHED:
        return status
    return StepStatus.DROPPED if state is StepState.NOT_STARTED else StepStatus.STOPPED

OPENING = ("start", "reopen")  # a run of the step begins
CLOSING = ("finish",)  # a run ends
PAUSING = ("pause",)  # work stops within a run
RESUMING = ("resume",)  # work goes on within a run


ONE_SECOND = timedelta(seconds=1)


class Interval(NamedTuple):
    start: datetime
    end: datetime | None  # None while running

    def length(self, now: datetime) -> timedelta:
        """Exact length (never negative)."""
        return max(timedelta(0), (self.end or now) - self.start)

    def seconds(self, now: datetime) -> float:
        return self.length(now).total_seconds()


def intervals(events: Iterable[tuple[str, datetime]]) -> list[Interval]:
    """Working intervals (pauses excluded) from ``(kind, at)`` events in time order."""
    return _spans(events, OPENING + RESUMING, CLOSING + PAUSING)


def wall_intervals(events: Iterable[tuple[str, datetime]]) -> list[Interval]:
    """Wall-clock intervals (pauses included) from ``(kind, at)`` events in time order."""
    return _spans(events, OPENING, CLOSING)


def _spans(events: Iterable[tuple[str, datetime]], opening: tuple[str, ...],
           closing: tuple[str, ...]) -> list[Interval]:
    result: list[Interval] = []
    opened: datetime | None = None
    for kind, at in events:
        if kind in opening and opened is None:
            opened = at
        elif kind in closing and opened is not None:
            result.append(Interval(opened, at))
            opened = None
    if opened is not None:
        result.append(Interval(opened, None))
    return result


def state_of(kinds: Sequence[str]) -> StepState:
    if not kinds:
        return StepState.NOT_STARTED
    last = kinds[-1]
    if last in CLOSING:
        return StepState.FINISHED
    return StepState.PAUSED if last in PAUSING else StepState.RUNNING


def elapsed_seconds(spans: Iterable[Interval], now: datetime) -> int:
    """Whole working seconds of ``spans``: their exact sum, cut to the second.

    Every figure and every status is computed from this one number (see
    :mod:`~wawaran_desktop.text.durations`), so what is shown never contradicts the status.
    """
    return sum((span.length(now) for span in spans), timedelta(0)) // ONE_SECOND


def status_of(state: StepState, elapsed: float, standard_minutes: float, limits: Thresholds) -> StepStatus:
    """Status of a step with ``elapsed`` working seconds against ``standard_minutes``."""
    if state is StepState.NOT_STARTED:
        return StepStatus.NOT_STARTED
    elapsed = whole(elapsed)  # judged on the whole seconds every figure shows
    if is_late(elapsed, standard_minutes, limits):
        return StepStatus.LATE
    if state is StepState.FINISHED:
        return StepStatus.ON_TIME
    if state is StepState.PAUSED:
        return StepStatus.PAUSED
    if elapsed * 10_000 >= round(limits.at_risk * 10_000) * standard_minutes * 60:
        return StepStatus.AT_RISK
    return StepStatus.RUNNING


def is_late(elapsed: float, standard_minutes: float, limits: Thresholds) -> bool:
    """Whether ``elapsed`` working seconds are past the late limit of ``standard_minutes``.

    Compared in basis points of the standard, so an exact boundary (113% of 5 minutes = 339 s)
    is compared exactly rather than through a float product such as 1.13 * 300; exactly the
    limit is not late. Every view and statistic decides "late" here.
    """
    return whole(elapsed) * 10_000 > round(limits.late * 10_000) * standard_minutes * 60


def campaign_progress(states: Sequence[StepState]) -> tuple[str, int]:
    """``(status, current stage no)`` of a campaign from its steps' states, in order.

    The status is "draft" (nothing started), "running" or "done" (every step finished); the
    current stage is the first running step, else the first one not finished, else the last.
    """
    if all(s is StepState.FINISHED for s in states):
        return "done", len(states)
    status = "draft" if all(s is StepState.NOT_STARTED for s in states) else "running"
    running = [i for i, s in enumerate(states, 1) if s in (StepState.RUNNING, StepState.PAUSED)]
    pending = [i for i, s in enumerate(states, 1) if s is not StepState.FINISHED]
    return status, running[0] if running else pending[0]
