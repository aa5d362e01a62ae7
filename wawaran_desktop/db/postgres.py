"""PostgreSQL's dialect (an office server, psycopg 3 through peewee), behind :mod:`.dialect`.

What is PostgreSQL-specific in ``db/`` lives here (locking, time arithmetic, bulk writes, id
sequences, the schema version), in :mod:`.connection` (opening a database by URL) and in the
translation of each migration's DDL (:mod:`.migrations`). Timestamps are ``TIMESTAMP``
(without time zone) holding naive UTC, as SQLite's text does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime, timezone

from peewee import SQL, AutoField, Database, Field, Model, Node, NodeList, fn

from wawaran_desktop.db.statements import StatementCache

#: The first key of the application's advisory locks (any other user of the server picks its own).
LOCK_CLASS = 0x5741  # "WA"
#: The second key of the lock that stands for the whole database (``write_transaction(None)``).
WHOLE_DATABASE = 0

#: The one-row table that holds the schema version (made by the first migration).
VERSION_TABLE = "schema_version"


def load_driver() -> None:
    """Give peewee psycopg 3 when a PostgreSQL database is first opened: the package imports
    peewee without it (``db/__init__.py``), so that a start-up on SQLite does not pay for it.
    What peewee would have set had psycopg been importable when it was imported; a no-op when
    it was. ``ImportError`` when psycopg is not installed."""
    import peewee

    if peewee.psycopg is not None:
        return
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    adapter = peewee.Psycopg3Adapter
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN
    peewee.TransactionStatus = TransactionStatus
    peewee.Json_pg3, peewee.Jsonb_pg3 = Json, Jsonb
    peewee.psycopg = psycopg


def may_migrate(db: Database) -> bool:
    """Whether the signed-in role may run the migrations: create tables in the schema and, once
    there are tables, act as their owner. A login of ``init-server``'s group may not: its
    owner role does that (``db/server_setup.py``)."""
    row = db.execute_sql(
        "SELECT has_schema_privilege(current_schema(), 'CREATE'), "
        "COALESCE((SELECT pg_has_role(c.relowner, 'USAGE') FROM pg_class c WHERE c.oid = to_regclass(%s)), TRUE)",
        (VERSION_TABLE,)).fetchone()
    return bool(row[0] and row[1])


class PostgresDialect:
    """:class:`~wawaran_desktop.db.dialect.Dialect` for :class:`peewee.PostgresqlDatabase`."""

    name = "postgresql"

    def __init__(self) -> None:
        self._statements = StatementCache(without_returning=True)

    def write_transaction(self, db: Database, key: str | None) -> AbstractContextManager:
        return self._locked(db, key)

    @contextmanager
    def _locked(self, db: Database, key: str | None) -> Iterator[object]:
        # A transaction-scoped advisory lock, released at commit or rollback. A named rule
        # ("disposition.agenda") excludes only others of its name, and shares the whole-database
        # lock that write_transaction(None) takes alone, so None still holds off every writer
        # as SQLite's BEGIN IMMEDIATE does. The lock is taken before the rule reads anything;
        # in READ COMMITTED each later statement then sees what the previous holder committed.
        with db.atomic() as txn:
            if key is None:
                db.execute_sql("SELECT pg_advisory_xact_lock(%s, %s)", (LOCK_CLASS, WHOLE_DATABASE))
            else:
                db.execute_sql("SELECT pg_advisory_xact_lock_shared(%s, %s), "
                               "pg_advisory_xact_lock(%s + 1, hashtext(%s))",
                               (LOCK_CLASS, WHOLE_DATABASE, LOCK_CLASS, key))
            yield txn

    def epoch_microseconds(self, field: Field) -> Node:
        # EXTRACT gives numeric seconds (exact: a timestamp keeps whole microseconds) since
        # 1970 of a timestamp without time zone, i.e. of the naive UTC stored.
        return NodeList((SQL("CAST(EXTRACT(EPOCH FROM "), field, SQL(") * 1000000 AS BIGINT)")), glue="")

    def next_ids(self, db: Database, models: Sequence[type[Model]]) -> tuple[int, ...]:
        # Other writers that insert into these tables wait until this transaction ends, so the
        # maxima stay the maxima; bulk_insert() then moves each id sequence past the ids written.
        for model in models:
            db.execute_sql(f"LOCK TABLE {self._table(db, model)} IN EXCLUSIVE MODE")
        return tuple((model.select(fn.MAX(model._meta.primary_key)).scalar() or 0) + 1 for model in models)

    def bulk_insert(self, db: Database, model: type[Model], fields: Sequence[Field],
                    rows: Iterable[Sequence]) -> None:
        fields = tuple(fields)
        sql = self._statements.insert(model, fields)
        self._executemany(db, sql, rows)
        pk = model._meta.primary_key
        if isinstance(pk, AutoField) and any(f is pk for f in fields):  # not `in`: Field == is SQL
            # Rows numbered by the caller leave the id sequence behind: move it past them.
            table = self._table(db, model)
            column = self._quote(pk.column_name)
            db.execute_sql(f"SELECT setval(pg_get_serial_sequence(%s, %s), "
                           f"GREATEST((SELECT MAX({column}) FROM {table}), 1))",
                           (table, pk.column_name))

    def bulk_update(self, db: Database, model: type[Model], fields: Sequence[Field], key: Field,
                    rows: Iterable[Sequence]) -> None:
        sql = self._statements.update(model, tuple(fields), key)
        self._executemany(db, sql, rows)

    def schema_version(self, db: Database) -> int:
        if db.execute_sql("SELECT to_regclass(%s)", (VERSION_TABLE,)).fetchone()[0] is None:
            return 0
        row = db.execute_sql(f"SELECT version FROM {VERSION_TABLE}").fetchone()
        return 0 if row is None else row[0]

    def server_now(self, db: Database) -> datetime:
        # clock_timestamp(): the time now, not the start of the transaction (now())
        moment = db.execute_sql("SELECT clock_timestamp()").fetchone()[0]
        return moment.astimezone(timezone.utc)

    def set_schema_version(self, db: Database, version: int) -> None:
        if not db.execute_sql(f"UPDATE {VERSION_TABLE} SET version = %s", (int(version),)).rowcount:
            db.execute_sql(f"INSERT INTO {VERSION_TABLE} (version) VALUES (%s)", (int(version),))

    @classmethod
    def _table(cls, db: Database, model: type[Model]) -> str:
        return cls._quote(model._meta.table_name)

    @staticmethod
    def _quote(name: str) -> str:
        return '"' + name.replace('"', '""') + '"'


    @staticmethod
    def _executemany(db: Database, sql: str, rows: Iterable[Sequence]) -> None:
        cursor = db.cursor()
        try:
            cursor.executemany(sql, rows)  # psycopg 3 pipelines the rows: one round trip, not one per row
        finally:
            cursor.close()
