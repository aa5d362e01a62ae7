"""The timeline's computations: one campaign's Gantt bars, the compressed time axis, and the
per-step statistics over a period. Boundaries: no finished steps, a single campaign, a pause
over midnight, reopened steps, cancelled campaigns, creation dates at WIB midnight; and the
statistics are read in a constant number of queries, whatever the number of campaigns."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta, timezone

import pytest

from crew import step_actor
from stage_content import READINESS_REASON, fill_stage
from wawaran_desktop import demo
from wawaran_desktop.services import timing
from wawaran_desktop.services.clock import WIB, to_wib
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.charts.timeline_axis import GAP_MINUTES, Span, build_axis, merge
from wawaran_desktop.charts.timeline_bars import campaign_timeline
from wawaran_desktop.reports.timeline_stats import Spread, StatsQuery, step_statistics, working_and_wall
from wawaran_desktop.services.timing import StepState, StepStatus

DAY = date(2026, 11, 26)  # the FakeClock starts at 08.00 WIB on this day
WHOLE_DAY = StatsQuery(DAY, DAY)


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


@pytest.fixture
def new(ws, actor):
    def make(title: str = "Wawaran PBB") -> int:
        return ws.campaigns.create(actor.id, title).id
    return make


def run_step(ws, clock, cid: int, no: int, work: float, *, pause: float = 0, pause_after: float = 0) -> None:
    """Start step ``no``, work ``work`` minutes (with an optional pause after ``pause_after``), finish;
    as a person of the step's primary lane (tests/crew.py)."""
    who = step_actor(ws, cid, no)
    ws.steps.start(who, cid, no)
    if pause:
        clock.advance(minutes=pause_after)
        ws.steps.pause(who, cid, no, "Menunggu kendaraan")
        clock.advance(minutes=pause)
        ws.steps.resume(who, cid, no)
        clock.advance(minutes=work - pause_after)
    else:
        clock.advance(minutes=work)
    fill_stage(ws, who, cid, no)
    ws.steps.finish(who, cid, no, reason=READINESS_REASON if no == 6 else None)


# -- the axis --------------------------------------------------------------------------------
T0 = datetime(2026, 11, 26, 1, 0, tzinfo=timezone.utc)  # 08.00 WIB


def test_axis_keeps_short_waits_and_compresses_long_idle_stretches():
    short = GAP_MINUTES - 1
    axis = build_axis([Span(T0, T0 + minutes(20)), Span(T0 + minutes(20 + short), T0 + minutes(40 + short)),
                       Span(T0 + timedelta(hours=20), T0 + timedelta(hours=20, minutes=10))])
    assert [p.compressed for p in axis.pieces] == [False, True, False]
    # At least 5 minutes of margin, rounded out to a quarter hour.
    assert axis.start == T0 - minutes(15) and axis.end == T0 + timedelta(hours=20, minutes=15)
    # Positions grow with time, at true scale inside a piece, and a break has its fixed width.
    xs = [axis.x(T0 + minutes(m), per_minute=2, break_width=30) for m in (0, 10, 20, 60, 20 * 60, 20 * 60 + 10)]
    assert xs == sorted(xs) and xs[1] - xs[0] == 20
    first = axis.pieces[0]
    assert axis.x(first.end, 2, 30) + 30 == axis.x(axis.pieces[2].start, 2, 30)
    assert axis.length(2, 30) == pytest.approx(axis.true_minutes * 2 + 30)


def test_axis_ticks_are_round_wib_times_outside_the_breaks():
    axis = build_axis([Span(T0 + minutes(3), T0 + minutes(50)), Span(T0 + timedelta(hours=5), T0 + timedelta(hours=6))])
    ticks = axis.ticks(30)
    assert ticks and all(to_wib(t).minute in (0, 30) and to_wib(t).second == 0 for t in ticks)
    assert [to_wib(t).strftime("%H.%M") for t in ticks[:3]] == ["08.00", "08.30", "13.00"]
    hours = build_axis([Span(T0, T0 + timedelta(hours=5))]).ticks(120)
    assert [to_wib(t).hour for t in hours] == [8, 10, 12]  # even WIB hours, not even UTC hours


