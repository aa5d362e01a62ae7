"""``kill -9`` during a backup and during the copy taken before a migration (issue 16): a process
killed at any moment leaves no complete-looking copy that is not a whole, checked one; what it
left (``.partial``) is ignored by the listing and cleaned later; the next backup or start works.
Real processes, really killed (SIGKILL), on real files."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from peewee import SqliteDatabase

from wawaran_desktop.db import backup as engine
from wawaran_desktop.db.connection import close_database, inspect_version
from wawaran_desktop.db.migrations import LATEST_VERSION, apply_migrations
from wawaran_desktop.services.backups import list_backups
from wawaran_desktop.services.workspace import open_workspace

#: Blobs that make the file big enough (~24 MB) for a copy to take a moment.
BLOBS = 24


def fill(path: Path) -> None:
    con = sqlite3.connect(path)
    con.executemany("INSERT INTO stored_file (name, content, size, sha256, saved_at) VALUES (?, randomblob(?), ?, '', "
                    "'2026-11-26 01:00:00')", [(f"lampiran-{i}.bin", 1 << 20, 1 << 20) for i in range(BLOBS)])
    con.commit()
    con.close()


def spawn(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def kill(process: subprocess.Popen) -> None:
    """``kill -9`` (SIGKILL; TerminateProcess on Windows): no handler, no cleanup, no flush."""
    process.kill()
    process.wait(timeout=30)
    assert process.returncode == (-signal.SIGKILL if os.name == "posix" else 1)


def complete_looking(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix == ".sqlite3" and not engine.is_partial(p))


def age(paths, seconds: float = 3600) -> None:
    then = time.time() - seconds
    for path in paths:
        os.utime(path, (then, then))


BACKUP_PAUSED_MID_COPY = """
import sys, time
from wawaran_desktop.db import backup
from wawaran_desktop.services.workspace import open_workspace
backup.PAGES_PER_STEP = 64
ws = open_workspace(sys.argv[1])
def progress(done, total):
    if 0 < done < total:
        print(f"menyalin {done}/{total}", flush=True)
        time.sleep(60)
ws.backups.create(progress=progress)
"""


def test_a_backup_killed_mid_copy_leaves_only_a_partial_file_that_is_ignored_then_cleaned(data_dir):
    ws = open_workspace(data_dir)
    ws.close()
    fill(data_dir / "wawaran.sqlite3")
    process = spawn(BACKUP_PAUSED_MID_COPY, str(data_dir))
    try:
        line = process.stdout.readline()
        assert line.startswith("menyalin "), process.stderr.read()
    finally:
        kill(process)
    folder = data_dir / "backups"
    left = sorted(p.name for p in folder.iterdir())
    assert all(engine.is_partial(folder / name) for name in left)  # the copy and SQLite's -journal of it
    assert left[0].endswith(".sqlite3.partial")
    assert sum((folder / name).stat().st_size for name in left) > 0  # it was being written when killed
    assert complete_looking(folder) == [] and list_backups(data_dir) == []
    ws = open_workspace(data_dir)
    try:
        assert ws.backups.list() == []
        age(folder.iterdir())
        entry = ws.backups.create()  # cleans the stale leftover, then writes its own
        assert sorted(p.name for p in folder.iterdir()) == [entry.name]
        assert engine.examine(entry.path).version == LATEST_VERSION
    finally:
        ws.close()


BACKUPS_FOREVER = """
import sys
from wawaran_desktop.services.workspace import open_workspace
ws = open_workspace(sys.argv[1])
print("siap", flush=True)
while True:
    ws.backups.create()
