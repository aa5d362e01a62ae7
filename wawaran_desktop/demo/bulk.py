"""Writing generated rows in bulk: each table's INSERT built once, its rows sent with ``executemany``.

Building ``insert_many`` SQL in peewee, value by value, cost several times SQLite's own
work for the hundreds of thousands of rows of a large demo. So :class:`BulkWriter` has
peewee build each table's one-row INSERT statement once (names and quoting stay
peewee's), and hands all the rows of a batch to the sqlite3 cursor's ``executemany`` on
the same connection, inside the caller's transaction.

Rows are tuples already in their stored form (``int`` ids and numbers, ``bool``, ``str``,
naive UTC ``datetime``, ``date``, ``None``): values that the fields' ``db_value`` would
pass through unchanged, so what is stored is what ``insert_many`` stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from peewee import Field, fn

from wawaran_desktop.db.models import AuditEntry, BaseModel, Campaign, ChecklistMark, Step, StepEvent, database
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
    """The ids after the highest ones stored (call inside the batch's transaction)."""
    return Ids(campaign=(Campaign.select(fn.MAX(Campaign.id)).scalar() or 0) + 1,
               step=(Step.select(fn.MAX(Step.id)).scalar() or 0) + 1,
               location=(Location.select(fn.MAX(Location.id)).scalar() or 0) + 1)


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
    ("events", StepEvent, (StepEvent.step, StepEvent.kind, StepEvent.at, StepEvent.actor, StepEvent.reason)),
    ("marks", ChecklistMark, (ChecklistMark.step, ChecklistMark.item, ChecklistMark.checked_by,
                              ChecklistMark.checked_at)),
    ("audit", AuditEntry, (AuditEntry.at, AuditEntry.actor, AuditEntry.campaign, AuditEntry.action,
                           AuditEntry.detail)),
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


def insert_sql(model: type[BaseModel], fields: tuple[Field, ...]) -> str:
    """The INSERT statement of one row of ``fields``, with one parameter per field."""
    sql, params = model.insert_many([(None,) * len(fields)], fields=list(fields)).sql()
    if len(params) != len(fields):  # peewee added a column (one with a default) we do not fill
        raise RuntimeError(f"{model.__name__}: the bulk insert must name every column with a default")
    return sql


class BulkWriter:
    """Inserts :class:`Rows` batch after batch; the statements are built once, on creation."""

    def __init__(self) -> None:
        self.statements = [(name, insert_sql(model, fields)) for name, model, fields in TABLES]

    def write(self, rows: Rows) -> None:
        """Insert every row of ``rows``, parents first; call inside the batch's transaction."""
        cursor = database.cursor()
        try:
            for name, sql in self.statements:
                batch = getattr(rows, name)
                if batch:
                    cursor.executemany(sql, batch)
        finally:
            cursor.close()
