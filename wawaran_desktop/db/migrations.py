"""Numbered schema migrations, applied in order inside a transaction.

The schema version lives in SQLite's ``PRAGMA user_version``. Each migration is plain
SQL frozen at the version it introduced, so migrating an old file never depends on
today's models. Add a migration by appending to :data:`MIGRATIONS`.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import SqliteDatabase

V1 = [
    """CREATE TABLE staff (
        id INTEGER NOT NULL PRIMARY KEY,
        name VARCHAR(120) NOT NULL,
        nip VARCHAR(18) UNIQUE,
        position VARCHAR(120) NOT NULL DEFAULT '',
        lane VARCHAR(40) NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at DATETIME NOT NULL)""",
    """CREATE TABLE sop_version (
        id INTEGER NOT NULL PRIMARY KEY,
        sop_id VARCHAR(255) NOT NULL,
        version VARCHAR(255) NOT NULL,
        checksum VARCHAR(255) NOT NULL UNIQUE,
        definition TEXT NOT NULL,
        registered_at DATETIME NOT NULL)""",
    """CREATE TABLE campaign (
        id INTEGER NOT NULL PRIMARY KEY,
        title VARCHAR(200) NOT NULL,
        theme VARCHAR(200) NOT NULL DEFAULT '',
        sop_id INTEGER NOT NULL REFERENCES sop_version (id),
        status VARCHAR(16) NOT NULL DEFAULT 'draft',
        current_no INTEGER NOT NULL DEFAULT 1,
        created_at DATETIME NOT NULL,
        created_by_id INTEGER NOT NULL REFERENCES staff (id),
        updated_at DATETIME NOT NULL,
        cancelled_at DATETIME,
        cancelled_by_id INTEGER REFERENCES staff (id),
        cancel_reason TEXT)""",
    "CREATE INDEX campaign_created_at ON campaign (created_at)",
    "CREATE INDEX campaign_status ON campaign (status)",
    """CREATE TABLE step (
        id INTEGER NOT NULL PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
        no INTEGER NOT NULL,
        standard_minutes INTEGER NOT NULL,
        assignee_id INTEGER REFERENCES staff (id),
        notes TEXT NOT NULL DEFAULT '')""",
    "CREATE UNIQUE INDEX step_campaign_no ON step (campaign_id, no)",
    """CREATE TABLE step_event (
        id INTEGER NOT NULL PRIMARY KEY,
        step_id INTEGER NOT NULL REFERENCES step (id) ON DELETE CASCADE,
        kind VARCHAR(16) NOT NULL,
        at DATETIME NOT NULL,
        actor_id INTEGER NOT NULL REFERENCES staff (id),
        reason TEXT)""",
    "CREATE INDEX step_event_step ON step_event (step_id)",
    """CREATE TABLE checklist_mark (
        id INTEGER NOT NULL PRIMARY KEY,
        step_id INTEGER NOT NULL REFERENCES step (id) ON DELETE CASCADE,
        item INTEGER NOT NULL,
        checked_by_id INTEGER NOT NULL REFERENCES staff (id),
        checked_at DATETIME NOT NULL)""",
    "CREATE UNIQUE INDEX checklist_mark_step_item ON checklist_mark (step_id, item)",
    """CREATE TABLE audit_entry (
        id INTEGER NOT NULL PRIMARY KEY,
        at DATETIME NOT NULL,
        actor_id INTEGER REFERENCES staff (id),
        campaign_id INTEGER REFERENCES campaign (id) ON DELETE CASCADE,
        action VARCHAR(40) NOT NULL,
        detail TEXT NOT NULL DEFAULT '')""",
    "CREATE INDEX audit_entry_campaign ON audit_entry (campaign_id)",
]


def _sql(statements: list[str]) -> Callable[[SqliteDatabase], None]:
    def apply(database: SqliteDatabase) -> None:
        for statement in statements:
            database.execute_sql(statement)

    return apply


#: (version, migration) in order; version N turns a version N-1 file into version N.
MIGRATIONS: list[tuple[int, Callable[[SqliteDatabase], None]]] = [
    (1, _sql(V1)),
]

LATEST_VERSION = MIGRATIONS[-1][0]


def schema_version(database: SqliteDatabase) -> int:
    return database.execute_sql("PRAGMA user_version").fetchone()[0]


def apply_migrations(database: SqliteDatabase, up_to: int = LATEST_VERSION) -> list[int]:
    """Apply every pending migration up to ``up_to``; returns the versions applied.

    Each migration runs in its own transaction together with the version bump, so a
    failure leaves the file at the last good version.
    """
    applied = []
    current = schema_version(database)
    for version, migrate in MIGRATIONS:
        if current < version <= up_to:
            with database.atomic():
                migrate(database)
                database.execute_sql(f"PRAGMA user_version = {int(version)}")
            applied.append(version)
            current = version
    return applied
