"""The integrity check (services/integrity.py) on real files: a whole file passes; damaged pages of
the report table (issue 16: ``list``, ``workbook`` and ``report`` succeeded on such a file) are found
by the quick check meant for start-up and by the full one, told in Indonesian with the way out — the
newest good backup, named — while a damaged newer backup is passed over."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from damage import damage_table, fill_reports  # tests/damage.py

from wawaran_desktop.services import backups
from wawaran_desktop.services.integrity import check, full_check, quick_check






def test_a_whole_file_passes_both_checks(ws, actor):
    ws.campaigns.create(actor.id, "Sosialisasi PBB 2027")
    for result in (quick_check(ws.data_dir), full_check(ws.data_dir)):
        assert result.ok and not result.way_out and result.campaigns == 1
        assert result.message.startswith("Basis data utuh: pemeriksaan keutuhan")
    assert "cepat" in quick_check(ws.data_dir).message and "lengkap" in full_check(ws.data_dir).message


def test_damaged_report_pages_are_found_and_the_newest_good_backup_is_the_way_out(ws, actor, clock):
    ids = [ws.campaigns.create(actor.id, f"Kampanye {i}").id for i in range(30)]
    fill_reports(ws.db_path, ids)
    good = ws.backups.create()
    clock.advance(days=1)
    newer = ws.backups.create()
    damage_table(newer.path, "report", 3)  # a damaged newer copy is not the way out
    assert list_reads_fine(ws.db_path)
    damaged = damage_table(ws.db_path, "report", 25)
    assert len(damaged) == 25
    assert list_reads_fine(ws.db_path)  # what issue 16 saw: the campaign list still reads
    for result in (quick_check(ws.data_dir), full_check(ws.data_dir)):
        assert not result.ok
        assert "RUSAK" in result.message and "tidak boleh dipakai terus" in result.message
        assert result.problems  # SQLite's own words, kept for the error log, not in the message
        assert not any(word in result.text for word in ("btree", "Tree ", "malformed", "Page "))
        assert result.newest_good is not None and result.newest_good.path == good.path
        assert result.way_out.startswith("Jalan keluar: pulihkan cadangan baik terbaru, 26 November 2026 pukul "
                                         "08.00 WIB (30 kampanye)")
        assert f'python main.py restore "{good.path}"' in result.way_out
        assert "Cadangan & Pemulihan" in result.way_out
    result = ws.backups.restore(good.path, actor.id)
    assert "dipulihkan" in result.message and full_check(ws.data_dir).ok


def list_reads_fine(db_path: Path) -> bool:
    con = sqlite3.connect(db_path)
    try:
        return len(con.execute("SELECT id, title FROM campaign").fetchall()) == 30
    finally:
        con.close()


def test_without_a_good_backup_the_way_out_says_what_to_do(ws, actor):
    ids = [ws.campaigns.create(actor.id, f"Kampanye {i}").id for i in range(10)]
    fill_reports(ws.db_path, ids)
    damage_table(ws.db_path, "report", 4)
    result = quick_check(ws.data_dir)
    assert not result.ok and result.newest_good is None
    assert result.way_out.startswith("Jalan keluar: belum ada cadangan yang baik") and "pengelola TI" in result.way_out


def test_a_file_that_is_not_sqlite_or_not_ours_is_told_plainly(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "wawaran.sqlite3").write_bytes(b"Dokumen Word, bukan basis data. " * 300)
    result = quick_check(folder)
    assert not result.ok and "bukan basis data SQLite" in result.message and result.way_out
    other = tmp_path / "lain"
    other.mkdir()
    con = sqlite3.connect(other / "wawaran.sqlite3")
    con.execute("CREATE TABLE pelanggan (id INTEGER PRIMARY KEY)")
    con.execute("PRAGMA user_version = 2")
    con.commit()
    con.close()
    result = full_check(other)
    assert not result.ok and "bukan milik Wawaran Desktop" in result.message
    missing = check(tmp_path / "kosong", full=False)
    assert not missing.ok and "tidak ada" in missing.message


def test_the_quick_check_runs_on_another_thread_while_the_application_writes(ws, actor):
    """As the window will run it: on a worker thread, on a connection of its own, during saves."""
    results = []
    worker = threading.Thread(target=lambda: results.extend(quick_check(ws.data_dir) for _ in range(5)))
    worker.start()
    for i in range(40):
        ws.campaigns.create(actor.id, f"Kampanye {i}")
    worker.join(timeout=60)
    assert len(results) == 5 and all(r.ok for r in results), [r.message for r in results]
    assert ws.campaigns.count() == 40


def test_after_start_backs_up_a_whole_file_and_never_a_damaged_one(ws, actor, clock):
    ids = [ws.campaigns.create(actor.id, f"Kampanye {i}").id for i in range(12)]
    fill_reports(ws.db_path, ids)
    first = ws.backups.after_start()
    assert first.integrity.ok and first.backup is not None and first.backup.campaigns == 12 and not first.problem
    assert ws.backups.after_start().backup is None  # one a WIB day
    ws.backups.set_rotation(actor.id, backups.Rotation(daily=1, weekly=0, monthly=0))
    clock.advance(days=1)
    damage_table(ws.db_path, "report", 4)
    later = ws.backups.after_start()
    assert not later.integrity.ok and later.backup is None
    assert later.integrity.newest_good.path == first.backup.path  # the way out, kept: nothing rotated away
    assert [e.path for e in ws.backups.list()] == [first.backup.path]
