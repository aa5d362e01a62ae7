"""Copy a data folder's SQLite file into an office's PostgreSQL database: ``main.py migrate-to URL``.

Every table of the schema is copied with its ids, in one write transaction on the server, in
batches (each through :func:`~wawaran_desktop.db.dialect.bulk_insert`, which also moves each id
sequence past the ids written); the attachments and the office logo, which a file keeps in the
data folder, go into ``stored_file``. Before the transaction commits, every table is read back
and compared with the file: its row count and a checksum of its rows in key order, each value
normalised by its field (so SQLite's 0/1 and PostgreSQL's booleans, SQLite's datetime text and
PostgreSQL's timestamps, blobs and bytea hash alike). Any difference rolls everything back.

Both databases must be at the application's schema version: the file is migrated by opening it
(``connection.open_database``, which copies it to ``backups/`` first), an empty server gets the
migrations here — inside the copy's transaction, so a failed copy leaves it empty (schema 0) —
and an older server must be upgraded by ``init-server`` first.

The file is read in one read transaction, so every table comes from the same moment even if
another connection writes to it meanwhile (``cli/server.py`` also holds the data folder's lock,
so the window cannot be open on it).
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from peewee import (
    AutoField,
    Field,
    ForeignKeyField,
    IntegerField,
    Model,
    PeeweeException,
    PostgresqlDatabase,
    SqliteDatabase,
    sort_models,
)

from wawaran_desktop.db import dialect
from wawaran_desktop.db.canonical import canonical
from wawaran_desktop.db.history_models import HISTORY_MODELS
from wawaran_desktop.db.migrations import LATEST_VERSION, apply_migrations
from wawaran_desktop.db.models import ALL_MODELS, database
from wawaran_desktop.db.postgres import VERSION_TABLE
from wawaran_desktop.db.stage_models import STAGE_MODELS, Attachment, StoredFile

#: Rows per batch read from the file and sent to the server.
BATCH_ROWS = 2000
#: Bytes of file content per batch of ``stored_file`` rows.
BATCH_BYTES = 32 * 1024 * 1024


class TransferError(Exception):
    """``migrate-to`` refuses or fails (nothing is changed on the server); the message is Indonesian."""


@dataclass
class TableCheck:
    """One table's rows and checksum in the file and on the server."""

    table: str
    source_rows: int
    target_rows: int
    source_sum: str
    target_sum: str

    @property
    def equal(self) -> bool:
        return self.source_rows == self.target_rows and self.source_sum == self.target_sum


@dataclass
class TransferResult:
    checks: list[TableCheck] = field(default_factory=list)
    files_copied: int = 0
    files_bytes: int = 0
    #: Attachments whose file is missing from the data folder (their rows are copied).
    files_missing: list[str] = field(default_factory=list)
    #: Attachments whose file differs from the checksum recorded when it was attached.
    files_changed: list[str] = field(default_factory=list)
    #: Files copied although above ``large_above`` bytes (the server's limit for new ones): (name, size)
    files_large: list[tuple[str, int]] = field(default_factory=list)
    #: (table, largest id, the id the next new row gets)
    sequences: list[tuple[str, int, int]] = field(default_factory=list)
    replaced: dict[str, int] = field(default_factory=dict)
    target_migrated: bool = False
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(c.target_rows for c in self.checks)


MODELS: dict[str, type[Model]] = {m._meta.table_name: m for m in (*ALL_MODELS, *STAGE_MODELS, *HISTORY_MODELS)}


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# --- checksums ------------------------------------------------------------------------------

class TableDigest:
    """A table's row count and checksum: SHA-256 over its rows' digests in key order. Integer
    keys are ordered by the SQL query on both engines; other keys (text) are sorted here, since
    the engines' collations may order text differently."""

    def __init__(self, sort_here: bool) -> None:
        self._sort_here = sort_here
        self._hash = hashlib.sha256()
        self._keyed: list[tuple[tuple, bytes]] = []
        self.rows = 0

    def add(self, key: tuple, values: Sequence) -> None:
        row = hashlib.sha256(b"".join(canonical(v) for v in values)).digest()
        self.rows += 1
        if self._sort_here:
            self._keyed.append((key, row))
        else:
            self._hash.update(row)

    def hexdigest(self) -> str:
        if self._sort_here:
            for _key, row in sorted(self._keyed):
                self._hash.update(row)
            self._keyed = []
            self._sort_here = False
        return self._hash.hexdigest()


