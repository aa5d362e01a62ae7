"""*Tugas Saya*: what waits for each member of staff, by the lanes of each campaign's pinned SOP."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from stage_content import READINESS_REASON, fill_stage

from wawaran_desktop import paths
from wawaran_desktop.db.stage_models import Evaluation
from wawaran_desktop.services.errors import NotFound
from wawaran_desktop.services.my_tasks import MyTasksService, tasks_for
from wawaran_desktop.services.stages.disposition import DispositionDraft
from wawaran_desktop.services.stages.disposition import Service as DispositionService
from wawaran_desktop.services.stages.disposition_status import DispositionStatusService, Status
from wawaran_desktop.services.timing import StepState, StepStatus
from wawaran_desktop.text import durations


class Office:
    """One person of each lane (``actor``, of tests/unit/conftest.py, is the Sub Kor), two of the team."""

    def __init__(self, ws, actor) -> None:
        self.subkor = actor
        self.kabid = ws.staff.add("Hendra Gunawan", None, "Kepala Bidang DIKP", "kabid")
        self.budi = ws.staff.add("Budi Santoso", None, "Pranata Humas", "tim")
        self.dewi = ws.staff.add("Dewi Lestari", None, "Pranata Humas", "tim")
        self.agus = ws.staff.add("Agus Supriatna", None, "Pengemudi", "kernet")

    def of_lane(self, lane: str):
        return {"kabid": self.kabid, "subkor": self.subkor, "tim": self.budi, "kernet": self.agus}[lane]


@pytest.fixture
def office(ws, actor) -> Office:
    return Office(ws, actor)


@pytest.fixture
def mine(ws) -> MyTasksService:
    return MyTasksService(ws)


def run_steps(ws, office: Office, cid: int, last: int) -> None:
    """Start, fill and finish steps 1..``last``, each by a person of its primary lane."""
    for no in range(1, last + 1):
        person = office.of_lane(ws.sop.activity(no).lane).id
        ws.steps.start(person, cid, no)
        fill_stage(ws, person, cid, no)
        ws.steps.finish(person, cid, no, reason=READINESS_REASON if no == 6 else None)


def steps(tasks) -> list[tuple[int, int, StepState]]:
    return [(t.campaign_id, t.no, t.state) for t in tasks.steps]


def test_an_unknown_person_is_refused_and_an_inactive_one_has_nothing_waiting(ws, office, mine):
    ws.campaigns.create(office.subkor.id, "Wawaran PBB")
    with pytest.raises(NotFound, match="Petugas nomor 999 tidak ditemukan"):
        mine.tasks_for(999)
    budi = office.budi
    assert mine.count(budi.id) == 1
    ws.staff.update(budi.id, budi.name, budi.nip, budi.position, budi.lane, active=False)
    assert mine.tasks_for(budi.id).steps == () and mine.count(budi.id) == 0


def test_a_new_campaign_waits_for_step_1s_primary_and_support_lanes(ws, office, mine):
    cid = ws.campaigns.create(office.subkor.id, "Wawaran PBB").id
    first = mine.tasks_for(office.subkor.id).steps[0]
    assert (first.campaign_id, first.campaign_title, first.no, first.short) == (cid, "Wawaran PBB", 1, "Pengumpulan Data")
    assert first.title.startswith("Pengumpulan Data yang menjadi trending topic")
    assert first.ready and first.status is StepStatus.NOT_STARTED and first.elapsed is None
    assert first.primary and not first.assigned
    budi = mine.tasks_for(office.budi.id).steps
    assert steps(mine.tasks_for(office.budi.id)) == [(cid, 1, StepState.NOT_STARTED)] and not budi[0].primary
    assert mine.count(office.kabid.id) == 0 and mine.count(office.agus.id) == 0


def test_a_running_step_tells_its_working_time_against_the_standard(ws, clock, office, mine):
    cid = ws.campaigns.create(office.subkor.id, "Wawaran PBB").id
    ws.steps.start(office.subkor.id, cid, 1)
    clock.advance(minutes=10)
    task = mine.tasks_for(office.subkor.id).steps[0]
    assert (task.state, task.status, task.elapsed) == (StepState.RUNNING, StepStatus.RUNNING, 600)
    assert durations.against(task.elapsed, task.standard_minutes) == "10 mnt 00 dtk / 20 mnt"
    clock.advance(minutes=6)  # 16 of 20 minutes: the office's at-risk threshold (80%)
    assert mine.tasks_for(office.subkor.id).steps[0].status is StepStatus.AT_RISK
    ws.steps.pause(office.subkor.id, cid, 1, "Menunggu data dari Prokomp")
    clock.advance(hours=1)  # paused time does not count
    paused = mine.tasks_for(office.budi.id).steps[0]
    assert (paused.state, paused.status, paused.elapsed) == (StepState.PAUSED, StepStatus.PAUSED, 960)
    assert mine.count(office.budi.id) == 1


def test_a_step_waits_only_once_the_one_before_it_is_finished(ws, office, mine):
    cid = ws.campaigns.create(office.subkor.id, "Wawaran PBB").id
    assert steps(mine.tasks_for(office.kabid.id)) == []  # step 2 (kabid supports) is not ready yet
    run_steps(ws, office, cid, 1)
    assert steps(mine.tasks_for(office.kabid.id)) == [(cid, 2, StepState.NOT_STARTED)]
    assert steps(mine.tasks_for(office.subkor.id)) == [(cid, 2, StepState.NOT_STARTED)]
    run_steps_from(ws, office, cid, 2, 2)
    assert steps(mine.tasks_for(office.kabid.id)) == [(cid, 3, StepState.NOT_STARTED)]
    assert steps(mine.tasks_for(office.budi.id)) == []  # step 3 is the Kabid's and the Sub Kor's
    assert steps(mine.tasks_for(office.agus.id)) == []


def run_steps_from(ws, office, cid, first, last):
    for no in range(first, last + 1):
        person = office.of_lane(ws.sop.activity(no).lane).id
        ws.steps.start(person, cid, no)
        fill_stage(ws, person, cid, no)
        ws.steps.finish(person, cid, no)


def test_a_step_started_early_waits_as_running(ws, office, mine):
    cid = ws.campaigns.create(office.subkor.id, "Wawaran PBB").id
    ws.steps.start(office.budi.id, cid, 4, reason="Narasi disiapkan lebih dulu")
    assert steps(mine.tasks_for(office.dewi.id)) == [(cid, 4, StepState.RUNNING), (cid, 1, StepState.NOT_STARTED)]


def test_a_step_assigned_to_someone_outside_its_lanes_waits_for_them(ws, office, mine):
    cid = ws.campaigns.create(office.subkor.id, "Wawaran PBB").id
    ws.steps.assign(office.subkor.id, cid, 1, office.agus.id)
    task = mine.tasks_for(office.agus.id).steps[0]
    assert (task.no, task.assigned, task.primary, task.assignee_name) == (1, True, False, "Agus Supriatna")
    assert mine.tasks_for(office.subkor.id).steps[0].assignee_name == "Agus Supriatna"  # the lane still sees it


def test_cancelled_and_done_campaigns_wait_for_nobody(ws, office, mine):
    cancelled = ws.campaigns.create(office.subkor.id, "Wawaran Batal").id
    ws.campaigns.cancel(office.subkor.id, cancelled, "Acara ditunda")
    done = ws.campaigns.create(office.subkor.id, "Wawaran Selesai").id
    run_steps(ws, office, done, 9)
    assert ws.campaigns.get(done).status.value == "done"
    for person in (office.subkor, office.kabid, office.budi, office.agus):
        tasks = mine.tasks_for(person.id)
        assert (tasks.steps, tasks.dispositions, tasks.signed, tasks.evaluations) == ((), (), (), ())


def test_lanes_come_from_each_campaigns_pinned_sop(ws, office, mine, restart, tmp_path):
    old = ws.campaigns.create(office.subkor.id, "Wawaran Lama").id
    definition = json.loads(Path(paths.resource("sop/wawaran_keliling.json")).read_text(encoding="utf-8"))
    definition["version"] = "1.1-uji"
    first = definition["activities"][0]
    first["lane"], first["support_lanes"] = "kernet", []
    changed = tmp_path / "sop-1.1.json"
    changed.write_text(json.dumps(definition, ensure_ascii=False), encoding="utf-8")
    ws = restart(ws, sop_path=changed)
    new = ws.campaigns.create(office.agus.id, "Wawaran Baru").id  # step 1 is the kernet's now
    mine = MyTasksService(ws)
    assert steps(mine.tasks_for(office.agus.id)) == [(new, 1, StepState.NOT_STARTED)]
    assert steps(mine.tasks_for(office.subkor.id)) == [(old, 1, StepState.NOT_STARTED)]
    assert steps(mine.tasks_for(office.budi.id)) == [(old, 1, StepState.NOT_STARTED)]


def dispose(ws, office, cid, *people):
    service = DispositionService(ws)
    draft = DispositionDraft(disposed_on=ws.today(), hal="Pelaksanaan wawaran PBB", sifat="Segera",
                             recipient_ids=tuple(p.id for p in people), instructions=("Untuk dilaksanakan",),
                             signer_id=office.subkor.id)
    return service.save(office.subkor.id, cid, draft)


def test_a_disposition_waits_for_its_recipients_until_they_follow_it_up(ws, clock, office, mine):
    cid = ws.campaigns.create(office.subkor.id, "Wawaran PBB").id
    record = dispose(ws, office, cid, office.budi, office.agus)
    before = mine.count(office.budi.id)
    got = mine.tasks_for(office.budi.id).dispositions
    assert [(d.campaign_id, d.no, d.agenda_number, d.hal, d.sifat, d.signer_name, d.status) for d in got] == [
        (cid, 5, record.agenda_number, "Pelaksanaan wawaran PBB", "Segera", "Rina Wulandari", Status.UNREAD)]
    status = DispositionStatusService(ws)
    clock.advance(minutes=3)
    status.mark_read(office.budi.id, cid)
    read = mine.tasks_for(office.budi.id).dispositions[0]
    assert (read.status, read.read_at) == (Status.READ, clock.current)
    assert mine.count(office.budi.id) == before  # read, not yet followed up: it still waits
    status.record_follow_up(office.budi.id, cid, "Siap dilaksanakan")
    done = mine.tasks_for(office.budi.id).dispositions[0]
    assert done.status is Status.FOLLOWED_UP and done.followed_up_at == clock.current
    assert mine.count(office.budi.id) == before - 1  # still listed, no longer counted
    assert mine.tasks_for(office.dewi.id).dispositions == ()  # not a recipient


def test_the_signer_sees_each_recipients_status(ws, office, mine):
    cid = ws.campaigns.create(office.subkor.id, "Wawaran PBB").id
    dispose(ws, office, cid, office.budi, office.dewi)
    DispositionStatusService(ws).record_follow_up(office.dewi.id, cid, "Sudah dikoordinasikan")
    signed = mine.tasks_for(office.subkor.id).signed
    assert len(signed) == 1 and signed[0].campaign_id == cid and signed[0].followed_up == 1
    assert [(r.name, r.status) for r in signed[0].recipients] == [
        ("Budi Santoso", Status.UNREAD), ("Dewi Lestari", Status.FOLLOWED_UP)]
    assert mine.tasks_for(office.budi.id).signed == ()
    counted = mine.count(office.subkor.id)
    assert counted == len(mine.tasks_for(office.subkor.id).steps)  # the overview is not counted as a task


def test_an_evaluation_waits_for_the_evaluation_lane_once_the_report_is_finished(ws, office, mine):
    cid = ws.campaigns.create(office.subkor.id, "Wawaran PBB").id
    run_steps(ws, office, cid, 7)
    assert mine.tasks_for(office.kabid.id).evaluations == ()  # the report is not finished yet
    run_steps_from(ws, office, cid, 8, 8)
    kabid = mine.tasks_for(office.kabid.id)
    assert [(e.campaign_id, e.campaign_title, e.no, e.report_no) for e in kabid.evaluations] == [
        (cid, "Wawaran PBB", 9, 8)]
    assert kabid.count == 2  # step 9 may start, and the report is to be received
    assert mine.tasks_for(office.subkor.id).evaluations == ()  # a support lane of step 9, not its primary
    Evaluation.create(campaign=cid, received_by=office.kabid.id)
    assert mine.tasks_for(office.kabid.id).evaluations == ()


def test_a_handful_of_queries_whatever_the_number_of_campaigns(ws, office, mine, caplog):
    def queries() -> int:
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="peewee"):
            mine.tasks_for(office.subkor.id)
        return sum(1 for r in caplog.records if r.name == "peewee")

    for i in range(2):
        cid = ws.campaigns.create(office.subkor.id, f"Wawaran {i}").id
        dispose(ws, office, cid, office.budi)
        ws.steps.start(office.subkor.id, cid, 1)
    few = queries()
    for i in range(2, 14):
        cid = ws.campaigns.create(office.subkor.id, f"Wawaran {i}").id
        dispose(ws, office, cid, office.budi)
        ws.steps.start(office.subkor.id, cid, 1)
    assert len(mine.tasks_for(office.subkor.id).steps) == 14
    assert queries() == few <= 10


def test_the_module_function_takes_the_time_and_thresholds_it_is_given(ws, clock, office):
    from wawaran_desktop.services.timing import Thresholds

    cid = ws.campaigns.create(office.subkor.id, "Wawaran PBB").id
    ws.steps.start(office.subkor.id, cid, 1)
    later = clock.advance(minutes=5)
    strict = tasks_for(office.subkor.id, later, Thresholds(at_risk=0.2, late=1.0)).steps[0]
    assert (strict.elapsed, strict.status) == (300, StepStatus.AT_RISK)
    assert tasks_for(office.subkor.id, later).steps[0].status is StepStatus.RUNNING
