"""Writing generated rows in bulk: each table's INSERT built once, its rows sent with ``executemany``.

Building ``insert_many`` SQL in peewee, value by value, cost several times SQLite's own
work for the hundreds of thousands of rows of a large demo. So :class:`BulkWriter` has
peewee build each table's one-row INSERT statement once (names and quoting stay
peewee's), and hands all the rows of a batch to the sqlite3 cursor's ``executemany`` on
the same connection, inside the caller's transaction.

Rows are tuples already in their stored form (``int`` ids and numbers, ``str``, naive UTC
``datetime``, ``None``): values that the fields' ``db_value`` would pass through
unchanged, so what is stored is what ``insert_many`` stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from peewee import Field, fn

from wawaran_desktop.db.models import AuditEntry, BaseModel, Campaign, ChecklistMark, Step, StepEvent, database


@dataclass
class Ids:
    """The next free ids, handed out as campaigns and steps are generated."""

    campaign: int
    step: int


def next_ids() -> Ids:
    """The ids after the highest ones stored (call inside the batch's transaction)."""
    return Ids(campaign=(Campaign.select(fn.MAX(Campaign.id)).scalar() or 0) + 1,
               step=(Step.select(fn.MAX(Step.id)).scalar() or 0) + 1)


@dataclass
class Rows:
    """The rows of one batch, per table, each tuple in the order of :data:`TABLES`' columns."""

    campaigns: list[tuple] = field(default_factory=list)
    steps: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    marks: list[tuple] = field(default_factory=list)
    audit: list[tuple] = field(default_factory=list)


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
