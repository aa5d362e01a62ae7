"""What the user sees when the data folder cannot be opened."""

from __future__ import annotations

import hashlib
import sqlite3

from PySide6.QtWidgets import QMessageBox

from wawaran_desktop.app import open_workspace_or_explain
from wawaran_desktop.db.migrations import LATEST_VERSION


def test_newer_database_is_explained_and_untouched(qtbot, tmp_path, modals):
    db = tmp_path / "wawaran.sqlite3"
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    con.execute("CREATE TABLE future (x)")
    con.commit()
    con.close()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    texts: list[str] = []

    def read_and_close(box):
        assert isinstance(box, QMessageBox)
        texts.append(box.text())
        box.accept()

    modals.then(read_and_close)
    assert open_workspace_or_explain(str(tmp_path)) is None
    assert "versi Wawaran Desktop yang lebih baru" in texts[0]
    assert "Berkas tidak diubah" in texts[0]
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_not_a_database_is_explained(qtbot, tmp_path, modals):
    (tmp_path / "wawaran.sqlite3").write_text("bukan basis data")
    texts: list[str] = []
    modals.then(lambda box: (texts.append(box.text()), box.accept()))
    assert open_workspace_or_explain(str(tmp_path)) is None
    assert "rusak atau bukan basis data SQLite" in texts[0]
