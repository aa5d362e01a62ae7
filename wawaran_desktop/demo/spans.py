"""When a step was worked on, as its stored events say at ``now``: the times stage content may carry.

A step's work is its intervals from a start (reopen, resume) to the next finish (or pause); a running step's
last interval ends at ``now``. Content saved at a step is timed inside these intervals (never
in the pause between a finish and a reopen), so it lies within the step's time span and never
after ``now``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from wawaran_desktop.demo.planner import Event

MINUTE = timedelta(minutes=1)


def floor_minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def ceil_minute(moment: datetime) -> datetime:
    down = floor_minute(moment)
    return down if down == moment else down + MINUTE


class StepSpan:
    """The work intervals of one step (aware WIB datetimes), whether it started and finished."""

    __slots__ = ("intervals", "finished", "worked")

    def __init__(self, events: Sequence[Event], now: datetime) -> None:
        intervals: list[tuple[datetime, datetime]] = []
        opened: datetime | None = None
        for kind, at, _actor, _reason in events:
            if kind in ("start", "reopen", "resume"):
                opened = at
            elif kind in ("finish", "pause") and opened is not None:
                intervals.append((opened, at))
                opened = None
        if opened is not None and events[-1][0] != "pause":
            intervals.append((opened, max(opened, now)))
        self.intervals = intervals
        self.finished = bool(events) and events[-1][0] == "finish"
        self.worked = sum((b - a for a, b in intervals), timedelta(0))  # the step's elapsed time

    @property
    def started(self) -> bool:
        return bool(self.intervals)

    @property
    def running(self) -> bool:
        return self.started and not self.finished

    @property
    def start(self) -> datetime:
        return self.intervals[0][0]

    @property
    def end(self) -> datetime:
        """The last finish, or ``now`` while the step runs."""
        return self.intervals[-1][1]

    @property
    def reopened(self) -> bool:
        return len(self.intervals) > 1

    def at(self, fraction: float, interval: int | None = None) -> datetime:
        """The moment ``fraction`` (0–1) of the way through the work, or through one interval."""
        fraction = min(1.0, max(0.0, fraction))
        if interval is not None:
            a, b = self.intervals[interval]
            return a + (b - a) * fraction
        left = self.worked * fraction
        for a, b in self.intervals:
            if left <= b - a:
                return a + left
            left -= b - a
        return self.end

    def times(self, fractions: Sequence[float], interval: int | None = None) -> list[datetime]:
        """:meth:`at` for each of ``fractions``, sorted (so saves come in order)."""
        return [self.at(f, interval) for f in sorted(fractions)]
