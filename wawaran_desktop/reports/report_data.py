"""One campaign's report (laporan hasil wawaran), gathered as plain facts for the documents.

Every step with who did it, when it started and finished, its working time against the
standard and its status; the route stop by stop; the problems met on the way (late steps,
pauses, steps started out of order or reopened, open items, stops not visited, notes); and
the evaluation. Times are aware UTC; the documents show them in WIB. Working time is kept
in whole seconds (``StepRecord.elapsed``) and told by :mod:`~wawaran_desktop.text.durations`,
so a step's figure, its status and the total (the sum of the same seconds) always agree.

:func:`step_line` and :func:`stop_line` are shared with :mod:`evaluation_stats`, so a step
reads the same in the report and in the evaluators' workbook.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from wawaran_desktop.db.models import Step, StepEvent
from wawaran_desktop.db.stage_models import Briefing, Report
from wawaran_desktop.text import durations
from wawaran_desktop.services import wilayah
from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.services.clock import from_db
from wawaran_desktop.services.records import CampaignRecord, CampaignStatus, StaffRecord, StepRecord
from wawaran_desktop.services.stages import evaluation as evaluation_stage
from wawaran_desktop.services.stages.dissemination import StopRecord, stops_of
from wawaran_desktop.services.timing import StepState, StepStatus
from wawaran_desktop.sop import Sop

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace


#: The status of a step never reached before its campaign was cancelled ("Belum dimulai" would
#: suggest it still may be).
class StepLine(NamedTuple):
    """One SOP step of a campaign, as the report and the workbook show it."""

    no: int
    short: str
    lane: str  # "Sub Kor DIMC"
    actor: str  # who finished it (else who last acted, else the assignee); "" if nobody yet
    started_at: datetime | None  # aware UTC
    finished_at: datetime | None
    standard_minutes: int
    elapsed_seconds: int  # whole working seconds, pauses excluded (what the status is judged on)
    status: StepStatus
    pauses: int
    reopens: int

    @property
    def over_seconds(self) -> int | None:
        """Whole seconds past the standard (0 within it); None before the step starts."""
        if self.status is StepStatus.NOT_STARTED:
            return None
        return max(0, self.elapsed_seconds - self.standard_minutes * 60)

    @property
    def late(self) -> bool:
        return self.status is StepStatus.LATE


class StopLine(NamedTuple):
    position: int
    kecamatan: str
    kelurahan: str
    address: str
    planned: bool
    planned_time: str | None  # "HH:MM" WIB
    arrived_at: datetime | None  # aware UTC
    departed_at: datetime | None
    flyers: int
    audience: int
    notes: str

    @property
    def visited(self) -> bool:
        return self.arrived_at is not None and self.departed_at is not None

    @property
    def seconds_at_stop(self) -> int | None:
        """Whole seconds from arrival to departure; None unless the stop was visited."""
        if not self.visited:
            return None
        return durations.whole((self.departed_at - self.arrived_at).total_seconds())

    @property
    def place(self) -> str:
        return f"Kel. {self.kelurahan}, Kec. {self.kecamatan}"


class StepPeople(NamedTuple):
    """Who did a step, with the lane they were in when they acted (``step_event.actor_lane``, as
    recorded then: a Sub Kor recording the route is printed as Sub Kor, not as the step's
    Kernet/Supir), and whom the step was assigned to when that is someone else."""

    actor: str = ""  # who finished it (else who last acted); "" before anyone acted
    actor_lane: str = ""  # the lane's name as it was then ("" when not recorded)
    assignee: str = ""  # the step's assignee when one is set and is not the actor

    def text(self, separator: str = " ") -> str:
        """``Rina Wulandari (Sub Kor DIMC)``, then ``ditugaskan: Dewi Lestari`` after ``separator``."""
        parts = []
        if self.actor:
            parts.append(self.actor + (f"{separator}({self.actor_lane})" if self.actor_lane else ""))
        if self.assignee:
            parts.append(f"ditugaskan: {self.assignee}" if self.actor else f"Ditugaskan: {self.assignee}")
        return separator.join(parts) or "-"


#: What a report that is not (or no longer to be) a finished campaign's says of itself.
FINAL_TITLE = "LAPORAN HASIL KEGIATAN WAWARAN KELILING"
DRAFT_TITLE = "DRAF LAPORAN KEGIATAN WAWARAN KELILING"
CANCELLED_TITLE = "LAPORAN KEGIATAN WAWARAN KELILING YANG DIBATALKAN"


class CampaignReport(NamedTuple):
    id: int
    title: str
    theme: str
    status: CampaignStatus
    created_at: datetime
    created_by: str
    cancelled_at: datetime | None
    cancel_reason: str | None
    briefing_at: datetime | None
    briefing_place: str
    steps: tuple[StepLine, ...]
    stops: tuple[StopLine, ...]
    problems: tuple[str, ...]
    evaluation: evaluation_stage.EvaluationRecord | None  # None: not evaluated yet
    report_body: str  # the stored stage-8 report text ("" when none stored)
    reporter: StaffRecord | None  # who finished (else last worked on) the report step
    generated_at: datetime  # the "now" every running step was measured at
    total_status: StepStatus  # the whole campaign's working time against the sum of the standards
    people: tuple[StepPeople, ...] = ()  # who did each step of ``steps``, in the same order

    @property
    def final(self) -> bool:
        """Only a finished campaign's report is the report (laporan hasil) the Kepala Bidang signs."""
        return self.status is CampaignStatus.DONE

    @property
    def title_text(self) -> str:
        if self.final:
            return FINAL_TITLE
        return CANCELLED_TITLE if self.cancelled else DRAFT_TITLE

    @property
    def draft_mark(self) -> str:
        """What every page of an unfinished campaign's report says at its top ("" when final)."""
        if self.final:
            return ""
        if self.cancelled:
            when = f" pada {fmt.short_date(self.cancelled_at)}" if self.cancelled_at else ""
            return f"DRAF — kampanye dibatalkan{when}, bukan laporan hasil"
        return (f"DRAF — kampanye belum selesai ({self.finished_steps} dari {len(self.steps)} tahap), "
                "bukan laporan hasil")

    @property
    def unsigned_note(self) -> str:
        """Where a final report's signatures stand, an unfinished one says why it has none."""
        if self.cancelled:
            return ("Kampanye ini dibatalkan. Dokumen ini adalah draf untuk arsip, bukan laporan hasil, "
                    "dan tidak ditandatangani.")
        return ("Dokumen ini adalah draf selama kampanye berjalan. Laporan hasil ditandatangani setelah "
                "seluruh tahap selesai.")

    @property
    def day_text(self) -> str:
        """``Kamis, 26 November 2026``: the day of the first arrival; plainly said when there was none."""
        if self.day is not None:
            return fmt.long_date(self.day)
        return "Tidak dilaksanakan (kampanye dibatalkan)" if self.cancelled else "Belum dilaksanakan"

    @property
    def cancelled(self) -> bool:
        return self.status is CampaignStatus.CANCELLED

    def step_status(self, step: StepLine) -> str:
        """``step``'s status as printed (steps never reached in a cancelled campaign say so)."""
        return step.status.label

    @property
    def standard_total(self) -> int:
        return sum(s.standard_minutes for s in self.steps)

    @property
    def elapsed_total(self) -> int:
        """Whole working seconds of the campaign: the sum of the steps' figures."""
        return sum(s.elapsed_seconds for s in self.steps)

    @property
    def total_status_label(self) -> str:
        """The total's status as printed (as :meth:`step_status` prints a step's)."""
        return self.total_status.label

    @property
    def time_summary(self) -> str:
        """``185 mnt 00 dtk dari standar 185 mnt (Tepat waktu); 6 dari 9 tahap tepat waktu``."""
        return (f"{durations.text(self.elapsed_total)} dari standar {durations.standard(self.standard_total)} "
                f"({self.total_status_label}); {self.on_time_steps} dari {len(self.steps)} tahap tepat waktu")

    @property
    def on_time_steps(self) -> int:
        return sum(1 for s in self.steps if s.status is StepStatus.ON_TIME)

    @property
    def finished_steps(self) -> int:
        return sum(1 for s in self.steps if s.finished_at is not None)

    @property
    def flyers(self) -> int:
        return sum(s.flyers for s in self.stops)

    @property
    def audience(self) -> int:
        return sum(s.audience for s in self.stops)

    @property
    def day(self) -> datetime | None:
        """The day of the wawaran: its first arrival; None while no stop was reached."""
        return min((s.arrived_at for s in self.stops if s.arrived_at), default=None)


