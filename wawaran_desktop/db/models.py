"""Peewee models. Every timestamp is naive UTC; services convert at their boundary.

The database is created uninitialised (:data:`database` is a ``DatabaseProxy``) and bound
at startup by :func:`wawaran_desktop.db.connection.open_database`. The tables themselves
are created by the numbered migrations (``migrations.py``), not from these classes, so a
later change to a model never silently rewrites an old schema.
"""

from __future__ import annotations

# The services' query helpers, re-exported: the stage services are imported after PySide6,
# whose import hook reads the whole source of each module an import statement names (once),
# so they take these from here rather than from peewee (less to read at start-up).
from peewee import (  # noqa: F401
    JOIN,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    IntegrityError,
    Model,
    TextField,
    fn,
)

database = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Staff(BaseModel):
    """A member of staff who can act in the SOP (a pelaksana)."""

    name = CharField(max_length=120)
    nip = CharField(max_length=18, null=True, unique=True)  # 18 digits, no spaces
    position = CharField(max_length=120, default="")
    rank = CharField(max_length=60, default="")  # pangkat/golongan, e.g. "Pembina (IV/a)"; "" if none
    lane = CharField(max_length=40)  # a lane id of the SOP, e.g. "subkor"
    active = BooleanField(default=True)
    created_at = DateTimeField()
    version = IntegerField(default=1)  # raised by every save (services/versions.py)


class SopVersion(BaseModel):
    """An exact SOP definition a campaign ran under (its JSON text, as loaded)."""

    sop_id = CharField()
    version = CharField()
    checksum = CharField(unique=True)
    definition = TextField()
    registered_at = DateTimeField()


class Campaign(BaseModel):
    """One wawaran campaign. ``status``/``current_no`` are kept in step with its steps."""

    title = CharField(max_length=200)
    theme = CharField(max_length=200, default="")
    sop = ForeignKeyField(SopVersion, backref="campaigns")
    status = CharField(max_length=16, default="draft")  # draft, running, done, cancelled
    current_no = IntegerField(default=1)
    created_at = DateTimeField()
    created_by = ForeignKeyField(Staff)
    updated_at = DateTimeField()
    cancelled_at = DateTimeField(null=True)
    cancelled_by = ForeignKeyField(Staff, null=True)
    cancel_reason = TextField(null=True)
    version = IntegerField(default=1)


class Step(BaseModel):
    """One SOP activity of a campaign; its standard is copied from the pinned SOP."""

    campaign = ForeignKeyField(Campaign, backref="steps", on_delete="CASCADE")
    no = IntegerField()
    standard_minutes = IntegerField()
    assignee = ForeignKeyField(Staff, null=True)
    notes = TextField(default="")
    #: The notes' version: raised by every notes save only (services/steps.py set_notes); the
    #: step's state is its events and the assignee a choice stored at once, neither raises it.
    version = IntegerField(default=1)

    class Meta:
        indexes = ((("campaign", "no"), True),)


class StepEvent(BaseModel):
    """Start, finish or reopen of a step: who, when, and the reason when one is needed.

    History: written only through ``services/history.py``, which links it into the hash chain
    (``db/history_chain.py``); never updated nor deleted."""

    step = ForeignKeyField(Step, backref="events", on_delete="CASCADE")
    kind = CharField(max_length=16)  # start, finish, reopen
    at = DateTimeField()
    actor = ForeignKeyField(Staff)
    reason = TextField(null=True)
    actor_name = CharField(max_length=120, default="")  # who acted, as they were named then (schema 6)
    actor_lane = CharField(max_length=40, default="")  # and their lane then
    account_id = IntegerField(null=True)  # the account they acted as (schema 5's accounts)


class ChecklistMark(BaseModel):
    """A ticked kelengkapan item of a step (item = index in the SOP's list)."""

    step = ForeignKeyField(Step, backref="marks", on_delete="CASCADE")
    item = IntegerField()
    checked_by = ForeignKeyField(Staff)
    checked_at = DateTimeField()

    class Meta:
        indexes = ((("step", "item"), True),)


class AuditEntry(BaseModel):
    """Who did what and when, for actions that are not step events (history, as :class:`StepEvent`)."""

    at = DateTimeField()
    actor = ForeignKeyField(Staff, null=True)
    campaign = ForeignKeyField(Campaign, null=True, on_delete="CASCADE")
    action = CharField(max_length=40)
    detail = TextField(default="")
    actor_name = CharField(max_length=120, default="")  # who acted, as they were named then (schema 6)
    actor_lane = CharField(max_length=40, default="")  # and their lane then
    account_id = IntegerField(null=True)  # the account they acted as (schema 5's accounts)


class Account(BaseModel):
    """The account a member of staff signs in with (schema 5, services/accounts.py)."""

    staff = ForeignKeyField(Staff, unique=True)
    username = CharField(max_length=63, unique=True)  # stored lower-cased
    password_hash = CharField(max_length=255, null=True)  # argon2id; None: no password yet
    must_change = BooleanField(default=False)  # a one-time password, changed at the next sign-in
    is_admin = BooleanField(default=False)
    active = BooleanField(default=True)
    failed_count = IntegerField(default=0)  # failed sign-ins in a row
    locked_until = DateTimeField(null=True)  # no sign-in attempt before this (a slow-down or a lock)
    last_sign_in_at = DateTimeField(null=True)
    created_at = DateTimeField()
    #: Raised by an administrator's change and a change of password; not by sign-in bookkeeping
    #: (failures, locks, the last sign-in), so a failed attempt does not refuse an open edit.
    version = IntegerField(default=1)


class LaneOverride(BaseModel):
    """An administrator's recorded reason for acting in a step outside their lane (schema 7,
    services/lanes.py): from then on they may act in that step of that campaign. Insert-only."""

    campaign = ForeignKeyField(Campaign)
    step_no = IntegerField()
    staff = ForeignKeyField(Staff)
    account_id = IntegerField(null=True)
    reason = TextField()
    at = DateTimeField()


ALL_MODELS = (Staff, SopVersion, Campaign, Step, StepEvent, ChecklistMark, AuditEntry, Account, LaneOverride)
