"""Stage 8, Penyusunan Laporan: the wawaran report, drafted from stages 1–7 and then edited.

Until the report is first stored, :meth:`Service.get` shows a fresh draft. While step 8 is
finished the report is locked; reopening the step (which needs a reason) unlocks it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from wawaran_desktop.db.models import Staff, database
from wawaran_desktop.db.stage_models import Briefing, DataItem, Report
from wawaran_desktop.services import lanes, timing, versions
from wawaran_desktop.services.campaigns import strip_controls
from wawaran_desktop.services.clock import from_db, to_db
from wawaran_desktop.services.errors import RuleError, ValidationError
from wawaran_desktop.services.history import record_audit
from wawaran_desktop.services.records import CampaignRecord
from wawaran_desktop.services.stages.common import editable_campaign
from wawaran_desktop.services.step_state import step_finished
from wawaran_desktop.services.stages.dissemination import step_no_of, stops_of
from wawaran_desktop.text import durations
from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.text.formatting import thousands

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

WORKSPACE = "report"
DEFAULT_STEP_NO = 8
BODY_MAX = 50_000
LOCKED = ("Laporan sudah dikunci karena tahap 8 selesai; buka kembali tahap 8 dengan alasan "
          "untuk mengubahnya.")
SOURCES = {"prokomp": "hasil media monitoring Bagian Prokomp", "dimc": "data liputan Seksi DIMC"}


class ReportRecord(NamedTuple):
    body: str
    stored: bool  # False: a draft assembled now, not yet saved
    locked: bool  # step 8 is finished: no edits until it is reopened
    updated_by_name: str | None
    updated_at: datetime | None  # aware UTC
    version: int = 0  # the stored version a save names (0: not stored yet)


def _time(moment: datetime) -> str:
    return f"pukul {fmt.clock_time(moment)}"


class ReportItem(NamedTuple):
    topic: str
    source_kind: str
    source_name: str
    selected: bool


class ReportStop(NamedTuple):
    place: str  # "Kelurahan Sukasari, Kecamatan Tangerang"
    address: str
    planned: bool
    arrived_at: datetime | None  # aware
    departed_at: datetime | None
    flyers: int
    audience: int
    notes: str


class ReportStep(NamedTuple):
    """A step before the report (all finished): its time against the standard and its note."""

    no: int
    short: str
    elapsed_seconds: float  # working seconds (told and judged as whole seconds)
    standard_minutes: int
    notes: str
    status: timing.StepStatus  # the step's own status, by the office's thresholds

    @property
    def late(self) -> bool:
        return self.status is timing.StepStatus.LATE


def _stop_line(n: int, stop: ReportStop, day: datetime | None) -> str:
    where = stop.place + (f" ({stop.address})" if stop.address else "")
    if not stop.planned:
        where += " [tidak terencana]"
    times = []
    if stop.arrived_at is not None:
        on = "" if day is None or fmt.short_date(stop.arrived_at) == fmt.short_date(day) \
            else f"{fmt.short_date(stop.arrived_at)} "
        times.append(f"tiba {on}{_time(stop.arrived_at)}")
    if stop.departed_at is not None:
        times.append(f"berangkat {_time(stop.departed_at)}")
    parts = [", ".join(times) + " WIB"] if times else []
    parts.append(f"{stop.flyers} selebaran")
    parts.append(f"perkiraan {stop.audience} warga")
    return f"{n}. {where}: " + "; ".join(parts) + "."


def compose(record: CampaignRecord, now: datetime, place: str = "Tangerang") -> str:
    """The report text from what stages 1–7 of ``record`` stored (read only)."""
    items = [ReportItem(i.topic, i.source_kind, i.source_name, bool(i.selected))
             for i in DataItem.select().where(DataItem.campaign == record.id).order_by(DataItem.position, DataItem.id)]
    briefing = Briefing.get_or_none(Briefing.campaign == record.id)
    held = from_db(briefing.held_at) if briefing is not None else None
    stops = [ReportStop(s.place, s.address, s.planned, s.arrived_at, s.departed_at, s.flyers, s.audience, s.notes)
             for s in stops_of(record.id)]
    before = record.steps[:step_no_of(record, WORKSPACE, DEFAULT_STEP_NO) - 1]  # stages 1–7
    steps = [ReportStep(step.no, step.activity.short, step.elapsed(now), step.standard_minutes, step.notes,
                        step.status(now)) for step in before]
    return compose_text(record.title, record.theme, record.created_at, items, held,
                        briefing.place if briefing is not None else "", stops, steps, now, place)


def compose_text(title: str, theme: str, created_at: datetime, items: Sequence[ReportItem],
                 held_at: datetime | None, place: str, stops: Sequence[ReportStop],
                 steps: Sequence[ReportStep], now: datetime, city: str = "Tangerang") -> str:
    """The report draft of stages 1–7 from plain facts (the service and the demo share it)."""
    arrivals = [s.arrived_at for s in stops if s.arrived_at is not None]
    departures = [s.departed_at for s in stops if s.departed_at is not None]
    day = min(arrivals, default=None)
    last = max(departures, default=None)
    lines = ["LAPORAN KEGIATAN WAWARAN KELILING", title.upper(), ""]
    lines.append(f"Tema wawaran: {theme or '(belum ditentukan)'}")
    lines.append(f"Hari/tanggal pelaksanaan: {fmt.long_date(day or created_at)}")
    lines.append("")

    lines.append("I. Data dan topik wawaran")
    chosen = [i for i in items if i.selected] or list(items)
    for n, item in enumerate(chosen, 1):
        source = SOURCES.get(item.source_kind) or item.source_name or "sumber lain"
        if item.source_kind == "other" and item.source_name:
            source = item.source_name
        lines.append(f"{n}. {item.topic} (sumber: {source})")
    if not chosen:
        lines.append("Belum ada data yang tercatat.")
    lines.append("")

    lines.append("II. Briefing")
    if held_at is not None:
        text = f"Briefing dilaksanakan pada {fmt.long_date(held_at)} {_time(held_at)} WIB"
        lines.append(text + (f" di {place}." if place else "."))
    else:
        lines.append("Waktu briefing belum tercatat.")
    lines.append("")

    lines.append("III. Pelaksanaan diseminasi")
    visited = [s for s in stops if s.arrived_at is not None]
    skipped = [s for s in stops if s.arrived_at is None]
    if visited:
        lines.append("Lokasi yang dikunjungi:")
        lines += [_stop_line(n, s, day) for n, s in enumerate(visited, 1)]
    else:
        lines.append("Belum ada lokasi yang tercatat dikunjungi.")
    if skipped:
        lines.append("Lokasi rencana yang tidak dikunjungi: " + "; ".join(s.place for s in skipped) + ".")
    done = sum(1 for s in stops if s.arrived_at is not None and s.departed_at is not None)
    summary = (f"Jumlah: {done} lokasi dikunjungi, {sum(s.flyers for s in stops)} selebaran dibagikan, "
               f"perkiraan {sum(s.audience for s in stops)} warga menerima informasi")
    if day is not None and last is not None:
        summary += (f"; di rute {durations.words((last - day).total_seconds())} "
                    f"({_time(day)}–{fmt.clock_time(last)} WIB)")
    lines.append(summary + ".")
    lines.append("")

    lines.append("IV. Kendala dan catatan")
    problems = []
    for step in steps:
        if step.late:
            problems.append(f"Tahap {step.no} ({step.short}) memakan waktu {durations.words(step.elapsed_seconds)}, "
                            f"melebihi waktu baku {durations.words(step.standard_minutes * 60)}.")
    for step in steps:
        if step.notes.strip():
            problems.append(f"Catatan tahap {step.no} ({step.short}): {_one_line(step.notes)}")
    for stop in stops:
        if stop.notes.strip():
            problems.append(f"{stop.place}: {_one_line(stop.notes)}")
    lines += [f"- {p}" for p in problems] or ["Tidak ada kendala yang tercatat."]
    lines.append("")
    lines.append(f"{city}, {fmt.short_date(now)}")
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


class Service:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def draft(self, campaign_id: int) -> str:
        """A new report text assembled from stages 1–7."""
        return compose(self.ws.campaigns.get(campaign_id), self.ws.clock())

    def locked(self, campaign_id: int) -> bool:
        record = self.ws.campaigns.get(campaign_id)
        return step_finished(campaign_id, step_no_of(record, WORKSPACE, DEFAULT_STEP_NO))

    def get(self, campaign_id: int) -> ReportRecord:
        record = self.ws.campaigns.get(campaign_id)
        locked = step_finished(campaign_id, step_no_of(record, WORKSPACE, DEFAULT_STEP_NO))
        row = Report.get_or_none(Report.campaign == campaign_id)
        if row is None:
            return ReportRecord(compose(record, self.ws.clock()), stored=False, locked=locked,
                                updated_by_name=None, updated_at=None)
        who = Staff.get_or_none(Staff.id == row.updated_by_id)
        return ReportRecord(row.body, stored=True, locked=locked, updated_by_name=who.name if who else None,
                            updated_at=from_db(row.updated_at), version=row.version)

    def save(self, actor_id: int | None, campaign_id: int, body: str, version: int | None = None) -> ReportRecord:
        """Store the edited report text, if still at ``version`` (the one read; None: any)."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "report")
        if body is None or not isinstance(body, str):
            raise ValidationError("Isi laporan harus berupa teks.", "body")
        if len(body) > BODY_MAX:
            raise ValidationError(f"Laporan terlalu panjang ({thousands(len(body))} karakter, "
                                  f"maksimal {thousands(BODY_MAX)}).", "body")
        if self.locked(campaign_id):
            raise RuleError(LOCKED)
        return self._store(actor, campaign_id, strip_controls(body), None, version)

    def reset(self, actor_id: int | None, campaign_id: int, version: int | None = None) -> ReportRecord:
        """Replace the text by a fresh draft from stages 1–7."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "report")
        if self.locked(campaign_id):
            raise RuleError(LOCKED)
        return self._store(actor, campaign_id, self.draft(campaign_id), "report_reset", version)

    def _store(self, actor: Staff, campaign_id: int, body: str, action: str | None,
               version: int | None) -> ReportRecord:
        """Write ``body`` and return the report as this save left it: read before the commit,
        so its version is the one written here, never a later PC's (that would become the
        base of the caller's next save, which would then overwrite it unnoticed)."""
        now = to_db(self.ws.clock())
        with database.atomic():
            versions.upsert(Report, Report.campaign == campaign_id, version, {"campaign": campaign_id},
                            {"body": body, "updated_by": actor, "updated_at": now}, "Laporan",
                            theirs=lambda row: {"Laporan": row.body})
            if action:  # every edit is stored; only the replacement of the text is audited
                record_audit(at=now, actor=actor, campaign=campaign_id, action=action,
                             detail=f"{len(body)} karakter")
            return self.get(campaign_id)


def check_finish(campaign_id: int, reason: str | None) -> None:
    """The stored report must not be empty."""
    row = Report.get_or_none(Report.campaign == campaign_id)
    if row is None or not row.body.strip():
        raise RuleError("Laporan masih kosong. Tulis laporan (atau susun dari data tahap 1–7) "
                        "sebelum menyelesaikan tahap ini.")