def test_merge_and_empty_axis():
    assert merge([Span(T0, T0 + minutes(5)), Span(T0 + minutes(4), T0 + minutes(9))]) == [Span(T0, T0 + minutes(9))]
    assert build_axis([]).pieces == () and build_axis([]).length() == 0


# -- one campaign's bars ---------------------------------------------------------------------
def test_a_pause_pushes_the_standard_to_the_right_and_work_beyond_it_is_over(ws, actor, clock, new):
    cid = new()
    ws.steps.start(actor.id, cid, 1)  # standard 20 minutes
    start = clock.now()
    clock.advance(minutes=12)
    ws.steps.pause(actor.id, cid, 1, "Salat Jumat")
    clock.advance(minutes=30)
    ws.steps.resume(actor.id, cid, 1)
    clock.advance(minutes=14)  # 26 working minutes
    bar = campaign_timeline(ws.campaigns.get(cid), clock.now()).steps[0]
    assert bar.work == (Span(start, start + minutes(12)), Span(start + minutes(42), start + minutes(56)))
    assert bar.pauses == (Span(start + minutes(12), start + minutes(42)),)
    assert bar.standard_end == start + minutes(50)  # 20 working minutes, the 30-minute pause skipped
    assert bar.over == (Span(start + minutes(50), start + minutes(56)),)
    assert bar.status is StepStatus.LATE and bar.elapsed == 26 * 60 and bar.wall_elapsed == 56 * 60


def test_a_running_step_under_its_standard_shows_the_rest_of_it_and_the_plan_follows(ws, actor, clock, new):
    cid = new()
    run_step(ws, clock, cid, 1, 15)
    ws.steps.start(actor.id, cid, 2)  # 10 minutes
    started = clock.now()
    clock.advance(minutes=4)
    timeline = campaign_timeline(ws.campaigns.get(cid), clock.now())
    first, second = timeline.steps[:2]
    assert first.standard == (Span(first.work[0].start, first.work[0].start + minutes(20)),)  # 5 minutes to spare
    assert second.work == (Span(started, clock.now()),) and second.over == ()
    assert second.standard == (Span(started, started + minutes(10)),)
    assert timeline.now == clock.now() and timeline.started
    planned = timeline.steps[2:]
    assert all(b.planned and b.state is StepState.NOT_STARTED for b in planned)
    # End to end from the quarter hour after the running step's standard ends (08.25 -> 08.30 WIB).
    assert to_wib(planned[0].standard[0].start).strftime("%H.%M") == "08.30"
    assert all(a.standard[0].end == b.standard[0].start for a, b in zip(planned, planned[1:]))
    assert timeline.planned_end == planned[-1].standard[0].end
    planned_minutes = sum(b.standard_minutes for b in planned)
    assert planned[-1].standard[0].end - planned[0].standard[0].start == minutes(planned_minutes)


def test_a_reopened_step_uses_what_is_left_of_its_standard(ws, actor, clock, new):
    cid = new()
    run_step(ws, clock, cid, 1, 15)  # 5 of 20 minutes left
    clock.advance(minutes=30)
    ws.steps.reopen(actor.id, cid, 1, "Data kurang lengkap")
    reopened = clock.now()
    clock.advance(minutes=8)
    ws.steps.finish(actor.id, cid, 1)
    bar = campaign_timeline(ws.campaigns.get(cid), clock.now()).steps[0]
    assert bar.reopened and len(bar.runs) == 2 and bar.pauses == ()
    assert bar.standard[-1] == Span(reopened, reopened + minutes(5))
    assert bar.over == (Span(reopened + minutes(5), reopened + minutes(8)),)
    assert bar.elapsed == 23 * 60 and bar.status is StepStatus.LATE


