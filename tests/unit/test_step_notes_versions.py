"""A step's notes ("Catatan" on every stage tab) carry a version (services/steps.py set_notes):
a save based on notes another PC stored meanwhile is refused with theirs, on a real database.
Only a notes save raises the version, so starting, pausing, finishing, assigning or ticking the
step while someone types notes never refuses them."""

from __future__ import annotations

import pytest
from peewee import SqliteDatabase
from stage_content import fill_stage

from wawaran_desktop.db.connection import open_database
from wawaran_desktop.db.migrations import apply_migrations
from wawaran_desktop.db.models import Campaign, Step
from wawaran_desktop.services.errors import ConflictError


@pytest.fixture
def cid(ws, actor):
    return ws.campaigns.create(actor.id, "Sosialisasi PBB 2027").id


def notes_of(ws, cid, no):
    step = ws.campaigns.get(cid).step(no)
    return step.notes, step.notes_version


def test_a_new_campaign_reads_its_steps_notes_at_version_1(ws, cid):
    steps = ws.campaigns.get(cid).steps
    assert steps and {(s.notes, s.notes_version) for s in steps} == {("", 1)}
    assert Step.select().where(Step.version != 1).count() == 0


def test_two_notes_saves_on_one_version_keep_the_first_and_refuse_the_second(ws, cid, actor):
    # step 3 is the Kepala Bidang's, the Sub Kor (the actor) supports it (services/lanes.py)
    other = ws.staff.add("Hendra Gunawan", "19700805 199503 1 002", "Kepala Bidang DIKP", "kabid")
    _, read = notes_of(ws, cid, 3)  # both PCs read the notes at this version
    assert ws.steps.set_notes(other.id, cid, 3, "Catatan PC lain.", version=read) == read + 1
    with pytest.raises(ConflictError) as caught:
        ws.steps.set_notes(actor.id, cid, 3, "Catatan saya.", version=read)
    assert notes_of(ws, cid, 3) == ("Catatan PC lain.", read + 1)  # nothing of mine stored
    error = caught.value
    assert error.version == read + 1
    assert error.theirs == {"Catatan": "Catatan PC lain."}
    assert str(error).startswith("Catatan tahap 3 diubah") and "di komputer lain" in str(error)
    # Keep mine, now knowingly: over the version the refusal carried.
    assert ws.steps.set_notes(actor.id, cid, 3, "Catatan saya.", version=error.version) == read + 2
    assert notes_of(ws, cid, 3) == ("Catatan saya.", read + 2)


def test_each_steps_notes_have_their_own_version(ws, cid, actor):
    ws.steps.set_notes(actor.id, cid, 2, "Tahap dua.", version=1)
    assert ws.steps.set_notes(actor.id, cid, 3, "Tahap tiga.", version=1) == 2
    assert notes_of(ws, cid, 2) == ("Tahap dua.", 2)


def test_step_changes_while_notes_are_typed_do_not_refuse_them(ws, cid, actor, clock):
    other = ws.staff.add("Budi Santoso", "19900101 201501 1 002", "Pranata Humas", "tim")
    _, read = notes_of(ws, cid, 1)
    # Meanwhile the other PC works the step: start, tick, assign, pause, resume, finish, reopen.
    ws.steps.start(other.id, cid, 1)
    clock.advance(minutes=1)
    ws.steps.set_checked(other.id, cid, 1, 0, True)
    ws.steps.assign(other.id, cid, 1, other.id)
    clock.advance(minutes=1)
    ws.steps.pause(other.id, cid, 1, "Menunggu kendaraan")
    clock.advance(minutes=1)
    ws.steps.resume(other.id, cid, 1)
    clock.advance(minutes=1)
    fill_stage(ws, other.id, cid, 1)  # the stage's content (a data item), which finishing needs
    ws.steps.finish(other.id, cid, 1)
    clock.advance(minutes=1)
    ws.steps.reopen(other.id, cid, 1, "Data kurang")
    assert notes_of(ws, cid, 1) == ("", read)  # none of that is a notes save
    assert ws.steps.set_notes(actor.id, cid, 1, "Data dari Prokomp lengkap.", version=read) == read + 1
    step = ws.campaigns.get(cid).step(1)
    assert step.notes == "Data dari Prokomp lengkap." and step.assignee_id == other.id and step.checked == {0}


def test_a_save_without_a_version_stores_whatever_is_stored(ws, cid):
    """The demo and the command line read and write at once: no version, no check."""
    writer = ws.staff.add("Budi Santoso", "19900101 201501 1 002", "Pranata Humas", "tim")  # step 4: the Tim's
    ws.steps.set_notes(writer.id, cid, 4, "Pertama.", version=1)
    assert ws.steps.set_notes(writer.id, cid, 4, "Kedua.") == 3
    assert notes_of(ws, cid, 4) == ("Kedua.", 3)


def test_a_refused_notes_save_changes_nothing_else(ws, cid, actor, clock):
    ws.steps.set_notes(actor.id, cid, 5, "Pertama.", version=1)
    before = Campaign.get_by_id(cid)
    clock.advance(minutes=5)
    with pytest.raises(ConflictError):
        ws.steps.set_notes(actor.id, cid, 5, "Basi.", version=1)
    after = Campaign.get_by_id(cid)
    assert ws.campaigns.get(cid).step(5).notes == "Pertama."
    assert (after.version, after.updated_at) == (before.version, before.updated_at)


def test_steps_of_a_version_3_file_get_notes_version_1(tmp_path):
    """Schema 4 gives step a version: rows written before it start at 1 and keep their notes."""
    path = tmp_path / "wawaran.sqlite3"
    db = SqliteDatabase(str(path))
    db.connect()
    apply_migrations(db, up_to=3)
    db.execute_sql("INSERT INTO staff (id, name, lane, created_at) VALUES (1, 'Lama', 'tim', '2026-01-01')")
    db.execute_sql("INSERT INTO sop_version (id, sop_id, version, checksum, definition, registered_at) "
                   "VALUES (1, 'sop', '1', 'x', '{}', '2026-01-01')")
    db.execute_sql("INSERT INTO campaign (id, title, sop_id, created_at, created_by_id, updated_at) "
                   "VALUES (1, 'Lama', 1, '2026-01-01', 1, '2026-01-01')")
    db.execute_sql("INSERT INTO step (campaign_id, no, standard_minutes, notes) VALUES (1, 1, 20, 'Catatan lama')")
    db.close()
    migrated = open_database(path)
    try:
        assert migrated.execute_sql("SELECT notes, version FROM step").fetchall() == [("Catatan lama", 1)]
    finally:
        migrated.close()
