"""The database engine's dialect behind engine-neutral helpers: the one seam for a second engine.

Services, reports and the demo generator write plain peewee queries; whatever needs more than
that — a transaction that holds off other writers, time arithmetic in SQL, bulk writes, ids
handed out by hand, the schema version — goes through the functions below, which ask the
bound database for its :class:`Dialect`. No SQL text, PRAGMA or engine function appears
outside ``db/`` (``tests/unit/test_layers.py`` checks).

Two engines: SQLite (:mod:`.sqlite`, the default per-user file) and PostgreSQL
(:mod:`.postgres`, peewee's ``PostgresqlDatabase`` over psycopg 3, an office server). Each is
a class that does what :class:`Dialect` describes and one line in :data:`ENGINES`; callers
never know which one runs.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from typing import Protocol

from peewee import Database, DatabaseProxy, Field, Model, Node, PostgresqlDatabase, SqliteDatabase

from wawaran_desktop.db.models import database
from wawaran_desktop.db.postgres import PostgresDialect
from wawaran_desktop.db.sqlite import SqliteDialect


class Dialect(Protocol):
    """What an engine must provide. Each method says what a PostgreSQL version would do."""

    name: str

    def write_transaction(self, db: Database, key: str | None) -> AbstractContextManager:
        """A transaction (a savepoint when nested) in which no other writer interleaves the
        caller's check-then-write. SQLite: ``BEGIN IMMEDIATE`` (the file's write lock).
        PostgreSQL: a transaction that first takes ``pg_advisory_xact_lock`` on ``key``
        (or locks the rows the rule reads), since its locks are finer than a whole file."""
        ...

    def epoch_microseconds(self, field: Field) -> Node:
        """An SQL expression: microseconds since 1970 of a naive-UTC datetime column, as an exact
        integer. PostgreSQL: ``(EXTRACT(EPOCH FROM field) * 1000000)::bigint`` (a
        ``timestamp`` keeps microseconds exactly)."""
        ...

    def next_ids(self, db: Database, models: Sequence[type[Model]]) -> tuple[int, ...]:
        """The first free primary key of each model, for rows the caller numbers itself inside
        :func:`write_transaction` and writes with :func:`bulk_insert`. PostgreSQL: lock the
        tables (``LOCK TABLE … IN EXCLUSIVE MODE``) before reading the maxima, and let its
        :meth:`bulk_insert` move the id sequence past the ids written (``setval``)."""
        ...

    def bulk_insert(self, db: Database, model: type[Model], fields: Sequence[Field],
                    rows: Iterable[Sequence]) -> None:
        """Insert ``rows`` (tuples in ``fields`` order, values already in stored form: what the
        fields' ``db_value`` would pass through unchanged) in the current transaction.
        PostgreSQL: psycopg 3's ``executemany`` (pipelined) or ``COPY``."""
        ...

    def bulk_update(self, db: Database, model: type[Model], fields: Sequence[Field], key: Field,
                    rows: Iterable[Sequence]) -> None:
        """Set ``fields`` of the row whose ``key`` is the tuple's last value, for each tuple."""
        ...

    def schema_version(self, db: Database) -> int:
        """The schema version of the database (0 when new). SQLite keeps it in ``PRAGMA
        user_version``; PostgreSQL would keep it in a one-row table made by its first migration."""
        ...

    def set_schema_version(self, db: Database, version: int) -> None:
        """Record ``version``, inside the migration's transaction."""
        ...

    def server_now(self, db: Database) -> datetime | None:
        """The database server's time now (aware UTC); None for an engine without a server
        (SQLite: the PC's own clock is the only one)."""
        ...


#: Each peewee database class and the dialect of its engine (the first that matches is used).
ENGINES: list[tuple[type[Database], Dialect]] = [
    (SqliteDatabase, SqliteDialect()),
    (PostgresqlDatabase, PostgresDialect()),
]


def _bound(db: Database | DatabaseProxy | None) -> Database:
    target = database if db is None else db
    return target.obj if isinstance(target, DatabaseProxy) else target


def dialect_of(db: Database | DatabaseProxy | None = None) -> Dialect:
    """The dialect of ``db`` (default: the database the models are bound to)."""
    target = _bound(db)
    for engine, dialect in ENGINES:
        if isinstance(target, engine):
            return dialect
    raise TypeError(f"no SQL dialect for {type(target).__name__} (is the database open?)")


def write_transaction(key: str | None = None, *, db: Database | None = None) -> AbstractContextManager:
    """A transaction for a rule checked and written together (see :meth:`Dialect.write_transaction`).

    ``key`` names what is being serialised (e.g. ``"disposition.agenda"``), for engines that
    lock less than the whole database.
    """
    target = _bound(db)
    return dialect_of(target).write_transaction(target, key)


def epoch_microseconds(field: Field) -> Node:
    """Microseconds since 1970 of a stored time, computed by the database as an exact integer."""
    return dialect_of().epoch_microseconds(field)


def next_ids(*models: type[Model], db: Database | None = None) -> tuple[int, ...]:
    """The first free id of each of ``models``; call inside :func:`write_transaction`."""
    target = _bound(db)
    return dialect_of(target).next_ids(target, models)


def bulk_insert(model: type[Model], fields: Sequence[Field], rows: Iterable[Sequence], *,
                db: Database | None = None) -> None:
    """Insert many rows of ``model`` at once (see :meth:`Dialect.bulk_insert` for their form).

    A column with a constant default that ``fields`` leave out (a row's ``version``) gets it."""
    target = _bound(db)
    fields = tuple(fields)
    named = {f.name for f in fields}  # (a peewee Field's == builds an expression: compare names)
    unnamed = tuple(f for f in model._meta.sorted_fields
                    if f.name not in named and f.default is not None and not callable(f.default))
    if unnamed:
        defaults = tuple(f.default for f in unnamed)
        fields += unnamed
        rows = (tuple(row) + defaults for row in rows)
    dialect_of(target).bulk_insert(target, model, fields, rows)


def bulk_update(model: type[Model], fields: Sequence[Field], key: Field, rows: Iterable[Sequence], *,
                db: Database | None = None) -> None:
    """Update many rows of ``model``: each tuple is the new ``fields`` values, then the ``key``."""
    target = _bound(db)
    dialect_of(target).bulk_update(target, model, fields, key, rows)


def schema_version(db: Database | None = None) -> int:
    target = _bound(db)
    return dialect_of(target).schema_version(target)


def set_schema_version(version: int, db: Database | None = None) -> None:
    target = _bound(db)
    dialect_of(target).set_schema_version(target, version)


class ServerClock:
    """The database server's clock, read once and then carried on by this PC's monotonic
    clock (so a wrong or jumping PC clock cannot reorder events, and the window's one-second
    tick costs no round trip); read again every :attr:`RESYNC_SECONDS`."""

    RESYNC_SECONDS = 300

    def __init__(self, db: Database, dialect: Dialect) -> None:
        self._db, self._dialect = db, dialect
        self._sync()

    def _sync(self) -> None:
        before = time.monotonic()
        server = self._dialect.server_now(self._db)
        after = time.monotonic()
        assert server is not None
        self._at, self._mono = server, (before + after) / 2  # the middle of the round trip

    def __call__(self) -> datetime:
        if time.monotonic() - self._mono > self.RESYNC_SECONDS:
            self._sync()
        return self._at + timedelta(seconds=time.monotonic() - self._mono)


def server_clock(db: Database | None = None) -> ServerClock | None:
    """A clock that tells the database server's time, or None when the engine has no server."""
    target = _bound(db)
    dialect = dialect_of(target)
    return ServerClock(target, dialect) if dialect.server_now(target) is not None else None
