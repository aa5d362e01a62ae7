"""Demo data: realistic, consistent with what the services write, and added in bulk.

Self-contained: every fixture is defined here, on a real SQLite file in ``tmp_path``.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from collections import Counter
from datetime import datetime, time, timedelta, timezone
from pathlib import Path
from statistics import median

import pytest

from wawaran_desktop import paths
from wawaran_desktop.db.models import AuditEntry, Campaign, ChecklistMark, Staff, Step, StepEvent, database
from wawaran_desktop.services import demo, timing
from wawaran_desktop.services.clock import WIB, from_db, to_db
from wawaran_desktop.services.errors import RuleError
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.services.staff import normalise_nip
from wawaran_desktop.services.steps import refresh_campaign
from wawaran_desktop.services.workspace import Workspace, open_workspace

#: 10.00 WIB on Wednesday 26 November 2025.
NOW = datetime(2025, 11, 26, 3, 0, tzinfo=timezone.utc)
NOW_DB = to_db(NOW)
STANDARDS = [20, 10, 5, 5, 5, 5, 120, 10, 5]


@pytest.fixture
def demo_ws(tmp_path: Path):
    workspace = open_workspace(tmp_path / "data")
    yield workspace
    workspace.close()


@pytest.fixture
def filled(demo_ws: Workspace) -> tuple[Workspace, demo.DemoResult]:
    return demo_ws, demo.generate(demo_ws, 200, seed=7, now=NOW)


def lanes_by_staff() -> dict[int, str]:
    return {row.id: row.lane for row in Staff.select(Staff.id, Staff.lane)}


def last_event_at(campaign_id: int) -> datetime | None:
    row = (StepEvent.select(StepEvent.at).join(Step).where(Step.campaign == campaign_id)
           .order_by(StepEvent.at.desc()).first())
    return row.at if row else None


def assert_consistent_with_services(ws: Workspace) -> int:
    """Every campaign's cached status/current stage/update time equals what refresh_campaign computes."""
    checked = 0
    for c in Campaign.select():
        if c.status == CampaignStatus.CANCELLED.value:
            # refresh_campaign leaves a cancelled campaign alone; check the stage it stopped at.
            with database.atomic() as txn:
                Campaign.update(status=CampaignStatus.RUNNING.value).where(Campaign.id == c.id).execute()
                refresh_campaign(c.id, c.updated_at)
                recomputed = Campaign.get_by_id(c.id).current_no
                txn.rollback()
            assert recomputed == c.current_no, c.title
        else:
            with database.atomic() as txn:
                refresh_campaign(c.id, last_event_at(c.id) or c.created_at)
                again = Campaign.get_by_id(c.id)
                txn.rollback()
            assert (again.status, again.current_no, again.updated_at) == (c.status, c.current_no, c.updated_at), c.title
        checked += 1
    return checked


# -- counts and statuses -------------------------------------------------------------------
def test_counts(filled):
    ws, result = filled
    assert result.campaigns_added == 200
    assert result.staff_added == len(demo.DEMO_TEAM)
    assert result.seed == 7
    assert Campaign.select().count() == 200
    assert ws.campaigns.count() == 200
    assert Step.select().count() == 200 * len(ws.sop.activities)
    assert StepEvent.select().count() == result.events_added > 200 * 9
    assert AuditEntry.select().where(AuditEntry.action == "create").count() == 200
    assert Staff.select().count() == len(demo.DEMO_TEAM)


def test_every_status_appears_and_old_campaigns_are_mostly_done(filled):
    counts = Counter(c.status for c in Campaign.select(Campaign.status))
    assert set(counts) == {s.value for s in CampaignStatus}
    assert counts["done"] > 100
    assert counts["cancelled"] < 30
    old = [c.status for c in Campaign.select().where(Campaign.created_at < NOW_DB - timedelta(days=30))]
    assert old and Counter(old)["done"] / len(old) > 0.85
    recent = [c.status for c in Campaign.select().where(Campaign.created_at >= NOW_DB - timedelta(days=7))]
    assert Counter(recent)["running"] + Counter(recent)["draft"] >= len(recent) / 3