"""


def test_backups_killed_at_random_moments_never_leave_a_bad_copy_under_a_backups_name(data_dir):
    ws = open_workspace(data_dir)
    staff = ws.staff.add("Rina Wulandari", "19850312 201001 2 004", "Analis Diseminasi", "subkor")
    for i in range(5):
        ws.campaigns.create(staff.id, f"Kampanye {i}")
    ws.close()
    fill(data_dir / "wawaran.sqlite3")
    rng = random.Random(16)
    folder = data_dir / "backups"
    partials_seen = 0
    for _ in range(4):
        process = spawn(BACKUPS_FOREVER, str(data_dir))
        try:
            assert process.stdout.readline().strip() == "siap", process.stderr.read()
            time.sleep(rng.uniform(0.02, 0.3))
        finally:
            kill(process)
        partials_seen += any(engine.is_partial(p) for p in folder.iterdir())
        age(p for p in folder.iterdir() if engine.is_partial(p))  # a later writer may clean them
    copies = complete_looking(folder)
    assert copies and partials_seen >= 1  # the kills fell in the middle of copies
    for copy in copies:
        facts = engine.examine(copy)  # the full integrity check
        assert (facts.version, facts.campaigns) == (LATEST_VERSION, 5)
    assert sorted(e.path for e in list_backups(data_dir)) == copies


START_ON_AN_OLDER_FILE = """
import sys
from wawaran_desktop.db.connection import open_database
print("mulai", flush=True)
open_database(sys.argv[1])
print("selesai", flush=True)
"""


def version_7_file(path: Path) -> None:
    db = SqliteDatabase(str(path))
    db.connect()
    apply_migrations(db, up_to=7)
    db.execute_sql("INSERT INTO staff (name, lane, created_at) VALUES ('Lama', 'tim', '2026-01-01')")
    db.close()
    fill(path)


def test_a_start_killed_during_the_pre_migration_copy_leaves_no_empty_copy_beside_the_file(tmp_path):
    """Issue 16: 6 of 6 such kills left a valid but empty copy under the final name."""
    template = tmp_path / "v7.sqlite3"
    version_7_file(template)
    data = tmp_path / "data"
    data.mkdir()
    db_path = data / "wawaran.sqlite3"
    folder = data / "backups"
    caught = 0
    for _ in range(3):
        db_path.write_bytes(template.read_bytes())
        for path in folder.glob("*") if folder.exists() else []:
            path.unlink()
        process = spawn(START_ON_AN_OLDER_FILE, str(db_path))
        try:
            assert process.stdout.readline().strip() == "mulai", process.stderr.read()
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and process.poll() is None:
                if folder.exists() and any(engine.is_partial(p) for p in folder.iterdir()):
                    break  # the copy is being written: now
                time.sleep(0.0005)
        finally:
            if process.poll() is None:
                kill(process)
                caught += 1
        if folder.exists():
            for copy in complete_looking(folder):  # only whole copies carry a backup's name
                facts = engine.examine(copy)
                assert facts.version == 7 and facts.size > BLOBS << 20
        assert inspect_version(db_path) == 7  # the file itself was not migrated yet
    assert caught >= 2
    age(folder.iterdir())
    ws = open_workspace(data)  # the next start: a fresh copy, then the migration
    try:
        [copy] = complete_looking(folder)
        assert [p.name for p in folder.iterdir()] == [copy.name]  # the stale partial cleaned
        assert copy.name.startswith("wawaran-v7-") and engine.examine(copy).version == 7
        assert [e.kind for e in ws.backups.list()] == ["sebelum-pembaruan"]
    finally:
        ws.close()
        close_database()


RESTORE = """
import sys
from pathlib import Path
from wawaran_desktop.services.backups import restore_into
from wawaran_desktop.services.clock import utc_now
print("mulai", flush=True)
restore_into(Path(sys.argv[1]), Path(sys.argv[2]), utc_now, None)
print("selesai", flush=True)
"""


def test_a_restore_killed_at_any_moment_leaves_the_old_file_or_the_restored_one_with_its_record(tmp_path):
    from wawaran_desktop.services.history import HistoryService

    data = tmp_path / "data"
    ws = open_workspace(data)
    staff = ws.staff.add("Rina Wulandari", "19850312 201001 2 004", "Analis Diseminasi", "subkor")
    ws.campaigns.create(staff.id, "Dalam cadangan")
    ws.close()
    fill(data / "wawaran.sqlite3")
    ws = open_workspace(data)
    backup = ws.backups.create()
    for i in range(3):
        ws.campaigns.create(staff.id, f"Sesudah cadangan {i}")
    ws.close()
    template = tmp_path / "sekarang.sqlite3"
    template.write_bytes((data / "wawaran.sqlite3").read_bytes())
    rng = random.Random(16)
    outcomes = []
    duration = None  # of a whole restore, measured by the first, not killed
    for _ in range(7):
        for path in data.iterdir():
            if path.is_file():
                path.unlink()
        (data / "wawaran.sqlite3").write_bytes(template.read_bytes())
        process = spawn(RESTORE, str(data), str(backup.path))
        try:
            assert process.stdout.readline().strip() == "mulai", process.stderr.read()
            if duration is None:
                started = time.monotonic()
                assert process.wait(timeout=60) == 0, process.stderr.read()
                duration = time.monotonic() - started
            else:
                time.sleep(rng.uniform(0.0, duration))
        finally:
            if process.poll() is None:
                kill(process)
        ws = open_workspace(data)  # the next start
        try:
            titles = sorted(c.title for c in ws.campaigns.list())
            assert engine.check_in_use(ws.db_path, full=True).problems == []
            assert HistoryService(ws).verify().whole
            restored = titles == ["Dalam cadangan"]
            assert restored or titles == ["Dalam cadangan", "Sesudah cadangan 0", "Sesudah cadangan 1",
                                          "Sesudah cadangan 2"]
            if restored:  # never in place without the record of its restore
                con = sqlite3.connect(ws.db_path)
                try:
                    assert con.execute("SELECT action FROM audit_entry ORDER BY id DESC").fetchone() == ("restore",)
                finally:
                    con.close()
                aside = [e for e in ws.backups.list() if e.kind == "sebelum-pemulihan"]
                assert aside and all(engine.examine(e.path).campaigns == 4 for e in aside)  # the old file kept
                # (a restore killed after setting the file aside and before the swap left one more)
            outcomes.append(restored)
        finally:
            ws.close()
    assert outcomes[0] and not all(outcomes)  # the whole one restored; kills fell before the swap too


SAVES_FOREVER = """
import sys
from wawaran_desktop.services.workspace import open_workspace
ws = open_workspace(sys.argv[1])
actor = int(sys.argv[2])
i = 0
while True:
    i += 1
    created = ws.campaigns.create(actor, f"Kampanye {i}")  # campaign, nine steps, audit entry, chain link
    print(created.id, flush=True)  # acknowledged: the save returned
