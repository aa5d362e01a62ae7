"""Owner-only files (issue 13): the data folder, database, its -wal/-shm, the copy taken before a
migration, the error logs and settings.ini are readable by their owner only (POSIX: folders 0700,
files 0600); a looser existing folder is tightened when opened; documents exported elsewhere keep
the ordinary permissions of the place the user chose.

Real folders and files in ``tmp_path``; every test sets a permissive umask first, so a file left
to the umask's defaults would fail it.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from wawaran_desktop import paths
from wawaran_desktop.db.connection import BACKUP_DIR, close_database, open_database
from wawaran_desktop.db.migrations import LATEST_VERSION, apply_migrations
from wawaran_desktop.infra import atomic, private_files
from wawaran_desktop.infra.atomic import write_bytes_atomically
from wawaran_desktop.services.workspace import open_workspace


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def loose_umask() -> Iterator[None]:
    """The most permissive umask: only the application's own choices make anything private."""
    before = os.umask(0)
    try:
        yield
    finally:
        os.umask(before)
        close_database()


def test_the_platform_here_is_posix_so_permissions_are_set():
    assert os.name == "posix" and private_files.ENFORCED


def test_a_new_data_folder_and_its_database_with_wal_and_shm_are_owner_only(tmp_path: Path):
    folder = paths.data_dir(tmp_path / "data")
    assert mode(folder) == 0o700
    ws = open_workspace(folder)
    try:
        ws.staff.add("Rina Wulandari", None, "Analis", "subkor")  # a write: the WAL is in use
        db = folder / paths.DB_FILENAME
        wal, shm = Path(f"{db}-wal"), Path(f"{db}-shm")
        assert wal.exists() and shm.exists()  # made by SQLite, not by the application
        assert (mode(db), mode(wal), mode(shm)) == (0o600, 0o600, 0o600)
    finally:
        ws.close()


def test_sqlite_makes_wal_and_shm_with_the_database_files_permissions(tmp_path: Path):
    """What open_database relies on: SQLite copies the main file's mode to its companions."""
    db = tmp_path / "x.sqlite3"
    private_files.create_private_file(db)
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=wal")
    con.execute("CREATE TABLE t (x)")
    con.commit()
    try:
        assert mode(Path(f"{db}-wal")) == 0o600 and mode(Path(f"{db}-shm")) == 0o600
    finally:
        con.close()
    loose = tmp_path / "loose.sqlite3"  # and without the application: the umask's 0644 (here 0666 less 0)
    con = sqlite3.connect(loose)
    con.execute("PRAGMA journal_mode=wal")
    con.execute("CREATE TABLE t (x)")
    con.commit()
    try:
        assert mode(loose) & 0o044 and mode(Path(f"{loose}-wal")) == mode(loose)
    finally:
        con.close()


def test_a_database_opened_directly_is_owner_only_with_its_companions(tmp_path: Path):
    db = tmp_path / "elsewhere" / "wawaran.sqlite3"
    db.parent.mkdir()
    open_database(db).execute_sql("INSERT INTO staff (name, lane, created_at) VALUES ('A', 'tim', '2026-01-01')")
    assert mode(db) == 0o600 and mode(Path(f"{db}-wal")) == 0o600 and mode(Path(f"{db}-shm")) == 0o600


def test_the_copy_taken_before_a_migration_is_owner_only(tmp_path: Path):
    db = tmp_path / "wawaran.sqlite3"
    old = SqliteDatabase(str(db))
    old.connect()
    apply_migrations(old, up_to=LATEST_VERSION - 1)
    old.execute_sql("INSERT INTO staff (name, lane, created_at) VALUES ('Lama', 'tim', '2026-01-01')")
    old.close()
    db.chmod(0o644)  # as an older version left it
    open_database(db)
    folder = tmp_path / BACKUP_DIR
    copies = list(folder.iterdir())
    assert len(copies) == 1
    assert mode(folder) == 0o700 and mode(copies[0]) == 0o600
    assert mode(db) == 0o600  # the database itself tightened at opening
    with sqlite3.connect(copies[0]) as con:  # a real copy, readable by its owner
        assert con.execute("SELECT name FROM staff").fetchall() == [("Lama",)]


