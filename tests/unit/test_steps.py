"""Steps: who started and finished what and when, the SOP's order, and elapsed time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from crew import lane_actor, step_actor  # tests/crew.py
from stage_content import READINESS_REASON, fill_stage  # tests/stage_content.py

from wawaran_desktop.db.models import AuditEntry, ChecklistMark, StepEvent
from wawaran_desktop.services.errors import ReasonRequired, RuleError, ValidationError
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.services.steps import CLOCK_TOLERANCE, NOTES_MAX
from wawaran_desktop.services.timing import StepState, StepStatus


@pytest.fixture
def cid(ws, actor) -> int:
    """A campaign whose stage 1 has its data item, so step 1 may finish."""
    campaign_id = ws.campaigns.create(actor.id, "Sosialisasi PBB", "Pajak").id
    fill_stage(ws, actor.id, campaign_id, 1)
    return campaign_id


def run(ws, clock, cid, *nos, minutes=1):
    """Start, fill (as its stage requires) and finish each step in ``nos``, ``minutes`` apart,
    each by a person of the step's primary lane (tests/crew.py)."""
    for no in nos:
        who = step_actor(ws, cid, no)
        ws.steps.start(who, cid, no)
        clock.advance(minutes=minutes)
        fill_stage(ws, who, cid, no)
        ws.steps.finish(who, cid, no, reason=READINESS_REASON if no == 6 else None)


def test_start_and_finish_record_actor_and_time(ws, actor, clock, cid):
    other = ws.staff.add("Tono", None, "", "tim")
    started = clock.advance(minutes=2)
    ws.steps.start(actor.id, cid, 1)
    finished = clock.advance(minutes=12)
    ws.steps.finish(other.id, cid, 1)
    step = ws.campaigns.get(cid).step(1)
    assert [(e.kind, e.at, e.actor_id, e.actor_name, e.reason) for e in step.events] == [
        ("start", started, actor.id, actor.name, None),
        ("finish", finished, other.id, "Tono", None),
    ]
    assert (step.started_at, step.finished_at) == (started, finished)
    assert step.elapsed(clock.advance(hours=5)) == 12 * 60
    assert step.status(clock.now()) is StepStatus.ON_TIME


def test_finishing_a_step_never_started_is_refused(ws, actor, cid):
    with pytest.raises(RuleError):
        ws.steps.finish(actor.id, cid, 1)
    assert StepEvent.select().count() == 0
    assert ws.campaigns.get(cid).status is CampaignStatus.DRAFT


def test_starting_twice_or_restarting_a_finished_step_is_refused(ws, actor, clock, cid):
    ws.steps.start(actor.id, cid, 1)
    with pytest.raises(RuleError):
        ws.steps.start(actor.id, cid, 1)
    ws.steps.finish(actor.id, cid, 1)
    with pytest.raises(RuleError):
        ws.steps.start(actor.id, cid, 1)
    with pytest.raises(RuleError):
        ws.steps.finish(actor.id, cid, 1)
    assert StepEvent.select().count() == 2


def test_starting_out_of_order_needs_a_reason_which_is_kept(ws, actor, clock, cid):
    run(ws, clock, cid, 1)
    ws.steps.start(actor.id, cid, 2)
    for reason in (None, "", "   "):
        with pytest.raises(ReasonRequired):
            ws.steps.start(actor.id, cid, 3, reason=reason)
    assert ws.campaigns.get(cid).step(3).events == ()
    assert StepEvent.select().count() == 3

    ws.steps.start(actor.id, cid, 3, reason="  Kabid minta tema ditetapkan lebih awal ")
    (event,) = ws.campaigns.get(cid).step(3).events
    assert (event.kind, event.reason) == ("start", "Kabid minta tema ditetapkan lebih awal")


def test_starting_a_later_step_while_the_previous_never_started_needs_a_reason(ws, actor, cid):
    with pytest.raises(ReasonRequired):
        ws.steps.start(actor.id, cid, 5)
    with pytest.raises(ValidationError):
        ws.steps.start(actor.id, cid, 5, reason="r" * 10_000)
    assert StepEvent.select().count() == 0


def test_reopen_needs_a_reason_and_adds_a_second_interval(ws, actor, clock, cid):
    run(ws, clock, cid, 1, minutes=5)
    with pytest.raises(RuleError):
        ws.steps.reopen(actor.id, cid, 2, "belum selesai")  # not finished: nothing to reopen
    for reason in (None, "  "):
        with pytest.raises(ReasonRequired):
            ws.steps.reopen(actor.id, cid, 1, reason)
    assert StepEvent.select().count() == 2

    clock.advance(minutes=30)
    ws.steps.reopen(actor.id, cid, 1, "Data liputan belum lengkap")
    clock.advance(minutes=3)
    step = ws.campaigns.get(cid).step(1)
    assert step.state is StepState.RUNNING
    assert step.events[-1].reason == "Data liputan belum lengkap"
    assert len(step.intervals) == 2
    assert step.elapsed(clock.now()) == 8 * 60
    assert step.finished_at is None


