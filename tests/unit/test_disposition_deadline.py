"""The disposition's Tgl. Penyelesaian (issue 14): schema 8's column, kept by the migration from
schema 7, checked and versioned by the service like the other dates of the sheet."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from wawaran_desktop.db.connection import close_database, open_database
from wawaran_desktop.db.migrations import LATEST_VERSION, apply_migrations, schema_version
from wawaran_desktop.db.stage_models import Disposition
from wawaran_desktop.services.errors import ConflictError, ValidationError
from wawaran_desktop.services.stages import disposition
from wawaran_desktop.services.stages.disposition import SIFAT, DispositionDraft, Service

TODAY = date(2026, 11, 26)  # the unit clock's WIB day


@pytest.fixture
def svc(ws) -> Service:
    return Service(ws)


@pytest.fixture
def cid(ws, actor) -> int:
    return ws.campaigns.create(actor.id, "Wawaran PBB", "Jatuh tempo PBB 2026").id


def test_a_schema_7_file_gains_an_empty_deadline_and_keeps_its_dispositions(tmp_path: Path):
    path = tmp_path / "lama.sqlite3"
    db = SqliteDatabase(str(path))
    db.connect()
    assert apply_migrations(db, up_to=7) == list(range(1, 8))
    db.execute_sql("INSERT INTO staff (name, lane, created_at) VALUES ('Rina', 'subkor', '2026-01-01')")
    db.execute_sql("INSERT INTO sop_version (sop_id, version, checksum, definition, registered_at) "
                   "VALUES ('sop', '1', 'abc', '{}', '2026-01-01')")
    db.execute_sql("INSERT INTO campaign (title, sop_id, created_at, created_by_id, updated_at) "
                   "VALUES ('Lama', 1, '2026-01-01', 1, '2026-01-01')")
    db.execute_sql("INSERT INTO disposition (campaign_id, disposed_on, sifat, hal, agenda_number) "
                   "VALUES (1, '2026-01-02', 'Segera', 'Hal lama', '001/DIKP/2026')")
    db.close()

    migrated = open_database(path)
    assert schema_version(migrated) == LATEST_VERSION >= 8
    assert migrated.execute_sql("SELECT disposed_on, sifat, hal, agenda_number, due_on FROM disposition").fetchall() \
        == [("2026-01-02", "Segera", "Hal lama", "001/DIKP/2026", None)]
    assert "due_on" in {c.name for c in migrated.get_columns("disposition")}
    close_database()


def test_the_deadline_is_stored_read_and_cleared(ws, svc, actor, cid):
    record = svc.get(cid)
    assert record.due_on is None and record.draft().due_on is None  # not stored yet: none
    record = svc.save(actor.id, cid, record.draft()._replace(due_on=date(2026, 11, 30)))
    assert record.due_on == date(2026, 11, 30)
    assert Disposition.get(Disposition.campaign == cid).due_on == date(2026, 11, 30)
    assert svc.save(actor.id, cid, record.draft()._replace(due_on=TODAY), version=record.version).due_on == TODAY
    cleared = svc.save(actor.id, cid, svc.get(cid).draft()._replace(due_on=None))
    assert cleared.due_on is None and Disposition.get(Disposition.campaign == cid).due_on is None


def test_a_deadline_before_the_disposition_date_is_refused_and_nothing_is_lost(ws, svc, actor, cid):
    stored = svc.save(actor.id, cid, svc.get(cid).draft()._replace(due_on=date(2026, 11, 30), hal="Tetap"))
    with pytest.raises(ValidationError) as refused:
        svc.save(actor.id, cid, stored.draft()._replace(due_on=date(2026, 11, 25)))
    assert str(refused.value) == ("Tanggal penyelesaian (25/11/2026) tidak boleh sebelum tanggal disposisi "
                                  "(26/11/2026).")
    assert refused.value.field == "due_on"
    # moving the disposition past its deadline is refused the same way
    with pytest.raises(ValidationError, match=r"Tanggal penyelesaian \(30/11/2026\) tidak boleh sebelum tanggal "
                                              r"disposisi \(01/12/2026\)\."):
        svc.save(actor.id, cid, stored.draft()._replace(disposed_on=date(2026, 12, 1)))
    after = svc.get(cid)
    assert (after.due_on, after.disposed_on, after.hal, after.version) == (date(2026, 11, 30), TODAY, "Tetap",
                                                                           stored.version)


def test_a_deadline_saved_on_another_pc_first_is_a_conflict_with_both_texts(ws, svc, actor, cid):
    first = svc.save(actor.id, cid, svc.get(cid).draft())
    svc.save(actor.id, cid, first.draft()._replace(due_on=date(2026, 12, 3)), version=first.version)  # the other PC
    with pytest.raises(ConflictError) as conflict:
        svc.save(actor.id, cid, first.draft()._replace(due_on=date(2026, 12, 1)), version=first.version)
    assert conflict.value.theirs["Tanggal penyelesaian"] == "03/12/2026"
    assert svc.get(cid).due_on == date(2026, 12, 3)  # the other PC's stays
    mine = disposition.labelled(first.draft()._replace(due_on=date(2026, 12, 1)))
    assert mine["Tanggal penyelesaian"] == "01/12/2026"
    assert list(mine) == list(disposition.LABELS.values())  # compared field by field, in the form's order


def test_sifat_are_offered_most_urgent_first_and_the_default_stays_biasa(ws, svc, actor, cid):
    assert SIFAT == ("Sangat Segera", "Segera", "Rahasia", "Biasa")
    assert svc.get(cid).sifat == "Biasa" and DispositionDraft(disposed_on=TODAY).sifat == "Biasa"
    for sifat in SIFAT:
        assert svc.save(actor.id, cid, svc.get(cid).draft()._replace(sifat=sifat)).sifat == sifat
