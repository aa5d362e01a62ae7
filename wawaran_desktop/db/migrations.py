"""Numbered schema migrations, applied in order inside a transaction.

The schema version is read and written through the engine's dialect (SQLite keeps it in
``PRAGMA user_version``, :mod:`.sqlite`). Each migration is plain SQL frozen at the version
it introduced, so migrating an old file never depends on today's models. Add a migration by
appending to :data:`MIGRATIONS`.

The DDL below is SQLite's (``INTEGER PRIMARY KEY`` ids, ``DATETIME`` text, 0/1 booleans,
``COLLATE NOCASE`` on the office's words). PostgreSQL runs the same numbered migrations, each
statement translated by :func:`postgres_ddl` (a migration may also give its own PostgreSQL
text), so that schema N means the same tables on either engine.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from peewee import SqliteDatabase

from wawaran_desktop.db import dialect, history_chain

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


# Version 2: what each stage records (issue 3: stage workspaces).
V2 = [
    """CREATE TABLE data_item (
        id INTEGER NOT NULL PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        topic VARCHAR(200) NOT NULL,
        summary TEXT NOT NULL DEFAULT '',
        source_kind VARCHAR(16) NOT NULL,
        source_name VARCHAR(200) NOT NULL DEFAULT '',
        reference VARCHAR(500) NOT NULL DEFAULT '',
        item_date DATE,
        priority INTEGER NOT NULL DEFAULT 2,
        selected INTEGER NOT NULL DEFAULT 0,
        created_by_id INTEGER NOT NULL REFERENCES staff (id),
        created_at DATETIME NOT NULL)""",
    "CREATE INDEX data_item_campaign ON data_item (campaign_id, position)",
    """CREATE TABLE location (
        id INTEGER NOT NULL PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kelurahan_code VARCHAR(13) NOT NULL,
        address VARCHAR(300) NOT NULL DEFAULT '',
        planned_time VARCHAR(5),
        confirmed INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX location_campaign ON location (campaign_id, position)",
    """CREATE TABLE route_stop (
        id INTEGER NOT NULL PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        location_id INTEGER REFERENCES location (id) ON DELETE SET NULL,
        kelurahan_code VARCHAR(13) NOT NULL,
        address VARCHAR(300) NOT NULL DEFAULT '',
        planned INTEGER NOT NULL DEFAULT 1,
        arrived_at DATETIME,
        departed_at DATETIME,
        flyers INTEGER NOT NULL DEFAULT 0,
        audience INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT '')""",
    "CREATE INDEX route_stop_campaign ON route_stop (campaign_id, position)",
    """CREATE TABLE attachment (
        id INTEGER NOT NULL PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
        data_item_id INTEGER REFERENCES data_item (id) ON DELETE CASCADE,
        route_stop_id INTEGER REFERENCES route_stop (id) ON DELETE CASCADE,
        original_name VARCHAR(255) NOT NULL,
        stored_name VARCHAR(255) NOT NULL UNIQUE,
        media_type VARCHAR(100) NOT NULL DEFAULT '',
        size INTEGER NOT NULL,
        sha256 VARCHAR(64) NOT NULL,
        added_by_id INTEGER NOT NULL REFERENCES staff (id),
        added_at DATETIME NOT NULL)""",
    "CREATE INDEX attachment_campaign ON attachment (campaign_id)",
    """CREATE TABLE briefing (
        campaign_id INTEGER NOT NULL PRIMARY KEY REFERENCES campaign (id) ON DELETE CASCADE,
        held_at DATETIME,
        place VARCHAR(200) NOT NULL DEFAULT '',
        agenda TEXT NOT NULL DEFAULT '',
        technical_notes TEXT NOT NULL DEFAULT '',
        updated_by_id INTEGER REFERENCES staff (id),
        updated_at DATETIME)""",
    """CREATE TABLE briefing_attendee (
        campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
        staff_id INTEGER NOT NULL REFERENCES staff (id),
        PRIMARY KEY (campaign_id, staff_id))""",
    """CREATE TABLE theme_decision (
        campaign_id INTEGER NOT NULL PRIMARY KEY REFERENCES campaign (id) ON DELETE CASCADE,
        notulen TEXT NOT NULL DEFAULT '',
        decided_by_id INTEGER REFERENCES staff (id),
        decided_at DATETIME,
        updated_by_id INTEGER REFERENCES staff (id),
        updated_at DATETIME)""",
    """CREATE TABLE narration_version (
        id INTEGER NOT NULL PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        text TEXT NOT NULL,
        author_id INTEGER NOT NULL REFERENCES staff (id),
        saved_at DATETIME NOT NULL,
        is_final INTEGER NOT NULL DEFAULT 0)""",
    "CREATE UNIQUE INDEX narration_version_number ON narration_version (campaign_id, number)",
    "CREATE UNIQUE INDEX narration_version_final ON narration_version (campaign_id) WHERE is_final = 1",
    """CREATE TABLE office_word (
        id INTEGER NOT NULL PRIMARY KEY,
        word VARCHAR(100) NOT NULL UNIQUE COLLATE NOCASE,
        added_by_id INTEGER REFERENCES staff (id),
        added_at DATETIME NOT NULL)""",
    """CREATE TABLE setting (
        key VARCHAR(100) NOT NULL PRIMARY KEY,
        value TEXT NOT NULL)""",
    """CREATE TABLE disposition (
        campaign_id INTEGER NOT NULL PRIMARY KEY REFERENCES campaign (id) ON DELETE CASCADE,
        agenda_year INTEGER,
        agenda_seq INTEGER,
        agenda_number VARCHAR(100),
        disposed_on DATE,
        surat_dari VARCHAR(200) NOT NULL DEFAULT '',
        nomor_surat VARCHAR(100) NOT NULL DEFAULT '',
        tanggal_surat DATE,
        diterima_tanggal DATE,
        sifat VARCHAR(20) NOT NULL DEFAULT 'Biasa',
        hal VARCHAR(300) NOT NULL DEFAULT '',
        instructions TEXT NOT NULL DEFAULT '[]',
        free_text TEXT NOT NULL DEFAULT '',
        catatan TEXT NOT NULL DEFAULT '',
        signer_id INTEGER REFERENCES staff (id),
        updated_by_id INTEGER REFERENCES staff (id),
        updated_at DATETIME)""",
    "CREATE UNIQUE INDEX disposition_agenda ON disposition (agenda_year, agenda_seq)",
    """CREATE TABLE disposition_recipient (
        campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
        staff_id INTEGER NOT NULL REFERENCES staff (id),
        PRIMARY KEY (campaign_id, staff_id))""",
    """CREATE TABLE readiness (
        campaign_id INTEGER NOT NULL PRIMARY KEY REFERENCES campaign (id) ON DELETE CASCADE,
        flyers_count INTEGER,
        driver_id INTEGER REFERENCES staff (id),
        announcer_id INTEGER REFERENCES staff (id),
        updated_by_id INTEGER REFERENCES staff (id),
        updated_at DATETIME)""",
    """CREATE TABLE readiness_item (
        campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
        item_key VARCHAR(40) NOT NULL,
        checked INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',
        checked_by_id INTEGER REFERENCES staff (id),
        checked_at DATETIME,
        PRIMARY KEY (campaign_id, item_key))""",
    """CREATE TABLE report (
        campaign_id INTEGER NOT NULL PRIMARY KEY REFERENCES campaign (id) ON DELETE CASCADE,
        body TEXT NOT NULL DEFAULT '',
        updated_by_id INTEGER REFERENCES staff (id),
        updated_at DATETIME)""",
    """CREATE TABLE evaluation (
        campaign_id INTEGER NOT NULL PRIMARY KEY REFERENCES campaign (id) ON DELETE CASCADE,
        received_by_id INTEGER REFERENCES staff (id),
        received_at DATETIME,
        notes TEXT NOT NULL DEFAULT '',
        score_timeliness INTEGER,
        score_reach INTEGER,
        score_narration INTEGER,
        followups TEXT NOT NULL DEFAULT '',
        updated_by_id INTEGER REFERENCES staff (id),
        updated_at DATETIME)""",
]


