"""Opening the SQLite file: fresh, migrated, and refusing damaged/foreign/newer files untouched."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from peewee import IntegrityError, OperationalError, SqliteDatabase

from wawaran_desktop.db.connection import (
    BACKUP_DIR,
    DatabaseDamaged,
    DatabaseTooNew,
    backup_copy,
    close_database,
    inspect_version,
    open_database,
)
from wawaran_desktop.db.migrations import LATEST_VERSION, MIGRATIONS, apply_migrations, schema_version
from wawaran_desktop.db.models import ALL_MODELS
from wawaran_desktop.db.stage_models import STAGE_MODELS


@pytest.fixture
def db_path(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "wawaran.sqlite3"
    close_database()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def sqlite_file(path: Path, *statements: str, wal: bool = False) -> None:
    con = sqlite3.connect(path)
    if wal:
        con.execute("PRAGMA journal_mode=wal")
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.close()


def test_fresh_file_is_latest_wal_with_foreign_keys(db_path: Path):
    db = open_database(db_path)
    assert schema_version(db) == LATEST_VERSION
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    # FULL (2): in WAL mode the WAL is synced at every commit, so a save survives a power cut (issue 16)
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2
    assert set(db.get_tables()) >= {m._meta.table_name for m in ALL_MODELS + STAGE_MODELS}
    with pytest.raises(IntegrityError):  # foreign keys are enforced, not just declared
        db.execute_sql("INSERT INTO step (campaign_id, no, standard_minutes) VALUES (999, 1, 5)")
    close_database()
    assert inspect_version(db_path) == LATEST_VERSION


def test_models_match_the_migrated_schema(db_path: Path):
    db = open_database(db_path)
    for model in ALL_MODELS + STAGE_MODELS:
        table = model._meta.table_name
        stored = {c.name for c in db.get_columns(table)}
        assert stored == {f.column_name for f in model._meta.sorted_fields}, table


def test_empty_file_is_initialised(db_path: Path):
    db_path.touch()
    db = open_database(db_path)
    assert schema_version(db) == LATEST_VERSION


def test_file_that_is_not_sqlite_is_refused_untouched(db_path: Path):
    db_path.write_bytes(random.Random(7).randbytes(8192))
    before = sha256(db_path)
    with pytest.raises(DatabaseDamaged, match="rusak atau bukan basis data SQLite"):
        open_database(db_path)
    assert sha256(db_path) == before
    assert siblings(db_path) == [db_path.name]


@pytest.mark.parametrize("user_version", [0, 1, 3, 7])
@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal"])
def test_foreign_sqlite_file_is_refused_untouched(db_path: Path, wal: bool, user_version: int):
    # Another program may set user_version too (issue 16: one with 1-3 was migrated, switched to
    # WAL and copied to backups/): only a file with our tables is ours.
    sqlite_file(db_path, "CREATE TABLE pelanggan (id INTEGER PRIMARY KEY, nama TEXT)",
                "INSERT INTO pelanggan (nama) VALUES ('Ani')", f"PRAGMA user_version = {user_version}", wal=wal)
    before = sha256(db_path)
    with pytest.raises(DatabaseDamaged, match="bukan milik Wawaran Desktop"):
        open_database(db_path)
    assert sha256(db_path) == before
    assert siblings(db_path) == [db_path.name]


@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal"])
def test_newer_schema_is_refused_untouched(db_path: Path, wal: bool):
    sqlite_file(db_path, "CREATE TABLE staff (id INTEGER PRIMARY KEY)",
                f"PRAGMA user_version = {LATEST_VERSION + 1}", wal=wal)
    before = sha256(db_path)
    with pytest.raises(DatabaseTooNew, match="lebih baru"):
        open_database(db_path)
    assert sha256(db_path) == before
    assert siblings(db_path) == [db_path.name]  # no -wal, -shm or backup left behind


@pytest.mark.parametrize("older", range(LATEST_VERSION))
def test_older_file_is_migrated_keeping_its_data(db_path: Path, older: int):
    db = SqliteDatabase(str(db_path))
    db.connect()
    assert apply_migrations(db, up_to=older) == list(range(1, older + 1))
    if older == 0:  # a written (non-empty) SQLite file with no table yet
        db.execute_sql("CREATE TABLE t (x)")
        db.execute_sql("DROP TABLE t")
    else:
        db.execute_sql("INSERT INTO staff (name, lane, created_at) VALUES ('Lama', 'tim', '2026-01-01')")
    db.close()
    assert db_path.stat().st_size > 0
    assert inspect_version(db_path) == older

    migrated = open_database(db_path)
    assert schema_version(migrated) == LATEST_VERSION
    backups = list((db_path.parent / BACKUP_DIR).glob("*")) if older else []
    assert len(backups) == (1 if older else 0)
    if older >= 1:
        assert migrated.execute_sql("SELECT name FROM staff").fetchall() == [("Lama",)]
        assert inspect_version(backups[0]) == older


def test_apply_migrations_from_an_empty_database(tmp_path: Path):
    db = SqliteDatabase(str(tmp_path / "kosong.sqlite3"))
    db.connect()
    assert apply_migrations(db, up_to=0) == []
    assert schema_version(db) == 0 and db.get_tables() == []
    assert apply_migrations(db) == [v for v, _ in MIGRATIONS]
    assert schema_version(db) == LATEST_VERSION
    assert apply_migrations(db) == []  # idempotent
    db.close()


def test_failed_migration_leaves_the_last_good_version(tmp_path: Path):
    db = SqliteDatabase(str(tmp_path / "konflik.sqlite3"))
    db.connect()
    db.execute_sql("CREATE TABLE audit_entry (x)")  # the first migration will collide with it
    with pytest.raises(OperationalError):
        apply_migrations(db)
    assert schema_version(db) == 0
    assert db.get_tables() == ["audit_entry"]  # the migration's other tables were rolled back
    db.close()


def test_backup_copy_is_a_readable_consistent_copy(db_path: Path):
    db = open_database(db_path)
    db.execute_sql("INSERT INTO staff (name, lane, created_at) VALUES ('Sari', 'tim', '2026-11-26 01:00:00')")
    before = sha256(db_path)
    copy = backup_copy(db_path, LATEST_VERSION)  # taken while the row is still only in the WAL
    assert copy.parent == db_path.parent / BACKUP_DIR
    assert copy.name.startswith(f"wawaran-v{LATEST_VERSION}-") and copy.suffix == ".sqlite3"
    assert sha256(db_path) == before
    con = sqlite3.connect(copy)
    try:
        assert con.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert con.execute("SELECT name FROM staff").fetchall() == [("Sari",)]
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()


def test_staff_of_a_version_2_file_get_an_empty_rank(db_path: Path):
    db = SqliteDatabase(str(db_path))
    db.connect()
    apply_migrations(db, up_to=2)
    db.execute_sql("INSERT INTO staff (name, nip, lane, created_at) VALUES ('Lama', '197301041997032001', 'kabid', "
                   "'2026-01-01')")
    db.close()
    migrated = open_database(db_path)
    assert migrated.execute_sql("SELECT name, nip, rank FROM staff").fetchall() == [
        ("Lama", "197301041997032001", "")]
