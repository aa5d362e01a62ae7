"""History nobody can rewrite unseen (issue 13): every event and audit entry is chained by hash
and the head is anchored; tampering by plain SQL — an edited, deleted, inserted or reordered row,
the newest entries cut off — is reported naming the place. Real SQLite files (the sqlite3 module
does the tampering) and, in test_pg_history_chain.py, a real PostgreSQL server (psycopg as the
superuser)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from wawaran_desktop.db import history_chain
from wawaran_desktop.db.connection import close_database, open_database
from wawaran_desktop.db.history_models import HistoryAnchor, HistoryLink
from wawaran_desktop.db.migrations import apply_migrations
from wawaran_desktop.db.models import AuditEntry, Step, StepEvent
from wawaran_desktop.services.history import HistoryService
from wawaran_desktop.services.workspace import open_workspace

ROOT = Path(__file__).resolve().parents[2]


def tamper(ws, *statements: str) -> None:
    """Run SQL beside the application: sqlite3 on the file, or psycopg on the server."""
    if ws.database_url:
        import psycopg

        with psycopg.connect(ws.database_url) as conn:
            for statement in statements:
                conn.execute(statement)
    else:
        con = sqlite3.connect(ws.db_path)
        for statement in statements:
            con.execute(statement)
        con.commit()
        con.close()


@pytest.fixture
def campaign(ws, actor, clock):
    """A campaign with events of two steps and audit entries between them."""
    cid = ws.campaigns.create(actor.id, "Wawaran PBB").id
    clock.advance(minutes=5)
    ws.steps.start(actor.id, cid, 1)
    for action in (ws.steps.pause, ws.steps.resume, ws.steps.pause):
        clock.advance(minutes=5)
        action(actor.id, cid, 1, "rapat")
    clock.advance(minutes=1)
    ws.campaigns.rename(actor.id, cid, "Wawaran PBB 2026")
    clock.advance(minutes=1)
    ws.steps.start(actor.id, cid, 2, "data menyusul")
    return cid


def history_rows() -> int:
    return StepEvent.select().count() + AuditEntry.select().count()


def link_of(kind: str, row_id: int) -> HistoryLink:
    return HistoryLink.get((HistoryLink.kind == kind) & (HistoryLink.row_id == row_id))


def test_events_and_audit_entries_form_one_chain_that_verifies(ws, actor, campaign):
    check = HistoryService(ws).verify()
    assert check.whole, check.message
    assert check.entries == history_rows() == 7  # create, 4 events of step 1, rename, start of step 2
    kinds = [link.kind for link in HistoryLink.select().order_by(HistoryLink.position)]
    assert kinds[0] == "audit_entry" and "step_event" in kinds  # interleaved in the order written
    assert [l.position for l in HistoryLink.select().order_by(HistoryLink.position)] == list(range(1, 8))
    event = StepEvent.select().first()
    assert (event.actor_name, event.actor_lane) == ("Rina Wulandari", "subkor")
    assert f"{check.entries} entri" in check.message
    head = HistoryService(ws).head()
    assert head.entries == 7 and check.head == head and head.line.startswith("Rantai riwayat: 7 entri, kepala ")


def test_an_edited_row_is_named(ws, campaign):
    event = StepEvent.select().order_by(StepEvent.id).offset(1).first()
    tamper(ws, f"UPDATE step_event SET reason = 'tidak ada' WHERE id = {event.id}")
    check = HistoryService(ws).verify()
    assert not check.whole
    position = link_of("step_event", event.id).position
    assert f"Entri ke-{position} (peristiwa tahap id {event.id}, kampanye {campaign}" in check.message
    assert "berubah" in check.message


def test_a_deleted_row_is_named(ws, campaign):
    entry = AuditEntry.get(AuditEntry.action == "rename")
    position = link_of("audit_entry", entry.id).position
    tamper(ws, f"DELETE FROM audit_entry WHERE id = {entry.id}")
    check = HistoryService(ws).verify()
    assert not check.whole
    assert f"Entri ke-{position} (catatan audit id {entry.id}, kampanye {campaign}) dihapus." in check.message


def test_a_row_inserted_without_a_link_is_named(ws, actor, campaign):
    step = Step.get((Step.campaign == campaign) & (Step.no == 2))
    tamper(ws, "INSERT INTO step_event (id, step_id, kind, at, actor_id, actor_name, actor_lane) VALUES "
               f"(500, {step.id}, 'finish', '2026-11-26 02:00:00', {actor.id}, 'Rina Wulandari', 'subkor')")
    check = HistoryService(ws).verify()
    assert not check.whole
    assert f"1 baris disisipkan tanpa tautan rantai; yang pertama: peristiwa tahap id 500, kampanye {campaign}" \
        in check.message


def test_two_rows_reordered_are_named(ws, campaign):
    first, second = [e.id for e in StepEvent.select().order_by(StepEvent.id).limit(2)]
    tamper(ws, f"UPDATE step_event SET id = -1 WHERE id = {first}",
           f"UPDATE step_event SET id = {first} WHERE id = {second}",
           f"UPDATE step_event SET id = {second} WHERE id = -1")
    check = HistoryService(ws).verify()
    assert not check.whole
    position = link_of("step_event", first).position
    assert check.message.splitlines()[1].startswith(f"- Entri ke-{position} (peristiwa tahap id {first}")


def test_the_newest_entries_cut_off_are_reported(ws, campaign):
    HistoryService(ws).anchor("report", campaign)  # a report printed: the head kept outside the chain
    newest = list(HistoryLink.select().order_by(HistoryLink.position.desc()).limit(2))
    statements = [f"DELETE FROM {link.kind} WHERE id = {link.row_id}" for link in newest]
    statements.append(f"DELETE FROM history_link WHERE position >= {newest[-1].position}")
    tamper(ws, *statements)
    check = HistoryService(ws).verify()
    assert not check.whole
    assert "Entri terbaru dipotong" in check.message
    assert "mencatat 7 entri, rantai kini hanya 5 (entri ke-6 dst. hilang)" in check.message


def test_a_rewritten_and_recomputed_chain_differs_from_its_anchor(ws, campaign):
    HistoryService(ws).anchor("report", campaign)
    event = StepEvent.select().order_by(StepEvent.id).first()
    tamper(ws, f"UPDATE step_event SET reason = 'ditulis ulang' WHERE id = {event.id}")
    # recompute every link after the edit, as someone who knows the chain's rule would
    from wawaran_desktop.db.models import database

    links = history_chain.links(database)
    rows = {k: {r.row_id: r for r in history_chain.read_rows(database, k)} for k in history_chain.KINDS}
    previous, fixed = None, []
    for link in links:
        previous = history_chain.digest(previous, link.position, rows[link.kind][link.row_id])
        fixed.append(f"UPDATE history_link SET digest = '{previous}' WHERE position = {link.position}")
    tamper(ws, *fixed)
    check = HistoryService(ws).verify()
    assert not check.whole
    assert "tidak sama dengan jangkar" in check.message


def test_an_anchor_every_few_entries_and_the_chain_kept_by_the_writers(ws, actor, clock):
    for n in range(history_chain.ANCHOR_EVERY + 1):
        clock.advance(seconds=1)
        ws.campaigns.create(actor.id, f"Wawaran {n}")
    anchors = list(HistoryAnchor.select())
    assert [(a.entries, a.reason) for a in anchors] == [(history_chain.ANCHOR_EVERY, "entries")]
    assert HistoryService(ws).verify().whole


def test_a_renamed_person_keeps_past_records_and_the_rename_is_audited(ws, actor, campaign):
    ws.staff.update(actor.id, "Rina W. Santoso", None, actor.position, actor.lane, True, actor_id=actor.id)
    record = ws.campaigns.get(campaign)
    assert {e.actor_name for e in record.step(1).events} == {"Rina Wulandari"}
    rename = AuditEntry.get(AuditEntry.action == "staff_rename")
    assert rename.detail == f"petugas {actor.id}: Rina Wulandari -> Rina W. Santoso"
    clock_events = StepEvent.select().count()
    ws.steps.pause(actor.id, campaign, 2, "istirahat")
    assert StepEvent.select().count() == clock_events + 1
    assert StepEvent.select().order_by(StepEvent.id.desc()).first().actor_name == "Rina W. Santoso"
    assert HistoryService(ws).verify().whole


# --- the command line, two writers, the migration (SQLite; the server's in test_pg_history_chain.py) --

def verify_cli(data_dir: Path, url: str | None = None) -> subprocess.CompletedProcess:
    args = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir)]
    if url:
        args += ["--database", url]
    return subprocess.run([*args, "verify-history"], capture_output=True, text=True, timeout=120)


def test_verify_history_exits_0_when_whole_and_2_when_not(ws, data_dir, campaign):
    url = ws.database_url
    ok = verify_cli(data_dir, url)
    assert ok.returncode == 0, ok.stderr
    assert "Riwayat utuh: 7 entri berantai" in ok.stdout
    entry = AuditEntry.get(AuditEntry.action == "create")
    tamper(ws, f"UPDATE audit_entry SET detail = 'palsu' WHERE id = {entry.id}")
    bad = verify_cli(data_dir, url)
    assert bad.returncode == 2
    assert "Riwayat TIDAK utuh" in bad.stderr and f"catatan audit id {entry.id}" in bad.stderr


WRITER = """
import sys
from wawaran_desktop.services.workspace import open_workspace
data_dir, url, actor, own, shared, no = sys.argv[1], sys.argv[2] or None, *map(int, sys.argv[3:7])
ws = open_workspace(data_dir, database_url=url)
for _ in range(15):
    for cid, step in ((own, 1), (shared, no)):
        ws.steps.pause(actor, cid, step, "jeda")
        ws.steps.resume(actor, cid, step, None)