def test_cached_status_equals_refresh_campaign_for_every_campaign(filled):
    assert assert_consistent_with_services(filled[0]) == 200


@pytest.mark.parametrize("count", [1, 2, 3, 5])
def test_small_counts_are_consistent(demo_ws, count):
    result = demo.generate(demo_ws, count, seed=11, now=NOW)
    assert result.campaigns_added == Campaign.select().count() == count
    assert assert_consistent_with_services(demo_ws) == count
    assert Counter(c.status for c in Campaign.select())["running"] >= 1


# -- whole records through the services ----------------------------------------------------
def test_every_campaign_reads_back_and_its_times_compute(filled):
    ws, _ = filled
    lanes = lanes_by_staff()
    step_statuses: Counter = Counter()
    for c in Campaign.select(Campaign.id):
        record = ws.campaigns.get(c.id)
        assert record.sop.checksum == ws.sop.checksum
        assert [s.standard_minutes for s in record.steps] == STANDARDS
        assert record.elapsed(NOW) >= 0
        assert record.status_against_standard(NOW) in timing.StepStatus
        previous_end = record.created_at
        previous_state = timing.StepState.FINISHED
        for step in record.steps:
            step_statuses[step.status(NOW)] += 1
            lane = step.activity.lane
            if step.assignee_id is not None:
                assert lanes[step.assignee_id] == lane
            if not step.events:
                assert not step.checked and step.notes == ""
                previous_state = timing.StepState.NOT_STARTED
                continue
            assert previous_state is timing.StepState.FINISHED, "a step started before the previous finished"
            assert step.assignee_id is not None
            times = [e.at for e in step.events]
            assert times == sorted(times) and len(set(times)) == len(times)
            assert times[0] > previous_end
            assert times[-1] <= NOW
            for event in step.events:
                assert lanes[event.actor_id] == lane
                assert (event.reason is not None) == (event.kind == "reopen")
            assert all(0 <= item < len(step.activity.kelengkapan) for item in step.checked)
            previous_end, previous_state = times[-1], step.state
    assert set(step_statuses) == set(timing.StepStatus)


def test_running_campaigns_show_running_at_risk_and_late_steps(filled):
    ws, _ = filled
    current = Counter()
    waiting = 0
    for c in Campaign.select().where(Campaign.status == "running"):
        step = ws.campaigns.get(c.id).step(c.current_no)
        if step.state is timing.StepState.RUNNING:
            current[step.status(NOW)] += 1
        else:
            waiting += 1
    assert {timing.StepStatus.RUNNING, timing.StepStatus.AT_RISK, timing.StepStatus.LATE} <= set(current)
    assert waiting >= 1


def test_step_timings_are_near_their_standard(filled):
    ws, _ = filled
    on_time = late = 0
    dissemination = []
    for c in Campaign.select().where(Campaign.status == "done"):
        record = ws.campaigns.get(c.id)
        for step in record.steps:
            assert step.state is timing.StepState.FINISHED
            if step.status(NOW) is timing.StepStatus.ON_TIME:
                on_time += 1
            else:
                late += 1
            assert step.elapsed(NOW) <= step.standard_minutes * 60 * 4
            assert step.elapsed(NOW) >= 60
        dissemination.append(record.step(7).elapsed(NOW) / 60)
    assert 0.55 < on_time / (on_time + late) < 0.95
    assert 70 < median(dissemination) < 125
    assert max(dissemination) > 130  # some disseminations overran (e.g. 150 minutes)


def test_steps_start_in_wib_office_hours_on_workdays(filled):
    starts = [from_db(e.at).astimezone(WIB) for e in StepEvent.select().where(StepEvent.kind == "start")]
    assert starts
    for moment in starts:
        assert moment.weekday() < 5, moment
        assert time(7, 30) <= moment.time() <= time(16, 30), moment
    created = [from_db(c.created_at).astimezone(WIB) for c in Campaign.select()]
    in_hours = [m for m in created if m.weekday() < 5 and time(7, 30) <= m.time() <= time(16, 30)]
    assert len(in_hours) / len(created) > 0.95