#: Version 3: the rank (pangkat/golongan) of a member of staff, for signature blocks.
V3 = ["ALTER TABLE staff ADD COLUMN rank VARCHAR(60) NOT NULL DEFAULT ''"]

#: The tables whose rows are edited in place and so carry a version (schema 4): a save names
#: the version it was based on and is refused when another save came first.
#: A step's version is its notes' ("Catatan"): its state lives in step_event rows and its assignee
#: is a choice stored at once, so only a notes save raises it (services/steps.py).
VERSIONED_TABLES = ("staff", "setting", "campaign", "briefing", "theme_decision", "disposition", "readiness",
                    "readiness_item", "report", "evaluation", "route_stop", "data_item", "location", "step")

#: Version 4: many writers. A version on every row edited in place (optimistic locking), and the
#: files every PC must see (attachments, the office logo) stored in the database by name.
V4 = [f"ALTER TABLE {table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1" for table in VERSIONED_TABLES] + [
    """CREATE TABLE stored_file (
        name VARCHAR(255) NOT NULL PRIMARY KEY,
        content BLOB NOT NULL,
        size INTEGER NOT NULL,
        sha256 VARCHAR(64) NOT NULL,
        saved_at DATETIME NOT NULL)""",
]


#: The columns that SQLite keeps as 0/1 and PostgreSQL as BOOLEAN (peewee's BooleanField).
BOOLEAN_COLUMNS = ("active", "selected", "confirmed", "planned", "is_final", "checked", "must_change", "is_admin")