def _actor(step: StepRecord) -> str:
    """Who last acted on ``step`` (for a finished step: who finished it), else its assignee."""
    if step.events:
        return step.events[-1].actor_name
    return step.assignee_name or ""


def step_line(step: StepRecord, sop: Sop, now: datetime) -> StepLine:
    """``step`` measured at ``now``: the same elapsed time and status every view shows."""
    lane = sop.lane(step.activity.lane).name
    return StepLine(
        no=step.no, short=step.activity.short, lane=lane, actor=_actor(step),
        started_at=step.started_at, finished_at=step.finished_at, standard_minutes=step.standard_minutes,
        elapsed_seconds=step.elapsed(now), status=step.status(now),
        pauses=sum(1 for e in step.events if e.kind == "pause"),
        reopens=sum(1 for e in step.events if e.kind == "reopen"))


def stop_line(stop: StopRecord | tuple, position: int | None = None) -> StopLine:
    """A route stop with its kecamatan and kelurahan names spelled out."""
    area = wilayah.load()
    code = stop.kelurahan_code
    return StopLine(
        position=position if position is not None else stop.position,
        kecamatan=area.names.get(area.kecamatan_of(code), "?"), kelurahan=area.names.get(code, code),
        address=stop.address, planned=bool(stop.planned), planned_time=stop.planned_time,
        arrived_at=stop.arrived_at, departed_at=stop.departed_at, flyers=stop.flyers,
        audience=stop.audience, notes=stop.notes)