class _Table:
    """A model's table as both databases hold it: the columns, in order, and how to read them."""

    def __init__(self, model: type[Model], columns: Sequence[str]) -> None:
        by_column = {f.column_name: f for f in model._meta.sorted_fields}
        self.model = model
        self.name = model._meta.table_name
        self.fields: tuple[Field, ...] = tuple(by_column[c] for c in columns)
        keys = model._meta.get_primary_keys()
        self.key_index = tuple(self.fields.index(k) for k in keys)
        self.int_keys = all(isinstance(k, (AutoField, IntegerField, ForeignKeyField)) for k in keys)
        order = ", ".join(_q(k.column_name) for k in keys)
        self.select = (f"SELECT {', '.join(_q(f.column_name) for f in self.fields)} FROM {_q(self.name)}"
                       + (f" ORDER BY {order}" if self.int_keys else ""))

    def normalise(self, raw: Sequence) -> tuple:
        """Values as the fields read them (the same Python types from either engine)."""
        return tuple(None if v is None else f.python_value(v) for f, v in zip(self.fields, raw, strict=True))

    def digest(self) -> TableDigest:
        return TableDigest(sort_here=not self.int_keys)

    def key(self, values: Sequence) -> tuple:
        return tuple(values[i] for i in self.key_index)


def _batches(db, sql: str, size: int = BATCH_ROWS) -> Iterator[list[tuple]]:
    cursor = db.execute_sql(sql)
    try:
        while rows := cursor.fetchmany(size):
            yield rows
    finally:
        cursor.close()


def digest_table(db, table: _Table) -> TableDigest:
    """The count and checksum of ``table`` as ``db`` holds it."""
    result = table.digest()
    for rows in _batches(db, table.select):
        for raw in rows:
            values = table.normalise(raw)
            result.add(table.key(values), values)
    return result


# --- the copy -------------------------------------------------------------------------------

def _schema(source: SqliteDatabase, target: PostgresqlDatabase, where: str) -> list[_Table]:
    """The tables to copy, parents first; refuses tables or columns the two do not share."""
    source_tables = set(source.get_tables())
    target_tables = set(_target_tables(target)) - {VERSION_TABLE}
    unknown = sorted(source_tables - set(MODELS))
    if unknown:
        raise TransferError(f"Berkas memuat tabel yang tidak dikenal versi aplikasi ini: {', '.join(unknown)}. "
                            "Tidak ada yang dipindahkan.")
    if source_tables != target_tables:
        raise TransferError(f"Tabel berkas dan server {where} berbeda (hanya di berkas: "
                            f"{', '.join(sorted(source_tables - target_tables)) or '-'}; hanya di server: "
                            f"{', '.join(sorted(target_tables - source_tables)) or '-'}). Tidak ada yang dipindahkan.")
    tables = []
    for model in sort_models([MODELS[name] for name in source_tables]):
        name = model._meta.table_name
        columns = [c.name for c in source.get_columns(name)]
        on_server = {c.name for c in target.get_columns(name)}
        known = {f.column_name for f in model._meta.sorted_fields}
        if set(columns) != on_server or not set(columns) <= known:
            raise TransferError(f"Kolom tabel {name} berbeda antara berkas dan server {where}. "
                                "Tidak ada yang dipindahkan.")
        tables.append(_Table(model, columns))
    return tables