#: PostgreSQL's one-row table of the schema version (SQLite's is PRAGMA user_version).
PG_VERSION_TABLE = ["CREATE TABLE schema_version (version INTEGER NOT NULL)"]


def postgres_ddl(statement: str) -> str:
    """The PostgreSQL text of one of the SQLite statements above (frozen like them, so schema N
    means the same tables, columns, defaults, keys and indexes on both engines): ids become
    identity columns, ``DATETIME`` ``TIMESTAMP`` (naive UTC), 0/1 flags ``BOOLEAN``, and the
    office word's case-insensitive uniqueness (``COLLATE NOCASE``) a unique index on ``LOWER``."""
    out = re.sub(r"\bid INTEGER NOT NULL PRIMARY KEY\b",
                 "id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", statement)
    out = re.sub(r"\bDATETIME\b", "TIMESTAMP", out)
    out = re.sub(r"\bBLOB\b", "BYTEA", out)
    for column in BOOLEAN_COLUMNS:
        out = re.sub(rf"\b{column} INTEGER NOT NULL DEFAULT ([01])\b",
                     lambda m, c=column: f"{c} BOOLEAN NOT NULL DEFAULT {'TRUE' if m[1] == '1' else 'FALSE'}", out)
        out = re.sub(rf"\bWHERE {column} = 1\b", f"WHERE {column}", out)
    out = out.replace("word VARCHAR(100) NOT NULL UNIQUE COLLATE NOCASE", "word VARCHAR(100) NOT NULL")
    if "COLLATE" in out or re.search(rf"\b({'|'.join(BOOLEAN_COLUMNS)}) INTEGER\b", out):
        raise ValueError(f"no PostgreSQL translation for: {statement}")
    return out


def _postgres(statements: list[str]) -> list[str]:
    out = [postgres_ddl(s) for s in statements]
    if any("CREATE TABLE office_word" in s for s in statements):
        out.append("CREATE UNIQUE INDEX office_word_word ON office_word (LOWER(word))")
    return out


#: The channel of PostgreSQL's change notices (``LISTEN wawaran``, :mod:`.notify`).
NOTIFY_CHANNEL = "wawaran"

#: Version 4 on PostgreSQL: every application table tells the other PCs that it changed. A row
#: trigger calls ``pg_notify`` with the id of the campaign the row belongs to, or ``*`` for rows
#: of no campaign (staff, settings, the SOP, the word list, stored files); the notice is sent only
#: if the transaction commits, and identical notices of one transaction are sent once. In the
#: database, not in the services, so that no writer can forget it (the demo, a migration, psql).
#: Frozen like the DDL above: (table, how its campaign id is found).
V4_NOTIFY_TABLES = (
    ("campaign", "id"), ("step", "campaign_id"), ("step_event", "step"), ("checklist_mark", "step"),
    ("audit_entry", "campaign_id"), ("data_item", "campaign_id"), ("location", "campaign_id"),
    ("route_stop", "campaign_id"), ("attachment", "campaign_id"), ("briefing", "campaign_id"),
    ("briefing_attendee", "campaign_id"), ("theme_decision", "campaign_id"),
    ("narration_version", "campaign_id"), ("disposition", "campaign_id"),
    ("disposition_recipient", "campaign_id"), ("readiness", "campaign_id"), ("readiness_item", "campaign_id"),
    ("report", "campaign_id"), ("evaluation", "campaign_id"),
    ("staff", None), ("sop_version", None), ("office_word", None), ("setting", None), ("stored_file", None),
)

