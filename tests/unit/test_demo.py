"""Demo data: realistic, consistent with what the services write, and added in bulk.

Self-contained: every fixture is defined here, on a real SQLite file in ``tmp_path``.
"""

from __future__ import annotations

import csv
import json
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
from wawaran_desktop.db.stage_models import (
    Briefing,
    BriefingAttendee,
    DataItem,
    Disposition,
    Evaluation,
    Location,
    NarrationVersion,
    Readiness,
    ReadinessItem,
    Report,
    RouteStop,
    ThemeDecision,
)
from wawaran_desktop import demo
from wawaran_desktop.services import timing, wilayah
from wawaran_desktop.services.stages import registry as stage_registry
from wawaran_desktop.text import readaloud
from wawaran_desktop.services.clock import WIB, from_db, to_db
from wawaran_desktop.demo.content import DemoContentError, parse_content
from wawaran_desktop.services.errors import RuleError
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.services.stages import (
    briefing,
    data_collection,
    disposition,
    dissemination,
    evaluation,
    narration,
    readiness,
    report,
    theme,
)
from wawaran_desktop.services.staff import PNS_RANKS, normalise_nip
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
                assert (event.reason is not None) == (event.kind in ("reopen", "pause"))
            assert all(0 <= item < len(step.activity.kelengkapan) for item in step.checked)
            previous_end, previous_state = times[-1], step.state
    # The demo cancels a campaign between two steps, so no step's clock is stopped mid-run.
    assert set(step_statuses) == set(timing.StepStatus) - {timing.StepStatus.STOPPED}


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
    for r in rows:  # civil servants (with an NIP) carry a civil-service rank; the day labourers none
        assert r.rank in PNS_RANKS if r.nip else r.rank == ""


def test_running_twice_adds_campaigns_and_keeps_the_team(demo_ws):
    first = demo.generate(demo_ws, 40, seed=1, now=NOW)
    staff = [(r.id, r.name, r.nip, r.lane) for r in Staff.select().order_by(Staff.id)]
    second = demo.generate(demo_ws, 40, seed=2, now=NOW + timedelta(days=3))
    assert (first.staff_added, second.staff_added) == (len(demo.DEMO_TEAM), 0)
    assert Campaign.select().count() == 80
    assert Step.select().count() == 80 * 9
    assert [(r.id, r.name, r.nip, r.lane) for r in Staff.select().order_by(Staff.id)] == staff
    assert assert_consistent_with_services(demo_ws) == 80