def test_a_cancelled_campaign_stops_at_the_cancellation(ws, actor, clock, new):
    cid = new()
    ws.steps.start(actor.id, cid, 1)
    clock.advance(minutes=10)
    ws.campaigns.cancel(actor.id, cid, "Hujan lebat")
    cancelled = clock.now()
    clock.advance(hours=3)
    timeline = campaign_timeline(ws.campaigns.get(cid), clock.now())
    bar = timeline.steps[0]
    assert timeline.now is None and timeline.stopped_at == cancelled
    assert bar.work == (Span(cancelled - minutes(10), cancelled),)
    assert bar.standard_end == cancelled  # nothing of the standard drawn after the cancellation
    assert not any(b.planned for b in timeline.steps)
    assert timeline.axis.end < cancelled + minutes(30)


def test_a_draft_campaign_is_all_plan_and_a_finished_one_has_no_now(ws, actor, clock, new):
    draft = campaign_timeline(ws.campaigns.get(new()), clock.now())
    assert not draft.started and all(b.planned for b in draft.steps)
    assert draft.planned_end - draft.steps[0].standard[0].start == minutes(185)
    cid = new("Selesai")
    for no in range(1, 10):
        run_step(ws, clock, cid, no, 3)
    done = campaign_timeline(ws.campaigns.get(cid), clock.now() + timedelta(days=2))
    assert done.status is CampaignStatus.DONE and done.now is None and done.planned_end is None
    assert all(b.state is StepState.FINISHED and b.status is StepStatus.ON_TIME for b in done.steps)


def test_a_pause_over_midnight_becomes_a_break_inside_the_bar(ws, actor, clock, new):
    clock.set(datetime(2026, 11, 26, 16, 30, tzinfo=WIB))
    cid = new()
    ws.steps.start(actor.id, cid, 1)
    clock.advance(minutes=10)
    ws.steps.pause(actor.id, cid, 1, "Kantor tutup")
    clock.set(datetime(2026, 11, 27, 8, 0, tzinfo=WIB))
    ws.steps.resume(actor.id, cid, 1)
    clock.advance(minutes=5)
    fill_stage(ws, actor.id, cid, 1)
    ws.steps.finish(actor.id, cid, 1)
    timeline = campaign_timeline(ws.campaigns.get(cid), clock.now())
    bar = timeline.steps[0]
    assert bar.elapsed == 15 * 60 and bar.status is StepStatus.ON_TIME
    assert bar.pauses == (Span(datetime(2026, 11, 26, 16, 40, tzinfo=WIB), datetime(2026, 11, 27, 8, 0, tzinfo=WIB)),)
    # The standard's 5 remaining minutes follow the resumption.
    assert bar.standard_end == datetime(2026, 11, 27, 8, 10, tzinfo=WIB)
    (gap,) = timeline.axis.breaks
    assert gap.start < datetime(2026, 11, 27, 0, 0, tzinfo=WIB) < gap.end  # the night is one break


# -- statistics ------------------------------------------------------------------------------
def test_no_finished_steps_gives_empty_figures(ws, actor, clock, new):
    cid = new()
    ws.steps.start(actor.id, cid, 1)  # running: not measured
    stats = step_statistics(ws.sop, WHOLE_DAY, limits=ws.thresholds)
    assert stats.campaigns == 1 and stats.measured == 0
    assert [s.no for s in stats.steps] == list(range(1, 10))
    assert all(s.count == 0 and s.seconds is None and s.late_share is None for s in stats.steps)
    assert stats.steps[6].standard_minutes == 120  # the SOP's standard when nothing was measured