#: The trigger functions, by how a row names its campaign (``*``: everything may have changed).
_NOTIFY_FUNCTIONS = {
    "id": "CASE TG_OP WHEN 'DELETE' THEN OLD.id ELSE NEW.id END::text",
    "campaign_id": "COALESCE((CASE TG_OP WHEN 'DELETE' THEN OLD.campaign_id ELSE NEW.campaign_id END)::text, '*')",
    "step": "COALESCE((SELECT s.campaign_id::text FROM step s WHERE s.id = "
            "CASE TG_OP WHEN 'DELETE' THEN OLD.step_id ELSE NEW.step_id END), '*')",
    None: "'*'",
}


def _notify_triggers() -> list[str]:
    """The PostgreSQL statements of version 4's change notices (:data:`V4_NOTIFY_TABLES`)."""
    out = []
    for key, payload in _NOTIFY_FUNCTIONS.items():
        out.append(f"""CREATE FUNCTION wawaran_notify_{key or 'all'}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('{NOTIFY_CHANNEL}', {payload});
                RETURN NULL;
            END $$""")
    for table, key in V4_NOTIFY_TABLES:
        out.append(f"CREATE TRIGGER wawaran_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION wawaran_notify_{key or 'all'}()")
    return out


def _sql(statements: list[str]) -> Callable[[SqliteDatabase], None]:
    def apply(database: SqliteDatabase) -> None:
        for statement in statements:
            database.execute_sql(statement)

    return apply


#: Version 5: accounts (issue 13). Each person who acts signs in to an account tied to their staff
#: entry (services/accounts.py). ``username`` is stored lower-cased, so plain ``UNIQUE`` is
#: case-insensitive on both engines (no ``COLLATE``); ``password_hash`` is an argon2id hash, NULL
#: while the person has no password yet; failed sign-ins are counted here, so every PC sees them.
V5 = [
    """CREATE TABLE account (
        id INTEGER NOT NULL PRIMARY KEY,
        staff_id INTEGER NOT NULL UNIQUE REFERENCES staff (id),
        username VARCHAR(63) NOT NULL UNIQUE,
        password_hash VARCHAR(255),
        must_change INTEGER NOT NULL DEFAULT 0,
        is_admin INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        failed_count INTEGER NOT NULL DEFAULT 0,
        locked_until DATETIME,
        last_sign_in_at DATETIME,
        created_at DATETIME NOT NULL,
        version INTEGER NOT NULL DEFAULT 1)""",
]
#: Version 5 on PostgreSQL: the new table tells the other PCs that it changed, as every table does.
V5_POSTGRES_EXTRA: list[str] = [
    "CREATE TRIGGER wawaran_notify AFTER INSERT OR UPDATE OR DELETE ON account "
    "FOR EACH ROW EXECUTE FUNCTION wawaran_notify_all()",
]

#: Version 6: history nobody can rewrite unseen (issue 13, :mod:`.history_chain`). Each event and
#: audit entry keeps who acted as they were then (the name and lane, filled from the staff table for
#: older rows; later the account), and is linked into one hash chain whose head is anchored.
#: ``account_id`` names an account (schema 5) without a foreign key, so the history never blocks one.
V6 = [f"ALTER TABLE {table} ADD COLUMN {column}" for table in ("step_event", "audit_entry") for column in (
    "actor_name VARCHAR(120) NOT NULL DEFAULT ''", "actor_lane VARCHAR(40) NOT NULL DEFAULT ''",
    "account_id INTEGER")] + [
    f"""UPDATE {table} SET
        actor_name = COALESCE((SELECT s.name FROM staff s WHERE s.id = {table}.actor_id), ''),
        actor_lane = COALESCE((SELECT s.lane FROM staff s WHERE s.id = {table}.actor_id), '')"""
    for table in ("step_event", "audit_entry")] + [
    """CREATE TABLE history_link (
        position INTEGER NOT NULL PRIMARY KEY,
        kind VARCHAR(16) NOT NULL,
        row_id INTEGER NOT NULL,
        campaign_id INTEGER,
        digest VARCHAR(64) NOT NULL)""",
    "CREATE UNIQUE INDEX history_link_row ON history_link (kind, row_id)",
    """CREATE TABLE history_anchor (
        id INTEGER NOT NULL PRIMARY KEY,
        at DATETIME NOT NULL,
        entries INTEGER NOT NULL,
        digest VARCHAR(64) NOT NULL,
        reason VARCHAR(40) NOT NULL DEFAULT '',
        campaign_id INTEGER)""",
]
#: Version 6 on PostgreSQL: the chain's tables tell the other PCs of a change like every table.
V6_POSTGRES_EXTRA: list[str] = [
    f"CREATE TRIGGER wawaran_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
    "FOR EACH ROW EXECUTE FUNCTION wawaran_notify_campaign_id()" for table in ("history_link", "history_anchor")]