def test_demo_staff_added_before_ranks_were_kept_get_theirs(demo_ws):
    demo.generate(demo_ws, 0, seed=1, now=NOW)
    Staff.update(rank="").execute()  # as a database from before ranks were kept has them
    demo.generate(demo_ws, 0, seed=1, now=NOW)
    ranks = {r.nip: r.rank for r in Staff.select()}
    assert ranks == {m.nip: m.rank for m in demo.DEMO_TEAM}


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
    code = ("import sys, wawaran_desktop.demo; "
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


# -- stage content -------------------------------------------------------------------------
# Every stage whose step has started holds its content, timed inside the step's work, and the
# stage services read it and accept it as if staff had typed it.

#: Which step each stage table belongs to (the demo SOP's workspaces, in order).
STAGE_TABLES = {DataItem: 1, Briefing: 2, BriefingAttendee: 2, Location: 2, ThemeDecision: 3,
                NarrationVersion: 4, Disposition: 5, Readiness: 6, RouteStop: 7, Report: 8, Evaluation: 9}


@pytest.fixture
def staged(tmp_path: Path):
    """A 200-campaign demo read by services whose clock stands at ``NOW``."""
    workspace = open_workspace(tmp_path / "staged", clock=lambda: NOW)
    demo.generate(workspace, 200, seed=7, now=NOW)
    yield workspace
    workspace.close()


class Work:
    """A step's stored work: intervals (naive UTC; a running one ends at NOW) and finished or not."""

    def __init__(self) -> None:
        self.intervals: list[list[datetime]] = []
        self.finished = False

    def add(self, kind: str, at: datetime) -> None:
        if kind in ("start", "reopen"):
            self.intervals.append([at, NOW_DB])
            self.finished = False
        elif kind == "finish":
            self.intervals[-1][1] = at
            self.finished = True

    def holds(self, moment: datetime | None, whole_minutes: bool = False) -> bool:
        """``moment`` lies in the work (a time stored to the minute may lie in the start's minute)."""
        if moment is None:
            return False
        return any((a.replace(second=0, microsecond=0) if whole_minutes else a) <= moment <= b
                   for a, b in self.intervals)

    @property
    def span(self) -> tuple[datetime, datetime]:
        return self.intervals[0][0], self.intervals[-1][1]


def work_by_campaign() -> dict[int, dict[int, Work]]:
    result: dict[int, dict[int, Work]] = {c.id: {} for c in Campaign.select(Campaign.id)}
    query = (StepEvent.select(StepEvent.kind, StepEvent.at, Step.campaign, Step.no).join(Step)
             .order_by(Step.campaign, Step.no, StepEvent.at, StepEvent.id).tuples())
    for kind, at, campaign_id, no in query:
        result[campaign_id].setdefault(no, Work()).add(kind, at)
    return result


def lane_ids(lane: str) -> set[int]:
    return {s.id for s in Staff.select(Staff.id).where(Staff.lane == lane)}


def test_stage_content_exists_exactly_when_its_step_has_started(staged):
    works = work_by_campaign()
    for model, no in STAGE_TABLES.items():
        have = {row[0] for row in model.select(model.campaign).distinct().tuples()}
        started = {cid for cid, steps in works.items() if no in steps}
        assert have == started, model.__name__
        assert started, model.__name__
    running = {no for steps in works.values() for no, w in steps.items() if not w.finished}
    assert len(running) >= 4 and 7 in running  # some stages are shown half done


def test_stage_times_lie_inside_their_steps_and_never_after_now(staged):
    works = work_by_campaign()
    checks = [
        (DataItem, 1, [DataItem.created_at], False),
        (Briefing, 2, [Briefing.held_at], True), (Briefing, 2, [Briefing.updated_at], False),
        (ThemeDecision, 3, [ThemeDecision.updated_at], False),
        (NarrationVersion, 4, [NarrationVersion.saved_at], False),
        (Disposition, 5, [Disposition.updated_at], False),
        (Readiness, 6, [Readiness.updated_at], False),
        (Report, 8, [Report.updated_at], False),
        (Evaluation, 9, [Evaluation.received_at], True), (Evaluation, 9, [Evaluation.updated_at], False),
    ]
    for model, no, fields, minutes in checks:
        for cid, moment in model.select(model.campaign, *fields).tuples():
            assert works[cid][no].holds(moment, minutes), (model.__name__, cid, moment)
    for cid, at in ThemeDecision.select(ThemeDecision.campaign, ThemeDecision.decided_at).tuples():
        assert at is None or works[cid][3].holds(at)
    for cid, at in (ReadinessItem.select(ReadinessItem.campaign, ReadinessItem.checked_at)
                    .where(ReadinessItem.checked_at.is_null(False)).tuples()):
        assert works[cid][6].holds(at)
    for stop in RouteStop.select():
        for moment in (stop.arrived_at, stop.departed_at):
            if moment is not None:
                assert moment.second == 0 and works[stop.campaign_id][7].holds(moment, True), stop.id
    for cid, day, saved in Disposition.select(Disposition.campaign, Disposition.disposed_on,
                                              Disposition.updated_at).tuples():
        assert day == from_db(saved).astimezone(WIB).date()
    actions = {"data_item_add": 1, "location_add": 2, "topics": 2, "theme_decider": 3, "narration_save": 4,
               "narration_final": 4, "disposition.agenda": 5, "locations.confirm": 6, "route_add": 7}
    for entry in AuditEntry.select().where(AuditEntry.action.in_(list(actions))):
        assert works[entry.campaign_id][actions[entry.action]].holds(entry.at), (entry.action, entry.campaign_id)
    assert AuditEntry.select().where(AuditEntry.at > NOW_DB).count() == 0


def test_data_items_are_what_the_service_accepts(staged):
    works = work_by_campaign()
    counts = Counter(i.campaign_id for i in DataItem.select(DataItem.campaign))
    assert set(counts.values()) <= {2, 3, 4, 5} and len(set(counts.values())) >= 3
    kinds, links = Counter(), 0
    for item in DataItem.select().order_by(DataItem.campaign, DataItem.position):
        fields = data_collection.DataItemFields(item.topic, item.summary, item.source_kind, item.source_name,
                                                item.reference, item.item_date, item.priority)
        made_on = from_db(item.created_at).astimezone(WIB).date()
        assert data_collection.clean_fields(fields, made_on) == fields
        assert item.item_date <= made_on and item.priority in (1, 2, 3)
        kinds[item.source_kind] += 1
        links += item.reference.startswith("https://")
        steps = works[item.campaign_id]
        assert not item.selected or 2 in steps
    assert set(kinds) == {"prokomp", "dimc", "other"} and links > 50
    for cid, steps in works.items():
        positions = [i.position for i in DataItem.select().where(DataItem.campaign == cid).order_by(DataItem.position)]
        assert positions == list(range(1, len(positions) + 1))
        if 2 in steps and steps[2].finished:
            assert DataItem.select().where((DataItem.campaign == cid) & DataItem.selected).exists()


def test_briefings_plan_real_kelurahan_in_route_order(staged):
    ws = staged
    works = work_by_campaign()
    areas = wilayah.load()
    kecamatan_codes = {a.name: a.code for a in areas.kecamatan}
    for (cid,) in Briefing.select(Briefing.campaign).tuples():
        record = briefing.Service(ws).get(cid)
        steps = works[cid]
        assert 2 <= len(record.attendees) <= 5
        assert record.held_at is not None and record.held_at.second == 0 and record.place
        assert record.agenda.startswith("1. ") and record.technical_notes
        count = len(record.locations)
        assert (2 <= count <= 5) if steps[2].finished else (1 <= count <= 5)
        briefing.check_route_order(list(record.locations))
        title = Campaign.get_by_id(cid).title
        kec = TITLE.match(title)["kec"]
        for location in record.locations:
            assert areas.is_kelurahan(location.kelurahan_code)
            assert location.kecamatan_code == kecamatan_codes[kec], title
            assert briefing.clean_time(location.planned_time) == location.planned_time
            assert location.address and len(location.address) <= briefing.ADDRESS_MAX
        confirmed = {loc.confirmed for loc in record.locations}  # at stage 6, all at once
        assert confirmed == ({False} if 6 not in steps else {True} if steps[6].finished else confirmed)
        assert len(confirmed) == 1
        if TITLE.match(title)["kel"]:
            assert {loc.kelurahan for loc in record.locations} == {TITLE.match(title)["kel"]}
        else:
            assert len({loc.kelurahan_code for loc in record.locations}) == count
    landmarks = " ".join(loc.address for loc in Location.select(Location.address))
    for word in ("Pasar", "Masjid", "Balai Warga", "SD Negeri", "Taman"):
        assert word in landmarks


def test_narrations_have_versions_and_one_final_per_finished_step(staged):
    works = work_by_campaign()
    team = lane_ids("tim")
    for cid in {v.campaign_id for v in NarrationVersion.select(NarrationVersion.campaign)}:
        versions = list(NarrationVersion.select().where(NarrationVersion.campaign == cid)
                        .order_by(NarrationVersion.number))
        step = works[cid][4]
        assert [v.number for v in versions] == list(range(1, len(versions) + 1)) and len(versions) <= 3
        finals = [v for v in versions if v.is_final]
        if step.finished:
            assert finals == [versions[-1]]
        elif len(step.intervals) == 1:
            assert finals == []
        for before, after in zip(versions, versions[1:]):
            assert before.text != after.text and before.saved_at < after.saved_at
        for v in versions:
            assert narration.clean_narration(v.text) == v.text
            assert 80 <= readaloud.count_words(v.text) <= 200, v.text
            assert v.author_id in team
            assert "Warga Kota Tangerang" in v.text or "warga" in v.text
    assert NarrationVersion.select().where(NarrationVersion.text.startswith("Perhatian, perhatian.")).exists()


def test_dispositions_are_numbered_per_year_in_date_order(staged):
    rows = list(Disposition.select().order_by(Disposition.updated_at))
    numbers = [d.agenda_number for d in rows]
    assert rows and len(set(numbers)) == len(numbers)
    by_year: dict[int, list[int]] = {}
    for d in rows:
        assert d.agenda_number == f"{d.agenda_seq:03d}/DIKP/{d.agenda_year}"
        assert d.agenda_year == d.disposed_on.year
        by_year.setdefault(d.agenda_year, []).append(d.agenda_seq)
        entry = AuditEntry.get((AuditEntry.campaign == d.campaign_id) & (AuditEntry.action == "disposition.agenda"))
        assert entry.detail == d.agenda_number and entry.at == d.updated_at
    for seqs in by_year.values():
        assert seqs == list(range(1, len(seqs) + 1))  # in the order they were saved
    sifat = Counter(d.sifat for d in rows)
    assert set(sifat) <= set(disposition.SIFAT) and sifat["Biasa"] + sifat["Segera"] > 0.8 * len(rows)
    subkor, tim = lane_ids("subkor"), lane_ids("tim")
    for d in rows:
        record = disposition.Service(staged).get(d.campaign_id)
        assert record.hal == record.theme and record.stored
        assert list(record.instructions) == [p for p in disposition.STANDARD_INSTRUCTIONS if p in record.instructions]
        assert "Untuk dilaksanakan" in record.instructions
        assert record.signer.id in subkor and all(r.id in tim for r in record.recipients)
        if record.surat_dari:
            assert record.nomor_surat and record.tanggal_surat <= record.diterima_tanggal <= record.disposed_on


def test_running_twice_continues_the_agenda_numbers(demo_ws):
    demo.generate(demo_ws, 40, seed=1, now=NOW)
    first = {d.campaign_id: d.agenda_number for d in Disposition.select()}
    last_seq = Disposition.select(Disposition.agenda_seq).order_by(Disposition.agenda_seq.desc()).scalar()
    demo.generate(demo_ws, 40, seed=2, now=NOW + timedelta(days=3))
    rows = list(Disposition.select())
    assert len(rows) > len(first) and {d.campaign_id: d.agenda_number for d in rows
                                       if d.campaign_id in first} == first
    assert len({(d.agenda_year, d.agenda_seq) for d in rows}) == len({d.agenda_number for d in rows}) == len(rows)
    for d in rows:
        if d.campaign_id not in first and d.agenda_year == 2025:
            assert d.agenda_seq > last_seq


def test_readiness_and_route_follow_the_briefing(staged):
    ws = staged
    works = work_by_campaign()
    kernet = lane_ids("kernet")
    unplanned = rain = 0
    for r in Readiness.select():
        steps = works[r.campaign_id]
        assert 100 <= r.flyers_count <= 500 and r.flyers_count % 50 == 0
        assert r.driver_id is None or r.driver_id in kernet
        assert r.announcer_id is None or r.announcer_id != r.driver_id
        items = {i.item_key: i for i in ReadinessItem.select().where(ReadinessItem.campaign == r.campaign_id)}
        assert set(items) <= set(readiness.MANUAL_LABELS)
        if steps[6].finished:
            assert r.driver_id and r.announcer_id and all(items[k].checked for k in readiness.MANUAL_LABELS)
            record = readiness.Service(ws).get(r.campaign_id)
            assert {i.key for i in record.open_items} <= {f"kelengkapan:{n}" for n in range(3)}
    for cid in {s.campaign_id for s in RouteStop.select(RouteStop.campaign)}:
        steps = works[cid]
        route = dissemination.Service(ws).route(cid)
        assert dissemination.Service(ws).in_sync(cid)
        stops = route.stops
        locations = briefing.Service(ws).locations(cid)
        assert [s.location_id for s in stops if s.planned] == [loc.id for loc in locations]
        assert all(s.location_id is None for s in stops if not s.planned)
        visited = [s for s in stops if s.arrived_at is not None]
        assert stops[:len(visited)] == tuple(visited)  # visited stops first, in the order driven
        previous = None
        for s in visited:
            assert s.departed_at is None or s.departed_at > s.arrived_at
            assert previous is None or s.arrived_at >= previous
            previous = s.departed_at or s.arrived_at
            assert wilayah.load().is_kelurahan(s.kelurahan_code)
        assert sum(1 for s in stops if s.arrived_at is not None and s.departed_at is None) <= 1
        assert route.totals.flyers <= Readiness.get_by_id(cid).flyers_count
        if steps[7].finished:
            assert all(s.visited for s in stops) and 0 < route.totals.audience
        assert all(s.flyers <= s.audience for s in stops)
        unplanned += sum(not s.planned for s in stops)
        rain += sum("Hujan" in s.notes for s in stops)
    assert unplanned and rain


def test_stage_services_read_every_campaign_and_finish_rules_pass(staged):
    ws = staged
    works = work_by_campaign()
    services = (data_collection.Service(ws), briefing.Service(ws), theme.Service(ws), narration.Service(ws),
                disposition.Service(ws), readiness.Service(ws), dissemination.Service(ws), report.Service(ws),
                evaluation.Service(ws))
    items, brief, decided, narr, disp, ready, route, rep, ev = services
    checked = Counter()
    for c in Campaign.select():
        items.list(c.id)
        brief.get(c.id)
        decided.get(c.id)
        narr.versions(c.id)
        narr.final(c.id)
        disp.get(c.id)
        ready.get(c.id)
        route.route(c.id)
        rep.get(c.id)
        ev.get(c.id)
        for no, work in works[c.id].items():
            act = ws.sop.activity(no)
            if work.finished and act.workspace != "readiness":
                rule = stage_registry.finish_check(act.workspace)
                assert rule is not None, act.workspace
                rule(c.id, None)
                checked[no] += 1
    assert set(checked) == {1, 2, 3, 4, 5, 7, 8, 9}


def test_reports_are_the_drafts_the_report_service_assembles(staged):
    ws = staged
    rows = list(Report.select())
    assert rows
    for row in rows:
        assert row.body == report.compose(ws.campaigns.get(row.campaign_id), from_db(row.updated_at))
        assert report.Service(ws).get(row.campaign_id).stored
    bodies = "\n".join(r.body for r in rows)
    assert "mobil wawaran keliling menyampaikan informasi bertema" in bodies and "(sumber: " in bodies
    assert "melebihi waktu baku" not in bodies and "Catatan tahap" not in bodies  # the report's A and C tell those


def test_evaluations_score_lateness_and_list_followups(staged):
    works = work_by_campaign()
    kabid = lane_ids("kabid")
    timeliness: dict[bool, list[int]] = {True: [], False: []}
    for e in Evaluation.select():
        steps = works[e.campaign_id]
        assert e.received_by_id in kabid and e.received_at.second == 0 and e.received_at <= e.updated_at
        scores = (e.score_timeliness, e.score_reach, e.score_narration)
        for score, (field, label) in zip(scores, evaluation.ASPECTS):
            assert evaluation.clean_score(score, label, field) == score
        points = evaluation.clean_followups(e.followups)
        if steps[9].finished:
            assert None not in scores and 1 <= len(points) <= 3 and e.notes
            late = sum(1 for no in range(1, 9) if sum((b - a).total_seconds() for a, b in steps[no].intervals)
                       > STANDARDS[no - 1] * 60)
            timeliness[late >= 2].append(e.score_timeliness)
    assert timeliness[True] and timeliness[False]
    assert median(timeliness[True]) < median(timeliness[False])


def test_step_notes_agree_with_the_stage_content(staged):
    works = work_by_campaign()
    compared = Counter()
    for step in Step.select().where(Step.notes != ""):
        if step.no == 5:
            assert step.notes.endswith(f"Sifat: {Disposition.get_by_id(step.campaign_id).sifat}.")
            compared[5] += 1
        elif step.no == 6:
            assert step.notes.startswith(f"Flyer {Readiness.get_by_id(step.campaign_id).flyers_count} lembar")
            compared[6] += 1
        elif step.no == 7 and works[step.campaign_id][7].finished:
            stops = list(RouteStop.select().where(RouteStop.campaign == step.campaign_id))
            assert step.notes.startswith(f"Wawaran keliling di {len(stops)} titik, flyer dibagikan "
                                         f"{sum(s.flyers for s in stops)} lembar.")
            compared[7] += 1
        elif step.no == 9:
            assert Evaluation.get_by_id(step.campaign_id).notes in ("", step.notes)
            compared[9] += 1
    assert set(compared) == {5, 6, 7, 9}


def test_same_seed_and_now_give_the_same_stage_content(tmp_path):
    def content(folder: str, seed: int) -> list:
        ws = open_workspace(tmp_path / folder)
        try:
            demo.generate(ws, 40, seed=seed, now=NOW)
            return [list(model.select().tuples()) for model in (DataItem, Location, NarrationVersion, Disposition,
                                                                 RouteStop, Report, Evaluation)]
        finally:
            ws.close()

    first, again, other = content("a", 42), content("b", 42), content("c", 43)
    assert first == again and all(first)
    assert first != other


def test_stage_texts_naming_an_unknown_field_are_refused():
    raw = json.loads(Path(paths.resource("demo/content.json")).read_text(encoding="utf-8"))
    raw["stages"]["landmarks"][0] = "Pasar {desa}"
    with pytest.raises(DemoContentError, match=r"stages\.landmarks\[0\]: kolom \{desa\} tidak dikenal"):
        parse_content(json.dumps(raw), "content.json")
    del raw["stages"]
    with pytest.raises(DemoContentError, match="stages: wajib ada"):
        parse_content(json.dumps(raw), "content.json")


# -- office profile ------------------------------------------------------------------------
def test_demo_stores_an_example_office_profile_once_and_never_over_the_offices(demo_ws, tmp_path):
    assert not demo_ws.profile.is_stored()
    demo.generate(demo_ws, 0, seed=1, now=NOW)
    profile = demo_ws.profile.load()
    assert profile.address.startswith("Gedung Pusat Pemerintahan Kota Tangerang, Jl. Satria Sudirman No. 1")
    assert (profile.kepala_bidang.rank, profile.sub_kor.rank) == ("Pembina (IV/a)", "Penata Tingkat I (III/d)")
    assert profile.phone and profile.email == "diskominfo@tangerangkota.go.id" and profile.website
    assert "Telepon" in profile.contact_line and "Pos-el" in profile.contact_line  # the kop's fourth line
    assert AuditEntry.get(AuditEntry.action == "setting").at <= NOW_DB  # nothing after "now"

    other = open_workspace(tmp_path / "other")
    try:
        actor = other.staff.add("Admin Kantor", None, "Pengelola", "subkor")
        own = other.profile.save(actor.id, other.profile.load()._replace(address="Alamat kantor sendiri"))
        demo.generate(other, 0, seed=1, now=NOW)
        assert other.profile.load() == own  # the office's own profile is kept
    finally:
        other.close()