def test_a_single_campaign_with_a_pause(ws, actor, clock, new):
    cid = new()
    run_step(ws, clock, cid, 1, 20, pause=45, pause_after=5)  # exactly the standard: on time
    run_step(ws, clock, cid, 2, 10 + 1 / 60)  # one second over: late
    stats = step_statistics(ws.sop, WHOLE_DAY, limits=ws.thresholds)
    first, second = stats.steps[:2]
    assert first.count == 1 and first.late == 0 and first.paused == 1
    assert first.seconds == Spread(1200, 0, 1200, 1200, 1200, 1200, 1200)
    assert first.wall_seconds.mean == 65 * 60
    assert first.ratio.median == pytest.approx(1.0)
    assert second.count == 1 and second.late == 1 and second.late_share == 1.0 and second.paused == 0
    assert stats.steps[2].count == 0 and stats.measured == 2


def test_spread_figures_and_the_office_thresholds(ws, actor, clock, new):
    for work in (3, 4, 5, 6, 12):  # step 3, standard 5 minutes
        cid = new()
        ws.steps.start(actor.id, cid, 3, reason="Uji: tema lebih dulu")
        clock.advance(minutes=work)
        fill_stage(ws, actor.id, cid, 3)
        ws.steps.finish(actor.id, cid, 3)
    step = step_statistics(ws.sop, WHOLE_DAY, limits=ws.thresholds).steps[2]
    m = step.seconds
    assert (step.count, m.minimum, m.q1, m.median, m.q3, m.maximum) == (5, 180, 240, 300, 360, 720)
    assert m.mean == pytest.approx(360) and m.stdev == pytest.approx(3.5355 * 60, abs=1e-2)
    assert step.late == 2 and step.ratio.maximum == pytest.approx(2.4)
    lenient = step_statistics(ws.sop, WHOLE_DAY, limits=timing.Thresholds(0.8, 1.2))
    assert lenient.steps[2].late == 1  # 6 minutes is exactly 120%: not late


def test_reopened_steps_count_both_runs_and_a_step_running_again_is_not_measured(ws, actor, clock, new):
    done, again = new("Selesai dua kali"), new("Dibuka lagi")
    for cid in (done, again):
        run_step(ws, clock, cid, 1, 15)
        ws.steps.reopen(actor.id, cid, 1, "Data kurang")
        clock.advance(minutes=7)
        if cid == done:
            ws.steps.finish(actor.id, done, 1)
    step = step_statistics(ws.sop, WHOLE_DAY, limits=ws.thresholds).steps[0]
    assert step.count == 1 and step.reopened == 1 and step.seconds.mean == 22 * 60
    assert step.late == 1


def test_cancelled_campaigns_are_left_out_unless_asked_for(ws, actor, clock, new):
    kept, cancelled = new("Jalan"), new("Batal")
    run_step(ws, clock, kept, 1, 10)
    run_step(ws, clock, cancelled, 1, 30)
    ws.steps.start(actor.id, cancelled, 2)
    clock.advance(minutes=5)
    ws.campaigns.cancel(actor.id, cancelled, "Kendaraan rusak")
    default = step_statistics(ws.sop, WHOLE_DAY, limits=ws.thresholds)
    assert (default.campaigns, default.cancelled_left_out) == (1, 1)
    assert default.steps[0].count == 1 and default.steps[0].seconds.mean == 10 * 60
    included = step_statistics(ws.sop, WHOLE_DAY._replace(include_cancelled=True), limits=ws.thresholds)
    assert (included.campaigns, included.cancelled_left_out) == (2, 0)
    assert included.steps[0].count == 2 and included.steps[0].late == 1
    assert included.steps[1].count == 0  # running when cancelled: never finished


