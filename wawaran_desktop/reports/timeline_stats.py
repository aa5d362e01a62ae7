"""How long each SOP step takes across campaigns, against its standard (for the Kepala Bidang).

Over the campaigns *created* in a date range (WIB calendar days, inclusive), each step's
finished runs are measured in working time (pauses excluded, as the standard is) and in
wall-clock time; a step not finished (not started, running, paused, or reopened and running
again) is not measured. Per step: how many were measured, mean, median, standard deviation,
minimum, quartiles, maximum, and how many were late by the office's thresholds. The same
figures as a fraction of each step's own standard (campaigns pin their SOP version, whose
standard may differ) let a chart put the 5-minute and the 120-minute steps side by side.

Each step is measured as everywhere else: its exact working time cut to **whole seconds**
(:func:`~wawaran_desktop.text.durations.whole`), judged late by
:func:`~wawaran_desktop.services.timing.is_late` on those seconds, so a step counted late here
is the step shown late on the chart and in the documents. The spreads are of those whole
seconds (told with :mod:`~wawaran_desktop.text.durations`).

Bulk: one SQL query reads every event of the range's steps in order, and the intervals are
worked out in Python (one pass); one more query counts the campaigns. No query per campaign.
The per-campaign Gantt is :mod:`.timeline_bars`.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from wawaran_desktop.db.dialect import epoch_microseconds
from wawaran_desktop.db.models import Campaign, Step, StepEvent, database, fn
from wawaran_desktop.services import timing
from wawaran_desktop.services.clock import to_db, wib_day_start_utc
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.charts.timeline_bars import step_label
from wawaran_desktop.sop import Sop

_SECOND = 1_000_000  # microseconds

Progress = Callable[[int, int, str], None]


class StatsQuery(NamedTuple):
    date_from: date  # creation date in WIB, inclusive
    date_to: date  # inclusive
    include_cancelled: bool = False


class Spread(NamedTuple):
    """Summary of a sample: mean, standard deviation (0 for one value) and the five numbers."""

    mean: float
    stdev: float
    minimum: float
    q1: float
    median: float
    q3: float
    maximum: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        ordered = sorted(values)
        if len(ordered) == 1:
            v = ordered[0]
            return cls(v, 0.0, v, v, v, v, v)
        q1, median, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
        mean = math.fsum(ordered) / len(ordered)
        # statistics.stdev is exact (fractions) and far slower; fsum is accurate enough here.
        stdev = math.sqrt(math.fsum((v - mean) ** 2 for v in ordered) / (len(ordered) - 1))
        return cls(mean, stdev, ordered[0], q1, median, q3, ordered[-1])


class StepStats(NamedTuple):
    no: int
    label: str
    standard_minutes: int  # the most common standard among the measured steps (else the SOP's)
    standard_varies: bool  # campaigns of several SOP versions with different standards
    count: int  # finished steps measured
    late: int  # of them, over the late threshold
    paused: int  # with at least one pause
    reopened: int  # run more than once
    seconds: Spread | None  # whole working seconds; None when nothing was measured
    wall_seconds: Spread | None  # whole wall-clock seconds, pauses included
    ratio: Spread | None  # working seconds / the step's own standard (1.0 = exactly the standard)

    @property
    def late_share(self) -> float | None:
        return self.late / self.count if self.count else None


class TimelineStats(NamedTuple):
    query: StatsQuery
    campaigns: int  # campaigns created in the range that were looked at
    cancelled_left_out: int  # cancelled campaigns of the range not looked at
    limits: timing.Thresholds
    steps: tuple[StepStats, ...]

    @property
    def measured(self) -> int:
        return sum(s.count for s in self.steps)


class _Sample:
    """What one step number collects while the events stream past."""

    __slots__ = ("work", "wall", "ratio", "standards", "late", "paused", "reopened")

    def __init__(self) -> None:
        self.work: list[int] = []
        self.wall: list[int] = []
        self.ratio: list[float] = []
        self.standards: dict[int, int] = {}
        self.late = self.paused = self.reopened = 0


def step_statistics(sop: Sop, query: StatsQuery, limits: timing.Thresholds,
                    progress: Progress | None = None) -> TimelineStats:
    """Per-step statistics of the campaigns created from ``query.date_from`` to ``date_to``."""
    start = to_db(wib_day_start_utc(query.date_from))
    end = to_db(wib_day_start_utc(query.date_to + timedelta(days=1)))
    in_range = (Campaign.created_at >= start) & (Campaign.created_at < end)
    counts = dict(database.execute(Campaign.select(Campaign.status, fn.COUNT(Campaign.id))
                                   .where(in_range).group_by(Campaign.status)).fetchall())
    cancelled = counts.get(CampaignStatus.CANCELLED.value, 0)
    wanted = in_range if query.include_cancelled else in_range & (
        Campaign.status != CampaignStatus.CANCELLED.value)
    # Each event's time as exact integer microseconds since 1970, computed by the database: no
    # per-row parsing in Python, and no rounding (a time rounded to milliseconds could call a
    # step of exactly 100% late).
    micros = epoch_microseconds(StepEvent.at)
    rows = (StepEvent.select(StepEvent.step, Step.no, Step.standard_minutes, StepEvent.kind, micros)
            .join(Step).join(Campaign).where(wanted).order_by(StepEvent.step, StepEvent.id))
    if progress:
        progress(0, 0, "Membaca catatan waktu tahap…")
    samples: dict[int, _Sample] = {}
    current = None
    kinds: list[str] = []
    ats: list[int] = []
    header: tuple[int, int] = (0, 0)
    for step_id, no, standard, kind, at in database.execute(rows):
        if step_id != current:
            if current is not None:
                _measure(samples, header, kinds, ats, limits)
            current, header, kinds, ats = step_id, (no, standard), [], []
        kinds.append(kind)
        ats.append(at)
    if current is not None:
        _measure(samples, header, kinds, ats, limits)
    steps = tuple(_summarise(sop, no, samples.get(no)) for no in sorted({a.no for a in sop.activities} | set(samples)))
    looked_at = sum(counts.values()) - (0 if query.include_cancelled else cancelled)
    return TimelineStats(query=query, campaigns=looked_at,
                         cancelled_left_out=0 if query.include_cancelled else cancelled,
                         limits=limits, steps=steps)


def working_and_wall(kinds: Sequence[str], ats: Sequence[int]) -> tuple[int, int]:
    """Working and wall-clock time of a finished step's events, in the unit of ``ats`` (same
    rules as :func:`timing.intervals`/:func:`timing.wall_intervals`, on plain numbers)."""
    work = wall = 0
    working_since: int | None = None
    run_since: int | None = None
    for kind, at in zip(kinds, ats):
        if kind in timing.OPENING:
            if run_since is None:
                run_since = at
            if working_since is None:
                working_since = at
        elif kind in timing.RESUMING:
            if working_since is None and run_since is not None:
                working_since = at
        elif kind in timing.PAUSING:
            if working_since is not None:
                work += at - working_since
                working_since = None
        elif kind in timing.CLOSING:
            if working_since is not None:
                work += at - working_since
                working_since = None
            if run_since is not None:
                wall += at - run_since
                run_since = None
    return work, wall


def _measure(samples: dict[int, _Sample], header: tuple[int, int], kinds: list[str], ats: list[int],
             limits: timing.Thresholds) -> None:
    if kinds[-1] not in timing.CLOSING:
        return  # not finished: nothing to measure yet
    no, standard = header
    exact_work, exact_wall = working_and_wall(kinds, ats)
    work, wall = exact_work // _SECOND, exact_wall // _SECOND  # whole seconds, as StepRecord.elapsed
    sample = samples.get(no)
    if sample is None:
        sample = samples[no] = _Sample()
    sample.work.append(work)
    sample.wall.append(wall)
    sample.ratio.append(work / (standard * 60) if standard else 0.0)
    sample.standards[standard] = sample.standards.get(standard, 0) + 1
    if timing.is_late(work, standard, limits):
        sample.late += 1
    if "pause" in kinds:
        sample.paused += 1
    if kinds.count("finish") > 1:
        sample.reopened += 1


def _summarise(sop: Sop, no: int, sample: _Sample | None) -> StepStats:
    try:
        activity = sop.activity(no)
        label, sop_standard = step_label(no, activity.short), activity.standard_minutes
    except KeyError:
        label, sop_standard = f"{no}. Tahap {no}", 0
    if sample is None:
        return StepStats(no, label, sop_standard, False, 0, 0, 0, 0, None, None, None)
    standard = max(sample.standards.items(), key=lambda item: (item[1], item[0]))[0]
    return StepStats(
        no=no, label=label, standard_minutes=standard, standard_varies=len(sample.standards) > 1,
        count=len(sample.work), late=sample.late, paused=sample.paused, reopened=sample.reopened,
        seconds=Spread.of(sample.work), wall_seconds=Spread.of(sample.wall), ratio=Spread.of(sample.ratio))
