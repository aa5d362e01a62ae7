"""One campaign as a Gantt chart: each step's actual work against its standard.

Built from a :class:`CampaignRecord` (what the main window already holds), without the
database, so the chart can be recomputed every second for a running campaign.

Where the standard bar stands: each step's standard is laid along the step's *own working
time*, from its actual start. Pauses do not use up the standard, so they push its end to the
right; a reopened step goes on using what is left of it. The end of the standard bar is
therefore the moment the step would have turned late, and any work after it is drawn as
"beyond the standard" (``over``). We do not lay the standards end to end from the first start:
the office's steps do not follow each other at once (the disposition waits for the next
morning, the car leaves after lunch), and such a plan would call every later step late for
waiting the SOP does not time. Steps of a running campaign not started yet get a *planned*
standard bar, laid end to end after the current work: a forecast of when the campaign ends
if the rest goes by the standard.

Each bar carries the step's whole working and wall-clock seconds (the figures of
:class:`~wawaran_desktop.services.records.StepRecord`) and the status judged on them, so the
Gantt tells the same figures and colours as the swimlane chart and the documents.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NamedTuple

from wawaran_desktop.services import timing
from wawaran_desktop.services.clock import to_wib
from wawaran_desktop.services.records import CampaignRecord, CampaignStatus, StepRecord
from wawaran_desktop.charts.timeline_axis import Span, TimeAxis, build_axis, merge
from wawaran_desktop.services.timing import StepState, StepStatus

PLAN_ROUND_MINUTES = 15  # planned bars start on a quarter hour, so they stay put between ticks


class StepBar(NamedTuple):
    no: int
    label: str  # "1. Pengumpulan Data"
    standard_minutes: int
    state: StepState
    status: StepStatus
    work: tuple[Span, ...]  # working intervals; a running one ends at now
    pauses: tuple[Span, ...]  # pauses inside the runs; an ongoing one ends at now
    runs: tuple[Span, ...]  # wall-clock runs: one per start/reopen
    standard: tuple[Span, ...]  # the standard, laid along the working time from the actual start
    over: tuple[Span, ...]  # working time beyond the standard
    planned: bool  # not started: ``standard`` is a forecast
    elapsed: int  # whole working seconds (the step's own figure, which its status judges)
    wall_elapsed: int  # whole wall-clock seconds, pauses included

    @property
    def standard_end(self) -> datetime | None:
        return self.standard[-1].end if self.standard else None

    @property
    def reopened(self) -> bool:
        return len(self.runs) > 1


class CampaignTimeline(NamedTuple):
    campaign_id: int
    title: str
    status: CampaignStatus
    now: datetime | None  # the "now" line of a campaign still running; None otherwise
    stopped_at: datetime | None  # a cancelled campaign: time stopped here
    steps: tuple[StepBar, ...]
    axis: TimeAxis

    @property
    def started(self) -> bool:
        return any(not s.planned and s.state is not StepState.NOT_STARTED for s in self.steps)

    @property
    def planned_end(self) -> datetime | None:
        """When the campaign ends if every remaining step takes exactly its standard."""
        ends = [s.standard_end for s in self.steps if s.standard_end is not None]
        return max(ends) if ends and self.now is not None else None


def step_label(no: int, short: str) -> str:
    return f"{no}. {short}"


def campaign_timeline(record: CampaignRecord, now: datetime) -> CampaignTimeline:
    """The Gantt of ``record`` at ``now`` (aware), judged by the thresholds it carries."""
    live = record.status in (CampaignStatus.DRAFT, CampaignStatus.RUNNING)
    stopped = record.cancelled_at
    effective = min(now, stopped) if stopped is not None else now
    bars = [_actual_bar(step, effective) for step in record.steps]
    if live:
        bars = _plan_remaining(bars, effective)
    covered = [span for bar in bars for span in (*bar.work, *bar.standard, *bar.over)]
    if live and any(not bar.planned for bar in bars):
        covered.append(Span(effective, effective))
    return CampaignTimeline(
        campaign_id=record.id, title=record.title, status=record.status,
        now=effective if live else None, stopped_at=stopped, steps=tuple(bars), axis=build_axis(covered))


def _actual_bar(step: StepRecord, now: datetime) -> StepBar:
    events = [(e.kind, e.at) for e in step.events]
    state = step.state
    working, running = timing.intervals(events), timing.wall_intervals(events)
    work = [Span(i.start, i.end or now) for i in working]
    runs = [Span(i.start, i.end or now) for i in running]
    elapsed = step.elapsed(now)  # the record's own whole seconds and status: one rule
    finished = state is StepState.FINISHED
    # What is left of the standard continues after the finish, or after now while the step
    # may still go on; a step a cancellation stopped has no "after".
    rest_from = runs[-1].end if finished and runs else (None if step.stopped_at is not None else now)
    standard, over = _lay_standard(work, step.standard_minutes * 60, rest_from)
    if elapsed <= step.standard_minutes * 60:
        over = []  # under a whole second past the standard is not past it (as durations.over says)
    if state is StepState.NOT_STARTED:
        standard = []
    return StepBar(
        no=step.no, label=step_label(step.no, step.activity.short), standard_minutes=step.standard_minutes,
        state=state, status=step.status(now),
        work=tuple(work), pauses=tuple(_gaps(runs, work)), runs=tuple(runs), standard=tuple(standard),
        over=tuple(over), planned=False, elapsed=elapsed, wall_elapsed=step.wall_elapsed(now))


def _lay_standard(work: list[Span], standard_seconds: float,
                  rest_from: datetime | None) -> tuple[list[Span], list[Span]]:
    """The standard along the working intervals; what is left of it continues from ``rest_from``."""
    left = timedelta(seconds=standard_seconds)
    standard: list[Span] = []
    over: list[Span] = []
    for span in work:
        length = span.end - span.start
        if left >= length:
            standard.append(span)
            left -= length
        elif left > timedelta(0):
            standard.append(Span(span.start, span.start + left))
            over.append(Span(span.start + left, span.end))
            left = timedelta(0)
        else:
            over.append(span)
    if left > timedelta(0) and work and rest_from is not None:
        standard.append(Span(rest_from, rest_from + left))
    return merge(standard), over


def _gaps(runs: list[Span], work: list[Span]) -> list[Span]:
    """The pauses: each run's time not covered by working intervals."""
    gaps: list[Span] = []
    for run in runs:
        cursor = run.start
        for span in work:
            if not (run.start <= span.start and (span.start < run.end or span.start == run.start)):
                continue
            if span.start > cursor:
                gaps.append(Span(cursor, span.start))
            cursor = max(cursor, span.end)
        if run.end > cursor:
            gaps.append(Span(cursor, run.end))
    return gaps


def _plan_remaining(bars: list[StepBar], now: datetime) -> list[StepBar]:
    """Planned standard bars for the steps not started, end to end after the current work."""
    ends = [now]
    for bar in bars:
        if bar.state is StepState.FINISHED and bar.runs:
            ends.append(bar.runs[-1].end)
        elif bar.standard:
            ends.append(bar.standard[-1].end)
    cursor = _quarter_after(max(ends))
    planned: list[StepBar] = []
    for bar in bars:
        if bar.state is StepState.NOT_STARTED:
            end = cursor + timedelta(minutes=bar.standard_minutes)
            bar = bar._replace(standard=(Span(cursor, end),), planned=True)
            cursor = end
        planned.append(bar)
    return planned


def _quarter_after(moment: datetime) -> datetime:
    local = to_wib(moment)
    base = local.replace(minute=0, second=0, microsecond=0)
    quarters = -(-(local - base) // timedelta(minutes=PLAN_ROUND_MINUTES))
    return (base + quarters * timedelta(minutes=PLAN_ROUND_MINUTES)).astimezone(moment.tzinfo)
