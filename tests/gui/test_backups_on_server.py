"""On the office server (a real PostgreSQL, tests/pg_server.py) backups are the server's: *Berkas →
Cadangan & Pemulihan…* says so and where the procedure is, and nothing is checked or backed up after
start-up (no ``backups/`` folder appears in the PC's data folder)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from wawaran_desktop.services.workspace import open_workspace
from wawaran_desktop.views import backup_watch


@pytest.fixture
def ws(data_dir, clock, pg_empty_url):
    workspace = open_workspace(data_dir, clock=clock, database_url=pg_empty_url)
    yield workspace
    workspace.close()


def test_the_menu_says_backups_are_the_servers_and_nothing_runs_after_start(ws, staff, make_window, modals,
                                                                            monkeypatch, qtbot):
    monkeypatch.setattr(backup_watch, "AFTER_START_MS", 50)
    window = make_window(ws, staff[0].id)
    assert ws.backups.on_server and not window.backup_watch.timer.isActive()
    texts: list[str] = []

    def read(box):
        assert isinstance(box, QMessageBox)
        texts.append(f"{box.windowTitle()}|{box.text()}")
        box.accept()

    modals.then(read)
    window.ui.actionBackups.trigger()
    assert not modals.pending and not modals.errors
    title, text = texts[0].split("|")
    assert title == "Cadangan dikelola server"
    assert text.startswith("Basis data ini ada di server kantor (PostgreSQL): cadangannya dibuat dan dipulihkan di "
                           "server oleh pengelolanya")
    assert "pg_dump" in text and "README, bagian Backups" in text and "hubungi administrator server kantor" in text
    qtbot.wait(300)  # past the after-start moment of a PC's file
    assert window.backup_watch.job is None and not (ws.data_dir / "backups").exists()