def test_gaps_between_steps_and_some_reopens_with_reasons(filled):
    reopens = list(StepEvent.select().where(StepEvent.kind == "reopen"))
    assert reopens and all(e.reason and e.reason.strip() for e in reopens)
    assert ChecklistMark.select().count() > 200
    notes = [s.notes for s in Step.select().where(Step.notes != "")]
    assert any(n.startswith("Perhatian, perhatian.") for n in notes)  # a narration draft


def test_checklist_marks_fall_inside_their_step(filled):
    lanes = lanes_by_staff()
    activity_lane = {a.no: a.lane for a in filled[0].sop.activities}
    for mark in ChecklistMark.select(ChecklistMark, Step).join(Step):
        events = list(StepEvent.select().where(StepEvent.step == mark.step_id).order_by(StepEvent.at))
        assert events and events[0].at < mark.checked_at <= NOW_DB
        assert lanes[mark.checked_by_id] == activity_lane[mark.step.no]


# -- nothing in the future, nothing too old ------------------------------------------------
def test_nothing_after_now_and_created_within_180_days(filled):
    assert StepEvent.select().where(StepEvent.at > NOW_DB).count() == 0
    assert ChecklistMark.select().where(ChecklistMark.checked_at > NOW_DB).count() == 0
    assert AuditEntry.select().where(AuditEntry.at > NOW_DB).count() == 0
    for c in Campaign.select():
        assert NOW_DB - timedelta(days=180) <= c.created_at <= NOW_DB
        assert c.created_at <= c.updated_at <= NOW_DB
        assert c.cancelled_at is None or c.cancelled_at <= NOW_DB
    spread = Campaign.select().where(Campaign.created_at < NOW_DB - timedelta(days=150)).count()
    assert spread > 0


def test_timestamps_are_stored_as_naive_utc(filled):
    raw = database.execute_sql("SELECT at FROM step_event ORDER BY id LIMIT 50").fetchall()
    for (value,) in raw:
        parsed = datetime.fromisoformat(value)
        assert parsed.tzinfo is None
        wib = parsed.replace(tzinfo=timezone.utc).astimezone(WIB)
        assert time(7, 0) <= wib.time() <= time(19, 0)  # stored in UTC, not WIB wall time


def test_default_now_is_the_workspace_clock(demo_ws):
    before = datetime.now(timezone.utc)
    demo.generate(demo_ws, 30, seed=5)
    after = to_db(datetime.now(timezone.utc))
    assert Campaign.select().count() == 30
    assert StepEvent.select().where(StepEvent.at > after).count() == 0
    assert Campaign.select().where(Campaign.created_at < to_db(before) - timedelta(days=180)).count() == 0


# -- cancelled campaigns and audit ---------------------------------------------------------
def test_cancelled_campaigns_have_reason_actor_and_audit(filled):
    ws, _ = filled
    lanes = lanes_by_staff()
    cancelled = list(Campaign.select().where(Campaign.status == "cancelled"))
    assert cancelled
    for c in cancelled:
        assert c.cancel_reason and c.cancelled_at and c.cancelled_by_id
        assert lanes[c.cancelled_by_id] in {"kabid", "subkor"}
        last = last_event_at(c.id)
        assert last is None or last < c.cancelled_at
        assert c.updated_at == c.cancelled_at
        entry = AuditEntry.get((AuditEntry.campaign == c.id) & (AuditEntry.action == "cancel"))
        assert entry.detail == c.cancel_reason and entry.at == c.cancelled_at
        record = ws.campaigns.get(c.id)
        assert all(s.state is not timing.StepState.RUNNING for s in record.steps)
    assert AuditEntry.select().where(AuditEntry.action == "cancel").count() == len(cancelled)