#: Version 7 (issue 13): an administrator's recorded reason for acting in a step outside their
#: lane (services/lanes.py), and each disposition recipient's SRIKANDI status: read when they
#: first open it, followed up when they record what they did (services/my_tasks.py).
V7 = [
    """CREATE TABLE lane_override (
        id INTEGER NOT NULL PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaign (id),
        step_no INTEGER NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff (id),
        account_id INTEGER,
        reason TEXT NOT NULL,
        at DATETIME NOT NULL)""",
    "CREATE INDEX lane_override_campaign ON lane_override (campaign_id, step_no, staff_id)",
    "ALTER TABLE disposition_recipient ADD COLUMN read_at DATETIME",
    "ALTER TABLE disposition_recipient ADD COLUMN followed_up_at DATETIME",
    "ALTER TABLE disposition_recipient ADD COLUMN follow_up TEXT NOT NULL DEFAULT ''",
]

V7_POSTGRES_EXTRA: list[str] = [
    "CREATE TRIGGER wawaran_notify AFTER INSERT OR UPDATE OR DELETE ON lane_override "
    "FOR EACH ROW EXECUTE FUNCTION wawaran_notify_campaign_id()"]


#: Version 8 (issue 14): the lembar disposisi's *Tgl. Penyelesaian*, the day by which the
#: recipients are to have done what it asks (none: not set). A new column of a table already
#: granted as a whole (db/server_setup.py) and already telling the other PCs of its changes.
V8 = ["ALTER TABLE disposition ADD COLUMN due_on DATE"]


def _link_history(statements: list[str]) -> Callable[[SqliteDatabase], None]:
    """Version 6: the statements, then every event and audit entry already written linked into
    the chain (:func:`.history_chain.link_pending`: by time, an audit entry before an event of the
    same moment, then by id) and its head anchored."""
    def apply(database: SqliteDatabase) -> None:
        _sql(statements)(database)
        history_chain.link_pending(database, reason="migration")

    return apply


#: (version, migration) in order; version N turns a version N-1 file into version N.
MIGRATIONS: list[tuple[int, Callable[[SqliteDatabase], None]]] = [
    (1, _sql(V1)),
    (2, _sql(V2)),
    (3, _sql(V3)),
    (4, _sql(V4)),
    (5, _sql(V5)),
    (6, _link_history(V6)),
    (7, _sql(V7)),
    (8, _sql(V8)),
]

#: Each engine's migrations, by dialect name (:mod:`.dialect`); every list ends at the same version.
BY_ENGINE: dict[str, list[tuple[int, Callable[[SqliteDatabase], None]]]] = {
    "sqlite": MIGRATIONS,
    "postgresql": [
        (1, _sql(PG_VERSION_TABLE + _postgres(V1))),
        (2, _sql(_postgres(V2))),
        (3, _sql(_postgres(V3))),
        (4, _sql(_postgres(V4) + _notify_triggers())),
        (5, _sql(_postgres(V5) + V5_POSTGRES_EXTRA)),
        (6, _link_history(_postgres(V6) + V6_POSTGRES_EXTRA)),
        (7, _sql(_postgres(V7) + V7_POSTGRES_EXTRA)),
        (8, _sql(_postgres(V8))),
    ],
}

LATEST_VERSION = MIGRATIONS[-1][0]


def schema_version(database: SqliteDatabase) -> int:
    return dialect.schema_version(database)


def apply_migrations(database: SqliteDatabase, up_to: int = LATEST_VERSION) -> list[int]:
    """Apply every pending migration up to ``up_to``; returns the versions applied.

    Each migration runs in its own transaction together with the version bump, so a
    failure leaves the file at the last good version.
    """
    applied = []
    current = schema_version(database)
    for version, migrate in BY_ENGINE[dialect.dialect_of(database).name]:
        if current < version <= up_to:
            with database.atomic():
                migrate(database)
                dialect.set_schema_version(version, database)
            applied.append(version)
            current = version
    return applied