def test_the_period_is_creation_days_in_wib_both_ends_included(ws, actor, clock, new):
    for moment in (datetime(2026, 11, 25, 23, 59, tzinfo=WIB), datetime(2026, 11, 26, 0, 0, tzinfo=WIB),
                   datetime(2026, 11, 26, 23, 59, 59, tzinfo=WIB), datetime(2026, 11, 27, 0, 0, tzinfo=WIB)):
        clock.set(moment)
        cid = new(moment.isoformat())
        run_step(ws, clock, cid, 1, 10)
    assert step_statistics(ws.sop, WHOLE_DAY, limits=ws.thresholds).campaigns == 2  # 00.00 and 23.59.59 WIB of the 26th
    assert step_statistics(ws.sop, StatsQuery(date(2026, 11, 25), DAY), limits=ws.thresholds).campaigns == 3
    assert step_statistics(ws.sop, StatsQuery(date(2026, 11, 27), date(2026, 11, 27)), limits=ws.thresholds).steps[0].count == 1
    assert step_statistics(ws.sop, StatsQuery(date(2026, 11, 28), date(2026, 12, 31)), limits=ws.thresholds).campaigns == 0


def test_working_and_wall_seconds_follow_the_timing_rules():
    kinds = ["start", "pause", "resume", "pause", "finish", "reopen", "finish"]
    ats = [0, 60, 600, 660, 900, 2000, 2030]  # seconds here; the service gives microseconds
    assert working_and_wall(kinds, ats) == (60 + 60 + 30, 900 + 30)
    events = [(k, T0 + timedelta(seconds=s)) for k, s in zip(kinds, ats)]
    assert timing.elapsed_seconds(timing.intervals(events), T0) == 150
    assert timing.elapsed_seconds(timing.wall_intervals(events), T0) == 930


@pytest.fixture
def demo_filled(ws, clock):
    demo.generate(ws, 40, seed=3, now=clock.now())
    return ws


def test_the_bulk_figures_equal_each_campaign_read_on_its_own(demo_filled, clock):
    ws = demo_filled
    everything = StatsQuery(date(2020, 1, 1), date(2030, 1, 1), include_cancelled=True)
    stats = step_statistics(ws.sop, everything, limits=ws.thresholds)
    by_step: dict[int, list[int]] = {}
    for summary in ws.campaigns.list():
        for step in ws.campaigns.get(summary.id).steps:
            if step.state is StepState.FINISHED:
                by_step.setdefault(step.no, []).append(step.elapsed(clock.now()))
    assert stats.campaigns == 40 and stats.measured == sum(map(len, by_step.values())) > 100
    for step in stats.steps:
        values = by_step.get(step.no, [])
        assert step.count == len(values)
        if values:  # the same whole seconds as each step's own figure
            assert step.seconds.mean == pytest.approx(sum(values) / len(values))
            assert step.seconds.maximum == max(values) and step.seconds.minimum == min(values)
            assert step.late == sum(timing.is_late(v, step.standard_minutes, demo_filled.thresholds) for v in values)


def test_the_statistics_take_the_same_few_queries_for_more_campaigns(demo_filled, clock, caplog):
    everything = StatsQuery(date(2020, 1, 1), date(2030, 1, 1), include_cancelled=True)

    def queries() -> int:
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="peewee"):
            step_statistics(demo_filled.sop, everything, limits=demo_filled.thresholds)
        return sum(1 for r in caplog.records if r.name == "peewee")

    few = queries()
    demo.generate(demo_filled, 60, seed=4, now=clock.now())
    assert few == queries() == 2  # the campaign counts and every event, not one query per campaign


@pytest.mark.parametrize("late, standard, seconds", [(1.13, 5, 339), (1.2, 3, 216), (1.0, 20, 1200)])
def test_statistics_count_late_exactly_as_the_step_status_does(late, standard, seconds):
    """A step worked exactly to the late limit is on time in the statistics too, not late by
    a float product (1.13 * 5 min = 338.99999… s)."""
    from wawaran_desktop.reports import timeline_stats

    limits = timing.Thresholds(at_risk=0.8, late=late)
    for worked, late_count in ((seconds, 0), (seconds + 1, 1)):
        samples: dict = {}
        timeline_stats._measure(samples, (1, standard), ["start", "finish"], [0, worked * 1_000_000], limits)
        assert samples[1].late == late_count
        assert (timing.status_of(timing.StepState.FINISHED, worked, standard, limits)
                is timing.StepStatus.LATE) == bool(late_count)