def test_audit_create_and_assign_entries_match_the_campaigns(filled):
    for c in Campaign.select():
        create = AuditEntry.get((AuditEntry.campaign == c.id) & (AuditEntry.action == "create"))
        assert (create.at, create.actor_id, create.detail) == (c.created_at, c.created_by_id, c.title)
    assigned = Step.select().where(Step.assignee.is_null(False)).count()
    assert AuditEntry.select().where(AuditEntry.action == "assign").count() == assigned > 0


# -- staff ---------------------------------------------------------------------------------
def test_demo_team_has_valid_nips_and_every_lane(filled):
    ws, _ = filled
    rows = list(Staff.select())
    lanes = Counter(r.lane for r in rows)
    assert lanes == Counter({"kabid": 1, "subkor": 1, "tim": 5, "kernet": 2})
    assert {lane.id for lane in ws.sop.lanes} == set(lanes)
    civil = [r for r in rows if r.lane != "kernet"]
    assert civil and all(r.nip for r in civil)
    for r in rows:
        if r.nip:
            assert normalise_nip(r.nip) == r.nip and len(r.nip) == 18
        assert r.name.strip() and r.position.strip() and r.active
    for member in demo.DEMO_TEAM:
        assert normalise_nip(member.nip) == member.nip


def test_running_twice_adds_campaigns_and_keeps_the_team(demo_ws):
    first = demo.generate(demo_ws, 40, seed=1, now=NOW)
    staff = [(r.id, r.name, r.nip, r.lane) for r in Staff.select().order_by(Staff.id)]
    second = demo.generate(demo_ws, 40, seed=2, now=NOW + timedelta(days=3))
    assert (first.staff_added, second.staff_added) == (len(demo.DEMO_TEAM), 0)
    assert Campaign.select().count() == 80
    assert Step.select().count() == 80 * 9
    assert [(r.id, r.name, r.nip, r.lane) for r in Staff.select().order_by(Staff.id)] == staff
    assert assert_consistent_with_services(demo_ws) == 80


def test_existing_demo_member_is_reused(demo_ws):
    member = demo.DEMO_TEAM[0]
    spaced = f"{member.nip[:8]} {member.nip[8:14]} {member.nip[14]} {member.nip[15:]}"
    kept = demo_ws.staff.add(member.name, spaced, member.position, member.lane)
    demo_ws.staff.add("Staf Lain, S.E.", None, "Pengadministrasi Umum", "tim")
    driver = next(m for m in demo.DEMO_TEAM if m.nip is None)
    demo_ws.staff.add(driver.name, None, driver.position, driver.lane)
    result = demo.generate(demo_ws, 10, seed=3, now=NOW)
    assert result.staff_added == len(demo.DEMO_TEAM) - 2
    assert Staff.select().count() == len(demo.DEMO_TEAM) + 1
    assert Staff.select().where(Staff.nip == member.nip).count() == 1
    assert Staff.select().where(Staff.name == driver.name).count() == 1
    assert Campaign.select().where(Campaign.created_by == kept.id).count() + \
        StepEvent.select().where(StepEvent.actor == kept.id).count() > 0


def test_no_active_staff_for_a_lane_is_refused(demo_ws):
    demo.generate(demo_ws, 1, seed=1, now=NOW)
    Staff.update(active=False).where(Staff.lane == "kabid").execute()
    with pytest.raises(RuleError, match="Kepala Bidang DIKP"):
        demo.generate(demo_ws, 5, seed=1, now=NOW)
    assert Campaign.select().count() == 1