def problems_of(record: CampaignRecord, steps: tuple[StepLine, ...], stops: tuple[StopLine, ...]) -> tuple[str, ...]:
    """What went wrong or needed a word, in the order of the SOP, in plain Indonesian."""
    found: list[str] = []
    for step, line in zip(record.steps, steps):
        label = f"Tahap {step.no} ({step.activity.short})"
        if line.late:
            found.append(f"{label} melewati standar: {durations.words(line.elapsed_seconds)} dari standar "
                         f"{durations.words(line.standard_minutes * 60)} (lebih {durations.words(line.over_seconds)}).")
        for event in step.events:
            if not event.reason:
                continue
            when = f"{fmt.short_date(event.at)} pukul {fmt.clock_time(event.at)}"
            what = {"start": "dimulai sebelum tahap sebelumnya selesai", "reopen": "dibuka kembali",
                    "pause": "dijeda", "finish": "diselesaikan dengan catatan",
                    "resume": "dilanjutkan"}.get(event.kind, event.kind)
            found.append(f"{label} {what} ({when}, {event.actor_name}): {event.reason.strip()}")
    route_done = any(step.activity.workspace == "dissemination" and step.state is StepState.FINISHED
                     for step in record.steps)
    for stop in stops:
        if route_done and stop.planned and not stop.visited:
            found.append(f"Lokasi {stop.place} tidak dikunjungi.")
        if stop.notes.strip():
            found.append(f"Di {stop.place}: {stop.notes.strip()}")
    if record.status is CampaignStatus.CANCELLED:
        found.append(f"Kampanye dibatalkan pada {fmt.date_time(record.cancelled_at)}: "
                     f"{(record.cancel_reason or '').strip()}")
    return tuple(found)


def gather(ws: Workspace, campaign_id: int, now: datetime | None = None) -> CampaignReport:
    """The report of one campaign, measured at ``now`` (default: the workspace's clock).

    Raises ``NotFound`` for an unknown campaign.
    """
    now = now or ws.clock()
    record = ws.campaigns.get(campaign_id)
    steps = tuple(step_line(step, record.sop, now) for step in record.steps)
    stops = tuple(stop_line(stop) for stop in stops_of(campaign_id))
    evaluation = evaluation_stage.Service(ws).get(campaign_id)
    briefing = Briefing.get_or_none(Briefing.campaign == campaign_id)
    report = Report.get_or_none(Report.campaign == campaign_id)
    return CampaignReport(
        id=record.id, title=record.title, theme=record.theme, status=record.status,
        created_at=record.created_at, created_by=record.created_by_name, cancelled_at=record.cancelled_at,
        cancel_reason=record.cancel_reason,
        briefing_at=from_db(briefing.held_at) if briefing is not None else None,
        briefing_place=briefing.place if briefing is not None else "",
        steps=steps, stops=stops, problems=problems_of(record, steps, stops),
        evaluation=evaluation if evaluation.stored else None,
        report_body=report.body if report is not None else "", reporter=_reporter(ws, record), generated_at=now,
        total_status=record.status_against_standard(now), people=people_of(record))


def people_of(record: CampaignRecord) -> tuple[StepPeople, ...]:
    """Who did each step of ``record``: the last event's actor with the lane recorded with that
    event (not the step's lane, nor the person's lane today), and the assignee when another."""
    lanes: dict[int, str] = {}  # step no -> lane id of its last event, as recorded then
    for no, lane in (StepEvent.select(Step.no, StepEvent.actor_lane).join(Step)
                     .where(Step.campaign == record.id).order_by(StepEvent.at, StepEvent.id).tuples()):
        lanes[no] = lane
    people = []
    for step in record.steps:
        last = step.events[-1] if step.events else None
        assignee = (step.assignee_name or "") if last is None or step.assignee_id != last.actor_id else ""
        people.append(StepPeople(actor=last.actor_name if last else "",
                                 actor_lane=_lane_name(record.sop, lanes.get(step.no, "")), assignee=assignee))
    return tuple(people)


def _lane_name(sop: Sop, lane_id: str) -> str:
    if not lane_id:
        return ""
    try:
        return sop.lane(lane_id).name
    except KeyError:  # a lane the pinned SOP does not know: as stored
        return lane_id


def _reporter(ws: Workspace, record: CampaignRecord) -> StaffRecord | None:
    step = next((s for s in record.steps if s.activity.workspace == "report"), None)
    if step is None or not step.events:
        return None
    return ws.staff.get(step.events[-1].actor_id)
