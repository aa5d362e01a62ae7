"""The engine's dialect (db/dialect.py): what the services and the demo get from it, on SQLite."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from peewee import Database, OperationalError

from wawaran_desktop.db import dialect
from wawaran_desktop.db.connection import close_database, open_database
from wawaran_desktop.db.migrations import BY_ENGINE, LATEST_VERSION
from wawaran_desktop.db.models import Campaign, SopVersion, Staff, Step, StepEvent, database
from wawaran_desktop.db.stage_models import Location, Setting


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    yield open_database(tmp_path / "wawaran.sqlite3")
    close_database()


def test_the_bound_database_has_the_sqlite_dialect(db):
    assert dialect.dialect_of().name == "sqlite"
    assert dialect.dialect_of(db) is dialect.dialect_of(database)


def test_no_dialect_without_a_database():
    with pytest.raises(TypeError, match="no SQL dialect"):
        dialect.dialect_of(object())


def test_every_engine_migrates_to_the_same_latest_version():
    assert {d.name for _, d in dialect.ENGINES} == set(BY_ENGINE)
    assert {steps[-1][0] for steps in BY_ENGINE.values()} == {LATEST_VERSION}


def test_schema_version_reads_and_writes(db):
    assert dialect.schema_version() == LATEST_VERSION
    with db.atomic():
        dialect.set_schema_version(LATEST_VERSION + 5)
    assert dialect.schema_version(db) == LATEST_VERSION + 5


def test_write_transaction_holds_off_other_writers_until_it_commits(db, tmp_path: Path):
    other = sqlite3.connect(tmp_path / "wawaran.sqlite3", timeout=0)
    try:
        with dialect.write_transaction("test"):
            assert db.in_transaction()
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")  # the lock is taken at BEGIN, before any write
        other.execute("BEGIN IMMEDIATE")
        other.rollback()
    finally:
        other.close()


def test_write_transaction_nests_as_a_savepoint(db):
    staff = Staff.create(name="Sari", lane="tim", created_at=datetime(2026, 11, 26, 1))
    with dialect.write_transaction():
        with pytest.raises(OperationalError):
            with dialect.write_transaction():
                Staff.update(name="Dewi").where(Staff.id == staff.id).execute()
                raise OperationalError("undo only the inner part")
        assert Staff.get_by_id(staff.id).name == "Sari"


@pytest.mark.parametrize("stored", [
    datetime(2026, 11, 26, 1, 0, 0),
    datetime(2026, 11, 26, 1, 0, 0, 1),
    datetime(2026, 11, 26, 23, 59, 59, 999_999),  # SQLite's date functions alone round this up a second
    datetime(2026, 11, 26, 8, 0, 0, 999_500),
    datetime(1970, 1, 1, 0, 0, 0, 500_000),
    datetime(2038, 1, 19, 3, 14, 8, 123_456),
])
def test_epoch_microseconds_is_exact(db, stored: datetime):
    staff = Staff.create(name="Sari", lane="tim", created_at=stored)
    micros = (Staff.select(dialect.epoch_microseconds(Staff.created_at)).where(Staff.id == staff.id).scalar())
    expected = (stored.replace(tzinfo=timezone.utc) - datetime(1970, 1, 1, tzinfo=timezone.utc)) // timedelta(
        microseconds=1)
    assert micros == expected and isinstance(micros, int)


def test_next_ids_follow_the_highest_stored(db):
    assert dialect.next_ids(Campaign, Step, Location) == (1, 1, 1)
    staff = Staff.create(name="Sari", lane="tim", created_at=datetime(2026, 11, 26, 1))
    Staff.create(id=41, name="Dewi", lane="tim", created_at=datetime(2026, 11, 26, 1))
    assert dialect.next_ids(Staff) == (42,)
    assert staff.id == 1


def test_bulk_insert_and_update_store_what_insert_many_would(db):
    at = datetime(2026, 11, 26, 1, 2, 3, 456)
    fields = (Staff.id, Staff.name, Staff.nip, Staff.position, Staff.rank, Staff.lane, Staff.active,
              Staff.created_at)
    with dialect.write_transaction():
        dialect.bulk_insert(Staff, fields, [(7, "Sari", None, "", "", "tim", True, at),
                                            (8, "Dewi", "197301041997032001", "Staf", "", "kabid", False, at)])
        dialect.bulk_update(Staff, (Staff.name, Staff.position), Staff.id, [("Sari W.", "Kasi", 7)])
    rows = [(s.id, s.name, s.position, s.active, s.created_at) for s in Staff.select().order_by(Staff.id)]
    assert rows == [(7, "Sari W.", "Kasi", True, at), (8, "Dewi", "Staf", False, at)]


def test_bulk_insert_gives_a_left_out_column_its_constant_default(db):
    with dialect.write_transaction():
        dialect.bulk_insert(Setting, (Setting.key, Setting.value), [("a", "1"), ("b", "2")])
    assert [(s.key, s.value, s.version) for s in Setting.select().order_by(Setting.key)] == [
        ("a", "1", 1), ("b", "2", 1)]


def test_events_written_in_bulk_are_read_back_as_datetimes(db):
    staff = Staff.create(name="Sari", lane="tim", created_at=datetime(2026, 11, 26, 1))
    at = datetime(2026, 11, 26, 1, 0, 0, 250_000)
    with dialect.write_transaction():
        campaign, step = dialect.next_ids(Campaign, Step)
        sop = SopVersion.create(sop_id="s", version="1", checksum="c", definition="{}", registered_at=at).id
        dialect.bulk_insert(Campaign, (Campaign.id, Campaign.title, Campaign.sop, Campaign.created_at,
                                       Campaign.created_by, Campaign.updated_at, Campaign.theme,
                                       Campaign.status, Campaign.current_no),
                            [(campaign, "Uji", sop, at, staff.id, at, "", "draft", 1)])
        dialect.bulk_insert(Step, (Step.id, Step.campaign, Step.no, Step.standard_minutes, Step.notes),
                            [(step, campaign, 1, 5, "")])
        dialect.bulk_insert(StepEvent, (StepEvent.step, StepEvent.kind, StepEvent.at, StepEvent.actor,
                                        StepEvent.reason), [(step, "start", at, staff.id, None)])
    assert StepEvent.get().at == at
