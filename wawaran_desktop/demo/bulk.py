"""Writing generated rows in bulk: each table's rows handed to the database at once.

Building ``insert_many`` SQL in peewee, value by value, cost several times the database's own
work for the hundreds of thousands of rows of a large demo. So :class:`BulkWriter` gives each
table's rows of a batch to :func:`~wawaran_desktop.db.dialect.bulk_insert`, which has peewee
build the table's one-row INSERT once and sends every row through the driver, inside the
caller's transaction. Ids of campaigns, steps and locations (which other rows name before
they are written) are handed out here from :func:`~wawaran_desktop.db.dialect.next_ids`.

Rows are tuples already in their stored form (``int`` ids and numbers, ``bool``, ``str``,
naive UTC ``datetime``, ``date``, ``None``): values that the fields' ``db_value`` would
pass through unchanged, so what is stored is what ``insert_many`` stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from peewee import Field

from wawaran_desktop.db import dialect
from wawaran_desktop.db.models import AuditEntry, BaseModel, Campaign, ChecklistMark, Staff, Step, StepEvent
from wawaran_desktop.db.stage_models import (
    Briefing,
    BriefingAttendee,
    DataItem,
    Disposition,
    DispositionRecipient,
    Evaluation,
    Location,
    NarrationVersion,
    Readiness,
    ReadinessItem,
    Report,
    RouteStop,
    ThemeDecision,
)


@dataclass
class Ids:
    """The next free ids, handed out as campaigns, steps and locations (which route stops name) are generated."""

    campaign: int
    step: int
    location: int


def next_ids() -> Ids:
    """The first free ids (call inside the batch's :func:`~wawaran_desktop.db.dialect.write_transaction`)."""
    return Ids(*dialect.next_ids(Campaign, Step, Location))


@dataclass
class Rows:
    """The rows of one batch, per table, each tuple in the order of :data:`TABLES`' columns."""

    campaigns: list[tuple] = field(default_factory=list)
    steps: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    marks: list[tuple] = field(default_factory=list)
    audit: list[tuple] = field(default_factory=list)
    data_items: list[tuple] = field(default_factory=list)
    briefings: list[tuple] = field(default_factory=list)
    attendees: list[tuple] = field(default_factory=list)
    locations: list[tuple] = field(default_factory=list)
    themes: list[tuple] = field(default_factory=list)
    narrations: list[tuple] = field(default_factory=list)
    dispositions: list[tuple] = field(default_factory=list)
    recipients: list[tuple] = field(default_factory=list)
    readiness: list[tuple] = field(default_factory=list)
    readiness_items: list[tuple] = field(default_factory=list)
    route_stops: list[tuple] = field(default_factory=list)
    reports: list[tuple] = field(default_factory=list)
    evaluations: list[tuple] = field(default_factory=list)


#: Each list of :class:`Rows`, its model and the columns of its tuples, parents first.
TABLES: tuple[tuple[str, type[BaseModel], tuple[Field, ...]], ...] = (
    ("campaigns", Campaign, (Campaign.id, Campaign.title, Campaign.theme, Campaign.sop, Campaign.status,
                             Campaign.current_no, Campaign.created_at, Campaign.created_by,
                             Campaign.updated_at, Campaign.cancelled_at, Campaign.cancelled_by,
                             Campaign.cancel_reason)),
    ("steps", Step, (Step.id, Step.campaign, Step.no, Step.standard_minutes, Step.assignee, Step.notes)),
    ("events", StepEvent, (StepEvent.step, StepEvent.kind, StepEvent.at, StepEvent.actor, StepEvent.reason,
                           StepEvent.actor_name, StepEvent.actor_lane)),
    ("marks", ChecklistMark, (ChecklistMark.step, ChecklistMark.item, ChecklistMark.checked_by,
                              ChecklistMark.checked_at)),
    ("audit", AuditEntry, (AuditEntry.at, AuditEntry.actor, AuditEntry.campaign, AuditEntry.action,
                           AuditEntry.detail, AuditEntry.actor_name, AuditEntry.actor_lane)),
    ("data_items", DataItem, (DataItem.campaign, DataItem.position, DataItem.topic, DataItem.summary,
                              DataItem.source_kind, DataItem.source_name, DataItem.reference, DataItem.item_date,
                              DataItem.priority, DataItem.selected, DataItem.created_by, DataItem.created_at)),
    ("briefings", Briefing, (Briefing.campaign, Briefing.held_at, Briefing.place, Briefing.agenda,
                             Briefing.technical_notes, Briefing.updated_by, Briefing.updated_at)),
    ("attendees", BriefingAttendee, (BriefingAttendee.campaign, BriefingAttendee.staff)),
    ("locations", Location, (Location.id, Location.campaign, Location.position, Location.kelurahan_code,
                             Location.address, Location.planned_time, Location.confirmed)),
    ("themes", ThemeDecision, (ThemeDecision.campaign, ThemeDecision.notulen, ThemeDecision.decided_by,
                               ThemeDecision.decided_at, ThemeDecision.updated_by, ThemeDecision.updated_at)),
    ("narrations", NarrationVersion, (NarrationVersion.campaign, NarrationVersion.number, NarrationVersion.text,
                                      NarrationVersion.author, NarrationVersion.saved_at, NarrationVersion.is_final)),
    ("dispositions", Disposition, (Disposition.campaign, Disposition.agenda_year, Disposition.agenda_seq,
                                   Disposition.agenda_number, Disposition.disposed_on, Disposition.surat_dari,
                                   Disposition.nomor_surat, Disposition.tanggal_surat, Disposition.diterima_tanggal,
                                   Disposition.sifat, Disposition.hal, Disposition.instructions,
                                   Disposition.free_text, Disposition.catatan, Disposition.signer,
                                   Disposition.updated_by, Disposition.updated_at)),
    ("recipients", DispositionRecipient, (DispositionRecipient.campaign, DispositionRecipient.staff)),
    ("readiness", Readiness, (Readiness.campaign, Readiness.flyers_count, Readiness.driver, Readiness.announcer,
                              Readiness.updated_by, Readiness.updated_at)),
    ("readiness_items", ReadinessItem, (ReadinessItem.campaign, ReadinessItem.item_key, ReadinessItem.checked,
                                        ReadinessItem.note, ReadinessItem.checked_by, ReadinessItem.checked_at)),
    ("route_stops", RouteStop, (RouteStop.campaign, RouteStop.position, RouteStop.location,
                                RouteStop.kelurahan_code, RouteStop.address, RouteStop.planned,
                                RouteStop.arrived_at, RouteStop.departed_at, RouteStop.flyers, RouteStop.audience,
                                RouteStop.notes)),
    ("reports", Report, (Report.campaign, Report.body, Report.updated_by, Report.updated_at)),
    ("evaluations", Evaluation, (Evaluation.campaign, Evaluation.received_by, Evaluation.received_at,
                                 Evaluation.notes, Evaluation.score_timeliness, Evaluation.score_reach,
                                 Evaluation.score_narration, Evaluation.followups, Evaluation.updated_by,
                                 Evaluation.updated_at)),
)


class BulkWriter:
    """Inserts :class:`Rows` batch after batch, table by table."""

    def write(self, rows: Rows) -> None:
        """Insert every row of ``rows``, parents first; call inside the batch's transaction. History
        rows (events, audit entries) get who acted as named now, as they are written: on the office
        server they may be inserted, never updated afterwards."""
        people = staff_names()
        for name, model, fields in TABLES:
            batch = named(name, getattr(rows, name), people)
            if batch:
                dialect.bulk_insert(model, fields, batch)


#: Where the acting person's id is in a history table's tuples (the name and lane follow the rest).
_ACTOR_AT = {"events": 3, "audit": 1}


def staff_names() -> dict[int, tuple[str, str]]:
    """Every member of staff's (name, lane) by id, as named now."""
    return {row.id: (row.name, row.lane) for row in Staff.select(Staff.id, Staff.name, Staff.lane)}


def named(name: str, batch: list[tuple], people: dict[int, tuple[str, str]]) -> list[tuple]:
    """``batch`` of table ``name`` with who acted as named now appended to each history row."""
    at = _ACTOR_AT.get(name)
    if at is None:
        return batch
    return [(*row, *people.get(row[at], ("", ""))) for row in batch]