def test_campaign_status_and_current_step_follow_the_steps(ws, actor, clock, cid):
    def state():
        rec = ws.campaigns.get(cid)
        return rec.status, rec.current_no

    assert state() == (CampaignStatus.DRAFT, 1)
    ws.steps.start(actor.id, cid, 1)
    assert state() == (CampaignStatus.RUNNING, 1)
    clock.advance(minutes=1)
    fill_stage(ws, actor.id, cid, 1)
    ws.steps.finish(actor.id, cid, 1)
    assert state() == (CampaignStatus.RUNNING, 2)
    run(ws, clock, cid, *range(2, 9))
    assert state() == (CampaignStatus.RUNNING, 9)
    run(ws, clock, cid, 9)
    assert state() == (CampaignStatus.DONE, 9)
    ws.steps.reopen(step_actor(ws, cid, 4), cid, 4, "Narasi perlu diperbaiki")  # the Tim's narration
    assert state() == (CampaignStatus.RUNNING, 4)


def test_actions_on_a_cancelled_campaign_are_refused(ws, actor, clock, cid):
    run(ws, clock, cid, 1)
    ws.steps.start(actor.id, cid, 2)
    ws.campaigns.cancel(actor.id, cid, "Cuaca buruk")
    before = (StepEvent.select().count(), ChecklistMark.select().count(), AuditEntry.select().count())
    attempts = [
        lambda: ws.steps.start(actor.id, cid, 3, reason="tetap jalan"),
        lambda: ws.steps.finish(actor.id, cid, 2),
        lambda: ws.steps.reopen(actor.id, cid, 1, "ulang"),
        lambda: ws.steps.set_checked(actor.id, cid, 2, 0, True),
        lambda: ws.steps.assign(actor.id, cid, 2, actor.id),
    ]
    for attempt in attempts:
        with pytest.raises(RuleError):
            attempt()
    after = (StepEvent.select().count(), ChecklistMark.select().count(), AuditEntry.select().count())
    assert after == before
    assert ws.campaigns.get(cid).status is CampaignStatus.CANCELLED


def test_elapsed_time_survives_a_restart(ws, actor, clock, cid, restart):
    ws.steps.start(actor.id, cid, 1)  # standard 20 minutes
    clock.advance(minutes=3)
    clock.advance(minutes=7)  # the application was closed meanwhile
    ws2 = restart(ws)
    step = ws2.campaigns.get(cid).step(1)
    assert step.elapsed(clock.now()) == 10 * 60
    assert step.status(clock.now()) is StepStatus.RUNNING
    clock.advance(minutes=6)  # 16 of 20 minutes: 80%
    assert ws2.campaigns.get(cid).step(1).status(clock.now()) is StepStatus.AT_RISK
    clock.advance(seconds=4 * 60 + 1)
    ws2.steps.finish(actor.id, cid, 1)
    step = ws2.campaigns.get(cid).step(1)
    assert step.elapsed(clock.now()) == 20 * 60 + 1
    assert step.status(clock.now()) is StepStatus.LATE


def test_a_clock_that_went_backwards_is_refused(ws, actor, clock, cid):
    ws.steps.start(actor.id, cid, 1)
    clock.advance(minutes=-10)
    with pytest.raises(RuleError):
        ws.steps.finish(actor.id, cid, 1)
    assert StepEvent.select().count() == 1


def test_checklist_marks(ws, actor, clock, cid):
    ws.steps.set_checked(actor.id, cid, 1, 0, True)
    ws.steps.set_checked(actor.id, cid, 1, 1, True)
    ws.steps.set_checked(actor.id, cid, 1, 1, True)  # ticking twice keeps one mark
    assert ws.campaigns.get(cid).step(1).checked == {0, 1}
    ws.steps.set_checked(actor.id, cid, 1, 0, False)
    assert ws.campaigns.get(cid).step(1).checked == {1}
    mark = ChecklistMark.get()
    assert (mark.item, mark.checked_by_id, mark.checked_at) == (1, actor.id, clock.now().replace(tzinfo=None))
    for item in (2, -1):  # step 1 has two kelengkapan items
        with pytest.raises(ValidationError):
            ws.steps.set_checked(actor.id, cid, 1, item, True)
    assert ChecklistMark.select().count() == 1


def test_notes_length_limit(ws, cid):
    writer = step_actor(ws, cid, 4)  # step 4 is the Tim's
    ws.steps.set_notes(writer, cid, 4, "n" * NOTES_MAX)
    assert len(ws.campaigns.get(cid).step(4).notes) == NOTES_MAX
    with pytest.raises(ValidationError) as info:
        ws.steps.set_notes(writer, cid, 4, "m" * (NOTES_MAX + 1))
    assert info.value.field == "notes"
    assert ws.campaigns.get(cid).step(4).notes == "n" * NOTES_MAX


