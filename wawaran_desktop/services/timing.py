"""Elapsed time and status of steps, computed only from stored events.

A step's working intervals run from each ``start``/``reopen`` to the next ``finish``
(or to *now* while it runs). Status against the standard:

* not started — no event;
* running — running and under the at-risk threshold;
* at risk — running with at least ``at_risk`` (80%) of the standard used;
* on time — finished within the standard (exactly 100% is on time);
* late — more than the standard used, running or finished.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from enum import Enum
from typing import NamedTuple

AT_RISK_FRACTION = 0.8


class StepState(Enum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    FINISHED = "finished"


class StepStatus(Enum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    ON_TIME = "on_time"
    AT_RISK = "at_risk"
    LATE = "late"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    StepStatus.NOT_STARTED: "Belum dimulai",
    StepStatus.RUNNING: "Berjalan",
    StepStatus.ON_TIME: "Tepat waktu",
    StepStatus.AT_RISK: "Berisiko terlambat",
    StepStatus.LATE: "Terlambat",
}

OPENING = ("start", "reopen")
CLOSING = ("finish",)


class Interval(NamedTuple):
    start: datetime
    end: datetime | None  # None while running

    def seconds(self, now: datetime) -> float:
        return max(0.0, ((self.end or now) - self.start).total_seconds())


def intervals(events: Iterable[tuple[str, datetime]]) -> list[Interval]:
    """Working intervals from ``(kind, at)`` events in time order."""
    result: list[Interval] = []
    opened: datetime | None = None
    for kind, at in events:
        if kind in OPENING and opened is None:
            opened = at
        elif kind in CLOSING and opened is not None:
            result.append(Interval(opened, at))
            opened = None
    if opened is not None:
        result.append(Interval(opened, None))
    return result


def state_of(kinds: Sequence[str]) -> StepState:
    if not kinds:
        return StepState.NOT_STARTED
    return StepState.FINISHED if kinds[-1] in CLOSING else StepState.RUNNING


def elapsed_seconds(spans: Iterable[Interval], now: datetime) -> float:
    return sum(span.seconds(now) for span in spans)


def status_of(state: StepState, elapsed: float, standard_minutes: float,
              at_risk: float = AT_RISK_FRACTION) -> StepStatus:
    if state is StepState.NOT_STARTED:
        return StepStatus.NOT_STARTED
    standard = standard_minutes * 60
    if elapsed > standard:
        return StepStatus.LATE
    if state is StepState.FINISHED:
        return StepStatus.ON_TIME
    if elapsed >= at_risk * standard:
        return StepStatus.AT_RISK
    return StepStatus.RUNNING


def campaign_progress(states: Sequence[StepState]) -> tuple[str, int]:
    """``(status, current stage no)`` of a campaign from its steps' states, in order.

    The status is "draft" (nothing started), "running" or "done" (every step finished); the
    current stage is the first running step, else the first one not finished, else the last.
    """
    if all(s is StepState.FINISHED for s in states):
        return "done", len(states)
    status = "draft" if all(s is StepState.NOT_STARTED for s in states) else "running"
    running = [i for i, s in enumerate(states, 1) if s is StepState.RUNNING]
    pending = [i for i, s in enumerate(states, 1) if s is not StepState.FINISHED]
    return status, running[0] if running else pending[0]
