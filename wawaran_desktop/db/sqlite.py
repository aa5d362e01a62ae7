"""SQLite's dialect: the SQLite text the rest of the package needs, behind :mod:`.dialect`.

What is SQLite-specific in ``db/`` lives in three places: this module (locking, time
arithmetic, bulk writes, the schema version), :mod:`.connection` (opening, inspecting and
backing up the file, its PRAGMAs) and the DDL of :mod:`.migrations`. Nothing outside
``db/`` reaches any of them except through :mod:`.dialect` and :mod:`.connection`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager

from peewee import Database, Field, Model, Node, SqliteDatabase, fn

from wawaran_desktop.db.statements import StatementCache


class SqliteDialect:
    """:class:`~wawaran_desktop.db.dialect.Dialect` for :class:`peewee.SqliteDatabase`."""

    name = "sqlite"

    def __init__(self) -> None:
        self._statements = StatementCache()

    def write_transaction(self, db: Database, key: str | None) -> AbstractContextManager:
        # BEGIN IMMEDIATE takes the file's write lock at once: every other writer (another
        # PC's app on a shared file, another thread) waits in busy_timeout until this commits.
        # The lock covers the whole file, so ``key`` needs no lock of its own.
        return db.atomic("IMMEDIATE")

    def epoch_microseconds(self, field: Field) -> Node:
        # Stored as text "YYYY-MM-DD HH:MM:SS[.ffffff]": whole seconds from strftime('%s') of
        # the first 19 characters, the fraction from characters 21-26 (padded when absent).
        # Exact integers: SQLite's date functions keep milliseconds only, so given the whole
        # text strftime would round 23:59:59.9995 up to the next second (and julianday() would
        # round every time to the millisecond).
        return (fn.strftime("%s", fn.substr(field, 1, 19)).cast("INTEGER") * 1_000_000
                + fn.substr(field.concat(".000000"), 21, 6).cast("INTEGER"))

    def next_ids(self, db: Database, models: Sequence[type[Model]]) -> tuple[int, ...]:
        # Inside write_transaction() nobody else writes until commit, so max + 1 onwards is free.
        return tuple((model.select(fn.MAX(model._meta.primary_key)).scalar() or 0) + 1 for model in models)

    def bulk_insert(self, db: Database, model: type[Model], fields: Sequence[Field],
                    rows: Iterable[Sequence]) -> None:
        sql = self._statements.insert(model, tuple(fields))
        self._executemany(db, sql, rows)

    def bulk_update(self, db: Database, model: type[Model], fields: Sequence[Field], key: Field,
                    rows: Iterable[Sequence]) -> None:
        sql = self._statements.update(model, tuple(fields), key)
        self._executemany(db, sql, rows)

    def schema_version(self, db: Database) -> int:
        return db.execute_sql("PRAGMA user_version").fetchone()[0]

    def set_schema_version(self, db: Database, version: int) -> None:
        db.execute_sql(f"PRAGMA user_version = {int(version)}")

    def server_now(self, db: Database) -> None:
        return None  # a file has no server: the PC's clock is the application's

    @staticmethod
    def _executemany(db: Database, sql: str, rows: Iterable[Sequence]) -> None:
        cursor = db.cursor()
        try:
            cursor.executemany(sql, rows)
        finally:
            cursor.close()


class SqliteFile(SqliteDatabase):
    """The application's SQLite database: peewee's, except that a failed statement that made SQLite
    roll the whole transaction back itself (``database or disk is full``, an I/O error) is what the
    caller sees — not peewee's own ``ROLLBACK`` (or ``ROLLBACK TO SAVEPOINT``) failing after it
    with ``cannot rollback - no transaction is active``, which hid the cause (issue 16: a full disk
    was told as an unexpected error)."""

    def rollback(self) -> None:
        if not self.is_closed() and not self.connection().in_transaction:
            return  # already rolled back by SQLite: nothing to undo, the original error stands
        super().rollback()

    def savepoint(self):  # type: ignore[override]
        return _Savepoint(self, super().savepoint())


class _Savepoint:
    """peewee's savepoint, whose rollback is skipped when SQLite already ended the transaction."""

    def __init__(self, db: SqliteFile, inner) -> None:
        self.db = db
        self.inner = inner

    def __enter__(self) -> _Savepoint:
        self.inner.__enter__()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        if exc_type is not None and not self.db.connection().in_transaction:
            return False  # the transaction is gone: let the original error through
        return self.inner.__exit__(exc_type, exc_val, exc_tb)

    def commit(self, begin: bool = True) -> None:
        self.inner.commit(begin)

    def rollback(self, begin: bool = True) -> None:
        if self.db.connection().in_transaction:
            self.inner.rollback(begin)