def test_an_existing_loose_data_folder_is_tightened_at_open(tmp_path: Path):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o777)
    db = folder / paths.DB_FILENAME
    con = sqlite3.connect(db)  # an earlier version's file, its WAL still there
    con.execute("PRAGMA journal_mode=wal")
    con.execute("PRAGMA user_version = 1")
    con.execute("CREATE TABLE t (x)")
    con.commit()
    wal, shm = Path(f"{db}-wal"), Path(f"{db}-shm")
    files = [db, wal, shm, folder / paths.SETTINGS_FILENAME, folder / "wawaran-error.log",
             folder / BACKUP_DIR / "wawaran-v3-20260101T000000Z.sqlite3", folder / "attachments" / "a1.pdf",
             folder / "office" / "logo-0123456789ab.png"]
    for path in files[3:]:
        path.parent.mkdir(mode=0o777, exist_ok=True)
        path.write_bytes(b"x")
    for path in files:
        path.chmod(0o666)
    read_only = folder / "office" / "read-only.txt"
    read_only.write_bytes(b"r")
    read_only.chmod(0o444)
    outside = tmp_path / "mine.txt"  # beside the folder: not the application's
    outside.write_bytes(b"o")
    outside.chmod(0o644)
    try:
        assert paths.data_dir(folder) == folder
        assert mode(folder) == 0o700
        for sub in (BACKUP_DIR, "attachments", "office"):
            assert mode(folder / sub) == 0o700, sub
        for path in files:
            assert mode(path) == 0o600, path.name
        assert mode(read_only) == 0o400  # tightened, never made writable
        assert mode(outside) == 0o644
    finally:
        con.close()


def test_error_logs_of_the_window_and_the_command_line_are_owner_only(tmp_path: Path):
    from wawaran_desktop.cli.documents import _log_traceback
    from wawaran_desktop.views import error_report

    folder = paths.data_dir(tmp_path / "data")
    try:
        raise RuntimeError("contoh galat")
    except RuntimeError as exc:
        log = error_report.write_log(exc, folder)  # (report() then tells the user; here only the file)
    assert log == folder / error_report.LOG_NAME
    assert mode(log) == 0o600 and "contoh galat" in log.read_text(encoding="utf-8")
    log.chmod(0o644)  # a log written by an earlier version
    ws = open_workspace(folder)
    try:
        try:
            raise ValueError("galat baris perintah")
        except ValueError as exc:
            assert _log_traceback(ws, exc) == log
    finally:
        ws.close()
    assert mode(log) == 0o600
    text = log.read_text(encoding="utf-8")
    assert "contoh galat" in text and "galat baris perintah" in text  # appended, not replaced


def test_settings_ini_written_by_qt_is_owner_only(tmp_path: Path):
    from PySide6.QtCore import QSettings  # loaded: as in the window

    folder = paths.data_dir(tmp_path / "data")
    settings_path = folder / paths.SETTINGS_FILENAME
    assert settings_path.exists() and mode(settings_path) == 0o600
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("jendela/ukuran", "800x600")
    settings.sync()
    assert settings.status() == QSettings.Status.NoError
    assert mode(settings_path) == 0o600  # Qt's QSaveFile kept the file's permissions
    assert "800x600" in settings_path.read_text(encoding="utf-8")


def test_settings_ini_made_by_qt_before_is_tightened_at_the_next_open(tmp_path: Path):
    from PySide6.QtCore import QSettings

    folder = tmp_path / "data"
    folder.mkdir()
    settings_path = folder / paths.SETTINGS_FILENAME
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("a", 1)
    settings.sync()
    assert mode(settings_path) == 0o666  # Qt alone: 0666 less the umask (0 here)
    paths.data_dir(folder)
    assert mode(settings_path) == 0o600


def test_files_written_atomically_in_the_data_folder_are_owner_only_but_exports_elsewhere_are_not(
        tmp_path: Path):
    folder = paths.data_dir(tmp_path / "data")
    (folder / "office").mkdir()
    inside = write_bytes_atomically(folder / "office" / "logo.png", b"png")
    assert mode(inside) == 0o600
    exports = tmp_path / "Dokumen"
    exports.mkdir()
    new = write_bytes_atomically(exports / "laporan.docx", b"docx")
    assert mode(new) == 0o666 & ~atomic.UMASK  # the ordinary permissions (the umask read at start-up)
    assert mode(new) & 0o044  # readable by others where the place allows it: not made private
    existing = exports / "evaluasi.xlsx"
    existing.write_bytes(b"old")
    existing.chmod(0o664)
    write_bytes_atomically(existing, b"new")
    assert mode(existing) == 0o664 and existing.read_bytes() == b"new"  # kept as the user had it


def test_a_command_line_run_leaves_an_owner_only_folder(tmp_path: Path):
    """The real program in a process of its own, its umask the ordinary 022."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    folder = tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        ["sh", "-c", 'umask 022 && exec "$0" "$@"', sys.executable, str(root / "main.py"), "--data-dir",
         str(folder), "list"], check=False, capture_output=True, text=True, timeout=120, env=env, cwd=root)
    assert result.returncode == 0, result.stderr
    db = folder / paths.DB_FILENAME
    assert mode(folder) == 0o700 and mode(db) == 0o600
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{db}{suffix}")
        assert not companion.exists() or mode(companion) == 0o600
