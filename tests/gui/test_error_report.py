"""Unexpected errors are logged and explained in Indonesian."""

from __future__ import annotations

import sqlite3

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
    assert "dipakai oleh program lain" in texts[0]
    assert "tetap aman" in texts[0]
    assert str(log) in texts[0]
    assert "database is locked" in log.read_text(encoding="utf-8")


def test_messages_for_full_disk_and_other_errors(tmp_path):
    full = OSError(28, "No space left on device")
    assert "Penyimpanan komputer penuh" in error_report.user_message(full, tmp_path / "x.log")
    assert "tidak terduga" in error_report.user_message(ValueError("boom"), tmp_path / "x.log")


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
