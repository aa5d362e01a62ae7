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
    """The report draft of stages 1–7 from plain facts (the service and the demo share it, the demo
    passing every fact it has): :func:`narrative` of those the draft tells."""
    return narrative(theme, items, held_at, stops)


def narrative(theme: str, items: Sequence[ReportItem], held_at: datetime | None,
              stops: Sequence[ReportStop]) -> str:
    """Section D of the printed report, whose kop, title, identity, step table (A), route table
    (B), problems (C) and signature block with its date come from the records themselves. So it
    tells only what those do not: what the wawaran said and which area it reached, where its
    material came from, and the closing sentence; never a title, a date line, a stop, a step's
    note or its lateness."""
    return "\n\n".join((_purpose(theme, stops), _material(items, held_at), CLOSING)) + "\n"


CLOSING = ("Demikian laporan ini disusun sebagai pertanggungjawaban pelaksanaan wawaran keliling dan bahan "
           "evaluasi Kepala Bidang.")


def _purpose(theme: str, stops: Sequence[ReportStop]) -> str:
    """What the wawaran was for and which area it reached (the stops themselves are in section B)."""
    message = f"informasi bertema \u201c{theme.strip()}\u201d" if theme.strip() else "informasi pemerintah daerah"
    visited = [s for s in stops if s.arrived_at is not None]
    if not visited:
        return f"Wawaran keliling yang menyampaikan {message} kepada warga belum dilaksanakan di lapangan."
    day = min(s.arrived_at for s in visited)
    return (f"Pada {fmt.long_date(day)}, mobil wawaran keliling menyampaikan {message} secara langsung "
            f"kepada warga {_area(visited)}.")


def _area(stops: Sequence[ReportStop]) -> str:
    """``di Kelurahan Sukasari dan Sukarasa, Kecamatan Tangerang``: the kelurahan visited, by kecamatan."""
    by_kecamatan: dict[str, list[str]] = {}
    for stop in stops:
        kelurahan, _, kecamatan = stop.place.partition(", Kecamatan ")
        names = by_kecamatan.setdefault(kecamatan, [])
        name = kelurahan.removeprefix("Kelurahan ")
        if name not in names:
            names.append(name)
    parts = [f"Kelurahan {_listed(names)}" + (f", Kecamatan {kecamatan}" if kecamatan else "")
             for kecamatan, names in by_kecamatan.items()]
    return "di " + ("; ".join(parts) if len(parts) > 2 else " serta ".join(parts))


def _material(items: Sequence[ReportItem], held_at: datetime | None) -> str:
    """The topics chosen at the briefing (all topics when none was chosen) and their sources."""
    chosen = [i for i in items if i.selected] or list(items)
    if not chosen:
        return "Data dan topik materi wawaran belum tercatat."
    when = " yang dipilih dalam briefing tim" if held_at is not None and any(i.selected for i in items) else ""
    topics = "; ".join(f"{item.topic} (sumber: {_source(item)})" for item in chosen)
    count = "topik" if len(chosen) == 1 else f"{len(chosen)} topik:"
    return f"Materi wawaran{when} disusun dari {count} {topics}."


def _source(item: ReportItem) -> str:
    if item.source_kind == "other":
        return item.source_name or "sumber lain"
    return SOURCES.get(item.source_kind) or item.source_name or "sumber lain"


def _listed(names: Sequence[str]) -> str:
    """``a``, ``a dan b``, ``a, b, dan c``."""
    if len(names) <= 2:
        return " dan ".join(names)
    return ", ".join(names[:-1]) + ", dan " + names[-1]


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
