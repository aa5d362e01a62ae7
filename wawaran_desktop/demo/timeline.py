"""The campaigns as a whole: when each was created and what became of it by ``now``.

Creation moments fall on workdays in office hours over the last :data:`WINDOW`; old
campaigns are mostly done, the most recent are drafts or running (running, at risk, late
or waiting for the next step), and a few of the rest were cancelled.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta

from wawaran_desktop.services.clock import WIB
from wawaran_desktop.demo.office_hours import DAY_START, previous_workday
from wawaran_desktop.demo.randomness import minutes, pick

WINDOW = timedelta(days=180)


def creation_times(rng: random.Random, count: int, now: datetime) -> list[datetime]:
    """``count`` creation moments on workdays in office hours over the last 180 days, oldest first."""
    first = now - WINDOW
    days = []
    day = first.date()
    while day <= now.date():
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    if not days:  # cannot happen with a 180-day window; keeps the type checker calm
        days = [now.date()]
    latest = now - timedelta(hours=1)
    result = []
    for _ in range(count):
        moment = datetime.combine(pick(rng, days), DAY_START, tzinfo=WIB) + minutes(rng, 0, 420)
        if moment > latest:  # today, before now if the office is already open, else a workday before
            opened = datetime.combine(latest.date(), DAY_START, tzinfo=WIB)
            if latest.weekday() < 5 and latest - opened > timedelta(minutes=10):
                moment = opened + (latest - opened) * rng.random()
            else:
                moment = datetime.combine(previous_workday(opened).date(), DAY_START,
                                          tzinfo=WIB) + minutes(rng, 0, 420)
        result.append(max(moment, first + timedelta(minutes=1)))
    result.sort()
    return result


def fates(rng: random.Random, created: Sequence[datetime], now: datetime) -> tuple[list[str], list[str]]:
    """Fate of each campaign (by age, with noise) and, for running ones, how they stand at ``now``.

    Fates are ``done``, ``draft``, ``running`` or ``cancelled``; a running campaign's mode is
    ``run``, ``risk``, ``late``, ``wait`` or ``paused`` (the others have ``""``).
    """
    n = len(created)
    if n >= 4:
        n_draft, n_running, n_cancelled = max(1, round(0.03 * n)), max(1, round(0.06 * n)), max(1, round(0.04 * n))
    else:
        n_draft, n_running, n_cancelled = (1 if n >= 3 else 0), (1 if n >= 1 else 0), 0
    day = timedelta(days=1)
    keys = [((now - c) / day) * rng.uniform(0.5, 1.5) for c in created]
    order = sorted(range(n), key=lambda i: (keys[i], i))
    active = order[:n_draft + n_running]
    rng.shuffle(active)
    result = ["done"] * n
    for i in active[:n_draft]:
        result[i] = "draft"
    for i in active[n_draft:]:
        result[i] = "running"
    rest = order[n_draft + n_running:]
    rng.shuffle(rest)
    for i in rest[:n_cancelled]:
        result[i] = "cancelled"
    modes = [""] * n
    cycle = ("run", "risk", "late", "wait", "paused")
    for j, i in enumerate(active[n_draft:]):
        modes[i] = cycle[j % len(cycle)]
    return result, modes