"""


def test_kill_9_during_a_stream_of_saves_loses_nothing_acknowledged(data_dir):
    from wawaran_desktop.services.history import HistoryService

    ws = open_workspace(data_dir)
    actor = ws.staff.add("Rina Wulandari", "19850312 201001 2 004", "Analis Diseminasi", "subkor").id
    ws.close()
    rng = random.Random(16)
    acknowledged: list[int] = []
    for _ in range(5):
        process = spawn(SAVES_FOREVER, str(data_dir), str(actor))
        try:
            first = process.stdout.readline()
            assert first.strip().isdigit(), process.stderr.read()
            acknowledged.append(int(first))
            time.sleep(rng.uniform(0.05, 0.4))
        finally:
            kill(process)
        acknowledged += [int(line) for line in process.stdout.read().split()]
    ws = open_workspace(data_dir)
    try:
        stored = {c.id for c in ws.campaigns.list()}
        assert set(acknowledged) <= stored  # nothing acknowledged is lost
        assert len(stored) - len(acknowledged) <= 5  # at most the one committed but not yet printed, per kill
        assert all(len(ws.campaigns.get(cid).steps) == 9 for cid in stored)  # no half-written campaign
        assert engine.check_in_use(ws.db_path, full=True).problems == []
        assert HistoryService(ws).verify().whole
    finally:
        ws.close()
    assert len(acknowledged) >= 20


def test_kill_9_at_random_moments_of_a_migration_leaves_a_whole_file_at_the_old_or_new_version(tmp_path):
    template = tmp_path / "v7.sqlite3"
    version_7_file(template)
    data = tmp_path / "data"
    data.mkdir()
    db_path = data / "wawaran.sqlite3"
    rng = random.Random(7)
    versions = []
    for _ in range(4):
        for path in data.rglob("*"):
            if path.is_file():
                path.unlink()
        db_path.write_bytes(template.read_bytes())
        process = spawn(START_ON_AN_OLDER_FILE, str(db_path))
        try:
            assert process.stdout.readline().strip() == "mulai", process.stderr.read()
            time.sleep(rng.uniform(0.0, 0.3))
        finally:
            if process.poll() is None:
                kill(process)
        con = sqlite3.connect(db_path)
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            assert engine.integrity_problems(con) == []
            assert con.execute("SELECT name FROM staff").fetchall() == [("Lama",)]
        finally:
            con.close()
        assert version in (7, LATEST_VERSION)
        for copy in complete_looking(data / "backups") if (data / "backups").exists() else []:
            assert engine.examine(copy).version == 7
        versions.append(version)
        ws = open_workspace(data)  # the next start finishes the work
        ws.close()
        close_database()
        assert inspect_version(db_path) == LATEST_VERSION
