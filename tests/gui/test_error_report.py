"""Unexpected errors are logged and explained in Indonesian."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from wawaran_desktop.views import error_report


def test_locked_database_is_explained_and_logged(qtbot, tmp_path, modals):
    texts: list[str] = []

    def read(box):
        assert isinstance(box, QMessageBox)
        texts.append(box.text())
        box.accept()

    modals.then(read)
    try:
        raise sqlite3.OperationalError("database is locked")
    except sqlite3.OperationalError as exc:
        log = error_report.report(exc, tmp_path)
    assert texts[0].startswith("Basis data sedang dikunci oleh program lain lebih dari 5 detik")
    assert "tutup program itu, lalu ulangi" in texts[0]
    assert "tetap aman" in texts[0]
    assert str(log) in texts[0]
    assert "database is locked" in log.read_text(encoding="utf-8")


def test_messages_for_full_disk_and_other_errors(tmp_path):
    full = OSError(28, "No space left on device")
    assert "Penyimpanan komputer penuh" in error_report.user_message(full, tmp_path / "x.log")
    assert "tidak terduga" in error_report.user_message(ValueError("boom"), tmp_path / "x.log")


def sqlite_error(tmp_path, sql: str, *, read_only: bool = False, damaged: bool = False) -> sqlite3.Error:
    """The error SQLite itself raises on a real file in that state."""
    path = tmp_path / f"{len(list(tmp_path.iterdir()))}.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.executemany("INSERT INTO t VALUES (?)", [("x" * 2000,)] * 50)
    con.commit()
    con.close()
    if damaged:
        with open(path, "r+b") as stream:
            stream.seek(4096)
            stream.write(bytes((i * 37 + 11) % 256 for i in range(4096 * 3)))
    uri = f"file:{path}?mode=ro" if read_only else f"file:{path}"
    con = sqlite3.connect(uri, uri=True)
    try:
        con.execute(sql).fetchall()
    except sqlite3.Error as exc:
        return exc
    finally:
        con.close()
    raise AssertionError(f"{sql} did not fail")


def test_the_faults_the_command_line_tells_are_told_the_same_way_in_the_window(tmp_path):
    """db/faults.py's words, with what to do; a damaged file points to the window's own way out."""
    from wawaran_desktop.db.faults import describe

    log = tmp_path / "x.log"
    (tmp_path / "f").mkdir()
    read_only = sqlite_error(tmp_path / "f", "INSERT INTO t VALUES (1)", read_only=True)
    damaged = sqlite_error(tmp_path / "f", "SELECT * FROM t", damaged=True)
    locked = sqlite3.OperationalError("database is locked")
    full = sqlite3.OperationalError("database or disk is full")
    for exc in (read_only, locked, full):
        message = error_report.user_message(exc, log)
        assert message.startswith(describe(exc)) and "tidak terduga" not in message, message
        assert message.endswith(f"Rincian teknis dicatat di:\n{log}")
    io = error_report.user_message(sqlite3.OperationalError("disk I/O error"), log)
    assert io.startswith("Penyimpanan komputer gagal menulis atau membaca") and "main.py" not in io
    assert "periksa keutuhannya di Berkas → Cadangan & Pemulihan (Periksa Keutuhan)" in io
    message = error_report.user_message(damaged, log)
    assert message.startswith("Basis data rusak:") and "Berkas → Cadangan & Pemulihan" in message
    assert "tidak terduga" not in message


def test_a_full_disk_during_a_save_in_the_window_says_so_and_loses_nothing(ws, staff, make_window, modals):
    """A real full disk (SQLite's max_page_count caps the file) while the window cancels a campaign:
    the disk-full message with what to do, not "Terjadi kesalahan yang tidak terduga"."""
    from PySide6.QtWidgets import QInputDialog

    from wawaran_desktop.db.models import database

    campaign = ws.campaigns.create(staff[0].id, "Sosialisasi PBB 2027")
    window = make_window(ws, staff[0].id)
    window.list.select(campaign.id)
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")
    import peewee

    with pytest.raises(peewee.OperationalError, match="disk is full"):  # the disk fills up (as in
        for i in range(500):                                        # tests/unit/test_faults_disk_lock.py)
            ws.campaigns.rename(staff[0].id, campaign.id, f"Judul {i} " + "y" * 150)
    texts: list[str] = []

    def reason(dialog):
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue(("Jadwal bentrok dengan acara kota. " * 30)[:990])
        dialog.accept()

    def told(box):
        assert isinstance(box, QMessageBox)
        texts.append(box.text())
        box.accept()

    modals.then(reason).then(told)
    try:
        window.cancel_campaign()
    finally:
        database.execute_sql("PRAGMA max_page_count = 1073741823")
    assert not modals.pending and not modals.errors
    assert texts[0].startswith("Penyimpanan komputer penuh: kosongkan ruang disk, lalu ulangi.")
    assert "tidak terduga" not in texts[0] and "tetap aman" in texts[0]
    assert ws.campaigns.get(campaign.id).status.name != "CANCELLED"  # nothing half-written


def test_the_log_is_stamped_by_the_workspace_clock_in_wib(tmp_path, modals, monkeypatch):
    import sys

    from fakes import NINE_WIB

    # install() sets these for the whole process: give it fresh ones the test puts back
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(error_report, "_clock", [error_report.utc_now])
    monkeypatch.setattr(error_report, "_log_dir", [])
    error_report.install(tmp_path, lambda: NINE_WIB)
    modals.then(lambda box: box.accept())
    log = error_report.report(ValueError("boom"), tmp_path)
    assert "--- 2026-11-26T09:00:00+07:00\n" in log.read_text(encoding="utf-8")
