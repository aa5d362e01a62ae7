"""The wawaran route: planned times at the briefing (stage 2) and the car's stops (stage 7).

The car leaves the office, drives to each stop, stays a while, drives on and returns: one
set of proportions, drawn once per campaign, lays the visits over the dissemination's time.
The briefing plans the stops at those times as the plan stood (rounded to five minutes, a
little off, never going backwards along the route); the car then records them to the
minute, as the "Tiba"/"Berangkat" buttons stamp them. While the step runs, the stops after
``now`` are not visited yet, and the car may be standing at one (arrived, not departed).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, time, timedelta
from typing import NamedTuple

from wawaran_desktop.services.clock import WIB
from wawaran_desktop.demo.planner import Event
from wawaran_desktop.demo.spans import MINUTE, StepSpan, ceil_minute, floor_minute

#: When an unscheduled route usually leaves (WIB), by half hours from 08.00 and from 13.00.
MORNING, AFTERNOON = time(8, 0), time(13, 0)


class Visit(NamedTuple):
    arrived: datetime | None  # whole minutes, WIB
    departed: datetime | None


class Proportions(NamedTuple):
    """Shares of the route's time: to the first stop, at each stop, between stops, back."""

    out: float
    dwell: tuple[float, ...]
    between: tuple[float, ...]
    back: float


def proportions(rng: random.Random, count: int) -> Proportions:
    return Proportions(out=rng.uniform(1.0, 2.0), dwell=tuple(rng.uniform(1.4, 2.6) for _ in range(count)),
                       between=tuple(rng.uniform(0.5, 1.3) for _ in range(max(0, count - 1))),
                       back=rng.uniform(0.6, 1.5))


def layout(shares: Proportions, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
    """(arrival, departure) at every stop between ``start`` and ``end``, on whole minutes, in order."""
    marks = [shares.out]
    for i, dwell in enumerate(shares.dwell):
        if i:
            marks.append(marks[-1] + shares.between[i - 1])
        marks.append(marks[-1] + dwell)
    total = marks[-1] + shares.back
    latest = floor_minute(end)
    moments: list[datetime] = []
    for mark in marks:
        moment = min(latest, ceil_minute(start + (end - start) * (mark / total)))
        moments.append(max(moment, moments[-1]) if moments else moment)
    return [(moments[i], moments[i + 1]) for i in range(0, len(moments), 2)]


def planned_span(rng: random.Random, planned: Sequence[Event], standard: int,
                 day: datetime) -> tuple[datetime, datetime]:
    """When the route was meant to run: the step's planned start and (first) finish, else a
    usual departure of ``day`` for about its standard time."""
    factor = rng.uniform(0.8, 1.25)
    slot = rng.randrange(5)
    morning = rng.random() < 0.75
    if planned:
        start = planned[0][1]
        finish = next((at for kind, at, _a, _r in planned if kind == "finish"), None)
        return start, finish or start + timedelta(minutes=standard * factor)
    base = MORNING if morning else AFTERNOON
    start = datetime.combine(day.date(), base, tzinfo=WIB) + timedelta(minutes=30 * slot if morning else 10 * slot)
    return start, start + timedelta(minutes=standard * factor)


def planned_times(rng: random.Random, arrivals: list[datetime]) -> list[str]:
    """"HH:MM" WIB per stop: the planned arrival, to five minutes, a little off, never backwards.

    Routes run in office hours, so a time a few minutes off never crosses midnight.
    """
    result: list[str] = []
    for moment in arrivals:
        shifted = moment.astimezone(WIB) + timedelta(minutes=rng.randint(-10, 10))
        text = f"{shifted.hour:02d}:{shifted.minute - shifted.minute % 5:02d}"
        result.append(max(text, result[-1]) if result else text)
    return result


def visits(span: StepSpan, shares: Proportions, intended_end: datetime, now: datetime) -> list[Visit]:
    """The stops as recorded at ``now`` for a started dissemination step.

    The route runs over the step's first work interval (to ``intended_end`` while it is still
    running): a stop reached after ``now`` is not visited, one left after ``now`` is arrived only.
    """
    start, first_end = span.intervals[0]
    finished_first = span.finished or span.reopened
    end = first_end if finished_first else max(intended_end, start + MINUTE * 2 * (len(shares.dwell) + 1))
    result = []
    for arrived, departed in layout(shares, start, end):
        if arrived > now:
            result.append(Visit(None, None))
        elif departed > now:
            result.append(Visit(arrived, None))
        else:
            result.append(Visit(arrived, departed))
    return result
