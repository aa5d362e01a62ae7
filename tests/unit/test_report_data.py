"""The report's facts of one campaign, and the evaluators' rows and summaries over many."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from report_campaign import MINUTES, PAUSE_REASON, STOP_NOTE, run_timed_campaign

from wawaran_desktop.db.models import database
from wawaran_desktop.reports import evaluation_stats, report_data
from wawaran_desktop.services.errors import NotFound
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.services.timing import StepStatus


@pytest.fixture
def cid(ws, clock, actor):
    return run_timed_campaign(ws, clock, actor.id)


def test_every_step_with_actor_times_elapsed_standard_and_status(ws, cid, actor):
    report = report_data.gather(ws, cid)
    assert [s.no for s in report.steps] == list(range(1, 10))
    assert [s.elapsed_seconds for s in report.steps] == [MINUTES[no] * 60 for no in range(1, 10)]
    assert [s.standard_minutes for s in report.steps] == [20, 10, 5, 5, 5, 5, 120, 10, 5]
    theme = report.steps[2]
    assert theme.status is StepStatus.LATE and theme.late and theme.over_seconds == 3 * 60
    assert theme.pauses == 1  # the 20-minute pause is not working time
    assert theme.lane == "Kepala Bidang DIKP" and theme.actor == "Hendra Gunawan"  # step 3: the Kepala Bidang
    assert [s.actor for s in report.steps] == [  # each step by its lane (tests/report_campaign.py)
        actor.name, actor.name, "Hendra Gunawan", "Dewi Lestari", actor.name, "Dewi Lestari", "Joko Santoso",
        "Dewi Lestari", "Hendra Gunawan"]
    assert (theme.finished_at - theme.started_at) == timedelta(minutes=28)
    assert report.steps[6].over_seconds == 0 and report.steps[6].status is StepStatus.ON_TIME  # 20 under
    assert report.elapsed_total == 158 * 60 and report.standard_total == 185
    assert report.total_status is StepStatus.ON_TIME and report.total_status_label == "Tepat waktu"
    assert report.time_summary == "158 mnt 00 dtk dari standar 185 mnt (Tepat waktu); 8 dari 9 tahap tepat waktu"
    assert report.on_time_steps == 8 and report.finished_steps == 9
    assert report.status is CampaignStatus.DONE
    assert report.reporter is not None and report.reporter.nip == "199002142015032001"  # Dewi Lestari (step 8)


def test_route_problems_and_evaluation(ws, cid):
    report = report_data.gather(ws, cid)
    assert [(s.kelurahan, s.kecamatan, s.planned_time) for s in report.stops] == [
        ("Sukasari", "Tangerang", "09:00"), ("Sukarasa", "Tangerang", "10:00"), ("Sukaasih", "Tangerang", "11:00")]
    assert [s.seconds_at_stop for s in report.stops] == [30 * 60, 30 * 60, None]
    assert (report.flyers, report.audience) == (200, 450)
    assert report.day == report.stops[0].arrived_at
    text = "\n".join(report.problems)
    assert "Tahap 3 (Tema) melewati standar: 8 menit dari standar 5 menit (lebih 3 menit)." in text
    assert PAUSE_REASON in text and "dijeda" in text
    assert "Tahap 6 (Pengecekan) diselesaikan dengan catatan" in text
    assert f"Di Kel. Sukarasa, Kec. Tangerang: {STOP_NOTE}" in text
    assert "Lokasi Kel. Sukaasih, Kec. Tangerang tidak dikunjungi." in text
    assert "Sukasari" not in text  # visited, no note: nothing to report
    assert report.evaluation is not None and report.evaluation.score_reach == 4


def test_a_fresh_campaign_has_no_problems_and_no_evaluation(ws, actor):
    cid = ws.campaigns.create(actor.id, "Wawaran baru").id
    report = report_data.gather(ws, cid)
    assert report.problems == () and report.evaluation is None and report.stops == ()
    assert all(s.status is StepStatus.NOT_STARTED and s.over_seconds is None for s in report.steps)
    assert report.total_status is StepStatus.NOT_STARTED
    assert report.reporter is None and report.day is None  # never the creation date


def test_a_running_step_is_measured_at_now_and_a_cancelled_campaign_says_why(ws, clock, actor):
    cid = ws.campaigns.create(actor.id, "Wawaran yang dibatalkan").id
    ws.steps.start(actor.id, cid, 1)
    clock.advance(minutes=25, seconds=30.7)
    step = report_data.gather(ws, cid).steps[0]
    assert step.elapsed_seconds == 25 * 60 + 30 and step.status is StepStatus.LATE and step.finished_at is None
    assert step.over_seconds == 5 * 60 + 30
    ws.campaigns.cancel(actor.id, cid, "Hujan deras sepanjang hari")
    clock.advance(minutes=30)
    report = report_data.gather(ws, cid)
    assert report.steps[0].elapsed_seconds == 25 * 60 + 30  # time stops at the cancellation
    assert report.problems[0] == ("Tahap 1 (Pengumpulan Data) melewati standar: 25 menit 30 detik dari standar "
                                  "20 menit (lebih 5 menit 30 detik).")
    assert report.problems[-1].endswith("Hujan deras sepanjang hari")
    assert report.total_status is StepStatus.STOPPED  # 25 of the campaign's 185 minutes: stopped, not late
    assert report.total_status_label == "Terhenti (dibatalkan)"


def test_unknown_campaign(ws):
    with pytest.raises(NotFound):
        report_data.gather(ws, 999)


# -- many campaigns ---------------------------------------------------------------------------

def test_rows_per_campaign_step_and_stop_agree_with_the_report(ws, clock, actor, cid):
    other = ws.campaigns.create(actor.id, "Wawaran PBB", "Bayar PBB").id
    stats = evaluation_stats.collect(clock.now(), limits=ws.thresholds)
    assert [c.id for c in stats.campaigns] == [cid, other]
    assert len(stats.steps) == 18 and len(stats.stops) == 3
    report = report_data.gather(ws, cid)
    assert tuple(r.step for r in stats.steps if r.campaign_id == cid) == report.steps
    assert tuple(r.stop for r in stats.stops) == report.stops
    row = stats.campaigns[0]
    assert (row.elapsed_seconds, row.standard_minutes, row.over_seconds) == (158 * 60, 185, 0)
    assert row.elapsed_seconds == report.elapsed_total and row.time_status is report.total_status
    assert (row.late_steps, row.steps_finished, row.visited, row.flyers, row.audience) == (1, 9, 2, 200, 450)
    assert row.finished_at == report.steps[-1].finished_at and row.score_timeliness == 4
    assert stats.campaigns[1].finished_at is None and stats.campaigns[1].status is CampaignStatus.DRAFT


def test_summaries_per_step(ws, clock, actor, cid):
    second = run_timed_campaign(ws, clock, actor.id, title="Wawaran kedua")
    assert second
    stats = evaluation_stats.collect(clock.now(), limits=ws.thresholds)
    theme = stats.per_step[2]
    assert (theme.no, theme.short, theme.finished, theme.on_time, theme.late) == (3, "Tema", 2, 0, 2)
    assert theme.on_time_rate == 0 and theme.average_seconds == theme.worst_seconds == 8 * 60
    data = stats.per_step[0]
    assert data.on_time_rate == 1 and data.worst_campaign_id in (cid, second)
    assert stats.on_time_rate == pytest.approx(16 / 18)
    assert stats.count(CampaignStatus.DONE) == 2


def test_filters_by_wib_day_status_and_text(ws, clock, actor, cid):
    # 23.30 WIB on 27 November is still the 27th in WIB (16.30 UTC).
    clock.set(clock.now().replace(day=27, hour=16, minute=30))
    late_evening = ws.campaigns.create(actor.id, "Wawaran malam", "PBB").id
    now = clock.now()
    assert [c.id for c in evaluation_stats.collect(now, date(2026, 11, 27), date(2026, 11, 27), limits=ws.thresholds).campaigns] == \
        [late_evening]
    assert [c.id for c in evaluation_stats.collect(now, None, date(2026, 11, 26), limits=ws.thresholds).campaigns] == [cid]
    assert [c.id for c in evaluation_stats.collect(now, status=CampaignStatus.DONE, limits=ws.thresholds).campaigns] == [cid]
    assert [c.id for c in evaluation_stats.collect(now, text="malam", limits=ws.thresholds).campaigns] == [late_evening]
    empty = evaluation_stats.collect(now, date(2027, 1, 1), None, limits=ws.thresholds)
    assert empty.campaigns == () and empty.per_step == () and empty.on_time_rate is None
    assert evaluation_stats.first_day() == date(2026, 11, 26)


def test_the_number_of_queries_does_not_grow_with_the_campaigns(ws, clock, actor, cid, monkeypatch):
    def queries() -> int:
        count = 0
        original = database.obj.execute_sql

        def counting(sql, params=None, *args, **kwargs):
            nonlocal count
            count += 1
            return original(sql, params, *args, **kwargs)

        monkeypatch.setattr(database.obj, "execute_sql", counting)
        evaluation_stats.collect(clock.now(), limits=ws.thresholds)
        monkeypatch.undo()
        return count

    few = queries()
    for n in range(6):
        run_timed_campaign(ws, clock, actor.id, title=f"Wawaran {n}")
    assert queries() == few


def test_a_cancellation_stops_the_clock_and_says_so_in_the_status():
    """One rule for every surface: a step the cancellation stopped reads "Terhenti (dibatalkan)",
    one never started "Tidak dilaksanakan (dibatalkan)"; late stays late, finished keeps its own."""
    from wawaran_desktop.services.timing import StepState, StepStatus, stopped

    assert stopped(StepStatus.NOT_STARTED, StepState.NOT_STARTED).label == "Tidak dilaksanakan (dibatalkan)"
    for status in (StepStatus.RUNNING, StepStatus.AT_RISK, StepStatus.PAUSED):
        assert stopped(status, StepState.RUNNING).label == "Terhenti (dibatalkan)"
    assert stopped(StepStatus.LATE, StepState.RUNNING) is StepStatus.LATE  # late stays late
    assert stopped(StepStatus.ON_TIME, StepState.FINISHED) is StepStatus.ON_TIME


def test_a_cancelled_campaign_reads_the_same_in_the_records_and_the_report(ws, actor, clock):
    cid = ws.campaigns.create(actor.id, "Wawaran Batal").id
    ws.steps.start(actor.id, cid, 1)
    clock.advance(minutes=5)
    ws.campaigns.cancel(actor.id, cid, "Cuaca buruk")
    record, now = ws.campaigns.get(cid), clock.now()
    assert [s.status(now).label for s in record.steps[:2]] == ["Terhenti (dibatalkan)", "Tidak dilaksanakan (dibatalkan)"]
    assert record.status_against_standard(now).label == "Terhenti (dibatalkan)"
    report = report_data.gather(ws, cid)
    assert [report.step_status(s) for s in report.steps[:2]] == ["Terhenti (dibatalkan)", "Tidak dilaksanakan (dibatalkan)"]
    assert report.total_status_label == "Terhenti (dibatalkan)"