ws.close()
"""


def race(data_dir: Path, url: str | None) -> None:
    ws = open_workspace(data_dir, database_url=url)
    actor = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor").id
    own = [ws.campaigns.create(actor, f"Wawaran {n}").id for n in range(2)]
    shared = ws.campaigns.create(actor, "Wawaran bersama").id
    for cid in own:
        ws.steps.start(actor, cid, 1)
    ws.steps.start(actor, shared, 1)
    ws.steps.start(actor, shared, 2, "paralel")
    ws.close()
    workers = [subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), url or "", str(actor), str(own[i]),
                                 str(shared), str(i + 1)], stderr=subprocess.PIPE, text=True) for i in range(2)]
    errors = [w.communicate(timeout=180)[1] for w in workers]
    assert [w.returncode for w in workers] == [0, 0], errors
    ws = open_workspace(data_dir, database_url=url)
    try:
        check = HistoryService(ws).verify()
        assert check.whole, check.message
        assert check.entries == history_rows() == 3 + 4 + 2 * 15 * 4
    finally:
        ws.close()


def test_two_processes_keep_one_unbroken_chain_on_one_file(tmp_path):
    race(tmp_path / "data", None)


def test_two_processes_keep_one_unbroken_chain_on_one_server(tmp_path, pg_url):
    race(tmp_path / "data", pg_url)


@pytest.mark.parametrize("older", [4, 5])
def test_the_migration_links_the_history_of_an_older_file(tmp_path, older):
    path = tmp_path / "old.sqlite3"
    db = SqliteDatabase(str(path))
    db.connect()
    apply_migrations(db, up_to=older)
    for statement in (
        "INSERT INTO staff (id, name, lane, created_at) VALUES (1, 'Lama', 'subkor', '2026-01-01 00:00:00')",
        "INSERT INTO sop_version (id, sop_id, version, checksum, definition, registered_at) "
        "VALUES (1, 's', '1', 'c', '{}', '2026-01-01 00:00:00')",
        "INSERT INTO campaign (id, title, sop_id, created_at, created_by_id, updated_at) "
        "VALUES (1, 'Lama', 1, '2026-01-02 00:00:00', 1, '2026-01-02 00:00:00')",
        "INSERT INTO step (id, campaign_id, no, standard_minutes) VALUES (1, 1, 1, 30)",
        "INSERT INTO audit_entry (id, at, actor_id, campaign_id, action, detail) "
        "VALUES (1, '2026-01-02 00:00:00', 1, 1, 'create', 'Lama')",
        "INSERT INTO step_event (id, step_id, kind, at, actor_id) VALUES (1, 1, 'start', '2026-01-02 00:00:00', 1)",
        "INSERT INTO step_event (id, step_id, kind, at, actor_id) VALUES (2, 1, 'finish', '2026-01-02 00:30:00.5', 1)",
        "INSERT INTO audit_entry (id, at, actor_id, campaign_id, action, detail) "
        "VALUES (2, '2026-01-02 00:10:00', 1, 1, 'assign', 'tahap 1')",
    ):
        db.execute_sql(statement)
    db.close()
    migrated = open_database(path)
    try:
        order = [(l.kind, l.row_id) for l in HistoryLink.select().order_by(HistoryLink.position)]
        assert order == [("audit_entry", 1), ("step_event", 1), ("audit_entry", 2), ("step_event", 2)]
        assert StepEvent.get_by_id(2).actor_name == "Lama" and AuditEntry.get_by_id(2).actor_lane == "subkor"
        assert [(a.entries, a.reason) for a in HistoryAnchor.select()] == [(4, "migration")]
        result = history_chain.verify(migrated)
        assert result.whole and result.entries == 4
    finally:
        close_database()


def test_a_printed_report_carries_the_anchored_head(ws, campaign, tmp_path):
    from docx import Document

    from wawaran_desktop.documents.report import write_report

    path = write_report(ws, campaign, tmp_path / "laporan.docx")
    head = HistoryService(ws).head()
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert f"Rantai riwayat: {head.entries} entri, kepala {head.digest[:8]}…" in text
    last = HistoryAnchor.select().order_by(HistoryAnchor.id.desc()).first()
    assert (last.entries, last.digest, last.reason, last.campaign_id) == (head.entries, head.digest, "report", campaign)
