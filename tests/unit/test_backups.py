"""Backups of a PC's own file (services/backups.py, db/backup.py), on real files: made under a
temporary name and checked, listed with WIB date, size and campaigns, kept by the office's rotation
on the workspace's clock, copied elsewhere, restored with the file in use set aside and the
history still whole; damaged, foreign and newer files refused with nothing written to them."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from wawaran_desktop.db import backup as engine
from wawaran_desktop.db.connection import close_database
from wawaran_desktop.db.migrations import LATEST_VERSION
from wawaran_desktop.db.models import AuditEntry
from wawaran_desktop.services import backups
from wawaran_desktop.services.backups import (
    AUTO,
    BEFORE_RESTORE,
    MANUAL,
    BackupEntry,
    BackupFailed,
    RestoreRefused,
    Rotation,
    kept_by_rotation,
    list_backups,
)
from wawaran_desktop.services.errors import RuleError, ValidationError
from wawaran_desktop.services.history import HistoryService
from wawaran_desktop.services.workspace import open_workspace


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def titles(ws) -> list[str]:
    return sorted(c.title for c in ws.campaigns.list())


def header_journal_bytes(path: Path) -> tuple[int, int]:
    """Bytes 18-19 of a SQLite header: 1/1 a rollback journal, 2/2 WAL."""
    with open(path, "rb") as stream:
        head = stream.read(20)
    return head[18], head[19]


def damage(path: Path, page: int) -> None:
    """Garbage over one page of a file (4 KiB pages), as a bad sector or a stray write leaves it."""
    with open(path, "r+b") as stream:
        stream.seek(page * 4096)
        stream.write(bytes((i * 37 + 11) % 256 for i in range(4096)))


def test_a_backup_is_a_checked_single_file_listed_with_wib_date_size_and_campaigns(ws, actor, clock):
    ws.campaigns.create(actor.id, "Sosialisasi PBB 2027")
    ws.campaigns.create(actor.id, "Vaksinasi Anak")
    clock.set(datetime(2026, 11, 26, 17, 30, tzinfo=timezone.utc))  # 00.30 WIB on the 27th
    entry = ws.backups.create()
    assert entry.path.parent == ws.data_dir / "backups"
    assert entry.name == "wawaran-manual-20261126T173000Z.sqlite3"  # the moment in UTC, machine-free
    assert sorted(p.name for p in entry.path.parent.iterdir()) == [entry.name]  # no .partial, no -journal
    assert header_journal_bytes(entry.path) == (1, 1)  # one file: no -wal to carry along
    assert engine.examine(entry.path) == engine.Facts(LATEST_VERSION, 2, entry.path.stat().st_size)
    [listed] = ws.backups.list(check=True)
    assert (listed.kind, listed.version, listed.campaigns, listed.size) == (MANUAL, LATEST_VERSION, 2,
                                                                            entry.path.stat().st_size)
    assert listed.when_text == "27 November 2026 pukul 00.30 WIB"  # WIB, whatever the machine's zone
    assert listed.kind_text == "Manual" and listed.campaigns_text == "2 kampanye"
    assert listed.size_text.endswith(" KB") and listed.usable


def test_two_backups_in_one_second_get_two_names(ws, actor):
    first, second = ws.backups.create(), ws.backups.create()
    assert first.path != second.path and second.name.endswith("-2.sqlite3")
    assert [e.path for e in ws.backups.list()] == [second.path, first.path]


def test_leftovers_of_killed_copies_are_ignored_and_old_ones_cleaned(ws, actor):
    folder = ws.data_dir / "backups"
    folder.mkdir()
    fresh = folder / "wawaran-manual-20261126T010000Z.sqlite3.partial"  # maybe another process's, writing
    stale = folder / "wawaran-otomatis-20261120T010000Z.sqlite3.partial"
    journal = folder / "wawaran-otomatis-20261120T010000Z.sqlite3.partial-journal"
    for path in (fresh, stale, journal):
        path.write_bytes(b"SQLite format 3\x00" + bytes(100))
    hour_ago = time.time() - 3600
    os.utime(stale, (hour_ago, hour_ago))
    os.utime(journal, (hour_ago, hour_ago))
    assert ws.backups.list() == []
    entry = ws.backups.create()
    assert [e.path for e in ws.backups.list()] == [entry.path]
    assert sorted(p.name for p in folder.iterdir()) == sorted([entry.name, fresh.name])


def test_the_rotation_keeps_7_daily_4_weekly_12_monthly_by_default():
    start = date(2026, 1, 1)
    entries = [BackupEntry(Path(f"/cadangan/{start + timedelta(days=i)}"), AUTO,
                           datetime.combine(start + timedelta(days=i), datetime.min.time(), timezone.utc)
                           + timedelta(hours=2), 1) for i in range(400)]  # to Thursday 4 February 2027
    others = [BackupEntry(Path("/cadangan/manual"), MANUAL, entries[0].at, 1)]
    kept = sorted(p.name for p in kept_by_rotation(entries + others, Rotation()))
    assert kept == [
        # monthly: the newest of each of the last 12 months (Feb 2027's and Jan's are also daily)
        "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30",
        "2026-10-31", "2026-11-30", "2026-12-31",
        # weekly: the newest of ISO weeks 2 and 3 of 2027 (weeks 4 and 5's are daily ones)
        "2027-01-17", "2027-01-24",
        # daily: the last 7 days
        "2027-01-29", "2027-01-30", "2027-01-31", "2027-02-01", "2027-02-02", "2027-02-03", "2027-02-04"]


def test_automatic_backups_follow_the_wib_day_and_the_offices_rotation_on_real_files(ws, actor, clock):
    ws.backups.set_rotation(actor.id, Rotation(daily=3, weekly=2, monthly=2), version=0)
    assert ws.backups.rotation() == (Rotation(3, 2, 2), 1)
    manual = ws.backups.create()
    clock.set(datetime(2026, 11, 26, 16, 59, tzinfo=timezone.utc))  # 23.59 WIB on the 26th
    assert ws.backups.run_automatic() is not None
    assert ws.backups.run_automatic() is None  # one a day
    clock.advance(minutes=2)  # 00.01 WIB on the 27th: a new WIB day, the same UTC day
    assert ws.backups.due()
    assert ws.backups.run_automatic() is not None
    for _ in range(38):  # a day at a time, to Monday 4 January 2027
        clock.advance(days=1)
        ws.campaigns.create(actor.id, f"Kampanye {clock.now():%Y-%m-%d}")
        assert ws.backups.run_automatic() is not None
    autos = [e for e in ws.backups.list() if e.kind == AUTO]
    # 3 daily (2-4 Jan), weekly: 4 Jan (ISO week 1) and 3 Jan (week 53), monthly: 4 Jan and 31 Dec
    assert [e.when_text.split(" pukul")[0] for e in autos] == ["4 Januari 2027", "3 Januari 2027", "2 Januari 2027",
                                                  "31 Desember 2026"]
    assert [e.campaigns for e in autos] == [38, 37, 36, 34]  # each the day's file
    assert manual.path.exists()  # rotation removes only automatic ones


def test_the_rotation_setting_is_checked_audited_and_refused_when_stale(ws, actor):
    with pytest.raises(ValidationError, match="harian harus antara 1 dan 366"):
        ws.backups.set_rotation(actor.id, Rotation(daily=0))
    assert ws.backups.rotation() == (Rotation(7, 4, 12), 0)  # the defaults, not stored
    ws.backups.set_rotation(actor.id, Rotation(10, 4, 12), version=0)
    last = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert (last.action, last.actor_id) == ("setting", actor.id) and last.detail.startswith("backup.rotation=")
    with pytest.raises(Exception, match="Rotasi cadangan"):  # another PC's save came first
        ws.backups.set_rotation(actor.id, Rotation(5, 4, 12), version=0)
    assert ws.backups.rotation()[0] == Rotation(10, 4, 12)


def test_restore_sets_the_file_aside_records_itself_and_the_history_still_verifies(ws, actor, clock):
    kept = ws.campaigns.create(actor.id, "Sosialisasi PBB 2027")
    ws.steps.start(actor.id, kept.id, 1)
    backup = ws.backups.create()
    clock.advance(hours=2)
    ws.campaigns.create(actor.id, "Dibuat setelah cadangan")
    before = HistoryService(ws).verify()
    clock.advance(minutes=5)
    result = ws.backups.restore(backup.path, actor.id)
    assert titles(ws) == ["Sosialisasi PBB 2027"]  # the workspace reads the restored file at once
    assert result.message.startswith("Cadangan 26 November 2026 pukul 08.00 WIB (1 kampanye) dipulihkan.")
    aside = result.set_aside
    assert aside is not None and aside.parent == ws.data_dir / "backups"
    assert aside.name == "wawaran-sebelum-pemulihan-20261126T030500Z.sqlite3"
    assert engine.examine(aside).campaigns == 2  # what was in use, kept as a backup of its own
    assert [e.kind for e in ws.backups.list()] == [BEFORE_RESTORE, MANUAL]
    check = HistoryService(ws).verify()
    assert check.whole, check.message
    assert check.entries == before.entries  # the backup's entries (1 fewer) and the restore's
    last = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert last.action == "restore" and last.actor_id == actor.id and last.actor_name == actor.name
    assert backup.name in last.detail and aside.name in last.detail
    anchors = ws.data_dir / "wawaran.sqlite3"
    con = sqlite3.connect(anchors)
    try:
        assert con.execute("SELECT reason, entries FROM history_anchor ORDER BY id DESC").fetchone() == \
            ("restore", check.entries)
    finally:
        con.close()


def test_a_restored_file_survives_a_restart_and_keeps_no_old_journal(ws, actor, restart):
    ws.campaigns.create(actor.id, "Satu")
    backup = ws.backups.create()
    for i in range(20):
        ws.campaigns.create(actor.id, f"Sesudah {i}")  # in the old file's -wal until a checkpoint
    ws.backups.restore(backup.path, actor.id)
    ws = restart(ws)
    assert titles(ws) == ["Satu"]
    assert HistoryService(ws).verify().whole


def test_restore_needs_an_administrator_once_the_file_has_accounts(ws, actor):
    other = ws.staff.add("Dedi Kurnia", "19900101 201501 1 001", "Pranata Humas", "tim")
    ws.accounts.create_first_admin(actor.id, "rina", "sandi-yang-panjang-1")
    ws.accounts.create(actor.id, other.id, "dedi")
    backup = ws.backups.create()
    with pytest.raises(RuleError, match="hanya administrator"):
        ws.backups.check_may_restore(other.id)  # asked before the window closes for it
    with pytest.raises(RuleError, match="hanya administrator"):
        ws.backups.restore(backup.path, other.id)
    ws.backups.check_may_restore(actor.id)
    assert ws.backups.restore(backup.path, actor.id).restored.path == backup.path


def test_the_full_check_on_demand_finds_damage_and_names_the_way_out(ws, actor):
    ws.campaigns.create(actor.id, "Sosialisasi PBB 2027")
    whole = ws.backups.check()
    assert whole.ok and whole.full and whole.campaigns == 1 and "lengkap" in whole.message
    assert ws.backups.check(full=False).ok and not ws.backups.check(full=False).full
    good = ws.backups.create()
    ws.close()
    damage(ws.db_path, page=2)
    found = ws.backups.check()
    assert not found.ok and found.newest_good is not None and found.newest_good.path == good.path
    assert found.way_out.startswith("Jalan keluar:")


def test_anybody_may_restore_a_folder_without_accounts(ws, actor):
    ws.backups.check_may_restore(actor.id)
    ws.backups.check_may_restore(None)


def test_a_damaged_backup_is_refused_and_nothing_changes(ws, actor):
    ws.campaigns.create(actor.id, "Sosialisasi PBB 2027")
    backup = ws.backups.create()
    damage(backup.path, page=backup.path.stat().st_size // 4096 // 2)
    [listed] = ws.backups.list(check=True)
    assert not listed.usable and "rusak" in listed.problem
    ws.campaigns.create(actor.id, "Sesudah")
    with pytest.raises(RestoreRefused) as refused:
        ws.backups.restore(backup.path, actor.id)
    message = str(refused.value)
    assert "rusak" in message and "Basis data sekarang tidak diubah" in message
    assert not any(word in message.lower() for word in ("malformed", "btree", "disk image", "tree page"))
    assert titles(ws) == ["Sesudah", "Sosialisasi PBB 2027"]  # the workspace is open on the same file
    assert [e.path for e in list_backups(ws.data_dir, read=False)] == [backup.path]  # nothing set aside
    assert ws.backups.newest_good() is None


@pytest.mark.parametrize("kind", ["foreign", "newer", "not-sqlite"])
def test_a_foreign_newer_or_non_sqlite_file_is_refused_before_anything_is_written_to_it(ws, actor, tmp_path, kind):
    offered = tmp_path / "tawaran" / "cadangan.sqlite3"
    offered.parent.mkdir()
    if kind == "not-sqlite":
        offered.write_bytes(b"PK\x03\x04 bukan basis data" * 100)
    else:
        con = sqlite3.connect(offered)
        con.execute("PRAGMA journal_mode=wal")
        if kind == "foreign":  # another program's file that also sets user_version (issue 16)
            con.execute("CREATE TABLE pelanggan (id INTEGER PRIMARY KEY, nama TEXT)")
            con.execute("PRAGMA user_version = 2")
        else:
            for table in engine.OWN_TABLES_6:
                con.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY)")
            con.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
        con.commit()
        con.close()
    before = sha256(offered)
    ws.campaigns.create(actor.id, "Tetap")
    with pytest.raises(RestoreRefused) as refused:
        ws.backups.restore(offered, actor.id)
    expected = {"foreign": "bukan milik Wawaran Desktop", "newer": "lebih baru",
                "not-sqlite": "rusak"}[kind]
    assert expected in str(refused.value) and "tidak diubah" in str(refused.value)
    assert sha256(offered) == before
    assert sorted(p.name for p in offered.parent.iterdir()) == ["cadangan.sqlite3"]  # no -wal, -shm, -journal
    assert titles(ws) == ["Tetap"] and list_backups(ws.data_dir) == []


def test_a_file_in_use_that_is_damaged_is_moved_aside_as_it_is_and_the_backup_restored(ws, actor, clock):
    ws.campaigns.create(actor.id, "Sosialisasi PBB 2027")
    backup = ws.backups.create()
    for i in range(30):
        ws.campaigns.create(actor.id, f"Sesudah {i}")
    db_path = ws.db_path
    ws.close()
    size = db_path.stat().st_size
    damage(db_path, page=size // 4096 - 3)
    with pytest.raises(Exception):  # the application cannot use it (the integrity check tells it plainly)
        probe = sqlite3.connect(db_path)
        try:
            assert engine.integrity_problems(probe) == []
        finally:
            probe.close()
    result = backups.restore_into(ws.data_dir, backup.path, clock.now, None)
    try:
        assert result.set_aside is not None and result.set_aside.name.endswith("-rusak.sqlite3")
        assert result.set_aside.stat().st_size == size  # moved as it was
        ws2 = open_workspace(ws.data_dir, clock=clock.now)
        assert titles(ws2) == ["Sosialisasi PBB 2027"]
        assert HistoryService(ws2).verify().whole
        last = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
        assert last.action == "restore" and "tanpa masuk" in last.detail
    finally:
        close_database()


def test_a_backup_is_copied_to_another_folder_checked_and_the_original_only_read(ws, actor, tmp_path):
    ws.campaigns.create(actor.id, "Sosialisasi PBB 2027")
    backup = ws.backups.create()
    usb = tmp_path / "USB"
    usb.mkdir()
    before = sha256(backup.path)
    copy = ws.backups.copy_to(backup.path, usb)
    assert copy == usb / backup.name and sha256(copy) == before == sha256(backup.path)
    assert sorted(p.name for p in usb.iterdir()) == [backup.name]
    with pytest.raises(BackupFailed, match="tidak ada"):
        ws.backups.copy_to(backup.path, tmp_path / "lepas")
    damage(backup.path, page=backup.path.stat().st_size // 4096 // 2)
    with pytest.raises(BackupFailed, match="rusak"):
        ws.backups.copy_to(backup.path, tmp_path)


def test_backups_taken_while_another_process_writes_are_each_consistent(ws, actor, tmp_path):
    """A writer process creates campaigns (each with its nine steps and chained audit entry) while
    backups are taken: every copy is whole, holds only whole campaigns, and its history verifies."""
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(ws.data_dir), str(actor.id), "150"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "siap"
        copies = []
        while writer.poll() is None or len(copies) < 3:
            copies.append(ws.backups.create())
        out, err = writer.communicate(timeout=60)
    finally:
        writer.kill()
    assert writer.returncode == 0, err
    counts = []
    for i, entry in enumerate(copies):
        folder = tmp_path / f"salinan{i}"
        folder.mkdir()
        (folder / "wawaran.sqlite3").write_bytes(entry.path.read_bytes())
        close_database()
        copy_ws = open_workspace(folder)
        try:
            campaigns = copy_ws.campaigns.count()
            steps = sqlite3.connect(folder / "wawaran.sqlite3").execute("SELECT COUNT(*) FROM step").fetchone()[0]
            assert steps == 9 * campaigns  # no campaign without its steps: one moment of every table
            assert HistoryService(copy_ws).verify().whole
            counts.append(campaigns)
        finally:
            copy_ws.close()
    assert counts == sorted(counts) and counts[-1] == 150 and counts[0] < 150  # taken during the writes


WRITER = """
import sys
from wawaran_desktop.services.workspace import open_workspace
ws = open_workspace(sys.argv[1])
print("siap", flush=True)
for i in range(int(sys.argv[3])):
    ws.campaigns.create(int(sys.argv[2]), f"Kampanye {i}")