def _target_tables(target: PostgresqlDatabase) -> list[str]:
    return [r[0] for r in target.execute_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename").fetchall()]


def _prepare_target(target: PostgresqlDatabase, where: str) -> bool:
    """Bring an empty server to the schema; True when migrations ran. Refuses other versions."""
    version = dialect.schema_version(target)
    if version == 0 and not _target_tables(target):
        apply_migrations(target)
        return True
    if version == 0:
        raise TransferError(f"Basis data {where} berisi tabel lain, bukan milik Wawaran Desktop. "
                            "Tidak ada yang dipindahkan: pilih basis data yang kosong.")
    if version != LATEST_VERSION:
        raise TransferError(
            f"Skema server {where} versi {version}, aplikasi (dan berkas) versi {LATEST_VERSION}: "
            + ("minta administrator menjalankan init-server dulu (memperbarui skema)." if version < LATEST_VERSION
               else "perbarui aplikasi dulu.") + " Tidak ada yang dipindahkan.")
    return False


def rows_on(target: PostgresqlDatabase, tables: Iterable[_Table]) -> dict[str, int]:
    """Tables of ``target`` that hold rows, with their counts."""
    counts = {}
    for table in tables:
        n = target.execute_sql(f"SELECT COUNT(*) FROM {_q(table.name)}").fetchone()[0]
        if n:
            counts[table.name] = n
    return counts


def copy_database(source: SqliteDatabase, target: PostgresqlDatabase, where: str, *, data_dir: Path,
                  attachments_folder: str, logo_folder: str, replace: bool = False, large_above: int | None = None,
                  progress: Callable[[str], None] | None = None) -> TransferResult:
    """Copy every row of ``source`` (a migrated data-folder file) and the folder's attachment and
    logo files into ``target``; see the module's docstring. ``replace`` first empties every table
    of a server that holds rows (otherwise refused). Files above ``large_above`` bytes are copied
    and listed in the result. Raises :class:`TransferError`, the server unchanged (an empty one
    stays without the schema too)."""
    import psycopg  # loaded already: ``target`` is connected (``connection.connect_postgres``)

    started = time.perf_counter()
    say = progress or (lambda _text: None)
    result = TransferResult()
    try:
        # One read transaction on the file: every table is read from the same snapshot (in WAL
        # mode other connections may still write; they are not seen), so a window or a demo
        # writing meanwhile cannot make the copy inconsistent. DEFERRED: a read, not the write
        # lock ``open_database`` asks of its transactions.
        with source.atomic(lock_type="DEFERRED"):
            source.execute_sql("SELECT COUNT(*) FROM sqlite_master").fetchone()  # the snapshot starts here
            # One write transaction on the server, from the migrations of an empty one to the last
            # check (PostgreSQL's DDL is transactional): on any failure the server is as it was.
            with target.atomic():
                _copy(source, target, where, data_dir, attachments_folder, logo_folder, replace, large_above,
                      say, result)
    except TransferError:
        result.seconds = time.perf_counter() - started
        raise
    except (PeeweeException, sqlite3.Error, psycopg.Error) as exc:  # bulk_insert speaks to psycopg itself
        raise TransferError(f"Pemindahan gagal, server {where} tidak diubah: {str(exc).strip()}") from None
    result.seconds = time.perf_counter() - started
    return result


def _copy(source: SqliteDatabase, target: PostgresqlDatabase, where: str, data_dir: Path, attachments_folder: str,
          logo_folder: str, replace: bool, large_above: int | None, say: Callable[[str], None],
          result: TransferResult) -> None:
    result.target_migrated = _prepare_target(target, where)
    tables = _schema(source, target, where)
    database.initialize(target)  # peewee builds each INSERT for the server's dialect
    held = rows_on(target, tables)
    if held and not replace:
        others = sorted(set(held) - {"campaign", "staff"})
        summary = (f"{held.get('campaign', 0)} kampanye, {held.get('staff', 0)} petugas"
                   + (f", baris di {len(others)} tabel lain ({', '.join(others[:4])}{', …' if len(others) > 4 else ''})"
                      if others else ""))
        raise TransferError(f"Server {where} tidak kosong: {summary}. Tidak ada yang dipindahkan. "
                            "Untuk menimpa: ulangi dengan --replace, yang MENGHAPUS semua data di server "
                            "(kampanye, petugas, riwayat, berkas) lalu menyalin isi berkas ini.")
    _act_as_table_owner(target)
    if held:
        target.execute_sql("TRUNCATE " + ", ".join(_q(t.name) for t in tables) + " RESTART IDENTITY")
        result.replaced = held
    source_digests = {}
    for table in tables:
        say(f"menyalin {table.name}…")
        source_digests[table.name] = _copy_table(source, target, table)
    stored = next(t for t in tables if t.model is StoredFile)
    _copy_files(source, target, data_dir, attachments_folder, logo_folder, stored,
                source_digests[stored.name], result, large_above)
    say("memeriksa jumlah baris dan checksum…")
    for table in tables:
        mine, theirs = source_digests[table.name], digest_table(target, table)
        result.checks.append(TableCheck(table.name, mine.rows, theirs.rows, mine.hexdigest(), theirs.hexdigest()))
    result.sequences = _sequences(target, tables)
    differ = [c.table for c in result.checks if not c.equal]
    behind = [name for name, largest, following in result.sequences if following <= largest]
    if differ or behind:
        raise _Mismatch(result, differ, behind)


class _Mismatch(TransferError):
    def __init__(self, result: TransferResult, differ: list[str], behind: list[str]) -> None:
        self.result = result
        parts = []
        if differ:
            parts.append(f"isi tabel berbeda setelah disalin: {', '.join(differ)}")
        if behind:
            parts.append(f"urutan id belum melewati id terbesar: {', '.join(behind)}")
        super().__init__("Pemindahan dibatalkan, server tidak diubah: " + "; ".join(parts) + ".")


def _act_as_table_owner(target: PostgresqlDatabase) -> None:
    """An administrator who may act as the tables' owner (init-server's owner role) copies as it:
    the group's logins may not write history ids' sequences nor empty tables (``--replace``)."""
    owner, = target.execute_sql("SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() "
                                "AND tablename = %s", (VERSION_TABLE,)).fetchone()
    member, = target.execute_sql("SELECT current_user <> %s AND pg_has_role(%s, 'MEMBER')", (owner, owner)).fetchone()
    if member:
        target.execute_sql(f"SET LOCAL ROLE {_q(owner)}")


def _copy_table(source: SqliteDatabase, target: PostgresqlDatabase, table: _Table) -> TableDigest:
    digest = table.digest()
    for raw_rows in _batches(source, table.select):
        rows = [table.normalise(raw) for raw in raw_rows]
        for values in rows:
            digest.add(table.key(values), values)
        dialect.bulk_insert(table.model, table.fields, rows, db=target)
    return digest


def _copy_files(source: SqliteDatabase, target: PostgresqlDatabase, data_dir: Path, attachments_folder: str,
                logo_folder: str, stored: _Table, digest: TableDigest, result: TransferResult,
                large_above: int | None) -> None:
    """Attachments (named by their rows' ``stored_name``) and the logo files into ``stored_file``,
    each added to ``digest`` as the file's row would read."""
    have = {row[0] for row in source.execute_sql(f"SELECT name FROM {_q(stored.name)}").fetchall()}
    recorded: dict[str, str] = dict(source.execute_sql(
        f"SELECT stored_name, sha256 FROM {_q(Attachment._meta.table_name)} ORDER BY id").fetchall())
    wanted: list[Path] = []
    for name in recorded:
        path = data_dir / attachments_folder / name
        if path.is_file():
            wanted.append(path)
        else:
            result.files_missing.append(name)
    logos = data_dir / logo_folder
    if logos.is_dir():
        wanted += sorted(p for p in logos.iterdir() if p.is_file() and not p.name.startswith("."))
    batch: list[tuple] = []
    size = 0
    for path in wanted:
        if path.name in have:
            continue
        have.add(path.name)
        content = path.read_bytes()
        sha = hashlib.sha256(content).hexdigest()
        if path.name in recorded and recorded[path.name] != sha:
            result.files_changed.append(path.name)
        if large_above is not None and len(content) > large_above:
            result.files_large.append((path.name, len(content)))
        saved = datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(tzinfo=None)
        values = {"name": path.name, "content": content, "size": len(content), "sha256": sha, "saved_at": saved}
        row = tuple(values[f.name] for f in stored.fields)
        digest.add(stored.key(row), row)
        batch.append(row)
        size += len(content)
        result.files_copied += 1
        result.files_bytes += len(content)
        if size >= BATCH_BYTES:
            dialect.bulk_insert(StoredFile, stored.fields, batch, db=target)
            batch, size = [], 0
    if batch:
        dialect.bulk_insert(StoredFile, stored.fields, batch, db=target)


def _sequences(target: PostgresqlDatabase, tables: Iterable[_Table]) -> list[tuple[str, int, int]]:
    """For each table numbered by a sequence: its largest id and the id a new row would get."""
    found = []
    for table in tables:
        pk = table.model._meta.primary_key
        if not isinstance(pk, AutoField):
            continue
        sequence, = target.execute_sql("SELECT pg_get_serial_sequence(%s, %s)", (_q(table.name), pk.column_name)).fetchone()
        largest, = target.execute_sql(f"SELECT COALESCE(MAX({_q(pk.column_name)}), 0) FROM {_q(table.name)}").fetchone()
        last, called = target.execute_sql(f"SELECT last_value, is_called FROM {sequence}").fetchone()
        found.append((table.name, largest, last + 1 if called else last))
    return found