# -- content -------------------------------------------------------------------------------
def wilayah_from_csv() -> dict[str, set[str]]:
    kecamatan: dict[str, str] = {}
    kelurahan: dict[str, set[str]] = {}
    with open(paths.resource("wilayah/wilayah_kota_tangerang.csv"), encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["tingkat"] == "kecamatan":
            kecamatan[row["kode"]] = row["nama"]
    for row in rows:
        if row["tingkat"] == "kelurahan":
            kelurahan.setdefault(kecamatan[row["kode"].rsplit(".", 1)[0]], set()).add(row["nama"])
    return {name: kelurahan.get(name, set()) for name in kecamatan.values()}


TITLE = re.compile(r"^Wawaran (?P<topic>.+?) di (?:Kelurahan (?P<kel>[^,]+), )?Kecamatan (?P<kec>.+)$")


def test_titles_name_real_tangerang_kecamatan_and_kelurahan(filled):
    areas = wilayah_from_csv()
    assert len(areas) == 13
    seen = set()
    for c in Campaign.select():
        match = TITLE.match(c.title)
        assert match, c.title
        assert match["kec"] in areas, c.title
        if match["kel"]:
            assert match["kel"] in areas[match["kec"]], c.title
        assert c.theme and len(c.title) <= 200 and len(c.theme) <= 200
        seen.add(match["kec"])
    assert len(seen) >= 10
    topics = Counter(TITLE.match(c.title)["topic"] for c in Campaign.select())
    assert len(topics) >= 15
    assert any("DBD" in t for t in topics) and any("PBB" in t for t in topics)


def test_same_seed_and_now_give_the_same_campaigns(tmp_path):
    def titles(folder: str, seed: int) -> list[tuple[str, str, str]]:
        ws = open_workspace(tmp_path / folder)
        try:
            demo.generate(ws, 60, seed=seed, now=NOW)
            return [(c.title, c.theme, c.status) for c in Campaign.select().order_by(Campaign.id)]
        finally:
            ws.close()

    first, again, other = titles("a", 42), titles("b", 42), titles("c", 43)
    assert first == again
    assert first != other


# -- bulk writing, progress, arguments -----------------------------------------------------
def test_batches_report_progress_and_keep_ids_in_step(demo_ws, monkeypatch):
    monkeypatch.setattr(demo, "BATCH", 25)
    calls = []
    demo.generate(demo_ws, 60, seed=9, now=NOW, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 60), (25, 60), (50, 60), (60, 60)]
    ids = [c.id for c in Campaign.select(Campaign.id).order_by(Campaign.id)]
    assert ids == list(range(1, 61))
    per_campaign = Counter(s.campaign_id for s in Step.select(Step.campaign))
    assert set(per_campaign.values()) == {9} and len(per_campaign) == 60
    assert assert_consistent_with_services(demo_ws) == 60


def test_zero_campaigns_adds_only_the_team(demo_ws):
    result = demo.generate(demo_ws, 0, seed=1, now=NOW)
    assert (result.campaigns_added, result.events_added) == (0, 0)
    assert Campaign.select().count() == 0 and Staff.select().count() == len(demo.DEMO_TEAM)


@pytest.mark.parametrize("bad", [-1, 2.5, True])
def test_bad_count_is_refused(demo_ws, bad):
    with pytest.raises(ValueError):
        demo.generate(demo_ws, bad, now=NOW)
    assert Campaign.select().count() == 0


def test_naive_now_is_refused(demo_ws):
    with pytest.raises(ValueError):
        demo.generate(demo_ws, 3, now=datetime(2025, 11, 26, 10, 0))
    assert Campaign.select().count() == 0


def test_demo_module_does_not_import_qt():
    code = ("import sys, wawaran_desktop.services.demo; "
            "sys.exit(any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2]).returncode == 0


def test_campaigns_left_to_run_their_course_stop_at_now(demo_ws, monkeypatch):
    """Recent campaigns simply planned to the end are cut at ``now``: in progress, never in the future."""
    monkeypatch.setattr(demo, "_fates", lambda rng, created, now: (["done"] * len(created), [""] * len(created)))
    demo.generate(demo_ws, 400, seed=4, now=NOW)
    statuses = Counter(c.status for c in Campaign.select())
    assert statuses["done"] > 350 and statuses["running"] + statuses["draft"] >= 1
    assert StepEvent.select().where(StepEvent.at > NOW_DB).count() == 0
    assert ChecklistMark.select().where(ChecklistMark.checked_at > NOW_DB).count() == 0
    assert Step.select().where((Step.notes != "") & ~Step.id.in_(StepEvent.select(StepEvent.step))).count() == 0
    assert assert_consistent_with_services(demo_ws) == 400
