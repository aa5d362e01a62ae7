"""A restore never takes a healthy file for a damaged one, and never leaves the folder without a
database file (a second reader's findings on issue 16).

- A file locked by another program is *unavailable*, not damaged: opening it says so, the
  integrity check cannot run rather than calling it damaged, and a restore is refused with the
  file untouched (a damaged file may be restored without sign-in: a lock must never open that door).
- A damaged file is copied aside (never moved) and the restored copy takes its place in one rename:
  a restore stopped just before that rename leaves the damaged file where it was, not an empty folder
  in which the next start would make a new, empty database.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from crew import member  # tests/crew.py

from wawaran_desktop.db import backup as engine
from wawaran_desktop.db.connection import DatabaseDamaged, DatabaseUnavailable, close_database, open_database
from wawaran_desktop.services import restore as restore_module
from wawaran_desktop.services.backup_files import BackupFailed
from wawaran_desktop.services.clock import utc_now
from wawaran_desktop.services.workspace import open_workspace

HOLD = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA locking_mode=EXCLUSIVE")
con.execute("BEGIN EXCLUSIVE")
con.execute("CREATE TABLE IF NOT EXISTS pegangan (x)")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


def office(folder: Path) -> Path:
    """A data folder with a campaign and one backup; the backup's path."""
    ws = open_workspace(folder)
    sub = member(ws, "subkor")
    ws.campaigns.create(sub.id, "Wawaran Pencegahan DBD", "3M Plus")
    made = ws.backups.create().path
    ws.close()
    return made


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_locked_file_is_unavailable_not_damaged_and_is_never_restored_over(tmp_path):
    made = office(tmp_path)
    db = tmp_path / "wawaran.sqlite3"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db), "30"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(DatabaseUnavailable) as opened:
            open_workspace(tmp_path)
        assert not isinstance(opened.value, DatabaseDamaged) and "dikunci" in str(opened.value)
        with pytest.raises(engine.BackupError) as checked:
            engine.check_in_use(db, full=False)
        assert not isinstance(checked.value, engine.NotUsable) and "dikunci" in str(checked.value)
        with pytest.raises(BackupFailed):
            restore_module.restore_into(tmp_path, made, utc_now, None)
        assert not any("sebelum-pemulihan" in p.name for p in (tmp_path / "backups").iterdir())
    finally:
        holder.kill()
        holder.wait()
    ws = open_workspace(tmp_path)  # the file as it was
    try:
        assert [c.title for c in ws.campaigns.list()] == ["Wawaran Pencegahan DBD"]
    finally:
        ws.close()


def test_a_damaged_file_is_copied_aside_and_stays_in_place_until_the_restored_copy_replaces_it(
        tmp_path, monkeypatch):
    made = office(tmp_path)
    db = tmp_path / "wawaran.sqlite3"
    db.write_bytes(b"\0" * 4096 + db.read_bytes()[4096:])  # the header gone
    damaged = digest(db)
    real_replace = Path.replace

    def stop_before_the_swap(self, target):  # the process stops right before the rename
        if Path(target) == db:
            raise OSError(5, "Input/output error")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", stop_before_the_swap)
    with pytest.raises(BackupFailed) as refused:
        restore_module.restore_into(tmp_path, made, utc_now, None)
    assert "Error" not in str(refused.value)  # said in Indonesian, not the system's words
    assert db.exists() and digest(db) == damaged  # never an empty folder
    kept = [p for p in (tmp_path / "backups").iterdir() if "-rusak" in p.name and p.suffix == ".sqlite3"]
    assert kept and digest(kept[0]) == damaged
    monkeypatch.setattr(Path, "replace", real_replace)
    result = restore_module.restore_into(tmp_path, made, utc_now, None)  # again: it goes through
    close_database()
    assert result.campaigns == 1
    open_database(db)
    close_database()


def test_damage_only_the_full_check_sees_is_told_as_damage_after_start_not_as_a_failed_backup(tmp_path):
    """An index that no longer matches its table passes the quick check; the automatic backup's
    full check of its copy then fails. That is the file in use being damaged (told with the way
    out), not merely "today's backup was not made"."""
    import sqlite3

    office(tmp_path)
    con = sqlite3.connect(tmp_path / "wawaran.sqlite3")
    con.execute("PRAGMA writable_schema=ON")  # the index's definition no longer matches its entries
    con.execute("UPDATE sqlite_master SET sql = 'CREATE UNIQUE INDEX step_campaign_no ON step (no)' "
                "WHERE name = 'step_campaign_no'")
    con.commit()
    con.close()
    ws = open_workspace(tmp_path)
    try:
        after = ws.backups.after_start()
        assert not after.integrity.ok and after.backup is None
        assert after.problem == ""  # not told as "today's backup was not made"
        assert "cadangan" in (after.integrity.message + after.integrity.way_out).lower()  # the way out
    finally:
        ws.close()