def test_assign_records_the_assignee_and_an_audit_entry(ws, cid):
    driver = ws.staff.add("Joko", None, "Sopir", "kernet")
    team = lane_actor(ws, "tim")  # of steps 6 and 7's lanes, so may hand them to someone
    ws.steps.assign(team, cid, 7, driver.id)
    step = ws.campaigns.get(cid).step(7)
    assert (step.assignee_id, step.assignee_name) == (driver.id, "Joko")
    entry = AuditEntry.get(AuditEntry.action == "assign")
    assert entry.actor_id == team and "Joko" in entry.detail
    ws.staff.update(driver.id, "Joko", None, "Sopir", "kernet", active=False)
    with pytest.raises(ValidationError):
        ws.steps.assign(team, cid, 6, driver.id)
    assert ws.campaigns.get(cid).step(6).assignee_id is None


def test_inactive_or_missing_actor_is_refused(ws, actor, cid):
    ws.staff.update(actor.id, actor.name, actor.nip, actor.position, actor.lane, active=False)
    for who in (actor.id, None):
        for attempt in (lambda: ws.steps.start(who, cid, 1),
                        lambda: ws.steps.set_checked(who, cid, 1, 0, True),
                        lambda: ws.steps.set_notes(who, cid, 1, "catatan")):
            with pytest.raises(ValidationError) as info:
                attempt()
            assert info.value.field == "actor"
    assert StepEvent.select().count() == 0 and ChecklistMark.select().count() == 0
    assert ws.campaigns.get(cid).step(1).notes == ""


def test_timestamps_keep_their_fraction_of_a_second(ws, actor, clock, cid):
    started = clock.advance(microseconds=250_000)
    ws.steps.start(actor.id, cid, 1)
    finished = clock.advance(seconds=59, microseconds=500_000)
    ws.steps.finish(actor.id, cid, 1)
    step = ws.campaigns.get(cid).step(1)
    assert (step.started_at, step.finished_at) == (started, finished)
    assert step.elapsed(clock.now()) == 59  # the exact 59.5 s, cut to the second every figure shows


def test_working_time_is_the_exact_sum_of_its_runs_cut_once(ws, actor, clock, cid):
    """Two runs of 0.6 s make 1 s (the exact sum is cut, not each run)."""
    ws.steps.start(actor.id, cid, 1)
    clock.advance(microseconds=600_000)
    ws.steps.pause(actor.id, cid, 1, "menunggu")
    clock.advance(minutes=5)
    ws.steps.resume(actor.id, cid, 1)
    clock.advance(microseconds=600_000)
    ws.steps.finish(actor.id, cid, 1)
    assert ws.campaigns.get(cid).step(1).elapsed(clock.now()) == 1


def test_whole_campaign_is_measured_against_the_sum_of_standards(ws, actor, clock, cid, restart):
    assert ws.campaigns.get(cid).status_against_standard(clock.now()) is StepStatus.NOT_STARTED
    run(ws, clock, cid, *range(1, 10), minutes=20)  # 180 of 185 minutes
    ws = restart(ws)
    rec = ws.campaigns.get(cid)
    assert rec.elapsed(clock.now()) == 180 * 60
    assert rec.step(2).status(clock.now()) is StepStatus.LATE  # 20 of 10 minutes
    assert rec.status_against_standard(clock.now()) is StepStatus.ON_TIME
    ws.steps.reopen(actor.id, cid, 9, "Evaluasi diulang")
    clock.advance(minutes=6)
    assert ws.campaigns.get(cid).status_against_standard(clock.now()) is StepStatus.LATE


def test_an_event_a_moment_before_the_last_is_recorded_after_it_at_its_time(ws, actor, clock, cid):
    """Two PCs' readings of the server's clock differ by milliseconds: the later event (by the
    order it was recorded in) takes the earlier one's time instead of being refused."""
    started = clock.advance(minutes=2)
    ws.steps.start(actor.id, cid, 1)
    clock.set(started - timedelta(milliseconds=400))  # the other PC's clock is a little behind
    ws.steps.pause(actor.id, cid, 1, reason="Menunggu mobil")
    step = ws.campaigns.get(cid).step(1)
    assert [(e.kind, e.at) for e in step.events] == [("start", started), ("pause", started)]
    assert step.state is StepState.PAUSED


def test_an_event_well_before_the_last_is_refused(ws, actor, clock, cid):
    started = clock.advance(minutes=2)
    ws.steps.start(actor.id, cid, 1)
    clock.set(started - CLOCK_TOLERANCE - timedelta(seconds=1))
    with pytest.raises(RuleError, match="Jam komputer mundur"):
        ws.steps.pause(actor.id, cid, 1, reason="Menunggu mobil")
    assert StepEvent.select().count() == 1


def test_events_with_one_time_keep_the_order_they_were_recorded_in(ws, actor, clock, cid):
    clock.advance(minutes=2)
    ws.steps.start(actor.id, cid, 1)  # the clock does not move: every event at one time
    ws.steps.pause(actor.id, cid, 1, reason="Menunggu mobil")
    ws.steps.resume(actor.id, cid, 1)
    ws.steps.pause(actor.id, cid, 1, reason="Hujan")
    step = ws.campaigns.get(cid).step(1)
    assert [e.kind for e in step.events] == ["start", "pause", "resume", "pause"]
    assert step.state is StepState.PAUSED