ws.close()
"""


def test_a_backup_of_an_older_schema_is_migrated_as_it_is_restored(ws, actor, tmp_path):
    from peewee import SqliteDatabase

    from wawaran_desktop.db.migrations import apply_migrations

    older = tmp_path / "lama" / "wawaran-manual-20260101T010000Z.sqlite3"
    older.parent.mkdir()
    db = SqliteDatabase(str(older))
    db.connect()
    apply_migrations(db, up_to=7)
    db.execute_sql("INSERT INTO staff (name, lane, created_at) VALUES ('Petugas Lama', 'tim', '2026-01-01')")
    db.close()
    ws.campaigns.create(actor.id, "Sekarang")
    result = ws.backups.restore(older, actor.id)
    assert result.version == 7 and titles(ws) == []
    assert [s.name for s in ws.staff.list(include_inactive=True)] == ["Petugas Lama"]
    assert engine.examine(ws.db_path.parent / "backups" / result.set_aside.name).campaigns == 1
    assert HistoryService(ws).verify().whole
    kinds = sorted(e.kind for e in ws.backups.list())
    assert kinds == ["sebelum-pembaruan", BEFORE_RESTORE]  # the copy taken before its migration too
    assert sorted(p.name for p in ws.data_dir.iterdir() if p.is_file()) == [
        "wawaran.sqlite3", "wawaran.sqlite3-shm", "wawaran.sqlite3-wal"]  # nothing of the restore left
